import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStateError, localGeneration, setLocalGeneration, unpackState } from '../../src/state/index.ts';
import { KEY, bucketIdOf, catalogDump, packed, secretsTree, stateBucket, tempDir } from './helpers/fixture.ts';

test('a directory without a catalog is at generation 0', () => {
  assert.equal(localGeneration(tempDir()), 0);
});

test('a fresh catalog is at generation 0 and records the generation it is given', async () => {
  const b = await stateBucket();
  assert.equal(localGeneration(b.root), 0);
  setLocalGeneration(b.root, 12);
  assert.equal(localGeneration(b.root), 12);
  assert.deepEqual(b.rows("SELECT namespace, key, current_hash FROM hash WHERE namespace = 'maand_state'"), [
    { namespace: 'maand_state', key: 'generation', current_hash: '12' },
  ]);
});

test('given a catalog at generation 5, when unpacking a generation 3 bundle, then it is refused and nothing is overwritten', async () => {
  const b = await stateBucket();
  const { file } = await packed(b.root, { key: KEY, generation: 3, bucketId: bucketIdOf(b.root) });
  setLocalGeneration(b.root, 5);
  b.kvPut('vars/bucket', { after: 'pack' });
  const dbBefore = readFileSync(join(b.root, 'data', 'maand.db'));
  const secretsBefore = secretsTree(b.root);
  await assert.rejects(unpackState(file, b.root, { key: KEY }), (e: unknown) => {
    assert.ok(isStateError(e, 'generation'));
    assert.match(e.message, /holds generation 3, older than generation 5 that the catalog .*maand\.db already saw; refusing to roll the catalog back/);
    return true;
  });
  assert.deepEqual(readFileSync(join(b.root, 'data', 'maand.db')), dbBefore);
  assert.deepEqual(secretsTree(b.root), secretsBefore);
  assert.deepEqual(readdirSync(b.root).filter((n) => n.startsWith('.maand-restore-')), []);
});

test('given the same bucket at an older generation, when unpacking a newer bundle, then catalog and secrets are replaced', async () => {
  const b = await stateBucket();
  const copy = tempDir();
  const first = await packed(b.root, { key: KEY, generation: 1, bucketId: bucketIdOf(b.root) });
  await unpackState(first.file, copy, { key: KEY });
  writeFileSync(join(copy, 'secrets', 'stale'), 'gone after the restore');
  b.kvPut('vars/bucket', { region: 'us-2' });
  const second = await packed(b.root, { key: KEY, generation: 2, bucketId: bucketIdOf(b.root) });
  await unpackState(second.file, copy, { key: KEY });
  assert.equal(localGeneration(copy), 2);
  assert.deepEqual(catalogDump(copy), catalogDump(b.root));
  assert.deepEqual(secretsTree(copy), secretsTree(b.root));
  assert.equal(existsSync(join(copy, 'data', 'maand.db-wal')), false);
});

test('given a catalog at the same generation, when unpacking, then the restore goes ahead', async () => {
  const b = await stateBucket();
  const { file } = await packed(b.root, { key: KEY, generation: 2, bucketId: bucketIdOf(b.root) });
  setLocalGeneration(b.root, 2);
  const meta = await unpackState(file, b.root, { key: KEY });
  assert.equal(meta.generation, 2);
});

test("given another bucket's catalog, when unpacking, then it is refused", async () => {
  const a = await stateBucket();
  const other = await stateBucket();
  const { file } = await packed(a.root, { key: KEY, generation: 1, bucketId: bucketIdOf(a.root) });
  await assert.rejects(unpackState(file, other.root, { key: KEY }), (e: unknown) => {
    assert.ok(isStateError(e, 'generation'));
    assert.ok(e.message.includes(`belongs to bucket ${bucketIdOf(a.root)}, but the catalog`));
    assert.ok(e.message.includes(`is bucket ${bucketIdOf(other.root)}`));
    return true;
  });
});
