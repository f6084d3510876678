export const id = 313;
export const ids = [313];
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

/***/ 9476:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jobRunCommand: () => (/* binding */ jobRunCommand)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/deploy/connect.js + 13 modules
var connect = __webpack_require__(9117);
// EXTERNAL MODULE: ./lib/run/lifecycle.js + 2 modules
var lifecycle = __webpack_require__(939);
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
// EXTERNAL MODULE: ./lib/deploy/history-rows.js
var history_rows = __webpack_require__(4385);
;// CONCATENATED MODULE: ./lib/job-run/index.js
// `maand job run <job> --target <t>`: run a Makefile target (or the job's job_control hooks with TARGET)
// on the job's active allocations, in batches of max_concurrent_upgrades, after checking that each
// worker runs this bucket at the catalog's update_seq (worker.py).








const WORKER_CHECK = { 1: 'bucket id mismatch', 2: 'worker id mismatch', 3: 'update_seq mismatch' };
function runJobTarget(o) {
    // what the job runs is a Makefile target name: checked before the bucket is even locked
    if (!/^[A-Za-z0-9_.-]+$/.test(o.target))
        throw new errors/* MaandError */.Ob('invalid argument', `target ${JSON.stringify(o.target)}: use a Makefile target name (letters, digits, _ . -)`);
    return (0,lifecycle/* withRun */.Y)({
        root: o.root, command: `job run ${o.job}`, connect: o.connect, history: { command: 'job run', ...(o.origin ? { origin: o.origin } : {}) },
        ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}),
    }, async (r) => {
        const res = await runJobTargetIn(r, o);
        const ok = res.workers.every((w) => w.ok) && res.health?.ok !== false;
        r.recordJob({ job: o.job, version: (0,history_rows/* jobVersion */.ID)(r.db, o.job), planHash: (0,history_rows/* jobPlanHash */.$8)(r.db, o.job), allocationsChanged: res.workers.filter((w) => w.ok).length, outcome: ok ? 'ok' : 'failed' });
        r.setOutcome(ok ? 'ok' : 'failed');
        return res;
    });
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
    const link = worker_link/* WorkerLink */.VB.forRun(r);
    const result = { job: o.job, target: o.target, workers: [] };
    const jobControl = (0,catalog/* commandsFor */.Au)(r.db, o.job, 'job_control');
    if (jobControl.length > 0) {
        const h = await r.links.hooks.run(o.job, 'job_control', allocs.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: allocs.length, env: { TARGET: o.target } });
        for (const a of allocs)
            result.workers.push({ workerIp: a.workerIp, ok: h.ok, ...(h.error ? { error: h.error } : {}) });
    }
    else {
        await link.requireTransport();
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
// EXTERNAL MODULE: ./lib/cli/origin.js
var origin = __webpack_require__(7250);
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
        connect: (0,connect/* connectRun */.Yy)({ ssh: (0,ssh_access/* sshAccess */.v)(io, opts), hookEnv: io.env }),
        origin: (0,origin/* cliOrigin */.B)(),
    });
    for (const w of r.workers)
        io.stdout.write(`${job}@${w.workerIp}: ${opts.target} ${w.ok ? 'ok' : `failed: ${w.error}`}\n`);
    if (r.health)
        io.stdout.write(`health check ${r.health.ok ? 'passed' : `failed: ${r.health.error}`}: ${job}\n`);
    const failures = [...r.workers.filter((w) => !w.ok).map((w) => w.error ?? `worker ${w.workerIp} failed`), ...(r.health && !r.health.ok ? [r.health.error ?? 'health check failed'] : [])];
    if (failures.length > 0)
        throw new errors/* PartialFailureError */.ax(`maand job run ${job} --target ${opts.target} failed`, failures);
}


/***/ })

};
