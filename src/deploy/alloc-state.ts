// Deploy's view of the catalog: allocations with their hash rows, jobs, waves, and the writes that
// record what is on the workers (hash rows, promotions, job status markers).
import type { Db } from '../catalog/db.ts';
import { normalizedVersion } from '../bucket/version.ts';
import { dropFiles, promoteFiles } from './deployed-content.ts';

export interface AllocState {
  allocId: string;
  workerIp: string;
  job: string;
  disabled: boolean;
  removed: boolean;
  /** null when the worker is no longer in the catalog. */
  position: number | null;
  newVersion: string;
  hasHashRow: boolean;
  currentHash: string | null;
  previousHash: string | null;
  currentFiles: string | null;
  previousFiles: string | null;
  currentVersion: string;
}

const ALLOC_SQL = `SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.new_version, w.position,
  h.key AS hkey, h.current_hash, h.previous_hash, h.current_files, h.previous_files, h.current_version
  FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
  LEFT JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id`;

type Row = Record<string, string | number | null>;

function toState(r: Row): AllocState {
  return {
    allocId: String(r['alloc_id']),
    workerIp: String(r['worker_ip']),
    job: String(r['job']),
    disabled: r['disabled'] === 1,
    removed: r['removed'] === 1,
    position: r['position'] === null ? null : Number(r['position']),
    newVersion: normalizedVersion((r['new_version'] as string | null) ?? ''),
    hasHashRow: r['hkey'] !== null,
    currentHash: r['current_hash'] as string | null,
    previousHash: r['previous_hash'] as string | null,
    currentFiles: r['current_files'] as string | null,
    previousFiles: r['previous_files'] as string | null,
    currentVersion: normalizedVersion((r['current_version'] as string | null) ?? ''),
  };
}

/** Allocations ordered by job, worker position (off-catalog workers last), then IP. */
export function allAllocations(db: Db): AllocState[] {
  return (db.prepare(`${ALLOC_SQL} ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`).all() as Row[]).map(toState);
}

export function jobAllocations(db: Db, job: string): AllocState[] {
  return (db.prepare(`${ALLOC_SQL} WHERE a.job = ? ORDER BY w.position IS NULL, w.position, a.worker_ip`).all(job) as Row[]).map(toState);
}

export function isActive(a: AllocState): boolean {
  return !a.removed && !a.disabled;
}

/** Promoted before and still believed running there. */
export function wasDeployed(a: AllocState): boolean {
  return a.hasHashRow && (a.previousHash ?? '') !== '';
}

export interface JobInfo {
  name: string;
  restartPolicy: string;
  restartGlobs: string[];
  maxConcurrentUpgrades: number;
  maxConcurrentStarts: number;
  healthCheck: string;
}

export function jobInfo(db: Db, job: string): JobInfo | undefined {
  const r = db.prepare('SELECT name, restart_policy, restart_globs, max_concurrent_upgrades, max_concurrent_starts, health_check FROM job WHERE name = ?').get(job) as Row | undefined;
  if (!r) return undefined;
  let globs: string[] = [];
  try {
    globs = JSON.parse(String(r['restart_globs'] ?? '[]')) as string[];
  } catch {
    globs = [];
  }
  return {
    name: job,
    restartPolicy: String(r['restart_policy'] ?? 'always') || 'always',
    restartGlobs: globs,
    maxConcurrentUpgrades: Math.max(1, Number(r['max_concurrent_upgrades'] ?? 1)),
    maxConcurrentStarts: Math.max(0, Number(r['max_concurrent_starts'] ?? 0)),
    healthCheck: String(r['health_check'] ?? ''),
  };
}

/** Waves: deployment_seq → jobs with a non-removed allocation and a job row, alphabetical (Q22). */
export function waves(db: Db): Map<number, string[]> {
  const rows = db
    .prepare('SELECT DISTINCT a.deployment_seq AS seq, a.job AS job FROM allocations a JOIN job j ON j.name = a.job WHERE a.removed = 0 ORDER BY a.deployment_seq, a.job')
    .all() as Array<{ seq: number; job: string }>;
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.seq, [...(out.get(r.seq) ?? []), r.job]);
  return out;
}

export function storeHash(db: Db, job: string, allocId: string, hash: string, filesJson: string): void {
  db.prepare(
    `INSERT INTO hash (namespace, key, current_hash, current_files, current_version) VALUES (?, ?, ?, ?, '0.0.0')
     ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash, current_files = excluded.current_files`,
  ).run(`${job}_allocation`, allocId, hash, filesJson);
}

/** Records that the worker now runs the staged tree and the target version. */
export function promote(db: Db, job: string, allocId: string): void {
  db.prepare(
    `UPDATE hash SET previous_hash = current_hash, previous_files = current_files,
     current_version = COALESCE((SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?), '0.0.0')
     WHERE namespace = ? AND key = ?`,
  ).run(allocId, job, `${job}_allocation`, allocId);
  promoteFiles(db, job, allocId);
}

/** A disabled allocation was stopped: it no longer runs anything (decision Q9: stop once). */
export function markStopped(db: Db, job: string, allocId: string): void {
  db.prepare('UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
}

export function deleteHash(db: Db, job: string, allocId: string): void {
  db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
  dropFiles(db, job, allocId);
}

/** Unfinished job work carried to the next deploy (Q30, S3): health/rollout or post_deploy pending. */
export type JobMarker = 'rollout' | 'post_deploy';
const MARKER_NS = 'maand_deploy';

export function jobMarker(db: Db, job: string): JobMarker | undefined {
  const r = db.prepare('SELECT current_hash FROM hash WHERE namespace = ? AND key = ?').get(MARKER_NS, job) as { current_hash: string } | undefined;
  return r?.current_hash === 'rollout' || r?.current_hash === 'post_deploy' ? r.current_hash : undefined;
}

export function setJobMarker(db: Db, job: string, marker: JobMarker | undefined): void {
  if (marker === undefined) db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(MARKER_NS, job);
  else db.prepare('INSERT INTO hash (namespace, key, current_hash) VALUES (?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash').run(MARKER_NS, job, marker);
}

export function bumpUpdateSeq(db: Db): number {
  db.prepare('UPDATE bucket SET update_seq = COALESCE(update_seq, 0) + 1').run();
  return Number((db.prepare('SELECT update_seq FROM bucket LIMIT 1').get() as { update_seq: number }).update_seq);
}
