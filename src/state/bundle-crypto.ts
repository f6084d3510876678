// Sealing the bundle body: a 256-bit key from the state-key by scrypt (random salt per bundle), then
// AES-256-GCM with the header bytes as additional data. The scrypt cost read from a header must be one
// of the sets this maand writes: the header is only authenticated after the key is derived, so a forged
// header could otherwise ask for gigabytes of memory and minutes of CPU.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { StateError } from './errors.ts';
import type { BundleHeader, KdfParams } from './bundle-format.ts';

type ScryptCost = Pick<KdfParams, 'N' | 'r' | 'p'>;

/** The scrypt costs this maand accepts; the first is the one it writes. Add a set here to change the cost. */
const SCRYPT_SETS: readonly ScryptCost[] = [{ N: 2 ** 15, r: 8, p: 1 }];
const TAG_BYTES = 16;

/** Fresh KDF parameters and nonce for one bundle. */
export function newSealParams(): { kdf: KdfParams; iv: string } {
  return {
    kdf: { name: 'scrypt', ...SCRYPT_SETS[0]!, salt: randomBytes(16).toString('base64') },
    iv: randomBytes(12).toString('base64'),
  };
}

export async function seal(stateKey: string, header: BundleHeader, aad: Buffer, plain: Buffer): Promise<Buffer> {
  const key = await deriveKey(stateKey, header.kdf!);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.iv!, 'base64'), { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext, only once the tag verified; any mismatch is the one "authentication failed" error. */
export async function unseal(file: string, stateKey: string, header: BundleHeader, aad: Buffer, body: Buffer): Promise<Buffer> {
  const kdf = header.kdf!;
  const iv = Buffer.from(header.iv!, 'base64');
  const salt = Buffer.from(kdf.salt, 'base64');
  if (!SCRYPT_SETS.some((s) => s.N === kdf.N && s.r === kdf.r && s.p === kdf.p)) throw unknownCost(file, kdf);
  if (salt.length < 16 || iv.length !== 12 || body.length < TAG_BYTES) throw authFailed(file);
  const key = await deriveKey(stateKey, kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  const out = decipher.update(body.subarray(0, body.length - TAG_BYTES));
  try {
    return Buffer.concat([out, decipher.final()]);
  } catch {
    throw authFailed(file);
  }
}

export function authFailed(file: string): StateError {
  return new StateError(
    'auth',
    `state bundle ${file}: wrong state-key or corrupted (authentication failed); check that the state-key secret is the one the state was saved with`,
  );
}

function unknownCost(file: string, kdf: KdfParams): StateError {
  const known = SCRYPT_SETS.map((s) => `N=${s.N} r=${s.r} p=${s.p}`).join(', ');
  return new StateError(
    'format',
    `state bundle ${file}: scrypt parameters N=${shown(kdf.N)} r=${shown(kdf.r)} p=${shown(kdf.p)} are not ones this maand writes (${known}); the bundle was not written by this maand: restore a bundle saved by it`,
  );
}

/** A header value as text, bounded: the header is not authenticated yet. */
function shown(v: unknown): string {
  return (JSON.stringify(v) ?? 'undefined').slice(0, 24);
}

function deriveKey(stateKey: string, kdf: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(stateKey, salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
