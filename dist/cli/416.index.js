export const id = 416;
export const ids = [416];
export const modules = {

/***/ 6416:
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
;// CONCATENATED MODULE: ./lib/deploy/result.js
function changed(r) {
    return r.jobs.some((j) => j.status === 'deployed' || j.status === 'failed') || r.reconcile.length > 0;
}
/** The dry run's planned reconcile, one entry per allocation, sorted by job then worker. */
function plannedStops(r) {
    const byAlloc = new Map();
    for (const x of r.reconcile.filter((y) => y.outcome === 'planned')) {
        const key = `${x.job}\n${x.workerIp}`;
        const entry = byAlloc.get(key) ?? { job: x.job, workerIp: x.workerIp, cleanup: false };
        if (x.action === 'cleanup')
            entry.cleanup = true;
        byAlloc.set(key, entry);
    }
    return [...byAlloc.values()].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.workerIp < b.workerIp ? -1 : a.workerIp > b.workerIp ? 1 : 0));
}

// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(6495);
;// CONCATENATED MODULE: ./lib/report/plan-doc.js


function planDocument(r) {
    const jobs = r.plans.map((p) => {
        const allocations = p.allocations.map((a) => ({
            worker: a.workerIp, alloc_id: a.allocId, action: a.action, reason: a.reason, disabled: a.disabled,
            previous_hash: a.previousHash, current_hash: a.currentHash, matched: [...a.matched],
            files: (a.files ?? []).map((f) => ({ path: f.path, change: f.change, size: f.size, previous_size: f.previousSize })),
        }));
        return { job: p.job, wave: p.seq, status: p.needsRollout ? 'deploy' : 'up-to-date', reason: p.reason, allocations, diffs: groupDiffs(p.allocations) };
    });
    for (const j of r.jobs) {
        if (j.status === 'failed' || j.status === 'blocked')
            jobs.push({ job: j.job, wave: j.seq, status: j.status, reason: j.error ?? j.reason, allocations: [], diffs: [] });
    }
    jobs.sort((a, b) => a.wave - b.wave || (0,go_json/* byteCompare */.U6)(a.job, b.job));
    const reconcile = plannedStops(r).map((s) => ({ job: s.job, worker: s.workerIp, action: s.cleanup ? 'stop and clean up' : 'stop' }));
    return {
        schema: 1, bucket_id: r.bucketId, update_seq: r.updateSeq,
        deployment_required: jobs.some((j) => j.status === 'deploy') || reconcile.length > 0, reconcile, jobs,
    };
}
function groupDiffs(allocs) {
    const groups = new Map();
    for (const a of allocs) {
        for (const f of a.files ?? []) {
            const key = JSON.stringify([f.path, f.change, f.size, f.previousSize, f.diff, f.note]);
            const g = groups.get(key) ?? { path: f.path, change: f.change, size: f.size, previous_size: f.previousSize, workers: [], diff: f.diff, note: f.note };
            g.workers.push(a.workerIp);
            groups.set(key, g);
        }
    }
    for (const g of groups.values())
        g.workers.sort(go_json/* byteCompare */.U6);
    return [...groups.values()].sort((a, b) => (0,go_json/* byteCompare */.U6)(a.path, b.path) || (0,go_json/* byteCompare */.U6)(a.workers[0], b.workers[0]));
}
/** The jobs with something to show: a rollout, or a failure. */
function changedJobs(doc) {
    return doc.jobs.filter((j) => j.status !== 'up-to-date');
}
/** "conf/app.conf changed on 10.0.0.1, 10.0.0.2 (12 → 14 bytes)" */
function diffTitle(d) {
    const sizes = d.change === 'added' ? `${d.size} bytes` : d.change === 'removed' ? (d.previous_size === null ? '' : `was ${d.previous_size} bytes`) : `${d.previous_size ?? '?'} → ${d.size} bytes`;
    return `${d.path} ${d.change} on ${d.workers.join(', ')}${sizes ? ` (${sizes})` : ''}`;
}

;// CONCATENATED MODULE: ./lib/report/plan-diff-text.js
// The --diff text of `maand deploy --dry-run`: per changed job, each distinct file diff once with the
// workers it applies to. Coloured only when the caller says the output is a terminal.

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const CYAN = '\x1b[36m';
const RESET = '\x1b[0m';
function paint(line) {
    const c = line.startsWith('@@') ? CYAN : line.startsWith('+') ? GREEN : line.startsWith('-') ? RED : '';
    return c ? `${c}${line}${RESET}` : line;
}
function formatPlanDiffs(doc, opts) {
    const jobs = changedJobs(doc).filter((j) => j.diffs.length > 0);
    if (jobs.length === 0)
        return '\ndiffs: no file changes\n';
    const out = ['', 'diffs:'];
    for (const j of jobs) {
        out.push(`  job ${JSON.stringify(j.job)}:`);
        for (const d of j.diffs) {
            out.push(`    ${diffTitle(d)}${d.note ? `: ${d.note}` : ''}`);
            if (d.diff)
                for (const line of d.diff.replace(/\n$/, '').split('\n'))
                    out.push(`      ${opts.color ? paint(line) : line}`);
        }
    }
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: ./lib/deploy/engine.js + 18 modules
var engine = __webpack_require__(1291);
// EXTERNAL MODULE: ./lib/deploy/connect.js + 13 modules
var connect = __webpack_require__(9117);
// EXTERNAL MODULE: ./lib/report/dry-run.js
var dry_run = __webpack_require__(3175);
// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
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
    /** Lines not written yet, by file name; written at the end of the event-loop turn. */
    pending = new Map();
    flushQueued = false;
    dropExitFlush;
    constructor(logsDir, run) {
        this.dir = logsDir;
        this.runDir = (0,external_node_path_.join)(logsDir, 'runs', run.id);
        this.format = run.format === 'json' || run.format === 'jsonl' ? 'json' : 'kv';
        this.base = { level: 'INFO', run: run.id, maand: run.command };
        (0,external_node_fs_.mkdirSync)(this.runDir, { recursive: true, mode: modes/* PRIVATE_DIR */.A9 });
        // a run that exits early (an uncaught error, a second Ctrl-C) still logs its last lines
        const flush = () => this.flush();
        process.once('exit', flush);
        this.dropExitFlush = () => void process.removeListener('exit', flush);
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
            fds = [(0,external_node_fs_.openSync)((0,external_node_path_.join)(this.dir, file), 'a', modes/* PRIVATE_FILE */.rQ), (0,external_node_fs_.openSync)((0,external_node_path_.join)(this.runDir, file), 'a', modes/* PRIVATE_FILE */.rQ)];
            for (const fd of fds)
                (0,external_node_fs_.fchmodSync)(fd, modes/* PRIVATE_FILE */.rQ); // a log file made before by an older maand
            this.fds.set(file, fds);
        }
        let lines = this.pending.get(file);
        if (lines === undefined)
            this.pending.set(file, (lines = []));
        lines.push(`${line}\n`);
        if (!this.flushQueued) {
            this.flushQueued = true;
            setImmediate(() => this.flush());
        }
    }
    /**
     * Writes the lines of this event-loop turn, one write per file: a deploy to a hundred workers logs
     * tens of thousands of rsync lines, and a write per line cost seconds of the run's only thread.
     */
    flush() {
        this.flushQueued = false;
        for (const [file, lines] of this.pending) {
            const fds = this.fds.get(file);
            const text = lines.join('');
            (0,external_node_fs_.writeSync)(fds[0], text);
            (0,external_node_fs_.writeSync)(fds[1], text);
        }
        this.pending.clear();
    }
    close() {
        this.flush();
        this.dropExitFlush();
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
            case 'health':
                return this.write({ event: 'health_check', job: e.job, status: e.status, msg: e.detail || undefined });
            case 'warning':
                return this.write({ event: 'warning', msg: e.message });
            default:
                return;
        }
    }
}

// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/deploy/causes.js
var causes = __webpack_require__(1147);
// EXTERNAL MODULE: ./lib/entry/signals.js
var signals = __webpack_require__(8053);
// EXTERNAL MODULE: ./lib/entry/job-list.js
var job_list = __webpack_require__(1772);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js + 1 modules
var ssh_access = __webpack_require__(4133);
// EXTERNAL MODULE: ./lib/cli/origin.js
var origin = __webpack_require__(7250);
;// CONCATENATED MODULE: ./lib/cli/commands/deploy.js


















async function deployCommand(io, opts) {
    // -b is `maand build` first, with its output (warnings, certificates, post_build lines, summary);
    // loaded only when asked: the build pulls in modules a plain deploy never uses
    if ((opts.diff || opts.json) && !opts.dryRun)
        throw new errors/* MaandError */.Ob('invalid argument', `--${opts.json ? 'json' : 'diff'} shows a plan: use it with --dry-run`);
    // with --json stdout carries the plan document alone: the build's report goes to stderr
    if (opts.build)
        await (await __webpack_require__.e(/* import() */ 414).then(__webpack_require__.bind(__webpack_require__, 1414))).buildCommand(opts.json ? { ...io, stdout: io.stderr } : io, { purgeJobKv: false });
    const ssh = (0,ssh_access/* sshAccess */.v)(io, opts);
    const log = opts.dryRun ? undefined : new RunLog((0,external_node_path_.join)(io.cwd, 'logs'), { id: (0,external_node_crypto_.randomUUID)(), command: 'deploy', format: (0,maand_conf/* readMaandConf */.MC)((0,external_node_path_.join)(io.cwd, 'maand.conf')).log_format });
    const controller = new AbortController();
    const stopSignals = (0,signals/* stopOnSignals */.Z)(controller, (line) => void io.stderr.write(`\n${line}\n`), () => process.exit(130));
    try {
        const result = await (0,engine/* deploy */.g)({
            root: io.cwd,
            jobs: (0,job_list/* parseNameList */.H)(opts.jobs),
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
            connect: (0,connect/* connectRun */.Yy)({ ssh, hookEnv: io.env }),
            origin: (0,origin/* cliOrigin */.B)(),
        });
        if (opts.output)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(io.cwd, opts.output), `${JSON.stringify(result, null, 2)}\n`);
        if (opts.dryRun && opts.json)
            io.stdout.write(`${JSON.stringify(planDocument(result), null, 2)}\n`);
        else if (opts.dryRun) {
            const failures = result.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' }));
            io.stdout.write((0,dry_run/* formatDryRun */.S)(result.plans, failures, plannedStops(result)));
            if (opts.diff)
                io.stdout.write(formatPlanDiffs(planDocument(result), { color: io.stdout.isTTY === true && opts.color !== false && io.env['NO_COLOR'] === undefined }));
        }
        else
            io.stdout.write((0,console/* formatSummary */.kq)(result));
        if (result.failedJobs.length > 0 || result.cancelled) {
            const errs = result.jobs.filter((j) => j.error).map((j) => j.error);
            const recon = result.reconcile.filter((r) => r.error).map((r) => r.error);
            throw new errors/* PartialFailureError */.ax(result.cancelled ? 'maand deploy cancelled' : 'maand deploy failed', (0,causes/* jobsByCause */.Di)([...recon, ...errs, ...result.errors]));
        }
    }
    finally {
        log?.close();
        stopSignals();
    }
}


/***/ })

};
