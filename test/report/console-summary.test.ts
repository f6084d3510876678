// The one-line deploy summary the CLI prints last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary } from '../../src/report/console.ts';
import type { DeployResult } from '../../src/deploy/result.ts';

function result(extra: Partial<DeployResult> = {}): DeployResult {
  return {
    dryRun: false, bucketId: 'b', updateSeq: 3, updateSeqBumped: true, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1234,
    reconcile: [], plans: [], failedJobs: [], errors: [], cancelled: false,
    jobs: [
      { job: 'api', seq: 0, status: 'deployed', reason: 'new', durationMs: 1, allocations: [] },
      { job: 'db', seq: 0, status: 'unchanged', reason: 'same hash', durationMs: 0, allocations: [] },
    ],
    ...extra,
  };
}

test('the summary names deployed and unchanged jobs and the new update_seq', () => {
  assert.equal(formatSummary(result()), 'deploy ok in 1.2s; deployed: api; unchanged: db; update_seq: 3\n');
});

test('a successful certificate-metrics push is counted in the summary', () => {
  assert.match(formatSummary(result({ certMetrics: { url: 'http://127.0.0.1:9090/api/v1/write', series: 6 } })), /; cert metrics: 6 series pushed\n$/);
});

test('a failed push is not reported as pushed (its warning was printed when it happened)', () => {
  assert.doesNotMatch(formatSummary(result({ certMetrics: { url: 'u', series: 6, error: 'remote write status 500' } })), /cert metrics/);
});

test('failed jobs turn the headline into "finished with failures" and are listed', () => {
  const r = result({ failedJobs: ['api'] });
  r.jobs[0]!.status = 'failed';
  assert.equal(formatSummary(r), 'deploy finished with failures in 1.2s; deployed: none; unchanged: db; failed: api; update_seq: 3\n');
});
