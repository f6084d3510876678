// The one report model of an Action run: the job summary and the PR comment are both rendered from it,
// so they can never disagree. Built from the engine's results by from-results.ts; plain data, sorted.
import type { PlanDocument } from '../plan-doc.ts';

export type ReportCommand = 'deploy' | 'plan' | 'drift' | 'build' | 'rollback';

/** ok: nothing failed; changes/no-changes: a plan; drift/in-sync: a drift report. */
export type Verdict = 'ok' | 'no-changes' | 'changes' | 'failed' | 'cancelled' | 'drift' | 'in-sync';

export interface ReportAllocation {
  worker: string;
  /** start, restart, reload, sync, stop, skip, promote; for drift: in-sync, drifted, pending, unreachable. */
  action: string;
  /** ok, failed, skipped, planned (drift: the drift status). */
  outcome: string;
  reason: string;
  batch?: number;
  durationMs?: number;
  /** Drift: the job-relative files that differ on the worker. */
  files?: string[];
}

export interface ReportJob {
  job: string;
  wave: number;
  /** deployed, unchanged, failed, blocked, planned, up-to-date, drifted, in-sync, pending, rolled-back. */
  status: string;
  reason: string;
  durationMs?: number;
  allocations: ReportAllocation[];
}

export interface ReportFailure {
  job: string;
  wave?: number;
  worker?: string;
  reason: string;
}

export interface ReportReconcile {
  job: string;
  worker: string;
  action: string;
  outcome: string;
  error?: string;
}

/** rollback: one allocation and the retained release it went (or was to go) back to. */
export interface ReportRelease {
  job: string;
  worker: string;
  /** The version it ran before the rollback. */
  fromVersion: string;
  /** The deploy id whose retained bytes it got. */
  release: number;
  version: string;
  /** ok, failed, skipped (the allocation's outcome in the rollout). */
  outcome: string;
}

export interface Report {
  command: ReportCommand;
  verdict: Verdict;
  /** One line: "2 jobs deployed, 3 unchanged", "no changes", "1 of 4 jobs failed". */
  headline: string;
  /** The state-name (several buckets of one repository are told apart by it). */
  bucketName: string;
  bucketId: string;
  updateSeq: number;
  durationMs: number;
  /** The state generation this run started from (0: a new bucket). */
  generation: number;
  /** Sentences shown above the details (first run, cancelled, hooks in plan mode, …). */
  notes: string[];
  /** Failures first: every failed job, allocation, reconcile step or run-level error. */
  failures: ReportFailure[];
  /** By wave, then job name. */
  jobs: ReportJob[];
  reconcile: ReportReconcile[];
  /** rollback: what went back to which release, by job then worker. */
  releases?: ReportRelease[];
  /** drift: correct: the redeploy of the drifted jobs. */
  correction?: ReportJob[];
  /** A link to the workflow run (never to anything secret). */
  runUrl?: string;
  /** plan: the plan document (docs/plan.md) whose file diffs the comment and summary fold per job. */
  plan?: PlanDocument;
}

export function byWaveThenJob(a: { wave: number; job: string }, b: { wave: number; job: string }): number {
  return a.wave - b.wave || (a.job < b.job ? -1 : a.job > b.job ? 1 : 0);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
