export const id = 373;
export const ids = [373];
export const modules = {

/***/ 7250:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ cliOrigin)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
// The CLI's trigger for the deploy history: who ran it, on which machine.

function cliOrigin() {
    let user = '';
    try {
        user = (0,node_os__WEBPACK_IMPORTED_MODULE_0__.userInfo)().username;
    }
    catch {
        // no passwd entry for this uid (a container): the host alone
    }
    return { trigger: user ? `${user}@${(0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)()}` : (0,node_os__WEBPACK_IMPORTED_MODULE_0__.hostname)() };
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

/***/ 6477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qf: () => (/* binding */ runnerCommand),
/* harmony export */   a0: () => (/* binding */ lifecycleScript),
/* harmony export */   eG: () => (/* binding */ removeBucketCommand),
/* harmony export */   jy: () => (/* binding */ jobDir),
/* harmony export */   pW: () => (/* binding */ checkWorker),
/* harmony export */   qZ: () => (/* binding */ bucketDir),
/* harmony export */   z8: () => (/* binding */ cleanupJobCommand)
/* harmony export */ });
/* unused harmony exports prerequisiteScript, parseMissing */
/* harmony import */ var _remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2197);
// Remote command lines deploy sends to workers (deploy spec §18.2), as pure builders. Every value
// spliced into them goes through shq.


function bucketDir(bucketId) {
    return `/opt/worker/${bucketId}`;
}
function jobDir(bucketId, job) {
    return `${bucketDir(bucketId)}/jobs/${job}`;
}
function runnerCommand(bucketId, target, job) {
    return `python3 ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(`${bucketDir(bucketId)}/bin/runner.py`)} ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(bucketId)} ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(target)} --jobs ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(job)}`;
}
/**
 * One worker's lifecycle step for several jobs in one round trip: `make -s -C <job dir> <target>` per job
 * with its CURRENT_VERSION/NEW_VERSION, every job run even after another failed, each outcome reported as
 * `maand-runner: result <job> <exit code>` (same protocol as `runner.py --keep-going`, without Python).
 * A job's prelude (a snapshot of the tree about to run, a release to restore) runs just before its target.
 */
function lifecycleScript(bucketId, target, jobs) {
    const lines = [
        'run_target() {',
        `  local dir=${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(`${bucketDir(bucketId)}/jobs/`)}"$1"`,
        '  echo "maand-runner: begin $1"',
        '  if [ ! -d "$dir" ]; then echo "runner: job $1 is not deployed on this worker ($dir is missing); run maand deploy" >&2; echo "maand-runner: result $1 1"; return 0; fi',
        '  local code=0',
        `  CURRENT_VERSION="$2" NEW_VERSION="$3" make -s -C "$dir" ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(target)} || code=$?`,
        '  echo "maand-runner: result $1 $code"',
        '}',
    ];
    const withPrelude = jobs.flatMap((j, i) => (j.prelude === undefined ? [] : [i]));
    if (withPrelude.length > 0) {
        // the preludes (release snapshots or restores) of different jobs are independent: they run side by
        // side before any target, and a job whose prelude failed skips its target
        lines.push('skip_target() { echo "maand-runner: begin $1"; echo "maand-runner: result $1 $2"; }');
        for (const i of withPrelude)
            lines.push(`prelude_${i}() (`, jobs[i].prelude, ')');
        for (const i of withPrelude)
            lines.push(`prelude_${i} & pid_${i}=$!`);
        for (const i of withPrelude)
            lines.push(`wait "$pid_${i}" && code_${i}=0 || code_${i}=$?`);
    }
    jobs.forEach((j, i) => {
        const call = `run_target ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.job)} ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.currentVersion)} ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.newVersion)}`;
        if (j.prelude === undefined)
            return void lines.push(call);
        lines.push(`if [ "$code_${i}" -eq 0 ]; then`, call, `else skip_target ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.job)} "$code_${i}"; fi`);
    });
    return lines.join('\n');
}
/** Removes a removed job's deployed files on a worker, keeping data/ and logs/ (§6.1, Q19), and its retained releases (Q32). */
function cleanupJobCommand(bucketId, job) {
    const d = (0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(jobDir(bucketId, job));
    return `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi; rm -rf ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(`${bucketDir(bucketId)}/releases/${job}`)}`;
}
function removeBucketCommand(bucketId) {
    return `rm -rf ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(bucketDir(bucketId))}`;
}
/** Prerequisites on a worker (§5.2); sudo is probed only when it will be used (Q16). */
function prerequisiteScript(useSudo) {
    const lines = [
        'missing=()',
        'check() { command -v "$1" >/dev/null 2>&1 || missing+=("$1"); }',
        'check python3',
        'check make',
        'check rsync',
        'check bash',
        'check timeout',
    ];
    if (useSudo) {
        lines.push('check sudo');
        lines.push('if command -v sudo >/dev/null 2>&1 && command -v rsync >/dev/null 2>&1; then');
        lines.push('  sudo -n rsync --version >/dev/null 2>&1 || missing+=("sudo-rsync")');
        lines.push('fi');
    }
    lines.push('if [ ${#missing[@]} -gt 0 ]; then', '  echo "missing: ${missing[*]}"', '  exit 1', 'fi');
    return lines.join('\n');
}
/**
 * Runs the prerequisite check (+ mkdir of the bucket dir) on a worker; an error text when it cannot be used.
 * `extra` runs after it in the same round trip (it must exit 0; the caller reads its output).
 */
async function checkWorker(run, ip, bucketId, useSudo, extra) {
    const r = await run(`${prerequisiteScript(useSudo)}\nmkdir -p ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(bucketDir(bucketId))} || exit 1${extra === undefined ? '' : `\n${extra}`}`);
    if (r.exitCode === 0)
        return undefined;
    const missing = parseMissing(`${r.stdout}\n${r.stderr}`);
    if (missing)
        return `worker ${ip} missing prerequisites: ${missing.join(', ')} (install them on the worker, then run maand deploy again)`;
    const output = (r.stderr || r.stdout).trim();
    return r.message ?? `worker ${ip}: prerequisite check failed (exit ${r.exitCode})${output ? `: ${output.slice(-400)}` : ''}`;
}
function parseMissing(output) {
    for (const line of output.split('\n')) {
        const t = line.trim();
        if (t.startsWith('missing:'))
            return t.slice('missing:'.length).trim().split(/\s+/).filter(Boolean);
    }
    return undefined;
}


/***/ }),

/***/ 4385:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ jobPlanHash),
/* harmony export */   ID: () => (/* binding */ jobVersion),
/* harmony export */   XZ: () => (/* binding */ retention),
/* harmony export */   Yd: () => (/* binding */ jobHistory)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _history_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2185);
/* harmony import */ var _alloc_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4306);
// What a deploy writes to the deploy history besides its promotions: one row per job it rolled out, and
// which releases each worker must keep when it retains this run's.



/** The hash of a job's plan: its allocations' staged hash when they agree, else a digest of them all. */
function jobPlanHash(db, job) {
    const rows = (0,_alloc_state_js__WEBPACK_IMPORTED_MODULE_2__/* .jobAllocations */ .pt)(db, job).filter(_alloc_state_js__WEBPACK_IMPORTED_MODULE_2__/* .isActive */ .$m).map((a) => `${a.allocId} ${a.currentHash ?? ''}`).sort();
    const hashes = [...new Set(rows.map((r) => r.slice(r.indexOf(' ') + 1)))];
    if (hashes.length === 1)
        return hashes[0];
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(rows.join('\n')).digest('hex');
}
function jobVersion(db, job) {
    return db.prepare('SELECT version FROM job WHERE name = ?').get(job)?.version ?? '';
}
function jobHistory(db, r) {
    return {
        job: r.job,
        version: jobVersion(db, r.job),
        planHash: jobPlanHash(db, r.job),
        allocationsChanged: r.allocations.filter((a) => a.outcome === 'ok' && a.action !== 'skip').length,
        outcome: r.status !== 'failed' ? 'ok' : r.reason === 'cancelled' || /cancelled/.test(r.error ?? '') ? 'cancelled' : 'failed',
    };
}
/**
 * Retention of this run's releases: the newest `retain`, plus on each worker the release the allocation
 * runs and the one it ran before (pruning never removes those, issue 13).
 */
function retention(db, deployId, retain) {
    return {
        id: deployId,
        retain,
        keep: (ip, job) => {
            const alloc = db.prepare('SELECT alloc_id FROM allocations WHERE job = ? AND worker_ip = ?').get(job, ip);
            if (!alloc)
                return [];
            return [...new Set((0,_history_store_js__WEBPACK_IMPORTED_MODULE_1__/* .releasesOf */ .w0)(db, job, alloc.alloc_id).map((x) => x.releaseId))].slice(0, 2);
        },
    };
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
/* harmony import */ var _bucket_maand_conf_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3788);
/* harmony import */ var _coalesce_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7348);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6477);
/* harmony import */ var _worker_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4623);
/* harmony import */ var _releases_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5790);
/* harmony import */ var _remote_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7791);







class WorkerLink {
    init;
    workers;
    ready = new Map();
    /** Workers whose bucket-level files were sent in this run. */
    refreshed = new Set();
    fileSender = new _coalesce_js__WEBPACK_IMPORTED_MODULE_4__/* .Coalescer */ .w((ip, jobs) => this.sendFiles(ip, jobs));
    targetRunner = new _coalesce_js__WEBPACK_IMPORTED_MODULE_4__/* .Coalescer */ .w((key, reqs) => this.runTargets(key, reqs));
    /** Preludes waiting for their job's next lifecycle call, by `ip\njob`. */
    preludes = new Map();
    /** `ip\njob` whose snapshot rides on the lifecycle call that follows the rsync. */
    lateSnapshots = new Set();
    /** Release snapshots taken right after a worker's rsync; that worker's next lifecycle call waits for them. */
    snapshotsInFlight = new Map();
    /** The link of an opened run: its remote, catalog, workers and events; sudo per its maand.conf. */
    static forRun(r, opts = {}) {
        return new WorkerLink({
            remote: r.links.remote, db: r.db, bucketId: r.bucketId, workers: r.workers, useSudo: (0,_bucket_maand_conf_js__WEBPACK_IMPORTED_MODULE_1__/* .sshSettings */ .OA)(r.conf).useSudo, emit: r.emit,
            updateSeq: opts.updateSeq ?? (() => r.updateSeq),
            ...(opts.stage ? { stage: opts.stage } : {}), ...(opts.release ? { release: opts.release } : {}),
        });
    }
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
            p = (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .checkWorker */ .pW)((script) => this.run(ip, script), ip, this.init.bucketId, this.init.useSudo).catch((e) => `worker ${ip}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}`);
            this.ready.set(ip, p);
        }
        return p;
    }
    /**
     * First contact and `extra` in one round trip (or `extra` alone when the worker was reached before);
     * `extra` must exit 0. Its stdout, or the error text of the worker or of `extra`.
     */
    async reachWith(ip, extra) {
        if (this.ready.has(ip)) {
            const err = await this.reach(ip);
            if (err)
                return { error: err, stdout: '' };
            const r = await this.run(ip, extra);
            return r.exitCode === 0 ? { stdout: r.stdout } : { error: failureText(ip, r), stdout: r.stdout };
        }
        let stdout = '';
        const p = (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .checkWorker */ .pW)(async (script) => {
            const r = await this.run(ip, script);
            stdout = r.stdout;
            return r;
        }, ip, this.init.bucketId, this.init.useSudo, extra).catch((e) => `worker ${ip}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}`);
        this.ready.set(ip, p);
        const error = await p;
        return error ? { error, stdout } : { stdout };
    }
    /** Runs `prelude` at the start of the job's next lifecycle call on the worker (Makefile target via runTarget). */
    beforeLifecycle(ip, job, prelude) {
        this.preludes.set(`${ip}\n${job}`, prelude);
    }
    /** Throws when nothing on this machine can reach any worker (key, ssh, rsync): one error for the run. */
    async requireTransport() {
        const problem = await this.init.remote.preflight();
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
    /**
     * Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. `lifecycleFollows`:
     * a Makefile target of the job runs there next: the release snapshot starts at once in its own call, and
     * the lifecycle call on that worker waits for it (the tree is untouched in between, so the release is
     * exactly what make runs), so a later batch's snapshots are taken while earlier batches roll out.
     */
    sendJobFiles(ip, job, lifecycleFollows = false) {
        if (lifecycleFollows && this.init.release)
            this.lateSnapshots.add(`${ip}\n${job}`);
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
            const src = stage.rsyncSource(ip, w && (0,_worker_files_js__WEBPACK_IMPORTED_MODULE_2__/* .workerFileData */ .Dv)(this.init.db, this.init.bucketId, this.init.updateSeq(), w), jobs);
            const r = await this.init.remote.rsync(ip, src.dir, (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .bucketDir */ .qZ)(this.init.bucketId), src.filter, {
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
        if (err === undefined && unique.length > 0) {
            const late = unique.filter((job) => this.lateSnapshots.delete(`${ip}\n${job}`));
            if (late.length > 0) {
                const earlier = this.snapshotsInFlight.get(ip) ?? Promise.resolve();
                this.snapshotsInFlight.set(ip, Promise.all([earlier, this.retain(ip, late)]).then(() => undefined, () => undefined));
            }
            await this.retain(ip, unique.filter((job) => !late.includes(job)));
        }
        return jobs.map(() => err);
    }
    snapshotScript(ip, jobs) {
        const rel = this.init.release;
        return rel && (0,_releases_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotScript */ .Wz)(this.init.bucketId, rel.retain, jobs.map((job) => ({ job, id: rel.id, keep: rel.keep(ip, job) })));
    }
    /** Snapshots the jobs' live trees as this run's release; a failure is a warning (rollback checks releases first). */
    async retain(ip, jobs) {
        const script = jobs.length > 0 ? this.snapshotScript(ip, jobs) : undefined;
        if (script === undefined)
            return;
        const r = await this.run(ip, script);
        const codes = (0,_releases_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOutcomes */ .Fo)(r.stdout);
        for (const job of jobs)
            this.snapshotOutcome(ip, job, codes.get(job), codes.has(job) ? tail(r.stderr || r.stdout) : failureText(ip, r));
    }
    snapshotOutcome(ip, job, code, output) {
        if (code === 0)
            return;
        const why = code !== undefined ? `exit ${code}: ${output}` : output;
        this.init.emit({ type: 'warning', message: `job ${job} worker ${ip}: release ${this.init.release?.id ?? '?'} was not retained (${why}); maand rollback cannot return to it` });
    }
    async runTargets(key, reqs) {
        const ip = key.slice(0, key.indexOf('\n'));
        // the release of what make runs is taken before make (never rejects: a failed snapshot is a warning)
        await this.snapshotsInFlight.get(ip);
        const target = reqs[0].target;
        const jobs = reqs.map((r) => r.job);
        const results = new Map();
        const preludes = new Map(jobs.flatMap((job) => {
            const p = this.preludes.get(`${ip}\n${job}`);
            this.preludes.delete(`${ip}\n${job}`);
            return p ? [[job, p]] : [];
        }));
        const said = new Map();
        let current = jobs.length === 1 ? jobs[0] : undefined;
        const script = (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .lifecycleScript */ .a0)(this.init.bucketId, target, reqs.map((r) => ({ ...r, ...(preludes.has(r.job) ? { prelude: preludes.get(r.job).script } : {}) })));
        const r = await this.run(ip, script, {
            onLine: (stream, text) => {
                const m = /^maand-runner: (begin|result) (\S+)(?: (-?\d+))?$/.exec(text);
                if (stream === 'stdout' && m) {
                    if (m[1] === 'begin')
                        current = m[2];
                    else
                        results.set(m[2], Number(m[3]));
                    return;
                }
                const rel = stream === 'stdout' ? /^maand-release: (\S+) (-?\d+)$/.exec(text) : null;
                if (rel && preludes.has(rel[1]))
                    return void said.set(rel[1], Number(rel[2]));
                this.output(current, ip)(stream, text);
            },
        });
        const preludeErrors = new Map([...preludes].map(([job, p]) => [job, p.done(said.get(job), said.has(job) ? tail(r.stderr || r.stdout) : failureText(ip, r))]));
        return jobs.map((job) => {
            const failed = preludeErrors.get(job);
            if (failed !== undefined)
                return failed;
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
        return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; ${(0,_remote_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .unreachableHint */ .q)(output)}`;
    return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}


/***/ }),

/***/ 5790:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ probeScript),
/* harmony export */   Fo: () => (/* binding */ parseOutcomes),
/* harmony export */   Q: () => (/* binding */ restoreScript),
/* harmony export */   SJ: () => (/* binding */ restorePrelude),
/* harmony export */   Wz: () => (/* binding */ snapshotScript)
/* harmony export */ });
/* unused harmony export releasesDir */
/* harmony import */ var _deploy_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6477);
/* harmony import */ var _deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2197);
// Retained releases on a worker (issue 13, Q32, Q33): /opt/worker/<bucket_id>/releases/<job>/<deploy id>/
// holds the exact bytes a job's live tree had after that deploy's rsync, outside the job's directory.
// A snapshot hard-links files unchanged since an earlier release to that release and copies the rest,
// so a release shares inodes with other releases only, never with the live tree: the live rsync writes
// in place (--inplace) and could otherwise write through a link into a retained release. A restore
// copies the bytes back the same way (never links), so the next rsync cannot reach a release either.

/** Worker-owned paths of a job's tree a release neither keeps nor restores (as the deploy rsync's excludes). */
const EXCLUDES = ['/data', '/logs', '/bin', '/_modules', '/_prometheus'];
/** At most this many earlier releases are offered to rsync as --link-dest (rsync takes up to 20). */
const LINK_DESTS = 8;
function releasesDir(bucketId, job) {
    return job === undefined ? `${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .bucketDir */ .qZ)(bucketId)}/releases` : `${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .bucketDir */ .qZ)(bucketId)}/releases/${job}`;
}
const EXCLUDE_ARGS = EXCLUDES.map((e) => `--exclude=${e}`).join(' ');
const RSYNC_LOCAL = `rsync -a --checksum --delete ${EXCLUDE_ARGS}`;
/**
 * One worker's snapshots of several jobs' live trees in one round trip, each followed by pruning to the
 * newest `retain` releases plus the named ones; each outcome as `maand-release: <job> <exit code>`.
 */
function snapshotScript(bucketId, retain, reqs) {
    // bash builtins wherever possible: a worker runs this for every job of a rollout batch, and each
    // process started costs more than the copy itself for small trees
    const lines = [
        'snapshot() {',
        `  local job="$1" id="$2" keep=" $3 " live=${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .bucketDir */ .qZ)(bucketId)}/jobs/`)}"$1" rel=${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${releasesDir(bucketId)}/`)}"$1"`,
        '  local links=() ids=() d n=0',
        '  if [ -d "$rel" ]; then',
        '    for d in "$rel"/*; do d=${d##*/}; [[ $d =~ ^[0-9]+$ ]] && ids+=("$d"); done',
        '    if [ ${#ids[@]} -gt 1 ]; then mapfile -t ids < <(printf \'%s\\n\' "${ids[@]}" | sort -rn); fi',
        '  else',
        '    mkdir -p "$rel" || return 1',
        '  fi',
        `  for d in "\${ids[@]:0:${LINK_DESTS}}"; do [ "$d" = "$id" ] || links+=("--link-dest=$rel/$d"); done`,
        '  if [ -e "$rel/.new-$id" ]; then rm -rf "$rel/.new-$id" || return 1; fi',
        // --checksum only decides which files can be linked to an earlier release: the first release of a
        // job (a cold deploy) copies everything and need not read every file twice
        '  local sum=(--checksum); [ ${#links[@]} -eq 0 ] && sum=()',
        `  rsync -a "\${sum[@]}" --delete ${EXCLUDE_ARGS} "\${links[@]}" "$live/" "$rel/.new-$id/" || return 1`,
        '  if [ -e "$rel/$id" ]; then rm -rf "$rel/$id" || return 1; fi',
        '  mv "$rel/.new-$id" "$rel/$id" || return 1',
        '  # newest first: this release, then the earlier ones',
        '  for d in "$id" "${ids[@]}"; do',
        '    [ "$d" = "$id" ] && [ "$n" -gt 0 ] && continue',
        `    n=$((n + 1)); if [ "$n" -gt ${Math.max(1, retain)} ] && [ "\${keep#* $d }" = "$keep" ]; then rm -rf "\${rel:?}/$d" || return 1; fi`,
        '  done',
        '}',
    ];
    // A job's first release (a cold deploy) has nothing to link to: all of those are copied by one rsync
    // (each rsync costs three processes); the others are snapshot side by side (one small line each).
    const jobsRoot = `${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .bucketDir */ .qZ)(bucketId)}/jobs`;
    const relRoot = releasesDir(bucketId);
    const id = reqs[0]?.id ?? 0;
    const firstDir = `${relRoot}/.first-${id}`;
    lines.push(`has_release() { local d; for d in ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${relRoot}/`)}"$1"/*; do [[ \${d##*/} =~ ^[0-9]+$ ]] && return 0; done; return 1; }`, 'first=()');
    for (const r of reqs) {
        lines.push(`if has_release ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(r.job)}; then { code=0; snapshot ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(r.job)} ${r.id} ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(r.keep.join(' '))} || code=$?; echo maand-release: ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(r.job)} "$code"; } & else first+=(${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(r.job)}); fi`);
    }
    const firstExcludes = EXCLUDES.map((e) => `--exclude=${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`/*${e}`)}`).join(' ');
    lines.push('if [ ${#first[@]} -gt 0 ]; then', '  code=0', `  { rm -rf ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(firstDir)} && mkdir -p ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(firstDir)} && rsync -aR ${firstExcludes} "\${first[@]/#/${jobsRoot}/./}" ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${firstDir}/`)}; } || code=$?`, '  for j in "${first[@]}"; do', '    c=$code', `    if [ "$c" -eq 0 ]; then { mkdir -p ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${relRoot}/`)}"$j" && rm -rf ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${relRoot}/`)}"$j/${id}" && mv ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${firstDir}/`)}"$j" ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${relRoot}/`)}"$j/${id}"; } || c=$?; fi`, '    echo "maand-release: $j $c"', '  done', `  rm -rf ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(firstDir)}`, 'fi', 'wait');
    return lines.join('\n');
}
/** Lists which of the releases exist: `maand-release: <job> <id> yes|no` per request. */
function probeScript(bucketId, reqs) {
    return reqs
        .map((r) => `if [ -d ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`${releasesDir(bucketId, r.job)}/${r.release}`)} ]; then echo ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`maand-release: ${r.job} ${r.release} yes`)}; else echo ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(`maand-release: ${r.job} ${r.release} no`)}; fi`)
        .join('\n');
}
/** Copies retained releases back into the jobs' live trees (data/ and logs/ untouched); one outcome line per job. */
function restoreScript(bucketId, reqs) {
    return reqs
        .map((r) => {
        const src = `${releasesDir(bucketId, r.job)}/${r.release}/`;
        const dst = `${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .bucketDir */ .qZ)(bucketId)}/jobs/${r.job}/`;
        return `code=0; if [ -d ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(src)} ]; then mkdir -p ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(dst)} && ${RSYNC_LOCAL} ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(src)} ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(dst)} || code=$?; else code=44; fi; echo maand-release: ${(0,_deploy_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(r.job)} "$code"`;
    })
        .join('\n');
}
/** Restores one release as a lifecycle prelude: exits non-zero (the target is skipped) when the restore failed. */
function restorePrelude(bucketId, req) {
    return `${restoreScript(bucketId, [req])}\n[ "$code" -eq 0 ]`;
}
/** Per-job exit codes from the `maand-release: <job> <code>` lines of a script's output. */
function parseOutcomes(stdout) {
    const out = new Map();
    for (const line of stdout.split('\n')) {
        const m = /^maand-release: (\S+) (-?\d+)$/.exec(line.trim());
        if (m)
            out.set(m[1], Number(m[2]));
    }
    return out;
}


/***/ })

};
