// Secret values (spec kv §1.8): AES-256-GCM, 12-byte random nonce, 16-byte tag after the
// ciphertext, no AAD, stored as `enc:v1:` + base64(nonce ‖ ciphertext ‖ tag). Byte-compatible
// with the reference so existing maand.db secrets keep decrypting.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cryptoError, DECRYPT_FAILED, KEY_INVALID, NOT_ENCRYPTED } from './errors.ts';

export const ENCRYPTED_PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function kvKeyPath(bucketRoot: string): string {
  return join(bucketRoot, 'secrets', 'kv.key');
}

/** Reads `secrets/kv.key`: exactly 32 raw bytes, else `kv encryption key is missing or invalid`. */
export function loadKvKey(bucketRoot: string): Buffer {
  let key: Buffer;
  try {
    key = readFileSync(kvKeyPath(bucketRoot));
  } catch {
    throw cryptoError(KEY_INVALID);
  }
  return checkKey(key);
}

/** Creates `secrets/kv.key` (0600, dir 0700) when missing and returns the key; never rotates. */
export function ensureKvKey(bucketRoot: string): Buffer {
  const dir = join(bucketRoot, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = kvKeyPath(bucketRoot);
  try {
    writeFileSync(file, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600); // the create mode is filtered by umask
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return loadKvKey(bucketRoot);
}

function checkKey(key: Uint8Array): Buffer {
  if (key.length !== KEY_BYTES) throw cryptoError(KEY_INVALID);
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(ENCRYPTED_PREFIX);
}

export function encrypt(key: Uint8Array, plaintext: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', checkKey(key), nonce, { authTagLength: TAG_BYTES });
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ENCRYPTED_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}

export function decrypt(key: Uint8Array, value: string): string {
  if (!isEncrypted(value)) throw cryptoError(NOT_ENCRYPTED);
  const aesKey = checkKey(key);
  // Go's decoder skips CR/LF; anything else outside the alphabet is an error (Buffer would ignore it).
  const text = value.slice(ENCRYPTED_PREFIX.length).replace(/[\r\n]/g, '');
  if (!BASE64.test(text)) throw cryptoError(DECRYPT_FAILED);
  const raw = Buffer.from(text, 'base64');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw cryptoError(DECRYPT_FAILED);
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    return plain.toString('utf8');
  } catch {
    throw cryptoError(DECRYPT_FAILED);
  }
}
