// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).
import { errorText, MaandError } from '../errors.ts';
import { sshSettings } from '../bucket/maand-conf.ts';
import { allocationNamespace, upstreamJobs, type SecretListener } from '../kv/index.ts';
import { withRun, type BucketRun } from '../run/lifecycle.ts';
import type { Connect } from '../run/links.ts';
import { DeployContext, type DeployFlags } from './context.ts';
import { planJob, type JobPlan } from './plan.ts';
import { pushCertMetrics } from './cert-metrics-step.ts';
import { plannedReconcile, reconcile } from './reconcile.ts';
import type { DeployEvent, DeployResult, JobResult } from './result.ts';
import { rolloutJob } from './rollout.ts';
import { stageActive, type StagedTree } from './staging.ts';
import { bumpUpdateSeq, isActive, jobAllocations, jobInfo, jobMarker, storeHash, waves } from './alloc-state.ts';
import { rsyncFailure, WorkerLink } from './worker-link.ts';
import { recordStaged } from './content-record.ts';
import { withFileChanges } from './plan-files.ts';
import type { RunOrigin } from '../history/store.ts';
import { jobHistory, retention } from './history-rows.ts';
import { applyPins } from './pins.ts';
import { byCause, jobCause } from './causes.ts';

export interface DeployOptions extends Partial<DeployFlags> {
  root: string;
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  /** Where staged trees are written: a tmpfs (default /dev/shm when present) or null for the bucket's tmp/. */
  stageRamDir?: string | null;
  /** Wires remote execution, hooks and health checks for this run (the CLI and the Action provide them). */
  connect: Connect;
  /** Told every secret value the run creates or decrypts (RunOptions.onSecret). */
  onSecret?: SecretListener;
  /** Who started the run and from which commit, for the deploy history. */
  origin?: RunOrigin;
  /** The command the history records (default `deploy`; the Action's drift correction says `drift correct`). */
  historyCommand?: string;
}

export function deploy(opts: DeployOptions): Promise<DeployResult> {
  const flags: DeployFlags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
  return withRun(
    {
      root: opts.root, command: flags.dryRun ? 'deploy --dry-run' : 'deploy', connect: opts.connect, readOnly: flags.dryRun,
      history: { command: opts.historyCommand ?? 'deploy', ...(opts.origin ? { origin: opts.origin } : {}) },
      stage: opts.stageRamDir !== undefined ? { ramDir: opts.stageRamDir } : {},
      ...(opts.onEvent ? { onEvent: opts.onEvent } : {}), ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onSecret ? { onSecret: opts.onSecret } : {}),
    },
    (r) => deployRun(r, flags),
  );
}

async function deployRun(r: BucketRun, flags: DeployFlags): Promise<DeployResult> {
  const t0 = Date.now();
  checkJobSelection(r, flags.jobs);
  const result: DeployResult = {
    dryRun: flags.dryRun, bucketId: r.bucketId, updateSeq: r.updateSeq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(),
    durationMs: 0, reconcile: [], jobs: [], plans: [], failedJobs: [], errors: [], cancelled: false,
  };
  const useSudo = sshSettings(r.conf).useSudo;
  let ctx: DeployContext | undefined;
  const link = WorkerLink.forRun(r, {
    stage: r.stage, updateSeq: () => ctx?.updateSeq ?? r.updateSeq,
    ...(r.deployId !== undefined ? { release: retention(r.db, r.deployId, r.conf.retain_releases) } : {}),
  });
  ctx = new DeployContext(r, { flags, useSudo, result, link });
  await run(ctx);
  result.updateSeq = ctx.updateSeq;
  result.updateSeqBumped = ctx.updateSeqBumped;
  result.cancelled = ctx.cancelled;
  r.setOutcome(result.cancelled ? 'cancelled' : result.failedJobs.length > 0 ? 'failed' : 'ok');
  result.durationMs = Date.now() - t0;
  return result;
}

/** Unknown job names are an error before anything runs (Q15); the text names no CLI flag (the Action's input is `jobs`). */
export function checkJobSelection(r: BucketRun, jobs: string[]): void {
  const known = new Set((r.db.prepare('SELECT name FROM job').all() as Array<{ name: string }>).map((row) => row.name));
  const unknown = jobs.filter((j) => !known.has(j));
  if (unknown.length > 0) {
    throw new MaandError('invalid argument', `unknown job ${unknown.join(', ')} in the job selection (known: ${[...known].sort().join(', ') || 'none'}); nothing was deployed`);
  }
}

async function run(ctx: DeployContext): Promise<void> {
  const failed = new Map<string, string>();
  if (ctx.flags.dryRun) {
    // what reconcile would stop and clean up: part of the one plan the CLI and the Action show
    ctx.result.reconcile.push(...plannedReconcile(ctx));
  } else {
    ctx.emit({ type: 'phase', phase: 'reconcile' });
    for (const [job, err] of await reconcile(ctx)) failed.set(job, err);
  }
  const selected = (job: string): boolean => ctx.flags.jobs.length === 0 || ctx.flags.jobs.includes(job);
  for (const [seq, jobs] of [...waves(ctx.db)].sort(([a], [b]) => a - b)) {
    const wave = jobs.filter(selected);
    if (wave.length === 0) continue;
    ctx.emit({ type: 'phase', phase: 'wave', seq });
    const planned: PlannedJob[] = [];
    for (const job of wave) {
      if (ctx.cancelled) break;
      const blockedBy = upstreamJobs(ctx.db, job).filter((u) => failed.has(u));
      if (blockedBy.length > 0) {
        pushJob(ctx, { job, seq, status: 'blocked', reason: `upstream ${blockedBy.join(', ')} failed in this deploy`, error: `job ${job}: not deployed because upstream job ${blockedBy.join(', ')} failed`, durationMs: 0, allocations: [] }, failed);
        continue;
      }
      const p = await planOne(ctx, job, seq);
      if (!('error' in p)) applyPins(ctx, p.plan);
      if ('error' in p) {
        pushJob(ctx, { job, seq, status: 'failed', reason: 'plan failed', error: p.error, durationMs: 0, allocations: [] }, failed);
        continue;
      }
      ctx.emit({ type: 'job-planned', plan: p.plan });
      if (ctx.flags.dryRun) {
        ctx.result.plans.push(withFileChanges(ctx.db, ctx.kv, p.plan, p.allocs, p.staged));
        continue;
      }
      // Open the connections to the workers this job will touch while the other jobs are planned.
      if (p.plan.needsRollout) for (const a of p.plan.allocations) if (a.action !== 'skip' && !a.disabled) ctx.link.warm(a.workerIp);
      if (!p.plan.needsRollout) {
        ctx.emit({ type: 'job-skipped', job, reason: p.plan.reason });
        ctx.result.jobs.push({ job, seq, status: 'unchanged', reason: p.plan.reason, durationMs: 0, allocations: [] });
        continue;
      }
      planned.push(p);
    }
    if (planned.length > 0 && !ctx.updateSeqBumped && !ctx.cancelled) {
      // nothing on a worker changed yet: a missing key or ssh/rsync fails the run here, once
      await ctx.link.requireTransport();
      ctx.checkpoint(() => (ctx.updateSeq = bumpUpdateSeq(ctx.db)));
      ctx.updateSeqBumped = true;
      restageTemplates(ctx, planned, seq, failed);
    }
    // Jobs of one wave do not depend on each other: they roll out together, and their rsyncs and
    // lifecycle commands for the same worker are merged into one ssh round trip (see DeployContext).
    const results = await Promise.all(
      planned.map(async ({ plan, allocs, staged }): Promise<JobResult> => {
        if (ctx.cancelled) return { job: plan.job, seq, status: 'failed', reason: 'cancelled', error: `job ${plan.job}: cancelled before its rollout; run maand deploy again`, durationMs: 0, allocations: [] };
        return rolloutJob(ctx, plan, allocs, staged);
      }),
    );
    for (const r of results) pushJob(ctx, r, failed);
  }
  if (!ctx.flags.dryRun && ctx.updateSeqBumped) await finalSync(ctx);
  if (!ctx.flags.dryRun && !ctx.cancelled) await pushCertMetrics(ctx);
}

/**
 * Templates can read .UpdateSeq, so the jobs of the wave that bumped it are rendered again with the new
 * value: what the workers get and the stored hash then match what the next deploy renders (the same
 * value), instead of differing by one bump and rolling the job out on every deploy.
 */
function restageTemplates(ctx: DeployContext, planned: PlannedJob[], seq: number, failed: Map<string, string>): void {
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i]!;
    if (![...p.staged.values()].some((t) => [...t.tree.files.keys()].some((f) => f.endsWith('.tpl')))) continue;
    const again = stageAndPlan(ctx, p.plan.job, seq);
    if (!('error' in again)) applyPins(ctx, again.plan);
    if ('error' in again) {
      pushJob(ctx, { job: p.plan.job, seq, status: 'failed', reason: 'plan failed', error: again.error, durationMs: 0, allocations: [] }, failed);
      planned.splice(i--, 1);
    } else planned[i] = again;
  }
}

function pushJob(ctx: DeployContext, r: JobResult, failed: Map<string, string>): void {
  ctx.result.jobs.push(r);
  if (r.status === 'deployed' || r.status === 'failed') ctx.recordJob(jobHistory(ctx.db, r));
  if (r.status === 'failed' || r.status === 'blocked') {
    failed.set(r.job, r.error ?? `job ${r.job} failed`);
    if (!ctx.result.failedJobs.includes(r.job)) ctx.result.failedJobs.push(r.job);
  }
  if (r.status === 'blocked') ctx.emit({ type: 'job-finished', result: r });
}

interface PlannedJob {
  plan: JobPlan;
  allocs: ReturnType<typeof jobAllocations>;
  staged: Map<string, StagedTree>;
}

/** pre_deploy, then stage, hash and plan (stageAndPlan). */
async function planOne(ctx: DeployContext, job: string, seq: number): Promise<PlannedJob | { error: string }> {
  const active = jobAllocations(ctx.db, job).filter(isActive);
  const pre = await ctx.hooks.run(job, 'pre_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
  if (!pre.ok) return { error: jobCause(job, pre.error) };
  ctx.checkpoint();
  return stageAndPlan(ctx, job, seq);
}

/** Stages + hashes every active allocation with the run's update_seq, stores the hashes (not in dry-run), plans. */
function stageAndPlan(ctx: DeployContext, job: string, seq: number): PlannedJob | { error: string } {
  let allocs = jobAllocations(ctx.db, job);
  const active = allocs.filter(isActive);
  const info = jobInfo(ctx.db, job)!;
  let staged: Map<string, StagedTree>;
  try {
    staged = stageActive(ctx.db, ctx.kv, ctx.workers, ctx.bucketId, ctx.updateSeq, job, active);
  } catch (e) {
    return { error: errorText(e) };
  }
  if (!ctx.flags.dryRun) {
    ctx.checkpoint(() => {
      for (const a of active) {
        const h = staged.get(a.allocId);
        if (h) storeHash(ctx.db, job, a.allocId, h.hash, h.filesJson);
        ctx.kv.put(allocationNamespace(job, a.workerIp), 'version', a.newVersion);
      }
      recordStaged(ctx.db, ctx.kv, job, active, staged);
    });
    allocs = jobAllocations(ctx.db, job);
  }
  const marker = jobMarker(ctx.db, job);
  return { plan: planJob(info, seq, allocs, staged, marker, { force: ctx.flags.force, syncOnly: ctx.flags.syncOnly }), allocs, staged };
}

/** Q27: after an update_seq bump, every reachable worker with an active allocation gets the new worker files. */
async function finalSync(ctx: DeployContext): Promise<void> {
  ctx.emit({ type: 'phase', phase: 'final-sync' });
  const ips = [...new Set((ctx.db.prepare('SELECT DISTINCT worker_ip FROM allocations WHERE removed = 0 AND disabled = 0 ORDER BY worker_ip').all() as Array<{ worker_ip: string }>).map((r) => r.worker_ip))];
  const todo = ips.filter((ip) => ctx.workers.has(ip) && !ctx.link.refreshed.has(ip));
  const failed = await Promise.all(
    todo.map(async (ip) => {
      const error = (await ctx.link.reach(ip)) ?? rsyncFailure(ip, await ctx.link.rsyncTo(ip, []));
      return error === undefined ? [] : [{ worker: ip, error }];
    }),
  );
  // one warning per cause, naming the workers it hit (not one per worker)
  for (const cause of byCause(failed.flat())) {
    ctx.emit({ type: 'warning', message: `${cause} (worker.json there keeps the previous update_seq until the next deploy)` });
  }
}
