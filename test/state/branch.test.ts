import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createBackend, isStateError, localGeneration, restoreState, saveState, type BackendOptions, type StateBackend } from '../../src/state/index.ts';
import { branchBackend } from '../../src/state/backends/branch.ts';
import { KEY, bucketIdOf, catalogDump, secretsTree, stateBucket, tempDir } from './helpers/fixture.ts';
import { bareRemote, branchFiles, clone, git } from './helpers/git.ts';

function options(checkout: string, extra: Partial<BackendOptions> = {}): BackendOptions {
  return { name: 'prod', runId: '100', runAttempt: '1', gitCwd: checkout, gitRemote: 'origin', tempDir: tempDir(), ...extra };
}

function backendIn(checkout: string, extra: Partial<BackendOptions> = {}): StateBackend {
  return createBackend('branch', options(checkout, extra));
}

const MOVED = (n: number) => (e: unknown) => {
  assert.ok(isStateError(e, 'lost-update'), `expected a lost-update StateError, got ${String(e)}`);
  assert.equal(e.message, `state branch maand-state moved: another run saved generation ${n} first; re-run this workflow`);
  return true;
};

/** A bucket saved once (generation 1) to `remote` and a second runner that restored it. */
async function twoRunners(remote: string) {
  const a = await stateBucket();
  const cloneA = clone(remote);
  await saveState({ bucketRoot: a.root, key: KEY, backend: backendIn(cloneA) });
  const bRoot = join(tempDir(), 'bucket');
  const cloneB = clone(remote);
  const restored = await restoreState({ bucketRoot: bRoot, key: KEY, backend: backendIn(cloneB) });
  assert.equal(restored.generation, 1);
  return { a, cloneA, bRoot, cloneB };
}

test('given no state branch, when restoring, then nothing is restored', async () => {
  const remote = bareRemote();
  const root = join(tempDir(), 'bucket');
  const r = await restoreState({ bucketRoot: root, key: KEY, backend: backendIn(clone(remote)) });
  assert.deepEqual({ ...r, durationMs: 0 }, { restored: false, generation: 0, backend: 'branch', bytes: 0, durationMs: 0, bucketId: undefined });
});

test('given a saved state, when another runner restores it, then the catalog and secrets are identical', async () => {
  const remote = bareRemote();
  const b = await stateBucket();
  const saved = await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(clone(remote)) });
  assert.equal(saved.saved, true);
  assert.equal(saved.generation, 1);
  const root = join(tempDir(), 'bucket');
  const r = await restoreState({ bucketRoot: root, key: KEY, backend: backendIn(clone(remote)) });
  assert.equal(r.restored, true);
  assert.equal(r.generation, 1);
  assert.equal(r.bytes, saved.bytes);
  assert.match(r.source!, /^branch maand-state@[0-9a-f]{12}$/);
  assert.deepEqual(catalogDump(root), catalogDump(b.root));
  assert.deepEqual(secretsTree(root), secretsTree(b.root));
});

test('the branch holds <name>.bundle and a <name>.json with generation, bucket id and created-at only', async () => {
  const remote = bareRemote();
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(clone(remote)) });
  const files = branchFiles(remote, 'maand-state');
  assert.deepEqual(Object.keys(files), ['prod.bundle', 'prod.json']);
  const info = JSON.parse(files['prod.json']!) as Record<string, unknown>;
  assert.deepEqual(Object.keys(info), ['bucketId', 'createdAt', 'format', 'generation']);
  assert.deepEqual({ ...info, createdAt: '' }, { bucketId: bucketIdOf(b.root), createdAt: '', format: 1, generation: 1 });
});

test('each save is a new commit on top of the previous one, with the next generation', async () => {
  const remote = bareRemote();
  const b = await stateBucket();
  const checkout = clone(remote);
  await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(checkout) });
  const second = await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(checkout, { runId: '101' }) });
  assert.equal(second.generation, 2);
  assert.equal(localGeneration(b.root), 2);
  assert.equal(git(remote, 'rev-list', '--count', 'maand-state'), '2');
  assert.match(git(remote, 'log', '-1', '--format=%B', 'maand-state'), /^maand state prod: generation 2\n\nbucket .+\nrun 101 attempt 1/);
});

test("given two buckets' states on one branch, when one saves, then the other's files stay", async () => {
  const remote = bareRemote();
  const checkout = clone(remote);
  const prod = await stateBucket();
  const staging = await stateBucket();
  await saveState({ bucketRoot: prod.root, key: KEY, backend: backendIn(checkout) });
  await saveState({ bucketRoot: staging.root, key: KEY, backend: backendIn(checkout, { name: 'staging' }) });
  await saveState({ bucketRoot: prod.root, key: KEY, backend: backendIn(checkout) });
  assert.deepEqual(Object.keys(branchFiles(remote, 'maand-state')), ['prod.bundle', 'prod.json', 'staging.bundle', 'staging.json']);
});

test('given two runners that restored generation 1, when the second saves after the first, then it is refused', async () => {
  const remote = bareRemote();
  const { a, cloneA, bRoot, cloneB } = await twoRunners(remote);
  await saveState({ bucketRoot: a.root, key: KEY, backend: backendIn(cloneA) });
  await assert.rejects(saveState({ bucketRoot: bRoot, key: KEY, backend: backendIn(cloneB) }), MOVED(2));
  assert.equal(localGeneration(bRoot), 1, 'the refused save does not advance the local generation');
  assert.equal(JSON.parse(branchFiles(remote, 'maand-state')['prod.json']!).generation, 2);
});

test('given two clones racing, when the other push lands between the check and the push, then the push is rejected, never forced', async () => {
  const remote = bareRemote();
  const { a, cloneA, bRoot, cloneB } = await twoRunners(remote);
  const racer = branchBackend(options(cloneB), {
    beforePush: async () => {
      await saveState({ bucketRoot: a.root, key: KEY, backend: backendIn(cloneA) });
    },
  });
  await assert.rejects(saveState({ bucketRoot: bRoot, key: KEY, backend: racer }), MOVED(2));
  const info = JSON.parse(branchFiles(remote, 'maand-state')['prod.json']!) as { generation: number; bucketId: string };
  assert.equal(info.generation, 2);
  assert.equal(git(remote, 'rev-list', '--count', 'maand-state'), '2');
});

test('given two clones saving at the same time, then exactly one wins and the other fails loudly', async () => {
  const remote = bareRemote();
  const { a, cloneA, bRoot, cloneB } = await twoRunners(remote);
  const results = await Promise.allSettled([
    saveState({ bucketRoot: a.root, key: KEY, backend: backendIn(cloneA) }),
    saveState({ bucketRoot: bRoot, key: KEY, backend: backendIn(cloneB) }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  MOVED(2)(failed.reason);
});

test('the save leaves the checkout alone: HEAD, branch, index and working tree', async () => {
  const remote = bareRemote();
  const checkout = clone(remote);
  const before = [git(checkout, 'rev-parse', 'HEAD'), git(checkout, 'branch', '--show-current'), git(checkout, 'status', '--porcelain'), git(checkout, 'branch', '--list')];
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(checkout) });
  await restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend: backendIn(checkout) });
  const after = [git(checkout, 'rev-parse', 'HEAD'), git(checkout, 'branch', '--show-current'), git(checkout, 'status', '--porcelain'), git(checkout, 'branch', '--list')];
  assert.deepEqual(after, before);
  assert.equal(git(checkout, 'rev-parse', '--is-shallow-repository'), 'false', 'a full clone stays a full clone');
});

test('given a shallow checkout, when saving twice and restoring, then the state round-trips', async () => {
  const remote = bareRemote();
  const b = await stateBucket();
  await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(clone(remote, 1)) });
  await saveState({ bucketRoot: b.root, key: KEY, backend: backendIn(clone(remote, 1)) });
  const root = join(tempDir(), 'bucket');
  const r = await restoreState({ bucketRoot: root, key: KEY, backend: backendIn(clone(remote, 1)) });
  assert.equal(r.generation, 2);
  assert.deepEqual(secretsTree(root), secretsTree(b.root));
});

test('given only a remote URL, when saving and restoring, then a scratch repository is used', async () => {
  const remote = bareRemote();
  const b = await stateBucket();
  const byUrl = (): StateBackend => createBackend('branch', { name: 'prod', runId: '1', runAttempt: '1', gitRemote: remote, branch: 'deploy/state', tempDir: tempDir() });
  await saveState({ bucketRoot: b.root, key: KEY, backend: byUrl() });
  const root = join(tempDir(), 'bucket');
  const r = await restoreState({ bucketRoot: root, key: KEY, backend: byUrl() });
  assert.equal(r.restored, true);
  assert.deepEqual(Object.keys(branchFiles(remote, 'deploy/state')), ['prod.bundle', 'prod.json']);
});

test('given an unreachable remote, when restoring, then it fails with the git error instead of restoring nothing', async () => {
  const backend = createBackend('branch', { name: 'prod', runId: '1', runAttempt: '1', gitRemote: join(tempDir(), 'missing.git'), tempDir: tempDir() });
  await assert.rejects(restoreState({ bucketRoot: join(tempDir(), 'bucket'), key: KEY, backend }), (e: unknown) => {
    assert.ok(isStateError(e, 'backend'));
    assert.match(e.message, /^state branch maand-state: git ls-remote failed: .*missing\.git/s);
    return true;
  });
});
