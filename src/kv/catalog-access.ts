// Catalog reads behind the access rules: a job's demanded upstream jobs and the namespaces its
// allocations may read (spec kv §1.12, pinned by §10.2).
import type { DatabaseSync } from 'node:sqlite';
import { namespacesForAllocation } from './access.ts';
import { trimSpace } from './text.ts';

/** Distinct non-empty trimmed `demand_job` of every command row of `job`, sorted. */
export function upstreamJobs(db: DatabaseSync, job: string): string[] {
  const rows = db.prepare('SELECT DISTINCT demand_job FROM job_commands WHERE job = ?').all(job) as Array<{ demand_job: unknown }>;
  const out = new Set<string>();
  for (const r of rows) {
    const name = trimSpace(typeof r.demand_job === 'string' ? r.demand_job : '');
    if (name !== '') out.add(name);
  }
  return [...out].sort();
}

/** Workers of the job's non-removed allocations (active and disabled), sorted. */
export function allocationWorkers(db: DatabaseSync, job: string): string[] {
  const rows = db.prepare('SELECT worker_ip FROM allocations WHERE job = ? AND removed = 0').all(job) as Array<{ worker_ip: string }>;
  return rows.map((r) => r.worker_ip).sort();
}

/** Read set of allocation (job, workerIp); without a database handle, no upstream namespaces. */
export function allocationReadSet(db: DatabaseSync | undefined, job: string, workerIp: string): string[] {
  return namespacesForAllocation({ job, workerIp, upstreamJobs: db === undefined ? [] : upstreamJobs(db, job) });
}

/** Union of the read sets of every non-removed allocation (active or disabled) of `job`, sorted. */
export function jobNamespaces(db: DatabaseSync, job: string): string[] {
  const upstream = upstreamJobs(db, job);
  const all = new Set<string>();
  for (const workerIp of allocationWorkers(db, job))
    for (const ns of namespacesForAllocation({ job, workerIp, upstreamJobs: upstream })) all.add(ns);
  return [...all].sort();
}
