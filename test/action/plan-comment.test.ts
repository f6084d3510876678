// Command plan on a pull request, run as the bundled action: a dry run against the state a push run saved
// (cache stand-in), no SSH, nothing saved; one sticky comment on a stand-in of the GitHub REST API, found
// by its marker past the first page of comments, created once and then updated in place.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CacheService } from './cache-service.ts';
import { GitHubApi } from './github-api.ts';
import { JobRun, tearDown } from './runner.ts';
import { Checkout } from './workspace.ts';

let api: GitHubApi;
let cache: CacheService;
let co: Checkout;
let runId = 100;
const runs: JobRun[] = [];
const KEY = 'plan test state key';
const MARKER = '<!-- maand/deploy plan: maand -->';

function job(eventName: string): JobRun {
  const pr = eventName === 'pull_request';
  const r = new JobRun(runId++, { workspace: co.dir, eventName, ...(pr ? { event: { number: 7, pull_request: { number: 7 } } } : {}), apiUrl: api.url, env: cache.env() });
  runs.push(r);
  return r;
}

before(async () => {
  api = new GitHubApi();
  api.seed(130);
  await api.start();
  cache = new CacheService();
  await cache.start();
  co = new Checkout();
  co.bucketFor(['127.0.57.201', '127.0.57.202']);
  co.job('app', { version: '1.0.0', selectors: ['worker'] });
  const { main, post } = await job('push').both({ command: 'build', bucket: 'infra', 'state-key': KEY });
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  assert.match(main.summary, /^## ✅ maand build: catalog built: 2 workers, 1 job, 2 active allocations\n/);
});

after(() => tearDown([api, cache], runs, [co]));

const inputs = { command: 'plan', bucket: 'infra', 'state-key': KEY };

test('a plan on a pull request restores the saved state, comments once with the marker, and saves nothing', async () => {
  co.forgetState();
  const saved = cache.committedKeys();
  const { main, post } = await job('pull_request').both(inputs);
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.match(main.stdout, /state: restored generation 1 of bucket/);
  const mine = api.comments.filter((c) => c.body.startsWith(MARKER));
  assert.equal(mine.length, 1);
  assert.match(mine[0]!.body, /^<!-- maand\/deploy plan: maand -->\n## 📝 maand plan: 1 job would change, 0 up to date\n\nBucket \*\*maand\*\* · id [0-9a-f-]+ · update\\_seq 0 · \d+\.\d s · state generation 1 · \[workflow run\]\(https:\/\/github\.com\/acme\/infra\/actions\/runs\/\d+\)\n\n### Changes\n\n\| Wave \| Job \| Changes \| Detail \|\n\| --- \| --- \| --- \| --- \|\n\| 0 \| app \| start ×2 \| new allocation \|\n/);
  assert.equal(main.outputs['changed'], 'true');
  assert.equal(main.summary.split('\n')[0], '## 📝 maand plan: 1 job would change, 0 up to date');
  assert.match(post.stdout, /state: nothing to save/);
  assert.deepEqual(cache.committedKeys(), saved, 'plan saves no state');
});

test('the next plan of the pull request updates the same comment instead of adding one', async () => {
  co.forgetState();
  const id = api.comments.find((c) => c.body.startsWith(MARKER))!.id;
  co.job('web', { version: '1.0.0', selectors: ['worker'] });
  api.requests.length = 0;
  const { main } = await job('pull_request').both(inputs);
  rmSync(join(co.bucket, 'workspace/jobs/web'), { recursive: true });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  const mine = api.comments.filter((c) => c.body.startsWith(MARKER));
  assert.equal(mine.length, 1, 'still one comment');
  assert.equal(mine[0]!.id, id, 'the same comment was updated');
  assert.match(mine[0]!.body, /## 📝 maand plan: 2 jobs would change, 0 up to date/);
  assert.deepEqual(api.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`), [
    'GET /repos/acme/infra/issues/7/comments',
    'GET /repos/acme/infra/issues/7/comments',
    `PATCH /repos/acme/infra/issues/comments/${id}`,
  ]);
  assert.ok(api.requests.every((r) => r.auth === 'token ghs_testtoken'));
  assert.match(main.stdout, new RegExp(`plan comment updated: https://github.com/acme/infra/pull/7#issuecomment-${id}`));
});

test('a plan outside a pull request writes the summary and posts no comment', async () => {
  co.forgetState();
  api.requests.length = 0;
  const { main } = await job('push').both(inputs);
  assert.equal(main.exitCode, 0, main.stdout);
  assert.deepEqual(api.requests, []);
  assert.match(main.summary, /^## 📝 maand plan: 1 job would change/);
});

test('a comment the API refuses is a warning, not a failed plan', async () => {
  co.forgetState();
  const r = new JobRun(runId++, { workspace: co.dir, eventName: 'pull_request', event: { number: 8, pull_request: { number: 8 } }, apiUrl: api.url, env: cache.env() });
  runs.push(r);
  const { main } = await r.both(inputs);
  assert.equal(main.exitCode, 0, main.stdout);
  assert.ok(main.warnings.some((w) => /^could not post the plan comment: .*\(the workflow needs permissions: pull-requests: write\); the plan is in the job summary$/.test(w)), main.warnings.join('\n'));
});
