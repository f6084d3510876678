import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeCertFiles, writeSecretFile } from '../../src/certs/files.ts';
import { tempDir } from './helpers.ts';

const mode = (path: string): number => statSync(path).mode & 0o777;
const CRT = '-----BEGIN CERTIFICATE-----\nCRT\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nKEY\n-----END RSA PRIVATE KEY-----';

test('writeCertFiles stores the exact bytes in <name>.crt and <name>.key', async () => {
  const dir = join(tempDir(), 'certs');
  await writeCertFiles(dir, 'tls', CRT, KEY);
  assert.equal(readFileSync(join(dir, 'tls.crt'), 'utf8'), CRT);
  assert.equal(readFileSync(join(dir, 'tls.key'), 'utf8'), KEY);
});

test('writeCertFiles makes the certificate 0644 and the key 0600', async () => {
  const dir = tempDir();
  await writeCertFiles(dir, 'tls', CRT, KEY);
  assert.equal(mode(join(dir, 'tls.crt')), 0o644);
  assert.equal(mode(join(dir, 'tls.key')), 0o600);
});

test('writeCertFiles creates missing directories 0755 regardless of the umask', async () => {
  const root = tempDir();
  const old = process.umask(0o077);
  try {
    await writeCertFiles(join(root, 'tmp/workers/10.0.0.1/jobs/api/certs'), 'tls', CRT, KEY);
  } finally {
    process.umask(old);
  }
  assert.equal(mode(join(root, 'tmp')), 0o755);
  assert.equal(mode(join(root, 'tmp/workers/10.0.0.1/jobs/api/certs')), 0o755);
  assert.equal(mode(root), 0o700, 'an existing parent keeps its mode');
});

test('overwriting a key file that was world-readable leaves it 0600 with only the new bytes', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'tls.key'), 'OLD KEY THAT IS LONGER THAN THE NEW ONE');
  chmodSync(join(dir, 'tls.key'), 0o644);
  await writeCertFiles(dir, 'tls', CRT, KEY);
  assert.equal(mode(join(dir, 'tls.key')), 0o600);
  assert.equal(readFileSync(join(dir, 'tls.key'), 'utf8'), KEY);
});

test('writeSecretFile writes the bytes 0600 and creates its directory 0700', async () => {
  const path = join(tempDir(), 'secrets', 'ca.key');
  await writeSecretFile(path, Buffer.from([0, 1, 2, 255]));
  assert.deepEqual(readFileSync(path), Buffer.from([0, 1, 2, 255]));
  assert.equal(mode(path), 0o600);
  assert.equal(mode(join(path, '..')), 0o700);
});

test('writeSecretFile leaves an existing directory mode alone', async () => {
  const dir = join(tempDir(), 'secrets');
  mkdirSync(dir);
  chmodSync(dir, 0o750);
  await writeSecretFile(join(dir, 'kv.key'), 'k');
  assert.equal(mode(dir), 0o750);
});
