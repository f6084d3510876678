export const id = 593;
export const ids = [593];
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
/* harmony export */   bI: () => (/* binding */ openDb),
/* harmony export */   gk: () => (/* binding */ asDatabaseError),
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
    try {
        const db = new node_sqlite__WEBPACK_IMPORTED_MODULE_0__.DatabaseSync(file, { timeout: 5000 });
        db.exec('PRAGMA journal_mode = WAL');
        db.exec('PRAGMA synchronous = NORMAL');
        return db;
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .MaandError */ .Ob('database error', `${file}: ${e.message}`);
    }
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

/***/ 156:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ checkSchema)
/* harmony export */ });
/* unused harmony export storedVersion */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _bucket_identifiers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2818);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4912);
// The schema-version gate every command but `init` passes first (§7.5).



function upgrade(detail) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('database schema upgrade required', `run maand init in the bucket directory (${detail})`);
}
function checkSchema(db) {
    const version = storedVersion(db);
    if (version > 4 && version !== _schema_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('database schema is newer than this maand binary', `database schema version ${version} is newer than this binary supports (${_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$}); upgrade the maand binary`);
    if (version !== _schema_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$)
        throw upgrade(`database schema upgrade required: database schema version ${version}, binary expects ${_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$}; run maand init to upgrade`);
    for (const [table, cols] of Object.entries(_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUIRED_COLUMNS */ .KS)) {
        const have = (0,_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .tableColumns */ .qv)(db, table);
        for (const c of cols)
            if (!have.includes(c))
                throw upgrade(`table ${table} is missing column ${c}; run maand init to upgrade`);
    }
    for (const [view, { columns }] of Object.entries(_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .VIEWS */ .Vw)) {
        const have = (0,_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .tableColumns */ .qv)(db, view);
        if (have.length === 0)
            throw upgrade(`catalog view ${view} is missing; run maand init to upgrade`);
        for (const c of columns)
            if (!have.includes(c))
                throw upgrade(`catalog view ${view} is missing column ${c}; run maand init to upgrade`);
    }
    checkBucketId(db);
}
/** The bucket id names /opt/worker/<id> on every worker: a catalog carrying anything but a UUID is refused. */
function checkBucketId(db) {
    const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get();
    if (row === undefined || row.bucket_id === null || row.bucket_id === '')
        return;
    if (typeof row.bucket_id !== 'string' || !(0,_bucket_identifiers_js__WEBPACK_IMPORTED_MODULE_1__/* .isBucketId */ .G1)(row.bucket_id))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('database error', `bucket_id ${JSON.stringify(String(row.bucket_id))} in data/maand.db is not a UUID; the catalog was altered: restore it from a backup or the saved state`);
}
/** The stored schema version; a database written before versioning (no table or row) is version 0. */
function storedVersion(db) {
    if ((0,_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .tableColumns */ .qv)(db, 'schema_version').length === 0)
        return 0;
    const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get();
    return row?.version ?? 0;
}


/***/ }),

/***/ 4912:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KS: () => (/* binding */ REQUIRED_COLUMNS),
/* harmony export */   Vw: () => (/* binding */ VIEWS),
/* harmony export */   _r: () => (/* binding */ migrate),
/* harmony export */   be: () => (/* binding */ ensureJobFileColumns),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION),
/* harmony export */   qv: () => (/* binding */ tableColumns)
/* harmony export */ });
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
    const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get();
    if (row?.version !== SCHEMA_VERSION)
        db.prepare('INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version').run(SCHEMA_VERSION);
}


/***/ }),

/***/ 1683:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $x: () => (/* reexport */ CERTS_KEY_PREFIX),
  f$: () => (/* reexport */ store_KvStore),
  H1: () => (/* reexport */ PROMETHEUS_NS),
  sw: () => (/* reexport */ WORKERS_NS),
  Ro: () => (/* reexport */ allocSync),
  QE: () => (/* reexport */ allocationNamespace),
  ro: () => (/* reexport */ bucketJobVarsNamespace),
  Tt: () => (/* reexport */ canRead),
  _4: () => (/* reexport */ canWrite),
  E1: () => (/* reexport */ certSync),
  Os: () => (/* reexport */ dropPlaintextCertKeyHistory),
  Vv: () => (/* reexport */ fullSync),
  qb: () => (/* reexport */ isKvError),
  QZ: () => (/* reexport */ isSecretNamespace),
  xd: () => (/* reexport */ jobNamespace),
  O8: () => (/* reexport */ jobNamespaces),
  WM: () => (/* reexport */ jobSecretsNamespace),
  po: () => (/* reexport */ jobVarsNamespace),
  nW: () => (/* reexport */ loadKvKey),
  Pz: () => (/* reexport */ mergeInto),
  eq: () => (/* reexport */ namespaceNotAvailable),
  GD: () => (/* reexport */ access_namespacesForAllocation),
  OU: () => (/* reexport */ purge),
  G0: () => (/* reexport */ purgeStaleVersions),
  rM: () => (/* reexport */ readPlain),
  n4: () => (/* reexport */ scrapeTemplateNamespaces),
  oZ: () => (/* reexport */ upstreamJobs),
  St: () => (/* reexport */ workerNamespace),
  Rm: () => (/* reexport */ workerTagsNamespace)
});

// UNUSED EXPORTS: BUCKET_NS, BUCKET_VARS_NS, ENCRYPTED_PREFIX, KvError, KvSession, MAX_VERSIONS_TO_KEEP, ROLLOUT_ORDER_KEY, VERSION_KEY, allocationReadSet, allocationWorkers, decrypt, encrypt, ensureKvKey, isCertKey, isEncrypted, kvKeyPath, putCertKey, trimSpace

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/kv/errors.js
// KV errors carry the reference's exact texts (no `<code>: ` prefix) so callers can wrap them
// with their own context ("job api: key not found or deleted") and tests can match on `kind`.

class KvError extends errors/* MaandError */.Ob {
    name = 'KvError';
    kind;
    constructor(kind, message) {
        super('kv', message, undefined, { bare: true });
        this.kind = kind;
    }
}
const KEY_NOT_FOUND = 'key not found or deleted';
const NOT_INITIALIZED = 'kv store not initialized';
const KEY_INVALID = 'kv encryption key is missing or invalid';
const NOT_ENCRYPTED = 'value is not encrypted';
const DECRYPT_FAILED = 'failed to decrypt kv value';
function keyNotFound() {
    return new KvError('not-found', KEY_NOT_FOUND);
}
function namespaceNotFound(ns) {
    return new KvError('namespace-not-found', `namespace not found: ${ns}`);
}
function errors_notInitialized() {
    return new KvError('not-initialized', NOT_INITIALIZED);
}
function cryptoError(message) {
    return new KvError('crypto', message);
}
/** The template/runtime read-permission failure: `<ns> namespace is not available for job <job>`. */
function namespaceNotAvailable(ns, job) {
    return new KvError('permission', `${ns} namespace is not available for job ${job}`);
}
function isKvError(e, kind) {
    return e instanceof KvError && (kind === undefined || e.kind === kind);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/kv/secrets.js
// Secret values (spec kv §1.8): AES-256-GCM, 12-byte random nonce, 16-byte tag after the
// ciphertext, no AAD, stored as `enc:v1:` + base64(nonce ‖ ciphertext ‖ tag). Byte-compatible
// with the reference so existing maand.db secrets keep decrypting.




const ENCRYPTED_PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function kvKeyPath(bucketRoot) {
    return (0,external_node_path_.join)(bucketRoot, 'secrets', 'kv.key');
}
/** Reads `secrets/kv.key`: exactly 32 raw bytes, else `kv encryption key is missing or invalid`. */
function loadKvKey(bucketRoot) {
    let key;
    try {
        key = (0,external_node_fs_.readFileSync)(kvKeyPath(bucketRoot));
    }
    catch {
        throw cryptoError(KEY_INVALID);
    }
    return checkKey(key);
}
/** Creates `secrets/kv.key` (0600, dir 0700) when missing and returns the key; never rotates. */
function ensureKvKey(bucketRoot) {
    const dir = join(bucketRoot, 'secrets');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = kvKeyPath(bucketRoot);
    try {
        writeFileSync(file, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
        chmodSync(file, 0o600); // the create mode is filtered by umask
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
    }
    return loadKvKey(bucketRoot);
}
function checkKey(key) {
    if (key.length !== KEY_BYTES)
        throw cryptoError(KEY_INVALID);
    return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}
function isEncrypted(value) {
    return value.startsWith(ENCRYPTED_PREFIX);
}
function encrypt(key, plaintext) {
    const nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', checkKey(key), nonce, { authTagLength: TAG_BYTES });
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ENCRYPTED_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}
function decrypt(key, value) {
    if (!isEncrypted(value))
        throw cryptoError(NOT_ENCRYPTED);
    const aesKey = checkKey(key);
    // Go's decoder skips CR/LF; anything else outside the alphabet is an error (Buffer would ignore it).
    const text = value.slice(ENCRYPTED_PREFIX.length).replace(/[\r\n]/g, '');
    if (!BASE64.test(text))
        throw cryptoError(DECRYPT_FAILED);
    const raw = Buffer.from(text, 'base64');
    if (raw.length < NONCE_BYTES + TAG_BYTES)
        throw cryptoError(DECRYPT_FAILED);
    try {
        const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', aesKey, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
        return plain.toString('utf8');
    }
    catch {
        throw cryptoError(DECRYPT_FAILED);
    }
}

;// CONCATENATED MODULE: ./lib/kv/text.js
// Go's strings.TrimSpace: strips Unicode White_Space (unicode.IsSpace). Differs from
// String.prototype.trim, which also strips U+FEFF but keeps U+0085.
function isSpace(c) {
    if (c <= 0x20)
        return c === 0x20 || (c >= 0x09 && c <= 0x0d);
    if (c < 0x85)
        return false;
    return (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000);
}
function trimSpace(s) {
    let start = 0;
    let end = s.length;
    while (start < end && isSpace(s.charCodeAt(start)))
        start++;
    while (end > start && isSpace(s.charCodeAt(end - 1)))
        end--;
    return start === 0 && end === s.length ? s : s.slice(start, end);
}

;// CONCATENATED MODULE: ./lib/kv/undo.js
// Undo log behind KvStore snapshots: while a snapshot is open, every mutation first records the
// entry's prior state, so discarding a failed hook's writes costs O(writes), not O(store).
class UndoLog {
    #log = [];
    /** open snapshot id → log length when it was taken */
    #marks = new Map();
    #nextId = 1;
    open() {
        const id = this.#nextId++;
        this.#marks.set(id, this.#log.length);
        return { id };
    }
    record(entry, created) {
        if (this.#marks.size === 0)
            return;
        const { value, version, ttl, deleted, changed, lastModified } = entry;
        this.#log.push({ entry, prior: created ? undefined : { value, version, ttl, deleted, changed, lastModified } });
    }
    /**
     * Undoes the records taken since `snap`, newest first, calling `reverted` after each; ends
     * `snap` and every snapshot opened after it.
     */
    rollback(snap, reverted) {
        const mark = this.#marks.get(snap.id);
        if (mark === undefined)
            return false;
        for (let i = this.#log.length - 1; i >= mark; i--) {
            const { entry, prior } = this.#log[i];
            if (prior !== undefined)
                Object.assign(entry, prior);
            reverted(entry, prior === undefined);
        }
        this.#log.length = mark;
        for (const id of this.#marks.keys())
            if (id >= snap.id)
                this.#marks.delete(id);
        if (this.#marks.size === 0)
            this.#log = [];
        return true;
    }
    close(snap) {
        this.#marks.delete(snap.id);
        if (this.#marks.size === 0)
            this.#log = [];
    }
    clear() {
        this.#marks.clear();
        this.#log = [];
    }
}

;// CONCATENATED MODULE: ./lib/kv/table.js
/**
 * The max-version row of every (namespace, key), tombstones included; on a version tie the later
 * row wins. One full scan beats GROUP BY (no sort) while history stays short, as purge keeps it.
 */
function loadEntries(db) {
    const stmt = db.prepare('SELECT namespace, key, value, version, ttl, created_date, deleted FROM key_value');
    stmt.setReturnArrays(true);
    const data = new Map();
    for (const row of stmt.all()) {
        const ns = table_text(row[0]);
        const key = table_text(row[1]);
        const version = table_int(row[3]);
        let keys = data.get(ns);
        if (keys === undefined)
            data.set(ns, (keys = new Map()));
        const prev = keys.get(key);
        if (prev !== undefined && prev.version > version)
            continue;
        keys.set(key, {
            ns,
            key,
            value: table_text(row[2]),
            version,
            ttl: table_int(row[4]),
            deleted: table_int(row[6]) !== 0,
            changed: false,
            lastModified: table_int(row[5]),
        });
    }
    return data;
}
const INSERT = 'INSERT INTO key_value (key, value, namespace, version, ttl, created_date, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** Appends `rows` with one timestamp; ttl and created_date are bound as text like the reference stores them. */
function insertRows(db, rows, now) {
    const own = !db.isTransaction;
    if (own)
        db.exec('BEGIN IMMEDIATE');
    try {
        const stmt = db.prepare(INSERT);
        const created = String(now);
        for (const e of rows)
            stmt.run(e.key, e.value, e.ns, e.version, String(e.ttl), created, e.deleted ? 1 : 0);
        if (own)
            db.exec('COMMIT');
    }
    catch (err) {
        if (own && db.isTransaction)
            db.exec('ROLLBACK');
        throw err;
    }
}
function table_text(v) {
    return v === null || v === undefined ? '' : String(v);
}
function table_int(v) {
    if (typeof v === 'number')
        return Math.trunc(v);
    if (typeof v === 'bigint')
        return Number(v);
    const n = Number.parseInt(table_text(v), 10);
    return Number.isNaN(n) ? 0 : n;
}

;// CONCATENATED MODULE: ./lib/kv/store.js





class store_KvStore {
    #data = new Map();
    #dirty = new Set();
    #undo = new UndoLog();
    #keySource;
    #key;
    constructor(opts = {}) {
        this.#keySource = opts.key;
    }
    /** Loads the max-version row of every (namespace, key), tombstones included. */
    static load(db, opts = {}) {
        const store = new store_KvStore(opts);
        for (const [ns, keys] of loadEntries(db))
            store.#data.set(ns, keys);
        return store;
    }
    /** Plain put: trims the value; returns false when the live value is already identical. */
    put(ns, key, value) {
        return this.#write(ns, key, trimSpace(value));
    }
    /** Encrypts (no trimming); a fresh nonce makes every call a new version. */
    putSecret(ns, key, plaintext) {
        this.#write(ns, key, encrypt(this.#cryptoKey(), plaintext));
    }
    /** The stored value (ciphertext in secret namespaces); throws `key not found or deleted`. */
    get(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        if (e === undefined || e.deleted)
            throw keyNotFound();
        return e.value;
    }
    tryGet(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        return e === undefined || e.deleted ? undefined : e.value;
    }
    getSecret(ns, key) {
        return decrypt(this.#cryptoKey(), this.get(ns, key));
    }
    entry(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        if (e === undefined)
            return undefined;
        const { value, version, ttl, deleted, changed, lastModified } = e;
        return { value, version, ttl, deleted, changed, lastModified };
    }
    /** Live keys of `ns`, sorted; an unknown namespace has none. */
    keys(ns) {
        const out = [];
        for (const e of this.#data.get(ns)?.values() ?? [])
            if (!e.deleted)
                out.push(e.key);
        return out.sort();
    }
    /** Every namespace loaded or written in this session (also fully tombstoned ones), sorted. */
    namespaces() {
        return [...this.#data.keys()].sort();
    }
    /** Tombstones the key; deleting a dead key writes another tombstone (reference behaviour). */
    delete(ns, key) {
        const keys = this.#data.get(ns);
        if (keys === undefined)
            throw namespaceNotFound(ns);
        const e = keys.get(key);
        if (e === undefined)
            throw keyNotFound();
        this.#undo.record(e, false);
        e.deleted = true;
        this.#bump(e);
    }
    /** Tombstones every live key of `ns`; returns how many. Unknown namespace → 0. */
    purgeNamespace(ns) {
        const live = this.keys(ns);
        for (const key of live)
            this.delete(ns, key);
        return live.length;
    }
    hasPendingChanges() {
        return this.#dirty.size > 0;
    }
    /**
     * Appends one row per changed entry, all with the same `created_date`, inside the caller's
     * open transaction (or a transaction of its own). Ends every open snapshot. Returns the row count.
     */
    persist(db, nowUnixSeconds = Math.floor(Date.now() / 1000)) {
        const now = Math.floor(nowUnixSeconds);
        const rows = [...this.#dirty].sort((a, b) => compare(a.ns, b.ns) || compare(a.key, b.key));
        if (rows.length > 0)
            insertRows(db, rows, now);
        for (const e of rows) {
            e.changed = false;
            e.lastModified = now;
        }
        this.#dirty.clear();
        this.#undo.clear();
        return rows.length;
    }
    /**
     * Marks the current state; `restore` reverts every mutation made since (by any writer), e.g.
     * the KV writes of a failed hook. Snapshots nest; `persist` ends them all.
     */
    snapshot() {
        return this.#undo.open();
    }
    /** Reverts to `snap`; returns false when the snapshot already ended (released, restored, persisted). */
    restore(snap) {
        return this.#undo.rollback(snap, (e, created) => {
            if (created) {
                const keys = this.#data.get(e.ns);
                keys.delete(e.key);
                if (keys.size === 0)
                    this.#data.delete(e.ns);
            }
            if (e.changed && !created)
                this.#dirty.add(e);
            else
                this.#dirty.delete(e);
        });
    }
    /** Keeps the changes made since `snap` and ends it. */
    release(snap) {
        this.#undo.close(snap);
    }
    #write(ns, key, value) {
        let keys = this.#data.get(ns);
        const e = keys?.get(key);
        if (e === undefined) {
            if (keys === undefined)
                this.#data.set(ns, (keys = new Map()));
            const fresh = { ns, key, value, version: 1, ttl: 0, deleted: false, changed: true, lastModified: 0 };
            keys.set(key, fresh);
            this.#undo.record(fresh, true);
            this.#dirty.add(fresh);
            return true;
        }
        if (!e.deleted && e.value === value && e.ttl === 0)
            return false;
        this.#undo.record(e, false);
        e.value = value;
        e.ttl = 0;
        e.deleted = false;
        this.#bump(e);
        return true;
    }
    #bump(e) {
        e.version++;
        e.changed = true;
        this.#dirty.add(e);
    }
    #cryptoKey() {
        if (this.#key !== undefined)
            return this.#key;
        const src = this.#keySource;
        if (src === undefined)
            throw cryptoError(KEY_INVALID);
        const key = typeof src === 'function' ? src() : src;
        if (key.length !== 32)
            throw cryptoError(KEY_INVALID);
        this.#key = key;
        return key;
    }
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./lib/kv/session.js


class KvSession {
    #store;
    /** Loads the store from `db` (usually inside the command's transaction) and keeps it. */
    load(db, opts = {}) {
        this.#store = KvStore.load(db, opts);
        return this.#store;
    }
    get loaded() {
        return this.#store !== undefined;
    }
    /** The loaded store; throws `kv store not initialized` before `load`. */
    require() {
        if (this.#store === undefined)
            throw notInitialized();
        return this.#store;
    }
}

;// CONCATENATED MODULE: ./lib/kv/namespaces.js
// Names of the KV namespaces and well-known keys (spec kv §1.9). Namespaces are flat strings:
// `maand/worker` and `maand/worker/<ip>` are unrelated.
const BUCKET_NS = 'maand/bucket';
const BUCKET_VARS_NS = 'vars/bucket';
const WORKERS_NS = 'maand/worker';
const PROMETHEUS_NS = 'maand/prometheus';
const ROLLOUT_ORDER_KEY = 'rollout_order';
const VERSION_KEY = 'version';
const CERTS_KEY_PREFIX = 'certs/';
const SECRET_NS_PREFIX = 'secrets/job/';
function workerNamespace(ip) {
    return `maand/worker/${ip}`;
}
function workerTagsNamespace(ip) {
    return `maand/worker/${ip}/tags`;
}
function jobNamespace(job) {
    return `maand/job/${job}`;
}
function bucketJobVarsNamespace(job) {
    return `vars/bucket/job/${job}`;
}
function jobVarsNamespace(job) {
    return `vars/job/${job}`;
}
function jobSecretsNamespace(job) {
    return `${SECRET_NS_PREFIX}${job}`;
}
function allocationNamespace(job, ip) {
    return `maand/job/${job}/worker/${ip}`;
}
/** Values in these namespaces are stored encrypted (spec kv §1.8). */
function isSecretNamespace(ns) {
    return ns.startsWith(SECRET_NS_PREFIX);
}

;// CONCATENATED MODULE: ./lib/kv/purge.js
/** Versions kept below the latest one: a live key keeps L−7 … L. */
const MAX_VERSIONS_TO_KEEP = 7;
/*
 * `latest.created_date` is the TEXT column itself, so `< ?` compares the way the reference's
 * query does (SQLite applies TEXT affinity to the bound number; equal to numeric order for
 * 10-digit Unix times). MATERIALIZED keeps the GROUP BY to one pass instead of one per row.
 */
const PURGE = `
WITH latest AS MATERIALIZED (
  SELECT namespace, key, MAX(version) AS version, created_date, deleted
  FROM key_value GROUP BY namespace, key
)
DELETE FROM key_value WHERE rowid IN (
  SELECT r.rowid FROM key_value r
  JOIN latest l ON l.namespace = r.namespace AND l.key = r.key
  WHERE l.created_date < ? AND (r.version < l.version - ${MAX_VERSIONS_TO_KEEP} OR l.deleted = 1)
)`;
/**
 * Runs inside the caller's transaction (build, gc). Negative `retainDays` counts as 0.
 * Returns the number of rows deleted.
 */
function purgeStaleVersions(db, retainDays, nowUnixSeconds) {
    const days = Math.max(0, Math.trunc(retainDays));
    const cutoff = Math.trunc(nowUnixSeconds) - days * 86400;
    return Number(db.prepare(PURGE).run(cutoff).changes);
}

;// CONCATENATED MODULE: ./lib/kv/cert-keys.js



const KEY_SUFFIX = '.key';
function isCertKey(key) {
    return key.startsWith(CERTS_KEY_PREFIX) && key.endsWith(KEY_SUFFIX);
}
/** A live value as its readers (templates, staging, hooks) see it: secrets and certificate keys decrypted. */
function readPlain(kv, ns, key) {
    const v = kv.tryGet(ns, key);
    if (v === undefined)
        return undefined;
    return isSecretNamespace(ns) || (isCertKey(key) && isEncrypted(v)) ? kv.getSecret(ns, key) : v;
}
/**
 * Stores a certificate key encrypted, trimmed as a plain put would (the staged bytes, so the plan hash,
 * stay the same); false when the stored key already is this one, encrypted (a new nonce per put would
 * otherwise make every build a new version).
 */
function putCertKey(kv, ns, key, pem) {
    const plain = trimSpace(pem);
    const current = kv.tryGet(ns, key);
    if (current !== undefined && isEncrypted(current) && kv.getSecret(ns, key) === plain)
        return false;
    kv.putSecret(ns, key, plain);
    return true;
}
/**
 * Deletes the plaintext history rows of certificate keys once a newer version replaced them (inside the
 * build's transaction, after its persist): the migration leaves no private key readable in the catalog.
 */
function dropPlaintextCertKeyHistory(db) {
    const sql = `DELETE FROM key_value WHERE rowid IN (
    SELECT r.rowid FROM key_value r
    WHERE r.key LIKE '${CERTS_KEY_PREFIX}%${KEY_SUFFIX}' AND r.value <> '' AND substr(r.value, 1, ${ENCRYPTED_PREFIX.length}) <> '${ENCRYPTED_PREFIX}'
      AND r.version < (SELECT MAX(l.version) FROM key_value l WHERE l.namespace = r.namespace AND l.key = r.key)
  )`;
    return Number(db.prepare(sql).run().changes);
}

;// CONCATENATED MODULE: ./lib/kv/sync.js
// Build's write policies (build-and-catalog §9.1, spec kv §1.10). Puts go in sorted key order,
// then the tombstones, so version numbers and persisted rows are deterministic.



/** Put every desired key; tombstone every other live key. Returns whether anything changed. */
function fullSync(store, ns, desired) {
    return sync(store, ns, desired, () => true);
}
/** Allocation metadata: like full sync, but `certs/*` and `version` survive. */
function allocSync(store, ns, desired) {
    return sync(store, ns, desired, (key) => !key.startsWith(CERTS_KEY_PREFIX) && key !== VERSION_KEY);
}
/** Certificate PEMs: full sync restricted to `certs/*` (private keys encrypted); other keys are left alone. */
function certSync(store, ns, desired) {
    for (const key of entries(desired).map(([k]) => k))
        if (!key.startsWith(CERTS_KEY_PREFIX))
            throw new errors/* InternalError */.Gd(`certSync: key ${key} outside ${CERTS_KEY_PREFIX}`);
    const put = (key, value) => (isCertKey(key) ? putCertKey(store, ns, key, value) : store.put(ns, key, value));
    return sync(store, ns, desired, (key) => key.startsWith(CERTS_KEY_PREFIX), put);
}
/** Put only; never deletes (`vars/job/<job>` from vars.toml). */
function mergeInto(store, ns, desired) {
    return sync(store, ns, desired, () => false);
}
/** Tombstones every live key of `ns` (a full sync to the empty set). */
function purge(store, ns) {
    return store.purgeNamespace(ns) > 0;
}
function sync(store, ns, desired, removable, put = (key, value) => store.put(ns, key, value)) {
    const wanted = entries(desired).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let changed = false;
    for (const [key, value] of wanted)
        if (put(key, value))
            changed = true;
    const keep = new Set(wanted.map(([k]) => k));
    for (const key of store.keys(ns)) {
        if (keep.has(key) || !removable(key))
            continue;
        store.delete(ns, key);
        changed = true;
    }
    return changed;
}
function entries(desired) {
    return desired instanceof Map ? [...desired] : Object.entries(desired);
}

;// CONCATENATED MODULE: ./lib/kv/access.js
// Who may read and write which namespace (spec kv §1.12). Pure rules; catalog reads live in
// catalog-access.ts.

/** The read set of allocation (J, W) for templates and hooks: 11 fixed namespaces + upstream triples, sorted. */
function access_namespacesForAllocation(a) {
    const { job, workerIp: ip } = a;
    return sortedUnique([
        BUCKET_NS,
        BUCKET_VARS_NS,
        WORKERS_NS,
        workerNamespace(ip),
        workerTagsNamespace(ip),
        jobNamespace(job),
        bucketJobVarsNamespace(job),
        jobVarsNamespace(job),
        jobSecretsNamespace(job),
        allocationNamespace(job, ip),
        PROMETHEUS_NS,
        ...upstreamTriples(a.upstreamJobs),
    ]);
}
/** The smaller read set of the build-time `_prometheus/scrape.yaml.tpl` (spec kv §2.9), sorted. */
function scrapeTemplateNamespaces(job, upstream) {
    return sortedUnique([
        BUCKET_NS,
        BUCKET_VARS_NS,
        jobNamespace(job),
        bucketJobVarsNamespace(job),
        jobVarsNamespace(job),
        jobSecretsNamespace(job),
        ...upstreamTriples(upstream),
    ]);
}
/** Exact string match against the read set. */
function canRead(allowed, ns) {
    return Array.isArray(allowed) ? allowed.includes(ns) : allowed.has(ns);
}
/**
 * Hook write rules, in the reference's order: the namespace check first, then the health_check
 * ban (so `rollout_order` during health_check gets the namespace verdict).
 */
function canWrite(req) {
    const { job, event, ns, key } = req;
    let allowed;
    if (req.secret)
        allowed = ns === jobSecretsNamespace(job);
    else if (isSecretNamespace(ns))
        allowed = false;
    else if (ns === jobVarsNamespace(job))
        allowed = true;
    else
        allowed =
            (req.op ?? 'put') === 'put' &&
                ns === jobNamespace(job) &&
                key === ROLLOUT_ORDER_KEY &&
                (event === 'pre_deploy' || event === 'cli');
    if (!allowed)
        return 'forbidden-namespace';
    return event === 'health_check' ? 'health-check-write' : 'ok';
}
function upstreamTriples(upstream) {
    return upstream.flatMap((u) => [jobNamespace(u), jobVarsNamespace(u), jobSecretsNamespace(u)]);
}
function sortedUnique(list) {
    return [...new Set(list)].sort();
}

;// CONCATENATED MODULE: ./lib/kv/catalog-access.js


/** Distinct non-empty trimmed `demand_job` of every command row of `job`, sorted. */
function upstreamJobs(db, job) {
    const rows = db.prepare('SELECT DISTINCT demand_job FROM job_commands WHERE job = ?').all(job);
    const out = new Set();
    for (const r of rows) {
        const name = trimSpace(typeof r.demand_job === 'string' ? r.demand_job : '');
        if (name !== '')
            out.add(name);
    }
    return [...out].sort();
}
/** Workers of the job's non-removed allocations (active and disabled), sorted. */
function allocationWorkers(db, job) {
    const rows = db.prepare('SELECT worker_ip FROM allocations WHERE job = ? AND removed = 0').all(job);
    return rows.map((r) => r.worker_ip).sort();
}
/** Read set of allocation (job, workerIp); without a database handle, no upstream namespaces. */
function allocationReadSet(db, job, workerIp) {
    return namespacesForAllocation({ job, workerIp, upstreamJobs: db === undefined ? [] : upstreamJobs(db, job) });
}
/** Union of the read sets of every non-removed allocation (active or disabled) of `job`, sorted. */
function jobNamespaces(db, job) {
    const upstream = upstreamJobs(db, job);
    const all = new Set();
    for (const workerIp of allocationWorkers(db, job))
        for (const ns of access_namespacesForAllocation({ job, workerIp, upstreamJobs: upstream }))
            all.add(ns);
    return [...all].sort();
}

;// CONCATENATED MODULE: ./lib/kv/index.js
// Public API of the KV store module.













/***/ })

};
