// Bucket-level files every touched worker receives (deploy spec §7.2, §21): worker.json, jobs.json and
// bin/runner.py, bin/worker.py, written into the worker's staging dir before an rsync.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetPath } from '../util/assets.ts';
import type { Db } from '../catalog/db.ts';

export interface WorkerFileData {
  bucketId: string;
  workerId: string;
  workerIp: string;
  labels: string[];
  updateSeq: number;
  /** Non-removed allocations on this worker, by job name. */
  jobs: Array<{ job: string; disabled: number }>;
}

/** What a worker's worker.json and jobs.json say, from the catalog. */
export function workerFileData(db: Db, bucketId: string, updateSeq: number, w: { ip: string; workerId: string; labels: string[] }): WorkerFileData {
  const jobs = db.prepare('SELECT job, disabled FROM allocations WHERE worker_ip = ? AND removed = 0 ORDER BY job').all(w.ip) as Array<{ job: string; disabled: number }>;
  return { bucketId, workerId: w.workerId, workerIp: w.ip, labels: w.labels, updateSeq, jobs };
}

/** Go's json.MarshalIndent with three spaces and HTML-safe escaping. */
export function goPrettyJson(value: unknown): string {
  return JSON.stringify(value, null, 3).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function workerJson(d: WorkerFileData): string {
  return goPrettyJson({ bucket_id: d.bucketId, worker_id: d.workerId, worker_ip: d.workerIp, labels: [...d.labels].sort(), update_seq: d.updateSeq });
}

export function jobsJson(d: WorkerFileData): string {
  return goPrettyJson([...d.jobs].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : 0)).map((j) => ({ job: j.job, disabled: j.disabled })));
}

export function writeWorkerFiles(stageDir: string, d: WorkerFileData): void {
  mkdirSync(join(stageDir, 'bin'), { recursive: true, mode: 0o755 });
  mkdirSync(join(stageDir, 'jobs'), { recursive: true, mode: 0o755 });
  writeFileSync(join(stageDir, 'worker.json'), workerJson(d), { mode: 0o644 });
  writeFileSync(join(stageDir, 'jobs.json'), jobsJson(d), { mode: 0o644 });
  // the staging dir lives for one deploy, so assets already copied there are current
  for (const f of ['runner.py', 'worker.py']) if (!existsSync(join(stageDir, 'bin', f))) copyFileSync(assetPath(f), join(stageDir, 'bin', f));
}
