// The drift issue (input drift-issue) of the bundled action against the local REST stand-in and real
// sshd workers: one issue per state-name, found by its marker past the first page of issues; opened
// when drift is found, updated while it persists, closed with a comment when a run finds none, reopened
// when drift comes back; a token without issues: write is a warning, not a failed drift check.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from './cache-service.ts';
import { GitHubApi, type StoredIssue } from './github-api.ts';
import { JobRun, type StepResult, tearDown, bucketIdOf } from './runner.ts';
import { Checkout, sshInputs } from './workspace.ts';

let workers: WorkerSet;
let cache: CacheService;
let api: GitHubApi;
let co: Checkout;
let runId = 1200;
let bucketId = '';
const runs: JobRun[] = [];
const KEY = 'drift issue test state key';
const MARKER = '<!-- maand/deploy drift: prod -->';
let inputs: Record<string, string>;

async function drift(): Promise<StepResult> {
  co.forgetState(); // a fresh runner: only the checkout and the saved state
  const r = new JobRun(runId++, { workspace: co.dir, eventName: 'schedule', env: cache.env(), apiUrl: api.url });
  runs.push(r);
  const { main } = await r.both({ ...inputs, command: 'drift', 'drift-issue': 'true' });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  return main;
}
const mine = (): StoredIssue[] => api.issues.filter((i) => i.body.startsWith(MARKER));
const conf = (ip: string): string => join(workers.optDir(ip), bucketId, 'jobs', 'app', 'conf', 'app.conf');

before(async () => {
  workers = await startWorkers({ count: 2, net: '127.0.112' });
  cache = new CacheService();
  await cache.start();
  api = new GitHubApi();
  api.seedIssues(130);
  await api.start();
  co = new Checkout();
  co.bucketFor(workers.ips);
  co.job('app', { version: '1.0.0', selectors: ['worker'] }, { 'conf/app.conf': 'a=1\n', 'conf/b.conf': 'b=1\n' });
  inputs = { bucket: 'infra', 'state-key': KEY, 'state-name': 'prod', ...sshInputs(workers) };
  const r = new JobRun(runId++, { workspace: co.dir, env: cache.env(), apiUrl: api.url });
  runs.push(r);
  const { main, post } = await r.both(inputs);
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  bucketId = bucketIdOf(main);
});

after(() => tearDown([workers, cache, api], runs, [co]));

test('given no drift and no drift issue, a drift check opens none', async () => {
  const from = api.requests.length;
  const main = await drift();
  assert.equal(main.outputs['drift-detected'], 'false');
  assert.deepEqual(mine(), []);
  assert.deepEqual(api.calls(from), ['GET /repos/acme/infra/issues', 'GET /repos/acme/infra/issues'], 'every page is searched, nothing written');
  assert.match(main.stdout, /drift issue: no drift and no open drift issue/);
});

test('given drift, the check opens one issue with the marker and the drift report', async () => {
  const ip = workers.ips[1]!;
  writeFileSync(conf(ip), 'a=hacked\n');
  const main = await drift();
  assert.equal(main.outputs['drift-detected'], 'true');
  assert.equal(mine().length, 1);
  const issue = mine()[0]!;
  assert.deepEqual({ number: issue.number, title: issue.title, state: issue.state }, { number: 131, title: 'maand: drift in prod', state: 'open' });
  assert.match(issue.body, new RegExp(`^${MARKER}\\n## ⚠️ maand drift: drift in 1 job \\(app\\)\\n`));
  assert.match(issue.body, new RegExp(`\\| app \\| ${ip.replace(/\./g, '\\.')} \\| ⚠️ drifted \\| conf/app\\.conf \\|`));
  assert.match(main.stdout, /drift issue opened: https:\/\/github\.com\/acme\/infra\/issues\/131/);
});

test('given drift that persists and grows, the same issue\'s body is updated instead of a new issue', async () => {
  writeFileSync(join(workers.optDir(workers.ips[1]!), bucketId, 'jobs', 'app', 'conf', 'b.conf'), 'b=hacked\n');
  const from = api.requests.length;
  const main = await drift();
  assert.equal(mine().length, 1, 'still one issue');
  const issue = mine()[0]!;
  assert.equal(issue.number, 131);
  assert.equal(issue.state, 'open');
  assert.match(issue.body, /\| ⚠️ drifted \| conf\/app\.conf, conf\/b\.conf \|/);
  assert.deepEqual(api.calls(from), ['GET /repos/acme/infra/issues', 'GET /repos/acme/infra/issues', 'PATCH /repos/acme/infra/issues/131']);
  assert.match(main.stdout, /drift issue updated: https:\/\/github\.com\/acme\/infra\/issues\/131/);
});

test('given the drift is gone, the check comments on the issue and closes it', async () => {
  writeFileSync(conf(workers.ips[1]!), 'a=1\n');
  writeFileSync(join(workers.optDir(workers.ips[1]!), bucketId, 'jobs', 'app', 'conf', 'b.conf'), 'b=1\n');
  const main = await drift();
  assert.equal(main.outputs['drift-detected'], 'false');
  const issue = mine()[0]!;
  assert.equal(issue.state, 'closed');
  assert.equal(issue.state_reason, 'completed');
  const comments = api.comments.filter((c) => c.issue === 131);
  assert.deepEqual(comments.map((c) => c.body), [`No drift any more: [this run](https://github.com/acme/infra/actions/runs/${runId - 1}) found every job of prod in sync.`]);
  assert.match(main.stdout, /drift issue closed: https:\/\/github\.com\/acme\/infra\/issues\/131/);
});

test('given drift again, the closed issue is reopened with the new report', async () => {
  writeFileSync(conf(workers.ips[0]!), 'a=again\n');
  const main = await drift();
  assert.equal(mine().length, 1);
  const issue = mine()[0]!;
  assert.equal(issue.number, 131);
  assert.equal(issue.state, 'open');
  assert.match(issue.body, new RegExp(`\\| app \\| ${workers.ips[0]!.replace(/\./g, '\\.')} \\| ⚠️ drifted \\| conf/app\\.conf \\|`));
  assert.match(main.stdout, /drift issue reopened: https:\/\/github\.com\/acme\/infra\/issues\/131/);
});

test('given a token without issues: write, the drift check warns and still reports', async () => {
  api.deny.add('issues');
  try {
    const main = await drift();
    assert.equal(main.outputs['drift-detected'], 'true');
    assert.deepEqual(main.warnings.filter((w) => w.includes('drift issue')), ['could not update the drift issue: Resource not accessible by integration (the workflow needs permissions: issues: write); the drift report is in the job summary']);
  } finally {
    api.deny.delete('issues');
  }
});
