// The sticky PR comment Markdown, exactly: hidden marker first, changes, allocations folded, "no changes",
// and the 65,536-character limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromPlan } from '../../src/report/markdown/from-results.ts';
import { commentMarker, renderComment } from '../../src/report/markdown/comment.ts';
import { deployResult, plan, webFailed } from './results.ts';

const meta = { bucketName: 'prod', generation: 6, runUrl: 'https://github.com/acme/infra/actions/runs/42' };

test('the comment of a plan with changes lists the changing jobs and folds each job\'s allocations', () => {
  const r = deployResult({
    dryRun: true, updateSeqBumped: false,
    plans: [
      plan('app', 1, [['10.0.0.1', 'restart', 'files changed: conf/app.conf'], ['10.0.0.2', 'skip', 'up to date']]),
      plan('db', 1, [['10.0.0.1', 'skip', 'up to date']], 'already promoted on all allocations'),
      plan('web', 2, [['10.0.0.3', 'start', 'new allocation']]),
    ],
  });
  assert.equal(renderComment(fromPlan(r, meta)).text, `<!-- maand/deploy plan: prod -->
## 📝 maand plan: 2 jobs would change, 1 up to date

Bucket **prod** · id b-7f3a · update\\_seq 4 · 12.3 s · state generation 6 · [workflow run](https://github.com/acme/infra/actions/runs/42)

### Changes

| Wave | Job | Changes | Detail |
| --- | --- | --- | --- |
| 1 | app | restart ×1 | files changed: conf/app.conf |
| 2 | web | start ×1 | new allocation |

<details><summary>app: restart ×1</summary>

| Worker | Action | Reason |
| --- | --- | --- |
| 10.0.0.1 | restart | files changed: conf/app.conf |

</details>

<details><summary>web: start ×1</summary>

| Worker | Action | Reason |
| --- | --- | --- |
| 10.0.0.3 | start | new allocation |

</details>
`);
});

test('the comment of a plan without changes says "no changes"', () => {
  const r = deployResult({ dryRun: true, plans: [plan('db', 1, [['10.0.0.1', 'skip', 'up to date']], 'already promoted on all allocations')] });
  assert.equal(renderComment(fromPlan(r, { bucketName: 'prod', generation: 6 })).text, `<!-- maand/deploy plan: prod -->
## ✅ maand plan: no changes: 1 job up to date

Bucket **prod** · id b-7f3a · update\\_seq 4 · 12.3 s · state generation 6
`);
});

test('a plan that failed for a job shows the failure before the changes', () => {
  const r = deployResult({ dryRun: true, jobs: [{ ...webFailed, error: 'job web_api: template conf/app.conf.tpl:3:7: map has no entry for key "port"' }], failedJobs: ['web_api'], plans: [plan('app', 1, [['10.0.0.1', 'restart', 'version 1 → 2']])] });
  const text = renderComment(fromPlan(r, meta)).text;
  assert.equal(text.split('\n')[1], '## ❌ maand plan: plan failed for 1 job');
  assert.ok(text.indexOf('### ❌ Failures (1)') < text.indexOf('### Changes'));
  assert.match(text, /\| web\\_api \| 2 \| 10\.0\.0\.3 \| job web\\_api: template conf\/app\.conf\.tpl:3:7: map has no entry for key "port" \|/);
});

test('the marker is a hidden HTML comment naming the state, on the first line', () => {
  assert.equal(commentMarker('prod.eu-1'), '<!-- maand/deploy plan: prod.eu-1 -->');
  const r = deployResult({ dryRun: true, plans: [] });
  assert.ok(renderComment(fromPlan(r, { bucketName: 'prod.eu-1', generation: 0 })).text.startsWith('<!-- maand/deploy plan: prod.eu-1 -->\n'));
});

test('a plan too big for one comment is trimmed under 65,536 characters with a note', () => {
  const workers = Array.from({ length: 50 }, (_, w) => `10.0.1.${w}`);
  const plans = Array.from({ length: 100 }, (_, j) => plan(`job-${j}`, 1 + (j % 5), workers.map((ip) => [ip, 'start', 'new allocation'] as [string, string, string])));
  const c = renderComment(fromPlan(deployResult({ dryRun: true, plans }), meta));
  assert.ok(c.text.length <= 64_000 && c.text.length < 65_536);
  assert.ok(c.omitted > 0);
  assert.ok(c.text.startsWith('<!-- maand/deploy plan: prod -->\n## 📝 maand plan: 100 jobs would change, 0 up to date\n'));
  assert.ok(c.text.endsWith('_Trimmed: a comment is limited to 65,536 characters. The job summary of the workflow run has the full plan._\n'));
});

test('removed allocations that still run are listed as stops, and alone they are changes', () => {
  const r = deployResult({ dryRun: true, plans: [plan('db', 1, [['10.0.0.1', 'skip', 'up to date']], 'already promoted on all allocations')] });
  r.reconcile = (['10.0.0.2', '10.0.0.1'] as const).flatMap((workerIp) => [
    { job: 'old', workerIp, action: 'stop' as const, outcome: 'planned' as const },
    { job: 'old', workerIp, action: 'cleanup' as const, outcome: 'planned' as const },
  ]);
  const text = renderComment(fromPlan(r, { bucketName: 'prod', generation: 6 })).text;
  assert.equal(text, `<!-- maand/deploy plan: prod -->
## 📝 maand plan: 0 jobs would change, 1 up to date, 2 allocations would stop

Bucket **prod** · id b-7f3a · update\\_seq 4 · 12.3 s · state generation 6

### Stopped first (removed or disabled allocations)

| Job | Worker | Action |
| --- | --- | --- |
| old | 10.0.0.1 | stop and clean up |
| old | 10.0.0.2 | stop and clean up |
`);
});
