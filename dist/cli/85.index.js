export const id = 85;
export const ids = [85];
export const modules = {

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

/***/ 3562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nm: () => (/* binding */ NOT_ENCRYPTED),
/* harmony export */   Xo: () => (/* binding */ keyNotFound),
/* harmony export */   cc: () => (/* binding */ DECRYPT_FAILED),
/* harmony export */   eq: () => (/* binding */ namespaceNotAvailable),
/* harmony export */   lz: () => (/* binding */ namespaceNotFound),
/* harmony export */   mP: () => (/* binding */ cryptoError),
/* harmony export */   qb: () => (/* binding */ isKvError),
/* harmony export */   s7: () => (/* binding */ KEY_INVALID)
/* harmony export */ });
/* unused harmony exports KvError, KEY_NOT_FOUND, NOT_INITIALIZED, notInitialized */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
// KV errors carry the reference's exact texts (no `<code>: ` prefix) so callers can wrap them
// with their own context ("job api: key not found or deleted") and tests can match on `kind`.

class KvError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
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
function notInitialized() {
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


/***/ }),

/***/ 2762:
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
  qb: () => (/* reexport */ errors/* isKvError */.qb),
  QZ: () => (/* reexport */ isSecretNamespace),
  xd: () => (/* reexport */ jobNamespace),
  O8: () => (/* reexport */ jobNamespaces),
  WM: () => (/* reexport */ jobSecretsNamespace),
  po: () => (/* reexport */ jobVarsNamespace),
  nW: () => (/* reexport */ secrets/* loadKvKey */.nW),
  Pz: () => (/* reexport */ mergeInto),
  eq: () => (/* reexport */ errors/* namespaceNotAvailable */.eq),
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

// EXTERNAL MODULE: ./lib/kv/errors.js
var errors = __webpack_require__(3562);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/kv/secrets.js
var secrets = __webpack_require__(652);
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
// The in-memory session store (spec kv §1.2–§1.4): loaded once from `key_value`, mutated in
// memory by build, templates and hooks, and appended back to SQLite at persist points.






class store_KvStore {
    #data = new Map();
    #dirty = new Set();
    #undo = new UndoLog();
    #keySource;
    #key;
    /** Every plaintext this store encrypted or decrypted: what error texts must not carry. */
    #known = new Set();
    #onSecret;
    constructor(opts = {}) {
        this.#keySource = opts.key;
        this.#onSecret = opts.onSecret;
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
        this.#write(ns, key, (0,secrets/* encrypt */.w)(this.#cryptoKey(), this.#learn(plaintext)));
    }
    /** The stored value (ciphertext in secret namespaces); throws `key not found or deleted`. */
    get(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        if (e === undefined || e.deleted)
            throw (0,errors/* keyNotFound */.Xo)();
        return e.value;
    }
    tryGet(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        return e === undefined || e.deleted ? undefined : e.value;
    }
    getSecret(ns, key) {
        return this.#learn((0,secrets/* decrypt */.Yc)(this.#cryptoKey(), this.get(ns, key)));
    }
    /** The secret plaintexts this store has encrypted or decrypted so far, in the order it learned them. */
    knownSecrets() {
        return [...this.#known];
    }
    /** Decrypts a stored `enc:v1:` value of any version (plans redact every stored secret, Q36). */
    decryptValue(value) {
        return (0,secrets/* decrypt */.Yc)(this.#cryptoKey(), value);
    }
    /** A key for `purpose` derived from the bucket key (never the key itself), e.g. to fingerprint secrets. */
    derivedKey(purpose) {
        return (0,external_node_crypto_.createHmac)('sha256', this.#cryptoKey()).update(`maand:${purpose}`).digest();
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
            throw (0,errors/* namespaceNotFound */.lz)(ns);
        const e = keys.get(key);
        if (e === undefined)
            throw (0,errors/* keyNotFound */.Xo)();
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
    #learn(plaintext) {
        if (!this.#known.has(plaintext)) {
            this.#known.add(plaintext);
            this.#onSecret?.(plaintext);
        }
        return plaintext;
    }
    #cryptoKey() {
        if (this.#key !== undefined)
            return this.#key;
        const src = this.#keySource;
        if (src === undefined)
            throw (0,errors/* cryptoError */.mP)(errors/* KEY_INVALID */.s7);
        const key = typeof src === 'function' ? src() : src;
        if (key.length !== 32)
            throw (0,errors/* cryptoError */.mP)(errors/* KEY_INVALID */.s7);
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

// EXTERNAL MODULE: ./lib/errors.js
var lib_errors = __webpack_require__(452);
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
    return isSecretNamespace(ns) || (isCertKey(key) && (0,secrets/* isEncrypted */.ph)(v)) ? kv.getSecret(ns, key) : v;
}
/**
 * Stores a certificate key encrypted, trimmed as a plain put would (the staged bytes, so the plan hash,
 * stay the same); false when the stored key already is this one, encrypted (a new nonce per put would
 * otherwise make every build a new version).
 */
function putCertKey(kv, ns, key, pem) {
    const plain = trimSpace(pem);
    const current = kv.tryGet(ns, key);
    if (current !== undefined && (0,secrets/* isEncrypted */.ph)(current) && kv.getSecret(ns, key) === plain)
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
    WHERE r.key LIKE '${CERTS_KEY_PREFIX}%${KEY_SUFFIX}' AND r.value <> '' AND substr(r.value, 1, ${secrets/* ENCRYPTED_PREFIX */.Mp.length}) <> '${secrets/* ENCRYPTED_PREFIX */.Mp}'
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
            throw new lib_errors/* InternalError */.Gd(`certSync: key ${key} outside ${CERTS_KEY_PREFIX}`);
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













/***/ }),

/***/ 652:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mp: () => (/* binding */ ENCRYPTED_PREFIX),
/* harmony export */   Yc: () => (/* binding */ decrypt),
/* harmony export */   nW: () => (/* binding */ loadKvKey),
/* harmony export */   ph: () => (/* binding */ isEncrypted),
/* harmony export */   w: () => (/* binding */ encrypt)
/* harmony export */ });
/* unused harmony exports kvKeyPath, ensureKvKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3562);
// Secret values (spec kv §1.8): AES-256-GCM, 12-byte random nonce, 16-byte tag after the
// ciphertext, no AAD, stored as `enc:v1:` + base64(nonce ‖ ciphertext ‖ tag). Byte-compatible
// with the reference so existing maand.db secrets keep decrypting.




const ENCRYPTED_PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function kvKeyPath(bucketRoot) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(bucketRoot, 'secrets', 'kv.key');
}
/** Reads `secrets/kv.key`: exactly 32 raw bytes, else `kv encryption key is missing or invalid`. */
function loadKvKey(bucketRoot) {
    let key;
    try {
        key = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(kvKeyPath(bucketRoot));
    }
    catch {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cryptoError */ .mP)(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KEY_INVALID */ .s7);
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
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cryptoError */ .mP)(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KEY_INVALID */ .s7);
    return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}
function isEncrypted(value) {
    return value.startsWith(ENCRYPTED_PREFIX);
}
function encrypt(key, plaintext) {
    const nonce = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(NONCE_BYTES);
    const cipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)('aes-256-gcm', checkKey(key), nonce, { authTagLength: TAG_BYTES });
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ENCRYPTED_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}
function decrypt(key, value) {
    if (!isEncrypted(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cryptoError */ .mP)(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_ENCRYPTED */ .Nm);
    const aesKey = checkKey(key);
    // Go's decoder skips CR/LF; anything else outside the alphabet is an error (Buffer would ignore it).
    const text = value.slice(ENCRYPTED_PREFIX.length).replace(/[\r\n]/g, '');
    if (!BASE64.test(text))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cryptoError */ .mP)(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DECRYPT_FAILED */ .cc);
    const raw = Buffer.from(text, 'base64');
    if (raw.length < NONCE_BYTES + TAG_BYTES)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cryptoError */ .mP)(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DECRYPT_FAILED */ .cc);
    try {
        const decipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)('aes-256-gcm', aesKey, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
        return plain.toString('utf8');
    }
    catch {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .cryptoError */ .mP)(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DECRYPT_FAILED */ .cc);
    }
}


/***/ })

};
