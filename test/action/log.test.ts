// The run's log: one group per wave's planning and per job's rollout, never nested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventLog } from '../../src/action/log.ts';
import { RecordingLog } from './recording-log.ts';
import { appDeployed, plan } from './results.ts';

test('engine events are grouped per wave plan and per job rollout, and warnings are kept for annotations', () => {
  const rec = new RecordingLog();
  const log = new EventLog(rec);
  log.onEvent({ type: 'phase', phase: 'reconcile' });
  log.onEvent({ type: 'phase', phase: 'wave', seq: 1 });
  log.onEvent({ type: 'job-planned', plan: plan('app', 1, [['10.0.0.1', 'restart', 'x'], ['10.0.0.2', 'restart', 'x'], ['10.0.0.3', 'skip', 'up to date']]) });
  log.onEvent({ type: 'job-planned', plan: plan('db', 1, [['10.0.0.1', 'skip', 'up to date']], 'already promoted on all allocations') });
  log.onEvent({ type: 'job-started', job: 'app', seq: 1 });
  log.onEvent({ type: 'batch-started', job: 'app', phase: 'update', action: 'restart', index: 0, count: 2, workers: ['10.0.0.1'] });
  log.onEvent({ type: 'output', job: 'app', worker: '10.0.0.1', stream: 'stdout', text: 'restarting' });
  log.onEvent({ type: 'warning', message: 'job app: rollout_order lists 10.9.9.9 which is not part of this restart; ignored' });
  log.onEvent({ type: 'job-finished', result: appDeployed });
  log.onEvent({ type: 'phase', phase: 'final-sync' });
  log.end();
  assert.deepEqual(rec.lines, [
    '::group::reconcile: stop and clean up removed allocations',
    '::endgroup::',
    '::group::deployment sequence 1: plan',
    '  app: rollout (restart ×2)',
    '  db: skip (already promoted on all allocations)',
    '::endgroup::',
    '::group::deployment sequence 1: app',
    '  app: rolling out',
    '  app: restart batch 1/2 on 10.0.0.1',
    'app@10.0.0.1 | restarting',
    'warning: job app: rollout_order lists 10.9.9.9 which is not part of this restart; ignored',
    '  app: deployed in 2.1s',
    '::endgroup::',
    '::group::refresh worker files',
    '::endgroup::',
  ]);
  assert.deepEqual(log.warnings, ['job app: rollout_order lists 10.9.9.9 which is not part of this restart; ignored']);
});
