export const id = 583;
export const ids = [583];
export const modules = {

/***/ 7348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ Mutex),
/* harmony export */   w: () => (/* binding */ Coalescer)
/* harmony export */ });
// Merges requests that arrive together for the same key into one call: jobs of a wave roll out
// concurrently, and their rsyncs and lifecycle commands for one worker travel in one ssh round trip.
class Coalescer {
    pending = new Map();
    run;
    windowMs;
    /** `run` receives every request of one key and returns one result per request, in order. */
    constructor(run, windowMs = 3) {
        this.run = run;
        this.windowMs = windowMs;
    }
    submit(key, req) {
        return new Promise((resolve, reject) => {
            let queue = this.pending.get(key);
            if (!queue) {
                queue = [];
                this.pending.set(key, queue);
                setTimeout(() => void this.flush(key), this.windowMs);
            }
            queue.push({ req, resolve, reject });
        });
    }
    async flush(key) {
        const queue = this.pending.get(key) ?? [];
        this.pending.delete(key);
        try {
            const results = await this.run(key, queue.map((q) => q.req));
            queue.forEach((q, i) => q.resolve(results[i]));
        }
        catch (e) {
            for (const q of queue)
                q.reject(e);
        }
    }
}
/** One async section at a time (hooks share the KV session and its undo log). */
class Mutex {
    tail = Promise.resolve();
    lock(fn) {
        const run = this.tail.then(fn, fn);
        this.tail = run.then(() => undefined, () => undefined);
        return run;
    }
}


/***/ }),

/***/ 6477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qf: () => (/* binding */ runnerCommand),
/* harmony export */   Uv: () => (/* binding */ rsyncFilter),
/* harmony export */   a0: () => (/* binding */ lifecycleScript),
/* harmony export */   eG: () => (/* binding */ removeBucketCommand),
/* harmony export */   hi: () => (/* binding */ shq),
/* harmony export */   jy: () => (/* binding */ jobDir),
/* harmony export */   pW: () => (/* binding */ checkWorker),
/* harmony export */   qZ: () => (/* binding */ bucketDir),
/* harmony export */   z8: () => (/* binding */ cleanupJobCommand)
/* harmony export */ });
/* unused harmony exports prerequisiteScript, parseMissing */
// Remote command lines deploy sends to workers (deploy spec §18.2), as pure builders.
function bucketDir(bucketId) {
    return `/opt/worker/${bucketId}`;
}
function jobDir(bucketId, job) {
    return `${bucketDir(bucketId)}/jobs/${job}`;
}
/** Single-quote for bash. */
function shq(s) {
    return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
function runnerCommand(bucketId, target, job) {
    return `python3 ${bucketDir(bucketId)}/bin/runner.py ${shq(bucketId)} ${shq(target)} --jobs ${shq(job)}`;
}
/**
 * One worker's lifecycle step for several jobs in one round trip: `make -s -C <job dir> <target>` per job
 * with its CURRENT_VERSION/NEW_VERSION, every job run even after another failed, each outcome reported as
 * `maand-runner: result <job> <exit code>` (same protocol as `runner.py --keep-going`, without Python).
 */
function lifecycleScript(bucketId, target, jobs) {
    const lines = [
        'run_target() {',
        `  local dir=${shq(`${bucketDir(bucketId)}/jobs/`)}"$1"`,
        '  echo "maand-runner: begin $1"',
        '  if [ ! -d "$dir" ]; then echo "runner: job $1 is not deployed on this worker ($dir is missing); run maand deploy" >&2; echo "maand-runner: result $1 1"; return 0; fi',
        '  local code=0',
        `  CURRENT_VERSION="$2" NEW_VERSION="$3" make -s -C "$dir" ${shq(target)} || code=$?`,
        '  echo "maand-runner: result $1 $code"',
        '}',
    ];
    for (const j of jobs)
        lines.push(`run_target ${shq(j.job)} ${shq(j.currentVersion)} ${shq(j.newVersion)}`);
    return lines.join('\n');
}
/** Removes a removed job's deployed files on a worker, keeping data/ and logs/ (§6.1, Q19). */
function cleanupJobCommand(bucketId, job) {
    const d = JSON.stringify(jobDir(bucketId, job));
    return `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi`;
}
function removeBucketCommand(bucketId) {
    return `rm -rf ${bucketDir(bucketId)}`;
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
/** Runs the prerequisite check (+ mkdir of the bucket dir) on a worker; an error text when it cannot be used. */
async function checkWorker(run, ip, bucketId, useSudo) {
    const r = await run(`${prerequisiteScript(useSudo)}\nmkdir -p ${bucketDir(bucketId)}`);
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
/** Rsync merge-filter rules: only this job's tree, never .tpl sources (§11.3). */
function rsyncFilter(jobs) {
    return `${jobs.map((j) => `+ jobs/${j}/\n`).join('')}- jobs/*\n- jobs/**/*.tpl\n`;
}


/***/ }),

/***/ 1259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ connectRun)
});

// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/hooks/runtime-api.js + 3 modules
var runtime_api = __webpack_require__(999);
// EXTERNAL MODULE: ./lib/health/index.js + 8 modules
var health = __webpack_require__(1576);
;// CONCATENATED MODULE: ./lib/deploy/health-port.js

/** A job's health-check progress as a deploy event (probe results are summed up by passed/failed). */
function deployEventOf(e) {
    switch (e.type) {
        case 'skipped':
            return { type: 'health', job: e.job, status: 'skipped', detail: e.reason };
        case 'attempt-failed':
            return { type: 'health', job: e.job, status: 'retrying', detail: `attempt ${e.attempt}/${e.attempts}: ${e.error}` };
        case 'passed':
            return { type: 'health', job: e.job, status: 'passed', detail: '' };
        case 'failed':
            return { type: 'health', job: e.job, status: 'failed', detail: e.error };
        default:
            return undefined;
    }
}
/** `sshRunner`: how ssh probes reach workers (the deploy passes its ControlMaster executor). */
function healthPort(ctx, conf, access, emit, sshRunner) {
    const known = access.knownHostsFile ? [access.knownHostsFile, ...(access.extraKnownHostsFiles ?? [])] : undefined;
    const hctx = {
        ...ctx,
        ssh: (0,health/* sshTargetFor */.HO)(ctx.root, conf, {
            hostKeyPolicy: access.hostKeyPolicy,
            ...(known ? { knownHostsFiles: known } : {}),
            ...(access.keyFile ? { keyPath: access.keyFile } : {}),
        }),
        ...(sshRunner ? { sshRunner } : {}),
        onHealth: (e) => {
            const d = deployEventOf(e);
            if (d)
                emit(d);
        },
    };
    return {
        async check(job) {
            const r = await (0,health/* checkJobHealth */.YR)(hctx, job, { wait: true });
            if (r.status === 'failed')
                return { ok: false, error: r.error?.message ?? `job ${job}: health check failed` };
            return { ok: true, ...(r.status === 'skipped' ? { skipped: true } : {}) };
        },
    };
}

// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/hooks/runner.js + 4 modules
var runner = __webpack_require__(3604);
;// CONCATENATED MODULE: ./lib/hooks/event.js
// Every command a job registers for one event, one command at a time in name order (decision
// Q13). The first failure stops the rest, except with `continueOnFailure` (post_build).


async function runEventCommands(ctx, o) {
    const commands = [];
    for (const command of (0,catalog/* commandsFor */.Au)(ctx.db, o.job, o.event)) {
        const r = await (0,runner/* runJobCommand */.W)(ctx, { ...o, command });
        commands.push(r);
        if (!r.ok && (!o.continueOnFailure || ctx.signal?.aborted))
            break;
    }
    const failures = commands.filter((c) => !c.ok);
    const base = { job: o.job, event: o.event, commands };
    if (failures.length === 0)
        return { ...base, ok: true };
    const error = failures.length === 1 ? failures[0].error : new Error(failures.map((c) => c.error.message).join('\n'));
    return { ...base, ok: false, error };
}

// EXTERNAL MODULE: ./lib/deploy/coalesce.js
var coalesce = __webpack_require__(7348);
;// CONCATENATED MODULE: ./lib/deploy/hook-port.js



/** Hooks of concurrent jobs run one event at a time: a failed hook's KV revert must not undo another's writes. */
function hookPort(ctx) {
    const mutex = new coalesce/* Mutex */.e();
    return {
        async run(job, event, allocations, opts) {
            if (allocations.length === 0 || (0,catalog/* commandsFor */.Au)(ctx.db, job, event).length === 0)
                return { ok: true };
            const r = await mutex.lock(() => runEventCommands(ctx, {
                job,
                event: event,
                workers: allocations.map((a) => a.workerIp),
                concurrency: opts.concurrency,
                ...(opts.env ? { extraEnv: opts.env } : {}),
            }));
            if (r.ok)
                return { ok: true };
            // The last output line of each failed hook usually says why (a traceback's last line, a message).
            const why = r.commands
                .flatMap((c) => c.allocations)
                .filter((a) => !a.ok)
                .map((a) => `${a.worker}: ${lastLine(a.outputTail)}`)
                .filter((s) => !s.endsWith(': '));
            const base = r.error?.message ?? `job ${job}: ${event} hooks failed`;
            return { ok: false, error: why.length > 0 ? `${base}; last output: ${why.join('; ')}` : base };
        },
    };
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines.at(-1) ?? '';
    return last.length > 300 ? `${last.slice(0, 297)}...` : last;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/remote/executor.js + 6 modules
var executor = __webpack_require__(8864);
// EXTERNAL MODULE: ./lib/remote/result.js
var remote_result = __webpack_require__(2293);
;// CONCATENATED MODULE: ./lib/remote/errors.js
// RemoteCommandError: a worker command or rsync that failed, with a message that says what
// failed, on which worker, and what to do next. Classified by exit code and executor flags.

function what(r) {
    return r.kind === 'rsync' ? 'rsync' : 'command';
}
function seconds(ms) {
    return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}
/** `head: reason` when stderr said something, else just `head`. */
function withReason(head, reason) {
    return reason === '' ? head : `${head}: ${reason}`;
}
function remoteFailureMessage(r, failure) {
    const w = `worker ${r.host}`;
    const files = r.knownHosts.join(', ');
    switch (failure) {
        case 'host-key-changed':
            return (`${w}: host key changed (ssh exit 255): the key it presents is not the one recorded for ` +
                `${r.knownHostsName} in ${files}; if the worker was reinstalled, remove the old key with ` +
                `'ssh-keygen -R ${r.knownHostsName} -f ${r.knownHosts[0] ?? '~/.ssh/known_hosts'}', then run maand deploy again`);
        case 'host-key-unknown':
            return (`${w}: host key unknown (ssh exit 255): no key for ${r.knownHostsName} in ${files} and host key ` +
                `checking is strict; add the worker's key to the known hosts, then run maand deploy again`);
        case 'unreachable':
            return `${withReason(`${w} unreachable (ssh exit 255)`, (0,remote_result/* stderrTail */.be)(r))}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
        case 'timeout':
            return (`${w}: ${what(r)} timed out after ${seconds(r.timeoutMs ?? 0)} s and was killed; ` +
                `check what it waits for on the worker, then run maand deploy again`);
        case 'aborted':
            return `${w}: ${what(r)} cancelled`;
        case 'exit':
            return r.kind === 'rsync'
                ? withReason(`${w}: rsync failed (exit ${r.exitCode})`, (0,remote_result/* rsyncReason */.WN)(r))
                : withReason(`${w}: command execution failed (exit ${r.exitCode})`, (0,remote_result/* stderrTail */.be)(r));
    }
}
class RemoteCommandError extends Error {
    name = 'RemoteCommandError';
    host;
    /** Argv summary (whitespace collapsed, at most 200 characters). */
    argv;
    exitCode;
    /** Last line of stderr. */
    stderrTail;
    failure;
    result;
    constructor(result, failure) {
        super(remoteFailureMessage(result, failure));
        this.host = result.host;
        this.argv = result.summary;
        this.exitCode = result.exitCode;
        this.stderrTail = (0,remote_result/* stderrTail */.be)(result);
        this.failure = failure;
        this.result = result;
    }
}
/** Returns the result when it succeeded, else throws RemoteCommandError. */
function check(result) {
    const failure = failureOf(result);
    if (failure !== undefined)
        throw new RemoteCommandError(result, failure);
    return result;
}
function isRemoteCommandError(e) {
    return e instanceof RemoteCommandError;
}

;// CONCATENATED MODULE: ./lib/deploy/openssh-remote.js
// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.







/** The deploy's remote access; `executor` is shared with health-check ssh probes (same ControlMasters). */
async function openSshRemote(paths, conf, access) {
    const s = (0,maand_conf/* sshSettings */.OA)(conf);
    const keyFile = access.keyFile ?? (0,external_node_path_.join)(paths.secretsDir, s.keyName);
    const exec = await executor/* RemoteExecutor */.Q.create(access.tmpDir ? { tmpDir: access.tmpDir } : {});
    let keyChecked = false;
    const target = (ip) => {
        if (!keyChecked) {
            if (!(0,external_node_fs_.existsSync)(keyFile))
                throw new errors/* MaandError */.Ob('invalid argument', `ssh key ${keyFile} does not exist: put the workers' private key there (maand.conf ssh_key), then run maand deploy again`);
            if ((0,external_node_fs_.statSync)(keyFile).isDirectory())
                throw new errors/* MaandError */.Ob('invalid argument', `ssh key ${keyFile} is a directory`);
            keyChecked = true;
        }
        return {
            host: ip,
            user: s.user,
            port: s.port,
            keyFile,
            hostKeyPolicy: access.hostKeyPolicy,
            knownHostsFile: access.knownHostsFile ?? paths.knownHosts,
            ...(access.extraKnownHostsFiles ? { extraKnownHostsFiles: access.extraKnownHostsFiles } : {}),
        };
    };
    const explain = (r) => {
        const failure = (0,remote_result/* failureOf */.g5)(r);
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: remoteFailureMessage(r, failure) } : {}) };
    };
    const remote = {
        async run(ip, script, opts = {}) {
            const r = await exec.run(target(ip), [script], {
                useSudo: s.useSudo,
                ...(opts.env ? { env: opts.env } : {}),
                ...(opts.onLine ? { onLine: opts.onLine } : {}),
                ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
            });
            return explain(r);
        },
        async rsync(ip, localDir, remoteDir, filterFile, opts = {}) {
            const r = await exec.rsync(target(ip), { sourceDir: localDir, remoteDir, filterFile, useSudo: s.useSudo, ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.itemize ? { itemize: true } : {}) }, opts.onLine ? { onLine: opts.onLine } : {});
            return explain(r);
        },
        close: () => exec.close(),
    };
    return { remote, executor: exec };
}

;// CONCATENATED MODULE: ./lib/deploy/connect.js






function connectRun(o) {
    return async (run) => {
        const paths = (0,bucket_paths/* bucketPaths */.Z)(run.root);
        const { remote, executor } = await openSshRemote(paths, run.conf, o.ssh);
        const api = await (0,runtime_api/* startRuntimeApi */.P)({ db: run.db, kv: run.kv });
        const ctx = {
            root: run.root,
            db: run.db,
            kv: run.kv,
            api,
            // hooks' maand.run_ssh reuses the run's ControlMasters (already host-key checked) through it
            env: { ...(o.hookEnv ?? {}), MAAND_SSH_CONTROL_DIR: executor.controlDir },
            onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}` }),
            ...(run.signal ? { signal: run.signal } : {}),
        };
        return {
            remote,
            hooks: hookPort(ctx),
            // ssh probes share the deploy's ControlMasters instead of opening a connection per probe
            health: healthPort(ctx, run.conf, o.ssh, run.emit, (0,health/* remoteSshRunner */.XN)(executor)),
            close: async () => {
                await api.close();
                await remote.close();
            },
        };
    };
}


/***/ }),

/***/ 6060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kY: () => (/* binding */ failureText),
/* harmony export */   pY: () => (/* binding */ DeployContext)
/* harmony export */ });
/* unused harmony exports tail, remoteFailure */
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6477);
/* harmony import */ var _worker_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4623);
/* harmony import */ var _coalesce_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7348);




class DeployContext {
    paths;
    db;
    kv;
    bucketId;
    updateSeq;
    updateSeqBumped = false;
    workers;
    flags;
    remote;
    hooks;
    health;
    result;
    signal;
    /** This run's staging directory (rsync sources, filter files). */
    stage;
    emitFn;
    ready = new Map();
    /** Workers whose bucket-level files were sent in this run. */
    refreshed = new Set();
    useSudo = false;
    fileSender = new _coalesce_js__WEBPACK_IMPORTED_MODULE_1__/* .Coalescer */ .w((ip, jobs) => this.sendFiles(ip, jobs));
    targetRunner = new _coalesce_js__WEBPACK_IMPORTED_MODULE_1__/* .Coalescer */ .w((key, reqs) => this.runTargets(key, reqs));
    constructor(init) {
        this.paths = init.paths;
        this.db = init.db;
        this.kv = init.kv;
        this.bucketId = init.bucketId;
        this.updateSeq = init.updateSeq;
        this.workers = new Map(init.workers.map((w) => [w.ip, w]));
        this.flags = init.flags;
        this.remote = init.remote;
        this.hooks = init.hooks;
        this.health = init.health;
        this.result = init.result;
        this.signal = init.signal;
        this.stage = init.stage;
        this.emitFn = init.emit;
    }
    setUseSudo(useSudo) {
        this.useSudo = useSudo;
    }
    /** Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. */
    sendJobFiles(ip, job) {
        return this.fileSender.submit(ip, job);
    }
    /** Runs a Makefile target of a job on a worker; same-time requests for one worker share one ssh call. */
    runTarget(ip, req) {
        return this.targetRunner.submit(`${ip}\n${req.target}`, req);
    }
    async sendFiles(ip, jobs) {
        const unique = [...new Set(jobs)].sort();
        const err = (await this.ensureWorker(ip, this.useSudo)) ?? (await this.rsyncTo(ip, unique));
        return jobs.map(() => err);
    }
    async runTargets(key, reqs) {
        const ip = key.slice(0, key.indexOf('\n'));
        const target = reqs[0].target;
        const jobs = reqs.map((r) => r.job);
        const results = new Map();
        let current = jobs.length === 1 ? jobs[0] : undefined;
        const r = await this.remote.run(ip, (0,_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .lifecycleScript */ .a0)(this.bucketId, target, reqs), {
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
    emit(e) {
        this.emitFn(e);
    }
    get cancelled() {
        return this.signal?.aborted ?? false;
    }
    /** Writes pending KV and `fn`'s catalog changes in one committed transaction (a checkpoint, Q6). */
    checkpoint(fn) {
        if (this.flags.dryRun)
            return;
        this.db.exec('BEGIN IMMEDIATE');
        try {
            fn?.();
            this.kv.persist(this.db);
            this.db.exec('COMMIT');
        }
        catch (e) {
            if (this.db.isTransaction)
                this.db.exec('ROLLBACK');
            throw e;
        }
    }
    output(job, worker, source = 'remote') {
        return (stream, text) => this.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text, source });
    }
    /**
     * First contact with a worker in this run: prerequisites + bucket dir. Memoized; returns an error
     * text when the worker cannot be used (so only the jobs placed on it fail, decision Q4).
     */
    ensureWorker(ip, useSudo = this.useSudo) {
        let p = this.ready.get(ip);
        if (!p) {
            p = (0,_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .checkWorker */ .pW)((script) => this.remote.run(ip, script), ip, this.bucketId, useSudo);
            this.ready.set(ip, p);
        }
        return p;
    }
    /** rsync the staged tree of `jobs` (none: bucket-level files only) to one worker. */
    async rsyncTo(ip, jobs) {
        const w = this.workers.get(ip);
        const src = this.stage.rsyncSource(ip, w && (0,_worker_files_js__WEBPACK_IMPORTED_MODULE_0__/* .workerFileData */ .Dv)(this.db, this.bucketId, this.updateSeq, { ...w, ip }), jobs);
        const r = await this.remote.rsync(ip, src.dir, (0,_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .bucketDir */ .qZ)(this.bucketId), src.filter, { onLine: this.output(jobs.join(',') || undefined, ip, 'rsync') });
        if (r.exitCode !== 0)
            return r.message ?? `worker ${ip}: rsync failed (exit ${r.exitCode}): ${tail(r.stderr || r.stdout)}`;
        this.refreshed.add(ip);
        return undefined;
    }
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

/***/ 3626:
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

/***/ 4623:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ workerFileData),
/* harmony export */   Ne: () => (/* binding */ writeWorkerFiles)
/* harmony export */ });
/* unused harmony exports goPrettyJson, workerJson, jobsJson */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _util_assets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(147);
// Bucket-level files every touched worker receives (deploy spec §7.2, §21): worker.json, jobs.json and
// bin/runner.py, bin/worker.py, written into the worker's staging dir before an rsync.



/** What a worker's worker.json and jobs.json say, from the catalog. */
function workerFileData(db, bucketId, updateSeq, w) {
    const jobs = db.prepare('SELECT job, disabled FROM allocations WHERE worker_ip = ? AND removed = 0 ORDER BY job').all(w.ip);
    return { bucketId, workerId: w.workerId, workerIp: w.ip, labels: w.labels, updateSeq, jobs };
}
/** Go's json.MarshalIndent with three spaces and HTML-safe escaping. */
function goPrettyJson(value) {
    return JSON.stringify(value, null, 3).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function workerJson(d) {
    return goPrettyJson({ bucket_id: d.bucketId, worker_id: d.workerId, worker_ip: d.workerIp, labels: [...d.labels].sort(), update_seq: d.updateSeq });
}
function jobsJson(d) {
    return goPrettyJson([...d.jobs].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : 0)).map((j) => ({ job: j.job, disabled: j.disabled })));
}
function writeWorkerFiles(stageDir, d) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'bin'), { recursive: true, mode: 0o755 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'jobs'), { recursive: true, mode: 0o755 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'worker.json'), workerJson(d), { mode: 0o644 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'jobs.json'), jobsJson(d), { mode: 0o644 });
    // the staging dir lives for one deploy, so assets already copied there are current
    for (const f of ['runner.py', 'worker.py'])
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'bin', f)))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.copyFileSync)((0,_util_assets_js__WEBPACK_IMPORTED_MODULE_2__/* .assetPath */ .Q)(f), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'bin', f));
}


/***/ })

};
