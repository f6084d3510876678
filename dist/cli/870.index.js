export const id = 870;
export const ids = [870];
export const modules = {

/***/ 8093:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ readBucketConf),
/* harmony export */   Q4: () => (/* binding */ DEFAULT_BUCKET_CONF_TEXT),
/* harmony export */   Sl: () => (/* binding */ jobsConfFileName),
/* harmony export */   kV: () => (/* binding */ portPool),
/* harmony export */   xX: () => (/* binding */ readJobsConf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2991);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9692);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8462);
// workspace/bucket.conf (port pool + bucket vars, §4.2) and bucket.jobs[.<selector>].conf (§4.3).





const DEFAULT_BUCKET_CONF_TEXT = 'port_min = "30000"\nport_max = "39999"\n';
/** All keys of bucket.conf (missing file → empty map). */
function readBucketConf(paths) {
    try {
        const table = (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .readToml */ .D7)(paths.bucketConf, 'workspace/bucket.conf');
        return table === undefined ? {} : (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .stringMap */ .Qi)(table, '');
    }
    catch (e) {
        if (e instanceof _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FileReadError */ .tJ)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)} (workspace/bucket.conf: every value must be a quoted string)`);
    }
}
function portPool(conf) {
    const read = (key, dflt) => {
        const raw = conf[key] ?? '';
        const t = raw.trim();
        if (t === '')
            return dflt;
        if (!/^[+-]?\d+$/.test(t))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid port range in bucket.conf', `${key} ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .T)(raw)}`);
        return Number(t);
    };
    const min = read('port_min', 30000);
    const max = read('port_max', 39999);
    if (min < 1 || max > 65535 || min > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid port range in bucket.conf', `port_min=${min} port_max=${max}`);
    return { min, max };
}
function jobsConfFileName(selector) {
    const s = selector.trim();
    return s === '' ? 'bucket.jobs.conf' : `bucket.jobs.${s}.conf`;
}
/** The selected bucket.jobs*.conf: top-level tables named after jobs, each a string map. */
function readJobsConf(paths, selector) {
    const fileName = jobsConfFileName(selector);
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(paths.workspace, fileName);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(paths.root, file);
    const sections = new Map();
    let table;
    try {
        table = (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .readToml */ .D7)(file, rel);
    }
    catch (e) {
        if (e instanceof _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FileReadError */ .tJ)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `bucket conf ${rel} ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)}`);
    }
    if (table === undefined)
        return { fileName, sections };
    for (const [job, section] of Object.entries(table)) {
        if (typeof section !== 'object' || section === null || Array.isArray(section) || section instanceof Date)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `bucket conf ${rel} key ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .T)(job)} must be a [${job}] table, got ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .tomlTypeName */ .g_)(section)}`);
        try {
            sections.set(job, (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .stringMap */ .Qi)(section, `[${job}] `));
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `bucket conf ${rel} ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)}`);
        }
    }
    return { fileName, sections };
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

/***/ 3047:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ generateRsaKey),
/* harmony export */   n: () => (/* binding */ privateKeyPem)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
// RSA key generation and PEM export. Generation is async: it runs in libuv's thread pool, so
// several 4096-bit keys are produced in parallel instead of blocking the event loop.


const generate = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPair);
async function generateRsaKey(bits) {
    return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}
/** `RSA PRIVATE KEY` (PKCS#1) or, with `pkcs8`, `PRIVATE KEY` PEM text ending in a newline. */
function privateKeyPem(key, pkcs8) {
    return key.export({ type: pkcs8 ? 'pkcs8' : 'pkcs1', format: 'pem' }).toString();
}


/***/ }),

/***/ 5261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ encodePem),
/* harmony export */   x: () => (/* binding */ decodePem)
/* harmony export */ });
// PEM framing with Go's encoding/pem behaviour: the first well-formed block anywhere in the text wins
// (leading text is skipped); a block whose body is not base64 does not count as a block.
const BLOCK = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;
/** The first decodable PEM block, or undefined ("no PEM block found"). */
function decodePem(text) {
    for (const match of text.matchAll(BLOCK)) {
        const type = match[1] ?? '';
        const body = stripHeaders(match[2] ?? '');
        if (body === undefined || !BASE64.test(body))
            continue;
        return { type, bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
    }
    return undefined;
}
/** Drops RFC 1421 headers ("Proc-Type: ...") and the blank line after them. */
function stripHeaders(body) {
    const lines = body.split(/\r?\n/);
    if (!(lines[0] ?? '').includes(':'))
        return body;
    const blank = lines.findIndex((line) => line.trim() === '');
    return blank < 0 ? undefined : lines.slice(blank + 1).join('\n');
}
/** PEM text with 64-column base64 lines and a trailing newline, like Go's pem.EncodeToMemory. */
function encodePem(type, der) {
    const b64 = Buffer.from(der).toString('base64');
    const lines = b64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${type}-----\n${lines.map((l) => l + '\n').join('')}-----END ${type}-----\n`;
}


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n6: () => (/* binding */ KeyUsage),
  h: () => (/* binding */ commonNameSubject),
  YG: () => (/* binding */ randomSerial),
  jm: () => (/* binding */ signCertificate),
  qN: () => (/* binding */ subjectKeyIdOf)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/certs/der.js
// A minimal DER encoder: just the ASN.1 types an X.509 v3 certificate needs. Every helper returns
// one complete TLV, so certificates are assembled by nesting calls (see x509.ts).
const TAG = {
    boolean: 0x01,
    integer: 0x02,
    bitString: 0x03,
    octetString: 0x04,
    null: 0x05,
    oid: 0x06,
    utf8String: 0x0c,
    printableString: 0x13,
    utcTime: 0x17,
    generalizedTime: 0x18,
    sequence: 0x30,
    set: 0x31,
};
/** Encodes one TLV; lengths use the short form below 128 and the minimal long form above. */
function tlv(tag, content) {
    const len = content.length;
    let header;
    if (len < 0x80) {
        header = [tag, len];
    }
    else {
        const bytes = [];
        for (let n = len; n > 0; n = Math.floor(n / 256))
            bytes.unshift(n % 256);
        header = [tag, 0x80 | bytes.length, ...bytes];
    }
    return Buffer.concat([Buffer.from(header), content]);
}
function sequence(...items) {
    return tlv(TAG.sequence, Buffer.concat(items));
}
function set(...items) {
    return tlv(TAG.set, Buffer.concat(items));
}
/** `[n]` context-specific constructed tag (EXPLICIT wrapping). */
function explicit(n, content) {
    return tlv(0xa0 | n, content);
}
/** `[n]` context-specific primitive tag (IMPLICIT over a primitive type). */
function implicitPrimitive(n, content) {
    return tlv(0x80 | n, content);
}
function der_boolean(value) {
    return tlv(TAG.boolean, Buffer.from([value ? 0xff : 0x00]));
}
function nullValue() {
    return tlv(TAG.null, Buffer.alloc(0));
}
/** Non-negative INTEGER from big-endian magnitude bytes: minimal, with a 0x00 pad when the top bit is set. */
function unsignedInteger(magnitude) {
    let start = 0;
    while (start < magnitude.length - 1 && magnitude[start] === 0)
        start++;
    const body = Buffer.from(magnitude.subarray(start));
    if (body.length === 0)
        return tlv(TAG.integer, Buffer.from([0]));
    return tlv(TAG.integer, body[0] & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body);
}
function smallInteger(value) {
    return unsignedInteger(Buffer.from([value]));
}
/** OBJECT IDENTIFIER from dotted text, e.g. "2.5.4.3". */
function oid(dotted) {
    const arcs = dotted.split('.').map(Number);
    const [first = 0, second = 0, ...rest] = arcs;
    const out = [];
    for (const arc of [first * 40 + second, ...rest]) {
        const groups = [arc % 128];
        for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
            groups.unshift((n % 128) | 0x80);
        out.push(...groups);
    }
    return tlv(TAG.oid, Buffer.from(out));
}
function octetString(content) {
    return tlv(TAG.octetString, content);
}
function bitString(content, unusedBits = 0) {
    return tlv(TAG.bitString, Buffer.concat([Buffer.from([unusedBits]), content]));
}
// PrintableString alphabet plus '*', as Go's encoding/asn1 allows (wildcard names); else UTF8String.
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?*]*$/;
/** A directory string the way Go marshals a plain string: PrintableString when possible, else UTF8String. */
function directoryString(value) {
    const tag = PRINTABLE.test(value) ? TAG.printableString : TAG.utf8String;
    return tlv(tag, Buffer.from(value, 'utf8'));
}
/** RFC 5280 Time: UTCTime for 1950-2049, GeneralizedTime otherwise; whole seconds, UTC. */
function time(date) {
    const year = date.getUTCFullYear();
    const pad = (n) => String(n).padStart(2, '0');
    const rest = pad(date.getUTCMonth() + 1) +
        pad(date.getUTCDate()) +
        pad(date.getUTCHours()) +
        pad(date.getUTCMinutes()) +
        pad(date.getUTCSeconds()) +
        'Z';
    if (year >= 1950 && year < 2050)
        return tlv(TAG.utcTime, Buffer.from(pad(year % 100) + rest, 'ascii'));
    return tlv(TAG.generalizedTime, Buffer.from(String(year).padStart(4, '0') + rest, 'ascii'));
}

;// CONCATENATED MODULE: ./lib/certs/x509.js
// Assembles and signs an X.509 v3 certificate (RFC 5280) from a small template, laying out fields
// and extensions the way Go's x509.CreateCertificate does, so certificates match the reference tool.


const OID = {
    sha256WithRsa: '1.2.840.113549.1.1.11',
    commonName: '2.5.4.3',
    keyUsage: '2.5.29.15',
    basicConstraints: '2.5.29.19',
    subjectKeyId: '2.5.29.14',
    authorityKeyId: '2.5.29.35',
    subjectAltName: '2.5.29.17',
};
/** Key usage bit positions (RFC 5280 §4.2.1.3). */
const KeyUsage = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5 };
/** DER Name with only a common name; an empty CN gives an empty Name, as in Go. */
function commonNameSubject(commonName) {
    if (commonName === '')
        return sequence();
    return sequence(set(sequence(oid(OID.commonName), directoryString(commonName))));
}
/** Random positive 128-bit serial number (magnitude bytes). */
function randomSerial() {
    for (;;) {
        const serial = (0,external_node_crypto_.randomBytes)(16);
        if (serial.some((b) => b !== 0))
            return serial;
    }
}
/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (the PKCS#1 RSAPublicKey). */
function subjectKeyIdOf(publicKey) {
    return (0,external_node_crypto_.createHash)('sha1').update(publicKey.export({ type: 'pkcs1', format: 'der' })).digest();
}
/** DER of the signed certificate; signature SHA-256 with RSA (PKCS#1 v1.5). */
function signCertificate(t, signerKey) {
    const algorithm = sequence(oid(OID.sha256WithRsa), nullValue());
    const tbs = sequence(explicit(0, smallInteger(2)), unsignedInteger(t.serial), algorithm, t.issuer, sequence(time(t.notBefore), time(t.notAfter)), t.subject, t.publicKey.export({ type: 'spki', format: 'der' }), explicit(3, sequence(...extensions(t))));
    const signature = (0,external_node_crypto_.sign)('sha256', tbs, signerKey);
    return sequence(tbs, algorithm, bitString(signature));
}
// Same order and criticality as Go: key usage, basic constraints, SKI, AKI, SAN.
function extensions(t) {
    const out = [
        extension(OID.keyUsage, true, keyUsageBits(t.keyUsage)),
        extension(OID.basicConstraints, true, t.isCa ? sequence(der_boolean(true)) : sequence()),
    ];
    if (t.subjectKeyId)
        out.push(extension(OID.subjectKeyId, false, octetString(t.subjectKeyId)));
    if (t.authorityKeyId) {
        out.push(extension(OID.authorityKeyId, false, sequence(implicitPrimitive(0, t.authorityKeyId))));
    }
    if (t.ipSans && t.ipSans.length > 0) {
        const names = t.ipSans.map((ip) => implicitPrimitive(7, ip));
        // RFC 5280 §4.2.1.6: the SAN is critical when the subject is empty.
        const subjectEmpty = t.subject.equals(sequence());
        out.push(extension(OID.subjectAltName, subjectEmpty, sequence(...names)));
    }
    return out;
}
function extension(id, critical, value) {
    return critical
        ? sequence(oid(id), der_boolean(true), octetString(value))
        : sequence(oid(id), octetString(value));
}
// Bit 0 is the most significant bit of the first byte; trailing zero bits are declared unused.
function keyUsageBits(bits) {
    const bytes = Buffer.alloc(Math.floor(Math.max(...bits) / 8) + 1);
    for (const bit of bits)
        bytes[bit >> 3] = bytes[bit >> 3] | (0x80 >> (bit & 7));
    const last = bytes[bytes.length - 1];
    let unused = 0;
    while (unused < 7 && (last & (1 << unused)) === 0)
        unused++;
    return bitString(bytes, unused);
}


/***/ }),

/***/ 5870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/bucket/bucket-conf.js
var bucket_conf = __webpack_require__(8093);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/schema.js
var schema = __webpack_require__(4912);
// EXTERNAL MODULE: ./lib/util/stable-id.js
var stable_id = __webpack_require__(1719);
// EXTERNAL MODULE: ./lib/certs/pem.js
var pem = __webpack_require__(5261);
// EXTERNAL MODULE: ./lib/certs/keys.js
var keys = __webpack_require__(3047);
// EXTERNAL MODULE: ./lib/certs/x509.js + 1 modules
var x509 = __webpack_require__(3661);
;// CONCATENATED MODULE: ./lib/certs/ca.js
// The bucket CA created by `maand init`: self-signed, CN = bucket id, ten years, never renewed.



const CA_VALIDITY_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A new CA certificate and its PKCS#1 (`RSA PRIVATE KEY`) key, both PEM. */
async function generateCa(bucketId, opts) {
    const now = opts.now ?? new Date();
    const { privateKey, publicKey } = await (0,keys/* generateRsaKey */.$)(opts.keyBits);
    const subject = (0,x509/* commonNameSubject */.h)(bucketId);
    const der = (0,x509/* signCertificate */.jm)({
        serial: (0,x509/* randomSerial */.YG)(),
        issuer: subject,
        subject,
        notBefore: now,
        notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
        publicKey,
        isCa: true,
        keyUsage: [x509/* KeyUsage */.n6.digitalSignature, x509/* KeyUsage */.n6.keyEncipherment, x509/* KeyUsage */.n6.keyCertSign],
        subjectKeyId: (0,x509/* subjectKeyIdOf */.qN)(publicKey),
    }, privateKey);
    return { certPem: (0,pem/* encodePem */.T)('CERTIFICATE', der), keyPem: (0,keys/* privateKeyPem */.n)(privateKey, false) };
}

// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
;// CONCATENATED MODULE: ./lib/init/index.js
// `maand init` (§3.2): layout, schema, bucket id, CA, KV key. A re-run upgrades the schema and never
// changes the bucket id, CA, keys or user files. Secret files are 0600 in a 0700 dir (decision Q26);
// data/ and logs/ are 0700 and the catalog 0600 (src/bucket/modes.ts), tightened on a re-run.











async function initBucket(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const dirs = [[paths.dataDir, modes/* PRIVATE_DIR */.A9], [paths.jobsDir, 0o755], [paths.logsDir, modes/* PRIVATE_DIR */.A9], [paths.tmpDir, 0o755]];
    for (const [dir, mode] of dirs) {
        try {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode });
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('unexpected error', `create directory ${dir}: ${e.message}`);
        }
    }
    (0,external_node_fs_.mkdirSync)(paths.secretsDir, { recursive: true, mode: 0o700 });
    (0,external_node_fs_.chmodSync)(paths.secretsDir, 0o700);
    const hasCrt = (0,external_node_fs_.existsSync)(paths.caCrt);
    const hasKey = (0,external_node_fs_.existsSync)(paths.caKey);
    if (hasCrt !== hasKey)
        throw new errors/* MaandError */.Ob('bucket CA is incomplete', 'secrets must contain both ca.crt and ca.key');
    const tightened = (0,modes/* tightenBucketModes */.aT)(paths.root);
    const isNew = !(0,external_node_fs_.existsSync)(paths.db);
    // An empty file is an empty database: created owner-only, SQLite gives its WAL files the same mode.
    if (isNew)
        (0,external_node_fs_.writeFileSync)(paths.db, '', { mode: modes/* PRIVATE_FILE */.rQ, flag: 'wx' });
    const db = (0,catalog_db/* openDb */.bI)(paths.db, { create: true });
    try {
        const { bucketId, created } = (0,catalog_db/* inTransaction */.sA)(db, () => {
            (0,schema/* migrate */._r)(db);
            const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get();
            if (!isNew && row?.bucket_id)
                return { bucketId: row.bucket_id, created: false };
            const id = (0,stable_id/* randomId */.zE)();
            db.prepare('INSERT INTO bucket (bucket_id, update_seq) VALUES (?, 0)').run(id);
            (0,maand_conf/* writeDefaultMaandConf */.Wx)(paths.maandConf);
            return { bucketId: id, created: true };
        });
        if (!(0,external_node_fs_.existsSync)(paths.workersJson))
            (0,external_node_fs_.writeFileSync)(paths.workersJson, '[]', { mode: 0o644 });
        if (!(0,external_node_fs_.existsSync)(paths.bucketConf))
            (0,external_node_fs_.writeFileSync)(paths.bucketConf, bucket_conf/* DEFAULT_BUCKET_CONF_TEXT */.Q4, { mode: 0o644 });
        if (!hasCrt && !hasKey) {
            const ca = await generateCa(bucketId, { keyBits: opts.caKeyBits ?? 4096 });
            (0,external_node_fs_.writeFileSync)(paths.caKey, ca.keyPem, { mode: 0o600 });
            (0,external_node_fs_.writeFileSync)(paths.caCrt, ca.certPem, { mode: 0o644 });
        }
        if (!(0,external_node_fs_.existsSync)(paths.kvKey))
            (0,external_node_fs_.writeFileSync)(paths.kvKey, (0,external_node_crypto_.randomBytes)(32), { mode: 0o600 });
        return { created, bucketId, schemaVersion: schema/* SCHEMA_VERSION */.f$, paths, notes: tightened ? [tightened] : [] };
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./lib/cli/commands/init.js

async function initCommand(io) {
    const testMode = io.env['MAAND_TEST'] === '1';
    const res = await initBucket({ root: io.cwd, caKeyBits: testMode ? 1024 : 4096 });
    for (const note of res.notes)
        io.stderr.write(`note: ${note}\n`);
    if (io.env['MAAND_QUIET'] === '1' || testMode)
        return;
    io.stdout.write(res.created ? 'maand bucket initialized\n' : `maand bucket upgraded (schema version ${res.schemaVersion})\n`);
}


/***/ }),

/***/ 1719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CC: () => (/* binding */ md5Hex),
/* harmony export */   dD: () => (/* binding */ stableId),
/* harmony export */   zE: () => (/* binding */ randomId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// Deterministic ids of the reference tool: MD5 of the name with UUID v3 version/variant bits and
// NO namespace (this is not RFC 4122 v3 of any standard namespace).

function stableId(name) {
    const b = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(name, 'utf8').digest();
    b[6] = (b[6] & 0x0f) | 0x30;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** Random v4 UUID (lower-case canonical text), for bucket and worker ids. */
function randomId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
}
function md5Hex(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(data).digest('hex');
}


/***/ })

};
