export const id = 805;
export const ids = [805];
export const modules = {

/***/ 1187:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qZ: () => (/* binding */ acquireBucketLock),
/* harmony export */   wD: () => (/* binding */ withBucketLock)
/* harmony export */ });
/* unused harmony export lockFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(452);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9609);
/* harmony import */ var _util_exit_cleanup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9127);
// One maand at a time per bucket. Two runs in the same bucket (two terminals, or a deploy while a
// build runs) would wipe each other's tmp/, bump update_seq twice and promote from plans the other
// one invalidated. data/maand.lock holds the running process's pid, host and command; a lock whose
// process is gone (same host, pid not alive) is taken over. Re-entrant within one process, so a
// command that runs another (deploy --build, drift correction) does not lock itself out.






/** Locks this process holds, by lock file, with how many nested holders and the abnormal-exit release. */
const held = new Map();
const exitReleases = new Map();
function lockFile(root) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'data', 'maand.lock');
}
/** Runs `fn` holding the bucket's lock; throws `bucket is busy` when another live maand holds it. */
async function withBucketLock(root, command, fn) {
    const release = acquireBucketLock(root, command);
    try {
        return await fn();
    }
    finally {
        release();
    }
}
/** Takes the lock (or joins this process's hold of it); returns the release function. */
function acquireBucketLock(root, command) {
    const file = lockFile(root);
    const count = held.get(file);
    if (count !== undefined) {
        held.set(file, count + 1);
        return once(() => releaseHold(file));
    }
    const info = { pid: process.pid, host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), command, started: new Date().toISOString() };
    for (let attempt = 0;; attempt++) {
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'wx', 0o644);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, `${JSON.stringify(info)}\n`);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
            held.set(file, 1);
            exitReleases.set(file, (0,_util_exit_cleanup_js__WEBPACK_IMPORTED_MODULE_4__/* .onAbnormalExit */ .q)(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true })));
            return once(() => releaseHold(file));
        }
        catch (e) {
            const code = e.code;
            // no data/ yet: not a bucket (or not initialized), the command reports that itself
            if (code === 'ENOENT')
                return () => { };
            if (code !== 'EEXIST')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MaandError */ .Ob('bucket is busy', `cannot create ${file}: ${e.message}`);
            const other = readLock(file);
            if (attempt === 0 && other !== undefined && isStale(other)) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
                continue;
            }
            if (attempt === 0 && other === undefined) {
                // being written this very moment by the other process, or emptied by a crash: look once more
                continue;
            }
            throw busy(file, other);
        }
    }
}
function releaseHold(file) {
    const count = held.get(file) ?? 0;
    if (count > 1) {
        held.set(file, count - 1);
        return;
    }
    held.delete(file);
    exitReleases.get(file)?.();
    exitReleases.delete(file);
    if (readLock(file)?.pid === process.pid)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
}
function readLock(file) {
    try {
        const v = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        if (typeof v.pid !== 'number' || typeof v.host !== 'string')
            return undefined;
        return { pid: v.pid, host: v.host, command: String(v.command ?? 'maand'), started: String(v.started ?? '') };
    }
    catch {
        return undefined;
    }
}
/** Only a lock of this host can be judged: its process is gone, or its pid now belongs to a newer process. */
function isStale(l) {
    if (l.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)())
        return false;
    if (!(0,_util_process_js__WEBPACK_IMPORTED_MODULE_5__/* .processAlive */ .F)(l.pid))
        return true;
    const started = processStartMs(l.pid);
    const locked = Date.parse(l.started);
    // a process that started after the lock was written cannot have written it; the minute of slack
    // covers clock steps since boot (start times derive from the boot time)
    return started !== undefined && !Number.isNaN(locked) && started > locked + 60_000;
}
/** When a process started (Linux /proc; undefined elsewhere). */
function processStartMs(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // fields after the command name (which may hold spaces); starttime is field 22, in clock ticks since boot
        const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
        const btime = Number(/^btime (\d+)$/m.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/stat', 'utf8'))?.[1]);
        if (!Number.isFinite(ticks) || !Number.isFinite(btime))
            return undefined;
        return btime * 1000 + (ticks * 1000) / CLOCK_TICKS;
    }
    catch {
        return undefined;
    }
}
/** USER_HZ: 100 on every Linux architecture Node supports. */
const CLOCK_TICKS = 100;
function busy(file, other) {
    const who = other ? `maand ${other.command} (pid ${other.pid} on ${other.host}, started ${other.started})` : 'another maand';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MaandError */ .Ob('bucket is busy', `${who} is running in this bucket; wait for it to finish, or delete ${file} if that process is gone`);
}
function once(fn) {
    let done = false;
    return () => {
        if (done)
            return;
        done = true;
        fn();
    };
}


/***/ }),

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
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/bucket/lock.js
var lock = __webpack_require__(1187);
// EXTERNAL MODULE: ./lib/kv/index.js + 13 modules
var lib_kv = __webpack_require__(1683);
;// CONCATENATED MODULE: ./lib/gc/index.js
// `maand gc`: forget removed allocations (rows, hash rows, their KV) once deploy has stopped and cleaned
// them, then purge old KV history (kv spec §1.11, §1.7).





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
            return { removedAllocations: removed.length, purgedNamespaces: [...purged].sort(), historyRowsDeleted };
        });
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./lib/cli/commands/gc.js

function gcCommand(io, opts) {
    const days = Number(opts.retainDays);
    const r = gc({ root: io.cwd, retainDays: Number.isFinite(days) ? days : 0 });
    io.stdout.write(`gc: forgot ${r.removedAllocations} removed allocation(s), emptied ${r.purgedNamespaces.length} KV namespace(s), deleted ${r.historyRowsDeleted} old KV row(s)\n`);
}


/***/ }),

/***/ 9127:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runAbnormalExitCleanups),
/* harmony export */   q: () => (/* binding */ onAbnormalExit)
/* harmony export */ });
// What must not outlive a run that dies from an error nobody caught: the bucket lock, the staging area,
// the ssh control directory. Each owner registers a synchronous cleanup when it takes the resource and
// drops it when it releases the resource normally; the entries' last-resort handlers run what is left.
const pending = new Map();
let nextId = 0;
/** Registers `fn` for an abnormal exit; the returned function unregisters it (call it on normal release). */
function onAbnormalExit(fn) {
    const id = nextId++;
    pending.set(id, fn);
    return () => void pending.delete(id);
}
/** Runs every registered cleanup once, newest first; a cleanup that throws does not stop the others. */
function runAbnormalExitCleanups() {
    const fns = [...pending.values()].reverse();
    pending.clear();
    for (const fn of fns) {
        try {
            fn();
        }
        catch {
            // best effort: the process is about to exit with the original error
        }
    }
}


/***/ }),

/***/ 9609:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ processAlive)
/* harmony export */ });
// Whether a process of this machine still exists, for files named after the pid that wrote them.
/** False only when the pid is gone (ESRCH); a process of another user (EPERM) is alive. */
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code !== 'ESRCH';
    }
}


/***/ })

};
