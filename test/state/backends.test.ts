import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, isStateError, localGeneration, restoreState, saveState, type BackendOptions } from '../../src/state/index.ts';
import { KEY, stateBucket, tempDir } from './helpers/fixture.ts';

const base = (): BackendOptions => ({ name: 'prod', runId: '1', runAttempt: '1', tempDir: tempDir() });

test('the none backend restores nothing', async () => {
  const dest = join(tempDir(), 'restore.bundle');
  assert.equal(await createBackend('none', base()).restore(dest), undefined);
  assert.equal(existsSync(dest), false);
  const r = await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: undefined, backend: createBackend('none', base()) });
  assert.deepEqual({ ...r, durationMs: 0 }, { restored: false, generation: 0, backend: 'none', bytes: 0, durationMs: 0, bucketId: undefined });
});

test('given the none backend, when saving, then nothing is saved, no key is needed and the generation stays', async () => {
  const b = await stateBucket();
  const r = await saveState({ bucketRoot: b.root, key: undefined, backend: createBackend('none', base()) });
  assert.deepEqual({ ...r, durationMs: 0 }, { saved: false, generation: 0, backend: 'none', bytes: 0, durationMs: 0, reason: 'state backend is none' });
  assert.equal(localGeneration(b.root), 0);
});

test('given a bucket without a catalog, when saving, then nothing is saved and the reason says why', async () => {
  const root = tempDir();
  const backend = createBackend('branch', { ...base(), gitRemote: join(tempDir(), 'unused.git') });
  const r = await saveState({ bucketRoot: root, key: KEY, backend });
  assert.equal(r.saved, false);
  assert.equal(r.reason, `no catalog at ${join(root, 'data', 'maand.db')}`);
});

test('given no state-key, when saving to the branch backend, then it refuses to push secrets in clear', async () => {
  const b = await stateBucket();
  const backend = createBackend('branch', { ...base(), gitRemote: join(tempDir(), 'unused.git') });
  await assert.rejects(saveState({ bucketRoot: b.root, key: '', backend }), (e: unknown) => isStateError(e, 'key') && e.message.includes('into the branch state backend in clear'));
});

test('an unknown backend kind is refused with the valid ones listed', () => {
  assert.throws(() => createBackend('s3', base()), (e: unknown) => isStateError(e, 'config') && e.message === 'state backend "s3" is not one of artifact, branch, cache, none');
});

test('a state name that cannot be a cache key, artifact name and file name is refused', () => {
  for (const name of ['', 'a,b', 'a/b', '.hidden', 'x'.repeat(101), 'über']) {
    assert.throws(() => createBackend('none', { ...base(), name }), (e: unknown) => isStateError(e, 'config') && e.message.startsWith(`state name ${JSON.stringify(name)} is not valid`), name);
  }
});

test('a branch name git would refuse is refused up front', () => {
  for (const branch of ['a..b', '-x', 'x.lock', 'a b', 'a//b']) {
    assert.throws(() => createBackend('branch', { ...base(), branch, gitRemote: '/x' }), (e: unknown) => isStateError(e, 'config') && e.message.includes('is not a valid branch name'), branch);
  }
});

test('given neither a remote nor a checkout, when the branch backend restores, then it says what to pass', async () => {
  const backend = createBackend('branch', base());
  await assert.rejects(backend.restore(join(tempDir(), 'x')), (e: unknown) => isStateError(e, 'config') && e.message.includes('needs a repository: pass git-remote'));
});
