// What `maand rollback` does to each allocation (issue 13): the release it goes back to, from the deploy
// history, and the lifecycle that takes it there (the job's restart policy, as a deploy decides it).
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { lastChange, lastChangedJobs, releaseAt, runExists, type AllocRelease } from '../history/store.ts';
import { isActive, jobAllocations, jobInfo, waves, type AllocState } from '../deploy/alloc-state.ts';
import { decideLifecycle } from '../deploy/lifecycle.ts';
import type { AllocPlan, JobPlan } from '../deploy/plan.ts';
import { parseFilesJson } from '../deploy/tree-hash.ts';

/** Runs whose promotions a rollback undoes (a rollback itself is not one: rolling back twice does not flip). */
export const DEPLOY_COMMANDS = ['deploy', 'drift correct'];

export interface RollbackTarget {
  job: string;
  allocId: string;
  workerIp: string;
  /** The deploy whose retained bytes the allocation gets. */
  release: number;
  hash: string;
  files: string | null;
  version: string;
  /** What the allocation runs now (hash), which the workspace may still render (the pin). */
  fromHash: string;
  fromVersion: string;
}

export interface JobRollback {
  job: string;
  seq: number;
  /** The history boundary: the allocation's release after this run. */
  at: number;
  plan: JobPlan;
  allocs: AllocState[];
  targets: Map<string, RollbackTarget>;
  /** Allocations with no release at the boundary (added after it): left alone. */
  leftAlone: string[];
}

/** Jobs to roll back: the selection, else the jobs the newest deploy changed (or, with --to, every job recorded by then). */
export function selectJobs(db: Db, jobs: string[], to: number | undefined): string[] {
  if (jobs.length > 0) return [...jobs].sort();
  if (to !== undefined) return [...waves(db).values()].flat().filter((j) => releaseAtAny(db, j, to)).sort();
  const last = lastChangedJobs(db, DEPLOY_COMMANDS);
  if (!last) throw new MaandError('invalid argument', 'nothing to roll back: the deploy history records no deploy that changed a job (see maand cat history); name the jobs with --jobs and a deploy id with --to', undefined, { bare: true });
  return last.jobs.filter((j) => jobInfo(db, j) !== undefined);
}

function releaseAtAny(db: Db, job: string, at: number): boolean {
  return jobAllocations(db, job).some((a) => releaseAt(db, job, a.allocId, at) !== undefined);
}

/** Plans every selected job; throws one error naming every job that has no earlier release. */
export function planRollback(db: Db, jobs: string[], to: number | undefined): JobRollback[] {
  if (to !== undefined && !runExists(db, to)) throw new MaandError('invalid argument', `deploy ${to} is not in the deploy history (see maand cat history)`);
  const seqOf = new Map<string, number>();
  for (const [seq, names] of waves(db)) for (const j of names) seqOf.set(j, seq);
  const problems: string[] = [];
  const out: JobRollback[] = [];
  for (const job of jobs) {
    const info = jobInfo(db, job);
    if (!info) {
      problems.push(`job ${job} is not in the catalog`);
      continue;
    }
    const change = to === undefined ? lastChange(db, job, DEPLOY_COMMANDS) : undefined;
    if (to === undefined && change === undefined) {
      problems.push(`job ${job}: no recorded deploy changed it, so there is no earlier release`);
      continue;
    }
    const at = to ?? change! - 1;
    const allocs = jobAllocations(db, job).filter(isActive);
    const targets = new Map<string, RollbackTarget>();
    const leftAlone: string[] = [];
    for (const a of allocs) {
      const r = releaseAt(db, job, a.allocId, at);
      if (r) targets.set(a.allocId, target(a, r));
      else leftAlone.push(a.workerIp);
    }
    if (targets.size === 0) {
      problems.push(to === undefined ? `job ${job}: deploy ${change} was its first recorded deploy, so there is no earlier release` : `job ${job} ran no recorded release after deploy ${to}`);
      continue;
    }
    const plans = allocs.filter((a) => targets.has(a.allocId)).map((a) => allocPlan(a, targets.get(a.allocId)!, info.restartPolicy, info.restartGlobs));
    const rolledTo = [...new Set([...targets.values()].map((t) => t.release))].sort((x, y) => x - y).join(', ');
    const plan: JobPlan = { job, seq: seqOf.get(job) ?? 0, needsRollout: true, reason: `back to release ${rolledTo}`, marker: undefined, allocations: plans };
    // the lifecycle gets the release's version as NEW_VERSION
    const withVersions = allocs.filter((a) => targets.has(a.allocId)).map((a) => ({ ...a, newVersion: targets.get(a.allocId)!.version }));
    out.push({ job, seq: plan.seq, at, plan, allocs: withVersions, targets, leftAlone });
  }
  if (problems.length > 0) throw new MaandError('invalid argument', `nothing to roll back: ${problems.join('; ')}; nothing was changed`, undefined, { bare: true });
  return out.sort((x, y) => x.seq - y.seq || (x.job < y.job ? -1 : 1));
}

function target(a: AllocState, r: AllocRelease): RollbackTarget {
  return {
    job: a.job, allocId: a.allocId, workerIp: a.workerIp, release: r.releaseId, hash: r.hash, files: r.files, version: r.version,
    fromHash: a.previousHash ?? '', fromVersion: a.currentVersion,
  };
}

function allocPlan(a: AllocState, t: RollbackTarget, policy: string, globs: string[]): AllocPlan {
  const hashChanged = t.hash !== (a.previousHash ?? '');
  const versionChanged = t.version !== a.currentVersion;
  const base = { allocId: a.allocId, workerIp: a.workerIp, disabled: false, previousHash: a.previousHash ?? '', currentHash: t.hash, matched: [] as string[], currentVersion: a.currentVersion, newVersion: t.version };
  if (!hashChanged && !versionChanged) return { ...base, action: 'sync', reason: `already runs release ${t.release}; its files are restored` };
  const d = decideLifecycle({
    policy, globs, syncOnly: false, hashChanged, versionOnly: !hashChanged, previousFiles: parseFilesJson(a.previousFiles), currentFiles: parseFilesJson(t.files),
  });
  return { ...base, action: d.action, matched: d.matched, reason: `back to release ${t.release}: ${d.reason}` };
}
