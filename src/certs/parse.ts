// Reads the parts of an existing certificate that maand needs: validity and public key through
// Node's X509Certificate (which also rejects malformed DER), raw subject / SKI / CN through der-read.

import { X509Certificate, type KeyObject } from 'node:crypto';
import { children, oidText, readTlv, type Tlv } from './der-read.ts';

export interface ParsedCert {
  /** DER of the subject Name, byte-exact (a child's issuer must equal it). */
  subject: Buffer;
  /** The last CN attribute of the subject (Go's pkix.Name rule), "" when none. */
  commonName: string;
  subjectKeyId?: Buffer;
  notAfter: Date;
  publicKey: KeyObject;
}

/** Parses DER; throws `x509: malformed certificate` (Go's wording) for anything that is not X.509. */
export function parseCertificate(der: Buffer): ParsedCert {
  try {
    return parseUnchecked(der);
  } catch {
    throw new Error('x509: malformed certificate');
  }
}

function parseUnchecked(der: Buffer): ParsedCert {
  const x509 = new X509Certificate(der);
  const tbs = children(children(readTlv(der))[0] as Tlv);
  // tbsCertificate: [0] version?, serial, signature, issuer, validity, subject, spki, [1]?, [2]?, [3] ext?
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const subject = fields[4] as Tlv;
  const extensions = fields.slice(6).find((f) => f.tag === 0xa3);
  return {
    subject: Buffer.from(subject.raw),
    commonName: commonNameOf(subject),
    subjectKeyId: extensions ? subjectKeyIdOf(extensions) : undefined,
    notAfter: x509.validToDate,
    publicKey: x509.publicKey,
  };
}

function commonNameOf(name: Tlv): string {
  let cn = '';
  for (const rdn of children(name)) {
    for (const attr of children(rdn)) {
      const [type, value] = children(attr);
      if (type && value && oidText(type.content) === '2.5.4.3') {
        // BMPString is UTF-16BE; every other directory string type is (a subset of) UTF-8.
        const bmp = value.tag === 0x1e;
        cn = bmp ? Buffer.from(value.content).swap16().toString('utf16le') : value.content.toString('utf8');
      }
    }
  }
  return cn;
}

function subjectKeyIdOf(extensionsField: Tlv): Buffer | undefined {
  const list = children(extensionsField)[0];
  for (const ext of list ? children(list) : []) {
    const parts = children(ext);
    if (parts[0] && oidText(parts[0].content) === '2.5.29.14') {
      const value = parts[parts.length - 1] as Tlv;
      return Buffer.from(readTlv(value.content).content);
    }
  }
  return undefined;
}
