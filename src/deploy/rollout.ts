// Rolling one job out (deploy spec §12 with seed S2/S3 and decisions Q4, Q30, Q31): rsync to the
// allocations that need it, then per batch: lifecycle → after_allocation_started → promote (a committed
// checkpoint) → health check; then post_deploy. Unfinished work is recorded so the next deploy resumes.
import type { DeployContext } from './context.ts';
import type { StagedTree } from './staging.ts';
import type { AllocPlan, JobPlan } from './plan.ts';
import type { AllocationResult, JobResult } from './result.ts';
import { batches, rolloutOrder } from './rollout-order.ts';
import { byCause, jobCause } from './causes.ts';
import { commandsFor } from '../hooks/catalog.ts';
import { jobInfo, setJobMarker, type AllocState } from './alloc-state.ts';

class JobFailure extends Error {
  override name = 'JobFailure';
}

export async function rolloutJob(ctx: DeployContext, plan: JobPlan, allocs: AllocState[], staged: Map<string, StagedTree>): Promise<JobResult> {
  const started = Date.now();
  const res: JobResult = { job: plan.job, seq: plan.seq, status: 'deployed', reason: plan.reason, durationMs: 0, allocations: [] };
  ctx.emit({ type: 'job-started', job: plan.job, seq: plan.seq });
  try {
    await rollout(ctx, plan, allocs, staged, res);
  } catch (e) {
    res.status = 'failed';
    res.error = e instanceof JobFailure ? e.message : `job ${plan.job}: ${(e as Error).message}`;
  }
  res.durationMs = Date.now() - started;
  ctx.emit({ type: 'job-finished', result: res });
  return res;
}

async function rollout(ctx: DeployContext, plan: JobPlan, allocs: AllocState[], staged: Map<string, StagedTree>, res: JobResult): Promise<void> {
  const job = plan.job;
  const fail = (msg: string): never => {
    throw new JobFailure(`job ${job}: ${msg}`);
  };
  const info = jobInfo(ctx.db, job);
  if (!info) fail('the job is no longer in the catalog; run maand build');
  const active = plan.allocations.filter((a) => !a.disabled);
  const byIp = new Map(allocs.map((a) => [a.workerIp, a]));
  const work = active.filter((a) => a.action !== 'skip');
  const newAllocs = work.filter((a) => a.action === 'start');

  if (ctx.flags.syncOnly && newAllocs.length > 0)
    fail(`sync-only deploy cannot start new allocations on job "${job}": ${newAllocs.map((a) => a.workerIp).join(',')} (deploy without --sync-only first)`);

  if (plan.marker === 'post_deploy' && work.length === 0) {
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => setJobMarker(ctx.db, job, undefined));
    return;
  }
  ctx.checkpoint(() => setJobMarker(ctx.db, job, 'rollout'));

  // Files first, only where something changes (Q4: only workers with an active allocation of the job).
  for (const a of work) ctx.link.warm(a.workerIp); // connect while the trees are written
  for (const a of work) {
    const t = staged.get(a.allocId);
    if (t) ctx.stage.placeTree(a.workerIp, job, t.hash, t.tree);
  }
  const jobControl = commandsFor(ctx.db, job, 'job_control');
  const viaMake = jobControl.length === 0 && !ctx.flags.syncOnly;
  const followed = (a: AllocPlan): boolean => viaMake && (a.action === 'start' || a.action === 'restart' || a.action === 'reload');
  const rsyncErrors = await Promise.all(work.map((a) => ctx.sendJobFiles(a.workerIp, job, followed(a))));
  const bad = work.flatMap((a, i) => (rsyncErrors[i] === undefined ? [] : [{ worker: a.workerIp, error: rsyncErrors[i] }]));
  if (bad.length > 0) {
    for (const a of work) res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
    fail(byCause(bad).join('; '));
  }

  const syncs = work.filter((a) => a.action === 'sync');
  if (syncs.length > 0) {
    ctx.checkpoint(() => syncs.forEach((a) => ctx.promote(job, a.allocId)));
    for (const a of syncs) res.allocations.push(allocResult(a, 'ok', 0));
  }

  if (jobControl.length > 0 && !ctx.flags.syncOnly) {
    await jobControlPath(ctx, job, active, res);
  } else if (!ctx.flags.syncOnly) {
    const defaultOrder = allocs.filter((a) => !a.removed).map((a) => a.workerIp);
    await phase(ctx, job, 'new', 'start', newAllocs, info!.maxConcurrentStarts, defaultOrder, byIp, res);
    await phase(ctx, job, 'update', 'reload', work.filter((a) => a.action === 'reload'), info!.maxConcurrentUpgrades, defaultOrder, byIp, res);
    await phase(ctx, job, 'update', 'restart', work.filter((a) => a.action === 'restart'), info!.maxConcurrentUpgrades, defaultOrder, byIp, res);
    if (plan.marker === 'rollout' && newAllocs.length + work.filter((a) => a.action === 'reload' || a.action === 'restart').length === 0) {
      await healthGate(ctx, job);
    }
  }
  ctx.checkpoint(() => setJobMarker(ctx.db, job, 'post_deploy'));
  await postDeploy(ctx, job, active, res);
  ctx.checkpoint(() => setJobMarker(ctx.db, job, undefined));
  if (work.length === 0 && !plan.marker) res.status = 'unchanged';
}

function allocResult(a: AllocPlan, outcome: AllocationResult['outcome'], durationMs: number, error?: string, batch?: number): AllocationResult {
  return { workerIp: a.workerIp, allocId: a.allocId, action: a.action, reason: a.reason, outcome, durationMs, ...(error ? { error } : {}), ...(batch !== undefined ? { batch } : {}) };
}

async function phase(
  ctx: DeployContext, job: string, phaseName: 'new' | 'update', target: 'start' | 'reload' | 'restart', candidates: AllocPlan[],
  batchSize: number, defaultOrder: string[], byIp: Map<string, AllocState>, res: JobResult,
): Promise<void> {
  if (candidates.length === 0) return;
  const kvOrder = ctx.kv.tryGet(`maand/job/${job}`, 'rollout_order');
  const order = rolloutOrder(candidates.map((a) => a.workerIp), defaultOrder, kvOrder);
  if (order.ignored.length > 0) ctx.emit({ type: 'warning', message: `job ${job}: rollout_order lists ${order.ignored.join(',')} which ${order.ignored.length === 1 ? 'is' : 'are'} not part of this ${target}; ignored` });
  const plansByIp = new Map(candidates.map((a) => [a.workerIp, a]));
  const groups = batches(order.order, batchSize);
  for (const [index, ips] of groups.entries()) {
    if (ctx.cancelled) throw new JobFailure(`job ${job}: cancelled before ${target} batch ${index + 1}/${groups.length} (${ips.join(',')}); run maand deploy again to continue`);
    ctx.emit({ type: 'batch-started', job, phase: phaseName, action: target, index, count: groups.length, workers: ips });
    const t0 = Date.now();
    const outcomes = await Promise.all(
      ips.map((ip) => {
        const a = byIp.get(ip)!;
        return ctx.link.runTarget(ip, { job, target, currentVersion: a.currentVersion, newVersion: a.newVersion });
      }),
    );
    const failed = ips.flatMap((ip, i) => (outcomes[i] === undefined ? [] : [{ worker: ip, error: outcomes[i] }]));
    if (failed.length > 0) {
      ips.forEach((ip, i) => res.allocations.push(allocResult(plansByIp.get(ip)!, outcomes[i] ? 'failed' : 'ok', Date.now() - t0, outcomes[i], index)));
      throw new JobFailure(`job ${job}: ${target} batch ${index + 1}/${groups.length} failed: ${byCause(failed).join('; ')}`);
    }
    const hook = await ctx.hooks.run(job, 'after_allocation_started', ips.map((ip) => ({ allocId: byIp.get(ip)!.allocId, workerIp: ip })), {
      concurrency: ips.length,
      env: { BATCH_ALLOCATIONS: ips.join(','), BATCH_INDEX: String(index), BATCH_COUNT: String(groups.length), DEPLOY_PHASE: phaseName, ROLLOUT_ORDER: order.full, ROLLOUT_ORDER_SOURCE: order.source },
    });
    if (!hook.ok) {
      ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip)!, 'failed', Date.now() - t0, hook.error, index)));
      throw new JobFailure(jobCause(job, hook.error));
    }
    // Promote the batch: the workers now run this tree (seed S2); committed before anything else can fail.
    ctx.checkpoint(() => ips.forEach((ip) => ctx.promote(job, byIp.get(ip)!.allocId)));
    ctx.emit({ type: 'batch-promoted', job, workers: ips });
    ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip)!, 'ok', Date.now() - t0, undefined, index)));
    await healthGate(ctx, job);
  }
}

async function healthGate(ctx: DeployContext, job: string): Promise<void> {
  const h = await ctx.health.check(job);
  if (!h.ok) throw new JobFailure(`job ${job}: health check failed: ${h.error ?? 'unknown error'} (the next deploy retries it)`);
}

async function jobControlPath(ctx: DeployContext, job: string, active: AllocPlan[], res: JobResult): Promise<void> {
  const news = active.filter((a) => a.action === 'start').map((a) => a.workerIp);
  const updated = active.filter((a) => a.action === 'restart' || a.action === 'reload' || (ctx.flags.force && a.action !== 'start')).map((a) => a.workerIp);
  const t0 = Date.now();
  const hook = await ctx.hooks.run(job, 'job_control', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), {
    concurrency: Math.max(1, active.length),
    env: { NEW_ALLOCATIONS: news.join(','), UPDATED_ALLOCATIONS: updated.join(',') },
  });
  if (!hook.ok) throw new JobFailure(jobCause(job, hook.error));
  ctx.checkpoint(() => active.forEach((a) => ctx.promote(job, a.allocId)));
  for (const a of active) if (a.action !== 'skip' && a.action !== 'sync') res.allocations.push(allocResult(a, 'ok', Date.now() - t0));
  await healthGate(ctx, job);
}

async function postDeploy(ctx: DeployContext, job: string, active: AllocPlan[], res: JobResult): Promise<void> {
  const hook = await ctx.hooks.run(job, 'post_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
  if (!hook.ok) {
    res.reason = 'post_deploy failed; the next deploy runs post_deploy again';
    throw new JobFailure(jobCause(job, hook.error));
  }
}
