// Command rollback of the bundled action (dist/main + dist/post) on local sshd workers, with the state in
// the Actions cache stand-in: deploy v1, deploy v2, then rollback puts the workers back on v1, the job
// summary says which release each worker went back to, and the state saved after it holds the pin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from './cache-service.ts';
import { JobRun, type StepResult, tearDown, bucketIdOf } from './runner.ts';
import { Checkout, lifecycle, remoteFile, sshInputs } from './workspace.ts';

let workers: WorkerSet;
let cache: CacheService;
let co: Checkout;
let runId = 900;
const runs: JobRun[] = [];
let inputs: Record<string, string>;
let bucketId = '';

async function run(extra: Record<string, string> = {}): Promise<{ main: StepResult; post: StepResult }> {
  co.forgetState(); // every run starts on a fresh runner: only the saved state carries anything over
  const r = new JobRun(runId++, { workspace: co.dir, env: cache.env() });
  runs.push(r);
  const out = await r.both({ ...inputs, ...extra });
  assert.equal(out.post.exitCode, 0, out.post.stdout + out.post.stderr);
  return out;
}


before(async () => {
  workers = await startWorkers({ count: 2, net: '127.0.120' });
  cache = new CacheService();
  await cache.start();
  co = new Checkout();
  co.bucketFor(workers.ips);
  inputs = { bucket: 'infra', 'state-key': 'rollback test state key 0123', ...sshInputs(workers) };
});

after(() => tearDown([workers, cache], runs, [co]));

test('given v1 then v2 deployed by the action, when command rollback runs, then the workers run v1 again, the summary says so and the state is saved', async () => {
  co.job('app', { version: '1.0.0', selectors: ['worker'] }, { 'conf/app.conf': 'a=1\n' });
  const v1 = await run();
  assert.equal(v1.main.exitCode, 0, v1.main.stdout + v1.main.stderr);
  bucketId = bucketIdOf(v1.main);
  co.job('app', { version: '2.0.0', selectors: ['worker'] }, { 'conf/app.conf': 'a=2\n' });
  const v2 = await run();
  assert.equal(v2.main.exitCode, 0, v2.main.stdout + v2.main.stderr);
  for (const ip of workers.ips) assert.equal(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), 'a=2\n');

  const { main, post } = await run({ command: 'rollback' });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.match(main.stdout, /^maand rollback: bucket .*\/infra, state maand in cache$/m);
  for (const ip of workers.ips) {
    assert.equal(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), 'a=1\n', `worker ${ip} has the v1 file again`);
    assert.deepEqual(lifecycle(workers, ip, bucketId, 'app'), ['start 1.0.0', 'restart 2.0.0', 'restart 1.0.0']);
  }
  assert.match(main.summary, /^## ✅ maand rollback: 1 job rolled back: app to release 1\n/);
  for (const ip of workers.ips) assert.ok(main.summary.includes(`| app | ${ip} | 2.0.0 | 1 | 1.0.0 | ✅ ok |`), main.summary);
  assert.equal(main.outputs['changed'], 'true');
  assert.equal(main.outputs['state-generation'], '2', 'the rollback started from the state the v2 deploy saved');
  assert.match(post.stdout, /state: saved generation 3 of bucket/);
});

test('given a rollback saved by the action, when the unchanged v2 checkout is deployed, then nothing rolls out: the pin travelled in the state', async () => {
  const { main } = await run();
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(main.outputs['changed'], 'false');
  assert.equal(main.outputs['state-generation'], '3');
  for (const ip of workers.ips) assert.equal(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), 'a=1\n');
  assert.match(main.stdout, /pinned by rollback/);
});

test('given command rollback with to naming no recorded deploy, the step fails saying so and no worker changes', async () => {
  const { main } = await run({ command: 'rollback', to: '99' });
  assert.equal(main.exitCode, 1);
  assert.ok(main.errors.some((e) => e.includes('deploy 99 is not in the deploy history')), main.errors.join('\n'));
  for (const ip of workers.ips) assert.equal(lifecycle(workers, ip, bucketId, 'app').length, 3);
});
