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
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/kv/index.js + 12 modules
var lib_kv = __webpack_require__(8787);
;// CONCATENATED MODULE: ./lib/gc/index.js
// `maand gc`: forget removed allocations (rows, hash rows, their KV) once deploy has stopped and cleaned
// them, then purge old KV history (kv spec §1.11, §1.7).




function gc(opts) {
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
        db.exec('BEGIN IMMEDIATE');
        try {
            const delHash = db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?');
            for (const a of removed)
                delHash.run(`${a.job}_allocation`, a.alloc_id);
            db.exec('DELETE FROM allocations WHERE removed = 1');
            kv.persist(db, now);
            const historyRowsDeleted = (0,lib_kv/* purgeStaleVersions */.G0)(db, Math.max(0, opts.retainDays ?? 0), now);
            db.exec('COMMIT');
            return { removedAllocations: removed.length, purgedNamespaces: [...purged].sort(), historyRowsDeleted };
        }
        catch (e) {
            if (db.isTransaction)
                db.exec('ROLLBACK');
            throw e;
        }
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


/***/ })

};
