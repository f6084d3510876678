// RSA key generation and PEM export. Generation is async: it runs in libuv's thread pool, so
// several 4096-bit keys are produced in parallel instead of blocking the event loop.

import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

export interface RsaKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export async function generateRsaKey(bits: number): Promise<RsaKeyPair> {
  return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

/** `RSA PRIVATE KEY` (PKCS#1) or, with `pkcs8`, `PRIVATE KEY` PEM text ending in a newline. */
export function privateKeyPem(key: KeyObject, pkcs8: boolean): string {
  return key.export({ type: pkcs8 ? 'pkcs8' : 'pkcs1', format: 'pem' }).toString();
}
