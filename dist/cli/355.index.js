export const id = 355;
export const ids = [355];
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

/***/ 9355:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jobRunCommand: () => (/* binding */ jobRunCommand)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/deploy/connect.js + 14 modules
var connect = __webpack_require__(502);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/run/lifecycle.js + 1 modules
var lifecycle = __webpack_require__(3217);
// EXTERNAL MODULE: ./lib/remote/shell-quote.js
var shell_quote = __webpack_require__(2197);
// EXTERNAL MODULE: ./lib/deploy/commands.js
var commands = __webpack_require__(6477);
// EXTERNAL MODULE: ./lib/deploy/rollout-order.js
var rollout_order = __webpack_require__(5163);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/deploy/alloc-state.js
var alloc_state = __webpack_require__(4306);
// EXTERNAL MODULE: ./lib/deploy/worker-link.js
var worker_link = __webpack_require__(466);
;// CONCATENATED MODULE: ./lib/deploy/job-run.js
// `maand job run <job> --target <t>`: run a Makefile target (or the job's job_control hooks with TARGET)
// on the job's active allocations, in batches of max_concurrent_upgrades, after checking that each
// worker runs this bucket at the catalog's update_seq (worker.py).








const WORKER_CHECK = { 1: 'bucket id mismatch', 2: 'worker id mismatch', 3: 'update_seq mismatch' };
function runJobTarget(o) {
    // what the job runs is a Makefile target name: checked before the bucket is even locked
    if (!/^[A-Za-z0-9_.-]+$/.test(o.target))
        throw new errors/* MaandError */.Ob('invalid argument', `target ${JSON.stringify(o.target)}: use a Makefile target name (letters, digits, _ . -)`);
    return (0,lifecycle/* withRun */.Y)({ root: o.root, command: `job run ${o.job}`, connect: o.connect, ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}) }, (r) => runJobTargetIn(r, o));
}
async function runJobTargetIn(r, o) {
    const info = (0,alloc_state/* jobInfo */.ec)(r.db, o.job);
    if (!info)
        throw new errors/* MaandError */.Ob('invalid argument', `unknown job ${o.job} (see maand cat jobs)`);
    let allocs = (0,alloc_state/* jobAllocations */.pt)(r.db, o.job).filter(alloc_state/* isActive */.$m);
    if (o.workers && o.workers.length > 0) {
        const bad = o.workers.filter((ip) => !allocs.some((a) => a.workerIp === ip));
        if (bad.length > 0)
            throw new errors/* MaandError */.Ob('invalid argument', `worker ${bad.join(', ')}: not an active allocation of job ${o.job}`);
        allocs = allocs.filter((a) => o.workers.includes(a.workerIp));
    }
    if (allocs.length === 0)
        throw new errors/* MaandError */.Ob('invalid argument', `job ${o.job} has no active allocation`);
    const workerIds = new Map(r.workers.map((w) => [w.ip, w.workerId]));
    const link = new worker_link/* WorkerLink */.VB({ remote: r.links.remote, db: r.db, bucketId: r.bucketId, workers: r.workers, useSudo: (0,maand_conf/* sshSettings */.OA)(r.conf).useSudo, emit: r.emit, updateSeq: () => r.updateSeq });
    const result = { job: o.job, target: o.target, workers: [] };
    const jobControl = (0,catalog/* commandsFor */.Au)(r.db, o.job, 'job_control');
    if (jobControl.length > 0) {
        const h = await r.links.hooks.run(o.job, 'job_control', allocs.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: allocs.length, env: { TARGET: o.target } });
        for (const a of allocs)
            result.workers.push({ workerIp: a.workerIp, ok: h.ok, ...(h.error ? { error: h.error } : {}) });
    }
    else {
        link.requireTransport();
        for (const group of (0,rollout_order/* batches */.X)(allocs, info.maxConcurrentUpgrades)) {
            if (r.signal?.aborted)
                break;
            const outs = await Promise.all(group.map(async (a) => {
                const check = `python3 ${(0,shell_quote/* shq */.h)(`${(0,commands/* bucketDir */.qZ)(r.bucketId)}/bin/worker.py`)} ${(0,shell_quote/* shq */.h)(r.bucketId)} ${(0,shell_quote/* shq */.h)(workerIds.get(a.workerIp) ?? '')} ${r.updateSeq}`;
                const c = await link.run(a.workerIp, check);
                if (c.exitCode !== 0) {
                    const why = WORKER_CHECK[c.exitCode];
                    return why ? `worker ${a.workerIp}: ${why} (run maand deploy first)` : (0,worker_link/* failureText */.kY)(a.workerIp, c);
                }
                const res = await link.run(a.workerIp, (0,commands/* runnerCommand */.Qf)(r.bucketId, o.target, o.job), {
                    env: { CURRENT_VERSION: a.currentVersion, NEW_VERSION: a.newVersion },
                    onLine: link.output(o.job, a.workerIp),
                });
                return res.exitCode === 0 ? undefined : (0,worker_link/* failureText */.kY)(a.workerIp, res);
            }));
            group.forEach((a, i) => result.workers.push({ workerIp: a.workerIp, ok: outs[i] === undefined, ...(outs[i] ? { error: outs[i] } : {}) }));
            if (outs.some((x) => x !== undefined))
                break;
        }
    }
    if (o.healthCheck && result.workers.every((w) => w.ok)) {
        const h = await r.links.health.check(o.job);
        result.health = { ok: h.ok, ...(h.error ? { error: h.error } : {}) };
    }
    return result;
}

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: ./lib/entry/job-list.js
var job_list = __webpack_require__(1772);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js + 1 modules
var ssh_access = __webpack_require__(4133);
;// CONCATENATED MODULE: ./lib/cli/commands/job.js






async function jobRunCommand(io, job, opts) {
    const r = await runJobTarget({
        root: io.cwd,
        job,
        target: opts.target,
        workers: (0,job_list/* parseNameList */.H)(opts.workers),
        healthCheck: opts.healthCheck,
        onEvent: (e) => {
            const line = (0,console/* formatEvent */.qF)(e);
            if (line !== undefined)
                io.stderr.write(`${line}\n`);
        },
        connect: (0,connect/* connectRun */.Y)({ ssh: (0,ssh_access/* sshAccess */.v)(io, opts), hookEnv: io.env }),
    });
    for (const w of r.workers)
        io.stdout.write(`${job}@${w.workerIp}: ${opts.target} ${w.ok ? 'ok' : `failed: ${w.error}`}\n`);
    if (r.health)
        io.stdout.write(`health check ${r.health.ok ? 'passed' : `failed: ${r.health.error}`}: ${job}\n`);
    const failures = [...r.workers.filter((w) => !w.ok).map((w) => w.error ?? `worker ${w.workerIp} failed`), ...(r.health && !r.health.ok ? [r.health.error ?? 'health check failed'] : [])];
    if (failures.length > 0)
        throw new errors/* PartialFailureError */.ax(`maand job run ${job} --target ${opts.target} failed`, failures);
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

/***/ 5163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ batches),
/* harmony export */   Y: () => (/* binding */ rolloutOrder)
/* harmony export */ });
// Rollout order of a phase (deploy spec §14, decision Q11): KV `rollout_order` is a priority list —
// listed candidates first in its order, the rest in default order (worker position, then IP).
/** `defaultOrder`: the job's allocations by worker position then IP; `candidates`: this phase's IPs. */
function rolloutOrder(candidates, defaultOrder, kvValue) {
    const cand = new Set(candidates);
    const base = [...defaultOrder.filter((ip) => cand.has(ip)), ...candidates.filter((ip) => !defaultOrder.includes(ip))];
    const listed = (kvValue ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (listed.length === 0)
        return { order: base, full: base.join(','), source: 'default', ignored: [] };
    const seen = new Set();
    const first = [];
    const ignored = [];
    for (const ip of listed) {
        if (seen.has(ip))
            continue;
        seen.add(ip);
        if (cand.has(ip))
            first.push(ip);
        else
            ignored.push(ip);
    }
    if (first.length === 0)
        return { order: base, full: base.join(','), source: 'default', ignored };
    const order = [...first, ...base.filter((ip) => !seen.has(ip))];
    return { order, full: order.join(','), source: 'kv', ignored };
}
/** Consecutive slices; size < 1 or > n means one batch of all. */
function batches(items, size) {
    const n = size < 1 || size > items.length ? items.length : size;
    const out = [];
    for (let i = 0; i < items.length; i += n)
        out.push(items.slice(i, i + n));
    return out;
}


/***/ }),

/***/ 466:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Up: () => (/* binding */ rsyncFailure),
/* harmony export */   VB: () => (/* binding */ WorkerLink),
/* harmony export */   kY: () => (/* binding */ failureText)
/* harmony export */ });
/* unused harmony exports tail, remoteFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _coalesce_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7348);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6477);
/* harmony import */ var _worker_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4623);




class WorkerLink {
    init;
    workers;
    ready = new Map();
    /** Workers whose bucket-level files were sent in this run. */
    refreshed = new Set();
    fileSender = new _coalesce_js__WEBPACK_IMPORTED_MODULE_2__/* .Coalescer */ .w((ip, jobs) => this.sendFiles(ip, jobs));
    targetRunner = new _coalesce_js__WEBPACK_IMPORTED_MODULE_2__/* .Coalescer */ .w((key, reqs) => this.runTargets(key, reqs));
    constructor(init) {
        this.init = init;
        this.workers = new Map(init.workers.map((w) => [w.ip, w]));
    }
    /**
     * First contact with a worker in this run: prerequisites + bucket dir. Memoised; an error text when the
     * worker cannot be used.
     */
    reach(ip) {
        let p = this.ready.get(ip);
        if (!p) {
            p = (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .checkWorker */ .pW)((script) => this.run(ip, script), ip, this.init.bucketId, this.init.useSudo).catch((e) => `worker ${ip}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}`);
            this.ready.set(ip, p);
        }
        return p;
    }
    /** Throws when nothing on this machine can reach any worker (key, ssh, rsync): one error for the run. */
    requireTransport() {
        const problem = this.init.remote.preflight();
        if (problem !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('workers unreachable', problem, undefined, { bare: true });
    }
    /** Starts first contact in the background (the outcome is memoised for whoever asks next). */
    warm(ip) {
        this.reach(ip).catch(() => undefined);
    }
    /** Runs a bash script on a worker; a throw of the transport becomes a failed result. */
    async run(ip, script, opts = {}) {
        try {
            return await this.init.remote.run(ip, script, opts);
        }
        catch (e) {
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}` };
        }
    }
    /** Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. */
    sendJobFiles(ip, job) {
        return this.fileSender.submit(ip, job);
    }
    /** Runs a Makefile target of a job on a worker; same-time requests for one worker share one ssh call. */
    runTarget(ip, req) {
        return this.targetRunner.submit(`${ip}\n${req.target}`, req);
    }
    /** rsync the staged tree of `jobs` (none: bucket-level files only) to one worker. */
    async rsyncTo(ip, jobs, opts = {}) {
        const w = this.workers.get(ip);
        const stage = this.init.stage;
        if (!stage)
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: this run stages no files` };
        try {
            const src = stage.rsyncSource(ip, w && (0,_worker_files_js__WEBPACK_IMPORTED_MODULE_1__/* .workerFileData */ .Dv)(this.init.db, this.init.bucketId, this.init.updateSeq(), w), jobs);
            const r = await this.init.remote.rsync(ip, src.dir, (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .bucketDir */ .qZ)(this.init.bucketId), src.filter, {
                onLine: opts.onLine ?? this.output(jobs.join(',') || undefined, ip, 'rsync'),
                ...(opts.dryRun ? { dryRun: true, itemize: true } : {}),
            });
            if (r.exitCode === 0 && !opts.dryRun)
                this.refreshed.add(ip);
            return r;
        }
        catch (e) {
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: rsync not started: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}` };
        }
    }
    output(job, worker, source = 'remote') {
        return (stream, text) => this.init.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text, source });
    }
    async sendFiles(ip, jobs) {
        const unique = [...new Set(jobs)].sort();
        const err = (await this.reach(ip)) ?? rsyncFailure(ip, await this.rsyncTo(ip, unique));
        return jobs.map(() => err);
    }
    async runTargets(key, reqs) {
        const ip = key.slice(0, key.indexOf('\n'));
        const target = reqs[0].target;
        const jobs = reqs.map((r) => r.job);
        const results = new Map();
        let current = jobs.length === 1 ? jobs[0] : undefined;
        const r = await this.run(ip, (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .lifecycleScript */ .a0)(this.init.bucketId, target, reqs), {
            onLine: (stream, text) => {
                const m = /^maand-runner: (begin|result) (\S+)(?: (-?\d+))?$/.exec(text);
                if (stream === 'stdout' && m) {
                    if (m[1] === 'begin')
                        current = m[2];
                    else
                        results.set(m[2], Number(m[3]));
                    return;
                }
                this.output(current, ip)(stream, text);
            },
        });
        return jobs.map((job) => {
            const code = results.get(job);
            if (code === 0)
                return undefined;
            if (code !== undefined)
                return `worker ${ip}: make ${target} failed for job ${job} (exit ${code}); see the output above`;
            return r.exitCode === 0 ? `worker ${ip}: job ${job}: ${target} did not report a result` : failureText(ip, r);
        });
    }
}
/** The error text of an rsync result, undefined when it succeeded. */
function rsyncFailure(ip, r) {
    if (r.exitCode === 0)
        return undefined;
    return r.message ?? `worker ${ip}: rsync failed (exit ${r.exitCode}): ${tail(r.stderr || r.stdout)}`;
}
function tail(text, max = 400) {
    const t = text.trim();
    return t.length > max ? `…${t.slice(-max)}` : t;
}
/** The failure text of a remote result: the executor's explanation, else exit code and output tail. */
function failureText(ip, r) {
    return r.message ?? remoteFailure(ip, r.exitCode, r.stderr || r.stdout);
}
function remoteFailure(ip, exitCode, output) {
    if (exitCode === 255)
        return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
    return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}


/***/ })

};
