// The artifact backend through @actions/artifact against a local stand-in of the artifact service
// (twirp upload, blob storage) and the REST API (artifact list, zip download redirect).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createBackend, isStateError, restoreState, saveState, type BackendOptions, type StateBackend } from '../../src/state/index.ts';
import { KEY, bucketIdOf, catalogDump, packed, secretsTree, stateBucket, tempDir } from './helpers/fixture.ts';
import { API_TOKEN, ActionsService, runnerEnv } from './helpers/actions-service.ts';

const service = new ActionsService();
before(async () => {
  await service.start();
  runnerEnv(service, { workspace: tempDir(), temp: tempDir() });
});
after(() => service.stop());

function artifactIn(runId: number, extra: Partial<BackendOptions> = {}): StateBackend {
  service.run = { id: runId, headRepositoryId: 1 };
  return createBackend('artifact', {
    name: 'prod', runId: String(runId), runAttempt: '1', repository: 'acme/app', token: API_TOKEN, apiUrl: service.url, tempDir: tempDir(), ...extra,
  });
}

test('given no state artifact, when restoring, then nothing is restored', async () => {
  const r = await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: artifactIn(1, { name: 'empty' }) });
  assert.equal(r.restored, false);
});

test('given two runs that uploaded their state, when a third restores, then it gets the newest', async () => {
  const b = await stateBucket();
  const first = await saveState({ bucketRoot: b.root, key: KEY, backend: artifactIn(11) });
  b.kvPut('vars/bucket', { region: 'us-2' });
  const second = await saveState({ bucketRoot: b.root, key: KEY, backend: artifactIn(12) });
  assert.match(first.location!, /^artifact maand-state-prod \(id \d+\)$/);
  assert.equal(second.generation, 2);
  const root = join(tempDir(), 'bucket');
  const r = await restoreState({ bucketRoot: root, key: KEY, backend: artifactIn(13) });
  assert.equal(r.restored, true);
  assert.equal(r.generation, 2);
  assert.match(r.source!, /^artifact \d+ \(run 12\)$/);
  assert.deepEqual(catalogDump(root), catalogDump(b.root));
  assert.deepEqual(secretsTree(root), secretsTree(b.root));
});

test("given a newer state artifact from a fork's pull request, when restoring, then it is ignored", async () => {
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: artifactIn(21, { name: 'forked' }) });
  const intruder = await stateBucket();
  const planted = await packed(intruder.root, { key: 'the fork does not know the key', generation: 99, bucketId: bucketIdOf(intruder.root) });
  const fork = artifactIn(22, { name: 'forked' });
  service.run = { id: 22, headRepositoryId: 666 };
  await fork.save(planted.file, planted.meta);
  assert.equal(service.artifacts.filter((a) => a.name === 'maand-state-forked' && a.finalized).length, 2);
  const r = await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: artifactIn(23, { name: 'forked' }) });
  assert.equal(r.generation, 1);
  assert.match(r.source!, /\(run 21\)$/);
});

test('given two runners that restored generation 1, when the second saves after the first, then it is refused', async () => {
  const a = await stateBucket();
  await saveState({ bucketRoot: a.root, key: KEY, backend: artifactIn(31, { name: 'race' }) });
  const bRoot = join(tempDir(), 'bucket');
  await restoreState({ bucketRoot: bRoot, key: KEY, backend: artifactIn(32, { name: 'race' }) });
  await saveState({ bucketRoot: a.root, key: KEY, backend: artifactIn(33, { name: 'race' }) });
  await assert.rejects(saveState({ bucketRoot: bRoot, key: KEY, backend: artifactIn(32, { name: 'race' }) }), (e: unknown) => {
    assert.ok(isStateError(e, 'lost-update'));
    assert.match(e.message, /^state artifact \d+ \(run 33\) moved: another run saved generation 2 first \(this run started from generation 1\); re-run this workflow$/);
    return true;
  });
});

test('given a token the API refuses, when restoring, then it fails instead of restoring nothing', async () => {
  await assert.rejects(restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: artifactIn(41, { token: 'wrong' }) }), (e: unknown) => {
    assert.ok(isStateError(e, 'backend'));
    assert.equal(e.message, 'state artifact maand-state-prod: listing the artifacts of acme/app failed: HTTP 401 Unauthorized; check that the token has actions: read');
    return true;
  });
});

test('given no repository or token, when restoring, then it says which option is missing', async () => {
  const noRepo = createBackend('artifact', { name: 'prod', runId: '1', runAttempt: '1', token: API_TOKEN, tempDir: tempDir() });
  await assert.rejects(noRepo.restore(join(tempDir(), 'x')), /the repository \(owner\/repo\) is required/);
  const noToken = createBackend('artifact', { name: 'prod', runId: '1', runAttempt: '1', repository: 'acme/app', tempDir: tempDir() });
  await assert.rejects(noToken.restore(join(tempDir(), 'x')), /a token with actions: read is required/);
});
