export const id = 983;
export const ids = [983];
export const modules = {

/***/ 2818:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ isBucketId),
/* harmony export */   VM: () => (/* binding */ isWorkerHost),
/* harmony export */   vG: () => (/* binding */ isJobName)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
// Syntax of the names maand turns into worker paths and script words (issue 15): job names, worker
// hosts and the bucket id. The reference accepted anything; these are what real buckets use, and
// nothing here can climb out of a directory or mean something to a shell.

/** Letters, digits, `_`, `-`, `.`; not starting with `.` or `-` (hidden files, options, `..`). */
const JOB_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** A DNS label (underscores allowed, as internal names use them), not starting or ending with `-`. */
const DNS_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isJobName(name) {
    return JOB_NAME.test(name) && name.length <= 255;
}
/** An IPv4 or IPv6 address or a DNS name. */
function isWorkerHost(host) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) !== 0)
        return !host.includes('/');
    return host.length <= 253 && host.split('.').every((label) => DNS_LABEL.test(label));
}
function isBucketId(id) {
    return UUID.test(id);
}


/***/ }),

/***/ 7462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ bucketPaths)
/* harmony export */ });
/* unused harmony export jobDir */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
// Where everything lives inside a bucket (§2.2). The bucket root is the working directory.

function bucketPaths(root) {
    const workspace = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'workspace');
    const secretsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'secrets');
    return {
        root,
        maandConf: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'maand.conf'),
        dataDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'data'),
        db: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'data', 'maand.db'),
        workspace,
        jobsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'jobs'),
        workersJson: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'workers.json'),
        bucketConf: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'bucket.conf'),
        disabledJson: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'disabled.json'),
        secretsDir,
        caCrt: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'ca.crt'),
        caKey: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'ca.key'),
        kvKey: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'kv.key'),
        knownHosts: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'known_hosts'),
        logsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'logs'),
        tmpDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'tmp'),
    };
}
function jobDir(paths, job) {
    return join(paths.jobsDir, job);
}


/***/ }),

/***/ 8917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ inTransactionAsync),
/* harmony export */   Bz: () => (/* binding */ assertWritable),
/* harmony export */   bI: () => (/* binding */ openDb),
/* harmony export */   gk: () => (/* binding */ asDatabaseError),
/* harmony export */   k: () => (/* binding */ catalogError),
/* harmony export */   sA: () => (/* binding */ inTransaction)
/* harmony export */ });
/* harmony import */ var node_sqlite__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(452);
// Opening the catalog and running work in one transaction.



/**
 * Opens (creating when `create`) the catalog with the reference's settings: WAL, 5 s busy timeout.
 * synchronous=NORMAL: in WAL mode a commit survives a crash of maand itself (what the deploy's
 * checkpoints guard against) without an fsync per commit; only a power loss can drop the last ones.
 */
function openDb(file, opts = {}) {
    if (!opts.create && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob('maand is not initialized', 'run maand init in the bucket directory');
    let db;
    try {
        db = new node_sqlite__WEBPACK_IMPORTED_MODULE_0__.DatabaseSync(file, { timeout: 5000 });
        db.exec('PRAGMA journal_mode = WAL');
        db.exec('PRAGMA synchronous = NORMAL');
        return db;
    }
    catch (e) {
        if (db?.isOpen)
            db.close();
        const known = catalogError(e, file);
        throw known instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob ? known : new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob('database error', `${file}: ${e.message}`);
    }
}
/**
 * Fails now, before a run changes anything, when the catalog cannot be written: read-only (file,
 * folder or file system), or another process holds its write lock past the busy timeout.
 */
function assertWritable(db, file) {
    try {
        db.exec('BEGIN IMMEDIATE');
        // a read-only file still grants the write lock: rewriting a header field proves a write goes through
        const { user_version: v } = db.prepare('PRAGMA user_version').get();
        db.exec(`PRAGMA user_version = ${Number(v)}`);
        db.exec('ROLLBACK');
    }
    catch (e) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw catalogError(e, file);
    }
}
/** SQLite result codes (primary) that say what is wrong with the catalog file itself. */
const CATALOG_PROBLEMS = {
    5: 'is locked by another process; wait for it to finish (or stop it), then run again',
    6: 'is locked by another process; wait for it to finish (or stop it), then run again',
    8: 'is read-only; make the file and its folder writable for this user, then run again',
    10: 'could not be read or written (I/O error); check the disk, then run again',
    11: 'is damaged; restore it from a backup or the saved state',
    13: 'cannot grow: the disk is full; free space, then run again',
    14: 'cannot be opened; check that the file and its folder exist and are accessible',
    26: 'is not a SQLite database (damaged or overwritten); restore it from a backup or the saved state',
};
/**
 * A SQLite failure of the catalog file itself (locked, read-only, damaged, disk full) as `database
 * error: catalog <file> <what is wrong and what to do> (<driver text>)`; any other error (a bug, such
 * as a constraint violation) passes through.
 */
function catalogError(e, file) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob || !(e instanceof Error))
        return e;
    const err = e;
    if (err.code !== 'ERR_SQLITE_ERROR')
        return e;
    const problem = typeof err.errcode === 'number' ? CATALOG_PROBLEMS[err.errcode & 0xff] : undefined;
    return problem === undefined ? e : new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob('database error', `catalog ${file} ${problem} (${err.message})`);
}
/** Runs `fn` inside BEGIN IMMEDIATE … COMMIT; any throw rolls back and rethrows. */
function inTransaction(db, fn) {
    db.exec('BEGIN IMMEDIATE');
    try {
        const out = fn();
        db.exec('COMMIT');
        return out;
    }
    catch (e) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw e;
    }
}
/**
 * Async variant: the transaction stays open across awaits (the bucket lock keeps other writers out).
 * `commit` decides from the result whether to commit or roll back without an error.
 */
async function inTransactionAsync(db, fn, commit = () => true) {
    db.exec('BEGIN IMMEDIATE');
    try {
        const out = await fn();
        db.exec(commit(out) ? 'COMMIT' : 'ROLLBACK');
        return out;
    }
    catch (e) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw e;
    }
}
/** A SQLite failure becomes `database error: <driver text>` (§14); any other error passes through. */
function asDatabaseError(e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob || !(e instanceof Error))
        return e;
    if (e.code !== 'ERR_SQLITE_ERROR')
        return e;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob('database error', e.message);
}


/***/ }),

/***/ 4912:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KS: () => (/* binding */ REQUIRED_COLUMNS),
/* harmony export */   Lx: () => (/* binding */ HISTORY_TABLES),
/* harmony export */   Vw: () => (/* binding */ VIEWS),
/* harmony export */   _r: () => (/* binding */ migrate),
/* harmony export */   be: () => (/* binding */ ensureJobFileColumns),
/* harmony export */   eE: () => (/* binding */ HISTORY_INDEXES),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION),
/* harmony export */   f8: () => (/* binding */ tablesExist),
/* harmony export */   qv: () => (/* binding */ tableColumns)
/* harmony export */ });
/* harmony import */ var _deploy_deployed_content_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7409);

const SCHEMA_VERSION = 1;
const TABLES = {
    bucket: 'CREATE TABLE IF NOT EXISTS bucket (bucket_id TEXT, update_seq INT)',
    worker: 'CREATE TABLE IF NOT EXISTS worker (worker_id TEXT, worker_ip TEXT, available_memory_mb TEXT, available_cpu_mhz TEXT, position INT, PRIMARY KEY (worker_ip))',
    worker_labels: 'CREATE TABLE IF NOT EXISTS worker_labels (worker_id TEXT, label TEXT)',
    worker_tags: 'CREATE TABLE IF NOT EXISTS worker_tags (worker_id TEXT, key TEXT, value TEXT)',
    allocations: 'CREATE TABLE IF NOT EXISTS allocations (alloc_id TEXT, worker_ip TEXT, job TEXT, disabled INT, removed INT, deployment_seq INT, new_version TEXT, PRIMARY KEY (worker_ip, job))',
    job: "CREATE TABLE IF NOT EXISTS job (job_id TEXT, name TEXT, version TEXT, min_memory_mb TEXT, max_memory_mb TEXT, current_memory_mb TEXT, current_memory_source TEXT NOT NULL DEFAULT 'manifest', min_cpu_mhz TEXT, max_cpu_mhz TEXT, current_cpu_mhz TEXT, current_cpu_source TEXT NOT NULL DEFAULT 'manifest', max_concurrent_upgrades INT NOT NULL DEFAULT 1, max_concurrent_starts INT NOT NULL DEFAULT 0, restart_policy TEXT NOT NULL DEFAULT 'always', restart_globs TEXT NOT NULL DEFAULT '[]', health_check TEXT, PRIMARY KEY (name))",
    job_selectors: 'CREATE TABLE IF NOT EXISTS job_selectors (job_id TEXT, selector TEXT)',
    job_ports: 'CREATE TABLE IF NOT EXISTS job_ports (job_id TEXT, name TEXT, port INT)',
    job_certs: 'CREATE TABLE IF NOT EXISTS job_certs (job_id TEXT, name TEXT, pkcs8 INT, one INT, subject TEXT)',
    job_files: 'CREATE TABLE IF NOT EXISTS job_files (job_id TEXT, path TEXT, content BLOB, isdir BOOL)',
    job_commands: 'CREATE TABLE IF NOT EXISTS job_commands (job_id TEXT, job TEXT, name TEXT, executed_on TEXT, demand_job TEXT, demand_command TEXT, demand_config TEXT)',
    key_value: 'CREATE TABLE IF NOT EXISTS key_value (key TEXT, value TEXT, namespace TEXT, version INT, ttl TEXT, created_date TEXT, deleted INT)',
    hash: 'CREATE TABLE IF NOT EXISTS hash (namespace TEXT, key TEXT, current_hash TEXT, previous_hash TEXT, current_files TEXT, previous_files TEXT, current_version TEXT, PRIMARY KEY (namespace, key))',
};
/**
 * The deploy history and rollback pins (issue 13): not part of the reference's catalog, so not required
 * by the version gate; `maand init` creates them and a recorded run creates them when missing.
 */
const HISTORY_TABLES = {
    deploy_history: 'CREATE TABLE IF NOT EXISTS deploy_history (deploy_id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, duration_ms INT, command TEXT NOT NULL, trigger TEXT NOT NULL DEFAULT \'\', git_commit TEXT NOT NULL DEFAULT \'\', outcome TEXT NOT NULL)',
    deploy_history_jobs: 'CREATE TABLE IF NOT EXISTS deploy_history_jobs (deploy_id INT NOT NULL, job TEXT NOT NULL, version TEXT NOT NULL DEFAULT \'\', plan_hash TEXT NOT NULL DEFAULT \'\', allocations_changed INT NOT NULL DEFAULT 0, outcome TEXT NOT NULL, PRIMARY KEY (deploy_id, job))',
    deploy_history_allocations: 'CREATE TABLE IF NOT EXISTS deploy_history_allocations (deploy_id INT NOT NULL, job TEXT NOT NULL, alloc_id TEXT NOT NULL, worker_ip TEXT NOT NULL, release_id INT NOT NULL, hash TEXT NOT NULL, files TEXT, version TEXT NOT NULL, PRIMARY KEY (deploy_id, job, alloc_id))',
    rollback_pin: 'CREATE TABLE IF NOT EXISTS rollback_pin (job TEXT NOT NULL, alloc_id TEXT NOT NULL, rollback_id INT NOT NULL, pinned_hash TEXT NOT NULL, PRIMARY KEY (job, alloc_id))',
};
/** Rollback and release pruning look up one allocation's releases: without this, a scan of every deploy's rows. */
const HISTORY_INDEXES = ['CREATE INDEX IF NOT EXISTS deploy_history_allocations_by_alloc ON deploy_history_allocations (job, alloc_id, deploy_id)'];
const SCHEMA_VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)';
/** Columns added by migrations, in the reference's order (§7.5 step 3). */
const ADDED_COLUMNS = [
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
const JOB_FILE_COLUMNS = [
    ['job_files', 'mode', 'INT'],
    ['job_files', 'link', 'TEXT'],
];
/** Adds the job_files columns to a catalog created before them (build writes them). */
function ensureJobFileColumns(db) {
    for (const [t, c, d] of JOB_FILE_COLUMNS)
        addColumnIfMissing(db, t, c, d);
}
const LATE_COLUMNS = [
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
const VIEWS = {
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
const REQUIRED_COLUMNS = {
    job: ['max_concurrent_starts', 'max_concurrent_upgrades', 'health_check', 'restart_policy', 'restart_globs', 'current_memory_source', 'current_cpu_source'],
    hash: ['current_version', 'current_files', 'previous_files'],
    allocations: ['new_version'],
};
const knownTables = new WeakMap();
/**
 * Whether every table of `names` exists. A table found is remembered for the catalog (none is dropped
 * while it is open); a missing one is looked up again, since `maand init` or a run may create it.
 */
function tablesExist(db, names) {
    let known = knownTables.get(db);
    if (known === undefined)
        knownTables.set(db, (known = new Set()));
    const missing = names.filter((n) => !known.has(n));
    if (missing.length === 0)
        return true;
    const found = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${missing.map(() => '?').join(', ')})`).all(...missing);
    for (const r of found)
        known.add(r.name);
    return found.length === missing.length;
}
function tableColumns(db, table) {
    return db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all().map((r) => r.name);
}
function quoteIdent(name) {
    return `"${name.replaceAll('"', '""')}"`;
}
function addColumnIfMissing(db, table, column, decl) {
    if (!tableColumns(db, table).includes(column))
        db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${decl}`);
}
/** Idempotent migration to schema version 1; the caller holds the transaction. */
function migrate(db) {
    for (const ddl of Object.values(TABLES))
        db.exec(ddl);
    for (const ddl of [...Object.values(HISTORY_TABLES), ...HISTORY_INDEXES])
        db.exec(ddl);
    db.exec(SCHEMA_VERSION_TABLE);
    for (const [t, c, d] of ADDED_COLUMNS)
        addColumnIfMissing(db, t, c, d);
    const jobCols = tableColumns(db, 'job');
    if (jobCols.includes('update_parallel_count') && !jobCols.includes('max_concurrent_upgrades'))
        db.exec('ALTER TABLE job RENAME COLUMN update_parallel_count TO max_concurrent_upgrades');
    if (jobCols.includes('deploy_parallel_count') && !jobCols.includes('max_concurrent_starts'))
        db.exec('ALTER TABLE job RENAME COLUMN deploy_parallel_count TO max_concurrent_starts');
    for (const [t, c, d] of LATE_COLUMNS)
        addColumnIfMissing(db, t, c, d);
    for (const name of Object.keys(VIEWS))
        db.exec(`DROP VIEW IF EXISTS ${name}`);
    db.exec('DROP VIEW IF EXISTS cat_hashes');
    for (const view of Object.values(VIEWS))
        db.exec(view.sql);
    (0,_deploy_deployed_content_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureContentTables */ .Pr)(db);
    const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get();
    if (row?.version !== SCHEMA_VERSION)
        db.prepare('INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version').run(SCHEMA_VERSION);
}


/***/ }),

/***/ 7409:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ MAX_TEXT_BYTES),
/* harmony export */   B5: () => (/* binding */ recordFiles),
/* harmony export */   KH: () => (/* binding */ isText),
/* harmony export */   KZ: () => (/* binding */ promoteFiles),
/* harmony export */   Pr: () => (/* binding */ ensureContentTables),
/* harmony export */   U9: () => (/* binding */ hasDeployedFiles),
/* harmony export */   nE: () => (/* binding */ dropFiles),
/* harmony export */   wY: () => (/* binding */ deployedFiles)
/* harmony export */ });
/* unused harmony export CONTENT_TABLES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _catalog_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4912);
// What was last deployed to each allocation, file by file, so a plan can diff the rendered result
// against it (issue 12). Text files up to 64 KiB keep their (redacted) text, deduplicated by digest;
// larger or binary files keep size and digest only. The rows of a deploy are written as `staged`
// when its hashes are stored, and become `deployed` when the batch is promoted. Catalogs created
// before these tables (or by the reference) have none: readers then get `undefined`, never an error.


const MAX_TEXT_BYTES = 64 * 1024;
const CONTENT_TABLES = [
    'CREATE TABLE IF NOT EXISTS deployed_text (text_id TEXT PRIMARY KEY, text TEXT NOT NULL)',
    `CREATE TABLE IF NOT EXISTS deployed_file (namespace TEXT NOT NULL, key TEXT NOT NULL, slot TEXT NOT NULL, path TEXT NOT NULL,
    digest TEXT NOT NULL, size INT NOT NULL, text_id TEXT, PRIMARY KEY (namespace, key, slot, path))`,
    'CREATE INDEX IF NOT EXISTS deployed_file_text ON deployed_file (text_id)',
];
/** Called by the schema upgrade (`maand init`). */
function ensureContentTables(db) {
    for (const ddl of CONTENT_TABLES)
        db.exec(ddl);
}
function hasTables(db) {
    return (0,_catalog_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .tablesExist */ .f8)(db, ['deployed_text', 'deployed_file']);
}
const ns = (job) => `${job}_allocation`;
/** The file as it will be kept: text (UTF-8 without NUL, up to 64 KiB) or size and digest only. */
function isText(data) {
    if (data.length > MAX_TEXT_BYTES || data.includes(0))
        return false;
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(data);
        return true;
    }
    catch {
        return false;
    }
}
/** Replaces the allocation's `staged` (or `deployed`) rows; no-op on a catalog without the tables. */
function recordFiles(db, job, allocId, slot, files) {
    if (!hasTables(db))
        return;
    const before = textIds(db, job, allocId, slot);
    db.prepare('DELETE FROM deployed_file WHERE namespace = ? AND key = ? AND slot = ?').run(ns(job), allocId, slot);
    const putText = db.prepare('INSERT OR IGNORE INTO deployed_text (text_id, text) VALUES (?, ?)');
    const putFile = db.prepare('INSERT INTO deployed_file (namespace, key, slot, path, digest, size, text_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const f of files) {
        let id = null;
        if (f.text !== undefined) {
            id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(f.text).digest('hex');
            putText.run(id, f.text);
        }
        putFile.run(ns(job), allocId, slot, f.path, f.digest, f.size, id);
    }
    dropUnused(db, before);
}
/** The batch now runs what was staged for it: its staged rows become the deployed ones. */
function promoteFiles(db, job, allocId) {
    if (!hasTables(db))
        return;
    const staged = db.prepare("SELECT COUNT(*) AS n FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'staged'").get(ns(job), allocId);
    if (Number(staged.n) === 0)
        return; // nothing recorded for this tree: keep what is known
    const before = textIds(db, job, allocId, 'deployed');
    db.prepare("DELETE FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'deployed'").run(ns(job), allocId);
    db.prepare("UPDATE deployed_file SET slot = 'deployed' WHERE namespace = ? AND key = ? AND slot = 'staged'").run(ns(job), allocId);
    dropUnused(db, before);
}
/** The allocation is gone: forget its files. */
function dropFiles(db, job, allocId) {
    if (!hasTables(db))
        return;
    const before = [...textIds(db, job, allocId, 'staged'), ...textIds(db, job, allocId, 'deployed')];
    db.prepare('DELETE FROM deployed_file WHERE namespace = ? AND key = ?').run(ns(job), allocId);
    dropUnused(db, before);
}
/** The texts the allocation's rows of `slot` refer to. */
function textIds(db, job, allocId, slot) {
    const rows = db.prepare('SELECT DISTINCT text_id FROM deployed_file WHERE namespace = ? AND key = ? AND slot = ? AND text_id IS NOT NULL').all(ns(job), allocId, slot);
    return rows.map((r) => r.text_id);
}
/**
 * Drops the texts among `ids` no row refers to any more. Only the texts the caller's rows referred to
 * can have lost their last reference: checking those (by index) instead of every text keeps a deploy
 * of many allocations linear.
 */
function dropUnused(db, ids) {
    const drop = db.prepare('DELETE FROM deployed_text WHERE text_id = ? AND NOT EXISTS (SELECT 1 FROM deployed_file WHERE text_id = ?)');
    for (const id of new Set(ids))
        drop.run(id, id);
}
/** What was last deployed to the allocation, by path; undefined when nothing was recorded (or no tables). */
function deployedFiles(db, job, allocId) {
    if (!hasTables(db))
        return undefined;
    const rows = db.prepare(`SELECT f.path, f.digest, f.size, t.text FROM deployed_file f LEFT JOIN deployed_text t ON t.text_id = f.text_id
     WHERE f.namespace = ? AND f.key = ? AND f.slot = 'deployed' ORDER BY f.path`).all(ns(job), allocId);
    if (rows.length === 0)
        return undefined;
    return new Map(rows.map((r) => [r.path, { path: r.path, digest: r.digest, size: Number(r.size), ...(r.text === null ? {} : { text: r.text }) }]));
}
/** Whether the allocation has `deployed` rows (cheap: used to decide whether to record an unchanged tree). */
function hasDeployedFiles(db, job, allocId) {
    if (!hasTables(db))
        return false;
    return db.prepare("SELECT 1 FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'deployed' LIMIT 1").get(ns(job), allocId) !== undefined;
}


/***/ }),

/***/ 1895:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cb: () => (/* binding */ hasRawBytes),
/* harmony export */   Cn: () => (/* binding */ canonicalGoString),
/* harmony export */   Pe: () => (/* binding */ rawByte),
/* harmony export */   cP: () => (/* binding */ decodeGoString),
/* harmony export */   f9: () => (/* binding */ goByteLength),
/* harmony export */   gN: () => (/* binding */ encodeGoString),
/* harmony export */   mA: () => (/* binding */ compareGoStrings)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
// Go strings are byte strings; the engine keeps them as JS strings. Valid UTF-8 is the
// ordinary JS string; a byte that is not part of a valid UTF-8 sequence (e.g. `slice "é" 0 1`)
// is the lone low surrogate U+DC80+byte-0x80 ("surrogate escape", as Python's PEP 383).
// Only the byte-level operations (len, index, slice, ordering, %x, %q, urlquery, the written
// output) need to know; everything else sees a JS string whose code points are Go's runes.
//
// A lone surrogate outside U+DC80–U+DCFF (only data can hold one) encodes as U+FFFD, which is
// what Go's decoders (JSON, YAML) make of it.

const RAW_BASE = 0xdc00;
/** A raw (invalid UTF-8) byte anywhere in the string; the `u` flag skips surrogate pairs. */
const RAW_BYTE = /[\udc80-\udcff]/u;
const SURROGATE = /[\ud800-\udfff]/;
/** The byte a code point stands for when it is a surrogate escape, else undefined. */
function rawByte(cp) {
    return cp >= 0xdc80 && cp <= 0xdcff ? cp - RAW_BASE : undefined;
}
/** Go's []byte(s): the string's bytes, raw bytes included. */
function encodeGoString(s) {
    if (!SURROGATE.test(s))
        return Buffer.from(s, 'utf8');
    const out = [];
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        const raw = rawByte(cp);
        if (raw !== undefined)
            out.push(raw);
        else
            for (const b of Buffer.from(ch, 'utf8'))
                out.push(b); // a lone surrogate encodes as U+FFFD
    }
    return Buffer.from(out);
}
/** Go's string(b): valid UTF-8 sequences become characters, every other byte a surrogate escape. */
function decodeGoString(bytes) {
    if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes))
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    let out = '';
    for (let i = 0; i < bytes.length;) {
        const n = validSequence(bytes, i);
        out += n === 0
            ? String.fromCharCode(RAW_BASE + bytes[i])
            : Buffer.from(bytes.buffer, bytes.byteOffset + i, n).toString('utf8');
        i += n === 0 ? 1 : n;
    }
    return out;
}
/** Length of the valid UTF-8 sequence at b[i] by Go's utf8.DecodeRune rules, 0 if invalid. */
function validSequence(b, i) {
    const b0 = b[i];
    if (b0 < 0x80)
        return 1;
    const cont = (k, lo = 0x80, hi = 0xbf) => b[i + k] !== undefined && b[i + k] >= lo && b[i + k] <= hi;
    if (b0 >= 0xc2 && b0 <= 0xdf)
        return cont(1) ? 2 : 0;
    if (b0 >= 0xe0 && b0 <= 0xef) {
        // No overlongs (E0 80..9F) and no surrogates (ED A0..BF).
        const ok = b0 === 0xe0 ? cont(1, 0xa0) : b0 === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
        return ok && cont(2) ? 3 : 0;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
        // No overlongs (F0 80..8F) and nothing above U+10FFFF (F4 90..).
        const ok = b0 === 0xf0 ? cont(1, 0x90) : b0 === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
        return ok && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}
/** Go's len(s). */
function goByteLength(s) {
    return SURROGATE.test(s) ? encodeGoString(s).length : Buffer.byteLength(s, 'utf8');
}
/**
 * The canonical form of a string built by concatenation: raw bytes that now form a valid
 * UTF-8 sequence (`print (slice "é" 0 1) (slice "é" 1)`) become the character again.
 */
function canonicalGoString(s) {
    return RAW_BYTE.test(s) ? decodeGoString(encodeGoString(s)) : s;
}
/** Whether the string holds a raw (invalid UTF-8) byte. */
function hasRawBytes(s) {
    return RAW_BYTE.test(s);
}
/** Bytewise order (Go's string <, sort.Strings), which for valid UTF-8 is code point order. */
function compareGoStrings(a, b) {
    if (a === b)
        return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y) {
            // Below the surrogates, code unit order is byte order; from there on compare the bytes.
            if (x < 0xd800 && y < 0xd800)
                return x < y ? -1 : 1;
            return Buffer.compare(encodeGoString(a), encodeGoString(b));
        }
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}


/***/ }),

/***/ 9035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oi: () => (/* binding */ isPrint),
/* harmony export */   Pd: () => (/* binding */ trimSpace),
/* harmony export */   UU: () => (/* binding */ quoteASCII),
/* harmony export */   Zx: () => (/* binding */ quoteRune),
/* harmony export */   _n: () => (/* binding */ unquote),
/* harmony export */   aM: () => (/* binding */ runeCount),
/* harmony export */   e0: () => (/* binding */ atoi),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   yR: () => (/* binding */ canBackquote),
/* harmony export */   yj: () => (/* binding */ unquoteChar)
/* harmony export */ });
/* unused harmony export UnquoteError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _gostring_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1895);
// The parts of Go's strconv and unicode packages the engine needs: quoting (%q, error
// messages), unquoting string/char literals, Atoi with Go's error texts, and TrimSpace.


const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
function isPrint(cp) {
    return cp >= 0x20 && cp < 0x7f ? true : cp < 0x7f ? false : PRINTABLE.test(String.fromCodePoint(cp));
}
const HEX = '0123456789abcdef';
function hexDigits(n, width) {
    let s = '';
    for (let shift = (width - 1) * 4; shift >= 0; shift -= 4)
        s += HEX[(n >>> shift) & 0xf];
    return s;
}
function escapeRune(cp, quote, asciiOnly) {
    const ch = String.fromCodePoint(cp);
    if (ch === quote || ch === '\\')
        return '\\' + ch;
    if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp))
        return ch;
    switch (cp) {
        case 7: return '\\a';
        case 8: return '\\b';
        case 12: return '\\f';
        case 10: return '\\n';
        case 13: return '\\r';
        case 9: return '\\t';
        case 11: return '\\v';
    }
    if (cp < 0x20 || cp === 0x7f)
        return '\\x' + hexDigits(cp, 2);
    const raw = (0,_gostring_js__WEBPACK_IMPORTED_MODULE_1__/* .rawByte */ .Pe)(cp);
    if (raw !== undefined)
        return '\\x' + hexDigits(raw, 2); // Go quotes an invalid byte as \xNN
    if (cp >= 0xd800 && cp <= 0xdfff)
        cp = 0xfffd; // a lone surrogate is not a valid rune
    return cp < 0x10000 ? '\\u' + hexDigits(cp, 4) : '\\U' + hexDigits(cp, 8);
}
function quoteWith(s, quote, asciiOnly) {
    let out = quote;
    for (const ch of s)
        out += escapeRune(ch.codePointAt(0), quote, asciiOnly);
    return out + quote;
}
/** strconv.Quote */
function quote(s) {
    return quoteWith(s, '"', false);
}
/** strconv.QuoteToASCII */
function quoteASCII(s) {
    return quoteWith(s, '"', true);
}
/** strconv.QuoteRune (or QuoteRuneToASCII). */
function quoteRune(cp, asciiOnly = false) {
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0)
        cp = 0xfffd;
    return "'" + escapeRune(cp, "'", asciiOnly) + "'";
}
/** strconv.CanBackquote: fits in a raw string literal. */
function canBackquote(s) {
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        if (ch === '`' || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        if ((cp < 0x20 && cp !== 9) || cp === 0x7f)
            return false;
    }
    return true;
}
/** Thrown by unquote; its message is Go's ErrSyntax text. */
class UnquoteError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
    name = 'UnquoteError';
    constructor() {
        super('template', 'invalid syntax', undefined, { bare: true });
    }
}
const SIMPLE_ESCAPES = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
/**
 * Decodes one (possibly escaped) character at s[i] inside a `quote`-quoted literal.
 * Returns the code point (or raw byte for \x and octal escapes) and the next index.
 */
function unquoteChar(s, i, quote) {
    const c = s[i];
    if (c === undefined)
        throw new UnquoteError();
    if (c === quote && (quote === "'" || quote === '"'))
        throw new UnquoteError();
    if (c !== '\\') {
        const cp = s.codePointAt(i);
        return { value: cp, byte: false, next: i + (cp > 0xffff ? 2 : 1) };
    }
    const e = s[i + 1];
    if (e === undefined)
        throw new UnquoteError();
    if (e in SIMPLE_ESCAPES)
        return { value: SIMPLE_ESCAPES[e], byte: false, next: i + 2 };
    if (e === 'x' || e === 'u' || e === 'U') {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const digits = s.slice(i + 2, i + 2 + n);
        if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits))
            throw new UnquoteError();
        const v = parseInt(digits, 16);
        if (e === 'x')
            return { value: v, byte: true, next: i + 2 + n };
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
            throw new UnquoteError();
        return { value: v, byte: false, next: i + 2 + n };
    }
    if (e >= '0' && e <= '7') {
        const digits = s.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(digits))
            throw new UnquoteError();
        const v = parseInt(digits, 8);
        if (v > 255)
            throw new UnquoteError();
        return { value: v, byte: true, next: i + 4 };
    }
    if ((e === "'" || e === '"') && e === quote)
        return { value: e.charCodeAt(0), byte: false, next: i + 2 };
    throw new UnquoteError();
}
/**
 * strconv.Unquote for "…", `…` and '…' literals. Byte escapes (`\xc3`) stay raw bytes; a raw
 * invalid byte written into a quoted literal becomes U+FFFD, as in Go (raw `…` keep it).
 */
function unquote(lit) {
    const q = lit[0];
    if (lit.length < 2 || q !== lit[lit.length - 1])
        throw new UnquoteError();
    const body = lit.slice(1, -1);
    if (q === '`') {
        if (body.includes('`'))
            throw new UnquoteError();
        return body.replaceAll('\r', '');
    }
    if (q !== '"' && q !== "'")
        throw new UnquoteError();
    if (body.includes('\n'))
        throw new UnquoteError();
    if (!body.includes('\\') && !body.includes(q) && !(0,_gostring_js__WEBPACK_IMPORTED_MODULE_1__/* .hasRawBytes */ .Cb)(body))
        return body;
    const bytes = [];
    const enc = new TextEncoder();
    let i = 0;
    while (i < body.length) {
        const r = unquoteChar(body, i, q);
        if (r.byte)
            bytes.push(r.value);
        else
            for (const b of enc.encode(String.fromCodePoint(r.value)))
                bytes.push(b);
        i = r.next;
    }
    return (0,_gostring_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeGoString */ .cP)(new Uint8Array(bytes));
}
const INT64_MAX = (1n << 63n) - 1n;
/** strconv.Atoi, with Go's error texts (`strconv.Atoi: parsing "x": invalid syntax`). */
function atoi(s) {
    const fail = (why) => new Error(`strconv.Atoi: parsing ${quote(s)}: ${why}`);
    let i = 0;
    let neg = false;
    if (s[0] === '+' || s[0] === '-') {
        neg = s[0] === '-';
        i = 1;
    }
    if (i >= s.length)
        throw fail('invalid syntax');
    let n = 0n;
    const limit = neg ? INT64_MAX + 1n : INT64_MAX;
    for (; i < s.length; i++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9)
            throw fail('invalid syntax');
        n = n * 10n + BigInt(d);
        if (n > limit)
            throw fail('value out of range');
    }
    const v = neg ? -n : n;
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
/** Go's unicode.IsSpace set, for strings.TrimSpace. */
const SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
/** strings.TrimSpace */
function trimSpace(s) {
    let a = 0;
    let b = s.length;
    while (a < b && SPACE.includes(s[a]))
        a++;
    while (b > a && SPACE.includes(s[b - 1]))
        b--;
    return s.slice(a, b);
}
/** Number of code points (Go's utf8.RuneCountInString). */
function runeCount(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length)
            n++;
        else {
            const d = s.charCodeAt(i + 1);
            n++;
            if (d >= 0xdc00 && d <= 0xdfff)
                i++;
        }
    }
    return n;
}


/***/ }),

/***/ 8462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ quoted)
/* harmony export */ });
/* unused harmony export printable */
/* harmony import */ var _template_strconv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9035);
// User text inside an error message: `"text"` as the reference prints it, escaped the Go way (%q)
// when it holds a line break or another invisible character, so one error stays one line and a
// right-to-left override cannot disguise what follows.

function quoted(s) {
    return /^\P{C}*$/u.test(s) ? `"${s}"` : (0,_template_strconv_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(s);
}
/** User text shown bare (a name, a list item): as is when printable, else Go-quoted (see quoted). */
function printable(s) {
    return /^\P{C}*$/u.test(s) ? s : quote(s);
}


/***/ })

};
