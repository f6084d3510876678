import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  decrypt, encrypt, ensureKvKey, isEncrypted, KvError, KvStore, kvKeyPath, loadKvKey,
} from '../../src/kv/index.ts';
import { tempDb, tempDir, rowsOf } from './helpers.ts';

function cryptoText(message: string) {
  return (e: unknown) => e instanceof KvError && e.kind === 'crypto' && e.message === message;
}

function bucketWithKey(bytes: Buffer): string {
  const root = tempDir();
  mkdirSync(join(root, 'secrets'));
  writeFileSync(kvKeyPath(root), bytes);
  return root;
}

test('given a generated secrets/kv.key, when encrypting a token, then the result is encrypted and decrypts back', () => {
  const key = ensureKvKey(tempDir());
  const sealed = encrypt(key, 'super-secret-token');
  assert.equal(isEncrypted(sealed), true);
  assert.equal(decrypt(key, sealed), 'super-secret-token');
});

test('the stored form is enc:v1: + base64 of a 12-byte nonce, the ciphertext and a 16-byte tag', () => {
  const sealed = encrypt(randomBytes(32), 'abc');
  assert.match(sealed, /^enc:v1:[A-Za-z0-9+/]+=*$/);
  assert.equal(Buffer.from(sealed.slice('enc:v1:'.length), 'base64').length, 12 + 3 + 16);
});

test('encrypting the same plaintext twice gives different values', () => {
  const key = randomBytes(32);
  assert.notEqual(encrypt(key, 'same'), encrypt(key, 'same'));
});

test('ensureKvKey creates a 32-byte key readable only by its owner and keeps it on later calls', () => {
  const root = tempDir();
  const first = ensureKvKey(root);
  assert.equal(first.length, 32);
  assert.equal(statSync(kvKeyPath(root)).mode & 0o777, 0o600);
  assert.deepEqual(ensureKvKey(root), first);
});

test('given a 31-byte key file, when loading the key, then the invalid-key error is thrown', () => {
  const root = bucketWithKey(randomBytes(31));
  assert.throws(() => loadKvKey(root), cryptoText('kv encryption key is missing or invalid'));
});

test('given no key file, when loading the key, then the invalid-key error is thrown', () => {
  assert.throws(() => loadKvKey(tempDir()), cryptoText('kv encryption key is missing or invalid'));
});

test('given a value encrypted with another key, when decrypting, then "failed to decrypt kv value" is thrown', () => {
  const sealed = encrypt(randomBytes(32), 'x');
  assert.throws(() => decrypt(randomBytes(32), sealed), cryptoText('failed to decrypt kv value'));
});

test('decrypting a plain value fails with "value is not encrypted"', () => {
  assert.throws(() => decrypt(randomBytes(32), 'plain'), cryptoText('value is not encrypted'));
});

test('decrypting bad base64 or a too short payload fails with the decrypt error', () => {
  const key = randomBytes(32);
  assert.throws(() => decrypt(key, 'enc:v1:not base64!'), cryptoText('failed to decrypt kv value'));
  assert.throws(() => decrypt(key, `enc:v1:${Buffer.alloc(27).toString('base64')}`), cryptoText('failed to decrypt kv value'));
});

test('given putSecret of a password, then the raw stored value is encrypted and getSecret returns the plaintext', () => {
  const store = new KvStore({ key: randomBytes(32) });
  store.putSecret('secrets/job/api', 'db_password', 'p@ssw0rd');
  assert.equal(isEncrypted(store.get('secrets/job/api', 'db_password')), true);
  assert.equal(store.getSecret('secrets/job/api', 'db_password'), 'p@ssw0rd');
});

test('putSecret does not trim the plaintext', () => {
  const store = new KvStore({ key: randomBytes(32) });
  store.putSecret('secrets/job/api', 'k', '  padded\n');
  assert.equal(store.getSecret('secrets/job/api', 'k'), '  padded\n');
});

test('putSecret of the same plaintext always creates a new version', () => {
  const store = new KvStore({ key: randomBytes(32) });
  store.putSecret('secrets/job/api', 'k', 'same');
  store.putSecret('secrets/job/api', 'k', 'same');
  assert.equal(store.entry('secrets/job/api', 'k')?.version, 2);
});

test('a secret persisted by one store decrypts after loading with the same key file', () => {
  const root = tempDir();
  ensureKvKey(root);
  const db = tempDb();
  const store = new KvStore({ key: () => loadKvKey(root) });
  store.putSecret('secrets/job/api', 'token', 'abc123');
  store.persist(db, 1714000000);
  assert.equal(isEncrypted(rowsOf(db, 'secrets/job/api', 'token')[0]!.value), true);
  assert.equal(KvStore.load(db, { key: () => loadKvKey(root) }).getSecret('secrets/job/api', 'token'), 'abc123');
});

test('the key loader runs once, on the first secret operation', () => {
  let calls = 0;
  const key = randomBytes(32);
  const store = new KvStore({ key: () => (calls++, key) });
  store.put('vars/job/api', 'k', 'v');
  assert.equal(calls, 0);
  store.putSecret('secrets/job/api', 'a', '1');
  store.getSecret('secrets/job/api', 'a');
  assert.equal(calls, 1);
});

test('a store without a key fails secret operations with the invalid-key error', () => {
  assert.throws(() => new KvStore().putSecret('secrets/job/api', 'k', 'v'), cryptoText('kv encryption key is missing or invalid'));
});

test('getSecret of a missing key fails with the not-found text', () => {
  const store = new KvStore({ key: randomBytes(32) });
  assert.throws(() => store.getSecret('secrets/job/api', 'nope'), (e: unknown) => e instanceof KvError && e.message === 'key not found or deleted');
});
