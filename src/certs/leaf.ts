// Leaf certificates for job allocations (`certs` in manifest.json), signed by the bucket CA.
// IP SANs only, no extended key usage, so one certificate serves as both server and client cert.

import { MaandError } from '../errors.ts';
import { ipSanBytes } from './ip.ts';
import { generateRsaKey, privateKeyPem } from './keys.ts';
import { encodePem, type PemPair } from './pem.ts';
import { loadCaSigner } from './signer.ts';
import { KeyUsage, commonNameSubject, randomSerial, signCertificate } from './x509.ts';
import { quoted } from '../util/quoted.ts';

export const LEAF_KEY_BITS = 4096;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LeafOptions {
  caCertPem: string;
  caKeyPem: string;
  commonName: string;
  /** Worker IPs; 127.0.0.1 is always put first. */
  ipSans: string[];
  /** Validity in days from now; 0 or negative gives a certificate that is born expired. */
  ttlDays: number;
  /** Key PEM `PRIVATE KEY` (PKCS#8) when true, else `RSA PRIVATE KEY` (PKCS#1). */
  pkcs8: boolean;
  now?: Date;
  keyBits?: number;
}

export async function generateLeaf(opts: LeafOptions): Promise<PemPair> {
  // Validate everything cheap before spending a second on an RSA key.
  const signer = loadCaSigner(opts.caCertPem, opts.caKeyPem);
  const sans = ['127.0.0.1', ...opts.ipSans].map((host) => {
    const bytes = ipSanBytes(host);
    if (!bytes) {
      const detail = `certificate SAN ${quoted(host)} is not an IP address (only IP SANs are supported)`;
      throw new MaandError('unexpected error', detail);
    }
    return bytes;
  });
  const now = opts.now ?? new Date();
  const { privateKey, publicKey } = await generateRsaKey(opts.keyBits ?? LEAF_KEY_BITS);
  const der = signCertificate(
    {
      serial: randomSerial(),
      issuer: signer.subject,
      subject: commonNameSubject(opts.commonName),
      notBefore: now,
      notAfter: new Date(now.getTime() + opts.ttlDays * DAY_MS),
      publicKey,
      isCa: false,
      keyUsage: [KeyUsage.digitalSignature, KeyUsage.keyEncipherment],
      authorityKeyId: signer.subjectKeyId,
      ipSans: sans,
    },
    signer.key,
  );
  return { certPem: encodePem('CERTIFICATE', der), keyPem: privateKeyPem(privateKey, opts.pkcs8) };
}
