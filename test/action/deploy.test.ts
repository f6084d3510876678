// Command deploy of the bundled action (dist/main + dist/post) to local sshd workers, with the state
// kept in a stand-in of the Actions cache service (v2): first run, restore by the next run, failures,
// cancellation, a wrong state-key; then the same with the state on a branch of a local bare git repo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from './cache-service.ts';
import { JobRun, type StepResult, tearDown, bucketIdOf } from './runner.ts';
import { Checkout, lifecycle, sshInputs } from './workspace.ts';

let workers: WorkerSet;
let cache: CacheService;
let co: Checkout;
let runId = 500;
const runs: JobRun[] = [];
const KEY = 'test state key 0123456789';
let inputs: Record<string, string>;

function run(workspace = co.dir): JobRun {
  const r = new JobRun(runId++, { workspace, env: cache.env() });
  runs.push(r);
  return r;
}
const accepted = (): number => workers.ips.reduce((n, ip) => n + (readFileSync(workers.logFile(ip), 'utf8').match(/Accepted publickey/g) ?? []).length, 0);

before(async () => {
  workers = await startWorkers({ count: 3, net: '127.0.56' });
  cache = new CacheService();
  await cache.start();
  co = new Checkout();
  co.bucketFor(workers.ips);
  co.job('app', { version: '1.0.0', selectors: ['worker'] }, { 'conf/app.conf': 'a=1\n' });
  inputs = { bucket: 'infra', 'state-key': KEY, ...sshInputs(workers) };
});

after(() => tearDown([workers, cache], runs, [co]));

let bucketId = '';

test('the first deploy initialises a new bucket, deploys, and the post step saves it encrypted to the cache', async () => {
  const r = run();
  const { main, post } = await r.both(inputs);
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  bucketId = bucketIdOf(main);
  for (const ip of workers.ips) assert.deepEqual(lifecycle(workers, ip, bucketId, 'app'), ['start 1.0.0']);
  assert.match(main.stdout, /^maand deploy: bucket .*\/infra, state maand in cache$/m);
  assert.match(main.stdout, /state: no saved state named maand in the cache backend: first run, a new bucket is initialised/);
  assert.match(main.stdout, /::group::deployment sequence 0: app\n {2}app: rolling out\n/);
  assert.deepEqual({ ...main.outputs, plan: undefined }, { changed: 'true', plan: undefined, 'failed-jobs': '', 'update-seq': '1', 'drift-detected': 'false', 'drifted-jobs': '', 'state-generation': '0' });
  assert.equal(main.outputs['plan'], join(r.temp, '_temp', 'maand-maand-deploy.json'));
  assert.match(main.summary, /^## ✅ maand deploy: 1 job deployed, 0 unchanged\n\nBucket \*\*maand\*\* · id [0-9a-f-]+ · update\\_seq 1 · \d+\.\d s · state generation 0 · \[workflow run\]\(https:\/\/github\.com\/acme\/infra\/actions\/runs\/500\)\n\n> First run: no saved state named maand in the cache backend, so a new bucket is initialised/);
  assert.equal((main.summary.match(/\| app \| 127\.0\.56\.\d \| start \| ✅ ok \| 1 \| \d+\.\d s \| not started yet \|/g) ?? []).length, 3);
  const keyLine = readFileSync(workers.clientKey, 'utf8').split('\n')[1]!;
  assert.ok(main.masks.includes(keyLine), 'each line of the ssh key is masked');
  assert.ok(main.masks.includes(KEY), 'the state-key is masked');
  assert.ok(!main.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n').includes(keyLine), 'the key is only in ::add-mask:: commands');
  assert.deepEqual(readdirSync(join(r.temp, '_temp')).filter((f) => f.startsWith('maand-ssh-')), [], 'the private SSH dir is gone');
  assert.match(post.stdout, /state: saved generation 1 of bucket [0-9a-f-]+ to the cache backend \(cache maand-state-maand-500-1\)/);
  assert.deepEqual(cache.committedKeys(), ['maand-state-maand-500-1']);
  const bundle = cache.newestData();
  assert.ok(!bundle.includes(Buffer.from('BEGIN')), 'nothing of the CA key is readable in the cache entry');
});

test('the next run on a fresh runner restores the saved state, finds no changes, and saves the next generation', async () => {
  co.forgetState();
  const { main, post } = await run().both(inputs);
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.match(main.stdout, /state: restored generation 1 of bucket [0-9a-f-]+ from the cache backend \(cache maand-state-maand-500-1\)/);
  assert.equal(bucketIdOf(main), bucketId, 'the same bucket (no new id or CA)');
  assert.equal(main.outputs['changed'], 'false');
  assert.equal(main.outputs['state-generation'], '1');
  assert.match(main.summary, /^## ✅ maand deploy: no changes: 1 job up to date\n/);
  assert.match(post.stdout, /state: saved generation 2 of bucket/);
});

test('a job that fails is an annotation and the first thing in the summary, and fails the step; the state is still saved', async () => {
  co.forgetState();
  co.job('broken', { version: '1.0.0', selectors: ['worker'] }, { Makefile: 'start:\n\t@echo boom >&2; exit 3\n' });
  const { main, post } = await run().both(inputs);
  rmSync(join(co.bucket, 'workspace/jobs/broken'), { recursive: true });
  assert.equal(main.exitCode, 1);
  assert.equal(post.exitCode, 0, post.stdout);
  assert.equal(main.outputs['failed-jobs'], 'broken');
  assert.ok(main.errors.some((e) => e.startsWith('maand: job broken failed on 127.0.56.1, 127.0.56.2, 127.0.56.3: job broken: start batch 1/1 failed')), main.errors.join('\n'));
  assert.ok(main.errors.some((e) => e.startsWith('maand deploy: 1 of 2 jobs failed: job broken:')), main.errors.join('\n'));
  assert.match(main.summary, /^## ❌ maand deploy: 1 of 2 jobs failed\n[\s\S]*?\n### ❌ Failures \(1\)\n\n\| Job \| Wave \| Worker \| Reason \|\n\| --- \| --- \| --- \| --- \|\n\| broken \| 0 \| 127\.0\.56\.1, 127\.0\.56\.2, 127\.0\.56\.3 \| job broken: start batch 1\/1 failed/);
  assert.match(post.stdout, /state: saved generation 3 of bucket/);
});

test('a wrong state-key fails before any worker is contacted, and nothing is saved', async () => {
  co.forgetState();
  const before = accepted();
  const saved = cache.committedKeys().length;
  const { main, post } = await run().both({ ...inputs, 'state-key': 'not the key' });
  assert.equal(main.exitCode, 1);
  assert.equal(main.errors.length, 1, main.errors.join('\n'));
  assert.match(main.errors[0]!, /^state bundle .*: wrong state-key or corrupted \(authentication failed\); check that the state-key secret is the one the state was saved with$/);
  assert.match(main.summary, /^## ❌ maand deploy failed\n\nstate bundle .*wrong state-key/);
  assert.equal(accepted(), before, 'no ssh connection was made');
  assert.match(post.stdout, /state: nothing to save/);
  assert.equal(cache.committedKeys().length, saved);
});

test('a cancelled deploy finishes the running batch, the post step saves it, and the next run continues with the rest', async () => {
  co.forgetState();
  co.job('slow', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: 'start:\n\t@sleep 1; mkdir -p data; echo start >> data/events.log\n' });
  let sent = false;
  const r = run();
  const cancelled = await r.main(inputs, {
    onLine: (line, child) => {
      if (!sent && line.includes('slow: start batch 1/3')) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  const post = await r.post(inputs);
  assert.ok(sent);
  assert.equal(cancelled.exitCode, 1, cancelled.stdout);
  assert.match(cancelled.stdout, /SIGINT: cancelling: the running batch finishes and is checkpointed, no new batch starts/);
  assert.ok(cancelled.errors.some((e) => e.startsWith('maand deploy cancelled: cancelled after 0 jobs deployed; the next run continues; the post step saves the checkpointed state')), cancelled.errors.join('\n'));
  assert.match(cancelled.summary, /^## ⏹️ maand deploy: cancelled after 0 jobs deployed; the next run continues\n/);
  assert.deepEqual(workers.ips.map((ip) => lifecycle(workers, ip, bucketId, 'slow')), [['start'], [], []], 'only the first batch ran');
  assert.equal(post.exitCode, 0, post.stdout);
  assert.match(post.stdout, /state: saved generation 4 of bucket/);

  co.forgetState();
  const next = await run().main(inputs);
  assert.equal(next.exitCode, 0, next.stdout);
  assert.deepEqual(workers.ips.map((ip) => lifecycle(workers, ip, bucketId, 'slow')), [['start'], ['start'], ['start']], 'the rest was started, the first worker not again');
});

test('with state-backend branch the state is committed to an orphan branch of the checkout\'s remote and restored from it', async () => {
  const base = mkdtempSync(join(tmpdir(), 'maand-action-git-'));
  try {
    const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' });
    git(base, 'init', '--bare', '--quiet', '-b', 'main', 'origin.git');
    git(base, 'clone', '--quiet', join(base, 'origin.git'), 'checkout');
    const clone = new Checkout(join(base, 'checkout'));
    clone.bucketFor(workers.ips);
    clone.job('web', { version: '2.0.0', selectors: ['worker'] });
    git(clone.dir, 'add', '.');
    git(clone.dir, 'commit', '--quiet', '-m', 'bucket');
    git(clone.dir, 'push', '--quiet', 'origin', 'HEAD:main');
    const branchInputs = { ...inputs, 'state-backend': 'branch', 'state-name': 'web' };

    const first = await run(clone.dir).both(branchInputs);
    assert.equal(first.main.exitCode, 0, first.main.stdout);
    assert.equal(first.post.exitCode, 0, first.post.stdout);
    assert.match(first.post.stdout, /state: saved generation 1 of bucket [0-9a-f-]+ to the branch backend \(branch maand-state@[0-9a-f]{12}\)/);
    assert.deepEqual(git(base, '--git-dir=origin.git', 'ls-tree', '--name-only', 'maand-state').split('\n').filter(Boolean), ['web.bundle', 'web.json']);
    const webId = bucketIdOf(first.main);
    for (const ip of workers.ips) assert.deepEqual(lifecycle(workers, ip, webId, 'web'), ['start 2.0.0']);
    assert.equal(git(clone.dir, 'status', '--porcelain').includes('maand-state'), false);

    clone.forgetState();
    const second = await run(clone.dir).both(branchInputs);
    assert.equal(second.main.exitCode, 0, second.main.stdout);
    assert.match(second.main.stdout, /state: restored generation 1 of bucket .* from the branch backend \(branch maand-state@[0-9a-f]{12}\)/);
    assert.equal(second.main.outputs['changed'], 'false');
    assert.match(second.post.stdout, /state: saved generation 2 of bucket/);
    assert.equal(git(base, '--git-dir=origin.git', 'rev-list', '--count', 'maand-state').trim(), '2');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
