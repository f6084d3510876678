// The bucket CA created by `maand init`: self-signed, CN = bucket id, ten years, never renewed.

import { encodePem, type PemPair } from './pem.ts';
import { generateRsaKey, privateKeyPem } from './keys.ts';
import { KeyUsage, commonNameSubject, randomSerial, signCertificate, subjectKeyIdOf } from './x509.ts';

export const CA_VALIDITY_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CaOptions {
  /** 4096 in production; 1024 in test mode. */
  keyBits: number;
  now?: Date;
}

/** A new CA certificate and its PKCS#1 (`RSA PRIVATE KEY`) key, both PEM. */
export async function generateCa(bucketId: string, opts: CaOptions): Promise<PemPair> {
  const now = opts.now ?? new Date();
  const { privateKey, publicKey } = await generateRsaKey(opts.keyBits);
  const subject = commonNameSubject(bucketId);
  const der = signCertificate(
    {
      serial: randomSerial(),
      issuer: subject,
      subject,
      notBefore: now,
      notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
      publicKey,
      isCa: true,
      keyUsage: [KeyUsage.digitalSignature, KeyUsage.keyEncipherment, KeyUsage.keyCertSign],
      subjectKeyId: subjectKeyIdOf(publicKey),
    },
    privateKey,
  );
  return { certPem: encodePem('CERTIFICATE', der), keyPem: privateKeyPem(privateKey, false) };
}
