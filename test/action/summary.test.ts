// The job summary Markdown, exactly: failures first, waves as a table and a Mermaid chart, then jobs and
// allocations; escaping of user text; and the 1 MiB limit for big buckets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBuild, fromDeploy, fromDrift, fromRollback } from '../../src/report/markdown/from-results.ts';
import { renderErrorSummary, renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/report/markdown/summary.ts';
import type { JobResult } from '../../src/deploy/result.ts';
import { appDeployed, cronBlocked, dbUnchanged, deployResult, driftResult, webFailed } from './results.ts';

const meta = { bucketName: 'prod', generation: 6, runUrl: 'https://github.com/acme/infra/actions/runs/42' };

test('the summary of a deploy with failures lists the failures first, then waves, jobs and allocations', () => {
  const r = deployResult({ jobs: [appDeployed, dbUnchanged, webFailed, cronBlocked], failedJobs: ['web_api', 'cron'] });
  assert.equal(renderSummary(fromDeploy(r, meta)).text, `## ❌ maand deploy: 2 of 4 jobs failed

Bucket **prod** · id b-7f3a · update\\_seq 4 · 12.3 s · state generation 6 · [workflow run](https://github.com/acme/infra/actions/runs/42)

### ❌ Failures (2)

| Job | Wave | Worker | Reason |
| --- | --- | --- | --- |
| web\\_api | 2 | 10.0.0.3 | job web\\_api: start batch 1/1 failed: worker 10.0.0.3: command execution failed (exit 2): make: \\*\\*\\* \\[start\\] Error 2 \\| see &lt;logs&gt; |
| cron | 3 |  | job cron: not deployed because upstream job web\\_api failed |

### Waves

| Wave | Jobs | Result |
| --- | --- | --- |
| 1 | 2 | ✅ deployed: 1 · ➖ unchanged: 1 |
| 2 | 1 | ❌ failed: 1 |
| 3 | 1 | ⛔ blocked: 1 |

\`\`\`mermaid
flowchart LR
  subgraph w1["wave 1"]
    j0["app<br/>✅ deployed"]
    j1["db<br/>➖ unchanged"]
  end
  subgraph w2["wave 2"]
    j2["web_api<br/>❌ failed"]
  end
  subgraph w3["wave 3"]
    j3["cron<br/>⛔ blocked"]
  end
  w1 --> w2
  w2 --> w3
\`\`\`

### Jobs

| Wave | Job | Status | Duration | Detail |
| --- | --- | --- | --- | --- |
| 1 | app | ✅ deployed | 2.1 s |  |
| 1 | db | ➖ unchanged |  | already promoted on all allocations |
| 2 | web\\_api | ❌ failed | 0.8 s | job web\\_api: start batch 1/1 failed: worker 10.0.0.3: command execution failed (exit 2): make: \\*\\*\\* \\[start\\] Error 2 \\| see &lt;logs&gt; |
| 3 | cron | ⛔ blocked |  | job cron: not deployed because upstream job web\\_api failed |

### Allocations

| Job | Worker | Action | Outcome | Batch | Duration | Detail |
| --- | --- | --- | --- | --- | --- | --- |
| app | 10.0.0.1 | restart | ✅ ok | 1 | 1.0 s | files changed: conf/app.conf |
| app | 10.0.0.2 | restart | ✅ ok | 2 | 0.9 s | files changed: conf/app.conf |
| web\\_api | 10.0.0.3 | start | ❌ failed | 1 | 0.7 s | exit 2 |
`);
});

test('the summary of a drift report shows the drifted files per worker', () => {
  assert.equal(renderSummary(fromDrift(driftResult(), undefined, { ...meta, bucketId: 'b-7f3a', updateSeq: 4, durationMs: 3000 })).text, `## ⚠️ maand drift: drift in 1 job (app)

Bucket **prod** · id b-7f3a · update\\_seq 4 · 3.0 s · state generation 6 · [workflow run](https://github.com/acme/infra/actions/runs/42)

### Drift

| Job | Worker | Status | Files or detail |
| --- | --- | --- | --- |
| app | 10.0.0.2 | ⚠️ drifted | bin/run.sh, conf/app.conf |

### Jobs

| Job | Status | Allocations | Detail |
| --- | --- | --- | --- |
| app | ⚠️ drifted | 2 |  |
| db | ✅ in sync | 1 |  |
`);
});

test('a deploy that changed nothing says so in its headline', () => {
  const text = renderSummary(fromDeploy(deployResult({ updateSeqBumped: false, jobs: [dbUnchanged] }), meta)).text;
  assert.equal(text.split('\n')[0], '## ✅ maand deploy: no changes: 1 job up to date');
});

test('a cancelled deploy says the next run continues', () => {
  const text = renderSummary(fromDeploy(deployResult({ cancelled: true, jobs: [appDeployed] }), meta)).text;
  assert.equal(text.split('\n')[0], '## ⏹️ maand deploy: cancelled after 1 job deployed; the next run continues');
});

test('notes (a first run) are quoted under the facts line', () => {
  const text = renderSummary(fromDeploy(deployResult({ jobs: [appDeployed] }), { ...meta, notes: ['First run: a new bucket was initialised.'] })).text;
  assert.match(text, /state generation 6 · \[workflow run\]\([^)]+\)\n\n> First run: a new bucket was initialised\.\n\n### Waves/);
});

test('the summary of a build gives the catalog counts', () => {
  const b = { workers: 3, jobs: 2, allocations: { active: 5, disabled: 1, removed: 0 }, removedWorkers: [], removedJobs: [], kvChanges: 4, certsGenerated: 0 };
  const text = renderSummary(fromBuild(b, { ...meta, bucketId: 'b-7f3a', updateSeq: 4, durationMs: 500 })).text;
  assert.equal(text, '## ✅ maand build: catalog built: 3 workers, 2 jobs, 5 active allocations, 1 disabled\n\nBucket **prod** · id b-7f3a · update\\_seq 4 · 0.5 s · state generation 6 · [workflow run](https://github.com/acme/infra/actions/runs/42)\n');
});

test('a run that stopped early gets a one-paragraph summary with the escaped message', () => {
  assert.equal(renderErrorSummary('deploy', 'state: wrong state-key for <bundle> | retry'), '## ❌ maand deploy failed\n\nstate: wrong state-key for &lt;bundle&gt; \\| retry\n');
});

function bigDeploy(jobs: number, workers: number): JobResult[] {
  return Array.from({ length: jobs }, (_, j) => ({
    job: `job-${String(j).padStart(3, '0')}`, seq: 1 + (j % 5), status: 'deployed' as const, reason: '', durationMs: 1000,
    allocations: Array.from({ length: workers }, (_, w) => ({ workerIp: `10.0.${Math.floor(w / 250)}.${w % 250}`, allocId: `${j}-${w}`, action: 'start' as const, reason: 'new allocation on a worker that was added to the bucket recently', outcome: 'ok' as const, batch: w, durationMs: 500 })),
  }));
}

test('a big bucket\'s summary is trimmed under the limit with a note saying where the rest is', () => {
  const r = fromDeploy(deployResult({ jobs: bigDeploy(100, 50) }), meta);
  const full = renderSummary(r);
  assert.equal(full.omitted, 0, '50 workers × 100 jobs fits in 1 MiB');
  const small = renderSummary(r, { limitBytes: 50_000 });
  assert.ok(Buffer.byteLength(small.text) <= 50_000);
  assert.ok(small.omitted > 0);
  assert.match(small.text, /_… \d+ more rows not shown_/);
  assert.ok(small.text.endsWith('_Trimmed: the summary is limited to 1 MiB. The JSON file named by the plan output has every row._\n'));
  assert.match(small.text, /^## ✅ maand deploy: 100 jobs deployed, 0 unchanged\n/);
});

test('a summary with more rows than fit in 1 MiB stays under GitHub\'s limit', () => {
  const r = fromDeploy(deployResult({ jobs: bigDeploy(200, 120) }), meta);
  const s = renderSummary(r);
  assert.ok(Buffer.byteLength(s.text) <= SUMMARY_LIMIT_BYTES && SUMMARY_LIMIT_BYTES < 1024 * 1024);
  assert.ok(s.omitted > 0);
});

test('a certificate-metrics push is noted in the summary, a failed one with its reason', () => {
  const pushed = renderSummary(fromDeploy(deployResult({ jobs: [appDeployed], certMetrics: { url: 'http://10.0.0.5:9090/api/v1/write', series: 9 } }), meta)).text;
  assert.match(pushed, /Certificate expiry metrics pushed to the bucket's Prometheus \(9 series\)\./);
  const failed = renderSummary(fromDeploy(deployResult({ jobs: [appDeployed], certMetrics: { url: 'u', series: 9, error: 'remote write status 500 Internal Server Error' } }), meta)).text;
  assert.match(failed, /Certificate metrics were not pushed to the bucket's Prometheus: remote write status 500 Internal Server Error/);
});

test('the summary of a rollback shows what went back to which release on each worker, then the rollout', () => {
  const back: JobResult = { ...appDeployed, allocations: appDeployed.allocations.map((a) => ({ ...a, reason: 'back to release 3: files changed: conf/app.conf' })) };
  const r = {
    ...deployResult({ jobs: [back] }),
    targets: [
      { job: 'app', workerIp: '10.0.0.2', release: 3, version: '1.0.0', fromVersion: '1.1.0' },
      { job: 'app', workerIp: '10.0.0.1', release: 3, version: '1.0.0', fromVersion: '1.1.0' },
    ],
    leftAlone: [{ job: 'app', workerIp: '10.0.0.9' }],
  };
  assert.equal(renderSummary(fromRollback(r, meta)).text, `## ✅ maand rollback: 1 job rolled back: app to release 3

Bucket **prod** · id b-7f3a · update\\_seq 4 · 12.3 s · state generation 6 · [workflow run](https://github.com/acme/infra/actions/runs/42)

> Job app on 10.0.0.9 was allocated after the release it would go back to, so it was left as it is.

### Releases

| Job | Worker | From version | Back to release | Version | Outcome |
| --- | --- | --- | --- | --- | --- |
| app | 10.0.0.1 | 1.1.0 | 3 | 1.0.0 | ✅ ok |
| app | 10.0.0.2 | 1.1.0 | 3 | 1.0.0 | ✅ ok |

### Jobs

| Wave | Job | Status | Duration | Detail |
| --- | --- | --- | --- | --- |
| 1 | app | ⏪ rolled back | 2.1 s |  |

### Allocations

| Job | Worker | Action | Outcome | Batch | Duration | Detail |
| --- | --- | --- | --- | --- | --- | --- |
| app | 10.0.0.1 | restart | ✅ ok | 1 | 1.0 s | back to release 3: files changed: conf/app.conf |
| app | 10.0.0.2 | restart | ✅ ok | 2 | 0.9 s | back to release 3: files changed: conf/app.conf |
`);
});

test('a rollback whose job failed says which job failed to go back and which release it was going to', () => {
  const r = { ...deployResult({ jobs: [webFailed], failedJobs: ['web_api'] }), targets: [{ job: 'web_api', workerIp: '10.0.0.3', release: 5, version: '2.0', fromVersion: '2.1' }], leftAlone: [] };
  const text = renderSummary(fromRollback(r, meta)).text;
  assert.match(text, /^## ❌ maand rollback: 1 of 1 job failed to roll back\n/);
  assert.ok(text.includes('| web\\_api | 10.0.0.3 | 2.1 | 5 | 2.0 | ❌ failed |'), text);
});
