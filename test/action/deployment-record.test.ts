// GitHub deployment records of the bundled action (input environment) against the local REST stand-in
// and real sshd workers: one deployment per run with in_progress before the deploy, then success,
// "no changes", failure naming the failed jobs, error when cancelled; a token without deployments:
// write is one warning and the deploy goes on; plan and drift: report record nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from './cache-service.ts';
import { GitHubApi, type StoredDeployment } from './github-api.ts';
import { JobRun, tearDown, bucketIdOf } from './runner.ts';
import { Checkout, lifecycle, sshInputs } from './workspace.ts';

let workers: WorkerSet;
let cache: CacheService;
let api: GitHubApi;
let co: Checkout;
let runId = 1100;
const runs: JobRun[] = [];
const KEY = 'deployment record test state key';
const SHA = '0123456789abcdef0123456789abcdef01234567';
let inputs: Record<string, string>;

function run(): JobRun {
  co.forgetState(); // a fresh runner: only the checkout and the saved state
  const r = new JobRun(runId++, { workspace: co.dir, env: cache.env(), apiUrl: api.url });
  runs.push(r);
  return r;
}
const statusesOf = (d: StoredDeployment | undefined): Array<[string, string | undefined]> => (d?.statuses ?? []).map((s) => [s.state, s.description]);

before(async () => {
  workers = await startWorkers({ count: 2, net: '127.0.111' });
  cache = new CacheService();
  await cache.start();
  api = new GitHubApi();
  await api.start();
  co = new Checkout();
  co.bucketFor(workers.ips);
  co.job('app', { version: '1.0.0', selectors: ['worker'] });
  inputs = { bucket: 'infra', 'state-key': KEY, ...sshInputs(workers), environment: 'production', 'environment-url': 'https://app.example.com' };
});

after(() => tearDown([workers, cache, api], runs, [co]));

test('given environment, a deploy creates one deployment of GITHUB_SHA, in progress before the rollout and success after it', async () => {
  const r = run();
  const { main, post } = await r.both(inputs);
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(post.exitCode, 0, post.stdout);
  assert.equal(api.deployments.length, 1);
  const d = api.deployments[0]!;
  assert.deepEqual(
    { ref: d.ref, task: d.task, environment: d.environment, auto_merge: d.auto_merge, required_contexts: d.required_contexts, payload: d.payload },
    { ref: SHA, task: 'deploy', environment: 'production', auto_merge: false, required_contexts: [], payload: { bucket_id: bucketIdOf(main), update_seq: 0, state_generation: 0, jobs: ['app'] } },
  );
  assert.deepEqual(d.statuses.map(({ id: _, ...s }) => s), [
    { state: 'in_progress', description: 'maand deploy of maand', log_url: `https://github.com/acme/infra/actions/runs/${r.runId}`, environment_url: 'https://app.example.com' },
    { state: 'success', description: 'deployed app', log_url: `https://github.com/acme/infra/actions/runs/${r.runId}`, environment_url: 'https://app.example.com' },
  ]);
  const inProgress = main.stdout.indexOf(`deployment record: deployment ${d.id} in environment production is in progress`);
  assert.ok(inProgress >= 0 && inProgress < main.stdout.indexOf('app: rolling out'), 'in_progress is recorded before the rollout starts');
  assert.ok(main.stdout.indexOf(`deployment record: deployment ${d.id} in environment production: success (deployed app)`) > main.stdout.indexOf('app: rolling out'));
  assert.ok(api.requests.every((q) => q.auth === 'token ghs_testtoken'));
});

test('given nothing changed, the deployment is still recorded, as success with "no changes"', async () => {
  const before = api.deployments.length;
  const { main } = await run().both(inputs);
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(main.outputs['changed'], 'false');
  const d = api.deployments.slice(before);
  assert.equal(d.length, 1);
  assert.deepEqual(d[0]!.payload, { bucket_id: bucketIdOf(main), update_seq: 1, state_generation: 1, jobs: ['app'] });
  assert.deepEqual(statusesOf(d[0]), [['in_progress', 'maand deploy of maand'], ['success', 'no changes']]);
});

test('given a job that fails, the deployment ends as failure naming the failed job', async () => {
  co.job('broken', { version: '1.0.0', selectors: ['worker'] }, { Makefile: 'start:\n\t@exit 3\n' });
  const before = api.deployments.length;
  const { main } = await run().both(inputs);
  rmSync(join(co.bucket, 'workspace/jobs/broken'), { recursive: true });
  assert.equal(main.exitCode, 1);
  assert.equal(main.outputs['failed-jobs'], 'broken');
  const d = api.deployments.slice(before);
  assert.equal(d.length, 1);
  assert.deepEqual((d[0]!.payload as { jobs: string[] }).jobs, ['app', 'broken']);
  assert.deepEqual(statusesOf(d[0]), [['in_progress', 'maand deploy of maand'], ['failure', 'failed: broken']]);
});

test('given a cancelled deploy, the deployment ends as error', async () => {
  co.job('slow', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: 'start:\n\t@sleep 1; mkdir -p data; echo start >> data/events.log\nstop:\n\t@true\n' });
  const before = api.deployments.length;
  let sent = false;
  const r = run();
  const main = await r.main({ ...inputs, jobs: 'slow' }, {
    onLine: (line, child) => {
      if (!sent && line.includes('slow: start batch 1/2')) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  await r.post({ ...inputs, jobs: 'slow' });
  rmSync(join(co.bucket, 'workspace/jobs/slow'), { recursive: true });
  assert.ok(sent);
  assert.equal(main.exitCode, 1, main.stdout);
  const d = api.deployments.slice(before);
  assert.equal(d.length, 1);
  assert.deepEqual((d[0]!.payload as { jobs: string[] }).jobs, ['slow']);
  assert.deepEqual(statusesOf(d[0]), [['in_progress', 'maand deploy of maand'], ['error', 'cancelled: cancelled after 0 jobs deployed; the next run continues']]);
});

test('given a deploy stopped by a second signal, the deployment still ends as error before the step exits', async () => {
  co.job('slow', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: 'start:\n\t@sleep 3; mkdir -p data; echo start >> data/events.log\nstop:\n\t@true\n' });
  const before = api.deployments.length;
  let sent = 0;
  const r = run();
  const main = await r.main({ ...inputs, jobs: 'slow' }, {
    onLine: (line, child) => {
      if (sent === 0 && /slow: start batch 1\/\d/.test(line)) {
        sent = 1;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGTERM'), 200);
      }
    },
  });
  await r.post({ ...inputs, jobs: 'slow' });
  rmSync(join(co.bucket, 'workspace/jobs/slow'), { recursive: true });
  assert.equal(sent, 1);
  assert.equal(main.exitCode, 130, main.stdout);
  const d = api.deployments.slice(before);
  assert.equal(d.length, 1);
  assert.deepEqual(statusesOf(d[0]), [['in_progress', 'maand deploy of maand'], ['error', 'stopped by a second signal before it finished']]);
});

test('given a token without deployments: write, the run warns once and deploys anyway', async () => {
  co.job('app', { version: '1.1.0', selectors: ['worker'] });
  api.deny.add('deployments');
  const from = api.requests.length;
  try {
    const { main } = await run().both(inputs);
    assert.equal(main.exitCode, 0, main.stdout);
    assert.equal(main.outputs['changed'], 'true');
    const bucketId = bucketIdOf(main);
    for (const ip of workers.ips) assert.equal(lifecycle(workers, ip, bucketId, 'app').at(-1), 'restart 1.1.0');
    assert.deepEqual(api.calls(from), ['POST /repos/acme/infra/deployments'], 'no further call after the refusal');
    const mine = main.warnings.filter((w) => w.includes('deployment'));
    assert.deepEqual(mine, ['could not record the deployment in environment production: Resource not accessible by integration (the workflow needs permissions: deployments: write); the deploy itself is not affected']);
  } finally {
    api.deny.delete('deployments');
  }
});

test('given drift: correct that redeploys a drifted job, the correction is one deployment of that job', async () => {
  const first = await run().main({ ...inputs, command: 'drift' });
  const bucketId = bucketIdOf(first);
  writeFileSync(join(workers.optDir(workers.ips[0]!), bucketId, 'jobs', 'app', 'manifest.json'), '{}');
  const before = api.deployments.length;
  const { main } = await run().both({ ...inputs, command: 'drift', drift: 'correct' });
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(main.outputs['drifted-jobs'], 'app');
  const d = api.deployments.slice(before);
  assert.equal(d.length, 1);
  assert.deepEqual((d[0]!.payload as { jobs: string[] }).jobs, ['app']);
  assert.deepEqual(statusesOf(d[0]), [['in_progress', 'maand drift of maand'], ['success', 'deployed app']]);
});

test('given environment, plan and drift: report create no deployment', async () => {
  const from = api.requests.length;
  const plan = await run().both({ command: 'plan', bucket: 'infra', 'state-key': KEY, environment: 'production' });
  assert.equal(plan.main.exitCode, 0, plan.main.stdout);
  const drift = await run().both({ ...inputs, command: 'drift' });
  assert.equal(drift.main.exitCode, 0, drift.main.stdout);
  assert.deepEqual(api.calls(from), []);
  assert.match(drift.main.stdout, /deployment record: none for command drift with drift: report/);
});
