// The cache backend through @actions/cache against a local stand-in of the cache service (v2 protocol).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, isStateError, restoreState, saveState, type StateBackend } from '../../src/state/index.ts';
import { KEY, catalogDump, secretsTree, stateBucket, tempDir } from './helpers/fixture.ts';
import { ActionsService, runnerEnv } from './helpers/actions-service.ts';

const service = new ActionsService();
let workspace = '';
before(async () => {
  await service.start();
  workspace = tempDir();
  runnerEnv(service, { workspace, temp: tempDir() });
});
after(() => service.stop());

function cacheIn(runId: string, name = 'prod'): StateBackend {
  return createBackend('cache', { name, runId, runAttempt: '1', tempDir: tempDir() });
}

test('given an empty cache, when restoring, then nothing is restored', async () => {
  const r = await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: cacheIn('1', 'empty') });
  assert.equal(r.restored, false);
  assert.equal(r.generation, 0);
});

test('given two runs that saved, when a third restores, then it gets the newest state', async () => {
  const b = await stateBucket();
  const first = await saveState({ bucketRoot: b.root, key: KEY, backend: cacheIn('11') });
  b.kvPut('vars/bucket', { region: 'us-2' });
  const second = await saveState({ bucketRoot: b.root, key: KEY, backend: cacheIn('12') });
  assert.deepEqual([first.location, second.location], ['cache maand-state-prod-11-1', 'cache maand-state-prod-12-1']);
  assert.deepEqual([first.generation, second.generation], [1, 2]);
  const root = join(tempDir(), 'bucket');
  const r = await restoreState({ bucketRoot: root, key: KEY, backend: cacheIn('13') });
  assert.equal(r.restored, true);
  assert.equal(r.generation, 2);
  assert.equal(r.source, 'cache maand-state-prod-12-1');
  assert.deepEqual(catalogDump(root), catalogDump(b.root));
  assert.deepEqual(secretsTree(root), secretsTree(b.root));
});

test('the bundle passes through the workspace only while the cache library needs it', async () => {
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: cacheIn('21', 'transit') });
  await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: cacheIn('22', 'transit') });
  assert.equal(existsSync(join(workspace, '.maand-state')), false);
});

test('states whose names share a prefix do not see each other', async () => {
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: cacheIn('31', 'eu-prod') });
  const r = await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: cacheIn('32', 'eu') });
  assert.equal(r.restored, false);
});

test('given two runners that restored generation 1, when the second saves after the first, then it is refused', async () => {
  const a = await stateBucket();
  await saveState({ bucketRoot: a.root, key: KEY, backend: cacheIn('41', 'race') });
  const bRoot = join(tempDir(), 'bucket');
  await restoreState({ bucketRoot: bRoot, key: KEY, backend: cacheIn('42', 'race') });
  await saveState({ bucketRoot: a.root, key: KEY, backend: cacheIn('43', 'race') });
  await assert.rejects(saveState({ bucketRoot: bRoot, key: KEY, backend: cacheIn('42', 'race') }), (e: unknown) => {
    assert.ok(isStateError(e, 'lost-update'));
    assert.equal(e.message, 'state cache maand-state-race-43-1 moved: another run saved generation 2 first (this run started from generation 1); re-run this workflow');
    return true;
  });
});

test('given a run that already saved under its key, when it saves again, then the failure is an error, not a warning', async () => {
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: cacheIn('51', 'twice') });
  b.kvPut('vars/bucket', { region: 'us-2' });
  await assert.rejects(saveState({ bucketRoot: b.root, key: KEY, backend: cacheIn('51', 'twice') }), (e: unknown) => {
    assert.ok(isStateError(e, 'backend'));
    assert.match(e.message, /^state cache maand-state-twice-51-1: save failed .*generation 2 was not saved/);
    return true;
  });
});

test('given no state-key, when saving to the cache, then it refuses before uploading anything', async () => {
  const b = await stateBucket();
  const before = service.cache.length;
  await assert.rejects(saveState({ bucketRoot: b.root, key: undefined, backend: cacheIn('61', 'nokey') }), (e: unknown) => {
    assert.ok(isStateError(e, 'key'));
    assert.match(e.message, /^state-key is not set: refusing to write the bucket secrets \(CA key, KV key\) into the cache state backend in clear/);
    return true;
  });
  assert.equal(service.cache.length, before);
});
