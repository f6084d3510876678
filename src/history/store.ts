// The deploy history in the catalog (issue 13): one row per run that changes workers (deploy, drift
// correct, job run, rollback), one per job it touched, and one per allocation it promoted (which release
// the allocation runs from then on: what rollback goes back to). Tables are created on first use, so a
// catalog written by the reference tool or an older maand keeps working; readers treat a missing table
// as an empty history.
import type { Db } from '../catalog/db.ts';
import { HISTORY_INDEXES, HISTORY_TABLES, tablesExist } from '../catalog/schema.ts';

export type RunOutcome = 'running' | 'ok' | 'failed' | 'cancelled' | 'interrupted';

/** Creates the history tables when missing (the caller holds a transaction or none). */
export function ensureHistoryTables(db: Db): void {
  for (const ddl of [...Object.values(HISTORY_TABLES), ...HISTORY_INDEXES]) db.exec(ddl);
}

export function hasHistory(db: Db): boolean {
  return tablesExist(db, ['deploy_history']);
}

export interface RunOrigin {
  /** `user@host` for the CLI, `<actor> <run url>` in the Action. */
  trigger?: string;
  /** The bucket's git commit; looked up in the bucket directory when absent. */
  commit?: string;
}

/** Marks runs a killed maand left `running` as interrupted, then records a new run; its deploy id. */
export function beginRun(db: Db, command: string, origin: { trigger: string; commit: string }, now: Date): number {
  ensureHistoryTables(db);
  db.prepare("UPDATE deploy_history SET outcome = 'interrupted' WHERE outcome = 'running'").run();
  const r = db.prepare("INSERT INTO deploy_history (started_at, command, trigger, git_commit, outcome) VALUES (?, ?, ?, ?, 'running')").run(now.toISOString(), command, origin.trigger, origin.commit);
  return Number(r.lastInsertRowid);
}

export function finishRun(db: Db, deployId: number, outcome: Exclude<RunOutcome, 'running'>, durationMs: number): void {
  db.prepare('UPDATE deploy_history SET outcome = ?, duration_ms = ? WHERE deploy_id = ?').run(outcome, durationMs, deployId);
}

export interface JobHistory {
  job: string;
  version: string;
  planHash: string;
  allocationsChanged: number;
  outcome: 'ok' | 'failed' | 'cancelled';
}

export function recordJob(db: Db, deployId: number, j: JobHistory): void {
  db.prepare(
    `INSERT INTO deploy_history_jobs (deploy_id, job, version, plan_hash, allocations_changed, outcome) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job) DO UPDATE SET version = excluded.version, plan_hash = excluded.plan_hash,
     allocations_changed = excluded.allocations_changed, outcome = excluded.outcome`,
  ).run(deployId, j.job, j.version, j.planHash, j.allocationsChanged, j.outcome);
}

export interface AllocRelease {
  deployId: number;
  job: string;
  allocId: string;
  workerIp: string;
  /** The deploy whose bytes the allocation runs (a rollback restores an earlier deploy's release). */
  releaseId: number;
  hash: string;
  files: string | null;
  version: string;
}

/** The allocation runs `releaseId` from now on (written in the same checkpoint as its promotion). */
export function recordRelease(db: Db, r: AllocRelease): void {
  db.prepare(
    `INSERT INTO deploy_history_allocations (deploy_id, job, alloc_id, worker_ip, release_id, hash, files, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job, alloc_id) DO UPDATE SET release_id = excluded.release_id, hash = excluded.hash, files = excluded.files, version = excluded.version`,
  ).run(r.deployId, r.job, r.allocId, r.workerIp, r.releaseId, r.hash, r.files, r.version);
}

type Row = Record<string, string | number | null>;

function toRelease(r: Row): AllocRelease {
  return {
    deployId: Number(r['deploy_id']), job: String(r['job']), allocId: String(r['alloc_id']), workerIp: String(r['worker_ip']), releaseId: Number(r['release_id']),
    hash: String(r['hash']), files: r['files'] === null ? null : String(r['files']), version: String(r['version']),
  };
}

/** What the allocation ran after run `atOrBefore` (the latest promotion up to it); undefined when none. */
export function releaseAt(db: Db, job: string, allocId: string, atOrBefore: number): AllocRelease | undefined {
  if (!hasHistory(db)) return undefined;
  const r = db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? AND deploy_id <= ? ORDER BY deploy_id DESC LIMIT 1').get(job, allocId, atOrBefore) as Row | undefined;
  return r ? toRelease(r) : undefined;
}

/** Releases an allocation ran, newest first (what pruning must keep). */
export function releasesOf(db: Db, job: string, allocId: string): AllocRelease[] {
  if (!hasHistory(db)) return [];
  return (db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? ORDER BY deploy_id DESC').all(job, allocId) as Row[]).map(toRelease);
}

/** The newest run of one of `commands` that changed `job` (promoted new bytes on an allocation of it). */
export function lastChange(db: Db, job: string, commands: string[]): number | undefined {
  if (!hasHistory(db)) return undefined;
  const r = db
    .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.job = ? AND a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
    .get(job, ...commands) as { id: number | null };
  return r.id ?? undefined;
}

/** Jobs the newest run of one of `commands` that promoted new bytes changed, with that run's id. */
export function lastChangedJobs(db: Db, commands: string[]): { deployId: number; jobs: string[] } | undefined {
  if (!hasHistory(db)) return undefined;
  const r = db
    .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
    .get(...commands) as { id: number | null };
  if (r.id === null) return undefined;
  const jobs = (db.prepare('SELECT DISTINCT job FROM deploy_history_allocations WHERE deploy_id = ? AND release_id = deploy_id ORDER BY job').all(r.id) as Array<{ job: string }>).map((x) => x.job);
  return { deployId: r.id, jobs };
}

export interface RunRow {
  deployId: number;
  startedAt: string;
  durationMs: number | null;
  command: string;
  trigger: string;
  gitCommit: string;
  outcome: RunOutcome;
  jobs: Array<Omit<JobHistory, 'outcome'> & { outcome: string }>;
}

export function runExists(db: Db, deployId: number): boolean {
  return hasHistory(db) && db.prepare('SELECT 1 FROM deploy_history WHERE deploy_id = ?').get(deployId) !== undefined;
}

/** Runs newest first; with `jobs`, only runs that touched one of them (their other jobs left out). */
export function listRuns(db: Db, opts: { jobs?: string[]; limit?: number } = {}): RunRow[] {
  if (!hasHistory(db)) return [];
  const jobs = opts.jobs ?? [];
  const filter = jobs.length > 0 ? `WHERE deploy_id IN (SELECT deploy_id FROM deploy_history_jobs WHERE job IN (${jobs.map(() => '?').join(', ')}))` : '';
  const limit = opts.limit !== undefined && opts.limit > 0 ? ` LIMIT ${Math.floor(opts.limit)}` : '';
  const runs = db.prepare(`SELECT * FROM deploy_history ${filter} ORDER BY deploy_id DESC${limit}`).all(...jobs) as Row[];
  const jobStmt = db.prepare('SELECT * FROM deploy_history_jobs WHERE deploy_id = ? ORDER BY job');
  return runs.map((r) => ({
    deployId: Number(r['deploy_id']), startedAt: String(r['started_at']), durationMs: r['duration_ms'] === null ? null : Number(r['duration_ms']),
    command: String(r['command']), trigger: String(r['trigger']), gitCommit: String(r['git_commit']), outcome: String(r['outcome']) as RunOutcome,
    jobs: (jobStmt.all(Number(r['deploy_id'])) as Row[])
      .filter((j) => jobs.length === 0 || jobs.includes(String(j['job'])))
      .map((j) => ({ job: String(j['job']), version: String(j['version']), planHash: String(j['plan_hash']), allocationsChanged: Number(j['allocations_changed']), outcome: String(j['outcome']) })),
  }));
}

/**
 * Keeps the newest `retain` runs. A promotion an allocation still runs from is kept with its run's
 * rows gone (rollback must know what runs); returns the number of runs deleted.
 */
export function purgeHistory(db: Db, retain: number): number {
  if (!hasHistory(db)) return 0;
  const cut = db.prepare('SELECT deploy_id FROM deploy_history ORDER BY deploy_id DESC LIMIT 1 OFFSET ?').get(Math.max(0, retain)) as { deploy_id: number } | undefined;
  if (!cut) return 0;
  const n = Number(db.prepare('DELETE FROM deploy_history WHERE deploy_id <= ?').run(cut.deploy_id).changes);
  db.prepare('DELETE FROM deploy_history_jobs WHERE deploy_id <= ?').run(cut.deploy_id);
  db.prepare(
    `DELETE FROM deploy_history_allocations WHERE deploy_id <= ? AND deploy_id < (SELECT MAX(b.deploy_id) FROM deploy_history_allocations b
     WHERE b.job = deploy_history_allocations.job AND b.alloc_id = deploy_history_allocations.alloc_id)`,
  ).run(cut.deploy_id);
  return n;
}
