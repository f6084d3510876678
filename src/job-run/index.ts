// `maand job run <job> --target <t>`: run a Makefile target (or the job's job_control hooks with TARGET)
// on the job's active allocations, in batches of max_concurrent_upgrades, after checking that each
// worker runs this bucket at the catalog's update_seq (worker.py).
import { MaandError } from '../errors.ts';
import { withRun, type BucketRun } from '../run/lifecycle.ts';
import type { Connect } from '../run/links.ts';
import { bucketDir, runnerCommand, shq } from '../deploy/commands.ts';
import type { DeployEvent } from '../deploy/result.ts';
import { batches } from '../deploy/rollout-order.ts';
import { commandsFor } from '../hooks/catalog.ts';
import { isActive, jobAllocations, jobInfo } from '../deploy/alloc-state.ts';
import { failureText, WorkerLink } from '../deploy/worker-link.ts';
import type { RunOrigin } from '../history/store.ts';
import { jobPlanHash, jobVersion } from '../deploy/history-rows.ts';

export interface JobRunOptions {
  root: string;
  job: string;
  target: string;
  /** Restrict to these worker IPs (must be active allocations of the job). */
  workers?: string[];
  healthCheck?: boolean;
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  connect: Connect;
  /** Who started the run and from which commit, for the deploy history. */
  origin?: RunOrigin;
}

export interface JobRunResult {
  job: string;
  target: string;
  workers: Array<{ workerIp: string; ok: boolean; error?: string }>;
  health?: { ok: boolean; error?: string };
}

const WORKER_CHECK: Record<number, string> = { 1: 'bucket id mismatch', 2: 'worker id mismatch', 3: 'update_seq mismatch' };

export function runJobTarget(o: JobRunOptions): Promise<JobRunResult> {
  // what the job runs is a Makefile target name: checked before the bucket is even locked
  if (!/^[A-Za-z0-9_.-]+$/.test(o.target)) throw new MaandError('invalid argument', `target ${JSON.stringify(o.target)}: use a Makefile target name (letters, digits, _ . -)`);
  return withRun(
    {
      root: o.root, command: `job run ${o.job}`, connect: o.connect, history: { command: 'job run', ...(o.origin ? { origin: o.origin } : {}) },
      ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}),
    },
    async (r) => {
      const res = await runJobTargetIn(r, o);
      const ok = res.workers.every((w) => w.ok) && res.health?.ok !== false;
      r.recordJob({ job: o.job, version: jobVersion(r.db, o.job), planHash: jobPlanHash(r.db, o.job), allocationsChanged: res.workers.filter((w) => w.ok).length, outcome: ok ? 'ok' : 'failed' });
      r.setOutcome(ok ? 'ok' : 'failed');
      return res;
    },
  );
}

async function runJobTargetIn(r: BucketRun, o: JobRunOptions): Promise<JobRunResult> {
  const info = jobInfo(r.db, o.job);
  if (!info) throw new MaandError('invalid argument', `unknown job ${o.job} (see maand cat jobs)`);
  let allocs = jobAllocations(r.db, o.job).filter(isActive);
  if (o.workers && o.workers.length > 0) {
    const bad = o.workers.filter((ip) => !allocs.some((a) => a.workerIp === ip));
    if (bad.length > 0) throw new MaandError('invalid argument', `worker ${bad.join(', ')}: not an active allocation of job ${o.job}`);
    allocs = allocs.filter((a) => o.workers!.includes(a.workerIp));
  }
  if (allocs.length === 0) throw new MaandError('invalid argument', `job ${o.job} has no active allocation`);
  const workerIds = new Map(r.workers.map((w) => [w.ip, w.workerId]));
  const link = WorkerLink.forRun(r);
  const result: JobRunResult = { job: o.job, target: o.target, workers: [] };
  const jobControl = commandsFor(r.db, o.job, 'job_control');
  if (jobControl.length > 0) {
    const h = await r.links.hooks.run(o.job, 'job_control', allocs.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: allocs.length, env: { TARGET: o.target } });
    for (const a of allocs) result.workers.push({ workerIp: a.workerIp, ok: h.ok, ...(h.error ? { error: h.error } : {}) });
  } else {
    await link.requireTransport();
    for (const group of batches(allocs, info.maxConcurrentUpgrades)) {
      if (r.signal?.aborted) break;
      const outs = await Promise.all(
        group.map(async (a) => {
          const check = `python3 ${shq(`${bucketDir(r.bucketId)}/bin/worker.py`)} ${shq(r.bucketId)} ${shq(workerIds.get(a.workerIp) ?? '')} ${r.updateSeq}`;
          const c = await link.run(a.workerIp, check);
          if (c.exitCode !== 0) {
            const why = WORKER_CHECK[c.exitCode];
            return why ? `worker ${a.workerIp}: ${why} (run maand deploy first)` : failureText(a.workerIp, c);
          }
          const res = await link.run(a.workerIp, runnerCommand(r.bucketId, o.target, o.job), {
            env: { CURRENT_VERSION: a.currentVersion, NEW_VERSION: a.newVersion },
            onLine: link.output(o.job, a.workerIp),
          });
          return res.exitCode === 0 ? undefined : failureText(a.workerIp, res);
        }),
      );
      group.forEach((a, i) => result.workers.push({ workerIp: a.workerIp, ok: outs[i] === undefined, ...(outs[i] ? { error: outs[i] } : {}) }));
      if (outs.some((x) => x !== undefined)) break;
    }
  }
  if (o.healthCheck && result.workers.every((w) => w.ok)) {
    const h = await r.links.health.check(o.job);
    result.health = { ok: h.ok, ...(h.error ? { error: h.error } : {}) };
  }
  return result;
}
