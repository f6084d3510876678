// The catalog schema (schema version 1), compatible with the reference tool's maand.db.
// Declared column types are exact: they decide SQLite type affinity (e.g. numbers in TEXT columns).
import type { DatabaseSync } from 'node:sqlite';
import { ensureContentTables } from '../deploy/deployed-content.ts';

export const SCHEMA_VERSION = 1;

const TABLES: Record<string, string> = {
  bucket: 'CREATE TABLE IF NOT EXISTS bucket (bucket_id TEXT, update_seq INT)',
  worker:
    'CREATE TABLE IF NOT EXISTS worker (worker_id TEXT, worker_ip TEXT, available_memory_mb TEXT, available_cpu_mhz TEXT, position INT, PRIMARY KEY (worker_ip))',
  worker_labels: 'CREATE TABLE IF NOT EXISTS worker_labels (worker_id TEXT, label TEXT)',
  worker_tags: 'CREATE TABLE IF NOT EXISTS worker_tags (worker_id TEXT, key TEXT, value TEXT)',
  allocations:
    'CREATE TABLE IF NOT EXISTS allocations (alloc_id TEXT, worker_ip TEXT, job TEXT, disabled INT, removed INT, deployment_seq INT, new_version TEXT, PRIMARY KEY (worker_ip, job))',
  job:
    "CREATE TABLE IF NOT EXISTS job (job_id TEXT, name TEXT, version TEXT, min_memory_mb TEXT, max_memory_mb TEXT, current_memory_mb TEXT, current_memory_source TEXT NOT NULL DEFAULT 'manifest', min_cpu_mhz TEXT, max_cpu_mhz TEXT, current_cpu_mhz TEXT, current_cpu_source TEXT NOT NULL DEFAULT 'manifest', max_concurrent_upgrades INT NOT NULL DEFAULT 1, max_concurrent_starts INT NOT NULL DEFAULT 0, restart_policy TEXT NOT NULL DEFAULT 'always', restart_globs TEXT NOT NULL DEFAULT '[]', health_check TEXT, PRIMARY KEY (name))",
  job_selectors: 'CREATE TABLE IF NOT EXISTS job_selectors (job_id TEXT, selector TEXT)',
  job_ports: 'CREATE TABLE IF NOT EXISTS job_ports (job_id TEXT, name TEXT, port INT)',
  job_certs: 'CREATE TABLE IF NOT EXISTS job_certs (job_id TEXT, name TEXT, pkcs8 INT, one INT, subject TEXT)',
  job_files: 'CREATE TABLE IF NOT EXISTS job_files (job_id TEXT, path TEXT, content BLOB, isdir BOOL)',
  job_commands:
    'CREATE TABLE IF NOT EXISTS job_commands (job_id TEXT, job TEXT, name TEXT, executed_on TEXT, demand_job TEXT, demand_command TEXT, demand_config TEXT)',
  key_value:
    'CREATE TABLE IF NOT EXISTS key_value (key TEXT, value TEXT, namespace TEXT, version INT, ttl TEXT, created_date TEXT, deleted INT)',
  hash: 'CREATE TABLE IF NOT EXISTS hash (namespace TEXT, key TEXT, current_hash TEXT, previous_hash TEXT, current_files TEXT, previous_files TEXT, current_version TEXT, PRIMARY KEY (namespace, key))',
};

/**
 * The deploy history and rollback pins (issue 13): not part of the reference's catalog, so not required
 * by the version gate; `maand init` creates them and a recorded run creates them when missing.
 */
export const HISTORY_TABLES: Record<string, string> = {
  deploy_history:
    'CREATE TABLE IF NOT EXISTS deploy_history (deploy_id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, duration_ms INT, command TEXT NOT NULL, trigger TEXT NOT NULL DEFAULT \'\', git_commit TEXT NOT NULL DEFAULT \'\', outcome TEXT NOT NULL)',
  deploy_history_jobs:
    'CREATE TABLE IF NOT EXISTS deploy_history_jobs (deploy_id INT NOT NULL, job TEXT NOT NULL, version TEXT NOT NULL DEFAULT \'\', plan_hash TEXT NOT NULL DEFAULT \'\', allocations_changed INT NOT NULL DEFAULT 0, outcome TEXT NOT NULL, PRIMARY KEY (deploy_id, job))',
  deploy_history_allocations:
    'CREATE TABLE IF NOT EXISTS deploy_history_allocations (deploy_id INT NOT NULL, job TEXT NOT NULL, alloc_id TEXT NOT NULL, worker_ip TEXT NOT NULL, release_id INT NOT NULL, hash TEXT NOT NULL, files TEXT, version TEXT NOT NULL, PRIMARY KEY (deploy_id, job, alloc_id))',
  rollback_pin:
    'CREATE TABLE IF NOT EXISTS rollback_pin (job TEXT NOT NULL, alloc_id TEXT NOT NULL, rollback_id INT NOT NULL, pinned_hash TEXT NOT NULL, PRIMARY KEY (job, alloc_id))',
};

/** Rollback and release pruning look up one allocation's releases: without this, a scan of every deploy's rows. */
export const HISTORY_INDEXES = ['CREATE INDEX IF NOT EXISTS deploy_history_allocations_by_alloc ON deploy_history_allocations (job, alloc_id, deploy_id)'];

const SCHEMA_VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)';

/** Columns added by migrations, in the reference's order (§7.5 step 3). */
const ADDED_COLUMNS: Array<[table: string, column: string, decl: string]> = [
  ['allocations', 'new_version', 'TEXT'],
  ['hash', 'current_version', 'TEXT'],
  ['job', 'health_check', 'TEXT'],
  ['job', 'update_parallel_count', 'INT NOT NULL DEFAULT 1'],
  ['job', 'deploy_parallel_count', 'INT NOT NULL DEFAULT 0'],
];
/**
 * Added to job_files after the reference: a file's permission bits and a symlink's target text
 * (issue 15). NULL in rows the reference wrote; deploy then falls back to the reference's modes.
 */
const JOB_FILE_COLUMNS: Array<[table: string, column: string, decl: string]> = [
  ['job_files', 'mode', 'INT'],
  ['job_files', 'link', 'TEXT'],
];

/** Adds the job_files columns to a catalog created before them (build writes them). */
export function ensureJobFileColumns(db: DatabaseSync): void {
  for (const [t, c, d] of JOB_FILE_COLUMNS) addColumnIfMissing(db, t, c, d);
}

const LATE_COLUMNS: Array<[table: string, column: string, decl: string]> = [
  ['job', 'max_concurrent_upgrades', 'INT NOT NULL DEFAULT 1'],
  ['job', 'max_concurrent_starts', 'INT NOT NULL DEFAULT 0'],
  ['job', 'restart_policy', "TEXT NOT NULL DEFAULT 'always'"],
  ['job', 'restart_globs', "TEXT NOT NULL DEFAULT '[]'"],
  ['hash', 'current_files', 'TEXT'],
  ['hash', 'previous_files', 'TEXT'],
  ['job', 'current_memory_source', "TEXT NOT NULL DEFAULT 'manifest'"],
  ['job', 'current_cpu_source', "TEXT NOT NULL DEFAULT 'manifest'"],
  ...JOB_FILE_COLUMNS,
];

export const VIEWS: Record<string, { columns: string[]; sql: string }> = {
  cat_allocations: {
    columns: ['alloc_id', 'worker_ip', 'job', 'disabled', 'removed', 'new_version', 'zone'],
    sql: `CREATE VIEW cat_allocations AS SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.new_version,
      (SELECT t.value FROM worker w JOIN worker_tags t ON t.worker_id = w.worker_id WHERE w.worker_ip = a.worker_ip AND t.key = 'zone' LIMIT 1) AS zone
      FROM allocations a ORDER BY a.job, a.worker_ip`,
  },
  cat_jobs: {
    columns: ['job_id', 'name', 'version', 'disabled', 'deployment_seq', 'selectors', 'current_memory_mb', 'current_memory_source', 'current_cpu_mhz', 'current_cpu_source'],
    sql: `CREATE VIEW cat_jobs AS SELECT j.job_id, j.name, j.version,
      CASE WHEN EXISTS (SELECT 1 FROM allocations a WHERE a.job = j.name AND a.disabled = 0) THEN 0 ELSE 1 END AS disabled,
      COALESCE((SELECT MAX(a.deployment_seq) FROM allocations a WHERE a.job = j.name), 0) AS deployment_seq,
      COALESCE((SELECT GROUP_CONCAT(s.selector, ',') FROM job_selectors s WHERE s.job_id = j.job_id), '') AS selectors,
      j.current_memory_mb, j.current_memory_source, j.current_cpu_mhz, j.current_cpu_source
      FROM job j ORDER BY deployment_seq, j.name`,
  },
  cat_job_commands: {
    columns: ['job', 'command_name', 'executed_on', 'demand_job', 'demand_command', 'demand_config'],
    sql: `CREATE VIEW cat_job_commands AS SELECT job, name AS command_name, executed_on, demand_job, demand_command, demand_config
      FROM job_commands ORDER BY job, name, executed_on`,
  },
  cat_kv: {
    columns: ['namespace', 'key', 'value', 'version', 'ttl', 'created_date', 'deleted'],
    sql: `CREATE VIEW cat_kv AS SELECT kv.namespace, kv.key,
      CASE WHEN kv.value LIKE 'enc:v1:%' THEN '[encrypted]' WHEN length(kv.value) > 50 THEN substr(kv.value, 1, 50) || '...' ELSE kv.value END AS value,
      kv.version, kv.ttl, kv.created_date, kv.deleted
      FROM key_value kv
      WHERE kv.version = (SELECT MAX(k2.version) FROM key_value k2 WHERE k2.namespace = kv.namespace AND k2.key = kv.key)
      GROUP BY kv.namespace, kv.key ORDER BY kv.namespace, kv.key`,
  },
  cat_workers: {
    columns: ['worker_id', 'worker_ip', 'available_memory_mb', 'available_cpu_mhz', 'position', 'labels', 'zone'],
    sql: `CREATE VIEW cat_workers AS SELECT w.worker_id, w.worker_ip, w.available_memory_mb, w.available_cpu_mhz, w.position,
      COALESCE((SELECT GROUP_CONCAT(label, ',') FROM (SELECT l.label FROM worker_labels l WHERE l.worker_id = w.worker_id ORDER BY l.label)), '') AS labels,
      (SELECT t.value FROM worker_tags t WHERE t.worker_id = w.worker_id AND t.key = 'zone' LIMIT 1) AS zone
      FROM worker w ORDER BY w.position, w.worker_ip`,
  },
  cat_deployments: {
    columns: ['alloc_id', 'worker_ip', 'job', 'disabled', 'removed', 'current_hash', 'previous_hash', 'current_version', 'new_version'],
    sql: `CREATE VIEW cat_deployments AS SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed,
      COALESCE(h.current_hash, '') AS current_hash, COALESCE(h.previous_hash, '') AS previous_hash,
      COALESCE(h.current_version, '') AS current_version, COALESCE(a.new_version, '') AS new_version
      FROM allocations a LEFT JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id
      ORDER BY a.job, a.worker_ip`,
  },
};

/** Columns the version gate requires (§7.5). */
export const REQUIRED_COLUMNS: Record<string, string[]> = {
  job: ['max_concurrent_starts', 'max_concurrent_upgrades', 'health_check', 'restart_policy', 'restart_globs', 'current_memory_source', 'current_cpu_source'],
  hash: ['current_version', 'current_files', 'previous_files'],
  allocations: ['new_version'],
};

const knownTables = new WeakMap<DatabaseSync, Set<string>>();

/**
 * Whether every table of `names` exists. A table found is remembered for the catalog (none is dropped
 * while it is open); a missing one is looked up again, since `maand init` or a run may create it.
 */
export function tablesExist(db: DatabaseSync, names: readonly string[]): boolean {
  let known = knownTables.get(db);
  if (known === undefined) knownTables.set(db, (known = new Set()));
  const missing = names.filter((n) => !known.has(n));
  if (missing.length === 0) return true;
  const found = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${missing.map(() => '?').join(', ')})`).all(...missing) as Array<{ name: string }>;
  for (const r of found) known.add(r.name);
  return found.length === missing.length;
}

export function tableColumns(db: DatabaseSync, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as Array<{ name: string }>).map((r) => r.name);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function addColumnIfMissing(db: DatabaseSync, table: string, column: string, decl: string): void {
  if (!tableColumns(db, table).includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${decl}`);
}

/** Idempotent migration to schema version 1; the caller holds the transaction. */
export function migrate(db: DatabaseSync): void {
  for (const ddl of Object.values(TABLES)) db.exec(ddl);
  for (const ddl of [...Object.values(HISTORY_TABLES), ...HISTORY_INDEXES]) db.exec(ddl);
  db.exec(SCHEMA_VERSION_TABLE);
  for (const [t, c, d] of ADDED_COLUMNS) addColumnIfMissing(db, t, c, d);
  const jobCols = tableColumns(db, 'job');
  if (jobCols.includes('update_parallel_count') && !jobCols.includes('max_concurrent_upgrades'))
    db.exec('ALTER TABLE job RENAME COLUMN update_parallel_count TO max_concurrent_upgrades');
  if (jobCols.includes('deploy_parallel_count') && !jobCols.includes('max_concurrent_starts'))
    db.exec('ALTER TABLE job RENAME COLUMN deploy_parallel_count TO max_concurrent_starts');
  for (const [t, c, d] of LATE_COLUMNS) addColumnIfMissing(db, t, c, d);
  for (const name of Object.keys(VIEWS)) db.exec(`DROP VIEW IF EXISTS ${name}`);
  db.exec('DROP VIEW IF EXISTS cat_hashes');
  for (const view of Object.values(VIEWS)) db.exec(view.sql);
  ensureContentTables(db);
  const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get() as { version: number } | undefined;
  if (row?.version !== SCHEMA_VERSION)
    db.prepare('INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version').run(SCHEMA_VERSION);
}
