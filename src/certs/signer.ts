// Loads the bucket CA (secrets/ca.crt + secrets/ca.key) for signing leaf certificates. The key must
// be PKCS#1, as in the reference tool; error texts follow its `decoding ca.crt|ca.key: ...` wording.

import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { MaandError } from '../errors.ts';
import { children, readTlv } from './der-read.ts';
import { decodePem } from './pem.ts';
import { parseCertificate } from './parse.ts';

export interface CaSigner {
  /** DER subject Name of the CA, copied byte-exact into each leaf's issuer. */
  subject: Buffer;
  subjectKeyId?: Buffer;
  key: KeyObject;
}

export function loadCaSigner(caCertPem: string, caKeyPem: string): CaSigner {
  const certBlock = decodePem(caCertPem);
  if (!certBlock) throw new MaandError('unexpected error', 'decoding ca.crt: no PEM block found');
  let cert;
  try {
    cert = parseCertificate(certBlock.bytes);
  } catch (e) {
    throw new MaandError('unexpected error', `decoding ca.crt: ${(e as Error).message}`);
  }
  const key = loadPkcs1Key(caKeyPem);
  const spki = (k: KeyObject): Buffer => k.export({ type: 'spki', format: 'der' });
  if (!spki(createPublicKey(key)).equals(spki(cert.publicKey))) {
    throw new MaandError('unexpected error', 'ca.key does not belong to ca.crt (their public keys differ)');
  }
  return { subject: cert.subject, subjectKeyId: cert.subjectKeyId, key };
}

function loadPkcs1Key(pem: string): KeyObject {
  const block = decodePem(pem);
  if (!block) throw new MaandError('unexpected error', 'decoding ca.key: no PEM block found');
  try {
    // OpenSSL's decoder would also accept PKCS#8 here; Go's ParsePKCS1PrivateKey does not.
    if (!isPkcs1Shape(block.bytes)) throw new Error('not PKCS#1');
    return createPrivateKey({ key: block.bytes, format: 'der', type: 'pkcs1' });
  } catch {
    const convert = ' (convert it with: openssl rsa -in ca.key -traditional -out ca.key)';
    const hint = block.type === 'PRIVATE KEY' ? convert : '';
    const detail =
      block.type === 'RSA PRIVATE KEY'
        ? 'x509: malformed PKCS#1 RSA private key'
        : `found a "${block.type}" PEM block, but the CA key must be a PKCS#1 "RSA PRIVATE KEY"${hint}`;
    throw new MaandError('unexpected error', `decoding ca.key: ${detail}`);
  }
}

// RSAPrivateKey (RFC 8017 A.1.2) is a SEQUENCE of nine or more INTEGERs; PKCS#8 starts differently.
function isPkcs1Shape(der: Buffer): boolean {
  const fields = children(readTlv(der));
  return fields.length >= 9 && fields.every((f) => f.tag === 0x02);
}
