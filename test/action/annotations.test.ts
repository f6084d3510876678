// Annotations: GitHub shows at most 10 per type and step, so the rest are folded into the last one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, annotate } from '../../src/action/annotations.ts';
import { fromDeploy } from '../../src/report/markdown/from-results.ts';
import type { JobResult } from '../../src/deploy/result.ts';
import { deployResult } from './results.ts';
import { RecordingLog } from './recording-log.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `maand: job j${i} failed`, message: `job j${i}: exit 1` }));

test('up to ten annotations are emitted as they are', () => {
  assert.deepEqual(aggregate(items(10), 'failures'), items(10));
});

test('past ten, nine stand alone and the tenth counts and names the rest', () => {
  const out = aggregate(items(12), 'failures');
  assert.equal(out.length, 10);
  assert.deepEqual(out.slice(0, 9), items(9));
  assert.deepEqual(out[9], { title: 'maand: 3 more failures', message: 'maand: job j9 failed; maand: job j10 failed; maand: job j11 failed (the job summary lists every one)' });
});

test('a failing run leaves one error slot for core.setFailed', () => {
  const jobs: JobResult[] = Array.from({ length: 15 }, (_, i) => ({ job: `j${String(i).padStart(2, '0')}`, seq: 1, status: 'failed', reason: '', error: `job j${i}: exit 2`, durationMs: 1, allocations: [] }));
  const log = new RecordingLog();
  annotate(log, fromDeploy(deployResult({ jobs, failedJobs: jobs.map((j) => j.job) }), { bucketName: 'b', generation: 1 }), ['w1', 'w1', 'w2'], true);
  const errors = log.lines.filter((l) => l.startsWith('error:'));
  assert.equal(errors.length, 9);
  assert.equal(errors[8], 'error: [maand: 7 more failures] maand: job j08 failed; maand: job j09 failed; maand: job j10 failed; maand: job j11 failed; maand: job j12 failed; maand: job j13 failed; maand: job j14 failed (the job summary lists every one)');
  assert.deepEqual(log.lines.filter((l) => l.startsWith('warning:')), ['warning: [maand: warning] w1', 'warning: [maand: warning] w2']);
});
