import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDb } from '../../src/catalog/db.ts';
import { packState, unpackState, readBundleHeader, isStateError, type PackOptions } from '../../src/state/index.ts';
import { encodeHeader, parseBundle } from '../../src/state/bundle-format.ts';
import { KEY, bucketIdOf, catalogDump, packed, secretsTree, stateBucket, tempDir } from './helpers/fixture.ts';

async function pack(root: string, opts: Partial<PackOptions> = {}) {
  return packed(root, { key: KEY, generation: 1, bucketId: bucketIdOf(root), ...opts });
}

function stateError(kind: string, text: string) {
  return (e: unknown) => {
    assert.ok(isStateError(e), `expected a StateError, got ${String(e)}`);
    assert.equal(e.kind, kind);
    assert.ok(e.message.includes(text), `message ${JSON.stringify(e.message)} should contain ${JSON.stringify(text)}`);
    return true;
  };
}

test('given a bucket, when its state is packed and unpacked elsewhere, then the catalog and secrets are identical, modes included', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  const dest = tempDir();
  await unpackState(file, dest, { key: KEY });
  assert.deepEqual(catalogDump(dest), catalogDump(b.root));
  assert.deepEqual(secretsTree(dest), secretsTree(b.root));
  assert.equal(secretsTree(dest)['secrets/ca.key']!.mode, '600');
  assert.equal(secretsTree(dest)['secrets']!.mode, '700');
  assert.equal(secretsTree(dest)['secrets/jobs']!.mode, '700');
});

test('the bundle holds only the catalog and secrets, never the workspace', async () => {
  const b = await stateBucket();
  b.write({ 'workspace/jobs/api/manifest.json': '{}', 'logs/x.log': 'log' });
  const { file } = await pack(b.root);
  const dest = tempDir();
  await unpackState(file, dest, { key: KEY });
  assert.equal(existsSync(join(dest, 'workspace')), false);
  assert.equal(existsSync(join(dest, 'logs')), false);
  assert.equal(existsSync(join(dest, 'data', 'maand.db')), true);
});

test('the packed file is owner-only in an owner-only temp dir', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(dirname(file)).mode & 0o777, 0o700);
});

test('the secrets are not readable in the bundle file', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  const bytes = readFileSync(file);
  assert.equal(bytes.includes(readFileSync(join(b.root, 'secrets', 'ca.key'))), false);
  assert.equal(bytes.includes('eu-1'), false);
});

test('given writes still in the WAL, when packing, then the snapshot includes them', async () => {
  const b = await stateBucket();
  const db = openDb(join(b.root, 'data', 'maand.db'));
  try {
    db.exec('PRAGMA wal_autocheckpoint = 0');
    db.prepare("INSERT INTO key_value (key, value, namespace, version, ttl, created_date, deleted) VALUES ('wal', 'only-in-the-wal', 'vars/x', 1, '0', '0', 0)").run();
    assert.equal(readFileSync(join(b.root, 'data', 'maand.db')).includes('only-in-the-wal'), false);
    const { file } = await pack(b.root);
    const dest = tempDir();
    await unpackState(file, dest, { key: KEY });
    assert.ok(catalogDump(dest).key_value!.some((r) => r.includes('only-in-the-wal')));
  } finally {
    db.close();
  }
});

test('the header carries generation, bucket id and created-at, readable without the key', async () => {
  const b = await stateBucket();
  const { file, meta } = await pack(b.root, { generation: 7, now: new Date('2030-01-02T03:04:05.000Z') });
  const header = await readBundleHeader(file);
  assert.deepEqual(header, meta);
  assert.deepEqual({ ...header, bytes: 0 }, { format: 1, generation: 7, bucketId: bucketIdOf(b.root), createdAt: '2030-01-02T03:04:05.000Z', encrypted: true, bytes: 0 });
  assert.equal(header.bytes, statSync(file).size);
});

test('the restored catalog records the bundle generation', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root, { generation: 4 });
  const dest = tempDir();
  const meta = await unpackState(file, dest, { key: KEY });
  assert.equal(meta.generation, 4);
  const { localGeneration } = await import('../../src/state/index.ts');
  assert.equal(localGeneration(dest), 4);
  assert.equal(localGeneration(b.root), 0, 'packing does not change the live catalog');
});

test('given the wrong state-key, when unpacking, then authentication fails and the bucket is untouched', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  const dest = tempDir();
  writeFileSync(join(dest, 'marker'), 'x');
  await assert.rejects(unpackState(file, dest, { key: 'wrong key' }), stateError('auth', `state bundle ${file}: wrong state-key or corrupted (authentication failed)`));
  assert.equal(existsSync(join(dest, 'data')), false);
  assert.equal(existsSync(join(dest, 'secrets')), false);
});

test('given a bundle with one flipped byte in its body, when unpacking, then authentication fails', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  const bytes = readFileSync(file);
  bytes[bytes.length - 100]! ^= 0x01;
  writeFileSync(file, bytes);
  await assert.rejects(unpackState(file, tempDir(), { key: KEY }), stateError('auth', 'wrong state-key or corrupted (authentication failed)'));
});

test('given a bundle whose header generation was edited, when unpacking, then authentication fails', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root, { generation: 1 });
  writeFileSync(file, Buffer.from(readFileSync(file).toString('latin1').replace('"generation":1,', '"generation":9,'), 'latin1'));
  assert.equal((await readBundleHeader(file)).generation, 9);
  await assert.rejects(unpackState(file, tempDir(), { key: KEY }), stateError('auth', 'authentication failed'));
});

test('given a bundle cut in half, when unpacking, then it fails and nothing is written', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  truncateSync(file, Math.floor(statSync(file).size / 2));
  const dest = tempDir();
  await assert.rejects(unpackState(file, dest, { key: KEY }), stateError('auth', 'wrong state-key or corrupted (authentication failed)'));
  assert.equal(existsSync(join(dest, 'data')), false);
});

test('given a bundle cut inside its header, when unpacking, then it is reported as truncated', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  truncateSync(file, 40);
  await assert.rejects(unpackState(file, tempDir(), { key: KEY }), stateError('format', `state bundle ${file}: truncated`));
  await assert.rejects(readBundleHeader(file), stateError('format', 'truncated'));
});

test('given a file that is not a bundle, when unpacking, then it is refused as foreign', async () => {
  const file = join(tempDir(), 'foreign.tar.gz');
  writeFileSync(file, Buffer.from('\x1f\x8b\x08\x00 definitely a gzip, not maand state', 'latin1'));
  await assert.rejects(unpackState(file, tempDir(), { key: KEY }), stateError('format', `state bundle ${file}: not a maand state bundle`));
});

test('given a bundle of a newer format version, when unpacking, then it asks to upgrade maand', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  const bytes = readFileSync(file);
  bytes.writeUInt16BE(2, 8);
  writeFileSync(file, bytes);
  await assert.rejects(unpackState(file, tempDir(), { key: KEY }), stateError('format', 'format version 2 is not supported'));
});

test('given no state-key, when packing, then it refuses to write the secrets in clear', async () => {
  const b = await stateBucket();
  for (const key of [undefined, '']) {
    await assert.rejects(pack(b.root, { key }), stateError('key', 'state-key is not set: refusing to write the bucket secrets'));
  }
});

test('given no state-key and allowPlaintext, when packing and unpacking, then the state round-trips unencrypted', async () => {
  const b = await stateBucket();
  const { file, meta } = await pack(b.root, { key: undefined, allowPlaintext: true });
  assert.equal(meta.encrypted, false);
  const dest = tempDir();
  await unpackState(file, dest, { key: undefined });
  assert.deepEqual(secretsTree(dest), secretsTree(b.root));
});

test('given a state-key, when unpacking a plaintext bundle, then it is refused as unauthenticated', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root, { key: undefined, allowPlaintext: true });
  await assert.rejects(unpackState(file, tempDir(), { key: KEY }), stateError('key', 'is not encrypted, but a state-key is set'));
});

test('given no state-key, when unpacking an encrypted bundle, then it asks for the key', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  await assert.rejects(unpackState(file, tempDir(), { key: '' }), stateError('key', 'is encrypted: pass the state-key secret'));
});

test('given a corrupted plaintext bundle, when unpacking, then the checksum catches it', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root, { key: undefined, allowPlaintext: true });
  const bytes = readFileSync(file);
  bytes[bytes.length - 10]! ^= 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(unpackState(file, tempDir(), { key: undefined }), stateError('format', 'corrupted (checksum mismatch)'));
});

test('given a bucket id that is not the catalog one, when packing, then it is refused', async () => {
  const b = await stateBucket();
  await assert.rejects(pack(b.root, { bucketId: 'someone-else' }), stateError('generation', `belongs to bucket ${bucketIdOf(b.root)}, not someone-else`));
});

test('given a bucket without a catalog, when packing, then it says there is nothing to save', async () => {
  await assert.rejects(packState(tempDir(), { key: KEY, generation: 1, bucketId: 'x' }), stateError('config', 'nothing to save'));
});

test('given a bundle whose header asks for scrypt parameters this maand does not write, when unpacking, then it is refused at once without deriving a key', async () => {
  const b = await stateBucket();
  const { file } = await pack(b.root);
  const costs = [
    { N: 2 ** 20, r: 8, p: 1 },
    { N: 2 ** 15, r: 32, p: 16 },
    { N: 2 ** 14, r: 8, p: 1 },
  ];
  for (const cost of costs) {
    const parsed = parseBundle(file, readFileSync(file));
    const header = { ...parsed.header, kdf: { ...parsed.header.kdf!, ...cost } };
    writeFileSync(file, Buffer.concat([encodeHeader(header), parsed.body]));
    const started = performance.now();
    await assert.rejects(
      unpackState(file, tempDir(), { key: KEY }),
      stateError('format', `scrypt parameters N=${cost.N} r=${cost.r} p=${cost.p} are not ones this maand writes (N=32768 r=8 p=1); the bundle was not written by this maand`),
    );
    assert.ok(performance.now() - started < 100, `refusing N=${cost.N} r=${cost.r} p=${cost.p} took ${performance.now() - started} ms: a key was derived`);
  }
});
