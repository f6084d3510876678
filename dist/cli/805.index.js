export const id = 805;
export const ids = [805];
export const modules = {

/***/ 9805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gcCommand: () => (/* binding */ gcCommand)
});

// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/history/store.js
var store = __webpack_require__(2185);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/bucket/lock.js
var lock = __webpack_require__(1187);
// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var lib_kv = __webpack_require__(2762);
;// CONCATENATED MODULE: ./lib/gc/index.js
// `maand gc`: forget removed allocations (rows, hash rows, their KV) once deploy has stopped and cleaned
// them, then purge old KV history (kv spec §1.11, §1.7) and deploy runs beyond history_retain.







function gc(opts) {
    const release = (0,lock/* acquireBucketLock */.qZ)(opts.root, 'gc');
    try {
        return gcLocked(opts);
    }
    finally {
        release();
    }
}
function gcLocked(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    try {
        (0,gate/* checkSchema */._)(db);
        const now = opts.now ?? Math.floor(Date.now() / 1000);
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const removed = db.prepare('SELECT alloc_id, worker_ip, job FROM allocations WHERE removed = 1 ORDER BY job, worker_ip').all();
        const catalogWorkers = new Set(db.prepare('SELECT worker_ip FROM worker').all().map((r) => r.worker_ip));
        const purged = new Set();
        const purgeNs = (ns) => {
            if ((0,lib_kv/* purge */.OU)(kv, ns))
                purged.add(ns);
        };
        for (const a of removed) {
            purgeNs((0,lib_kv/* allocationNamespace */.QE)(a.job, a.worker_ip));
            if (!catalogWorkers.has(a.worker_ip)) {
                purgeNs((0,lib_kv/* workerNamespace */.St)(a.worker_ip));
                purgeNs((0,lib_kv/* workerTagsNamespace */.Rm)(a.worker_ip));
            }
        }
        for (const job of [...new Set(removed.map((a) => a.job))]) {
            const active = db.prepare('SELECT COUNT(*) AS n FROM allocations WHERE job = ? AND removed = 0 AND disabled = 0').get(job);
            if (active.n > 0)
                continue;
            for (const ns of [(0,lib_kv/* jobNamespace */.xd)(job), (0,lib_kv/* bucketJobVarsNamespace */.ro)(job), (0,lib_kv/* jobVarsNamespace */.po)(job), (0,lib_kv/* jobSecretsNamespace */.WM)(job)])
                purgeNs(ns);
        }
        return (0,catalog_db/* inTransaction */.sA)(db, () => {
            const delHash = db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?');
            for (const a of removed)
                delHash.run(`${a.job}_allocation`, a.alloc_id);
            db.exec('DELETE FROM allocations WHERE removed = 1');
            kv.persist(db, now);
            const historyRowsDeleted = (0,lib_kv/* purgeStaleVersions */.G0)(db, Math.max(0, opts.retainDays ?? 0), now);
            const deployRunsDeleted = (0,store/* purgeHistory */.w5)(db, (0,maand_conf/* readMaandConf */.MC)(paths.maandConf).history_retain);
            return { removedAllocations: removed.length, purgedNamespaces: [...purged].sort(), historyRowsDeleted, deployRunsDeleted };
        });
    }
    finally {
        db.close();
    }
}

// EXTERNAL MODULE: ./lib/cli/flags.js
var flags = __webpack_require__(2529);
;// CONCATENATED MODULE: ./lib/cli/commands/gc.js


function gcCommand(io, opts) {
    const r = gc({ root: io.cwd, retainDays: (0,flags/* wholeNumberFlag */.Z)('--retain-days', opts.retainDays, 0, 'days') });
    io.stdout.write(`gc: forgot ${r.removedAllocations} removed allocation(s), emptied ${r.purgedNamespaces.length} KV namespace(s), deleted ${r.historyRowsDeleted} old KV row(s) and ${r.deployRunsDeleted} old deploy history run(s)\n`);
}


/***/ }),

/***/ 2529:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ wholeNumberFlag)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
// Numeric flag values: a value that is not a whole number is an error naming the flag, never a
// silent default (`--retain-days abc` used to mean 0).

/** `value` of `flag` as a whole number of at least `min`; `unit` words the error (`days`, `allocations`). */
function wholeNumberFlag(flag, value, min, unit) {
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('invalid argument', `${flag} must be a whole number of ${unit}, ${min} or more (got ${JSON.stringify(value)}); nothing was changed`);
    }
    return n;
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
