// `maand job run <job> --target <t>`: run a Makefile target (or the job's job_control hooks with TARGET)
// on the job's active allocations, in batches of max_concurrent_upgrades, after checking that each
// worker runs this bucket at the catalog's update_seq (worker.py).
import { MaandError } from '../errors.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { readMaandConf } from '../bucket/maand-conf.ts';
import { openDb } from '../catalog/db.ts';
import { checkSchema } from '../catalog/gate.ts';
import { bucketRow } from '../catalog/queries.ts';
import { KvStore, loadKvKey } from '../kv/index.ts';
import { bucketDir, runnerCommand, shq } from './commands.ts';
import { failureText } from './context.ts';
import type { DeployOptions } from './engine.ts';
import type { DeployEvent } from './result.ts';
import { batches } from './rollout-order.ts';
import { commandsFor } from '../hooks/catalog.ts';
import { isActive, jobAllocations, jobInfo } from './state.ts';
import { withBucketLock } from '../bucket/lock.ts';

export interface JobRunOptions {
  root: string;
  job: string;
  target: string;
  /** Restrict to these worker IPs (must be active allocations of the job). */
  workers?: string[];
  healthCheck?: boolean;
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  connect: DeployOptions['connect'];
}

export interface JobRunResult {
  job: string;
  target: string;
  workers: Array<{ workerIp: string; ok: boolean; error?: string }>;
  health?: { ok: boolean; error?: string };
}

const WORKER_CHECK: Record<number, string> = { 1: 'bucket id mismatch', 2: 'worker id mismatch', 3: 'update_seq mismatch' };

export function runJobTarget(o: JobRunOptions): Promise<JobRunResult> {
  return withBucketLock(o.root, `job run ${o.job}`, () => runJobTargetLocked(o));
}

async function runJobTargetLocked(o: JobRunOptions): Promise<JobRunResult> {
  if (!/^[A-Za-z0-9_.-]+$/.test(o.target)) throw new MaandError('invalid argument', `--target ${JSON.stringify(o.target)}: use a Makefile target name (letters, digits, _ . -)`);
  const paths = bucketPaths(o.root);
  const conf = readMaandConf(paths.maandConf);
  const db = openDb(paths.db);
  const emit = o.onEvent ?? ((): void => {});
  try {
    checkSchema(db);
    const info = jobInfo(db, o.job);
    if (!info) throw new MaandError('invalid argument', `unknown job ${o.job} (see maand cat jobs)`);
    let allocs = jobAllocations(db, o.job).filter(isActive);
    if (o.workers && o.workers.length > 0) {
      const bad = o.workers.filter((ip) => !allocs.some((a) => a.workerIp === ip));
      if (bad.length > 0) throw new MaandError('invalid argument', `--workers ${bad.join(',')}: not an active allocation of job ${o.job}`);
      allocs = allocs.filter((a) => o.workers!.includes(a.workerIp));
    }
    if (allocs.length === 0) throw new MaandError('invalid argument', `job ${o.job} has no active allocation`);
    const bucket = bucketRow(db);
    const workerIds = new Map((db.prepare('SELECT worker_ip, worker_id FROM worker').all() as Array<{ worker_ip: string; worker_id: string }>).map((r) => [r.worker_ip, r.worker_id]));
    const kv = KvStore.load(db, { key: () => loadKvKey(paths.root) });
    const links = await o.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(o.signal ? { signal: o.signal } : {}) });
    const result: JobRunResult = { job: o.job, target: o.target, workers: [] };
    try {
      const jobControl = commandsFor(db, o.job, 'job_control');
      if (jobControl.length > 0) {
        const r = await links.hooks.run(o.job, 'job_control', allocs.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: allocs.length, env: { TARGET: o.target } });
        for (const a of allocs) result.workers.push({ workerIp: a.workerIp, ok: r.ok, ...(r.error ? { error: r.error } : {}) });
      } else {
        for (const group of batches(allocs, info.maxConcurrentUpgrades)) {
          if (o.signal?.aborted) break;
          const outs = await Promise.all(
            group.map(async (a) => {
              const check = `python3 ${shq(`${bucketDir(bucket.bucket_id)}/bin/worker.py`)} ${shq(bucket.bucket_id)} ${shq(workerIds.get(a.workerIp) ?? '')} ${bucket.update_seq}`;
              const c = await links.remote.run(a.workerIp, check);
              if (c.exitCode !== 0) {
                const why = WORKER_CHECK[c.exitCode];
                return why ? `worker ${a.workerIp}: ${why} (run maand deploy first)` : failureText(a.workerIp, c);
              }
              const r = await links.remote.run(a.workerIp, runnerCommand(bucket.bucket_id, o.target, o.job), {
                env: { CURRENT_VERSION: a.currentVersion, NEW_VERSION: a.newVersion },
                onLine: (stream, text) => emit({ type: 'output', job: o.job, worker: a.workerIp, stream, text }),
              });
              return r.exitCode === 0 ? undefined : failureText(a.workerIp, r);
            }),
          );
          group.forEach((a, i) => result.workers.push({ workerIp: a.workerIp, ok: outs[i] === undefined, ...(outs[i] ? { error: outs[i] } : {}) }));
          if (outs.some((x) => x !== undefined)) break;
        }
      }
      if (o.healthCheck && result.workers.every((w) => w.ok)) {
        const h = await links.health.check(o.job);
        result.health = { ok: h.ok, ...(h.error ? { error: h.error } : {}) };
      }
    } finally {
      await links.close();
    }
    return result;
  } finally {
    db.close();
  }
}
