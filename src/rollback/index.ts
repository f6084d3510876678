// `maand rollback` (issue 13): each selected job goes back to a release its workers retained, restored
// on the worker (no render, no rsync from here), then rolled out as a deploy rolls out (batches,
// restart/reload per policy, hooks, health, post_deploy, promotion per batch with checkpoints). Nothing
// changes unless every allocation still has its release. The catalog then describes what runs, and
// each rolled-back allocation is pinned (Q34) so the next deploy does not bring the bad release back.
import { MaandError } from '../errors.ts';
import { sshSettings } from '../bucket/maand-conf.ts';
import type { Db } from '../catalog/db.ts';
import { withRun, type BucketRun } from '../run/lifecycle.ts';
import type { Connect } from '../run/links.ts';
import { recordRelease, type RunOrigin } from '../history/store.ts';
import { DeployContext } from '../deploy/context.ts';
import { checkJobSelection } from '../deploy/engine.ts';
import { Coalescer } from '../deploy/coalesce.ts';
import { jobHistory } from '../deploy/history-rows.ts';
import { setPin } from '../deploy/pins.ts';
import type { DeployEvent, DeployResult, JobResult } from '../deploy/result.ts';
import { rolloutJob } from '../deploy/rollout.ts';
import { failureText, WorkerLink } from '../deploy/worker-link.ts';
import { parseOutcomes, probeScript, restorePrelude, restoreScript } from '../releases/commands.ts';
import { planRollback, selectJobs, type JobRollback, type RollbackTarget } from './plan.ts';

export interface RollbackOptions {
  root: string;
  /** Jobs to roll back; empty: the jobs the last deploy changed. */
  jobs?: string[];
  /** Go back to what each allocation ran after this deploy id (default: before the deploy that last changed the job). */
  to?: number;
  dryRun?: boolean;
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  connect: Connect;
  origin?: RunOrigin;
}

export interface RollbackResult extends DeployResult {
  /** Every allocation that goes (or went) back, by job then worker. */
  targets: Array<{ job: string; workerIp: string; release: number; version: string; fromVersion: string }>;
  /** Allocations added after the release, left as they are. */
  leftAlone: Array<{ job: string; workerIp: string }>;
}

export function rollback(o: RollbackOptions): Promise<RollbackResult> {
  const dryRun = o.dryRun === true;
  return withRun(
    {
      root: o.root, command: dryRun ? 'rollback --dry-run' : 'rollback', connect: o.connect, readOnly: dryRun, stage: {},
      history: { command: 'rollback', ...(o.origin ? { origin: o.origin } : {}) },
      ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}),
    },
    (r) => rollbackRun(r, o.jobs ?? [], o.to, dryRun),
  );
}

async function rollbackRun(r: BucketRun, selection: string[], to: number | undefined, dryRun: boolean): Promise<RollbackResult> {
  const t0 = Date.now();
  checkJobSelection(r, selection);
  const jobs = planRollback(r.db, selectJobs(r.db, selection, to), to);
  const result: RollbackResult = {
    dryRun, bucketId: r.bucketId, updateSeq: r.updateSeq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(), durationMs: 0, reconcile: [], jobs: [], plans: [],
    failedJobs: [], errors: [], cancelled: false, targets: [], leftAlone: [],
  };
  for (const j of jobs) {
    for (const t of j.targets.values()) result.targets.push({ job: j.job, workerIp: t.workerIp, release: t.release, version: t.version, fromVersion: t.fromVersion });
    for (const ip of j.leftAlone) {
      result.leftAlone.push({ job: j.job, workerIp: ip });
      r.emit({ type: 'warning', message: `job ${j.job} worker ${ip}: allocated after the release it would go back to; left as it is` });
    }
  }
  const useSudo = sshSettings(r.conf).useSudo;
  const link = WorkerLink.forRun(r);
  await link.requireTransport();
  await checkReleases(link, r.bucketId, jobs);
  if (dryRun) {
    result.plans = jobs.map((j) => j.plan);
    for (const p of result.plans) r.emit({ type: 'job-planned', plan: p });
    result.durationMs = Date.now() - t0;
    return result;
  }
  const targets = new Map(jobs.flatMap((j) => [...j.targets.values()].map((t) => [`${t.job}\n${t.workerIp}`, t] as const)));
  const restored = new Set<string>();
  const restorer = new Coalescer<string, string | undefined>((ip, names) => restore(link, r.bucketId, ip, names.map((job) => targets.get(`${job}\n${ip}`)!), restored));
  // A restart or reload restores the release in its own ssh call, just before make: no round trip of its own.
  const files = (ip: string, job: string, lifecycleFollows: boolean): Promise<string | undefined> => {
    if (!lifecycleFollows) return restorer.submit(ip, job);
    restoreBeforeLifecycle(link, r.bucketId, targets.get(`${job}\n${ip}`)!, restored);
    return Promise.resolve(undefined);
  };
  const ctx = new DeployContext(r, {
    flags: { dryRun: false, force: false, syncOnly: false, jobs: jobs.map((j) => j.job) }, useSudo, result, link, files,
    promote: (job, allocId) => promoteRelease(r.db, r.deployId, jobs.find((j) => j.job === job)!.targets.get(allocId)!, jobs.find((j) => j.job === job)!),
  });
  for (const seq of [...new Set(jobs.map((j) => j.seq))]) {
    const wave = jobs.filter((j) => j.seq === seq);
    ctx.emit({ type: 'phase', phase: 'wave', seq });
    const done = await Promise.all(wave.map((j): Promise<JobResult> => {
      ctx.emit({ type: 'job-planned', plan: j.plan });
      if (ctx.cancelled) return Promise.resolve({ job: j.job, seq, status: 'failed', reason: 'cancelled', error: `job ${j.job}: cancelled before its rollback; nothing of it changed`, durationMs: 0, allocations: [] });
      return rolloutJob(ctx, j.plan, j.allocs, new Map());
    }));
    for (const res of done) {
      result.jobs.push(res);
      if (res.status === 'failed') {
        result.failedJobs.push(res.job);
        ctx.checkpoint(() => markUnsettled(r.db, wave.find((j) => j.job === res.job)!, restored));
      }
      r.recordJob(jobHistory(r.db, res));
    }
  }
  result.cancelled = ctx.cancelled;
  result.durationMs = Date.now() - t0;
  r.setOutcome(result.cancelled ? 'cancelled' : result.failedJobs.length > 0 ? 'failed' : 'ok');
  return result;
}

/** Every allocation must still have its release (and its worker be reachable): else one error, nothing changed. First contact and the check share one round trip. */
async function checkReleases(link: WorkerLink, bucketId: string, jobs: JobRollback[]): Promise<void> {
  const byIp = new Map<string, RollbackTarget[]>();
  for (const j of jobs) for (const t of j.targets.values()) byIp.set(t.workerIp, [...(byIp.get(t.workerIp) ?? []), t]);
  const problems: string[] = [];
  await Promise.all(
    [...byIp].map(async ([ip, ts]) => {
      const res = await link.reachWith(ip, probeScript(bucketId, ts.map((t) => ({ job: t.job, release: t.release }))));
      if (res.error !== undefined) {
        problems.push(res.error);
        return;
      }
      for (const t of ts) if (!res.stdout.includes(`maand-release: ${t.job} ${t.release} yes`)) problems.push(`job ${t.job} worker ${ip}: release ${t.release} is not retained`);
    }),
  );
  if (problems.length > 0)
    throw new MaandError('invalid argument', `rollback not possible: ${problems.sort().join('; ')}; nothing was changed (roll these jobs forward with maand deploy, or choose another release with --to)`, undefined, { bare: true });
}

async function restore(link: WorkerLink, bucketId: string, ip: string, ts: RollbackTarget[], restored: Set<string>): Promise<Array<string | undefined>> {
  const err = await link.reach(ip);
  if (err) return ts.map(() => err);
  const r = await link.run(ip, restoreScript(bucketId, ts.map((t) => ({ job: t.job, release: t.release }))), { onLine: link.output(undefined, ip) });
  const codes = parseOutcomes(r.stdout);
  return ts.map((t) => {
    const code = codes.get(t.job);
    if (code !== 44) restored.add(`${t.job}\n${ip}`);
    return restoreFailure(t, code, failureText(ip, r));
  });
}

function restoreBeforeLifecycle(link: WorkerLink, bucketId: string, t: RollbackTarget, restored: Set<string>): void {
  link.beforeLifecycle(t.workerIp, t.job, {
    script: restorePrelude(bucketId, { job: t.job, release: t.release }),
    done: (code, output) => {
      // anything but "release missing" may have touched the tree: a failed job's allocation is then marked for the next deploy
      if (code !== 44) restored.add(`${t.job}\n${t.workerIp}`);
      return restoreFailure(t, code, output);
    },
  });
}

function restoreFailure(t: RollbackTarget, code: number | undefined, output: string): string | undefined {
  if (code === 0) return undefined;
  if (code === 44) return `worker ${t.workerIp}: release ${t.release} of job ${t.job} disappeared before it was restored; run maand deploy`;
  return code === undefined ? output : `worker ${t.workerIp}: restoring release ${t.release} of job ${t.job} failed (exit ${code}); see the output above`;
}

/** The allocation runs the release (hash row and history), pinned while the workspace renders what it left. */
function promoteRelease(db: Db, deployId: number | undefined, t: RollbackTarget, j: JobRollback): void {
  db.prepare('UPDATE hash SET current_hash = ?, current_files = ?, previous_hash = ?, previous_files = ?, current_version = ? WHERE namespace = ? AND key = ?').run(
    t.hash, t.files, t.hash, t.files, t.version, `${t.job}_allocation`, t.allocId,
  );
  if (deployId === undefined) return;
  recordRelease(db, { deployId, job: t.job, allocId: t.allocId, workerIp: t.workerIp, releaseId: t.release, hash: t.hash, files: t.files, version: t.version });
  const workspace = j.allocs.find((a) => a.allocId === t.allocId)?.currentHash ?? t.fromHash;
  if (workspace !== '' && workspace !== t.hash) setPin(db, t.job, t.allocId, { rollbackId: deployId, pinnedHash: workspace });
}

/**
 * A failed or cancelled job's allocations whose files were restored but that were not promoted run the
 * old process over the release's files: the next deploy rolls them out again (as drift correction does).
 */
function markUnsettled(db: Db, j: JobRollback, restored: Set<string>): void {
  const mark = db.prepare("UPDATE hash SET previous_hash = 'drift' WHERE namespace = ? AND key = ? AND previous_hash IS NOT NULL AND previous_hash <> ?");
  for (const t of j.targets.values()) if (restored.has(`${t.job}\n${t.workerIp}`)) mark.run(`${t.job}_allocation`, t.allocId, t.hash);
}
