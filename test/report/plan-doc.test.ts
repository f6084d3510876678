// The plan document (docs/plan.md): every documented field exists in a document that uses every
// feature, and every field of such a document is documented; and the comment's size limit with
// 100 changed jobs trims the largest diffs first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDocument } from '../../src/report/plan-doc.ts';
import { fromPlan } from '../../src/report/markdown/from-results.ts';
import { renderComment } from '../../src/report/markdown/comment.ts';
import { renderSummary } from '../../src/report/markdown/summary.ts';
import type { FileChange } from '../../src/deploy/plan.ts';
import { deployResult, plan, webFailed } from '../action/results.ts';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'plan.md'), 'utf8');

function documented(): string[] {
  return [...DOC.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!).sort();
}

/** Every field path of a JSON value, arrays as `[]`. */
function paths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => paths(x, `${prefix}[]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return [p, ...paths(x, p)];
  });
}

function change(path: string, diff: string | null, note: string | null = null): FileChange {
  return { path, change: 'changed', size: 20, previousSize: 19, diff, note };
}

function withFiles(job: string, workers: string[], files: (ip: string) => FileChange[]): ReturnType<typeof plan> {
  const p = plan(job, 1, workers.map((ip) => [ip, 'restart', 'files changed'] as [string, string, string]));
  p.allocations = p.allocations.map((a) => ({ ...a, files: files(a.workerIp) }));
  return p;
}

test('given a plan with every feature, then its JSON fields are exactly the ones docs/plan.md documents', () => {
  const r = deployResult({
    dryRun: true, jobs: [webFailed], failedJobs: ['web_api'],
    plans: [withFiles('app', ['10.0.0.1'], () => [change('conf/app.conf', '@@ -1 +1 @@\n-a\n+b\n')])],
  });
  r.reconcile = [{ job: 'old', workerIp: '10.0.0.2', action: 'stop', outcome: 'planned' }];
  const doc = JSON.parse(JSON.stringify(planDocument(r))) as { schema: number };
  assert.equal(doc.schema, 1);
  assert.deepEqual([...new Set(paths(doc))].sort(), documented());
});

test('given 100 changed jobs with diffs, then the comment stays under 65,536 characters, leaving out the largest diffs first with a note', () => {
  const workers = ['10.0.0.1', '10.0.0.2'];
  const body = (n: number): string => `@@ -1,${n} +1,${n} @@\n${Array.from({ length: n }, (_, i) => `-old line ${i}\n+new line ${i}`).join('\n')}\n`;
  // job-0 … job-99: one small diff each; every tenth job also a large one
  const plans = Array.from({ length: 100 }, (_, j) => withFiles(`job-${String(j).padStart(2, '0')}`, workers, () => [
    change('conf/small.conf', body(2)), ...(j % 10 === 0 ? [change('conf/big.conf', body(400))] : []),
  ]));
  const report = fromPlan(deployResult({ dryRun: true, plans }), { bucketName: 'prod', generation: 1 });
  const c = renderComment(report);
  assert.ok(c.text.length < 65_536, String(c.text.length));
  assert.equal((c.text.match(/<details>/g) ?? []).length, 100, 'one <details> per changed job');
  assert.equal((c.text.match(/conf\/small\.conf changed on 10\.0\.0\.1, 10\.0\.0\.2 \(19 → 20 bytes\)\n\n```diff\n/g) ?? []).length, 100, 'every small diff kept');
  const left = (c.text.match(/conf\/big\.conf changed on 10\.0\.0\.1, 10\.0\.0\.2 \(19 → 20 bytes\): _diff left out to fit the comment; the job summary has it_/g) ?? []).length;
  assert.ok(left > 0 && left < 10, `${left} large diffs left out: only as many as needed`);
  assert.equal(c.omitted, left);
  assert.ok(c.text.endsWith(`_Trimmed: the ${left} largest diffs left out to stay under 65,536 characters. The job summary of the workflow run has every diff._\n`), c.text.slice(-300));
  const s = renderSummary(report);
  assert.equal(s.omitted, 0);
  assert.equal((s.text.match(/```diff\n/g) ?? []).length, 110, 'the summary keeps every diff');
});

test('given a diff holding a code fence, then its block is fenced longer so it cannot end early', () => {
  const r = deployResult({ dryRun: true, plans: [withFiles('app', ['10.0.0.1'], () => [change('README.md', '@@ -1 +1 @@\n-```\n+````\n')])] });
  const text = renderComment(fromPlan(r, { bucketName: 'prod', generation: 1 })).text;
  assert.ok(text.includes('README.md changed on 10.0.0.1 (19 → 20 bytes)\n\n`````diff\n@@ -1 +1 @@\n-```\n+````\n`````\n'), text);
});
