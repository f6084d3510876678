export const id = 561;
export const ids = [561];
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

/***/ 3561:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  catDeploymentsCommand: () => (/* binding */ catDeploymentsCommand),
  catHistoryCommand: () => (/* binding */ catHistoryCommand),
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
// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var kv = __webpack_require__(2762);
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
// EXTERNAL MODULE: ./lib/deploy/pins.js
var pins = __webpack_require__(5775);
;// CONCATENATED MODULE: ./lib/cat/deployments.js
// `maand cat deployments`: every allocation with its deploy state and what the next deploy does to it
// (deploy spec §24).



const deployments_COLUMNS = ['job', 'worker_ip', 'alloc_id', 'rollout', 'current_hash', 'previous_hash', 'current_version', 'new_version', 'disabled', 'removed'];
function rolloutState(a, pinned = false) {
    const prev = a.previousHash ?? '';
    const cur = a.currentHash ?? '';
    const versionDiffers = a.currentVersion !== a.newVersion;
    if (a.removed)
        return 'removed';
    // a rollback's pin holds until a deploy stages a different tree than the one it rolled back from (pins.ts)
    if (pinned && !a.disabled)
        return 'pinned';
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
        rows: rows.map((a) => [a.job, a.workerIp, a.allocId, rolloutState(a, (0,pins/* pinOf */.nZ)(db, a.job, a.allocId) !== undefined), a.currentHash ?? '', a.previousHash ?? '', a.currentVersion, a.newVersion, a.disabled ? 1 : 0, a.removed ? 1 : 0]),
    };
}

// EXTERNAL MODULE: ./lib/history/store.js
var store = __webpack_require__(2185);
;// CONCATENATED MODULE: ./lib/cat/history.js
// `maand cat history`: the recorded runs, newest first (issue 13). A catalog without the history tables
// (the reference's, or one older than them) has an empty history.


const history_COLUMNS = ['deploy_id', 'started_at', 'duration_s', 'command', 'outcome', 'trigger', 'commit', 'jobs'];
function historyRuns(db, opts) {
    if (opts.limit !== undefined && (!Number.isInteger(opts.limit) || opts.limit < 1))
        throw new errors/* MaandError */.Ob('invalid argument', `--limit must be a whole number of runs, 1 or more (got ${opts.limit})`);
    return (0,store/* listRuns */.v)(db, { ...(opts.jobs ? { jobs: opts.jobs } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}) });
}
/** One line per run; a job shows as `name@version(allocations changed)` with its outcome when it failed. */
function catHistory(db, opts) {
    const runs = historyRuns(db, opts);
    return {
        columns: history_COLUMNS,
        rows: runs.map((r) => [
            r.deployId, r.startedAt, r.durationMs === null ? '' : (r.durationMs / 1000).toFixed(1), r.command, r.outcome, r.trigger, r.gitCommit.slice(0, 12),
            r.jobs.map((j) => `${j.job}@${j.version}(${j.allocationsChanged})${j.outcome === 'ok' ? '' : ` ${j.outcome}`}`).join(', '),
        ]),
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
function catHistoryCommand(io, opts) {
    withDb(io, (db) => {
        const o = { jobs: (0,job_list/* parseNameList */.H)(opts.jobs), ...(opts.limit !== undefined ? { limit: Number(opts.limit) } : {}) };
        if (opts.json)
            io.stdout.write(`${JSON.stringify(historyRuns(db, o), null, 2)}\n`);
        else
            print(io, catHistory(db, o), false);
    });
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
/* harmony import */ var _deployed_content_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7409);


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
    (0,_deployed_content_js__WEBPACK_IMPORTED_MODULE_1__/* .promoteFiles */ .KZ)(db, job, allocId);
}
/** A disabled allocation was stopped: it no longer runs anything (decision Q9: stop once). */
function markStopped(db, job, allocId) {
    db.prepare('UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
}
function deleteHash(db, job, allocId) {
    db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
    (0,_deployed_content_js__WEBPACK_IMPORTED_MODULE_1__/* .dropFiles */ .nE)(db, job, allocId);
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

/***/ 5775:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RL: () => (/* binding */ applyPins),
/* harmony export */   nZ: () => (/* binding */ pinOf),
/* harmony export */   oW: () => (/* binding */ setPin)
/* harmony export */ });
/* unused harmony export dropPin */
/* harmony import */ var _history_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2185);

function pinOf(db, job, allocId) {
    if (!(0,_history_store_js__WEBPACK_IMPORTED_MODULE_0__/* .hasHistory */ .tw)(db))
        return undefined;
    const r = db.prepare('SELECT rollback_id, pinned_hash FROM rollback_pin WHERE job = ? AND alloc_id = ?').get(job, allocId);
    return r ? { rollbackId: Number(r.rollback_id), pinnedHash: r.pinned_hash } : undefined;
}
function setPin(db, job, allocId, pin) {
    db.prepare('INSERT INTO rollback_pin (job, alloc_id, rollback_id, pinned_hash) VALUES (?, ?, ?, ?) ON CONFLICT(job, alloc_id) DO UPDATE SET rollback_id = excluded.rollback_id, pinned_hash = excluded.pinned_hash').run(job, allocId, pin.rollbackId, pin.pinnedHash);
}
function dropPin(db, job, allocId) {
    if ((0,_history_store_js__WEBPACK_IMPORTED_MODULE_0__/* .hasHistory */ .tw)(db))
        db.prepare('DELETE FROM rollback_pin WHERE job = ? AND alloc_id = ?').run(job, allocId);
}
/** Skips the pinned allocations of a job's plan, and ends the pins the workspace or --force released. */
function applyPins(ctx, plan) {
    const released = [];
    const ids = new Set();
    for (const a of plan.allocations) {
        if (a.disabled)
            continue;
        const pin = pinOf(ctx.db, plan.job, a.allocId);
        if (!pin)
            continue;
        if (ctx.flags.force || a.currentHash !== pin.pinnedHash) {
            released.push(a.allocId);
            continue;
        }
        a.action = 'skip';
        a.reason = `pinned by rollback ${pin.rollbackId}`;
        ids.add(pin.rollbackId);
    }
    if (released.length > 0 && !ctx.flags.dryRun)
        ctx.checkpoint(() => released.forEach((id) => dropPin(ctx.db, plan.job, id)));
    if (ids.size === 0)
        return;
    plan.needsRollout = plan.allocations.some((a) => a.action !== 'skip') || plan.marker !== undefined;
    if (!plan.needsRollout)
        plan.reason = `pinned by rollback ${[...ids].sort((x, y) => x - y).join(', ')}`;
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

/***/ 2185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ lastChange),
/* harmony export */   F9: () => (/* binding */ recordJob),
/* harmony export */   JH: () => (/* binding */ finishRun),
/* harmony export */   Te: () => (/* binding */ beginRun),
/* harmony export */   Z7: () => (/* binding */ lastChangedJobs),
/* harmony export */   j8: () => (/* binding */ releaseAt),
/* harmony export */   mN: () => (/* binding */ runExists),
/* harmony export */   tw: () => (/* binding */ hasHistory),
/* harmony export */   ty: () => (/* binding */ recordRelease),
/* harmony export */   v: () => (/* binding */ listRuns),
/* harmony export */   w0: () => (/* binding */ releasesOf),
/* harmony export */   w5: () => (/* binding */ purgeHistory)
/* harmony export */ });
/* unused harmony export ensureHistoryTables */
/* harmony import */ var _catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4912);

/** Creates the history tables when missing (the caller holds a transaction or none). */
function ensureHistoryTables(db) {
    for (const ddl of [...Object.values(_catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .HISTORY_TABLES */ .Lx), ..._catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .HISTORY_INDEXES */ .eE])
        db.exec(ddl);
}
function hasHistory(db) {
    return (0,_catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .tablesExist */ .f8)(db, ['deploy_history']);
}
/** Marks runs a killed maand left `running` as interrupted, then records a new run; its deploy id. */
function beginRun(db, command, origin, now) {
    ensureHistoryTables(db);
    db.prepare("UPDATE deploy_history SET outcome = 'interrupted' WHERE outcome = 'running'").run();
    const r = db.prepare("INSERT INTO deploy_history (started_at, command, trigger, git_commit, outcome) VALUES (?, ?, ?, ?, 'running')").run(now.toISOString(), command, origin.trigger, origin.commit);
    return Number(r.lastInsertRowid);
}
function finishRun(db, deployId, outcome, durationMs) {
    db.prepare('UPDATE deploy_history SET outcome = ?, duration_ms = ? WHERE deploy_id = ?').run(outcome, durationMs, deployId);
}
function recordJob(db, deployId, j) {
    db.prepare(`INSERT INTO deploy_history_jobs (deploy_id, job, version, plan_hash, allocations_changed, outcome) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job) DO UPDATE SET version = excluded.version, plan_hash = excluded.plan_hash,
     allocations_changed = excluded.allocations_changed, outcome = excluded.outcome`).run(deployId, j.job, j.version, j.planHash, j.allocationsChanged, j.outcome);
}
/** The allocation runs `releaseId` from now on (written in the same checkpoint as its promotion). */
function recordRelease(db, r) {
    db.prepare(`INSERT INTO deploy_history_allocations (deploy_id, job, alloc_id, worker_ip, release_id, hash, files, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job, alloc_id) DO UPDATE SET release_id = excluded.release_id, hash = excluded.hash, files = excluded.files, version = excluded.version`).run(r.deployId, r.job, r.allocId, r.workerIp, r.releaseId, r.hash, r.files, r.version);
}
function toRelease(r) {
    return {
        deployId: Number(r['deploy_id']), job: String(r['job']), allocId: String(r['alloc_id']), workerIp: String(r['worker_ip']), releaseId: Number(r['release_id']),
        hash: String(r['hash']), files: r['files'] === null ? null : String(r['files']), version: String(r['version']),
    };
}
/** What the allocation ran after run `atOrBefore` (the latest promotion up to it); undefined when none. */
function releaseAt(db, job, allocId, atOrBefore) {
    if (!hasHistory(db))
        return undefined;
    const r = db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? AND deploy_id <= ? ORDER BY deploy_id DESC LIMIT 1').get(job, allocId, atOrBefore);
    return r ? toRelease(r) : undefined;
}
/** Releases an allocation ran, newest first (what pruning must keep). */
function releasesOf(db, job, allocId) {
    if (!hasHistory(db))
        return [];
    return db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? ORDER BY deploy_id DESC').all(job, allocId).map(toRelease);
}
/** The newest run of one of `commands` that changed `job` (promoted new bytes on an allocation of it). */
function lastChange(db, job, commands) {
    if (!hasHistory(db))
        return undefined;
    const r = db
        .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.job = ? AND a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
        .get(job, ...commands);
    return r.id ?? undefined;
}
/** Jobs the newest run of one of `commands` that promoted new bytes changed, with that run's id. */
function lastChangedJobs(db, commands) {
    if (!hasHistory(db))
        return undefined;
    const r = db
        .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
        .get(...commands);
    if (r.id === null)
        return undefined;
    const jobs = db.prepare('SELECT DISTINCT job FROM deploy_history_allocations WHERE deploy_id = ? AND release_id = deploy_id ORDER BY job').all(r.id).map((x) => x.job);
    return { deployId: r.id, jobs };
}
function runExists(db, deployId) {
    return hasHistory(db) && db.prepare('SELECT 1 FROM deploy_history WHERE deploy_id = ?').get(deployId) !== undefined;
}
/** Runs newest first; with `jobs`, only runs that touched one of them (their other jobs left out). */
function listRuns(db, opts = {}) {
    if (!hasHistory(db))
        return [];
    const jobs = opts.jobs ?? [];
    const filter = jobs.length > 0 ? `WHERE deploy_id IN (SELECT deploy_id FROM deploy_history_jobs WHERE job IN (${jobs.map(() => '?').join(', ')}))` : '';
    const limit = opts.limit !== undefined && opts.limit > 0 ? ` LIMIT ${Math.floor(opts.limit)}` : '';
    const runs = db.prepare(`SELECT * FROM deploy_history ${filter} ORDER BY deploy_id DESC${limit}`).all(...jobs);
    const jobStmt = db.prepare('SELECT * FROM deploy_history_jobs WHERE deploy_id = ? ORDER BY job');
    return runs.map((r) => ({
        deployId: Number(r['deploy_id']), startedAt: String(r['started_at']), durationMs: r['duration_ms'] === null ? null : Number(r['duration_ms']),
        command: String(r['command']), trigger: String(r['trigger']), gitCommit: String(r['git_commit']), outcome: String(r['outcome']),
        jobs: jobStmt.all(Number(r['deploy_id']))
            .filter((j) => jobs.length === 0 || jobs.includes(String(j['job'])))
            .map((j) => ({ job: String(j['job']), version: String(j['version']), planHash: String(j['plan_hash']), allocationsChanged: Number(j['allocations_changed']), outcome: String(j['outcome']) })),
    }));
}
/**
 * Keeps the newest `retain` runs. A promotion an allocation still runs from is kept with its run's
 * rows gone (rollback must know what runs); returns the number of runs deleted.
 */
function purgeHistory(db, retain) {
    if (!hasHistory(db))
        return 0;
    const cut = db.prepare('SELECT deploy_id FROM deploy_history ORDER BY deploy_id DESC LIMIT 1 OFFSET ?').get(Math.max(0, retain));
    if (!cut)
        return 0;
    const n = Number(db.prepare('DELETE FROM deploy_history WHERE deploy_id <= ?').run(cut.deploy_id).changes);
    db.prepare('DELETE FROM deploy_history_jobs WHERE deploy_id <= ?').run(cut.deploy_id);
    db.prepare(`DELETE FROM deploy_history_allocations WHERE deploy_id <= ? AND deploy_id < (SELECT MAX(b.deploy_id) FROM deploy_history_allocations b
     WHERE b.job = deploy_history_allocations.job AND b.alloc_id = deploy_history_allocations.alloc_id)`).run(cut.deploy_id);
    return n;
}


/***/ })

};
