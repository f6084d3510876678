export const id = 804;
export const ids = [804];
export const modules = {

/***/ 6:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ PRIVATE_DIR),
/* harmony export */   aT: () => (/* binding */ tightenBucketModes),
/* harmony export */   rQ: () => (/* binding */ PRIVATE_FILE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7462);
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

/***/ 5167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P5: () => (/* binding */ bucketRow),
/* harmony export */   UP: () => (/* binding */ jobPorts),
/* harmony export */   gw: () => (/* binding */ workersByPosition),
/* harmony export */   iA: () => (/* binding */ allocations),
/* harmony export */   ms: () => (/* binding */ catalogJobs),
/* harmony export */   wH: () => (/* binding */ workerLabels)
/* harmony export */ });
/** Catalog workers by position, ties in workers.json order (rows are re-inserted in file order). */
function workersByPosition(db) {
    return db.prepare('SELECT worker_id, worker_ip, available_memory_mb, available_cpu_mhz, position FROM worker ORDER BY position, rowid').all();
}
function workerLabels(db) {
    const out = new Map();
    for (const r of db.prepare('SELECT w.worker_ip AS ip, l.label AS label FROM worker_labels l JOIN worker w ON w.worker_id = l.worker_id ORDER BY l.label').all()) {
        const list = out.get(r.ip) ?? [];
        list.push(r.label);
        out.set(r.ip, list);
    }
    return out;
}
/** Every allocation row; `position` is that of the worker (null for workers no longer in the catalog). */
function allocations(db) {
    return db
        .prepare(`SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.deployment_seq, a.new_version, w.position AS position
       FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
       ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`)
        .all();
}
function catalogJobs(db) {
    return db.prepare('SELECT name FROM job ORDER BY name').all().map((r) => r.name);
}
function bucketRow(db) {
    const row = db.prepare('SELECT bucket_id, update_seq FROM bucket LIMIT 1').get();
    return row ?? { bucket_id: '', update_seq: 0 };
}
function jobPorts(db, job) {
    return db.prepare('SELECT p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ? ORDER BY p.name').all(job);
}


/***/ }),

/***/ 3572:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ workerProxyJumps),
/* harmony export */   l: () => (/* binding */ storeWorkerProxyJumps)
/* harmony export */ });
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4912);

const COLUMN = 'proxy_jump';
function hasColumn(db) {
    return (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .tableColumns */ .qv)(db, 'worker').includes(COLUMN);
}
/** Records each worker's proxy_jump (undefined: NULL); adds the column on first use. */
function storeWorkerProxyJumps(db, workers) {
    if (!hasColumn(db)) {
        // a catalog that never had a worker with its own proxy_jump stays as the reference wrote it
        if (workers.every((w) => w.proxyJump === undefined))
            return;
        db.exec(`ALTER TABLE worker ADD COLUMN ${COLUMN} TEXT`);
    }
    const set = db.prepare(`UPDATE worker SET ${COLUMN} = ? WHERE worker_ip = ?`);
    for (const w of workers)
        set.run(w.proxyJump ?? null, w.host);
}
/** Every catalog worker → its own proxy_jump (undefined: not set), sorted by worker_ip. */
function workerProxyJumps(db) {
    const column = hasColumn(db) ? COLUMN : 'NULL';
    const rows = db.prepare(`SELECT worker_ip, ${column} AS proxy FROM worker ORDER BY worker_ip`).all();
    return new Map(rows.map((r) => [r.worker_ip, r.proxy ?? undefined]));
}


/***/ }),

/***/ 1147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Di: () => (/* binding */ jobsByCause),
/* harmony export */   hP: () => (/* binding */ jobCause),
/* harmony export */   zs: () => (/* binding */ byCause)
/* harmony export */ });
/* unused harmony export listNames */
// One cause, said once: at fleet size the same failure (a refused connection, a missing key) hits many
// workers and many jobs. These fold identical causes into one line naming everything they hit.
const SHOWN = 6;
/** `a, b, c and 21 more` */
function listNames(names) {
    const sorted = [...names].sort(compareNames);
    return sorted.length <= SHOWN ? sorted.join(', ') : `${sorted.slice(0, SHOWN).join(', ')} and ${sorted.length - SHOWN} more`;
}
/**
 * Per-worker errors → one line per distinct cause. An error that names its worker (`worker <ip> …`) is
 * compared with the worker's name taken out, so "worker 10.0.0.1 unreachable" on 24 workers is one line
 * `workers 10.0.0.1, … and 18 more: unreachable …`.
 */
function byCause(items) {
    const groups = new Map();
    for (const { worker, error } of items) {
        const cause = worker === '' ? error : error.split(worker).join('\u0000');
        const list = groups.get(cause) ?? [];
        if (!list.includes(worker))
            list.push(worker);
        groups.set(cause, list);
    }
    return [...groups].map(([cause, workers]) => {
        if (workers.length === 1)
            return cause.split('\u0000').join(workers[0]);
        const rest = cause.replace(/^worker \u0000:? ?/, '').split('\u0000').join('<worker>');
        return `workers ${listNames(workers)}: ${rest}`;
    });
}
/** `job <job>: <error>`, saying the job once when the error (a hook's) already starts with `job <job> `. */
function jobCause(job, error) {
    const own = `job ${job} `;
    const text = error ?? 'failed';
    return `job ${job}: ${text.startsWith(own) ? text.slice(own.length) : text}`;
}
/** `job <name>: <cause>` lines → one line per distinct cause, `jobs a, b: <cause>` when several share it. */
function jobsByCause(lines) {
    const groups = new Map();
    const order = [];
    for (const line of lines) {
        const m = /^job (\S+): ([\s\S]*)$/.exec(line);
        const key = m ? m[2] : line;
        if (!groups.has(key))
            order.push(key);
        const jobs = groups.get(key) ?? [];
        if (m)
            jobs.push(m[1]);
        groups.set(key, jobs);
    }
    return order.map((cause) => {
        const jobs = groups.get(cause);
        if (jobs.length === 0)
            return cause;
        return jobs.length === 1 ? `job ${jobs[0]}: ${cause}` : `jobs ${listNames(jobs)}: ${cause}`;
    });
}
/** Dotted IPv4 addresses in numeric order, everything else by text. */
function compareNames(a, b) {
    const na = /^\d+\.\d+\.\d+\.\d+$/.test(a) ? a.split('.').map(Number) : undefined;
    const nb = /^\d+\.\d+\.\d+\.\d+$/.test(b) ? b.split('.').map(Number) : undefined;
    if (na && nb) {
        for (let i = 0; i < 4; i++)
            if (na[i] !== nb[i])
                return na[i] - nb[i];
        return 0;
    }
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 2763:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ commandsFor),
/* harmony export */   CD: () => (/* binding */ allocationVersions),
/* harmony export */   Cl: () => (/* binding */ commandTimeoutSeconds),
/* harmony export */   DE: () => (/* binding */ jobFiles),
/* harmony export */   gq: () => (/* binding */ demandsOn),
/* harmony export */   hX: () => (/* binding */ allocationById),
/* harmony export */   mR: () => (/* binding */ activeWorkers),
/* harmony export */   mg: () => (/* binding */ jobsRegistering),
/* harmony export */   pt: () => (/* binding */ jobAllocations),
/* harmony export */   zN: () => (/* binding */ isRegistered)
/* harmony export */ });
/* harmony import */ var _util_go_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6495);

/** Distinct command names `job` registers for `event`, sorted. */
function commandsFor(db, job, event) {
    const rows = db.prepare('SELECT DISTINCT name FROM job_commands WHERE job = ? AND executed_on = ?').all(job, event);
    return rows.map((r) => r.name).sort(_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6);
}
function isRegistered(db, job, command, event) {
    return db.prepare('SELECT 1 FROM job_commands WHERE job = ? AND name = ? AND executed_on = ? LIMIT 1').get(job, command, event) !== undefined;
}
/** Jobs registering `command` for `event`, sorted (`maand jobcommand <command>` without a job). */
function jobsRegistering(db, command, event) {
    const rows = db.prepare('SELECT DISTINCT job FROM job_commands WHERE name = ? AND executed_on = ?').all(command, event);
    return rows.map((r) => r.job).sort(_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6);
}
/** Every allocation row of `job`, by worker position (workers gone from the catalog last), then IP. */
function jobAllocations(db, job) {
    const rows = db
        .prepare(`SELECT a.alloc_id AS alloc_id, a.worker_ip AS worker_ip, a.disabled AS disabled, a.removed AS removed, w.position AS position
       FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
       WHERE a.job = ? ORDER BY w.position IS NULL, w.position, a.worker_ip`)
        .all(job);
    return rows.map((r) => ({ allocId: r.alloc_id, workerIp: r.worker_ip, disabled: r.disabled === 1, removed: r.removed === 1, position: r.position }));
}
/** Workers of the job's active allocations (not removed, not disabled), position order: the default hook targets. */
function activeWorkers(db, job) {
    return jobAllocations(db, job).filter((a) => !a.removed && !a.disabled).map((a) => a.workerIp);
}
/** The runtime API's caller lookup: any job, any state, removed included. */
function allocationById(db, allocId) {
    const row = db.prepare('SELECT job, worker_ip FROM allocations WHERE alloc_id = ? LIMIT 1').get(allocId);
    return row === undefined ? undefined : { job: row.job, workerIp: row.worker_ip };
}
/** Downstream commands demanding `job`'s `command`: one row per registered event, sorted. */
function demandsOn(db, job, command) {
    const rows = db
        .prepare('SELECT job, name, executed_on, demand_config FROM job_commands WHERE demand_job = ? AND demand_command = ?')
        .all(job, command);
    return rows
        .map((r) => ({ job: r.job, command: r.name, event: r.executed_on, demandConfig: r.demand_config ?? '' }))
        .sort((a, b) => (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.job, b.job) || (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.command, b.command) || (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.event, b.event));
}
/** The job's stored files, parents before children. */
function jobFiles(db, job) {
    const rows = db
        .prepare('SELECT f.path AS path, f.content AS content, f.isdir AS isdir FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ?')
        .all(job);
    return rows
        .map((r) => ({ path: r.path, content: r.content ?? new Uint8Array(0), isdir: r.isdir === 1 }))
        .sort((a, b) => (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.path, b.path));
}
/** CURRENT_VERSION (promoted, `0.0.0` before the first promote) and NEW_VERSION (target). */
function allocationVersions(db, job, allocId) {
    const h = db.prepare('SELECT current_version FROM hash WHERE namespace = ? AND key = ?').get(`${job}_allocation`, allocId);
    const a = db.prepare('SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?').get(allocId, job);
    return { current: h?.current_version || '0.0.0', next: a?.new_version || '0.0.0' };
}
/**
 * The optional per-command timeout, `commands.<name>.timeout_seconds` in the job's manifest.json
 * (read from the catalog copy; the manifest decoder ignores the field). Positive numbers only.
 */
function commandTimeoutSeconds(db, job, command) {
    const row = db
        .prepare('SELECT f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.path = ?')
        .get(job, `${job}/manifest.json`);
    if (row?.content == null)
        return undefined;
    try {
        const doc = JSON.parse(Buffer.from(row.content).toString('utf8'));
        const t = doc.commands?.[command]?.timeout_seconds;
        return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : undefined;
    }
    catch {
        return undefined; // build already rejected invalid manifests
    }
}


/***/ }),

/***/ 5285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F3: () => (/* binding */ commandNotRegistered),
/* harmony export */   OD: () => (/* binding */ notRegistered),
/* harmony export */   d: () => (/* binding */ JobCommandError)
/* harmony export */ });
/* unused harmony export isJobCommandError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
// Errors of job-command runs. src/errors.ts has no codes for them yet, so they are classified by
// `kind` here; the message keeps the reference texts (spec kv §9 "Hook run").

class JobCommandError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
    name = 'JobCommandError';
    kind;
    job;
    command;
    event;
    constructor(kind, where, message) {
        super('job command', message, undefined, { bare: true });
        this.kind = kind;
        this.job = where.job;
        this.command = where.command;
        this.event = where.event;
    }
}
function isJobCommandError(e, kind) {
    return e instanceof JobCommandError && (kind === undefined || e.kind === kind);
}
function notRegistered(job, command, event) {
    return new JobCommandError('not-registered', { job, command, event }, `job "${job}" command "${command}" is not registered for event "${event}"`);
}
/** `maand jobcommand <c>` without a job: no job registers the command. */
function commandNotRegistered(command, event) {
    return new JobCommandError('not-registered', { job: '', command, event }, `command "${command}" is not registered for event "${event}"`);
}


/***/ }),

/***/ 494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ runJobCommand)
});

// UNUSED EXPORTS: defaultConcurrency

// EXTERNAL MODULE: ./lib/bucket/paths.js
var paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/util/pool.js
var pool = __webpack_require__(9860);
// EXTERNAL MODULE: ./lib/deploy/causes.js
var deploy_causes = __webpack_require__(1147);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./lib/hooks/output.js
// Hook output in bounded memory: a splitter turns byte chunks into lines (a line longer than
// MAX_LINE_BYTES is cut into pieces instead of growing without bound — the reference hangs on
// such lines, spec kv §8 item 21) and a tail keeps only the last N bytes for the result.
const MAX_LINE_BYTES = 64 * 1024;
const DEFAULT_TAIL_BYTES = 64 * 1024;
class LineSplitter {
    #pending = [];
    #pendingBytes = 0;
    #emit;
    #maxLine;
    constructor(emit, maxLine = MAX_LINE_BYTES) {
        this.#emit = emit;
        this.#maxLine = maxLine;
    }
    push(chunk) {
        let start = 0;
        for (;;) {
            const nl = chunk.indexOf(0x0a, start);
            if (nl < 0)
                break;
            this.#add(chunk.subarray(start, nl));
            this.#flush(true);
            start = nl + 1;
        }
        if (start < chunk.length)
            this.#add(chunk.subarray(start));
    }
    /** Emits a last line without newline, if any. */
    end() {
        if (this.#pendingBytes > 0)
            this.#flush(true);
    }
    #add(part) {
        while (part.length > 0) {
            const room = this.#maxLine - this.#pendingBytes;
            this.#pending.push(part.subarray(0, room));
            this.#pendingBytes += Math.min(room, part.length);
            part = part.subarray(room);
            if (this.#pendingBytes >= this.#maxLine)
                this.#flush(false);
        }
    }
    #flush(complete) {
        let text = Buffer.concat(this.#pending).toString('utf8');
        this.#pending = [];
        this.#pendingBytes = 0;
        if (complete && text.endsWith('\r'))
            text = text.slice(0, -1);
        this.#emit(text);
    }
}
/** The last `limit` bytes (roughly; counted in UTF-16 units) of a line sequence. */
class OutputTail {
    #lines = [];
    #size = 0;
    #dropped = false;
    #limit;
    constructor(limit = DEFAULT_TAIL_BYTES) {
        this.#limit = Math.max(0, limit);
    }
    add(line) {
        this.#lines.push(line);
        this.#size += line.length + 1;
        while (this.#size > this.#limit && this.#lines.length > 1) {
            this.#size -= this.#lines.shift().length + 1;
            this.#dropped = true;
        }
        if (this.#size > this.#limit) {
            const last = this.#lines[0];
            this.#lines[0] = last.slice(last.length - this.#limit);
            this.#size = this.#lines[0].length + 1;
            this.#dropped = true;
        }
    }
    text() {
        return (this.#dropped ? '[… earlier output dropped]\n' : '') + this.#lines.join('\n');
    }
}

;// CONCATENATED MODULE: ./lib/hooks/child.js
// One local child process with streamed output, an optional timeout and cancellation. The child
// leads its own process group, so a timeout or cancel reaches the interpreter and whatever it
// started (SIGTERM, then SIGKILL after a grace period).


/** After the child exits, how long to wait for descendants still holding its pipes. */
const PIPE_DRAIN_MS = 2000;
function runChild(spec) {
    return new Promise((resolve) => {
        let timedOut = false;
        let cancelled = false;
        let settled = false;
        const timers = [];
        const child = (0,external_node_child_process_.spawn)(spec.program, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = new LineSplitter((t) => spec.onLine('stdout', t));
        const err = new LineSplitter((t) => spec.onLine('stderr', t));
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        const finish = (o) => {
            if (settled)
                return;
            settled = true;
            for (const t of timers)
                clearTimeout(t);
            spec.signal?.removeEventListener('abort', onAbort);
            out.end();
            err.end();
            resolve({ ...o, timedOut, cancelled });
        };
        const killGroup = (sig) => {
            if (child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, sig);
            }
            catch {
                // already gone
            }
        };
        const stop = () => {
            killGroup('SIGTERM');
            timers.push(setTimeout(() => killGroup('SIGKILL'), spec.killGraceMs ?? 5000));
        };
        const onAbort = () => {
            cancelled = true;
            stop();
        };
        child.on('error', (e) => finish({ exitCode: -1, signal: null, spawnError: e.message }));
        child.on('exit', (code, signal) => {
            const outcome = { exitCode: code ?? -1, signal };
            let open = 2;
            const closed = () => {
                if (--open === 0)
                    finish(outcome);
            };
            if (child.stdout.closed)
                closed();
            else
                child.stdout.once('close', closed);
            if (child.stderr.closed)
                closed();
            else
                child.stderr.once('close', closed);
            timers.push(setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(outcome);
            }, PIPE_DRAIN_MS));
        });
        if (spec.signal?.aborted)
            onAbort();
        else
            spec.signal?.addEventListener('abort', onAbort, { once: true });
        if (spec.timeoutMs !== undefined && spec.timeoutMs > 0)
            timers.push(setTimeout(() => {
                timedOut = true;
                stop();
            }, spec.timeoutMs));
    });
}

// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var lib_kv = __webpack_require__(2762);
// EXTERNAL MODULE: ./lib/hooks/env-allowlist.js
var env_allowlist = __webpack_require__(1839);
;// CONCATENATED MODULE: ./lib/hooks/environment.js



/**
 * ALLOCATION_INDEX: KV `<job>_allocation_index` of the allocation namespace when non-empty, else the
 * worker's 0-based place among the job's non-removed allocations (position, then IP). A removed
 * allocation (reconcile's after_allocation_stopped) gets "" instead of failing (spec kv §8 item 9).
 * undefined: the job has no allocation on that worker.
 */
function allocationIndex(db, kv, job, workerIp) {
    const stored = kv.tryGet((0,lib_kv/* allocationNamespace */.QE)(job, workerIp), `${job}_allocation_index`);
    if (stored !== undefined && stored !== '')
        return stored;
    const rows = (0,catalog/* jobAllocations */.pt)(db, job);
    const live = rows.filter((a) => !a.removed);
    const i = live.findIndex((a) => a.workerIp === workerIp);
    if (i >= 0)
        return String(i);
    return rows.some((a) => a.workerIp === workerIp) ? '' : undefined;
}
function hookEnvironment(i) {
    const env = (0,env_allowlist/* allowedHookEnv */.z)(i.base ?? {}, i.optIn);
    // Python block-buffers a pipe; unbuffered output streams hook progress live. A caller's value wins.
    env['PYTHONUNBUFFERED'] ??= '1';
    Object.assign(env, i.extra ?? {});
    env['CURRENT_VERSION'] = i.currentVersion;
    env['NEW_VERSION'] = i.newVersion;
    env['ALLOCATION_ID'] = i.allocId;
    env['ALLOCATION_IP'] = i.workerIp;
    env['ALLOCATION_INDEX'] = i.index;
    env['DISABLED'] = i.disabled ? '1' : '0';
    env['JOB'] = i.job;
    env['EVENT'] = i.event;
    env['COMMAND'] = i.command;
    env['JOB_COMMAND_API_HOST'] = i.api.host;
    env['JOB_COMMAND_API_PORT'] = String(i.api.port);
    env['JOB_COMMAND_API_TOKEN'] = i.api.token;
    return env;
}
/** The batch variables of after_allocation_started / after_allocation_stopped (deploy spec §22.5). */
function batchEnvironment(b) {
    return {
        BATCH_ALLOCATIONS: b.batch.join(','),
        BATCH_INDEX: String(b.index),
        BATCH_COUNT: String(b.count),
        DEPLOY_PHASE: b.phase,
        ROLLOUT_ORDER: (b.rolloutOrder ?? []).join(','),
        ROLLOUT_ORDER_SOURCE: b.rolloutOrderSource ?? '',
    };
}

// EXTERNAL MODULE: ./lib/hooks/errors.js
var errors = __webpack_require__(5285);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/hooks/script.js
// Which file a job command runs and with which program (spec kv §3.2, decision Q24).
// The script is looked up in the catalog copy (what actually runs, so a job removed from the
// workspace still runs its hooks); the Python venv in the workspace (it is never catalogued).



/**
 * Lets Bun-style extensionless relative imports (`import * as maand from "./maand"`) resolve
 * under Node: on "module not found" retry with `.ts`, `.js`, `/index.ts`, `/index.js`.
 */
const NODE_RESOLVE_HOOK = 'data:text/javascript,import{registerHooks}from"node:module";registerHooks({resolve(s,c,n){try{return n(s,c)}catch(e){' +
    'if(e?.code!=="ERR_MODULE_NOT_FOUND"||!/^\\.\\.?\\//.test(s))throw e;for(const x of[".ts",".js","/index.ts","/index.js"]){' +
    'try{return n(s+x,c)}catch{}}throw e}}})';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const VENV_PYTHONS = ['.venv/bin/python3', '.venv/bin/python', 'venv/bin/python3', 'venv/bin/python'];
function resolveHookScript(o) {
    const where = { job: o.job, command: o.command, event: o.event };
    const dirRel = `workspace/jobs/${o.job}/_modules`;
    const exts = ['py', 'ts', 'js'].filter((ext) => hasCatalogFile(o.db, o.job, `${o.job}/_modules/${o.command}.${ext}`));
    if (exts.length === 0)
        throw new errors/* JobCommandError */.d('script', where, `job ${o.job} command ${o.command}: job command file not found: expected ${o.command}.py, ${o.command}.ts, or ${o.command}.js under ${dirRel} (run maand build after adding it)`);
    if (exts.length > 1)
        throw new errors/* JobCommandError */.d('script', where, `job ${o.job} command ${o.command}: invalid job command configuration: multiple implementations for ${o.command} under ${dirRel} (use only one of .py, .ts, .js)`);
    const ext = exts[0];
    const file = `${o.command}.${ext}`;
    const path = o.env?.['PATH'] ?? DEFAULT_PATH;
    if (ext === 'py') {
        const program = pythonFor(o.root, o.job);
        return { file, ext, runtime: 'python', program: requireProgram(program, path, where), args: [file] };
    }
    if (o.runtimes?.script === 'bun') {
        return { file, ext, runtime: 'bun', program: requireProgram(o.runtimes.bun ?? 'bun', path, where), args: ['run', file] };
    }
    const node = o.runtimes?.node ?? process.execPath;
    return { file, ext, runtime: 'node', program: requireProgram(node, path, where), args: ['--import', NODE_RESOLVE_HOOK, file] };
}
/** The job's workspace venv interpreter (absolute) if one exists, else `python3`. */
function pythonFor(root, job) {
    const modules = (0,external_node_path_.join)(root, 'workspace', 'jobs', job, '_modules');
    for (const rel of VENV_PYTHONS) {
        const p = (0,external_node_path_.join)(modules, rel);
        if ((0,external_node_fs_.statSync)(p, { throwIfNoEntry: false })?.isFile())
            return p;
    }
    return 'python3';
}
function hasCatalogFile(db, job, path) {
    return db.prepare('SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.path = ? AND f.isdir = 0 LIMIT 1').get(job, path) !== undefined;
}
/** Absolute path of `program` (searched in `path` unless it contains a `/`), or the prerequisite error. */
function requireProgram(program, path, where) {
    const candidates = program.includes('/') ? [program] : path.split(external_node_path_.delimiter).filter((d) => (0,external_node_path_.isAbsolute)(d)).map((d) => (0,external_node_path_.join)(d, program));
    for (const c of candidates)
        if (isExecutableFile(c))
            return c;
    throw new errors/* JobCommandError */.d('prerequisites', where, `host prerequisites not met: ${program} (job ${where.job} command ${where.command} needs it on the machine running maand)`);
}
function isExecutableFile(p) {
    try {
        if (!(0,external_node_fs_.statSync)(p).isFile())
            return false;
        (0,external_node_fs_.accessSync)(p, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./lib/util/assets.js
var assets = __webpack_require__(147);
;// CONCATENATED MODULE: ./lib/hooks/workspace.js
// The per-allocation hook workspace (spec kv §3.3): tmp/workers/<ip>/jobs/<job>/ under the bucket
// root (maand.py's find_bucket_root relies on that), filled from the catalog copy of the job, the
// client libraries and the allocation's certificates. Files of an earlier staging in the same run
// (rendered templates, certs/) stay.






const CLIENT_LIBRARIES = ['maand.py', 'maand.ts'];
/** `<root>/tmp/workers/<ip>/jobs/<job>` — shared with deploy staging. */
function jobWorkspaceDir(root, workerIp, job) {
    return (0,external_node_path_.join)(root, 'tmp', 'workers', workerIp, 'jobs', job);
}
/** Prepares the workspace and returns its `_modules` directory (the hook's cwd). */
function prepareHookWorkspace(o) {
    const where = { job: o.job, command: o.command, event: o.event ?? '' };
    const dir = jobWorkspaceDir(o.root, o.workerIp, o.job);
    const modules = (0,external_node_path_.join)(dir, '_modules');
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        for (const f of selectFiles(o)) {
            const rel = f.path.slice(o.job.length + 1);
            const target = (0,external_node_path_.join)(dir, rel);
            if (f.isdir)
                (0,external_node_fs_.mkdirSync)(target, { recursive: true });
            else {
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
                (0,external_node_fs_.writeFileSync)(target, f.content, { mode: 0o777 });
            }
        }
        (0,external_node_fs_.mkdirSync)(modules, { recursive: true });
        writeClientLibraries(modules);
        writeCerts(o, (0,external_node_path_.join)(modules, 'certs'));
    }
    catch (e) {
        if (e instanceof errors/* JobCommandError */.d)
            throw e;
        throw new errors/* JobCommandError */.d('workspace', where, `job ${o.job} command ${o.command} worker ${o.workerIp}: preparing the hook workspace ${dir}: ${e.message}`);
    }
    return modules;
}
/** Writes `maand.py` and `maand.ts` (0644) into `modulesDir`. */
function writeClientLibraries(modulesDir) {
    for (const name of CLIENT_LIBRARIES) {
        const target = (0,external_node_path_.join)(modulesDir, name);
        (0,external_node_fs_.writeFileSync)(target, clientLibrary(name));
        (0,external_node_fs_.chmodSync)(target, 0o644);
    }
}
const libraryCache = new Map();
/** The bytes of a shipped client library (part of the deploy plan hash). */
function clientLibrary(name) {
    let bytes = libraryCache.get(name);
    if (bytes === undefined)
        libraryCache.set(name, (bytes = (0,external_node_fs_.readFileSync)((0,assets/* assetPath */.Q)(name))));
    return bytes;
}
function selectFiles(o) {
    const rel = (f) => f.path.slice(o.job.length + 1);
    const all = (0,catalog/* jobFiles */.DE)(o.db, o.job).filter((f) => f.path.startsWith(`${o.job}/`) && safeRelative(rel(f)));
    if (o.variant === 'full')
        return all.filter((f) => rel(f) !== '_prometheus' && !rel(f).startsWith('_prometheus/'));
    const prefix = `${o.job}/_modules/${o.command}.`;
    const own = all.filter((f) => !f.isdir && f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('/'));
    if (own.length === 0)
        throw new errors/* JobCommandError */.d('script', { job: o.job, command: o.command, event: o.event ?? '' }, `job command file not found: job ${o.job} command ${o.command} module not in job_files (run maand build)`);
    return own;
}
function writeCerts(o, certsDir) {
    (0,external_node_fs_.mkdirSync)(certsDir, { recursive: true });
    const ns = (0,lib_kv/* allocationNamespace */.QE)(o.job, o.workerIp);
    for (const key of o.kv.keys(ns)) {
        if (!key.startsWith(lib_kv/* CERTS_KEY_PREFIX */.$x) || !safeRelative(key.slice(lib_kv/* CERTS_KEY_PREFIX */.$x.length)))
            continue;
        const target = (0,external_node_path_.join)(certsDir, key.slice(lib_kv/* CERTS_KEY_PREFIX */.$x.length));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, (0,lib_kv/* readPlain */.rM)(o.kv, ns, key) ?? '');
        (0,external_node_fs_.chmodSync)(target, key.endsWith('.key') ? 0o600 : 0o644);
    }
    const ca = (0,external_node_path_.join)(certsDir, 'ca.crt');
    if ((0,external_node_fs_.existsSync)(ca))
        return;
    const pem = o.kv.tryGet(lib_kv/* WORKERS_NS */.sw, 'certs/ca.crt');
    if (pem === undefined)
        throw new errors/* JobCommandError */.d('workspace', { job: o.job, command: o.command, event: o.event ?? '' }, `job ${o.job} command ${o.command} worker ${o.workerIp}: certs/ca.crt in ${lib_kv/* WORKERS_NS */.sw}: key not found or deleted (run maand build)`);
    (0,external_node_fs_.writeFileSync)(ca, pem, { mode: 0o644 });
}
/** A relative path without empty, `.` or `..` segments (catalog and KV data never escape the workspace). */
function safeRelative(rel) {
    return rel !== '' && !rel.startsWith('/') && rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

;// CONCATENATED MODULE: ./lib/hooks/runner.js
// Runs one job command for one event on a list of allocations (spec kv §3.4–§3.7, deploy §22.1).
// Setup (registration, script, interpreter, every workspace) is checked before any hook starts;
// then hooks run with bounded concurrency and all of them finish (no fail-fast).
//
// KV: no change from a failed run is kept. A KvStore snapshot is taken before the run and restored
// when any allocation failed, which reverts every write made while the run was in flight — also
// those of its allocations that succeeded, and those of any other writer of the same store in
// that window. Callers therefore never write the store concurrently with a hook run they want
// reverted independently. health_check runs take no snapshot (the API refuses their writes), so
// parallel health checks of several jobs never end each other's snapshots.











/** Parallelism per event (spec kv §3.6); `rows` = the job's allocation rows (job_control). */
function defaultConcurrency(event, workers, rows) {
    if (event === 'health_check')
        return 10;
    if (event === 'job_control')
        return Math.max(1, rows);
    if (event === 'after_allocation_started')
        return Math.max(1, workers);
    return 1;
}
async function runJobCommand(ctx, o) {
    const { job, command, event } = o;
    const base = { job, command, event };
    const fail = (error) => done(ctx, { ...base, ok: false, allocations: [], error, kvReverted: false });
    if (!(0,catalog/* isRegistered */.zN)(ctx.db, job, command, event))
        return fail((0,errors/* notRegistered */.OD)(job, command, event));
    const workers = [...new Set(o.workers ?? (0,catalog/* activeWorkers */.mR)(ctx.db, job))];
    ctx.onProgress?.({ type: 'command-start', job, command, event, workers });
    if (workers.length === 0)
        return done(ctx, { ...base, ok: true, allocations: [], kvReverted: false });
    const rows = (0,catalog/* jobAllocations */.pt)(ctx.db, job);
    // read per run, not taken from callers, so no caller can forget the bucket's opt-ins
    const optIn = (0,maand_conf/* readMaandConf */.MC)((0,paths/* bucketPaths */.Z)(ctx.root).maandConf).hook_env;
    let script;
    const modules = new Map();
    try {
        script = resolveHookScript({ root: ctx.root, db: ctx.db, job, command, event, runtimes: ctx.runtimes, env: ctx.env });
        for (const ip of workers) {
            if (!rows.some((r) => r.workerIp === ip))
                continue; // reported per worker below
            const variant = o.workspace ?? (event === 'health_check' ? 'health-fast' : 'full');
            modules.set(ip, prepareHookWorkspace({ root: ctx.root, db: ctx.db, kv: ctx.kv, job, workerIp: ip, variant, command, event }));
        }
    }
    catch (e) {
        if (e instanceof errors/* JobCommandError */.d)
            return fail(e);
        throw e;
    }
    const secs = (0,catalog/* commandTimeoutSeconds */.Cl)(ctx.db, job, command);
    const timeoutMs = o.timeoutMs ?? (secs === undefined ? undefined : secs * 1000);
    const concurrency = Math.max(1, o.concurrency ?? defaultConcurrency(event, workers.length, rows.length));
    const revert = (o.revertKvOnFailure ?? true) && event !== 'health_check';
    const snap = revert ? ctx.kv.snapshot() : undefined;
    const results = await (0,pool/* runLimited */.O)(workers.map((ip) => () => runOne(ctx, o, optIn, script, ip, modules.get(ip), rows.find((r) => r.workerIp === ip), timeoutMs)), concurrency);
    const failed = results.filter((r) => !r.ok);
    let kvReverted = false;
    if (snap !== undefined) {
        if (failed.length > 0)
            kvReverted = ctx.kv.restore(snap);
        else
            ctx.kv.release(snap);
    }
    if (failed.length === 0)
        return done(ctx, { ...base, ok: true, allocations: results, kvReverted });
    const kind = ctx.signal?.aborted ? 'cancelled' : 'failed';
    // one cause, said once with the workers it hit
    const causes = (0,deploy_causes/* byCause */.zs)(failed.map((r) => ({ worker: r.worker, error: r.worker === '' ? (r.error ?? 'failed') : `worker ${r.worker}: ${r.error ?? 'failed'}` })));
    const text = `job ${job} command ${command} failed: ${causes.join('; ')} (event ${event})`;
    return done(ctx, { ...base, ok: false, allocations: results, error: new errors/* JobCommandError */.d(kind, base, text), kvReverted });
}
function done(ctx, result) {
    ctx.onProgress?.({ type: 'command-end', result });
    return result;
}
async function runOne(ctx, o, optIn, script, ip, modulesDir, row, timeoutMs) {
    const { job, command, event } = o;
    const started = Date.now();
    const tail = new OutputTail(ctx.outputTailBytes ?? DEFAULT_TAIL_BYTES);
    const result = (r) => {
        const out = {
            job, command, event, worker: ip, allocId: row?.allocId ?? '', exitCode: null, timedOut: false,
            durationMs: Date.now() - started, outputTail: tail.text(), ...r,
        };
        ctx.onProgress?.({ type: 'allocation-end', result: out });
        return out;
    };
    const index = row === undefined ? undefined : allocationIndex(ctx.db, ctx.kv, job, ip);
    if (row === undefined || modulesDir === undefined || index === undefined)
        return result({ ok: false, error: `allocation index not found for job ${job} on worker ${ip}` });
    if (ctx.signal?.aborted)
        return result({ ok: false, error: 'cancelled before it started' });
    const versions = (0,catalog/* allocationVersions */.CD)(ctx.db, job, row.allocId);
    const line = (stream, text) => {
        tail.add(text);
        ctx.onOutput?.({ job, worker: ip, event, command, stream, text });
    };
    // this child's own API token: valid for its allocation and event only, revoked when it ends
    const session = ctx.api.openHook({ allocId: row.allocId, event, command }, (refusal) => line('stderr', `maand: the runtime API refused ${refusal}`));
    const env = hookEnvironment({
        base: ctx.env, optIn, extra: o.extraEnv, currentVersion: versions.current, newVersion: versions.next, allocId: row.allocId,
        workerIp: ip, index, disabled: row.disabled, job, event, command, api: { host: ctx.api.host, port: ctx.api.port, token: session.token },
    });
    ctx.onProgress?.({ type: 'allocation-start', job, command, event, worker: ip, script: script.file });
    let outcome;
    try {
        outcome = await runChild({ program: script.program, args: script.args, cwd: modulesDir, env, timeoutMs, signal: ctx.signal, onLine: line });
    }
    finally {
        session.close();
    }
    ctx.api.releaseHolds?.(row.allocId, event);
    const refused = ctx.api.takeRejections?.(row.allocId) ?? [];
    const ok = outcome.spawnError === undefined && outcome.exitCode === 0 && !outcome.timedOut && !outcome.cancelled;
    if (ok)
        return result({ ok, exitCode: 0 });
    let error;
    if (outcome.spawnError !== undefined)
        error = `unexpected error: ${outcome.spawnError}`;
    else if (outcome.timedOut)
        error = `command timed out after ${formatSeconds(timeoutMs ?? 0)} and was stopped (exit -1); raise commands.${command}.timeout_seconds in manifest.json if it needs longer`;
    else if (outcome.cancelled)
        error = 'cancelled (exit -1)';
    else
        error = `command execution failed (exit ${outcome.exitCode})`;
    if (refused.length > 0)
        error += `; the runtime API refused: ${refused.slice(0, 3).join('; ')}`;
    return result({ ok: false, exitCode: outcome.spawnError === undefined ? outcome.exitCode : null, timedOut: outcome.timedOut, error });
}
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(3))}s`;
}


/***/ }),

/***/ 999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ startRuntimeApi)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(6495);
// EXTERNAL MODULE: ./lib/util/json-decode.js
var json_decode = __webpack_require__(8719);
;// CONCATENATED MODULE: ./lib/hooks/http-io.js
// Request and response plumbing of the runtime API with the reference's wire behaviour (spec kv
// §3.9.2): text errors end with "\n", JSON bodies end with "\n", the request body is decoded like
// Go's json.Decoder into a struct (first JSON value only, case-insensitive fields, wrong types rejected).



/** Request bodies are tiny JSON objects; anything larger is refused. */
const MAX_BODY_BYTES = 1024 * 1024;
class HttpFailure extends errors/* MaandError */.Ob {
    name = 'HttpFailure';
    status;
    constructor(status, message) {
        super('runtime api', message, undefined, { bare: true });
        this.status = status;
    }
}
function sendText(res, status, message) {
    const body = message === '' ? '' : `${message}\n`;
    res.writeHead(status, body === '' ? {} : { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
}
/** JSON as Go's encoder writes it (keys in the given order, HTML characters escaped) plus "\n". */
function sendJson(res, value) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(`${(0,go_json/* goJson */.Pl)(value, false)}\n`);
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (b) => {
            size += b.length;
            if (size > MAX_BODY_BYTES) {
                reject(new HttpFailure(400, 'Failed to read request body'));
                req.destroy();
                return;
            }
            chunks.push(b);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', () => reject(new HttpFailure(400, 'Failed to read request body')));
    });
}
/**
 * Decodes `text` into the named fields. Empty body → 400 `Failed to read request body`; malformed
 * JSON, a non-object, or a field of the wrong type → 400 `Invalid JSON format`. Absent fields and
 * `null` give '' / 0.
 */
function decodeStruct(text, fields) {
    const first = firstJsonValue(text);
    if (first === undefined)
        throw new HttpFailure(400, 'Failed to read request body');
    let doc;
    try {
        doc = JSON.parse(first);
    }
    catch {
        throw new HttpFailure(400, 'Invalid JSON format');
    }
    if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc)))
        throw new HttpFailure(400, 'Invalid JSON format');
    const obj = doc ?? {};
    const out = {};
    for (const [name, kind] of Object.entries(fields)) {
        const v = (0,json_decode/* field */.ZZ)(obj, name);
        if (v === undefined || v === null)
            out[name] = kind === 'string' ? '' : 0;
        else if (kind === 'string' && typeof v === 'string')
            out[name] = v;
        else if (kind === 'int' && typeof v === 'number' && Number.isInteger(v))
            out[name] = v;
        else
            throw new HttpFailure(400, 'Invalid JSON format');
    }
    return out;
}
/** The text of the first JSON value in `text` (Go's Decoder reads one value); undefined when blank. */
function firstJsonValue(text) {
    let i = 0;
    while (i < text.length && /\s/.test(text[i]))
        i++;
    if (i === text.length)
        return undefined;
    const start = i;
    if ('{["'.includes(text[i])) {
        const end = (0,json_decode/* jsonValueEnd */.R2)(text, start);
        return end < 0 ? text.slice(start) : text.slice(start, end); // truncated: JSON.parse reports it
    }
    while (i < text.length && !/[\s{}[\],"]/.test(text[i]))
        i++;
    return text.slice(start, i);
}

// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var lib_kv = __webpack_require__(2762);
;// CONCATENATED MODULE: ./lib/hooks/semaphores.js
// Named counting semaphores of one run (spec kv §3.10): scope `<job>/<event>/<name>`, created by
// the first acquire with its capacity, re-entrant per allocation, FIFO waiters, bounded waits.
// Unlike the reference, a hook's holds are dropped when its process exits (`releaseAll`), so a
// script that dies without releasing cannot block the rest of the run.

const MAX_CAPACITY = 64;
const DEFAULT_TIMEOUT_SECONDS = 600;
const MAX_TIMEOUT_SECONDS = 3600;
const CONFLICT = 'Semaphore acquire or release failed';
const TIMED_OUT = 'Timed out waiting for semaphore';
/** capacity < 1 (or absent) → 1; > 64 → 409. */
function normalizeCapacity(capacity) {
    const c = capacity === undefined || capacity < 1 ? 1 : capacity;
    if (c > MAX_CAPACITY)
        throw new HttpFailure(409, CONFLICT);
    return c;
}
/** timeout ≤ 0 (or absent) → 600 s; > 3600 → 3600 s. */
function normalizeTimeoutSeconds(seconds) {
    if (seconds === undefined || seconds <= 0)
        return DEFAULT_TIMEOUT_SECONDS;
    return Math.min(seconds, MAX_TIMEOUT_SECONDS);
}
class SemaphoreTable {
    #all = new Map();
    /** Resolves once `allocId` holds a slot; rejects 408 after `timeoutMs` or when `signal` aborts, 409 on a capacity mismatch. */
    acquire(scope, allocId, capacity, timeoutMs, signal) {
        const key = scopeKey(scope);
        let s = this.#all.get(key);
        if (s === undefined)
            this.#all.set(key, (s = { scope, capacity, holders: new Set(), queue: [] }));
        if (s.capacity !== capacity)
            return Promise.reject(new HttpFailure(409, CONFLICT));
        if (s.holders.has(allocId))
            return Promise.resolve();
        if (s.holders.size < s.capacity && s.queue.length === 0) {
            s.holders.add(allocId);
            return Promise.resolve();
        }
        const sem = s;
        return new Promise((resolve, reject) => {
            const giveUp = () => {
                const i = sem.queue.indexOf(waiter);
                if (i >= 0)
                    sem.queue.splice(i, 1);
                cleanup();
                reject(new HttpFailure(408, TIMED_OUT));
            };
            const timer = setTimeout(giveUp, timeoutMs);
            const cleanup = () => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', giveUp);
            };
            const waiter = {
                allocId,
                grant: () => {
                    cleanup();
                    resolve();
                },
            };
            sem.queue.push(waiter);
            if (signal?.aborted)
                giveUp();
            else
                signal?.addEventListener('abort', giveUp, { once: true });
        });
    }
    /** 409 when the semaphore is unknown or `allocId` does not hold it. */
    release(scope, allocId) {
        const s = this.#all.get(scopeKey(scope));
        if (s === undefined || !s.holders.delete(allocId))
            throw new HttpFailure(409, CONFLICT);
        grant(s);
    }
    /** Drops every hold of `allocId` under `event` (any job, any name). */
    releaseAll(allocId, event) {
        for (const s of this.#all.values())
            if (s.scope.event === event && s.holders.delete(allocId))
                grant(s);
    }
    status(scope) {
        const s = this.#all.get(scopeKey(scope));
        if (s === undefined)
            return { name: scope.name, capacity: 1, holders: null, waiting: 0, available: 1 };
        return { name: scope.name, capacity: s.capacity, holders: [...s.holders].sort(), waiting: s.queue.length, available: s.capacity - s.holders.size };
    }
}
function grant(s) {
    while (s.queue.length > 0 && s.holders.size < s.capacity) {
        const w = s.queue.shift();
        s.holders.add(w.allocId);
        w.grant();
    }
}
function scopeKey(s) {
    return `${s.job}/${s.event}/${s.name}`;
}

;// CONCATENATED MODULE: ./lib/hooks/runtime-handlers.js




const REQUIRED = 'Both namespace and key are required';
const UNAUTHORIZED = 'Invalid or unauthorized namespace';
const HEALTH_WRITE = 'KV writes are not allowed during health_check';
const NOT_FOUND = 'KV get operation failed';
const INTERNAL = 'Internal server error';
function kvFields(body, withValue) {
    const fields = withValue ? { namespace: 'string', key: 'string', value: 'string' } : { namespace: 'string', key: 'string' };
    const b = decodeStruct(body, fields);
    const out = { namespace: String(b['namespace']), key: String(b['key']), value: withValue ? String(b['value']) : '' };
    if (out.namespace === '' || out.key === '' || (withValue && out.value === ''))
        throw new HttpFailure(400, REQUIRED);
    return out;
}
function refuse(deps, r, op, ns, key, status, message) {
    deps.refuse(r.caller, `${op} ${ns} ${key}`.trim(), message);
    throw new HttpFailure(status, message);
}
const getKv = (deps, r) => {
    const { namespace: ns, key } = kvFields(r.body, false);
    const { job, workerIp } = r.caller;
    if (!(0,lib_kv/* canRead */.Tt)((0,lib_kv/* namespacesForAllocation */.GD)({ job, workerIp, upstreamJobs: (0,lib_kv/* upstreamJobs */.oZ)(deps.db, job) }), ns))
        refuse(deps, r, 'GET /kv', ns, key, 403, UNAUTHORIZED);
    const kv = deps.kv();
    if (kv.tryGet(ns, key) === undefined)
        throw new HttpFailure(404, NOT_FOUND);
    let value;
    try {
        value = (0,lib_kv/* readPlain */.rM)(kv, ns, key);
    }
    catch {
        throw new HttpFailure(500, INTERNAL);
    }
    sendJson(r.res, value === '' ? { namespace: ns, key } : { namespace: ns, key, value });
};
function writer(op, secret) {
    const label = `${op === 'put' ? 'PUT' : 'DELETE'} /kv${secret ? '/secret' : ''}`;
    return (deps, r) => {
        const { namespace: ns, key, value } = kvFields(r.body, op === 'put');
        const verdict = (0,lib_kv/* canWrite */._4)({ job: r.caller.job, event: r.caller.event, ns, key, secret, op });
        if (verdict === 'forbidden-namespace')
            refuse(deps, r, label, ns, key, 403, UNAUTHORIZED);
        if (verdict === 'health-check-write')
            refuse(deps, r, label, ns, key, 400, HEALTH_WRITE);
        const kv = deps.kv();
        try {
            if (op === 'delete')
                kv.delete(ns, key);
            else if (secret)
                kv.putSecret(ns, key, value);
            else
                kv.put(ns, key, value);
        }
        catch (e) {
            if ((0,lib_kv/* isKvError */.qb)(e, 'not-found'))
                throw new HttpFailure(404, NOT_FOUND);
            throw new HttpFailure(500, INTERNAL); // unknown namespace (reference quirk), missing kv.key
        }
        sendText(r.res, 200, '');
    };
}
const listKeys = (deps, r) => {
    const ns = decodeStruct(r.body, { namespace: 'string' }).namespace;
    const own = [(0,lib_kv/* jobSecretsNamespace */.WM)(r.caller.job), (0,lib_kv/* jobVarsNamespace */.po)(r.caller.job)]; // sorted, as Go encodes a map
    if (ns !== '' && !own.includes(ns))
        refuse(deps, r, 'GET /kv/keys', ns, '', 403, UNAUTHORIZED);
    const kv = deps.kv();
    const namespaces = {};
    for (const n of own)
        if (ns === '' || ns === n)
            namespaces[n] = kv.keys(n);
    sendJson(r.res, { namespaces });
};
const demands = (deps, r) => {
    const out = (0,catalog/* demandsOn */.gq)(deps.db, r.caller.job, r.caller.command).map((d) => {
        let config;
        try {
            config = d.demandConfig === '' ? null : sortKeysDeep(JSON.parse(d.demandConfig));
        }
        catch {
            throw new HttpFailure(500, INTERNAL);
        }
        return { job: d.job, command: d.command, demand_config: config };
    });
    sendJson(r.res, out);
};
const acquire = async (deps, r) => {
    const b = decodeStruct(r.body, { name: 'string', capacity: 'int', timeout_seconds: 'int' });
    const name = b.name;
    if (name === '')
        throw new HttpFailure(400, REQUIRED);
    const capacity = normalizeCapacity(b.capacity);
    const timeoutMs = normalizeTimeoutSeconds(b.timeout_seconds) * 1000;
    await deps.semaphores.acquire({ job: r.caller.job, event: r.caller.event, name }, r.caller.allocId, capacity, timeoutMs, r.signal);
    sendJson(r.res, { name, allocation_id: r.caller.allocId, capacity, acquired: true });
};
const release = (deps, r) => {
    const name = decodeStruct(r.body, { name: 'string' }).name;
    if (name === '')
        throw new HttpFailure(400, REQUIRED);
    deps.semaphores.release({ job: r.caller.job, event: r.caller.event, name }, r.caller.allocId);
    sendText(r.res, 200, '');
};
const runtime_handlers_status = (deps, r) => {
    const name = r.query.get('name') ?? '';
    if (name === '')
        throw new HttpFailure(400, REQUIRED);
    sendJson(r.res, deps.semaphores.status({ job: r.caller.job, event: r.caller.event, name }));
};
const ROUTES = {
    '/kv': [
        { method: 'GET', body: true, handler: getKv },
        { method: 'PUT', body: true, handler: writer('put', false) },
        { method: 'DELETE', body: true, handler: writer('delete', false) },
    ],
    '/kv/keys': [{ method: 'GET', body: true, handler: listKeys }],
    '/kv/secret': [
        { method: 'PUT', body: true, handler: writer('put', true) },
        { method: 'DELETE', body: true, handler: writer('delete', true) },
    ],
    '/demands': [{ method: 'GET', body: false, handler: demands }],
    '/semaphore/acquire': [{ method: 'POST', body: true, handler: acquire }],
    '/semaphore/release': [{ method: 'POST', body: true, handler: release }],
    '/semaphore/status': [{ method: 'GET', body: false, handler: runtime_handlers_status }],
};
/** Objects with sorted keys at every level (Go encodes maps sorted). */
function sortKeysDeep(v) {
    if (Array.isArray(v))
        return v.map(sortKeysDeep);
    if (v === null || typeof v !== 'object')
        return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeysDeep(v[k])]));
}

;// CONCATENATED MODULE: ./lib/hooks/runtime-api.js
// The runtime HTTP API hooks call back into (spec kv §3.9, decision Q23): one server per run on
// 127.0.0.1 and an ephemeral port. Every hook process gets its own random token, minted when it
// starts and revoked when it ends, bound to its allocation, event and command (issue 15): the
// X-ALLOCATION-ID header cannot make it act as another job, and no other local process (nor a
// hook after it ended) can use the API. There is no run-level token: only hooks call the API. It
// reads and writes the run's KvStore itself: a value a pre_deploy hook puts is what a later
// template render reads.







const MAX_REJECTIONS = 10;
async function startRuntimeApi(o) {
    const host = o.host ?? '127.0.0.1';
    const semaphores = new SemaphoreTable();
    const rejections = new Map();
    /** token → the hook it was minted for (whom it acts as); removed when the hook ends */
    const grants = new Map();
    const deps = {
        db: o.db,
        kv: typeof o.kv === 'function' ? o.kv : () => o.kv,
        semaphores,
        refuse(caller, what, message) {
            const refusal = `${what}: ${message}`;
            const list = rejections.get(caller.allocId) ?? [];
            if (list.length < MAX_REJECTIONS)
                list.push(refusal);
            rejections.set(caller.allocId, list);
            caller.onRefused?.(refusal);
        },
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(deps, grants, req, res).catch(() => {
            if (!res.headersSent)
                sendText(res, 500, 'Internal server error');
            else
                res.destroy();
        });
    });
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 30_000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: 0 }, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    return {
        host,
        port,
        url: `http://${host}:${port}`,
        openHook: (grant, onRefused) => openHook(o.db, grants, grant, onRefused),
        releaseHolds: (allocId, event) => semaphores.releaseAll(allocId, event),
        takeRejections(allocId) {
            const list = rejections.get(allocId) ?? [];
            rejections.delete(allocId);
            return list;
        },
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
function openHook(db, grants, g, onRefused) {
    const alloc = (0,catalog/* allocationById */.hX)(db, g.allocId);
    if (alloc === undefined)
        throw new errors/* InternalError */.Gd(`runtime API: no allocation ${g.allocId} to mint a hook token for`);
    const token = (0,external_node_crypto_.randomBytes)(32).toString('hex');
    grants.set(token, { allocId: g.allocId, job: alloc.job, workerIp: alloc.workerIp, event: g.event, command: g.command, ...(onRefused ? { onRefused } : {}) });
    return { token, close: () => void grants.delete(token) };
}
async function handle(deps, grants, req, res) {
    // whom the token was minted for; event and command never come from headers (a hook cannot lift the health_check write ban)
    const caller = grantOf(req, grants);
    if (caller === undefined)
        return sendText(res, 401, 'Unauthorized: missing, wrong or expired runtime API token (send JOB_COMMAND_API_TOKEN as Authorization: Bearer)');
    const url = new URL(req.url ?? '/', 'http://runtime-api');
    const routes = ROUTES[url.pathname];
    if (routes === undefined)
        return sendText(res, 404, '404 page not found');
    const route = routes.find((r) => r.method === req.method);
    if (route === undefined)
        return sendText(res, 405, '');
    const allocId = header(req, 'x-allocation-id');
    if (allocId === '')
        return sendText(res, 400, 'X-ALLOCATION-ID header is missing');
    if (allocId !== caller.allocId) {
        const message = `Forbidden: this token belongs to a hook of job ${caller.job}; X-ALLOCATION-ID ${allocId} is not its allocation`;
        deps.refuse(caller, `${req.method ?? ''} ${url.pathname}`, message);
        return sendText(res, 403, message);
    }
    const gone = new AbortController();
    res.on('close', () => {
        if (!res.writableFinished)
            gone.abort();
    });
    try {
        const body = route.body ? await readBody(req) : '';
        await route.handler(deps, { caller, body, query: url.searchParams, res, signal: gone.signal });
    }
    catch (e) {
        if (!(e instanceof HttpFailure))
            throw e;
        if (!res.headersSent && !res.destroyed)
            sendText(res, e.status, e.message);
    }
}
function header(req, name) {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
}
/** The grant of the request's token (Authorization: Bearer, or X-MAAND-TOKEN), compared in constant time. */
function grantOf(req, grants) {
    const auth = header(req, 'authorization');
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : header(req, 'x-maand-token').trim());
    for (const [token, grant] of grants) {
        const b = Buffer.from(token);
        if (given.length === b.length && (0,external_node_crypto_.timingSafeEqual)(given, b))
            return grant;
    }
    return undefined;
}


/***/ }),

/***/ 7243:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kq: () => (/* binding */ formatSummary),
/* harmony export */   p1: () => (/* binding */ formatHookLine),
/* harmony export */   qF: () => (/* binding */ formatEvent)
/* harmony export */ });
function formatEvent(e) {
    switch (e.type) {
        case 'phase':
            return e.phase === 'wave' ? `== deployment sequence ${e.seq}` : e.phase === 'reconcile' ? undefined : '== refreshing worker files';
        case 'job-skipped':
            return `  ${e.job}: unchanged (${e.reason})`;
        case 'job-started':
            return `  ${e.job}: rolling out`;
        case 'batch-started':
            return `  ${e.job}: ${e.action} batch ${e.index + 1}/${e.count} on ${e.workers.join(', ')}`;
        case 'batch-promoted':
            return `  ${e.job}: promoted ${e.workers.join(', ')}`;
        case 'job-finished':
            return e.result.status === 'failed' || e.result.status === 'blocked'
                ? `  ${e.result.job}: FAILED: ${e.result.error ?? e.result.reason}`
                : `  ${e.result.job}: ${e.result.status} in ${(e.result.durationMs / 1000).toFixed(1)}s`;
        case 'reconcile':
            return `  reconcile: ${e.result.action} ${e.result.job ? `${e.result.job} ` : ''}on ${e.result.workerIp}: ${e.result.outcome}${e.result.error ? ` (${e.result.error})` : ''}`;
        case 'output':
            return `${[e.job, e.worker].filter(Boolean).join('@') || '-'} ${e.stream === 'stdout' ? '|' : '!'} ${e.text}`;
        case 'health':
            // a job without checks says nothing; the log file keeps it
            if (e.status === 'skipped')
                return undefined;
            // a failure's reason follows in the job's FAILED line
            return `  ${e.job}: health check ${e.status === 'retrying' ? `failed (${firstLine(e.detail, 200)}), retrying` : e.status}`;
        case 'warning':
            return `warning: ${e.message}`;
        default:
            return undefined;
    }
}
function formatSummary(r) {
    const by = (s) => r.jobs.filter((j) => j.status === s).map((j) => j.job);
    const deployed = by('deployed');
    const unchanged = by('unchanged');
    const parts = [
        `deploy ${r.failedJobs.length > 0 ? 'finished with failures' : 'ok'} in ${(r.durationMs / 1000).toFixed(1)}s`,
        `deployed: ${deployed.length ? deployed.join(', ') : 'none'}`,
        `unchanged: ${unchanged.length ? unchanged.join(', ') : 'none'}`,
    ];
    if (r.reconcile.length > 0)
        parts.push(`stopped/cleaned: ${r.reconcile.filter((x) => x.outcome === 'ok').length}`);
    if (r.failedJobs.length > 0)
        parts.push(`failed: ${r.failedJobs.join(', ')}`);
    if (r.updateSeqBumped)
        parts.push(`update_seq: ${r.updateSeq}`);
    if (r.certMetrics && !r.certMetrics.error)
        parts.push(`cert metrics: ${r.certMetrics.series} series pushed`);
    return `${parts.join('; ')}\n`;
}
/** One line a hook printed, as the CLI and the Action show it. */
function formatHookLine(l) {
    return `${l.job}@${l.worker} [${l.event} ${l.command}] ${l.stream === 'stdout' ? '|' : '!'} ${l.text}`;
}
function firstLine(text, max) {
    const line = text.split('\n')[0].trim();
    return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}


/***/ }),

/***/ 147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ assetPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(452);
// Files shipped next to the code (assets/ in the repository, dist/assets/ next to the bundles).



const CANDIDATES = ['../../assets/', '../assets/'];
function assetPath(name) {
    for (const rel of CANDIDATES) {
        const p = (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(new URL(rel + name, import.meta.url));
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p))
            return p;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InternalError */ .Gd(`asset ${name} not found next to ${(0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url)}; reinstall maand`);
}


/***/ }),

/***/ 6495:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ goJson),
/* harmony export */   U6: () => (/* binding */ byteCompare)
/* harmony export */ });
/* unused harmony export goJsonString */
// JSON text as Go's encoding/json writes it: no whitespace, `<`, `>`, `&`, U+2028, U+2029 escaped,
// map keys sorted byte-wise. Struct-shaped values keep their insertion order (`sortKeys: false`).
const ESCAPES = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
function goJsonString(s) {
    return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]);
}
function byteCompare(a, b) {
    if (a === b)
        return 0;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
/** Encodes `value`; plain objects are maps (sorted keys) unless `sortKeys` is false (structs). */
function goJson(value, sortKeys = true) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'string')
        return goJsonString(value);
    if (typeof value === 'number')
        return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (Array.isArray(value))
        return `[${value.map((v) => goJson(v, sortKeys)).join(',')}]`;
    if (value instanceof Map) {
        const keys = [...value.keys()].map(String).sort(byteCompare);
        return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k), sortKeys)}`).join(',')}}`;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (sortKeys)
        entries.sort(([a], [b]) => byteCompare(a, b));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v, sortKeys)}`).join(',')}}`;
}


/***/ }),

/***/ 8719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ asInt),
/* harmony export */   Dx: () => (/* binding */ asStringArray),
/* harmony export */   Ht: () => (/* binding */ JsonDecodeError),
/* harmony export */   R2: () => (/* binding */ jsonValueEnd),
/* harmony export */   XL: () => (/* binding */ asBool),
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   eB: () => (/* binding */ asObject),
/* harmony export */   oJ: () => (/* binding */ asString),
/* harmony export */   qF: () => (/* binding */ parseJson)
/* harmony export */ });
/* unused harmony exports MAX_JSON_DEPTH, jsonType */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _template_strconv_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9035);
// Decoding JSON the way Go's encoding/json fills a struct: object keys match field names
// case-insensitively, a later duplicate wins, unknown keys are ignored, `null` keeps the default,
// and a value of the wrong JSON type is an error. Messages follow Go's decoder wording.


class JsonDecodeError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
    name = 'JsonDecodeError';
    constructor(message) {
        super('invalid json', message, undefined, { bare: true });
    }
}
/**
 * Deepest nesting a workspace JSON file may have. Go stops at 10000; the decoders and encoders here
 * recurse per level, so a lower bound keeps a hostile file an error instead of a stack overflow.
 */
const MAX_JSON_DEPTH = 1000;
/** JSON.parse with Go-like error texts (`unexpected end of JSON input`, `invalid character ...`). */
function parseJson(text) {
    if (text.trim() === '')
        throw new JsonDecodeError('unexpected end of JSON input');
    if (exceedsDepth(text, MAX_JSON_DEPTH))
        throw new JsonDecodeError(`exceeded max depth (values nested deeper than ${MAX_JSON_DEPTH} levels)`);
    try {
        return JSON.parse(text);
    }
    catch (e) {
        const msg = e.message;
        if (/end of JSON input|Unterminated string|Expected .* after .*at position \d+ \(line \d+ column \d+\)$/.test(msg) && isTruncated(text)) {
            throw new JsonDecodeError('unexpected end of JSON input');
        }
        const m = /Unexpected token '?(.)'?|Unexpected non-whitespace character|Bad control character/.exec(msg);
        const pos = /position (\d+)/.exec(msg);
        if (pos) {
            const ch = text[Number(pos[1])] ?? '';
            throw new JsonDecodeError(`invalid character ${quoteChar(ch)} at offset ${Number(pos[1]) + 1}`);
        }
        throw new JsonDecodeError(m ? `invalid character ${quoteChar(m[1] ?? '')}` : msg);
    }
}
/** Go's encoding/json quoteChar: the character in single quotes, escaped when not printable. */
function quoteChar(c) {
    if (c === "'")
        return `'\\''`;
    if (c === '"')
        return `'"'`;
    return `'${(0,_template_strconv_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(c).slice(1, -1)}'`;
}
/** True when the text is a valid JSON prefix that stops early (Go reports "unexpected end"). */
function isTruncated(text) {
    const start = text.search(/\S/);
    return start >= 0 && '{["'.includes(text[start]) && jsonValueEnd(text, start) < 0;
}
/**
 * Where the object, array or string starting at `start` ends (the index after it), or -1 when the
 * text ends inside it. Brackets inside strings and escaped quotes are skipped.
 */
function jsonValueEnd(text, start) {
    let depth = 0;
    let inStr = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inStr) {
            if (c === '\\')
                i++;
            else if (c === '"') {
                inStr = false;
                if (depth === 0)
                    return i + 1;
            }
        }
        else if (c === '"')
            inStr = true;
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return -1;
}
/** True when objects and arrays nest deeper than `max` somewhere in `text` (strings skipped). */
function exceedsDepth(text, max) {
    let depth = 0;
    let inStr = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inStr) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inStr = false;
        }
        else if (c === 0x22)
            inStr = true;
        else if (c === 0x7b || c === 0x5b) {
            if (++depth > max)
                return true;
        }
        else if (c === 0x7d || c === 0x5d)
            depth--;
    }
    return false;
}
function jsonType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'object')
        return 'object';
    return typeof v;
}
/** Field lookup with Go's rules: last key whose name equals `name` case-insensitively wins. */
function field(obj, name) {
    let found;
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(obj))
        if (k.toLowerCase() === lower)
            found = v;
    return found;
}
function typeError(v, where, goType) {
    // Go names the JSON kind ("number", "bool", ...) and adds the literal only for a non-integer into an int.
    const what = typeof v === 'number' && goType === 'int' ? `number ${v}` : typeof v === 'boolean' ? 'bool' : jsonType(v);
    return new JsonDecodeError(`json: cannot unmarshal ${what} into Go struct field ${where} of type ${goType}`);
}
function asObject(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'object' || Array.isArray(v))
        throw typeError(v, where, 'object');
    return v;
}
function asString(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw typeError(v, where, 'string');
    return v;
}
function asBool(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'boolean')
        throw typeError(v, where, 'bool');
    return v;
}
function asInt(v, where) {
    if (v === undefined || v === null)
        return undefined;
    // Beyond 2^53 a JSON number is no longer the integer written (Go's int64 would overflow later still).
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
        throw typeError(v, where, 'int');
    return v;
}
function asStringArray(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (!Array.isArray(v))
        throw typeError(v, where, '[]string');
    return v.map((item) => {
        if (typeof item !== 'string')
            throw typeError(item, where, 'string');
        return item;
    });
}


/***/ }),

/***/ 9860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ runLimited)
/* harmony export */ });
// Runs async tasks with at most `limit` in flight; rejects with the first error after all settle.
async function runLimited(tasks, limit) {
    const results = new Array(tasks.length);
    let next = 0;
    let firstError;
    const worker = async () => {
        while (next < tasks.length) {
            const i = next++;
            try {
                results[i] = await tasks[i]();
            }
            catch (e) {
                firstError ??= e;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    if (firstError !== undefined)
        throw firstError;
    return results;
}


/***/ })

};
