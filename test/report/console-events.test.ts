// Live progress lines of a deploy (CLI and Action log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEvent } from '../../src/report/console.ts';

test('health checks show as lines of their job; a job without checks stays quiet', () => {
  assert.equal(formatEvent({ type: 'health', job: 'api', status: 'passed', detail: '' }), '  api: health check passed');
  assert.equal(formatEvent({ type: 'health', job: 'api', status: 'retrying', detail: 'attempt 1/10: tcp 10.0.0.1:8080: connection refused\nmore' }), '  api: health check failed (attempt 1/10: tcp 10.0.0.1:8080: connection refused), retrying');
  assert.equal(formatEvent({ type: 'health', job: 'api', status: 'failed', detail: 'job api: tcp …' }), '  api: health check failed');
  assert.equal(formatEvent({ type: 'health', job: 'cache', status: 'skipped', detail: 'no health_check config or commands' }), undefined);
});

test('output lines name their job and worker, stderr marked with !', () => {
  assert.equal(formatEvent({ type: 'output', job: 'api', worker: '10.0.0.1', stream: 'stdout', text: 'listening' }), 'api@10.0.0.1 | listening');
  assert.equal(formatEvent({ type: 'output', stream: 'stderr', text: 'oops' }), '- ! oops');
});
