// The one result model of a deploy: the CLI prints it, the Action turns it into a summary, a PR comment
// and outputs. Events stream the same facts while the deploy runs.
import type { AllocAction, JobPlan } from './plan.ts';

export type Outcome = 'ok' | 'failed' | 'skipped' | 'planned';

export interface AllocationResult {
  workerIp: string;
  allocId: string;
  action: AllocAction | 'promote';
  reason: string;
  outcome: Outcome;
  batch?: number;
  durationMs: number;
  error?: string;
}

export type JobStatus = 'deployed' | 'unchanged' | 'failed' | 'blocked' | 'planned';

export interface JobResult {
  job: string;
  seq: number;
  status: JobStatus;
  reason: string;
  error?: string;
  durationMs: number;
  allocations: AllocationResult[];
}

export interface ReconcileResult {
  job: string;
  workerIp: string;
  action: 'stop' | 'cleanup' | 'remove-bucket';
  outcome: Outcome;
  error?: string;
}

export interface DeployResult {
  dryRun: boolean;
  bucketId: string;
  updateSeq: number;
  updateSeqBumped: boolean;
  startedAt: string;
  durationMs: number;
  reconcile: ReconcileResult[];
  jobs: JobResult[];
  /** Dry-run only: the plan of every selected job. */
  plans: JobPlan[];
  failedJobs: string[];
  /** Fatal problems that are not one job's (e.g. cancelled). */
  errors: string[];
  cancelled: boolean;
  /** The certificate-metrics push of a real deploy; absent without a Prometheus server or certificates. */
  certMetrics?: { url: string; series: number; error?: string };
}

export type DeployEvent =
  | { type: 'phase'; phase: 'reconcile' | 'wave' | 'final-sync'; seq?: number }
  | { type: 'job-planned'; plan: JobPlan }
  | { type: 'job-skipped'; job: string; reason: string }
  | { type: 'job-started'; job: string; seq: number }
  | { type: 'batch-started'; job: string; phase: 'new' | 'update'; action: string; index: number; count: number; workers: string[] }
  | { type: 'batch-promoted'; job: string; workers: string[] }
  | { type: 'job-finished'; result: JobResult }
  | { type: 'reconcile'; result: ReconcileResult }
  | { type: 'output'; job?: string; worker?: string; stream: 'stdout' | 'stderr'; text: string; source?: 'rsync' | 'remote' | 'hook' }
  | { type: 'health'; job: string; status: 'skipped' | 'retrying' | 'passed' | 'failed'; detail: string }
  | { type: 'warning'; message: string };

export function changed(r: DeployResult): boolean {
  return r.jobs.some((j) => j.status === 'deployed' || j.status === 'failed') || r.reconcile.length > 0;
}

/** The dry run's planned reconcile, one entry per allocation, sorted by job then worker. */
export function plannedStops(r: DeployResult): Array<{ job: string; workerIp: string; cleanup: boolean }> {
  const byAlloc = new Map<string, { job: string; workerIp: string; cleanup: boolean }>();
  for (const x of r.reconcile.filter((y) => y.outcome === 'planned')) {
    const key = `${x.job}\n${x.workerIp}`;
    const entry = byAlloc.get(key) ?? { job: x.job, workerIp: x.workerIp, cleanup: false };
    if (x.action === 'cleanup') entry.cleanup = true;
    byAlloc.set(key, entry);
  }
  return [...byAlloc.values()].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.workerIp < b.workerIp ? -1 : a.workerIp > b.workerIp ? 1 : 0));
}
