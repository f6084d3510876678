export const id = 163;
export const ids = [163];
export const modules = {

/***/ 163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  catKvCommand: () => (/* binding */ catKvCommand),
  catKvGetCommand: () => (/* binding */ catKvGetCommand),
  catViewCommand: () => (/* binding */ catViewCommand)
});

// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(462);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/kv/index.js + 12 modules
var kv = __webpack_require__(787);
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
            throw new errors/* MaandError */.Ob('invalid argument', `no KV namespaces for jobs ${opts.jobs.join(',')} (the jobs have no active or disabled allocation)`);
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
    return { columns: COLUMNS, rows: rows.map((r) => COLUMNS.map((c) => r[c])) };
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

// EXTERNAL MODULE: ./lib/catalog/schema.js
var schema = __webpack_require__(912);
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

;// CONCATENATED MODULE: ./lib/cli/io.js
function splitList(raw) {
    if (raw === undefined)
        return [];
    return [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

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
    withDb(io, (db) => print(io, catView(db, view, splitList(opts.jobs)), opts.json));
}
function catKvCommand(io, opts) {
    withDb(io, (db) => {
        const jobs = splitList(opts.jobs);
        print(io, catKv(db, { jobs, active: opts.active, deleted: opts.deleted, ...(opts.namespace ? { namespace: opts.namespace } : {}) }), opts.json);
    });
}
function catKvGetCommand(io, ns, key, opts) {
    withDb(io, (db, root) => io.stdout.write(`${catKvGet(db, root, ns, key, opts.reveal)}\n`));
}


/***/ })

};
