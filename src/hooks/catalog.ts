// Catalog reads behind job-command runs and the runtime API. Every list is sorted (decision Q13):
// command names alphabetically, workers by position then IP.
import type { Db } from '../catalog/db.ts';
import { byteCompare } from '../util/go-json.ts';

/** Distinct command names `job` registers for `event`, sorted. */
export function commandsFor(db: Db, job: string, event: string): string[] {
  const rows = db.prepare('SELECT DISTINCT name FROM job_commands WHERE job = ? AND executed_on = ?').all(job, event) as Array<{ name: string }>;
  return rows.map((r) => r.name).sort(byteCompare);
}

export function isRegistered(db: Db, job: string, command: string, event: string): boolean {
  return db.prepare('SELECT 1 FROM job_commands WHERE job = ? AND name = ? AND executed_on = ? LIMIT 1').get(job, command, event) !== undefined;
}

/** Jobs registering `command` for `event`, sorted (`maand jobcommand <command>` without a job). */
export function jobsRegistering(db: Db, command: string, event: string): string[] {
  const rows = db.prepare('SELECT DISTINCT job FROM job_commands WHERE name = ? AND executed_on = ?').all(command, event) as Array<{ job: string }>;
  return rows.map((r) => r.job).sort(byteCompare);
}

export interface HookAllocation {
  allocId: string;
  workerIp: string;
  disabled: boolean;
  removed: boolean;
  /** Worker position; null when the worker left the catalog. */
  position: number | null;
}

/** Every allocation row of `job`, by worker position (workers gone from the catalog last), then IP. */
export function jobAllocations(db: Db, job: string): HookAllocation[] {
  const rows = db
    .prepare(
      `SELECT a.alloc_id AS alloc_id, a.worker_ip AS worker_ip, a.disabled AS disabled, a.removed AS removed, w.position AS position
       FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
       WHERE a.job = ? ORDER BY w.position IS NULL, w.position, a.worker_ip`,
    )
    .all(job) as Array<{ alloc_id: string; worker_ip: string; disabled: number; removed: number; position: number | null }>;
  return rows.map((r) => ({ allocId: r.alloc_id, workerIp: r.worker_ip, disabled: r.disabled === 1, removed: r.removed === 1, position: r.position }));
}

/** Workers of the job's active allocations (not removed, not disabled), position order: the default hook targets. */
export function activeWorkers(db: Db, job: string): string[] {
  return jobAllocations(db, job).filter((a) => !a.removed && !a.disabled).map((a) => a.workerIp);
}

export interface AllocationIdentity {
  job: string;
  workerIp: string;
}

/** The runtime API's caller lookup: any job, any state, removed included. */
export function allocationById(db: Db, allocId: string): AllocationIdentity | undefined {
  const row = db.prepare('SELECT job, worker_ip FROM allocations WHERE alloc_id = ? LIMIT 1').get(allocId) as { job: string; worker_ip: string } | undefined;
  return row === undefined ? undefined : { job: row.job, workerIp: row.worker_ip };
}

export interface DemandRow {
  job: string;
  command: string;
  event: string;
  demandConfig: string;
}

/** Downstream commands demanding `job`'s `command`: one row per registered event, sorted. */
export function demandsOn(db: Db, job: string, command: string): DemandRow[] {
  const rows = db
    .prepare('SELECT job, name, executed_on, demand_config FROM job_commands WHERE demand_job = ? AND demand_command = ?')
    .all(job, command) as Array<{ job: string; name: string; executed_on: string; demand_config: string | null }>;
  return rows
    .map((r) => ({ job: r.job, command: r.name, event: r.executed_on, demandConfig: r.demand_config ?? '' }))
    .sort((a, b) => byteCompare(a.job, b.job) || byteCompare(a.command, b.command) || byteCompare(a.event, b.event));
}

export interface CatalogFile {
  /** `<job>` or `<job>/sub/file`. */
  path: string;
  content: Uint8Array;
  isdir: boolean;
}

/** The job's stored files, parents before children. */
export function jobFiles(db: Db, job: string): CatalogFile[] {
  const rows = db
    .prepare('SELECT f.path AS path, f.content AS content, f.isdir AS isdir FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ?')
    .all(job) as Array<{ path: string; content: Uint8Array | null; isdir: number }>;
  return rows
    .map((r) => ({ path: r.path, content: r.content ?? new Uint8Array(0), isdir: r.isdir === 1 }))
    .sort((a, b) => byteCompare(a.path, b.path));
}

/** CURRENT_VERSION (promoted, `0.0.0` before the first promote) and NEW_VERSION (target). */
export function allocationVersions(db: Db, job: string, allocId: string): { current: string; next: string } {
  const h = db.prepare('SELECT current_version FROM hash WHERE namespace = ? AND key = ?').get(`${job}_allocation`, allocId) as { current_version: string | null } | undefined;
  const a = db.prepare('SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?').get(allocId, job) as { new_version: string | null } | undefined;
  return { current: h?.current_version || '0.0.0', next: a?.new_version || '0.0.0' };
}

/**
 * The optional per-command timeout, `commands.<name>.timeout_seconds` in the job's manifest.json
 * (read from the catalog copy; the manifest decoder ignores the field). Positive numbers only.
 */
export function commandTimeoutSeconds(db: Db, job: string, command: string): number | undefined {
  const row = db
    .prepare('SELECT f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.path = ?')
    .get(job, `${job}/manifest.json`) as { content: Uint8Array | null } | undefined;
  if (row?.content == null) return undefined;
  try {
    const doc = JSON.parse(Buffer.from(row.content).toString('utf8')) as { commands?: Record<string, { timeout_seconds?: unknown }> };
    const t = doc.commands?.[command]?.timeout_seconds;
    return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : undefined;
  } catch {
    return undefined; // build already rejected invalid manifests
  }
}
