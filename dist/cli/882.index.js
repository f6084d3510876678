export const id = 882;
export const ids = [882];
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
// Job versions (§5.3): the stored raw text, the normalized deploy version, the parsed form.
function storedVersion(raw) {
    return raw === undefined || raw === '' ? 'unknown' : raw;
}
function normalizedVersion(raw) {
    const t = (raw ?? '').trim();
    return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}
class VersionError extends Error {
    name = 'VersionError';
}
function parseVersion(raw) {
    let s = raw.trim();
    if (s === '')
        throw new VersionError('version is empty');
    if (s.toLowerCase() === 'unknown')
        throw new VersionError(`version "${raw}" is not allowed`);
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
        throw new VersionError(`"${core}"`);
    const nums = parts.map((p) => {
        const t = p.trim();
        if (t === '')
            throw new VersionError(`empty segment in "${core}"`);
        if (!/^\+?\d+$/.test(t))
            throw new VersionError(`invalid segment "${t}" in "${core}"`);
        return Number(t.replace('+', ''));
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
// EXTERNAL MODULE: ./lib/deploy/connect.js + 5 modules
var connect = __webpack_require__(1259);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(5167);
// EXTERNAL MODULE: ./lib/kv/index.js + 12 modules
var lib_kv = __webpack_require__(8787);
// EXTERNAL MODULE: ./lib/deploy/commands.js
var commands = __webpack_require__(6477);
// EXTERNAL MODULE: ./lib/deploy/context.js
var context = __webpack_require__(6060);
// EXTERNAL MODULE: ./lib/deploy/rollout-order.js
var rollout_order = __webpack_require__(5163);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/deploy/state.js
var state = __webpack_require__(3626);
// EXTERNAL MODULE: ./lib/bucket/lock.js
var lock = __webpack_require__(1187);
;// CONCATENATED MODULE: ./lib/deploy/job-run.js
// `maand job run <job> --target <t>`: run a Makefile target (or the job's job_control hooks with TARGET)
// on the job's active allocations, in batches of max_concurrent_upgrades, after checking that each
// worker runs this bucket at the catalog's update_seq (worker.py).













const WORKER_CHECK = { 1: 'bucket id mismatch', 2: 'worker id mismatch', 3: 'update_seq mismatch' };
function runJobTarget(o) {
    return (0,lock/* withBucketLock */.wD)(o.root, `job run ${o.job}`, () => runJobTargetLocked(o));
}
async function runJobTargetLocked(o) {
    if (!/^[A-Za-z0-9_.-]+$/.test(o.target))
        throw new errors/* MaandError */.Ob('invalid argument', `--target ${JSON.stringify(o.target)}: use a Makefile target name (letters, digits, _ . -)`);
    const paths = (0,bucket_paths/* bucketPaths */.Z)(o.root);
    const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    const emit = o.onEvent ?? (() => { });
    try {
        (0,gate/* checkSchema */._)(db);
        const info = (0,state/* jobInfo */.ec)(db, o.job);
        if (!info)
            throw new errors/* MaandError */.Ob('invalid argument', `unknown job ${o.job} (see maand cat jobs)`);
        let allocs = (0,state/* jobAllocations */.pt)(db, o.job).filter(state/* isActive */.$m);
        if (o.workers && o.workers.length > 0) {
            const bad = o.workers.filter((ip) => !allocs.some((a) => a.workerIp === ip));
            if (bad.length > 0)
                throw new errors/* MaandError */.Ob('invalid argument', `--workers ${bad.join(',')}: not an active allocation of job ${o.job}`);
            allocs = allocs.filter((a) => o.workers.includes(a.workerIp));
        }
        if (allocs.length === 0)
            throw new errors/* MaandError */.Ob('invalid argument', `job ${o.job} has no active allocation`);
        const bucket = (0,queries/* bucketRow */.P5)(db);
        const workerIds = new Map(db.prepare('SELECT worker_ip, worker_id FROM worker').all().map((r) => [r.worker_ip, r.worker_id]));
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const links = await o.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(o.signal ? { signal: o.signal } : {}) });
        const result = { job: o.job, target: o.target, workers: [] };
        try {
            const jobControl = (0,catalog/* commandsFor */.Au)(db, o.job, 'job_control');
            if (jobControl.length > 0) {
                const r = await links.hooks.run(o.job, 'job_control', allocs.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: allocs.length, env: { TARGET: o.target } });
                for (const a of allocs)
                    result.workers.push({ workerIp: a.workerIp, ok: r.ok, ...(r.error ? { error: r.error } : {}) });
            }
            else {
                for (const group of (0,rollout_order/* batches */.X)(allocs, info.maxConcurrentUpgrades)) {
                    if (o.signal?.aborted)
                        break;
                    const outs = await Promise.all(group.map(async (a) => {
                        const check = `python3 ${(0,commands/* bucketDir */.qZ)(bucket.bucket_id)}/bin/worker.py ${(0,commands/* shq */.hi)(bucket.bucket_id)} ${(0,commands/* shq */.hi)(workerIds.get(a.workerIp) ?? '')} ${bucket.update_seq}`;
                        const c = await links.remote.run(a.workerIp, check);
                        if (c.exitCode !== 0) {
                            const why = WORKER_CHECK[c.exitCode];
                            return why ? `worker ${a.workerIp}: ${why} (run maand deploy first)` : (0,context/* failureText */.kY)(a.workerIp, c);
                        }
                        const r = await links.remote.run(a.workerIp, (0,commands/* runnerCommand */.Qf)(bucket.bucket_id, o.target, o.job), {
                            env: { CURRENT_VERSION: a.currentVersion, NEW_VERSION: a.newVersion },
                            onLine: (stream, text) => emit({ type: 'output', job: o.job, worker: a.workerIp, stream, text }),
                        });
                        return r.exitCode === 0 ? undefined : (0,context/* failureText */.kY)(a.workerIp, r);
                    }));
                    group.forEach((a, i) => result.workers.push({ workerIp: a.workerIp, ok: outs[i] === undefined, ...(outs[i] ? { error: outs[i] } : {}) }));
                    if (outs.some((x) => x !== undefined))
                        break;
                }
            }
            if (o.healthCheck && result.workers.every((w) => w.ok)) {
                const h = await links.health.check(o.job);
                result.health = { ok: h.ok, ...(h.error ? { error: h.error } : {}) };
            }
        }
        finally {
            await links.close();
        }
        return result;
    }
    finally {
        db.close();
    }
}

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js
var ssh_access = __webpack_require__(4887);
;// CONCATENATED MODULE: ./lib/cli/commands/job.js






async function jobRunCommand(io, job, opts) {
    const r = await runJobTarget({
        root: io.cwd,
        job,
        target: opts.target,
        workers: (0,cli_io/* splitList */.r)(opts.workers),
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


/***/ })

};
