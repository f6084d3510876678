// Drift: do the workers still hold what the catalog says was deployed? For every active allocation whose
// staged tree equals its promoted hash, an rsync checksum dry-run lists files that differ on the worker;
// then the job's health check runs. No make target runs. `markDrifted` makes the next deploy roll them.
import { rmSync } from 'node:fs';
import { MaandError } from '../errors.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { readMaandConf, sshSettings } from '../bucket/maand-conf.ts';
import { openDb, type Db } from '../catalog/db.ts';
import { checkSchema } from '../catalog/gate.ts';
import { bucketRow, workerLabels, workersByPosition } from '../catalog/queries.ts';
import { KvStore, loadKvKey } from '../kv/index.ts';
import { parseItemizedLine } from '../remote/rsync.ts';
import { bucketDir, checkWorker } from './commands.ts';
import { failureText } from './context.ts';
import type { DeployOptions } from './engine.ts';
import type { DeployEvent } from './result.ts';
import { stageActive } from './staging.ts';
import { StageArea } from './stage-area.ts';
import { isActive, jobAllocations, waves, wasDeployed } from './state.ts';
import { workerFileData } from './worker-files.ts';
import { withBucketLock } from '../bucket/lock.ts';

export type DriftStatus = 'in-sync' | 'drifted' | 'pending' | 'unreachable';

export interface AllocationDrift {
  workerIp: string;
  allocId: string;
  status: DriftStatus;
  /** Job-relative paths that differ on the worker (`*deleting` included). */
  files: string[];
  detail?: string;
}

export interface JobDrift {
  job: string;
  allocations: AllocationDrift[];
  health: { ok: boolean; skipped: boolean; error?: string };
  drifted: boolean;
}

export interface DriftResult {
  jobs: JobDrift[];
  driftedJobs: string[];
  pendingJobs: string[];
  unreachable: string[];
}

export interface DriftOptions {
  root: string;
  jobs?: string[];
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  connect: DeployOptions['connect'];
}

export function detectDrift(o: DriftOptions): Promise<DriftResult> {
  return withBucketLock(o.root, 'drift', () => detectDriftLocked(o));
}

async function detectDriftLocked(o: DriftOptions): Promise<DriftResult> {
  const paths = bucketPaths(o.root);
  const conf = readMaandConf(paths.maandConf);
  const db = openDb(paths.db);
  const emit = o.onEvent ?? ((): void => {});
  const tmp = paths.tmpDir;
  let stage: StageArea | undefined;
  try {
    checkSchema(db);
    const bucket = bucketRow(db);
    const labels = workerLabels(db);
    const workers = new Map(workersByPosition(db).map((w) => [w.worker_ip, { workerId: w.worker_id, labels: labels.get(w.worker_ip) ?? [] }]));
    const allJobs = [...waves(db).values()].flat();
    const unknown = (o.jobs ?? []).filter((j) => !allJobs.includes(j));
    if (unknown.length > 0) throw new MaandError('invalid argument', `unknown job ${unknown.join(', ')}`);
    const jobs = (o.jobs && o.jobs.length > 0 ? o.jobs : allJobs).sort();
    rmSync(tmp, { recursive: true, force: true });
    stage = StageArea.open({ bucketTmp: tmp });
    const area = stage;
    const kv = KvStore.load(db, { key: () => loadKvKey(paths.root) });
    const links = await o.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(o.signal ? { signal: o.signal } : {}) });
    const result: DriftResult = { jobs: [], driftedJobs: [], pendingJobs: [], unreachable: [] };
    const reachable = new Map<string, Promise<string | undefined>>();
    const useSudo = sshSettings(conf).useSudo;
    const reach = (ip: string): Promise<string | undefined> => {
      let p = reachable.get(ip);
      if (!p) {
        p = checkWorker((script) => links.remote.run(ip, script), ip, bucket.bucket_id, useSudo);
        reachable.set(ip, p);
      }
      return p;
    };
    try {
      for (const job of jobs) {
        const allocs = jobAllocations(db, job).filter(isActive);
        const staged = stageActive(db, kv, workers, bucket.bucket_id, bucket.update_seq, job, allocs);
        const jd: JobDrift = { job, allocations: [], health: { ok: true, skipped: true }, drifted: false };
        await Promise.all(
          allocs.map(async (a) => {
            const h = staged.get(a.allocId);
            const base = { workerIp: a.workerIp, allocId: a.allocId, files: [] as string[] };
            if (!h || !wasDeployed(a) || a.previousHash !== h.hash || a.currentVersion !== a.newVersion) {
              jd.allocations.push({ ...base, status: 'pending', detail: !wasDeployed(a) ? 'never deployed' : 'the workspace changed since the last deploy' });
              return;
            }
            const err = await reach(a.workerIp);
            if (err) {
              jd.allocations.push({ ...base, status: 'unreachable', detail: err });
              return;
            }
            area.placeTree(a.workerIp, job, h.hash, h.tree);
            const src = area.rsyncSource(a.workerIp, workerFileData(db, bucket.bucket_id, bucket.update_seq, { ip: a.workerIp, ...workers.get(a.workerIp)! }), [job]);
            const files: string[] = [];
            const r = await links.remote.rsync(a.workerIp, src.dir, bucketDir(bucket.bucket_id), src.filter, {
              dryRun: true,
              itemize: true,
              onLine: (stream, text) => {
                const c = stream === 'stdout' ? parseItemizedLine(text) : undefined;
                const prefix = `jobs/${job}/`;
                if (c && !c.directory && c.action !== 'attributes' && c.path.startsWith(prefix)) files.push(c.path.slice(prefix.length));
              },
            });
            if (r.exitCode !== 0) jd.allocations.push({ ...base, status: 'unreachable', detail: failureText(a.workerIp, r) });
            else jd.allocations.push({ ...base, files: files.sort(), status: files.length > 0 ? 'drifted' : 'in-sync' });
          }),
        );
        jd.allocations.sort((x, y) => (x.workerIp < y.workerIp ? -1 : x.workerIp > y.workerIp ? 1 : 0));
        if (jd.allocations.some((x) => x.status !== 'pending' && x.status !== 'unreachable')) {
          const hc = await links.health.check(job);
          jd.health = { ok: hc.ok, skipped: hc.skipped === true, ...(hc.error ? { error: hc.error } : {}) };
        }
        jd.drifted = jd.allocations.some((x) => x.status === 'drifted') || !jd.health.ok;
        if (jd.drifted) result.driftedJobs.push(job);
        if (jd.allocations.some((x) => x.status === 'pending')) result.pendingJobs.push(job);
        for (const x of jd.allocations) if (x.status === 'unreachable' && !result.unreachable.includes(x.workerIp)) result.unreachable.push(x.workerIp);
        result.jobs.push(jd);
      }
    } finally {
      await links.close();
    }
    result.unreachable.sort();
    return result;
  } finally {
    stage?.close();
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Makes the next deploy roll the drifted allocations (and, for failed health, all of the job's). */
export function markDrifted(root: string, drift: DriftResult): string[] {
  const db: Db = openDb(bucketPaths(root).db);
  try {
    const mark = db.prepare("UPDATE hash SET previous_hash = 'drift' WHERE namespace = ? AND key = ? AND previous_hash IS NOT NULL");
    for (const j of drift.jobs.filter((x) => x.drifted)) {
      for (const a of j.allocations) if (a.status === 'drifted' || (!j.health.ok && a.status === 'in-sync')) mark.run(`${j.job}_allocation`, a.allocId);
    }
    return drift.driftedJobs;
  } finally {
    db.close();
  }
}
