export const id = 308;
export const ids = [308];
export const modules = {

/***/ 7910:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Um: () => (/* binding */ storedVersion),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   ch: () => (/* binding */ normalizedVersion),
/* harmony export */   ot: () => (/* binding */ parseVersion),
/* harmony export */   qh: () => (/* binding */ formatVersion)
/* harmony export */ });
/* unused harmony export VersionError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8462);
// Job versions (§5.3): the stored raw text, the normalized deploy version, the parsed form.


function storedVersion(raw) {
    return raw === undefined || raw === '' ? 'unknown' : raw;
}
function normalizedVersion(raw) {
    const t = (raw ?? '').trim();
    return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}
class VersionError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
    name = 'VersionError';
    constructor(message) {
        super('invalid version', message, undefined, { bare: true });
    }
}
function parseVersion(raw) {
    let s = raw.trim();
    if (s === '')
        throw new VersionError('version is empty');
    if (s.toLowerCase() === 'unknown')
        throw new VersionError(`version ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(raw)} is not allowed`);
    if (s.startsWith('v'))
        s = s.slice(1);
    if (s.startsWith('V'))
        s = s.slice(1);
    let core = s;
    let prerelease = '';
    const dash = s.indexOf('-');
    if (dash >= 0) {
        core = s.slice(0, dash);
        prerelease = s.slice(dash + 1).trim();
        if (prerelease === '')
            throw new VersionError('empty prerelease suffix');
    }
    const parts = core.split('.');
    if (parts.length < 1 || parts.length > 3)
        throw new VersionError(`${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)}`);
    const nums = parts.map((p) => {
        const t = p.trim();
        if (t === '')
            throw new VersionError(`empty segment in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)}`);
        if (!/^\+?\d+$/.test(t))
            throw new VersionError(`invalid segment ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(t)} in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)}`);
        const n = Number(t.replace('+', ''));
        // Go's Atoi fails past int64; here past 2^53, where a segment would no longer compare exactly
        if (!Number.isSafeInteger(n))
            throw new VersionError(`segment ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(t)} in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)} is out of range`);
        return n;
    });
    return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0, prerelease };
}
function formatVersion(v) {
    return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;
}
function compareVersions(a, b) {
    for (const k of ['major', 'minor', 'patch'])
        if (a[k] !== b[k])
            return a[k] < b[k] ? -1 : 1;
    if (a.prerelease === b.prerelease)
        return 0;
    if (a.prerelease === '')
        return 1;
    if (b.prerelease === '')
        return -1;
    return a.prerelease < b.prerelease ? -1 : 1;
}


/***/ }),

/***/ 1308:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  catDeploymentsCommand: () => (/* binding */ catDeploymentsCommand),
  catKvCommand: () => (/* binding */ catKvCommand),
  catKvGetCommand: () => (/* binding */ catKvGetCommand),
  catViewCommand: () => (/* binding */ catViewCommand)
});

// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/kv/index.js + 13 modules
var kv = __webpack_require__(1683);
;// CONCATENATED MODULE: ./lib/cat/kv.js
// `maand cat kv` (the cat_kv view, filtered) and `maand cat kv get` (one value, secrets on request).


const COLUMNS = ['namespace', 'key', 'value', 'version', 'ttl', 'created_date', 'deleted'];
function catKv(db, opts) {
    if (opts.active && opts.deleted)
        throw new errors/* MaandError */.Ob('invalid argument', '--active and --deleted cannot be used together');
    const where = [];
    const args = [];
    if (opts.jobs && opts.jobs.length > 0) {
        const namespaces = [...new Set(opts.jobs.flatMap((j) => (0,kv/* jobNamespaces */.O8)(db, j)))].sort();
        if (namespaces.length === 0)
            throw new errors/* MaandError */.Ob('invalid argument', `KV namespaces not found for jobs ${opts.jobs.join(',')} (the jobs have no active or disabled allocation)`);
        where.push(`namespace IN (${namespaces.map(() => '?').join(', ')})`);
        args.push(...namespaces);
    }
    if (opts.namespace) {
        where.push('namespace = ?');
        args.push(opts.namespace);
    }
    if (opts.active)
        where.push('deleted = 0');
    if (opts.deleted)
        where.push('deleted = 1');
    const sql = `SELECT ${COLUMNS.join(', ')} FROM cat_kv${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const rows = db.prepare(sql).all(...args);
    if (rows.length === 0)
        throw new errors/* MaandError */.Ob('invalid argument', `KV keys not found${describe(opts)}`);
    return { columns: COLUMNS, rows: rows.map((r) => COLUMNS.map((c) => r[c])) };
}
function describe(opts) {
    const parts = [
        opts.namespace ? `namespace ${opts.namespace}` : '',
        opts.jobs && opts.jobs.length > 0 ? `jobs ${opts.jobs.join(',')}` : '',
        opts.active ? 'active keys only' : opts.deleted ? 'deleted keys only' : '',
    ].filter((p) => p !== '');
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
function catKvGet(db, root, ns, key, reveal) {
    const store = kv/* KvStore */.f$.load(db, { key: () => (0,kv/* loadKvKey */.nW)(root) });
    const value = store.tryGet(ns, key);
    if (value === undefined)
        throw new errors/* MaandError */.Ob('invalid argument', `key not found: namespace ${ns}, key ${key}`);
    if (!(0,kv/* isSecretNamespace */.QZ)(ns) && !value.startsWith('enc:v1:'))
        return value;
    return reveal ? store.getSecret(ns, key) : '[encrypted]';
}

// EXTERNAL MODULE: ./lib/deploy/alloc-state.js
var alloc_state = __webpack_require__(4306);
;// CONCATENATED MODULE: ./lib/cat/deployments.js
// `maand cat deployments`: every allocation with its deploy state and what the next deploy does to it
// (deploy spec §24).


const deployments_COLUMNS = ['job', 'worker_ip', 'alloc_id', 'rollout', 'current_hash', 'previous_hash', 'current_version', 'new_version', 'disabled', 'removed'];
function rolloutState(a) {
    const prev = a.previousHash ?? '';
    const cur = a.currentHash ?? '';
    const versionDiffers = a.currentVersion !== a.newVersion;
    if (a.removed)
        return 'removed';
    if (a.disabled)
        return (prev !== '' && prev !== cur) || versionDiffers ? 'disabled_restart' : 'disabled';
    if (prev === '')
        return 'new';
    if (prev === '__maand_health_failed__')
        return 'health_failed';
    if (prev !== cur || versionDiffers)
        return 'restart';
    return 'promoted';
}
function catDeployments(db, opts) {
    let rows = (0,alloc_state/* allAllocations */.hR)(db).sort((a, b) => (a.job === b.job ? (a.workerIp < b.workerIp ? -1 : 1) : a.job < b.job ? -1 : 1));
    const jobs = opts.jobs ?? [];
    const workers = opts.workers ?? [];
    if (jobs.length > 0 && !rows.some((r) => jobs.includes(r.job)))
        throw new errors/* MaandError */.Ob('invalid argument', `invalid input, jobs [${jobs.join(' ')}]: no allocation of these jobs`);
    if (workers.length > 0 && !rows.some((r) => workers.includes(r.workerIp)))
        throw new errors/* MaandError */.Ob('invalid argument', `invalid input, workers [${workers.join(' ')}]: no allocation on these workers`);
    if (jobs.length > 0)
        rows = rows.filter((r) => jobs.includes(r.job));
    if (workers.length > 0)
        rows = rows.filter((r) => workers.includes(r.workerIp));
    if (opts.active)
        rows = rows.filter((r) => !r.removed && !r.disabled);
    if (rows.length === 0)
        throw new errors/* MaandError */.Ob('invalid argument', 'not found: deployments (run maand build, then maand deploy)');
    return {
        columns: deployments_COLUMNS,
        rows: rows.map((a) => [a.job, a.workerIp, a.allocId, rolloutState(a), a.currentHash ?? '', a.previousHash ?? '', a.currentVersion, a.newVersion, a.disabled ? 1 : 0, a.removed ? 1 : 0]),
    };
}

// EXTERNAL MODULE: ./lib/catalog/schema.js
var schema = __webpack_require__(4912);
;// CONCATENATED MODULE: ./lib/cat/views.js
// `maand cat <view>`: read-only queries over the catalog views (§7.3).


const CAT_VIEWS = ['workers', 'jobs', 'allocations', 'job_commands', 'deployments'];
/** Rows of `cat_<view>`, optionally restricted to some jobs (views that have a job column). */
function catView(db, view, jobs = []) {
    const name = `cat_${view}`;
    const def = schema/* VIEWS */.Vw[name];
    if (!def)
        throw new errors/* MaandError */.Ob('invalid argument', `unknown view ${view}; use one of ${CAT_VIEWS.join(', ')}`);
    const jobCol = def.columns.includes('job') ? 'job' : view === 'jobs' ? 'name' : undefined;
    let sql = `SELECT ${def.columns.join(', ')} FROM ${name}`;
    if (jobs.length > 0) {
        if (!jobCol)
            throw new errors/* MaandError */.Ob('invalid argument', `--jobs does not apply to cat ${view}`);
        sql += ` WHERE ${jobCol} IN (${jobs.map(() => '?').join(', ')})`;
    }
    const rows = db.prepare(sql).all(...jobs);
    return { columns: def.columns, rows: rows.map((r) => def.columns.map((c) => r[c])) };
}

;// CONCATENATED MODULE: ./lib/report/table.js
// Plain-text tables for `maand cat …`: a header row, columns padded to the widest cell.
function cellText(v) {
    return v === null || v === undefined ? '' : String(v);
}
function renderTable(columns, rows) {
    const text = rows.map((r) => r.map(cellText));
    const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
    return [line(columns.map((c) => c.toUpperCase())), ...text.map(line)].join('\n') + '\n';
}

// EXTERNAL MODULE: ./lib/entry/job-list.js
var job_list = __webpack_require__(1772);
;// CONCATENATED MODULE: ./lib/cli/commands/cat.js








function withDb(io, fn) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(io.cwd);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    try {
        (0,gate/* checkSchema */._)(db);
        return fn(db, paths.root);
    }
    finally {
        db.close();
    }
}
function print(io, res, json) {
    if (json) {
        const rows = res.rows.map((r) => Object.fromEntries(res.columns.map((c, i) => [c, typeof r[i] === 'bigint' ? Number(r[i]) : (r[i] ?? null)])));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    }
    else
        io.stdout.write(renderTable(res.columns, res.rows.map((r) => r.map(cellText))));
}
function catViewCommand(io, view, opts) {
    withDb(io, (db) => print(io, catView(db, view, (0,job_list/* parseNameList */.H)(opts.jobs)), opts.json));
}
function catKvCommand(io, opts) {
    withDb(io, (db) => {
        const jobs = (0,job_list/* parseNameList */.H)(opts.jobs);
        print(io, catKv(db, { jobs, active: opts.active, deleted: opts.deleted, ...(opts.namespace ? { namespace: opts.namespace } : {}) }), opts.json);
    });
}
function catKvGetCommand(io, ns, key, opts) {
    withDb(io, (db, root) => io.stdout.write(`${catKvGet(db, root, ns, key, opts.reveal)}\n`));
}
function catDeploymentsCommand(io, opts) {
    withDb(io, (db) => print(io, catDeployments(db, { jobs: (0,job_list/* parseNameList */.H)(opts.jobs), workers: (0,job_list/* parseNameList */.H)(opts.workers), active: opts.active }), opts.json));
}


/***/ }),

/***/ 4306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ isActive),
/* harmony export */   IQ: () => (/* binding */ promote),
/* harmony export */   Lp: () => (/* binding */ waves),
/* harmony export */   VF: () => (/* binding */ bumpUpdateSeq),
/* harmony export */   Y9: () => (/* binding */ setJobMarker),
/* harmony export */   YE: () => (/* binding */ storeHash),
/* harmony export */   ec: () => (/* binding */ jobInfo),
/* harmony export */   fP: () => (/* binding */ markStopped),
/* harmony export */   hR: () => (/* binding */ allAllocations),
/* harmony export */   mD: () => (/* binding */ deleteHash),
/* harmony export */   pt: () => (/* binding */ jobAllocations),
/* harmony export */   qB: () => (/* binding */ jobMarker),
/* harmony export */   wZ: () => (/* binding */ wasDeployed)
/* harmony export */ });
/* harmony import */ var _bucket_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7910);

const ALLOC_SQL = `SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.new_version, w.position,
  h.key AS hkey, h.current_hash, h.previous_hash, h.current_files, h.previous_files, h.current_version
  FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
  LEFT JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id`;
function toState(r) {
    return {
        allocId: String(r['alloc_id']),
        workerIp: String(r['worker_ip']),
        job: String(r['job']),
        disabled: r['disabled'] === 1,
        removed: r['removed'] === 1,
        position: r['position'] === null ? null : Number(r['position']),
        newVersion: (0,_bucket_version_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizedVersion */ .ch)(r['new_version'] ?? ''),
        hasHashRow: r['hkey'] !== null,
        currentHash: r['current_hash'],
        previousHash: r['previous_hash'],
        currentFiles: r['current_files'],
        previousFiles: r['previous_files'],
        currentVersion: (0,_bucket_version_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizedVersion */ .ch)(r['current_version'] ?? ''),
    };
}
/** Allocations ordered by job, worker position (off-catalog workers last), then IP. */
function allAllocations(db) {
    return db.prepare(`${ALLOC_SQL} ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`).all().map(toState);
}
function jobAllocations(db, job) {
    return db.prepare(`${ALLOC_SQL} WHERE a.job = ? ORDER BY w.position IS NULL, w.position, a.worker_ip`).all(job).map(toState);
}
function isActive(a) {
    return !a.removed && !a.disabled;
}
/** Promoted before and still believed running there. */
function wasDeployed(a) {
    return a.hasHashRow && (a.previousHash ?? '') !== '';
}
function jobInfo(db, job) {
    const r = db.prepare('SELECT name, restart_policy, restart_globs, max_concurrent_upgrades, max_concurrent_starts, health_check FROM job WHERE name = ?').get(job);
    if (!r)
        return undefined;
    let globs = [];
    try {
        globs = JSON.parse(String(r['restart_globs'] ?? '[]'));
    }
    catch {
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
function waves(db) {
    const rows = db
        .prepare('SELECT DISTINCT a.deployment_seq AS seq, a.job AS job FROM allocations a JOIN job j ON j.name = a.job WHERE a.removed = 0 ORDER BY a.deployment_seq, a.job')
        .all();
    const out = new Map();
    for (const r of rows)
        out.set(r.seq, [...(out.get(r.seq) ?? []), r.job]);
    return out;
}
function storeHash(db, job, allocId, hash, filesJson) {
    db.prepare(`INSERT INTO hash (namespace, key, current_hash, current_files, current_version) VALUES (?, ?, ?, ?, '0.0.0')
     ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash, current_files = excluded.current_files`).run(`${job}_allocation`, allocId, hash, filesJson);
}
/** Records that the worker now runs the staged tree and the target version. */
function promote(db, job, allocId) {
    db.prepare(`UPDATE hash SET previous_hash = current_hash, previous_files = current_files,
     current_version = COALESCE((SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?), '0.0.0')
     WHERE namespace = ? AND key = ?`).run(allocId, job, `${job}_allocation`, allocId);
}
/** A disabled allocation was stopped: it no longer runs anything (decision Q9: stop once). */
function markStopped(db, job, allocId) {
    db.prepare('UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
}
function deleteHash(db, job, allocId) {
    db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
}
const MARKER_NS = 'maand_deploy';
function jobMarker(db, job) {
    const r = db.prepare('SELECT current_hash FROM hash WHERE namespace = ? AND key = ?').get(MARKER_NS, job);
    return r?.current_hash === 'rollout' || r?.current_hash === 'post_deploy' ? r.current_hash : undefined;
}
function setJobMarker(db, job, marker) {
    if (marker === undefined)
        db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(MARKER_NS, job);
    else
        db.prepare('INSERT INTO hash (namespace, key, current_hash) VALUES (?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash').run(MARKER_NS, job, marker);
}
function bumpUpdateSeq(db) {
    db.prepare('UPDATE bucket SET update_seq = COALESCE(update_seq, 0) + 1').run();
    return Number(db.prepare('SELECT update_seq FROM bucket LIMIT 1').get().update_seq);
}


/***/ }),

/***/ 1772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ parseNameList)
/* harmony export */ });
// A list of job names (or worker IPs) as the CLI's `--jobs a,b` and the Action's `jobs:` input give it:
// comma- or newline-separated, trimmed, duplicates dropped, order kept. Names are checked by the engine.
function parseNameList(raw) {
    if (raw === undefined)
        return [];
    return [...new Set(raw.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== ''))];
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
