// Assembles and signs an X.509 v3 certificate (RFC 5280) from a small template, laying out fields
// and extensions the way Go's x509.CreateCertificate does, so certificates match the reference tool.

import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as der from './der.ts';

const OID = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
} as const;

/** Key usage bit positions (RFC 5280 §4.2.1.3). */
export const KeyUsage = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5 } as const;

export interface CertTemplate {
  serial: Buffer;
  /** DER Name of the issuer; for a self-signed certificate, the subject itself. */
  issuer: Buffer;
  subject: Buffer;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  isCa: boolean;
  keyUsage: number[];
  subjectKeyId?: Buffer;
  authorityKeyId?: Buffer;
  /** SAN iPAddress entries, 4 or 16 bytes each, in order. */
  ipSans?: Buffer[];
}

/** DER Name with only a common name; an empty CN gives an empty Name, as in Go. */
export function commonNameSubject(commonName: string): Buffer {
  if (commonName === '') return der.sequence();
  return der.sequence(der.set(der.sequence(der.oid(OID.commonName), der.directoryString(commonName))));
}

/** Random positive 128-bit serial number (magnitude bytes). */
export function randomSerial(): Buffer {
  for (;;) {
    const serial = randomBytes(16);
    if (serial.some((b) => b !== 0)) return serial;
  }
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (the PKCS#1 RSAPublicKey). */
export function subjectKeyIdOf(publicKey: KeyObject): Buffer {
  return createHash('sha1').update(publicKey.export({ type: 'pkcs1', format: 'der' })).digest();
}

/** DER of the signed certificate; signature SHA-256 with RSA (PKCS#1 v1.5). */
export function signCertificate(t: CertTemplate, signerKey: KeyObject): Buffer {
  const algorithm = der.sequence(der.oid(OID.sha256WithRsa), der.nullValue());
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)),
    der.unsignedInteger(t.serial),
    algorithm,
    t.issuer,
    der.sequence(der.time(t.notBefore), der.time(t.notAfter)),
    t.subject,
    t.publicKey.export({ type: 'spki', format: 'der' }),
    der.explicit(3, der.sequence(...extensions(t))),
  );
  const signature = sign('sha256', tbs, signerKey);
  return der.sequence(tbs, algorithm, der.bitString(signature));
}

// Same order and criticality as Go: key usage, basic constraints, SKI, AKI, SAN.
function extensions(t: CertTemplate): Buffer[] {
  const out = [
    extension(OID.keyUsage, true, keyUsageBits(t.keyUsage)),
    extension(OID.basicConstraints, true, t.isCa ? der.sequence(der.boolean(true)) : der.sequence()),
  ];
  if (t.subjectKeyId) out.push(extension(OID.subjectKeyId, false, der.octetString(t.subjectKeyId)));
  if (t.authorityKeyId) {
    out.push(extension(OID.authorityKeyId, false, der.sequence(der.implicitPrimitive(0, t.authorityKeyId))));
  }
  if (t.ipSans && t.ipSans.length > 0) {
    const names = t.ipSans.map((ip) => der.implicitPrimitive(7, ip));
    // RFC 5280 §4.2.1.6: the SAN is critical when the subject is empty.
    const subjectEmpty = t.subject.equals(der.sequence());
    out.push(extension(OID.subjectAltName, subjectEmpty, der.sequence(...names)));
  }
  return out;
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? der.sequence(der.oid(id), der.boolean(true), der.octetString(value))
    : der.sequence(der.oid(id), der.octetString(value));
}

// Bit 0 is the most significant bit of the first byte; trailing zero bits are declared unused.
function keyUsageBits(bits: number[]): Buffer {
  const bytes = Buffer.alloc(Math.floor(Math.max(...bits) / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] as number) | (0x80 >> (bit & 7));
  const last = bytes[bytes.length - 1] as number;
  let unused = 0;
  while (unused < 7 && (last & (1 << unused)) === 0) unused++;
  return der.bitString(bytes, unused);
}
