// Catalog reads shared by build, deploy and `maand cat`. Orders are explicit (decision Q13).
import type { Db } from './db.ts';

export interface WorkerRow {
  worker_id: string;
  worker_ip: string;
  available_memory_mb: string;
  available_cpu_mhz: string;
  position: number;
}

/** Catalog workers by position, ties in workers.json order (rows are re-inserted in file order). */
export function workersByPosition(db: Db): WorkerRow[] {
  return db.prepare('SELECT worker_id, worker_ip, available_memory_mb, available_cpu_mhz, position FROM worker ORDER BY position, rowid').all() as unknown as WorkerRow[];
}

export function workerLabels(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of db.prepare('SELECT w.worker_ip AS ip, l.label AS label FROM worker_labels l JOIN worker w ON w.worker_id = l.worker_id ORDER BY l.label').all() as Array<{ ip: string; label: string }>) {
    const list = out.get(r.ip) ?? [];
    list.push(r.label);
    out.set(r.ip, list);
  }
  return out;
}

export interface AllocationRow {
  alloc_id: string;
  worker_ip: string;
  job: string;
  disabled: number;
  removed: number;
  deployment_seq: number;
  new_version: string | null;
}

/** Every allocation row; `position` is that of the worker (null for workers no longer in the catalog). */
export function allocations(db: Db): Array<AllocationRow & { position: number | null }> {
  return db
    .prepare(
      `SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.deployment_seq, a.new_version, w.position AS position
       FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
       ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`,
    )
    .all() as unknown as Array<AllocationRow & { position: number | null }>;
}

export function catalogJobs(db: Db): string[] {
  return (db.prepare('SELECT name FROM job ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
}

export function bucketRow(db: Db): { bucket_id: string; update_seq: number } {
  const row = db.prepare('SELECT bucket_id, update_seq FROM bucket LIMIT 1').get() as { bucket_id: string; update_seq: number } | undefined;
  return row ?? { bucket_id: '', update_seq: 0 };
}

export function jobPorts(db: Db, job: string): Array<{ name: string; port: number }> {
  return db.prepare('SELECT p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ? ORDER BY p.name').all(job) as Array<{ name: string; port: number }>;
}
