export const id = 63;
export const ids = [63];
export const modules = {

/***/ 6:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ PRIVATE_DIR),
/* harmony export */   aT: () => (/* binding */ tightenBucketModes),
/* harmony export */   rQ: () => (/* binding */ PRIVATE_FILE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27462);
// Owner-only modes for what holds the catalog and the run logs: data/ and logs/ 0700, the catalog (and
// its WAL and shared-memory files) and the log files 0600. The catalog holds the KV store (its plaintext
// values, the encrypted secrets beside them) and the logs hold hook and make output: no other user of
// the machine reads them. Buckets made before are tightened on the next run, with one note.



const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
/** Tightens what is wider than owner-only; the note saying what changed, undefined when nothing did. */
function tightenBucketModes(root) {
    const p = (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .bucketPaths */ .Z)(root);
    const changed = [];
    const note = (path, was, mode) => {
        if (was !== undefined)
            changed.push(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path)} ${octal(was)} → ${octal(was & mode)}`);
    };
    note(p.dataDir, tighten(p.dataDir, PRIVATE_DIR), PRIVATE_DIR);
    for (const f of [p.db, `${p.db}-wal`, `${p.db}-shm`])
        note(f, tighten(f, PRIVATE_FILE), PRIVATE_FILE);
    // The files under logs/ are reachable only through it: a logs/ that was private keeps them private.
    const logs = tighten(p.logsDir, PRIVATE_DIR);
    if (logs !== undefined) {
        note(p.logsDir, logs, PRIVATE_DIR);
        const n = tightenTree(p.logsDir);
        if (n > 0)
            changed.push(`${n} ${n === 1 ? 'entry' : 'entries'} under it → 0600 (files), 0700 (folders)`);
    }
    if (changed.length === 0)
        return undefined;
    return `tightened permissions that let other users read the catalog or the logs: ${changed.join(', ')}`;
}
/** chmods `path` to at most `mode`; the mode it had when that was wider, else undefined. */
function tighten(path, mode) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return undefined;
    const was = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).mode & 0o777;
    if ((was & ~mode) === 0)
        return undefined;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(path, was & mode);
    return was;
}
/** How many entries under `dir` were tightened. */
function tightenTree(dir) {
    let n = 0;
    for (const e of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name);
        if (e.isDirectory()) {
            if (tighten(full, PRIVATE_DIR) !== undefined)
                n++;
            n += tightenTree(full);
        }
        else if (e.isFile() && tighten(full, PRIVATE_FILE) !== undefined)
            n++;
    }
    return n;
}
function octal(mode) {
    return `0${mode.toString(8).padStart(3, '0')}`;
}


/***/ }),

/***/ 27462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ bucketPaths)
/* harmony export */ });
/* unused harmony export jobDir */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
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

/***/ 98063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BACKEND_KINDS: () => (/* reexport */ BACKEND_KINDS),
  DEFAULT_BRANCH: () => (/* reexport */ DEFAULT_BRANCH),
  StateError: () => (/* reexport */ StateError),
  artifactName: () => (/* reexport */ artifactName),
  cacheKey: () => (/* reexport */ cacheKey),
  cacheKeyPrefix: () => (/* reexport */ cacheKeyPrefix),
  createBackend: () => (/* reexport */ createBackend),
  isStateError: () => (/* reexport */ isStateError),
  localGeneration: () => (/* reexport */ localGeneration),
  packState: () => (/* reexport */ packState),
  readBundleHeader: () => (/* reexport */ readBundleHeader),
  restoreState: () => (/* reexport */ restoreState),
  saveState: () => (/* reexport */ saveState),
  setLocalGeneration: () => (/* reexport */ setLocalGeneration),
  unpackState: () => (/* reexport */ unpackState)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/state/errors.js
// StateError: a state restore/save that cannot go on. The message says what failed, where (bundle file,
// backend, branch) and what to do next; `kind` lets the Action layer classify it without reading text.

class StateError extends errors/* MaandError */.Ob {
    name = 'StateError';
    kind;
    constructor(kind, message, options) {
        super('state', message, undefined, { bare: true, ...(options?.cause !== undefined ? { cause: options.cause } : {}) });
        this.kind = kind;
    }
}
function isStateError(e, kind) {
    return e instanceof StateError && (kind === undefined || e.kind === kind);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./lib/state/bundle-format.js
// The bundle file: `MAANDSTB` magic, u16 format version, u32 header length, a JSON header, then the
// body (AES-256-GCM ciphertext + 16-byte tag, or plaintext). Everything before the body is the AAD, so
// the header (generation, bucket id, created-at, crypto parameters) cannot be changed undetected.


const MAGIC = Buffer.from('MAANDSTB', 'latin1');
const FORMAT_VERSION = 1;
const PREFIX_BYTES = MAGIC.length + 2 + 4;
const MAX_HEADER_BYTES = 64 * 1024;
/** The header bytes (the AAD); keys in a fixed order so equal headers give equal bytes. */
function encodeHeader(h) {
    const ordered = { generation: h.generation, bucketId: h.bucketId, createdAt: h.createdAt, cipher: h.cipher, compression: h.compression };
    if (h.kdf)
        ordered.kdf = { name: h.kdf.name, N: h.kdf.N, r: h.kdf.r, p: h.kdf.p, salt: h.kdf.salt };
    if (h.iv !== undefined)
        ordered.iv = h.iv;
    if (h.sha256 !== undefined)
        ordered.sha256 = h.sha256;
    const json = Buffer.from(JSON.stringify(ordered), 'utf8');
    const prefix = Buffer.alloc(PREFIX_BYTES);
    MAGIC.copy(prefix, 0);
    prefix.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
    prefix.writeUInt32BE(json.length, MAGIC.length + 2);
    return Buffer.concat([prefix, json]);
}
function parseBundle(file, bytes) {
    const { format, headerLength } = parsePrefix(file, bytes);
    const end = PREFIX_BYTES + headerLength;
    if (bytes.length < end)
        throw truncated(file);
    const header = parseHeader(file, bytes.subarray(PREFIX_BYTES, end));
    return { format, header, aad: bytes.subarray(0, end), body: bytes.subarray(end) };
}
/** Reads only the header (no key needed): what generation a backend holds, before a save. */
async function readBundleHeader(file) {
    const fh = await (0,promises_.open)(file, 'r').catch((e) => {
        throw new StateError('format', `state bundle ${file}: cannot read it (${e.message})`);
    });
    try {
        const { size } = await fh.stat();
        const prefix = Buffer.alloc(PREFIX_BYTES);
        const { bytesRead } = await fh.read(prefix, 0, PREFIX_BYTES, 0);
        const { format, headerLength } = parsePrefix(file, prefix.subarray(0, bytesRead));
        const json = Buffer.alloc(headerLength);
        const got = await fh.read(json, 0, headerLength, PREFIX_BYTES);
        if (got.bytesRead < headerLength)
            throw truncated(file);
        return metaOf(format, parseHeader(file, json), size);
    }
    finally {
        await fh.close();
    }
}
function metaOf(format, h, bytes) {
    return { format, generation: h.generation, bucketId: h.bucketId, createdAt: h.createdAt, encrypted: h.cipher !== 'none', bytes };
}
function parsePrefix(file, bytes) {
    if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
        if (bytes.length < MAGIC.length && MAGIC.subarray(0, bytes.length).equals(bytes))
            throw truncated(file);
        throw new StateError('format', `state bundle ${file}: not a maand state bundle (no MAANDSTB magic); check the backend holds maand state`);
    }
    if (bytes.length < PREFIX_BYTES)
        throw truncated(file);
    const format = bytes.readUInt16BE(MAGIC.length);
    if (format !== FORMAT_VERSION)
        throw new StateError('format', `state bundle ${file}: format version ${format} is not supported (this maand reads version ${FORMAT_VERSION}); upgrade maand`);
    const headerLength = bytes.readUInt32BE(MAGIC.length + 2);
    if (headerLength === 0 || headerLength > MAX_HEADER_BYTES)
        throw corrupted(file, `header length ${headerLength}`);
    return { format, headerLength };
}
function parseHeader(file, json) {
    let h;
    try {
        h = JSON.parse(json.toString('utf8'));
    }
    catch {
        throw corrupted(file, 'header is not JSON');
    }
    const bad = (field) => corrupted(file, `header field ${field}`);
    if (h === null || typeof h !== 'object')
        throw corrupted(file, 'header is not an object');
    if (!Number.isSafeInteger(h.generation) || h.generation < 1)
        throw bad('generation');
    if (typeof h.bucketId !== 'string' || h.bucketId === '')
        throw bad('bucketId');
    if (typeof h.createdAt !== 'string')
        throw bad('createdAt');
    if (h.compression !== 'deflate')
        throw bad('compression');
    if (h.cipher === 'aes-256-gcm') {
        const k = h.kdf;
        if (!k || k.name !== 'scrypt' || typeof k.salt !== 'string')
            throw bad('kdf');
        if (typeof h.iv !== 'string')
            throw bad('iv');
    }
    else if (h.cipher === 'none') {
        if (typeof h.sha256 !== 'string')
            throw bad('sha256');
    }
    else
        throw bad('cipher');
    return h;
}
function truncated(file) {
    return new StateError('format', `state bundle ${file}: truncated (the file ends inside its header); the upload or download was cut short, restore an intact bundle`);
}
function corrupted(file, what) {
    return new StateError('format', `state bundle ${file}: corrupted (${what}); restore an intact bundle`);
}

;// CONCATENATED MODULE: ./lib/state/bundle-crypto.js
// Sealing the bundle body: a 256-bit key from the state-key by scrypt (random salt per bundle), then
// AES-256-GCM with the header bytes as additional data. The scrypt cost read from a header must be one
// of the sets this maand writes: the header is only authenticated after the key is derived, so a forged
// header could otherwise ask for gigabytes of memory and minutes of CPU.


/** The scrypt costs this maand accepts; the first is the one it writes. Add a set here to change the cost. */
const SCRYPT_SETS = [{ N: 2 ** 15, r: 8, p: 1 }];
const TAG_BYTES = 16;
/** Fresh KDF parameters and nonce for one bundle. */
function newSealParams() {
    return {
        kdf: { name: 'scrypt', ...SCRYPT_SETS[0], salt: (0,external_node_crypto_.randomBytes)(16).toString('base64') },
        iv: (0,external_node_crypto_.randomBytes)(12).toString('base64'),
    };
}
async function seal(stateKey, header, aad, plain) {
    const key = await deriveKey(stateKey, header.kdf);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, Buffer.from(header.iv, 'base64'), { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
/** The plaintext, only once the tag verified; any mismatch is the one "authentication failed" error. */
async function unseal(file, stateKey, header, aad, body) {
    const kdf = header.kdf;
    const iv = Buffer.from(header.iv, 'base64');
    const salt = Buffer.from(kdf.salt, 'base64');
    if (!SCRYPT_SETS.some((s) => s.N === kdf.N && s.r === kdf.r && s.p === kdf.p))
        throw unknownCost(file, kdf);
    if (salt.length < 16 || iv.length !== 12 || body.length < TAG_BYTES)
        throw authFailed(file);
    const key = await deriveKey(stateKey, kdf);
    const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const out = decipher.update(body.subarray(0, body.length - TAG_BYTES));
    try {
        return Buffer.concat([out, decipher.final()]);
    }
    catch {
        throw authFailed(file);
    }
}
function authFailed(file) {
    return new StateError('auth', `state bundle ${file}: wrong state-key or corrupted (authentication failed); check that the state-key secret is the one the state was saved with`);
}
function unknownCost(file, kdf) {
    const known = SCRYPT_SETS.map((s) => `N=${s.N} r=${s.r} p=${s.p}`).join(', ');
    return new StateError('format', `state bundle ${file}: scrypt parameters N=${shown(kdf.N)} r=${shown(kdf.r)} p=${shown(kdf.p)} are not ones this maand writes (${known}); the bundle was not written by this maand: restore a bundle saved by it`);
}
/** A header value as text, bounded: the header is not authenticated yet. */
function shown(v) {
    return (JSON.stringify(v) ?? 'undefined').slice(0, 24);
}
function deriveKey(stateKey, kdf) {
    const salt = Buffer.from(kdf.salt, 'base64');
    const maxmem = 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024;
    return new Promise((resolve, reject) => {
        (0,external_node_crypto_.scrypt)(stateKey, salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
    });
}

;// CONCATENATED MODULE: ./lib/state/payload.js
// The bundle payload before compression and encryption: a sorted list of entries, each
// `u8 kind | u16 mode | u16 path length | path | (files) u64 size | bytes`. Only the catalog and the
// secrets folder may appear, so a bundle can never write outside them.


const DB_ENTRY = 'data/maand.db';
const SECRETS_ENTRY = 'secrets';
const KIND_FILE = 0;
const KIND_DIR = 1;
function encodePayload(entries) {
    const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const parts = [u32(sorted.length)];
    for (const e of sorted) {
        const path = Buffer.from(e.path, 'utf8');
        const head = Buffer.alloc(5);
        head.writeUInt8(e.kind === 'file' ? KIND_FILE : KIND_DIR, 0);
        head.writeUInt16BE(e.mode & 0o777, 1);
        head.writeUInt16BE(path.length, 3);
        parts.push(head, path);
        if (e.kind === 'file') {
            const size = Buffer.alloc(8);
            size.writeBigUInt64BE(BigInt(e.data.length));
            parts.push(size, e.data);
        }
    }
    return Buffer.concat(parts);
}
function decodePayload(file, buf) {
    const bad = (what) => corrupted(file, what);
    let at = 0;
    const need = (n) => {
        if (at + n > buf.length)
            throw bad('payload ends early');
    };
    need(4);
    const count = buf.readUInt32BE(at);
    at += 4;
    const entries = [];
    for (let i = 0; i < count; i++) {
        need(5);
        const kind = buf.readUInt8(at);
        const mode = buf.readUInt16BE(at + 1);
        const pathLength = buf.readUInt16BE(at + 3);
        at += 5;
        need(pathLength);
        const path = buf.subarray(at, at + pathLength).toString('utf8');
        at += pathLength;
        if (kind !== KIND_FILE && kind !== KIND_DIR)
            throw bad(`entry ${path} has kind ${kind}`);
        checkEntryPath(file, path, kind === KIND_DIR);
        if (entries.length > 0 && entries[entries.length - 1].path >= path)
            throw bad(`entries out of order at ${path}`);
        if (kind === KIND_DIR) {
            entries.push({ path, kind: 'dir', mode: mode & 0o777 });
            continue;
        }
        need(8);
        const size = Number(buf.readBigUInt64BE(at));
        at += 8;
        need(size);
        entries.push({ path, kind: 'file', mode: mode & 0o777, data: buf.subarray(at, at + size) });
        at += size;
    }
    if (at !== buf.length)
        throw bad('bytes after the last entry');
    return entries;
}
/** `data/maand.db`, `secrets` or a plain relative path under `secrets/`; nothing else. */
function checkEntryPath(file, path, isDir) {
    const segments = path.split('/');
    const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0'));
    const allowed = isDir ? path === SECRETS_ENTRY || path.startsWith(`${SECRETS_ENTRY}/`) : path === DB_ENTRY || path.startsWith(`${SECRETS_ENTRY}/`);
    if (!plain || !allowed)
        throw new StateError('format', `state bundle ${file}: entry ${JSON.stringify(path)} is outside data/maand.db and secrets/; refusing to restore it`);
}
function u32(n) {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(80099);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(27462);
;// CONCATENATED MODULE: ./lib/state/generation.js
// The generation the catalog last saw, kept in the free-form `hash` table (namespace `maand_state`,
// key `generation`, value in current_hash) so the schema does not change and old binaries ignore it.




const NS = 'maand_state';
const KEY = 'generation';
/** The generation recorded in the bucket's catalog; 0 when there is no catalog or no record. */
function localGeneration(bucketRoot) {
    return withCatalog(bucketRoot, (db) => readGeneration(db)) ?? 0;
}
/** Records `generation` in the bucket's catalog (after a successful save). */
function setLocalGeneration(bucketRoot, generation) {
    const done = withCatalog(bucketRoot, (db) => {
        writeGeneration(db, generation);
        return true;
    });
    if (!done)
        throw new StateError('config', `no catalog at ${(0,bucket_paths/* bucketPaths */.Z)(bucketRoot).db}: cannot record state generation ${generation}; run maand init first`);
}
/** The bucket id in the catalog, undefined when there is no catalog or no id yet. */
function localBucketId(bucketRoot) {
    return withCatalog(bucketRoot, (db) => readBucketId(db)) ?? undefined;
}
function readGeneration(db) {
    if (!hasTable(db, 'hash'))
        return 0;
    const row = db.prepare('SELECT current_hash FROM hash WHERE namespace = ? AND key = ?').get(NS, KEY);
    const n = Number(row?.current_hash ?? 0);
    return Number.isSafeInteger(n) && n > 0 ? n : 0;
}
function writeGeneration(db, generation) {
    if (!Number.isSafeInteger(generation) || generation < 1)
        throw new StateError('config', `state generation must be a positive integer, got ${generation}`);
    db.prepare('INSERT INTO hash (namespace, key, current_hash) VALUES (?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash').run(NS, KEY, String(generation));
}
function readBucketId(db) {
    if (!hasTable(db, 'bucket'))
        return undefined;
    const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get();
    return row?.bucket_id ?? undefined;
}
function hasTable(db, name) {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
/** Runs `fn` on the catalog with a 5 s busy timeout; undefined (fn not run) when there is no catalog. */
function withCatalog(bucketRoot, fn) {
    const file = (0,bucket_paths/* bucketPaths */.Z)(bucketRoot).db;
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    let db;
    try {
        db = new external_node_sqlite_.DatabaseSync(file, { timeout: 5000 });
    }
    catch (e) {
        throw new StateError('config', `catalog ${file}: ${e.message}`);
    }
    try {
        return fn(db);
    }
    catch (e) {
        if (e instanceof StateError)
            throw e;
        throw new StateError('config', `catalog ${file}: ${e.message}`, { cause: e });
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./lib/state/snapshot.js
// What goes into a bundle: a consistent copy of the catalog (VACUUM INTO, which reads through SQLite and
// so includes committed WAL content) stamped with the new generation, and every file under secrets/.







/** The catalog copy and the secrets of `bucketRoot`; `scratch` is a private directory for the copy. */
function snapshotBucket(bucketRoot, opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(bucketRoot);
    let dbMode;
    try {
        dbMode = (0,external_node_fs_.statSync)(paths.db).mode;
    }
    catch {
        throw new StateError('config', `no catalog at ${paths.db}: nothing to save; run maand init (or restore the state) first`);
    }
    const copy = (0,external_node_path_.join)(opts.scratch, 'maand.db');
    const live = new external_node_sqlite_.DatabaseSync(paths.db, { timeout: 5000 });
    try {
        const id = readBucketId(live);
        if (id !== undefined && id !== opts.bucketId)
            throw new StateError('generation', `catalog ${paths.db} belongs to bucket ${id}, not ${opts.bucketId}; pass the catalog's bucket id`);
        live.prepare('VACUUM INTO ?').run(copy);
    }
    finally {
        live.close();
    }
    const stamped = new external_node_sqlite_.DatabaseSync(copy);
    try {
        writeGeneration(stamped, opts.generation);
    }
    finally {
        stamped.close();
    }
    const entries = [{ path: DB_ENTRY, kind: 'file', mode: dbMode & 0o777, data: (0,external_node_fs_.readFileSync)(copy) }];
    collectSecrets(paths.secretsDir, SECRETS_ENTRY, entries);
    return entries;
}
function collectSecrets(dir, rel, out) {
    let st;
    try {
        st = (0,external_node_fs_.lstatSync)(dir);
    }
    catch {
        return; // a bucket without secrets/ still saves its catalog
    }
    if (!st.isDirectory())
        throw notRegular(dir);
    out.push({ path: rel, kind: 'dir', mode: st.mode & 0o777 });
    for (const name of (0,external_node_fs_.readdirSync)(dir).sort()) {
        const full = (0,external_node_path_.join)(dir, name);
        const s = (0,external_node_fs_.lstatSync)(full);
        if (s.isDirectory())
            collectSecrets(full, `${rel}/${name}`, out);
        else if (s.isFile())
            out.push({ path: `${rel}/${name}`, kind: 'file', mode: s.mode & 0o777, data: (0,external_node_fs_.readFileSync)(full) });
        else
            throw notRegular(full);
    }
}
function notRegular(path) {
    return new StateError('config', `${path} is not a regular file or directory (symlink, socket, …); the state bundle keeps only files and folders under secrets/, replace it with a copy`);
}

;// CONCATENATED MODULE: ./lib/state/pack.js
// packState: snapshot → payload → deflate → seal → one 0600 file in a private 0700 temp dir.











const deflate = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
async function packState(bucketRoot, opts) {
    const key = presentKey(opts.key);
    if (key === undefined && !opts.allowPlaintext)
        throw plaintextRefused();
    if (!Number.isSafeInteger(opts.generation) || opts.generation < 1)
        throw new StateError('config', `state generation must be a positive integer, got ${opts.generation}`);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'maand-state-'));
    try {
        (0,external_node_fs_.chmodSync)(dir, 0o700);
        const entries = snapshotBucket(bucketRoot, { generation: opts.generation, bucketId: opts.bucketId, scratch: dir });
        const compressed = await deflate(encodePayload(entries), { level: 6 });
        const base = { generation: opts.generation, bucketId: opts.bucketId, createdAt: (opts.now ?? new Date()).toISOString(), compression: 'deflate' };
        const header = key === undefined
            ? { ...base, cipher: 'none', sha256: (0,external_node_crypto_.createHash)('sha256').update(compressed).digest('hex') }
            : { ...base, cipher: 'aes-256-gcm', ...newSealParams() };
        const aad = encodeHeader(header);
        const body = key === undefined ? compressed : await seal(key, header, aad, compressed);
        const file = (0,external_node_path_.join)(dir, 'state.bundle');
        (0,external_node_fs_.writeFileSync)(file, Buffer.concat([aad, body]), { mode: 0o600, flag: 'wx' });
        (0,external_node_fs_.chmodSync)(file, 0o600);
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, 'maand.db'), { force: true });
        return { file, meta: metaOf(FORMAT_VERSION, header, aad.length + body.length) };
    }
    catch (e) {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        throw e;
    }
}
/** A usable state-key, or undefined (GitHub passes '' for an unset secret). */
function presentKey(key) {
    return key === undefined || key === '' ? undefined : key;
}
function plaintextRefused(where = 'a state bundle') {
    return new StateError('key', `state-key is not set: refusing to write the bucket secrets (CA key, KV key) into ${where} in clear; ` +
        `add a repository secret (e.g. from 'openssl rand -base64 32') and pass it as the state-key input`);
}

// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
// EXTERNAL MODULE: ./lib/bucket/identifiers.js
var identifiers = __webpack_require__(12818);
;// CONCATENATED MODULE: ./lib/state/open-bundle.js
// Reading a bundle fully into memory and verifying it (tag or checksum, then structure) before any
// byte of it is written into a bucket.









const inflate = (0,external_node_util_.promisify)(external_node_zlib_.inflateRaw);
async function openBundle(file, key) {
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(file);
    }
    catch (e) {
        throw new StateError('format', `state bundle ${file}: cannot read it (${e.message})`);
    }
    const { format, header, aad, body } = parseBundle(file, bytes);
    const stateKey = presentKey(key);
    let compressed;
    if (header.cipher === 'none') {
        if (stateKey !== undefined)
            throw new StateError('key', `state bundle ${file} is not encrypted, but a state-key is set: refusing an unauthenticated bundle; restore it once without the state-key, then save it again with the key`);
        if ((0,external_node_crypto_.createHash)('sha256').update(body).digest('hex') !== header.sha256)
            throw corrupted(file, 'checksum mismatch');
        compressed = body;
    }
    else {
        if (stateKey === undefined)
            throw new StateError('key', `state bundle ${file} is encrypted: pass the state-key secret it was saved with as the state-key input`);
        compressed = await unseal(file, stateKey, header, aad, body);
    }
    let payload;
    try {
        payload = await inflate(compressed);
    }
    catch {
        throw corrupted(file, 'payload does not inflate');
    }
    const entries = decodePayload(file, payload);
    if (!entries.some((e) => e.path === DB_ENTRY && e.kind === 'file'))
        throw corrupted(file, `no ${DB_ENTRY} entry`);
    return { meta: metaOf(format, header, bytes.length), entries };
}

;// CONCATENATED MODULE: ./lib/state/unpack.js
// unpackState: verify the whole bundle, refuse a rollback or another bucket's state, then stage the
// files next to the bucket (same filesystem) and move them into place with renames.











async function unpackState(file, bucketRoot, opts) {
    const { meta, entries } = await openBundle(file, opts.key);
    checkAgainstLocal(file, bucketRoot, meta);
    install(file, bucketRoot, entries, meta);
    return meta;
}
function checkAgainstLocal(file, bucketRoot, meta) {
    const db = (0,bucket_paths/* bucketPaths */.Z)(bucketRoot).db;
    const local = localGeneration(bucketRoot);
    if (meta.generation < local)
        throw new StateError('generation', `state bundle ${file} holds generation ${meta.generation}, older than generation ${local} that the catalog ${db} already saw; ` +
            `refusing to roll the catalog back: restore the newer state, or delete ${db} to accept generation ${meta.generation}`);
    const localId = localBucketId(bucketRoot);
    if (localId !== undefined && localId !== meta.bucketId)
        throw new StateError('generation', `state bundle ${file} belongs to bucket ${meta.bucketId}, but the catalog ${db} is bucket ${localId}; ` +
            `refusing to replace another bucket's catalog: check the state name, or delete ${db} to take the saved bucket`);
}
function install(file, bucketRoot, entries, meta) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(bucketRoot);
    (0,external_node_fs_.mkdirSync)(bucketRoot, { recursive: true });
    const stage = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(bucketRoot, '.maand-restore-'));
    try {
        (0,external_node_fs_.chmodSync)(stage, 0o700);
        for (const e of entries)
            stageEntry(stage, e);
        verifyStagedDb(file, (0,external_node_path_.join)(stage, DB_ENTRY), meta);
        const stagedSecrets = (0,external_node_path_.join)(stage, SECRETS_ENTRY);
        (0,external_node_fs_.mkdirSync)(paths.dataDir, { recursive: true, mode: modes/* PRIVATE_DIR */.A9 });
        // A WAL left by the catalog being replaced would be replayed onto the new one.
        (0,external_node_fs_.rmSync)(`${paths.db}-wal`, { force: true });
        (0,external_node_fs_.rmSync)(`${paths.db}-shm`, { force: true });
        (0,external_node_fs_.chmodSync)((0,external_node_path_.join)(stage, DB_ENTRY), modes/* PRIVATE_FILE */.rQ); // owner-only whatever mode it was saved with
        (0,external_node_fs_.renameSync)((0,external_node_path_.join)(stage, DB_ENTRY), paths.db);
        if ((0,external_node_fs_.existsSync)(stagedSecrets)) {
            if ((0,external_node_fs_.existsSync)(paths.secretsDir))
                (0,external_node_fs_.renameSync)(paths.secretsDir, (0,external_node_path_.join)(stage, 'secrets.replaced'));
            (0,external_node_fs_.renameSync)(stagedSecrets, paths.secretsDir);
        }
    }
    catch (e) {
        if (e instanceof StateError)
            throw e;
        throw new StateError('config', `restoring state bundle ${file} into ${bucketRoot}: ${e.message}`, { cause: e });
    }
    finally {
        (0,external_node_fs_.rmSync)(stage, { recursive: true, force: true });
    }
}
function stageEntry(stage, e) {
    const target = (0,external_node_path_.join)(stage, e.path);
    if (e.kind === 'dir') {
        (0,external_node_fs_.mkdirSync)(target, { recursive: true, mode: 0o700 });
        (0,external_node_fs_.chmodSync)(target, 0o700); // secret folders are owner-only whatever the bundle says
        return;
    }
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true, mode: 0o700 });
    (0,external_node_fs_.writeFileSync)(target, e.data, { mode: 0o600, flag: 'wx' });
    (0,external_node_fs_.chmodSync)(target, e.mode);
}
/** The catalog inside must open and carry the header's generation and bucket id. */
function verifyStagedDb(file, staged, meta) {
    let generation;
    let bucketId;
    try {
        const db = new external_node_sqlite_.DatabaseSync(staged, { readOnly: true });
        try {
            generation = readGeneration(db);
            bucketId = readBucketId(db);
        }
        finally {
            db.close();
        }
    }
    catch (e) {
        throw corrupted(file, `catalog does not open: ${e.message}`);
    }
    if (bucketId !== undefined && !(0,identifiers/* isBucketId */.G1)(bucketId))
        throw corrupted(file, `catalog bucket id ${JSON.stringify(bucketId ?? '')} is not a UUID`);
    if (generation !== meta.generation || bucketId !== meta.bucketId)
        throw corrupted(file, `catalog holds generation ${generation} of bucket ${bucketId ?? '(none)'}, header says ${meta.generation} of ${meta.bucketId}`);
}

;// CONCATENATED MODULE: ./lib/state/types.js
// The shapes shared by the bundle code, the backends and the Action layer.
const BACKEND_KINDS = ['artifact', 'branch', 'cache', 'none'];

;// CONCATENATED MODULE: ./lib/state/backends/artifact-list.js
// Finding the newest state artifact of a repository through the REST API (`GET
// /repos/{owner}/{repo}/actions/artifacts?name=`, newest first). Artifacts of fork pull requests and
// expired ones are skipped: a fork could otherwise plant the "newest" state.


async function newestArtifact(opts) {
    const url = `${opts.apiUrl.replace(/\/+$/, '')}/repos/${opts.repository}/actions/artifacts?name=${encodeURIComponent(opts.name)}&per_page=100`;
    let body;
    try {
        const res = await fetch(url, {
            headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${opts.token}`, 'x-github-api-version': '2022-11-28' },
        });
        if (!res.ok)
            throw new Error(`HTTP ${res.status} ${res.statusText}`);
        body = (await res.json());
    }
    catch (e) {
        throw new StateError('backend', `state artifact ${opts.name}: listing the artifacts of ${opts.repository} failed: ${(0,errors/* errorText */.kc)(e)}; check that the token has actions: read`, { cause: e });
    }
    const candidates = (body.artifacts ?? [])
        .filter((a) => a.name === opts.name && !a.expired && a.created_at !== null && typeof a.workflow_run?.id === 'number')
        .filter((a) => a.workflow_run.head_repository_id === undefined || a.workflow_run.head_repository_id === a.workflow_run.repository_id)
        .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id));
    const a = candidates[0];
    return a === undefined ? undefined : { id: a.id, runId: a.workflow_run.id, createdAt: a.created_at };
}

;// CONCATENATED MODULE: ./lib/state/backends/files.js
// Small file moves shared by the backends.

/** Moves `from` to `to` (copy + remove when they are on different filesystems); returns the size. */
function moveFile(from, to) {
    try {
        (0,external_node_fs_.renameSync)(from, to);
    }
    catch (e) {
        if (e.code !== 'EXDEV')
            throw e;
        (0,external_node_fs_.copyFileSync)(from, to);
        (0,external_node_fs_.rmSync)(from, { force: true });
    }
    (0,external_node_fs_.chmodSync)(to, 0o600);
    return (0,external_node_fs_.statSync)(to).size;
}
/** Copies `from` to `to` as an owner-only file. */
function copyPrivate(from, to) {
    (0,external_node_fs_.copyFileSync)(from, to);
    (0,external_node_fs_.chmodSync)(to, 0o600);
    return (0,external_node_fs_.statSync)(to).size;
}

;// CONCATENATED MODULE: ./lib/state/backends/artifact.js
// The `artifact` backend, through @actions/artifact: each run uploads `maand-state-<name>` holding
// `<name>.bundle`; a restore downloads the newest artifact of that name in the repository, whichever
// workflow uploaded it (deploy and drift-correct runs share one state).






const DEFAULT_API_URL = 'https://api.github.com';
function artifactName(name) {
    return `maand-state-${name}`;
}
function artifactBackend(opts) {
    const name = artifactName(opts.name);
    const fileName = `${opts.name}.bundle`;
    const lib = async () => new (await Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935))).DefaultArtifactClient();
    const scratch = () => (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(opts.tempDir, 'artifact-'));
    return {
        name: 'artifact',
        async restore(dest) {
            const { owner, repo, token } = repository(opts, name);
            const found = await newestArtifact({ apiUrl: opts.apiUrl ?? DEFAULT_API_URL, repository: `${owner}/${repo}`, token, name });
            if (found === undefined)
                return undefined;
            const dir = scratch();
            try {
                try {
                    await (await lib()).downloadArtifact(found.id, { path: dir, findBy: { token, workflowRunId: found.runId, repositoryOwner: owner, repositoryName: repo } });
                }
                catch (e) {
                    throw new StateError('backend', `state artifact ${name} (id ${found.id}, run ${found.runId}): download failed: ${(0,errors/* errorText */.kc)(e)}; re-run this workflow`, { cause: e });
                }
                const got = (0,external_node_path_.join)(dir, fileName);
                if (!(0,external_node_fs_.existsSync)(got))
                    throw new StateError('backend', `state artifact ${name} (id ${found.id}, run ${found.runId}) has no ${fileName}; it was not uploaded by maand`);
                return { file: dest, bytes: moveFile(got, dest), source: `artifact ${found.id} (run ${found.runId})` };
            }
            finally {
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            }
        },
        async save(file, meta) {
            const dir = scratch();
            try {
                const staged = (0,external_node_path_.join)(dir, fileName);
                copyPrivate(file, staged);
                // The bundle is encrypted, so compressing the zip would only cost time.
                const res = await (await lib()).uploadArtifact(name, [staged], dir, { compressionLevel: 0 }).catch((e) => {
                    throw new StateError('backend', `state artifact ${name}: upload failed: ${(0,errors/* errorText */.kc)(e)}; the state of generation ${meta.generation} was not saved, re-run this workflow`, { cause: e });
                });
                return { bytes: meta.bytes, location: `artifact ${name}${res.id === undefined ? '' : ` (id ${res.id})`}` };
            }
            finally {
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            }
        },
    };
}
function repository(opts, name) {
    const [owner, repo, extra] = (opts.repository ?? '').split('/');
    if (!owner || !repo || extra !== undefined)
        throw new StateError('config', `state artifact ${name}: the repository (owner/repo) is required to find earlier runs' artifacts`);
    if (!opts.token)
        throw new StateError('config', `state artifact ${name}: a token with actions: read is required to download earlier runs' artifacts`);
    return { owner, repo, token: opts.token };
}

// EXTERNAL MODULE: ./node_modules/simple-git/dist/index.mjs + 2 modules
var dist = __webpack_require__(74724);
;// CONCATENATED MODULE: ./lib/state/backends/git.js
// Git plumbing for the branch backend, through simple-git. Nothing here touches HEAD, the index or the
// working tree of the repository it runs in: objects are written with hash-object/mktree/commit-tree
// and the branch is only moved on the remote, by a plain (fast-forward only) push.

const IDENTITY = ['user.name=maand', 'user.email=maand@localhost'];
class StateGit {
    dir;
    git;
    constructor(dir) {
        this.dir = dir;
        this.git = (0,dist/* simpleGit */.Lp)({ baseDir: dir, config: IDENTITY });
    }
    async initBare() {
        await this.git.raw(['init', '--bare', '--quiet']);
    }
    /** The commit `refs/heads/<branch>` points at on the remote, undefined when the branch does not exist. */
    async remoteTip(remote, branch) {
        const out = await this.git.raw(['ls-remote', remote, `refs/heads/${branch}`]);
        const line = out.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
        return line?.split('\t')[0];
    }
    /**
     * Fetches the branch tip into FETCH_HEAD. `shallow` fetches the tip commit only (the branch history
     * grows with every save); it is used in scratch and already-shallow repositories, never to turn a
     * full clone into a shallow one.
     */
    async fetchTip(remote, branch, shallow) {
        await this.git.raw(['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), remote, `refs/heads/${branch}`]);
        return (await this.git.raw(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'])).trim();
    }
    async isShallow() {
        return (await this.git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** The bytes of `path` in `commit`, undefined when the commit has no such file. */
    async readFile(commit, path) {
        const listed = await this.git.raw(['ls-tree', commit, '--', path]);
        if (listed.trim() === '')
            return undefined;
        return (await this.git.binaryCatFile(['blob', `${commit}:${path}`]));
    }
    /** The commit's top-level entries as `ls-tree -z` records: `<mode> <type> <id>\t<name>`. */
    async treeEntries(commit) {
        return (await this.git.raw(['ls-tree', '-z', commit])).split('\0').filter((l) => l !== '');
    }
    async writeBlob(file) {
        return (await this.git.raw(['hash-object', '-w', '--', file])).trim();
    }
    async writeBlobText(text) {
        return (await withInput(this.dir, text).raw(['hash-object', '-w', '--stdin'])).trim();
    }
    /** A tree from `ls-tree -z` records (mktree sorts them). */
    async writeTree(entries) {
        return (await withInput(this.dir, entries.map((e) => `${e}\0`).join('')).raw(['mktree', '-z'])).trim();
    }
    async commitTree(tree, parent, message) {
        const args = ['commit-tree', tree, ...(parent === undefined ? [] : ['-p', parent]), '-m', message];
        return (await this.git.raw(args)).trim();
    }
    /** A plain push: the remote refuses it unless it fast-forwards, which is the compare-and-swap. */
    async push(remote, commit, branch) {
        await this.git.raw(['push', '--quiet', remote, `${commit}:refs/heads/${branch}`]);
    }
}
/** A one-off simple-git whose commands read `input` on stdin (mktree, hash-object --stdin). */
function withInput(dir, input) {
    return (0,dist/* simpleGit */.Lp)({ baseDir: dir, config: IDENTITY, input: () => input });
}

;// CONCATENATED MODULE: ./lib/state/backends/branch.js
// The `branch` backend: `<name>.bundle` and `<name>.json` (generation, bucket id, created-at; no secrets)
// on an orphan branch. A save commits on top of the tip it just checked and pushes without force, so a
// run that saved in between makes the push fail instead of being overwritten (compare-and-swap).





const DEFAULT_BRANCH = 'maand-state';
const PUSH_ATTEMPTS = 3;
/** `hooks.beforePush` runs between the tip check and the push (tests use it to race another save). */
function branchBackend(opts, hooks = {}) {
    const branch = opts.branch ?? DEFAULT_BRANCH;
    if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(branch) || branch.includes('..') || branch.startsWith('-') || branch.endsWith('.lock'))
        throw new StateError('config', `state branch ${JSON.stringify(branch)} is not a valid branch name; use letters, digits, '.', '_', '-' and '/'`);
    const bundlePath = `${opts.name}.bundle`;
    const metaPath = `${opts.name}.json`;
    const where = `state branch ${branch}`;
    let opened;
    const git = async (what, fn) => {
        try {
            return await fn();
        }
        catch (e) {
            if (e instanceof StateError)
                throw e;
            throw new StateError('backend', `${where}: git ${what} failed: ${(0,errors/* errorText */.kc)(e).trim()}; check the remote and that the token may read and push it (contents: write)`, { cause: e });
        }
    };
    const repo = () => git('rev-parse', () => (opened ??= openRepo(opts)));
    /** The generation and bucket id `<name>.json` records at `commit`; undefined when the name has none. */
    const infoAt = async (r, commit) => {
        const raw = await git('show', () => r.git.readFile(commit, metaPath));
        if (raw === undefined)
            return undefined;
        let info = {};
        try {
            info = JSON.parse(raw.toString('utf8'));
        }
        catch {
            /* reported below */
        }
        if (typeof info.generation !== 'number' || typeof info.bucketId !== 'string')
            throw new StateError('backend', `${where}: ${metaPath} at ${commit.slice(0, 12)} has no generation or bucket id; repair or delete the branch`);
        return { generation: info.generation, bucketId: info.bucketId };
    };
    const moved = (n) => new StateError('lost-update', `${where} moved: another run saved generation ${n} first; re-run this workflow`);
    return {
        name: 'branch',
        checksGeneration: true,
        async restore(dest) {
            const r = await repo();
            const tip = await git('ls-remote', () => r.git.remoteTip(r.remote, branch));
            if (tip === undefined)
                return undefined;
            const commit = await git('fetch', () => r.git.fetchTip(r.remote, branch, r.shallow));
            const bytes = await git('show', () => r.git.readFile(commit, bundlePath));
            if (bytes === undefined)
                return undefined;
            (0,external_node_fs_.writeFileSync)(dest, bytes, { mode: 0o600 });
            return { file: dest, bytes: bytes.length, source: `branch ${branch}@${commit.slice(0, 12)}` };
        },
        async save(file, meta) {
            const r = await repo();
            const tip = await git('ls-remote', () => r.git.remoteTip(r.remote, branch));
            let parent; // the commit this save must fast-forward from
            let kept = [];
            if (tip !== undefined) {
                parent = await git('fetch', () => r.git.fetchTip(r.remote, branch, r.shallow));
                const theirs = await infoAt(r, parent);
                if (theirs !== undefined && theirs.generation >= meta.generation)
                    throw moved(theirs.generation);
                if (theirs !== undefined && theirs.bucketId !== meta.bucketId)
                    throw new StateError('generation', `${where}: ${metaPath} belongs to bucket ${theirs.bucketId}, not to this catalog's bucket ${meta.bucketId}; refusing to replace another bucket's state: check the state name`);
                const mine = new Set([bundlePath, metaPath]);
                kept = (await git('ls-tree', () => r.git.treeEntries(parent))).filter((e) => !mine.has(e.slice(e.indexOf('\t') + 1)));
            }
            const info = `${JSON.stringify({ bucketId: meta.bucketId, createdAt: meta.createdAt, format: meta.format, generation: meta.generation }, null, 2)}\n`;
            const commit = await git('commit', async () => {
                const bundleBlob = await r.git.writeBlob(file);
                const infoBlob = await r.git.writeBlobText(info);
                const tree = await r.git.writeTree([...kept, `100644 blob ${bundleBlob}\t${bundlePath}`, `100644 blob ${infoBlob}\t${metaPath}`]);
                const message = `maand state ${opts.name}: generation ${meta.generation}\n\nbucket ${meta.bucketId}\nrun ${opts.runId} attempt ${opts.runAttempt}\n`;
                return r.git.commitTree(tree, parent, message);
            });
            await hooks.beforePush?.();
            // A push that fails while the tip moved lost the race; one that fails while it did not may have hit
            // the other push's ref lock, so it is retried (still fast-forward only) before it counts as an error.
            for (let attempt = 1;; attempt++) {
                try {
                    await r.git.push(r.remote, commit, branch);
                    break;
                }
                catch (e) {
                    const now = await r.git.remoteTip(r.remote, branch).catch(() => parent);
                    if (now !== undefined && now !== parent) {
                        const winner = await git('fetch', () => r.git.fetchTip(r.remote, branch, r.shallow));
                        throw moved((await infoAt(r, winner))?.generation ?? '(unknown)');
                    }
                    if (attempt === PUSH_ATTEMPTS)
                        throw new StateError('backend', `${where}: git push failed: ${(0,errors/* errorText */.kc)(e).trim()}; check that the token may push to the repository (contents: write)`, { cause: e });
                    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
                }
            }
            return { bytes: meta.bytes, location: `branch ${branch}@${commit.slice(0, 12)}` };
        },
    };
}
async function openRepo(opts) {
    if (opts.gitCwd !== undefined) {
        const git = new StateGit(opts.gitCwd);
        return { git, remote: opts.gitRemote ?? 'origin', shallow: await git.isShallow() };
    }
    if (opts.gitRemote !== undefined) {
        const git = new StateGit((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(opts.tempDir, 'state-git-')));
        await git.initBare();
        return { git, remote: opts.gitRemote, shallow: true };
    }
    throw new StateError('config', 'state backend branch needs a repository: pass git-remote (a URL) or the checkout directory (git-cwd) with its remote name');
}

;// CONCATENATED MODULE: ./lib/state/backends/cache.js
// The `cache` backend, through @actions/cache. Cache entries are immutable, so each run saves under its
// own key `maand-state-<name>-<run_id>-<attempt>` and a restore takes the newest entry with the prefix
// `maand-state-<name>-`. The library reads its service address and token from the runner environment
// and archives paths relative to the working directory: the bundle passes through
// `.maand-state/<name>.bundle` there (a fixed relative path, so every run computes the same cache version).





const STAGING_DIR = '.maand-state';
function cacheKeyPrefix(name) {
    return `maand-state-${name}-`;
}
function cacheKey(opts) {
    return `${cacheKeyPrefix(opts.name)}${opts.runId}-${opts.runAttempt}`;
}
function cacheBackend(opts) {
    const prefix = cacheKeyPrefix(opts.name);
    const key = cacheKey(opts);
    const rel = `${STAGING_DIR}/${opts.name}.bundle`;
    const staged = () => (0,external_node_path_.join)(process.cwd(), rel);
    const cleanup = () => {
        (0,external_node_fs_.rmSync)(staged(), { force: true });
        try {
            (0,external_node_fs_.rmdirSync)((0,external_node_path_.join)(process.cwd(), STAGING_DIR)); // only when empty: another name may be mid-save
        }
        catch {
            /* not empty or already gone */
        }
    };
    const lib = () => Promise.all(/* import() */[__webpack_require__.e(110), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
    return {
        name: 'cache',
        async restore(dest) {
            const cache = await lib();
            cleanup();
            let hit;
            let failure;
            try {
                // restoreCache reports a failed lookup or download only as a `Failed to restore` warning and
                // then answers "no cache"; for the state that would start a new bucket, so watch for it.
                ({ value: hit, failure } = await watchRestoreFailure(() => cache.restoreCache([rel], key, [prefix])));
            }
            catch (e) {
                throw new StateError('backend', `state cache ${prefix}*: restore failed: ${(0,errors/* errorText */.kc)(e)}; check the cache service, then re-run this workflow`, { cause: e });
            }
            if (failure !== undefined)
                throw new StateError('backend', `state cache ${prefix}*: restore failed: ${failure}; check the cache service, then re-run this workflow (nothing was changed)`);
            if (hit === undefined)
                return undefined;
            try {
                if (!(0,external_node_fs_.existsSync)(staged()))
                    throw new StateError('backend', `state cache ${hit}: restored, but ${staged()} is missing; run the action from the workspace directory (GITHUB_WORKSPACE)`);
                const bytes = moveFile(staged(), dest);
                return { file: dest, bytes, source: `cache ${hit}` };
            }
            finally {
                cleanup();
            }
        },
        async save(file, meta) {
            const cache = await lib();
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(process.cwd(), STAGING_DIR), { recursive: true, mode: 0o700 });
            const bytes = copyPrivate(file, staged());
            let id;
            try {
                id = await cache.saveCache([rel], key);
            }
            catch (e) {
                throw new StateError('backend', `state cache ${key}: save failed: ${(0,errors/* errorText */.kc)(e)}; the state of generation ${meta.generation} was not saved`, { cause: e });
            }
            finally {
                cleanup();
            }
            // saveCache reports most failures as a warning and -1; for the state that is an error.
            if (id === -1)
                throw new StateError('backend', `state cache ${key}: save failed (see the cache warning above); the state of generation ${meta.generation} was not saved, re-run this workflow`);
            return { bytes, location: `cache ${key}` };
        },
    };
}
/** Runs `fn` while recording a `Failed to restore: …` workflow command written to stdout. */
async function watchRestoreFailure(fn) {
    let failure;
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const m = /::(?:warning|error)[^:]*::Failed to restore: (.*)/.exec(text);
        if (m)
            failure ??= m[1].trim();
        return original(chunk, ...rest);
    });
    try {
        return { value: await fn(), failure };
    }
    finally {
        process.stdout.write = original;
    }
}

;// CONCATENATED MODULE: ./lib/state/backends/none.js
function noneBackend() {
    return {
        name: 'none',
        async restore() {
            return undefined;
        },
        async save() {
            return { bytes: 0, location: 'none (not saved)' };
        },
    };
}

;// CONCATENATED MODULE: ./lib/state/backends/index.js
// createBackend: one StateBackend per kind, behind the same interface.






const NAME = /^[A-Za-z0-9._-]{1,100}$/;
function createBackend(kind, opts) {
    if (!BACKEND_KINDS.includes(kind))
        throw new StateError('config', `state backend ${JSON.stringify(kind)} is not one of ${BACKEND_KINDS.join(', ')}`);
    if (!NAME.test(opts.name) || opts.name.startsWith('.'))
        throw new StateError('config', `state name ${JSON.stringify(opts.name)} is not valid: use 1-100 letters, digits, '.', '_' or '-' (not starting with '.')`);
    switch (kind) {
        case 'cache':
            return cacheBackend(opts);
        case 'artifact':
            return artifactBackend(opts);
        case 'branch':
            return branchBackend(opts);
        case 'none':
            return noneBackend();
    }
}

;// CONCATENATED MODULE: ./lib/state/run.js
// restoreState / saveState: a backend plus pack/unpack plus the generation checks, as the Action runs
// them (restore before anything touches the catalog; save in the post step, also after a failure).









async function restoreState(opts) {
    const start = performance.now();
    const { backend } = opts;
    const dir = privateDir();
    try {
        const found = await backend.restore((0,external_node_path_.join)(dir, 'restore.bundle'));
        if (found === undefined) {
            const generation = localGeneration(opts.bucketRoot);
            return { restored: false, generation, backend: backend.name, bytes: 0, durationMs: since(start), bucketId: localBucketId(opts.bucketRoot) };
        }
        const meta = await unpackState(found.file, opts.bucketRoot, { key: opts.key });
        return { restored: true, generation: meta.generation, backend: backend.name, bytes: found.bytes, durationMs: since(start), source: found.source, bucketId: meta.bucketId };
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * Packs the catalog as generation local+1 and saves it, after checking that the backend's newest bundle
 * is not newer than the generation this catalog came from (another run saved in between). On success
 * the catalog records the new generation, so a later save in the same run goes on from there.
 */
async function saveState(opts) {
    const start = performance.now();
    const { backend, bucketRoot } = opts;
    const base = localGeneration(bucketRoot);
    const skip = (reason) => ({ saved: false, generation: base, backend: backend.name, bytes: 0, durationMs: since(start), reason });
    if (backend.name === 'none')
        return skip('state backend is none');
    if (!(0,external_node_fs_.existsSync)((0,bucket_paths/* bucketPaths */.Z)(bucketRoot).db))
        return skip(`no catalog at ${(0,bucket_paths/* bucketPaths */.Z)(bucketRoot).db}`);
    if (presentKey(opts.key) === undefined)
        throw plaintextRefused(`the ${backend.name} state backend`);
    const bucketId = localBucketId(bucketRoot);
    if (bucketId === undefined)
        return skip(`catalog ${(0,bucket_paths/* bucketPaths */.Z)(bucketRoot).db} has no bucket id`);
    if (!backend.checksGeneration)
        await checkNewest(backend, base, bucketId);
    const packed = await packState(bucketRoot, { key: opts.key, generation: base + 1, bucketId });
    try {
        const saved = await backend.save(packed.file, packed.meta);
        setLocalGeneration(bucketRoot, packed.meta.generation);
        return { saved: true, generation: packed.meta.generation, backend: backend.name, bytes: saved.bytes, durationMs: since(start), location: saved.location, bucketId };
    }
    finally {
        (0,external_node_fs_.rmSync)((0,external_node_path_.dirname)(packed.file), { recursive: true, force: true });
    }
}
/** Refuses a save over a newer generation, or over another bucket's state. */
async function checkNewest(backend, base, bucketId) {
    const dir = privateDir();
    try {
        const newest = await backend.restore((0,external_node_path_.join)(dir, 'newest.bundle'));
        if (newest === undefined)
            return;
        const meta = await readBundleHeader(newest.file);
        if (meta.generation > base)
            throw new StateError('lost-update', `state ${newest.source} moved: another run saved generation ${meta.generation} first (this run started from generation ${base}); re-run this workflow`);
        if (meta.bucketId !== bucketId)
            throw new StateError('generation', `state ${newest.source} belongs to bucket ${meta.bucketId}, not to this catalog's bucket ${bucketId}; refusing to replace another bucket's state: check the state name`);
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
function privateDir() {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'maand-state-'));
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    return dir;
}
function since(start) {
    return Math.round(performance.now() - start);
}

;// CONCATENATED MODULE: ./lib/state/index.js
// The state bundle (issue 7): the bucket's catalog and secrets, packed into one encrypted file, saved to
// and restored from a cache, an artifact or a git branch between workflow runs.













/***/ })

};
