// Command drift of the bundled action against local sshd workers, state in the cache stand-in: a file
// changed by hand on a worker is reported (outputs, summary, annotation); drift: correct redeploys exactly
// the drifted job and saves the state; afterwards no drift. A plan of the deployed bucket says "no changes".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from './cache-service.ts';
import { GitHubApi } from './github-api.ts';
import { JobRun, tearDown, bucketIdOf } from './runner.ts';
import { Checkout, lifecycle, remoteFile, sshInputs } from './workspace.ts';

let workers: WorkerSet;
let cache: CacheService;
let api: GitHubApi;
let co: Checkout;
let runId = 700;
let bucketId = '';
const runs: JobRun[] = [];
const KEY = 'drift test state key';
let inputs: Record<string, string>;

function run(eventName = 'schedule', extra: { event?: unknown } = {}): JobRun {
  co.forgetState(); // every run starts on a fresh runner: only the checkout and the saved state
  const r = new JobRun(runId++, { workspace: co.dir, eventName, env: cache.env(), apiUrl: api.url, ...extra });
  runs.push(r);
  return r;
}

before(async () => {
  workers = await startWorkers({ count: 2, net: '127.0.57' });
  cache = new CacheService();
  await cache.start();
  api = new GitHubApi();
  await api.start();
  co = new Checkout();
  co.bucketFor(workers.ips);
  co.job('app', { version: '1.0.0', selectors: ['worker'] }, { 'conf/app.conf': 'a=1\n' });
  co.job('other', { version: '1.0.0', selectors: ['worker'] });
  inputs = { bucket: 'infra', 'state-key': KEY, ...sshInputs(workers) };
  const { main, post } = await run('push').both(inputs);
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  bucketId = bucketIdOf(main);
});

after(() => tearDown([workers, cache, api], runs, [co]));

test('a freshly deployed bucket has no drift, and a drift report saves no state', async () => {
  const saved = cache.committedKeys();
  const { main, post } = await run().both({ ...inputs, command: 'drift' });
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(main.outputs['drift-detected'], 'false');
  assert.match(main.summary, /^## ✅ maand drift: no drift in 2 jobs\n/);
  assert.match(post.stdout, /state: nothing to save/);
  assert.deepEqual(cache.committedKeys(), saved);
});

test('a plan of the deployed bucket on a pull request says "no changes" in its comment', async () => {
  const { main } = await run('pull_request', { event: { number: 7, pull_request: { number: 7 } } }).both({ command: 'plan', bucket: 'infra', 'state-key': KEY });
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(main.outputs['changed'], 'false');
  assert.equal(api.comments.length, 1);
  assert.match(api.comments[0]!.body, /^<!-- maand\/deploy plan: maand -->\n## ✅ maand plan: no changes: 2 jobs up to date\n\nBucket \*\*maand\*\* · id [0-9a-f-]+ · update\\_seq 1 · \d+\.\d s · state generation 1 · \[workflow run\]\([^)]+\)\n$/);
});

test('a file changed by hand on a worker is reported, and drift: correct redeploys exactly that job', async () => {
  const [ip1, ip2] = workers.ips as [string, string];
  writeFileSync(join(workers.optDir(ip2), bucketId, 'jobs', 'app', 'conf', 'app.conf'), 'a=hacked\n');

  const report = await run().main({ ...inputs, command: 'drift' });
  assert.equal(report.exitCode, 0, report.stdout);
  assert.equal(report.outputs['drift-detected'], 'true');
  assert.equal(report.outputs['drifted-jobs'], 'app');
  assert.equal(report.outputs['changed'], 'false');
  assert.match(report.summary, /^## ⚠️ maand drift: drift in 1 job \(app\)\n/);
  assert.match(report.summary, new RegExp(`\\| app \\| ${ip2.replace(/\./g, '\\.')} \\| ⚠️ drifted \\| conf/app\\.conf \\|`));
  assert.ok(report.warnings.includes(`maand: drift: job app drifted: ${ip2}: conf/app.conf`), report.warnings.join('\n'));
  assert.equal(remoteFile(workers, ip2, bucketId, 'app', 'conf/app.conf'), 'a=hacked\n', 'report mode changes nothing');

  const r = run();
  const correct = await r.main({ ...inputs, command: 'drift', drift: 'correct' });
  const post = await r.post({ ...inputs, command: 'drift', drift: 'correct' });
  assert.equal(correct.exitCode, 0, correct.stdout);
  assert.equal(correct.outputs['drift-detected'], 'true');
  assert.equal(correct.outputs['changed'], 'true');
  assert.match(correct.summary, /^## ✅ maand drift: drift in 1 job \(app\), corrected\n/);
  assert.match(correct.summary, /### Correction\n\n\| Wave \| Job \| Status \| Duration \| Detail \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| 0 \| app \| ✅ deployed \|/);
  assert.equal(remoteFile(workers, ip2, bucketId, 'app', 'conf/app.conf'), 'a=1\n');
  assert.deepEqual(lifecycle(workers, ip2, bucketId, 'app'), ['start 1.0.0', 'restart 1.0.0']);
  assert.deepEqual(lifecycle(workers, ip1, bucketId, 'app'), ['start 1.0.0'], 'the in-sync allocation is not touched');
  assert.deepEqual(lifecycle(workers, ip2, bucketId, 'other'), ['start 1.0.0'], 'other jobs are not redeployed');
  assert.match(post.stdout, /state: saved generation 2 of bucket/);

  const again = await run().main({ ...inputs, command: 'drift' });
  assert.equal(again.outputs['drift-detected'], 'false');
});

test('drift with no saved state under its name fails instead of comparing against a new bucket', async () => {
  const r = await run().main({ ...inputs, command: 'drift', 'state-name': 'other' });
  assert.equal(r.exitCode, 1);
  assert.deepEqual(r.errors, ['invalid argument: command drift: no saved state named other in the cache backend, so there is nothing deployed to compare; run command deploy first (or check state-name and state-backend)']);
});
