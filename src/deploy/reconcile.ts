// Reconcile (seed S4, deploy spec §6 with decisions Q9, Q10): stop removed/disabled allocations that
// still run, run after_allocation_stopped, clean removed job files (keeping data/ and logs/), purge the
// KV of fully removed jobs, then health-check jobs that lost a running allocation. Failures are recorded
// per job (Q10) and the deploy goes on.
import { allocationNamespace, bucketJobVarsNamespace, jobNamespace, jobSecretsNamespace, jobVarsNamespace, purge } from '../kv/index.ts';
import { jobCause } from './causes.ts';
import { cleanupJobCommand, removeBucketCommand, runnerCommand } from './commands.ts';
import type { DeployContext } from './context.ts';
import { failureText } from './worker-link.ts';
import type { ReconcileResult } from './result.ts';
import { allAllocations, deleteHash, isActive, markStopped, wasDeployed, type AllocState } from './alloc-state.ts';

/**
 * What reconcile would do, for a dry run: every removed or disabled allocation that still runs is
 * stopped, and a removed one's files are cleaned up. Same selection as `reconcile` (Q2: all jobs).
 */
export function plannedReconcile(ctx: DeployContext): ReconcileResult[] {
  const planned: ReconcileResult[] = [];
  for (const a of allAllocations(ctx.db).filter((x) => (x.removed || x.disabled) && wasDeployed(x))) {
    planned.push({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'planned' });
    if (a.removed) planned.push({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'planned' });
  }
  return planned;
}

export async function reconcile(ctx: DeployContext): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  const all = allAllocations(ctx.db);
  const stopped = all.filter((a) => a.removed || a.disabled);
  if (stopped.length === 0) return failures;
  const lostRunning = new Set<string>();
  const offCatalog = new Set<string>();
  const record = (r: ReconcileResult): void => {
    ctx.result.reconcile.push(r);
    ctx.emit({ type: 'reconcile', result: r });
    if (r.outcome === 'failed' && r.error && !failures.has(r.job)) failures.set(r.job, r.error);
  };

  if (stopped.some(wasDeployed)) await ctx.link.requireTransport();
  for (const a of stopped) {
    const running = wasDeployed(a);
    const assumeDead = a.removed && !ctx.workers.has(a.workerIp);
    if (running) {
      lostRunning.add(a.job);
      const err = await stopAllocation(ctx, a);
      if (err && !assumeDead) {
        record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: stop failed: ${err}` });
        continue;
      }
      if (err) ctx.emit({ type: 'warning', message: `removed worker ${a.workerIp} unreachable, assuming dead: ${err}` });
      else record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'ok' });
      const hook = await ctx.hooks.run(a.job, 'after_allocation_stopped', [{ allocId: a.allocId, workerIp: a.workerIp }], {
        concurrency: 1,
        env: { BATCH_ALLOCATIONS: a.workerIp, BATCH_INDEX: '0', BATCH_COUNT: '1', DEPLOY_PHASE: 'stop', ROLLOUT_ORDER: '', ROLLOUT_ORDER_SOURCE: '' },
      });
      if (!hook.ok) record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: jobCause(a.job, hook.error) });
      if (a.removed) {
        const c = err ? err : await cleanup(ctx, a);
        if (c && !assumeDead) record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: cleanup failed: ${c}` });
        else if (!c) record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'ok' });
        if (assumeDead) offCatalog.add(a.workerIp);
      }
    }
    ctx.checkpoint(() => {
      if (a.removed) deleteHash(ctx.db, a.job, a.allocId);
      else if (running) markStopped(ctx.db, a.job, a.allocId);
    });
  }

  for (const ip of [...offCatalog].sort()) {
    const r = await ctx.link.run(ip, removeBucketCommand(ctx.bucketId), { onLine: ctx.link.output(undefined, ip) });
    if (r.exitCode === 0) record({ job: '', workerIp: ip, action: 'remove-bucket', outcome: 'ok' });
    else ctx.emit({ type: 'warning', message: `removed worker ${ip} unreachable, assuming dead: ${failureText(ip, r)}` });
    ctx.stage.dropWorkerJob(ip);
  }

  purgeRemovedJobs(ctx, all, stopped);
  for (const job of [...lostRunning].sort()) {
    if (failures.has(job) || !all.some((a) => a.job === job && isActive(a))) continue;
    const h = await ctx.health.check(job);
    if (!h.ok) failures.set(job, `job ${job}: health check after stopping allocations failed: ${h.error ?? ''}`);
  }
  return failures;
}

async function stopAllocation(ctx: DeployContext, a: AllocState): Promise<string | undefined> {
  if (ctx.workers.has(a.workerIp)) {
    const notReady = await ctx.link.reach(a.workerIp);
    if (notReady) return notReady;
  }
  const r = await ctx.link.run(a.workerIp, runnerCommand(ctx.bucketId, 'stop', a.job), { onLine: ctx.link.output(a.job, a.workerIp) });
  return r.exitCode === 0 ? undefined : failureText(a.workerIp, r);
}

async function cleanup(ctx: DeployContext, a: AllocState): Promise<string | undefined> {
  const r = await ctx.link.run(a.workerIp, cleanupJobCommand(ctx.bucketId, a.job), { onLine: ctx.link.output(a.job, a.workerIp) });
  ctx.stage.dropWorkerJob(a.workerIp, a.job);
  return r.exitCode === 0 ? undefined : failureText(a.workerIp, r);
}

/** KV of jobs left without any non-removed allocation (§6.5). */
function purgeRemovedJobs(ctx: DeployContext, all: AllocState[], stopped: AllocState[]): void {
  const jobs = [...new Set(stopped.map((a) => a.job))].sort();
  let changed = false;
  for (const job of jobs) {
    const rows = all.filter((a) => a.job === job);
    if (rows.some((a) => !a.removed)) continue;
    for (const ns of [jobNamespace(job), bucketJobVarsNamespace(job), jobVarsNamespace(job), jobSecretsNamespace(job)]) changed = purge(ctx.kv, ns) || changed;
    for (const a of rows) changed = purge(ctx.kv, allocationNamespace(job, a.workerIp)) || changed;
  }
  if (changed) ctx.checkpoint();
}
