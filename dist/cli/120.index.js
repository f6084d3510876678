export const id = 120;
export const ids = [120];
export const modules = {

/***/ 8120:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/build/index.js + 30 modules
var build = __webpack_require__(9705);
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
// EXTERNAL MODULE: ./lib/deploy/context.js + 1 modules
var context = __webpack_require__(6110);
;// CONCATENATED MODULE: ./lib/deploy/glob-match.js
// restart_globs matching (deploy spec §13.3): Go path.Match per segment plus maand's `**` forms.
/** Go path.Match: `*` (no `/`), `?`, `[...]`/`[^...]` classes, `\` escapes; malformed → no match. */
function pathMatch(pattern, name) {
    const re = globToRegExp(pattern);
    return re !== undefined && re.test(name);
}
function globToRegExp(p) {
    let out = '^';
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '\\') {
            if (i + 1 >= p.length)
                return undefined;
            out += escapeRe(p[++i]);
        }
        else if (c === '[') {
            let j = i + 1;
            let cls = '[';
            if (p[j] === '^') {
                cls += '^';
                j++;
            }
            let n = 0;
            for (; j < p.length && !(p[j] === ']' && n > 0); j++, n++) {
                if (p[j] === '\\') {
                    j++;
                    if (j >= p.length)
                        return undefined;
                }
                cls += p[j] === ']' || p[j] === '\\' || p[j] === '^' ? `\\${p[j]}` : p[j];
            }
            if (j >= p.length)
                return undefined;
            out += `${cls}]`;
            i = j;
        }
        else
            out += escapeRe(c);
    }
    try {
        return new RegExp(`${out}$`, 'u');
    }
    catch {
        return undefined;
    }
}
function escapeRe(c) {
    return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
function lastSegment(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}
function globMatches(rawPattern, rawPath) {
    const pattern = rawPattern.trim();
    const path = rawPath.replace(/^\/+/, '');
    if (pattern === '')
        return false;
    if (!/[*?[]/.test(pattern) && (path === pattern || lastSegment(path) === pattern))
        return true;
    if (pattern.includes('**')) {
        if (pattern.startsWith('**/')) {
            const s = pattern.slice(3);
            if (s.includes('/')) {
                const dir = s.slice(0, s.indexOf('/'));
                const name = s.slice(s.indexOf('/') + 1);
                return path.startsWith(`${dir}/`) && pathMatch(name, path.slice(dir.length + 1));
            }
            return pathMatch(s, lastSegment(path)) || pathMatch(s, path);
        }
        if (pattern.endsWith('/**')) {
            const prefix = pattern.slice(0, -3);
            return path === prefix || path.startsWith(`${prefix}/`);
        }
        const parts = pattern.split('**');
        if (parts.length !== 2)
            return false;
        const [prefix, suffixRaw] = parts;
        if (prefix !== '' && !path.startsWith(prefix))
            return false;
        const rest = path.slice(prefix.length).replace(/^\//, '');
        const suffix = suffixRaw.replace(/^\//, '');
        if (suffix === '')
            return true;
        return pathMatch(suffix, rest) || pathMatch(suffix, lastSegment(rest));
    }
    if (pattern.includes('/')) {
        if (pathMatch(pattern, path))
            return true;
        if (pattern.endsWith('/'))
            return path === pattern.slice(0, -1) || path.startsWith(pattern);
        return false;
    }
    return pathMatch(pattern, lastSegment(path)) || pathMatch(pattern, path);
}
/** Changed paths matching at least one pattern, in input order. */
function matchAny(patterns, paths) {
    return paths.filter((p) => patterns.some((g) => globMatches(g, p)));
}

// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(6495);
;// CONCATENATED MODULE: ./lib/deploy/tree-hash.js
// Plan hashes (deploy spec §9.2-9.3; computed by job-tree.ts) and per-file manifests.

function parseFilesJson(text) {
    if (text === null || text === undefined || text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Paths added, changed or deleted between two manifests, sorted byte-wise (§13.2). */
function changedPaths(previous, current) {
    const prev = previous ?? {};
    const cur = current ?? {};
    const out = new Set();
    for (const [p, d] of Object.entries(cur))
        if (prev[p] !== d)
            out.add(p);
    for (const p of Object.keys(prev))
        if (!(p in cur))
            out.add(p);
    return [...out].sort(go_json/* byteCompare */.U6);
}

;// CONCATENATED MODULE: ./lib/deploy/lifecycle.js
// Which lifecycle an updated allocation gets (deploy spec §13.1): restart, reload or sync (files only).


function decideLifecycle(i) {
    if (i.syncOnly)
        return { action: 'sync', matched: [], reason: '--sync-only' };
    const policy = i.policy === '' ? 'always' : i.policy;
    if (policy === 'never')
        return { action: 'sync', matched: [], reason: 'restart_policy never' };
    if (policy === 'always')
        return { action: 'restart', matched: [], reason: i.versionOnly ? 'version changed' : 'files changed' };
    if (policy !== 'reload')
        return { action: 'restart', matched: [], reason: `restart_policy ${policy}` };
    if (i.versionOnly && !i.hashChanged)
        return { action: 'reload', matched: [], reason: 'version changed' };
    if (i.previousFiles === undefined && i.hashChanged)
        return { action: 'reload', matched: [], reason: 'files changed (no previous manifest)' };
    if (i.globs.length === 0)
        return { action: 'reload', matched: [], reason: 'files changed' };
    const matched = matchAny(i.globs, changedPaths(i.previousFiles, i.currentFiles));
    if (matched.length > 0)
        return { action: 'restart', matched, reason: `restart_globs matched ${matched.join(',')}` };
    return { action: 'reload', matched: [], reason: 'files changed, no restart_globs matched' };
}

// EXTERNAL MODULE: ./lib/deploy/state.js
var state = __webpack_require__(3626);
;// CONCATENATED MODULE: ./lib/deploy/plan.js
// What a deploy would do to each allocation of a job, and why (deploy spec §10, §12.2, §16.3 with our
// decisions: disabled allocations are only stopped (Q4, Q9), unfinished work is carried (Q30, S3)).



/** `staged`: the tree hash of each active allocation staged in this run, by alloc id. */
function planJob(job, seq, allocs, staged, marker, flags) {
    const plans = [];
    for (const a of allocs) {
        if (a.removed)
            continue;
        const current = staged.get(a.allocId);
        const base = {
            allocId: a.allocId,
            workerIp: a.workerIp,
            disabled: a.disabled,
            previousHash: a.previousHash ?? '',
            currentHash: current?.hash ?? a.currentHash ?? '',
            matched: [],
            currentVersion: a.currentVersion,
            newVersion: a.newVersion,
        };
        if (!(0,state/* isActive */.$m)(a)) {
            plans.push({ ...base, action: (0,state/* wasDeployed */.wZ)(a) ? 'stop' : 'skip', reason: (0,state/* wasDeployed */.wZ)(a) ? 'disabled, still running' : 'disabled' });
            continue;
        }
        if (!(0,state/* wasDeployed */.wZ)(a)) {
            plans.push({ ...base, action: 'start', reason: a.hasHashRow ? 'not started yet' : 'new allocation' });
            continue;
        }
        const hashChanged = base.previousHash !== base.currentHash;
        const versionPending = a.currentVersion !== a.newVersion;
        if (!hashChanged && !flags.force && !versionPending) {
            plans.push({ ...base, action: 'skip', reason: 'up to date' });
            continue;
        }
        const d = decideLifecycle({
            policy: job.restartPolicy,
            globs: job.restartGlobs,
            syncOnly: flags.syncOnly,
            hashChanged,
            versionOnly: !hashChanged && versionPending,
            previousFiles: parseFilesJson(a.previousFiles),
            currentFiles: current?.files ?? parseFilesJson(a.currentFiles),
        });
        const why = hashChanged ? d.reason : versionPending ? `version ${a.currentVersion} → ${a.newVersion}` : '--force';
        plans.push({ ...base, action: d.action, matched: d.matched, reason: d.action === 'sync' && !flags.syncOnly ? `${why}; restart_policy never` : why });
    }
    const work = plans.some((p) => p.action !== 'skip') || marker !== undefined;
    const reason = plans.length === 0 ? 'no allocations' : marker ? `unfinished ${marker === 'post_deploy' ? 'post_deploy' : 'rollout'} from an earlier deploy` : work ? '' : 'already promoted on all allocations';
    return { job: job.name, seq, needsRollout: work, reason, marker, allocations: plans };
}

// EXTERNAL MODULE: ./lib/deploy/commands.js
var commands = __webpack_require__(6477);
;// CONCATENATED MODULE: ./lib/deploy/reconcile.js
// Reconcile (seed S4, deploy spec §6 with decisions Q9, Q10): stop removed/disabled allocations that
// still run, run after_allocation_stopped, clean removed job files (keeping data/ and logs/), purge the
// KV of fully removed jobs, then health-check jobs that lost a running allocation. Failures are recorded
// per job (Q10) and the deploy goes on.







async function reconcile(ctx, conf) {
    const failures = new Map();
    const all = (0,state/* allAllocations */.hR)(ctx.db);
    const stopped = all.filter((a) => a.removed || a.disabled);
    if (stopped.length === 0)
        return failures;
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    const lostRunning = new Set();
    const offCatalog = new Set();
    const record = (r) => {
        ctx.result.reconcile.push(r);
        ctx.emit({ type: 'reconcile', result: r });
        if (r.outcome === 'failed' && r.error && !failures.has(r.job))
            failures.set(r.job, r.error);
    };
    for (const a of stopped) {
        const running = (0,state/* wasDeployed */.wZ)(a);
        const assumeDead = a.removed && !ctx.workers.has(a.workerIp);
        if (running) {
            lostRunning.add(a.job);
            const err = await stopAllocation(ctx, a, useSudo);
            if (err && !assumeDead) {
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: stop failed: ${err}` });
                continue;
            }
            if (err)
                ctx.emit({ type: 'warning', message: `removed worker ${a.workerIp} unreachable, assuming dead: ${err}` });
            else
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'ok' });
            const hook = await ctx.hooks.run(a.job, 'after_allocation_stopped', [{ allocId: a.allocId, workerIp: a.workerIp }], {
                concurrency: 1,
                env: { BATCH_ALLOCATIONS: a.workerIp, BATCH_INDEX: '0', BATCH_COUNT: '1', DEPLOY_PHASE: 'stop', ROLLOUT_ORDER: '', ROLLOUT_ORDER_SOURCE: '' },
            });
            if (!hook.ok)
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job}: ${hook.error}` });
            if (a.removed) {
                const c = err ? err : await cleanup(ctx, a);
                if (c && !assumeDead)
                    record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: cleanup failed: ${c}` });
                else if (!c)
                    record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'ok' });
                if (assumeDead)
                    offCatalog.add(a.workerIp);
            }
        }
        ctx.checkpoint(() => {
            if (a.removed)
                (0,state/* deleteHash */.mD)(ctx.db, a.job, a.allocId);
            else if (running)
                (0,state/* markStopped */.fP)(ctx.db, a.job, a.allocId);
        });
    }
    for (const ip of [...offCatalog].sort()) {
        const r = await ctx.remote.run(ip, (0,commands/* removeBucketCommand */.eG)(ctx.bucketId), { onLine: ctx.output(undefined, ip) });
        if (r.exitCode === 0)
            record({ job: '', workerIp: ip, action: 'remove-bucket', outcome: 'ok' });
        else
            ctx.emit({ type: 'warning', message: `removed worker ${ip} unreachable, assuming dead: ${(0,context/* failureText */.kY)(ip, r)}` });
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.paths.tmpDir, 'stage', ip), { recursive: true, force: true });
    }
    purgeRemovedJobs(ctx, all, stopped);
    for (const job of [...lostRunning].sort()) {
        if (failures.has(job) || !all.some((a) => a.job === job && (0,state/* isActive */.$m)(a)))
            continue;
        const h = await ctx.health.check(job);
        if (!h.ok)
            failures.set(job, `job ${job}: health check after stopping allocations failed: ${h.error ?? ''}`);
    }
    return failures;
}
async function stopAllocation(ctx, a, useSudo) {
    if (ctx.workers.has(a.workerIp)) {
        const notReady = await ctx.ensureWorker(a.workerIp, useSudo);
        if (notReady)
            return notReady;
    }
    const r = await ctx.remote.run(a.workerIp, (0,commands/* runnerCommand */.Qf)(ctx.bucketId, 'stop', a.job), { onLine: ctx.output(a.job, a.workerIp) });
    return r.exitCode === 0 ? undefined : (0,context/* failureText */.kY)(a.workerIp, r);
}
async function cleanup(ctx, a) {
    const r = await ctx.remote.run(a.workerIp, (0,commands/* cleanupJobCommand */.z8)(ctx.bucketId, a.job), { onLine: ctx.output(a.job, a.workerIp) });
    (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.paths.tmpDir, 'stage', a.workerIp, 'jobs', a.job), { recursive: true, force: true });
    return r.exitCode === 0 ? undefined : (0,context/* failureText */.kY)(a.workerIp, r);
}
/** KV of jobs left without any non-removed allocation (§6.5). */
function purgeRemovedJobs(ctx, all, stopped) {
    const jobs = [...new Set(stopped.map((a) => a.job))].sort();
    let changed = false;
    for (const job of jobs) {
        const rows = all.filter((a) => a.job === job);
        if (rows.some((a) => !a.removed))
            continue;
        for (const ns of [(0,lib_kv/* jobNamespace */.xd)(job), (0,lib_kv/* bucketJobVarsNamespace */.ro)(job), (0,lib_kv/* jobVarsNamespace */.po)(job), (0,lib_kv/* jobSecretsNamespace */.WM)(job)])
            changed = (0,lib_kv/* purge */.OU)(ctx.kv, ns) || changed;
        for (const a of rows)
            changed = (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp)) || changed;
    }
    if (changed)
        ctx.checkpoint();
}

// EXTERNAL MODULE: ./lib/deploy/staging.js + 3 modules
var staging = __webpack_require__(2469);
// EXTERNAL MODULE: ./lib/deploy/rollout-order.js
var rollout_order = __webpack_require__(5163);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
;// CONCATENATED MODULE: ./lib/deploy/rollout.js




class JobFailure extends Error {
    name = 'JobFailure';
}
async function rolloutJob(ctx, plan, allocs, staged) {
    const started = Date.now();
    const res = { job: plan.job, seq: plan.seq, status: 'deployed', reason: plan.reason, durationMs: 0, allocations: [] };
    ctx.emit({ type: 'job-started', job: plan.job, seq: plan.seq });
    try {
        await rollout(ctx, plan, allocs, staged, res);
    }
    catch (e) {
        res.status = 'failed';
        res.error = e instanceof JobFailure ? e.message : `job ${plan.job}: ${e.message}`;
    }
    res.durationMs = Date.now() - started;
    ctx.emit({ type: 'job-finished', result: res });
    return res;
}
async function rollout(ctx, plan, allocs, staged, res) {
    const job = plan.job;
    const fail = (msg) => {
        throw new JobFailure(`job ${job}: ${msg}`);
    };
    const info = (0,state/* jobInfo */.ec)(ctx.db, job);
    if (!info)
        fail('the job is no longer in the catalog; run maand build');
    const active = plan.allocations.filter((a) => !a.disabled);
    const byIp = new Map(allocs.map((a) => [a.workerIp, a]));
    const work = active.filter((a) => a.action !== 'skip');
    const newAllocs = work.filter((a) => a.action === 'start');
    if (ctx.flags.syncOnly && newAllocs.length > 0)
        fail(`sync-only deploy cannot start new allocations on job "${job}": ${newAllocs.map((a) => a.workerIp).join(',')} (deploy without --sync-only first)`);
    if (plan.marker === 'post_deploy' && work.length === 0) {
        await postDeploy(ctx, job, active, res);
        ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, undefined));
        return;
    }
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, 'rollout'));
    // Files first, only where something changes (Q4: only workers with an active allocation of the job).
    for (const a of work)
        void ctx.ensureWorker(a.workerIp); // connect while the trees are written
    const written = new Set();
    for (const a of work) {
        const t = staged.get(a.allocId);
        if (t)
            (0,staging/* placeTree */.Mv)(ctx.paths.root, a.workerIp, job, t, written);
    }
    const rsyncErrors = await Promise.all(work.map((a) => ctx.sendJobFiles(a.workerIp, job)));
    const bad = rsyncErrors.filter((e) => e !== undefined);
    if (bad.length > 0) {
        for (const a of work)
            res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
        fail(bad.join('; '));
    }
    const syncs = work.filter((a) => a.action === 'sync');
    if (syncs.length > 0) {
        ctx.checkpoint(() => syncs.forEach((a) => (0,state/* promote */.IQ)(ctx.db, job, a.allocId)));
        for (const a of syncs)
            res.allocations.push(allocResult(a, 'ok', 0));
    }
    const jobControl = (0,catalog/* commandsFor */.Au)(ctx.db, job, 'job_control');
    if (jobControl.length > 0 && !ctx.flags.syncOnly) {
        await jobControlPath(ctx, job, active, res);
    }
    else if (!ctx.flags.syncOnly) {
        const defaultOrder = allocs.filter((a) => !a.removed).map((a) => a.workerIp);
        await phase(ctx, job, 'new', 'start', newAllocs, info.maxConcurrentStarts, defaultOrder, byIp, res);
        await phase(ctx, job, 'update', 'reload', work.filter((a) => a.action === 'reload'), info.maxConcurrentUpgrades, defaultOrder, byIp, res);
        await phase(ctx, job, 'update', 'restart', work.filter((a) => a.action === 'restart'), info.maxConcurrentUpgrades, defaultOrder, byIp, res);
        if (plan.marker === 'rollout' && newAllocs.length + work.filter((a) => a.action === 'reload' || a.action === 'restart').length === 0) {
            await healthGate(ctx, job);
        }
    }
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, 'post_deploy'));
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, undefined));
    if (work.length === 0 && !plan.marker)
        res.status = 'unchanged';
}
function allocResult(a, outcome, durationMs, error, batch) {
    return { workerIp: a.workerIp, allocId: a.allocId, action: a.action, reason: a.reason, outcome, durationMs, ...(error ? { error } : {}), ...(batch !== undefined ? { batch } : {}) };
}
async function phase(ctx, job, phaseName, target, candidates, batchSize, defaultOrder, byIp, res) {
    if (candidates.length === 0)
        return;
    const kvOrder = ctx.kv.tryGet(`maand/job/${job}`, 'rollout_order');
    const order = (0,rollout_order/* rolloutOrder */.Y)(candidates.map((a) => a.workerIp), defaultOrder, kvOrder);
    if (order.ignored.length > 0)
        ctx.emit({ type: 'warning', message: `job ${job}: rollout_order lists ${order.ignored.join(',')} which ${order.ignored.length === 1 ? 'is' : 'are'} not part of this ${target}; ignored` });
    const plansByIp = new Map(candidates.map((a) => [a.workerIp, a]));
    const groups = (0,rollout_order/* batches */.X)(order.order, batchSize);
    for (const [index, ips] of groups.entries()) {
        if (ctx.cancelled)
            throw new JobFailure(`job ${job}: cancelled before ${target} batch ${index + 1}/${groups.length} (${ips.join(',')}); run maand deploy again to continue`);
        ctx.emit({ type: 'batch-started', job, phase: phaseName, action: target, index, count: groups.length, workers: ips });
        const t0 = Date.now();
        const outcomes = await Promise.all(ips.map((ip) => {
            const a = byIp.get(ip);
            return ctx.runTarget(ip, { job, target, currentVersion: a.currentVersion, newVersion: a.newVersion });
        }));
        const failed = outcomes.filter((o) => o !== undefined);
        if (failed.length > 0) {
            ips.forEach((ip, i) => res.allocations.push(allocResult(plansByIp.get(ip), outcomes[i] ? 'failed' : 'ok', Date.now() - t0, outcomes[i], index)));
            throw new JobFailure(`job ${job}: ${target} batch ${index + 1}/${groups.length} failed: ${failed.join('; ')}`);
        }
        const hook = await ctx.hooks.run(job, 'after_allocation_started', ips.map((ip) => ({ allocId: byIp.get(ip).allocId, workerIp: ip })), {
            concurrency: ips.length,
            env: { BATCH_ALLOCATIONS: ips.join(','), BATCH_INDEX: String(index), BATCH_COUNT: String(groups.length), DEPLOY_PHASE: phaseName, ROLLOUT_ORDER: order.full, ROLLOUT_ORDER_SOURCE: order.source },
        });
        if (!hook.ok) {
            ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'failed', Date.now() - t0, hook.error, index)));
            throw new JobFailure(`job ${job}: ${hook.error}`);
        }
        // Promote the batch: the workers now run this tree (seed S2); committed before anything else can fail.
        ctx.checkpoint(() => ips.forEach((ip) => (0,state/* promote */.IQ)(ctx.db, job, byIp.get(ip).allocId)));
        ctx.emit({ type: 'batch-promoted', job, workers: ips });
        ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'ok', Date.now() - t0, undefined, index)));
        await healthGate(ctx, job);
    }
}
async function healthGate(ctx, job) {
    const h = await ctx.health.check(job);
    if (!h.ok)
        throw new JobFailure(`job ${job}: health check failed: ${h.error ?? 'unknown error'} (the next deploy retries it)`);
}
async function jobControlPath(ctx, job, active, res) {
    const news = active.filter((a) => a.action === 'start').map((a) => a.workerIp);
    const updated = active.filter((a) => a.action === 'restart' || a.action === 'reload' || (ctx.flags.force && a.action !== 'start')).map((a) => a.workerIp);
    const t0 = Date.now();
    const hook = await ctx.hooks.run(job, 'job_control', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), {
        concurrency: Math.max(1, active.length),
        env: { NEW_ALLOCATIONS: news.join(','), UPDATED_ALLOCATIONS: updated.join(',') },
    });
    if (!hook.ok)
        throw new JobFailure(`job ${job}: ${hook.error}`);
    ctx.checkpoint(() => active.forEach((a) => (0,state/* promote */.IQ)(ctx.db, job, a.allocId)));
    for (const a of active)
        if (a.action !== 'skip' && a.action !== 'sync')
            res.allocations.push(allocResult(a, 'ok', Date.now() - t0));
    await healthGate(ctx, job);
}
async function postDeploy(ctx, job, active, res) {
    const hook = await ctx.hooks.run(job, 'post_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!hook.ok) {
        res.reason = 'post_deploy failed; the next deploy runs post_deploy again';
        throw new JobFailure(`job ${job}: ${hook.error}`);
    }
}

;// CONCATENATED MODULE: ./lib/deploy/engine.js
// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).














async function deploy(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    const emit = opts.onEvent ?? (() => { });
    const t0 = Date.now();
    try {
        (0,gate/* checkSchema */._)(db);
        const flags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
        const known = new Set(db.prepare('SELECT name FROM job').all().map((r) => r.name));
        const unknown = flags.jobs.filter((j) => !known.has(j));
        if (unknown.length > 0)
            throw new errors/* MaandError */.Ob('invalid argument', `--jobs: unknown job ${unknown.join(', ')} (known: ${[...known].sort().join(', ') || 'none'}); nothing was deployed`);
        const bucket = (0,queries/* bucketRow */.P5)(db);
        const labels = (0,queries/* workerLabels */.wH)(db);
        const workers = (0,queries/* workersByPosition */.gw)(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const result = {
            dryRun: flags.dryRun, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(),
            durationMs: 0, reconcile: [], jobs: [], plans: [], failedJobs: [], errors: [], cancelled: false,
        };
        const links = await opts.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(opts.signal ? { signal: opts.signal } : {}) });
        const ctx = new context/* DeployContext */.pY({
            paths, db, kv, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, workers, flags,
            remote: links.remote, hooks: links.hooks, health: links.health, result, emit, ...(opts.signal ? { signal: opts.signal } : {}),
        });
        try {
            await run(ctx, conf);
        }
        finally {
            await links.close();
        }
        result.updateSeq = ctx.updateSeq;
        result.updateSeqBumped = ctx.updateSeqBumped;
        result.cancelled = ctx.cancelled;
        result.durationMs = Date.now() - t0;
        return result;
    }
    finally {
        db.close();
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
    }
}
async function run(ctx, conf) {
    const failed = new Map();
    ctx.setUseSudo((0,maand_conf/* sshSettings */.OA)(conf).useSudo);
    if (!ctx.flags.dryRun) {
        ctx.emit({ type: 'phase', phase: 'reconcile' });
        for (const [job, err] of await reconcile(ctx, conf))
            failed.set(job, err);
    }
    const selected = (job) => ctx.flags.jobs.length === 0 || ctx.flags.jobs.includes(job);
    for (const [seq, jobs] of [...(0,state/* waves */.Lp)(ctx.db)].sort(([a], [b]) => a - b)) {
        const wave = jobs.filter(selected);
        if (wave.length === 0)
            continue;
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const planned = [];
        for (const job of wave) {
            if (ctx.cancelled)
                break;
            const blockedBy = (0,lib_kv/* upstreamJobs */.oZ)(ctx.db, job).filter((u) => failed.has(u));
            if (blockedBy.length > 0) {
                pushJob(ctx, { job, seq, status: 'blocked', reason: `upstream ${blockedBy.join(', ')} failed in this deploy`, error: `job ${job}: not deployed because upstream job ${blockedBy.join(', ')} failed`, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            const p = await planOne(ctx, job, seq);
            if ('error' in p) {
                pushJob(ctx, { job, seq, status: 'failed', reason: 'plan failed', error: p.error, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            ctx.emit({ type: 'job-planned', plan: p.plan });
            if (ctx.flags.dryRun) {
                ctx.result.plans.push(p.plan);
                continue;
            }
            // Open the connections to the workers this job will touch while the other jobs are planned.
            if (p.plan.needsRollout)
                for (const a of p.plan.allocations)
                    if (a.action !== 'skip' && !a.disabled)
                        void ctx.ensureWorker(a.workerIp);
            if (!p.plan.needsRollout) {
                ctx.emit({ type: 'job-skipped', job, reason: p.plan.reason });
                ctx.result.jobs.push({ job, seq, status: 'unchanged', reason: p.plan.reason, durationMs: 0, allocations: [] });
                continue;
            }
            planned.push(p);
        }
        if (planned.length > 0 && !ctx.updateSeqBumped && !ctx.cancelled) {
            ctx.checkpoint(() => (ctx.updateSeq = (0,state/* bumpUpdateSeq */.VF)(ctx.db)));
            ctx.updateSeqBumped = true;
        }
        // Jobs of one wave do not depend on each other: they roll out together, and their rsyncs and
        // lifecycle commands for the same worker are merged into one ssh round trip (see DeployContext).
        const results = await Promise.all(planned.map(async ({ plan, allocs, staged }) => {
            if (ctx.cancelled)
                return { job: plan.job, seq, status: 'failed', reason: 'cancelled', error: `job ${plan.job}: cancelled before its rollout; run maand deploy again`, durationMs: 0, allocations: [] };
            return rolloutJob(ctx, plan, allocs, staged);
        }));
        for (const r of results)
            pushJob(ctx, r, failed);
    }
    if (!ctx.flags.dryRun && ctx.updateSeqBumped)
        await finalSync(ctx, conf);
}
function pushJob(ctx, r, failed) {
    ctx.result.jobs.push(r);
    if (r.status === 'failed' || r.status === 'blocked') {
        failed.set(r.job, r.error ?? `job ${r.job} failed`);
        if (!ctx.result.failedJobs.includes(r.job))
            ctx.result.failedJobs.push(r.job);
    }
    if (r.status === 'blocked')
        ctx.emit({ type: 'job-finished', result: r });
}
/** pre_deploy, then stage + hash every active allocation; the hashes are stored (not in dry-run). */
async function planOne(ctx, job, seq) {
    let allocs = (0,state/* jobAllocations */.pt)(ctx.db, job);
    const active = allocs.filter(state/* isActive */.$m);
    const pre = await ctx.hooks.run(job, 'pre_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!pre.ok)
        return { error: `job ${job}: ${pre.error}` };
    ctx.checkpoint();
    const info = (0,state/* jobInfo */.ec)(ctx.db, job);
    let staged;
    try {
        staged = (0,staging/* stageActive */.bU)(ctx.db, ctx.kv, ctx.workers, ctx.bucketId, ctx.updateSeq, job, active);
    }
    catch (e) {
        return { error: e.message };
    }
    if (!ctx.flags.dryRun) {
        ctx.checkpoint(() => {
            for (const a of active) {
                const h = staged.get(a.allocId);
                if (h)
                    (0,state/* storeHash */.YE)(ctx.db, job, a.allocId, h.hash, h.filesJson);
                ctx.kv.put((0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp), 'version', a.newVersion);
            }
        });
        allocs = (0,state/* jobAllocations */.pt)(ctx.db, job);
    }
    const marker = (0,state/* jobMarker */.qB)(ctx.db, job);
    return { plan: planJob(info, seq, allocs, staged, marker, { force: ctx.flags.force, syncOnly: ctx.flags.syncOnly }), allocs, staged };
}
/** Q27: after an update_seq bump, every reachable worker with an active allocation gets the new worker files. */
async function finalSync(ctx, conf) {
    ctx.emit({ type: 'phase', phase: 'final-sync' });
    const ips = [...new Set(ctx.db.prepare('SELECT DISTINCT worker_ip FROM allocations WHERE removed = 0 AND disabled = 0 ORDER BY worker_ip').all().map((r) => r.worker_ip))];
    const todo = ips.filter((ip) => ctx.workers.has(ip) && !ctx.refreshed.has(ip));
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    await Promise.all(todo.map(async (ip) => {
        const err = (await ctx.ensureWorker(ip, useSudo)) ?? (await ctx.rsyncTo(ip, []));
        if (err)
            ctx.emit({ type: 'warning', message: `${err} (worker.json on ${ip} keeps the previous update_seq until the next deploy)` });
    }));
}

// EXTERNAL MODULE: ./lib/deploy/connect.js + 13 modules
var connect = __webpack_require__(141);
;// CONCATENATED MODULE: ./lib/report/dry-run.js
const LABEL = { start: 'start  ', restart: 'restart', reload: 'reload ', sync: 'sync   ', skip: 'skip   ', stop: 'stop   ' };
function formatDryRun(plans, failures = []) {
    if (plans.length === 0 && failures.length === 0)
        return 'deploy dry-run: no jobs matched\n';
    const required = plans.some((p) => p.needsRollout);
    const lines = [`deploy dry-run: ${required ? 'deployment required' : 'no deployment required'}`, ''];
    let seq;
    for (const p of plans) {
        if (p.seq !== seq) {
            seq = p.seq;
            lines.push(`deployment sequence ${seq}:`);
        }
        if (!p.needsRollout) {
            lines.push(`  job ${JSON.stringify(p.job)}: skip (${p.reason || 'no rollout needed'})`);
            continue;
        }
        lines.push(`  job ${JSON.stringify(p.job)}: deploy required${p.marker ? ` (${p.reason})` : ''}`);
        for (const a of p.allocations) {
            const label = LABEL[a.action] ?? a.action;
            let detail;
            if (a.action === 'start')
                detail = a.currentHash ? `current_hash=${a.currentHash}` : '(no hash row yet)';
            else if (a.action === 'skip')
                detail = `hash=${a.currentHash}`;
            else if (a.action === 'stop')
                detail = `previous_hash=${a.previousHash}`;
            else
                detail = `previous_hash=${a.previousHash} current_hash=${a.currentHash}${a.matched.length > 0 ? ` matched=${a.matched.join(',')}` : ''}`;
            lines.push(`    ${a.workerIp}  ${label} ${detail}  # ${a.reason}`);
        }
    }
    for (const f of failures)
        lines.push(`  job ${JSON.stringify(f.job)}: plan failed: ${f.error}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
;// CONCATENATED MODULE: ./lib/report/log-file.js
// Run logs under logs/ (deploy spec §26.2): every event of a run appended to logs/<ip>.log (or
// logs/maand.log when no worker) and to logs/runs/<run>/<same file>, as key=value or JSON lines.


function kvValue(v) {
    return /[\s="]/.test(v) ? `"${v.replaceAll('"', '\\"')}"` : v;
}
class RunLog {
    dir;
    runDir;
    base;
    format;
    /** Open append descriptors by file name (a deploy writes thousands of lines). */
    fds = new Map();
    constructor(logsDir, run) {
        this.dir = logsDir;
        this.runDir = (0,external_node_path_.join)(logsDir, 'runs', run.id);
        this.format = run.format === 'json' || run.format === 'jsonl' ? 'json' : 'kv';
        this.base = { level: 'INFO', run: run.id, maand: run.command };
        (0,external_node_fs_.mkdirSync)(this.runDir, { recursive: true });
    }
    write(fields) {
        const worker = typeof fields['worker'] === 'string' && fields['worker'] !== '' ? fields['worker'] : '-';
        const record = { ts: new Date().toISOString(), ...this.base };
        for (const [k, v] of Object.entries({ ...fields, worker }))
            if (v !== undefined && v !== '')
                record[k] = v;
        const line = this.format === 'json'
            ? JSON.stringify(record)
            : Object.entries(record).map(([k, v]) => `${k}=${kvValue(String(v))}`).join(' ');
        const file = worker === '-' ? 'maand.log' : `${worker}.log`;
        let fds = this.fds.get(file);
        if (!fds) {
            fds = [(0,external_node_fs_.openSync)((0,external_node_path_.join)(this.dir, file), 'a', 0o644), (0,external_node_fs_.openSync)((0,external_node_path_.join)(this.runDir, file), 'a', 0o644)];
            this.fds.set(file, fds);
        }
        (0,external_node_fs_.writeSync)(fds[0], `${line}\n`);
        (0,external_node_fs_.writeSync)(fds[1], `${line}\n`);
    }
    close() {
        for (const [a, b] of this.fds.values()) {
            (0,external_node_fs_.closeSync)(a);
            (0,external_node_fs_.closeSync)(b);
        }
        this.fds.clear();
    }
    event(e) {
        switch (e.type) {
            case 'output':
                return this.write({ event: 'output', worker: e.worker, job: e.job, stream: e.stream, msg: e.text });
            case 'batch-started':
                for (const w of e.workers)
                    this.write({ event: 'batch_started', worker: w, job: e.job, phase: e.phase, action: e.action, batch: `${e.index + 1}/${e.count}` });
                return;
            case 'batch-promoted':
                for (const w of e.workers)
                    this.write({ event: 'promoted', worker: w, job: e.job });
                return;
            case 'job-finished':
                return this.write({ event: 'job_finished', job: e.result.job, status: e.result.status, duration_ms: e.result.durationMs, msg: e.result.error });
            case 'reconcile':
                return this.write({ event: 'reconcile', worker: e.result.workerIp, job: e.result.job, action: e.result.action, status: e.result.outcome, msg: e.result.error });
            case 'job-skipped':
                return this.write({ event: 'deploy_skip', job: e.job, reason: e.reason });
            case 'warning':
                return this.write({ event: 'warning', msg: e.message });
            default:
                return;
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js
var ssh_access = __webpack_require__(4887);
;// CONCATENATED MODULE: ./lib/cli/commands/deploy.js













async function deployCommand(io, opts) {
    if (opts.build)
        await (0,build/* build */.j)({ root: io.cwd, env: io.env });
    const ssh = (0,ssh_access/* sshAccess */.v)(io, opts);
    const log = opts.dryRun ? undefined : new RunLog((0,external_node_path_.join)(io.cwd, 'logs'), { id: (0,external_node_crypto_.randomUUID)(), command: 'deploy', format: (0,maand_conf/* readMaandConf */.MC)((0,external_node_path_.join)(io.cwd, 'maand.conf')).log_format });
    const controller = new AbortController();
    let interrupts = 0;
    const onSignal = (sig) => {
        interrupts++;
        if (interrupts === 1) {
            io.stderr.write(`\n${sig}: finishing the running batch, then stopping (send it again to stop at once)\n`);
            controller.abort(new Error(sig));
        }
        else
            process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const result = await deploy({
            root: io.cwd,
            jobs: (0,cli_io/* splitList */.r)(opts.jobs),
            dryRun: opts.dryRun,
            force: opts.force,
            syncOnly: opts.syncOnly,
            signal: controller.signal,
            onEvent: (e) => {
                log?.event(e);
                if (opts.dryRun && e.type !== 'output' && e.type !== 'warning')
                    return;
                if (e.type === 'output' && e.source === 'rsync' && !opts.verbose)
                    return;
                const line = (0,console/* formatEvent */.qF)(e);
                if (line !== undefined)
                    io.stderr.write(`${line}\n`);
            },
            connect: (0,connect/* connectRun */.Y)({ ssh, hookEnv: io.env }),
        });
        if (opts.output)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(io.cwd, opts.output), `${JSON.stringify(result, null, 2)}\n`);
        if (opts.dryRun) {
            const failures = result.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' }));
            io.stdout.write(formatDryRun(result.plans, failures));
        }
        else
            io.stdout.write((0,console/* formatSummary */.kq)(result));
        if (result.failedJobs.length > 0 || result.cancelled) {
            const errs = result.jobs.filter((j) => j.error).map((j) => j.error);
            const recon = result.reconcile.filter((r) => r.error).map((r) => r.error);
            throw new errors/* PartialFailureError */.ax(result.cancelled ? 'deploy cancelled' : 'deploy failed', [...recon, ...errs, ...result.errors]);
        }
    }
    finally {
        log?.close();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ })

};
