// `maand health_check [--jobs a,b] [--wait]` (spec kv §5.5): optional worker gate (ssh port
// reachable on every catalog worker), then up to 16 jobs checked in parallel.
import { setTimeout as sleep } from 'node:timers/promises';
import { catalogJobs, workersByPosition } from '../catalog/queries.ts';
import { MaandError } from '../errors.ts';
import { runLimited } from '../util/pool.ts';
import { checkJobHealth } from './job-check.ts';
import { tcpProbe } from './probes.ts';
import type { HealthContext, JobHealthResult, WaitOptions } from './types.ts';

export const JOB_PARALLELISM = 16;
export const WORKER_GATE_ATTEMPTS = 30;
export const WORKER_GATE_TIMEOUT_MS = 5000;

export interface HealthCheckOptions {
  /** Default: every catalog job. Names are trimmed; unknown names fail before anything runs. */
  jobs?: readonly string[];
  wait?: boolean | WaitOptions;
  /** Run the worker gate first (the CLI does; deploy does not). Needs `sshPort`. */
  workerGate?: { sshPort: number; attempts?: number; intervalMs?: number };
}

export interface HealthReport {
  ok: boolean;
  /** Sorted by job name. */
  jobs: JobHealthResult[];
  /** `job <a>: <err>; job <b>: <err>` or the worker gate's error. */
  error?: Error;
}

export async function checkHealth(ctx: HealthContext, o: HealthCheckOptions = {}): Promise<HealthReport> {
  const jobs = selectJobs(ctx, o.jobs);
  if (o.workerGate !== undefined) {
    const gate = await checkWorkers(ctx, o.workerGate, o.wait !== undefined && o.wait !== false);
    if (gate !== undefined) return { ok: false, jobs: [], error: new Error(gate) };
  }
  const results = await runLimited(jobs.map((job) => () => checkJobHealth(ctx, job, { wait: o.wait })), JOB_PARALLELISM);
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return { ok: true, jobs: results };
  return { ok: false, jobs: results, error: new Error(failed.map((r) => r.error!.message).join('; ')) };
}

function selectJobs(ctx: HealthContext, wanted: readonly string[] | undefined): string[] {
  const all = catalogJobs(ctx.db);
  if (wanted === undefined) return all;
  const names = [...new Set(wanted.map((j) => j.trim()).filter((j) => j !== ''))].sort();
  const unknown = names.filter((j) => !all.includes(j));
  if (unknown.length > 0) {
    const e = new MaandError('invalid argument', `jobs not in this bucket: [${unknown.join(' ')}]`);
    e.message = `jobs not in this bucket: [${unknown.join(' ')}] (see maand cat jobs)`;
    throw e;
  }
  return names;
}

/** Every catalog worker's ssh port accepts TCP (position order, first failure fails the pass). Returns the error text. */
export async function checkWorkers(ctx: HealthContext, gate: { sshPort: number; attempts?: number; intervalMs?: number }, wait: boolean): Promise<string | undefined> {
  const workers = workersByPosition(ctx.db).map((w) => w.worker_ip);
  if (workers.length === 0) {
    ctx.onHealth?.({ type: 'workers-skipped' });
    return undefined;
  }
  const total = wait ? (gate.attempts ?? WORKER_GATE_ATTEMPTS) : 1;
  let error: string | undefined;
  for (let i = 1; i <= total; i++) {
    error = undefined;
    for (const ip of workers) {
      const e = await tcpProbe(ip, gate.sshPort, WORKER_GATE_TIMEOUT_MS, ctx.signal);
      if (e !== undefined) {
        error = `worker health: worker ${ip} ssh port ${gate.sshPort}: ${e}`;
        break;
      }
    }
    if (error === undefined) {
      ctx.onHealth?.({ type: 'workers-passed' });
      return undefined;
    }
    if (i < total && !ctx.signal?.aborted) {
      ctx.onHealth?.({ type: 'workers-attempt-failed', attempt: i, attempts: total, error });
      await sleep(gate.intervalMs ?? 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
    }
    if (ctx.signal?.aborted) break;
  }
  ctx.onHealth?.({ type: 'workers-failed', error: error! });
  return error;
}
