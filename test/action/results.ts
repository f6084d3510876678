// Fixed engine results for the Markdown tests (durations and ids fixed, so the output is exact).
import type { DeployResult, JobResult } from '../../src/deploy/result.ts';
import type { JobPlan } from '../../src/deploy/plan.ts';
import type { DriftResult } from '../../src/drift/detect.ts';

export function deployResult(over: Partial<DeployResult> = {}): DeployResult {
  return {
    dryRun: false, bucketId: 'b-7f3a', updateSeq: 4, updateSeqBumped: true, startedAt: '2025-01-01T00:00:00.000Z', durationMs: 12_345,
    reconcile: [], jobs: [], plans: [], failedJobs: [], errors: [], cancelled: false, ...over,
  };
}

export const appDeployed: JobResult = {
  job: 'app', seq: 1, status: 'deployed', reason: '', durationMs: 2100,
  allocations: [
    { workerIp: '10.0.0.2', allocId: 'a2', action: 'restart', reason: 'files changed: conf/app.conf', outcome: 'ok', batch: 1, durationMs: 900 },
    { workerIp: '10.0.0.1', allocId: 'a1', action: 'restart', reason: 'files changed: conf/app.conf', outcome: 'ok', batch: 0, durationMs: 1000 },
  ],
};

export const dbUnchanged: JobResult = { job: 'db', seq: 1, status: 'unchanged', reason: 'already promoted on all allocations', durationMs: 0, allocations: [] };

export const webFailed: JobResult = {
  job: 'web_api', seq: 2, status: 'failed', reason: '', durationMs: 800,
  error: 'job web_api: start batch 1/1 failed: worker 10.0.0.3: command execution failed (exit 2): make: *** [start] Error 2 | see <logs>',
  allocations: [{ workerIp: '10.0.0.3', allocId: 'w3', action: 'start', reason: 'new allocation', outcome: 'failed', batch: 0, durationMs: 700, error: 'exit 2' }],
};

export const cronBlocked: JobResult = {
  job: 'cron', seq: 3, status: 'blocked', reason: 'upstream web_api failed in this deploy', error: 'job cron: not deployed because upstream job web_api failed', durationMs: 0, allocations: [],
};

export function plan(job: string, seq: number, actions: Array<[string, string, string]>, reason = ''): JobPlan {
  const allocations = actions.map(([workerIp, action, why]) => ({
    allocId: `${job}-${workerIp}`, workerIp, disabled: false, action: action as JobPlan['allocations'][number]['action'], reason: why,
    previousHash: 'h0', currentHash: 'h1', matched: [], currentVersion: '1.0.0', newVersion: '1.0.0',
  }));
  return { job, seq, needsRollout: actions.some(([, a]) => a !== 'skip'), reason, marker: undefined, allocations };
}

export function driftResult(): DriftResult {
  return {
    jobs: [
      { job: 'app', drifted: true, health: { ok: true, skipped: true }, allocations: [
        { workerIp: '10.0.0.1', allocId: 'a1', status: 'in-sync', files: [] },
        { workerIp: '10.0.0.2', allocId: 'a2', status: 'drifted', files: ['bin/run.sh', 'conf/app.conf'] },
      ] },
      { job: 'db', drifted: false, health: { ok: true, skipped: true }, allocations: [{ workerIp: '10.0.0.1', allocId: 'd1', status: 'in-sync', files: [] }] },
    ],
    driftedJobs: ['app'], pendingJobs: [], unreachable: [],
  };
}
