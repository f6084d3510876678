export const id = 754;
export const ids = [754];
export const modules = {

/***/ 1754:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackCommand: () => (/* binding */ rollbackCommand),
  rollbackSummary: () => (/* binding */ rollbackSummary)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/deploy/connect.js + 13 modules
var connect = __webpack_require__(9117);
// EXTERNAL MODULE: ./lib/deploy/causes.js
var causes = __webpack_require__(1147);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/run/lifecycle.js + 2 modules
var lifecycle = __webpack_require__(939);
// EXTERNAL MODULE: ./lib/history/store.js
var store = __webpack_require__(2185);
// EXTERNAL MODULE: ./lib/deploy/context.js + 1 modules
var context = __webpack_require__(881);
// EXTERNAL MODULE: ./lib/deploy/engine.js + 18 modules
var engine = __webpack_require__(1291);
// EXTERNAL MODULE: ./lib/deploy/coalesce.js
var coalesce = __webpack_require__(7348);
// EXTERNAL MODULE: ./lib/deploy/history-rows.js
var history_rows = __webpack_require__(4385);
// EXTERNAL MODULE: ./lib/deploy/pins.js
var pins = __webpack_require__(5775);
// EXTERNAL MODULE: ./lib/deploy/rollout.js
var rollout = __webpack_require__(1794);
// EXTERNAL MODULE: ./lib/deploy/worker-link.js
var worker_link = __webpack_require__(466);
// EXTERNAL MODULE: ./lib/releases/commands.js
var commands = __webpack_require__(5790);
// EXTERNAL MODULE: ./lib/deploy/alloc-state.js
var alloc_state = __webpack_require__(4306);
// EXTERNAL MODULE: ./lib/deploy/lifecycle.js
var deploy_lifecycle = __webpack_require__(3380);
// EXTERNAL MODULE: ./lib/deploy/tree-hash.js
var tree_hash = __webpack_require__(8240);
;// CONCATENATED MODULE: ./lib/rollback/plan.js
// What `maand rollback` does to each allocation (issue 13): the release it goes back to, from the deploy
// history, and the lifecycle that takes it there (the job's restart policy, as a deploy decides it).





/** Runs whose promotions a rollback undoes (a rollback itself is not one: rolling back twice does not flip). */
const DEPLOY_COMMANDS = ['deploy', 'drift correct'];
/** Jobs to roll back: the selection, else the jobs the newest deploy changed (or, with --to, every job recorded by then). */
function selectJobs(db, jobs, to) {
    if (jobs.length > 0)
        return [...jobs].sort();
    if (to !== undefined)
        return [...(0,alloc_state/* waves */.Lp)(db).values()].flat().filter((j) => releaseAtAny(db, j, to)).sort();
    const last = (0,store/* lastChangedJobs */.Z7)(db, DEPLOY_COMMANDS);
    if (!last)
        throw new errors/* MaandError */.Ob('invalid argument', 'nothing to roll back: the deploy history records no deploy that changed a job (see maand cat history); name the jobs with --jobs and a deploy id with --to', undefined, { bare: true });
    return last.jobs.filter((j) => (0,alloc_state/* jobInfo */.ec)(db, j) !== undefined);
}
function releaseAtAny(db, job, at) {
    return (0,alloc_state/* jobAllocations */.pt)(db, job).some((a) => (0,store/* releaseAt */.j8)(db, job, a.allocId, at) !== undefined);
}
/** Plans every selected job; throws one error naming every job that has no earlier release. */
function planRollback(db, jobs, to) {
    if (to !== undefined && !(0,store/* runExists */.mN)(db, to))
        throw new errors/* MaandError */.Ob('invalid argument', `deploy ${to} is not in the deploy history (see maand cat history)`);
    const seqOf = new Map();
    for (const [seq, names] of (0,alloc_state/* waves */.Lp)(db))
        for (const j of names)
            seqOf.set(j, seq);
    const problems = [];
    const out = [];
    for (const job of jobs) {
        const info = (0,alloc_state/* jobInfo */.ec)(db, job);
        if (!info) {
            problems.push(`job ${job} is not in the catalog`);
            continue;
        }
        const change = to === undefined ? (0,store/* lastChange */.$r)(db, job, DEPLOY_COMMANDS) : undefined;
        if (to === undefined && change === undefined) {
            problems.push(`job ${job}: no recorded deploy changed it, so there is no earlier release`);
            continue;
        }
        const at = to ?? change - 1;
        const allocs = (0,alloc_state/* jobAllocations */.pt)(db, job).filter(alloc_state/* isActive */.$m);
        const targets = new Map();
        const leftAlone = [];
        for (const a of allocs) {
            const r = (0,store/* releaseAt */.j8)(db, job, a.allocId, at);
            if (r)
                targets.set(a.allocId, target(a, r));
            else
                leftAlone.push(a.workerIp);
        }
        if (targets.size === 0) {
            problems.push(to === undefined ? `job ${job}: deploy ${change} was its first recorded deploy, so there is no earlier release` : `job ${job} ran no recorded release after deploy ${to}`);
            continue;
        }
        const plans = allocs.filter((a) => targets.has(a.allocId)).map((a) => allocPlan(a, targets.get(a.allocId), info.restartPolicy, info.restartGlobs));
        const rolledTo = [...new Set([...targets.values()].map((t) => t.release))].sort((x, y) => x - y).join(', ');
        const plan = { job, seq: seqOf.get(job) ?? 0, needsRollout: true, reason: `back to release ${rolledTo}`, marker: undefined, allocations: plans };
        // the lifecycle gets the release's version as NEW_VERSION
        const withVersions = allocs.filter((a) => targets.has(a.allocId)).map((a) => ({ ...a, newVersion: targets.get(a.allocId).version }));
        out.push({ job, seq: plan.seq, at, plan, allocs: withVersions, targets, leftAlone });
    }
    if (problems.length > 0)
        throw new errors/* MaandError */.Ob('invalid argument', `nothing to roll back: ${problems.join('; ')}; nothing was changed`, undefined, { bare: true });
    return out.sort((x, y) => x.seq - y.seq || (x.job < y.job ? -1 : 1));
}
function target(a, r) {
    return {
        job: a.job, allocId: a.allocId, workerIp: a.workerIp, release: r.releaseId, hash: r.hash, files: r.files, version: r.version,
        fromHash: a.previousHash ?? '', fromVersion: a.currentVersion,
    };
}
function allocPlan(a, t, policy, globs) {
    const hashChanged = t.hash !== (a.previousHash ?? '');
    const versionChanged = t.version !== a.currentVersion;
    const base = { allocId: a.allocId, workerIp: a.workerIp, disabled: false, previousHash: a.previousHash ?? '', currentHash: t.hash, matched: [], currentVersion: a.currentVersion, newVersion: t.version };
    if (!hashChanged && !versionChanged)
        return { ...base, action: 'sync', reason: `already runs release ${t.release}; its files are restored` };
    const d = (0,deploy_lifecycle/* decideLifecycle */.N)({
        policy, globs, syncOnly: false, hashChanged, versionOnly: !hashChanged, previousFiles: (0,tree_hash/* parseFilesJson */.x)(a.previousFiles), currentFiles: (0,tree_hash/* parseFilesJson */.x)(t.files),
    });
    return { ...base, action: d.action, matched: d.matched, reason: `back to release ${t.release}: ${d.reason}` };
}

;// CONCATENATED MODULE: ./lib/rollback/index.js
// `maand rollback` (issue 13): each selected job goes back to a release its workers retained, restored
// on the worker (no render, no rsync from here), then rolled out as a deploy rolls out (batches,
// restart/reload per policy, hooks, health, post_deploy, promotion per batch with checkpoints). Nothing
// changes unless every allocation still has its release. The catalog then describes what runs, and
// each rolled-back allocation is pinned (Q34) so the next deploy does not bring the bad release back.













function rollback(o) {
    const dryRun = o.dryRun === true;
    return (0,lifecycle/* withRun */.Y)({
        root: o.root, command: dryRun ? 'rollback --dry-run' : 'rollback', connect: o.connect, readOnly: dryRun, stage: {},
        history: { command: 'rollback', ...(o.origin ? { origin: o.origin } : {}) },
        ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}),
    }, (r) => rollbackRun(r, o.jobs ?? [], o.to, dryRun));
}
async function rollbackRun(r, selection, to, dryRun) {
    const t0 = Date.now();
    (0,engine/* checkJobSelection */.k)(r, selection);
    const jobs = planRollback(r.db, selectJobs(r.db, selection, to), to);
    const result = {
        dryRun, bucketId: r.bucketId, updateSeq: r.updateSeq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(), durationMs: 0, reconcile: [], jobs: [], plans: [],
        failedJobs: [], errors: [], cancelled: false, targets: [], leftAlone: [],
    };
    for (const j of jobs) {
        for (const t of j.targets.values())
            result.targets.push({ job: j.job, workerIp: t.workerIp, release: t.release, version: t.version, fromVersion: t.fromVersion });
        for (const ip of j.leftAlone) {
            result.leftAlone.push({ job: j.job, workerIp: ip });
            r.emit({ type: 'warning', message: `job ${j.job} worker ${ip}: allocated after the release it would go back to; left as it is` });
        }
    }
    const useSudo = (0,maand_conf/* sshSettings */.OA)(r.conf).useSudo;
    const link = worker_link/* WorkerLink */.VB.forRun(r);
    await link.requireTransport();
    await checkReleases(link, r.bucketId, jobs);
    if (dryRun) {
        result.plans = jobs.map((j) => j.plan);
        for (const p of result.plans)
            r.emit({ type: 'job-planned', plan: p });
        result.durationMs = Date.now() - t0;
        return result;
    }
    const targets = new Map(jobs.flatMap((j) => [...j.targets.values()].map((t) => [`${t.job}\n${t.workerIp}`, t])));
    const restored = new Set();
    const restorer = new coalesce/* Coalescer */.w((ip, names) => restore(link, r.bucketId, ip, names.map((job) => targets.get(`${job}\n${ip}`)), restored));
    // A restart or reload restores the release in its own ssh call, just before make: no round trip of its own.
    const files = (ip, job, lifecycleFollows) => {
        if (!lifecycleFollows)
            return restorer.submit(ip, job);
        restoreBeforeLifecycle(link, r.bucketId, targets.get(`${job}\n${ip}`), restored);
        return Promise.resolve(undefined);
    };
    const ctx = new context/* DeployContext */.p(r, {
        flags: { dryRun: false, force: false, syncOnly: false, jobs: jobs.map((j) => j.job) }, useSudo, result, link, files,
        promote: (job, allocId) => promoteRelease(r.db, r.deployId, jobs.find((j) => j.job === job).targets.get(allocId), jobs.find((j) => j.job === job)),
    });
    for (const seq of [...new Set(jobs.map((j) => j.seq))]) {
        const wave = jobs.filter((j) => j.seq === seq);
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const done = await Promise.all(wave.map((j) => {
            ctx.emit({ type: 'job-planned', plan: j.plan });
            if (ctx.cancelled)
                return Promise.resolve({ job: j.job, seq, status: 'failed', reason: 'cancelled', error: `job ${j.job}: cancelled before its rollback; nothing of it changed`, durationMs: 0, allocations: [] });
            return (0,rollout/* rolloutJob */.J)(ctx, j.plan, j.allocs, new Map());
        }));
        for (const res of done) {
            result.jobs.push(res);
            if (res.status === 'failed') {
                result.failedJobs.push(res.job);
                ctx.checkpoint(() => markUnsettled(r.db, wave.find((j) => j.job === res.job), restored));
            }
            r.recordJob((0,history_rows/* jobHistory */.Yd)(r.db, res));
        }
    }
    result.cancelled = ctx.cancelled;
    result.durationMs = Date.now() - t0;
    r.setOutcome(result.cancelled ? 'cancelled' : result.failedJobs.length > 0 ? 'failed' : 'ok');
    return result;
}
/** Every allocation must still have its release (and its worker be reachable): else one error, nothing changed. First contact and the check share one round trip. */
async function checkReleases(link, bucketId, jobs) {
    const byIp = new Map();
    for (const j of jobs)
        for (const t of j.targets.values())
            byIp.set(t.workerIp, [...(byIp.get(t.workerIp) ?? []), t]);
    const problems = [];
    await Promise.all([...byIp].map(async ([ip, ts]) => {
        const res = await link.reachWith(ip, (0,commands/* probeScript */.Ai)(bucketId, ts.map((t) => ({ job: t.job, release: t.release }))));
        if (res.error !== undefined) {
            problems.push(res.error);
            return;
        }
        for (const t of ts)
            if (!res.stdout.includes(`maand-release: ${t.job} ${t.release} yes`))
                problems.push(`job ${t.job} worker ${ip}: release ${t.release} is not retained`);
    }));
    if (problems.length > 0)
        throw new errors/* MaandError */.Ob('invalid argument', `rollback not possible: ${problems.sort().join('; ')}; nothing was changed (roll these jobs forward with maand deploy, or choose another release with --to)`, undefined, { bare: true });
}
async function restore(link, bucketId, ip, ts, restored) {
    const err = await link.reach(ip);
    if (err)
        return ts.map(() => err);
    const r = await link.run(ip, (0,commands/* restoreScript */.Q)(bucketId, ts.map((t) => ({ job: t.job, release: t.release }))), { onLine: link.output(undefined, ip) });
    const codes = (0,commands/* parseOutcomes */.Fo)(r.stdout);
    return ts.map((t) => {
        const code = codes.get(t.job);
        if (code !== 44)
            restored.add(`${t.job}\n${ip}`);
        return restoreFailure(t, code, (0,worker_link/* failureText */.kY)(ip, r));
    });
}
function restoreBeforeLifecycle(link, bucketId, t, restored) {
    link.beforeLifecycle(t.workerIp, t.job, {
        script: (0,commands/* restorePrelude */.SJ)(bucketId, { job: t.job, release: t.release }),
        done: (code, output) => {
            // anything but "release missing" may have touched the tree: a failed job's allocation is then marked for the next deploy
            if (code !== 44)
                restored.add(`${t.job}\n${t.workerIp}`);
            return restoreFailure(t, code, output);
        },
    });
}
function restoreFailure(t, code, output) {
    if (code === 0)
        return undefined;
    if (code === 44)
        return `worker ${t.workerIp}: release ${t.release} of job ${t.job} disappeared before it was restored; run maand deploy`;
    return code === undefined ? output : `worker ${t.workerIp}: restoring release ${t.release} of job ${t.job} failed (exit ${code}); see the output above`;
}
/** The allocation runs the release (hash row and history), pinned while the workspace renders what it left. */
function promoteRelease(db, deployId, t, j) {
    db.prepare('UPDATE hash SET current_hash = ?, current_files = ?, previous_hash = ?, previous_files = ?, current_version = ? WHERE namespace = ? AND key = ?').run(t.hash, t.files, t.hash, t.files, t.version, `${t.job}_allocation`, t.allocId);
    if (deployId === undefined)
        return;
    (0,store/* recordRelease */.ty)(db, { deployId, job: t.job, allocId: t.allocId, workerIp: t.workerIp, releaseId: t.release, hash: t.hash, files: t.files, version: t.version });
    const workspace = j.allocs.find((a) => a.allocId === t.allocId)?.currentHash ?? t.fromHash;
    if (workspace !== '' && workspace !== t.hash)
        (0,pins/* setPin */.oW)(db, t.job, t.allocId, { rollbackId: deployId, pinnedHash: workspace });
}
/**
 * A failed or cancelled job's allocations whose files were restored but that were not promoted run the
 * old process over the release's files: the next deploy rolls them out again (as drift correction does).
 */
function markUnsettled(db, j, restored) {
    const mark = db.prepare("UPDATE hash SET previous_hash = 'drift' WHERE namespace = ? AND key = ? AND previous_hash IS NOT NULL AND previous_hash <> ?");
    for (const t of j.targets.values())
        if (restored.has(`${t.job}\n${t.workerIp}`))
            mark.run(`${t.job}_allocation`, t.allocId, t.hash);
}

// EXTERNAL MODULE: ./lib/report/dry-run.js
var dry_run = __webpack_require__(3175);
// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: ./lib/entry/signals.js
var signals = __webpack_require__(8053);
// EXTERNAL MODULE: ./lib/entry/job-list.js
var job_list = __webpack_require__(1772);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js + 1 modules
var ssh_access = __webpack_require__(4133);
// EXTERNAL MODULE: ./lib/cli/origin.js
var origin = __webpack_require__(7250);
;// CONCATENATED MODULE: ./lib/cli/commands/rollback.js











async function rollbackCommand(io, opts) {
    const to = opts.to === undefined ? undefined : Number(opts.to);
    if (to !== undefined && (!Number.isInteger(to) || to < 1))
        throw new errors/* MaandError */.Ob('invalid argument', `--to ${JSON.stringify(opts.to)}: give a deploy id from maand cat history`);
    const controller = new AbortController();
    const stopSignals = (0,signals/* stopOnSignals */.Z)(controller, (line) => void io.stderr.write(`\n${line}\n`), () => process.exit(130));
    try {
        const r = await rollback({
            root: io.cwd, jobs: (0,job_list/* parseNameList */.H)(opts.jobs), dryRun: opts.dryRun, signal: controller.signal, origin: (0,origin/* cliOrigin */.B)(),
            ...(to !== undefined ? { to } : {}),
            onEvent: (e) => {
                if (opts.dryRun && e.type !== 'warning')
                    return;
                const line = (0,console/* formatEvent */.qF)(e);
                if (line !== undefined)
                    io.stderr.write(`${line}\n`);
            },
            connect: (0,connect/* connectRun */.Yy)({ ssh: (0,ssh_access/* sshAccess */.v)(io, opts), hookEnv: io.env }),
        });
        io.stdout.write(opts.dryRun ? (0,dry_run/* formatDryRun */.S)(r.plans).replace(/^deploy dry-run/, 'rollback dry-run') : rollbackSummary(r));
        if (r.failedJobs.length > 0 || r.cancelled)
            throw new errors/* PartialFailureError */.ax(r.cancelled ? 'rollback cancelled' : 'rollback failed', (0,causes/* jobsByCause */.Di)(r.jobs.filter((j) => j.error).map((j) => j.error)));
    }
    finally {
        stopSignals();
    }
}
/** What went back to which release, per job. */
function rollbackSummary(r) {
    const lines = [`rollback ${r.failedJobs.length > 0 ? 'finished with failures' : 'ok'} in ${(r.durationMs / 1000).toFixed(1)}s`];
    for (const j of r.jobs) {
        const releases = [...new Set(r.targets.filter((t) => t.job === j.job).map((t) => `${t.release} (${t.version})`))].join(', ');
        lines.push(`  ${j.job}: ${j.status === 'failed' ? 'failed' : 'back to'} release ${releases}`);
    }
    return `${lines.join('\n')}\n`;
}


/***/ })

};
