export const id = 159;
export const ids = [159];
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
                // flush settles every request of the key itself (resolve or reject): nothing is left to handle
                setTimeout(() => {
                    this.flush(key).catch(() => undefined);
                }, this.windowMs);
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
    for (const j of jobs)
        lines.push(`run_target ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.job)} ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.currentVersion)} ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(j.newVersion)}`);
    return lines.join('\n');
}
/** Removes a removed job's deployed files on a worker, keeping data/ and logs/ (§6.1, Q19). */
function cleanupJobCommand(bucketId, job) {
    const d = (0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(jobDir(bucketId, job));
    return `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi`;
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
/** Runs the prerequisite check (+ mkdir of the bucket dir) on a worker; an error text when it cannot be used. */
async function checkWorker(run, ip, bucketId, useSudo) {
    const r = await run(`${prerequisiteScript(useSudo)}\nmkdir -p ${(0,_remote_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shq */ .h)(bucketDir(bucketId))}`);
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

/***/ 502:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ connectRun)
});

// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/hooks/runtime-api.js + 3 modules
var runtime_api = __webpack_require__(999);
// EXTERNAL MODULE: ./lib/health/index.js + 7 modules
var health = __webpack_require__(581);
;// CONCATENATED MODULE: ./lib/deploy/health-port.js
// HealthPort over src/health: probes and health_check hooks of one job, in wait mode.

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
/** The deploy's health checks: `ctx` carries the hooks' context and the run's ssh probe. */
function healthPort(ctx, emit) {
    const hctx = {
        ...ctx,
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
// EXTERNAL MODULE: ./lib/hooks/runner.js + 5 modules
var runner = __webpack_require__(494);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/util/exit-cleanup.js
var exit_cleanup = __webpack_require__(9127);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./lib/remote/output.js
// Output handling for child processes: a byte-capped buffer that keeps the tail (the end of a
// failing command's output is what explains it) and a splitter that turns chunks into lines.

const DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;
class TailBuffer {
    #cap;
    #chunks = [];
    #size = 0;
    #dropped = false;
    constructor(capBytes) {
        this.#cap = Math.max(0, capBytes);
    }
    push(chunk) {
        this.#chunks.push(chunk);
        this.#size += chunk.length;
        // drop whole chunks from the front while what is left still covers the cap
        while (this.#chunks.length > 1 && this.#size - this.#chunks[0].length >= this.#cap) {
            this.#size -= this.#chunks.shift().length;
            this.#dropped = true;
        }
    }
    /** True when output was dropped to stay within the cap. */
    get truncated() {
        return this.#dropped || this.#size > this.#cap;
    }
    text() {
        let buf = Buffer.concat(this.#chunks);
        if (buf.length > this.#cap)
            buf = buf.subarray(buf.length - this.#cap);
        // do not start in the middle of a UTF-8 sequence
        let start = 0;
        while (start < buf.length && start < 3 && this.truncated && (buf[start] & 0xc0) === 0x80)
            start++;
        return buf.subarray(start).toString('utf8');
    }
}
/** Calls `emit` once per complete line (without '\n' or a trailing '\r'); end() flushes the rest. */
class LineSplitter {
    #emit;
    #decoder = new external_node_string_decoder_.StringDecoder('utf8');
    #pending = '';
    constructor(emit) {
        this.#emit = emit;
    }
    push(chunk) {
        const parts = (this.#pending + this.#decoder.write(chunk)).split('\n');
        this.#pending = parts.pop() ?? '';
        for (const p of parts)
            this.#emit(p.endsWith('\r') ? p.slice(0, -1) : p);
    }
    end() {
        const rest = this.#pending + this.#decoder.end();
        this.#pending = '';
        if (rest !== '')
            this.#emit(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    }
}

;// CONCATENATED MODULE: ./lib/remote/run-process.js
// Runs one local program (ssh or rsync) to completion: stdin from a string, output streamed as
// lines and kept as a capped tail, killed on timeout or abort. A failure is returned as data.



const KILL_GRACE_MS = 2000;
const PIPE_DRAIN_MS = 1000;
function runProcess(file, args, opts = {}) {
    const started = Date.now();
    const cap = opts.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES;
    const out = new TailBuffer(cap);
    const err = new TailBuffer(cap);
    const result = (exitCode, extra = {}) => ({
        exitCode,
        stdout: out.text(),
        stderr: err.text(),
        timedOut: false,
        aborted: false,
        truncated: out.truncated || err.truncated,
        durationMs: Date.now() - started,
        ...extra,
    });
    if (opts.signal?.aborted === true)
        return Promise.resolve(result(-1, { aborted: true }));
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        let killedFor;
        let spawnError;
        let graceTimer;
        const kill = (why) => {
            if (killedFor !== undefined || child.exitCode !== null)
                return;
            killedFor = why;
            child.kill('SIGTERM');
            graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        };
        const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), opts.timeoutMs);
        const onAbort = () => kill('abort');
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const wire = (stream, source, buf) => {
            const lines = opts.onLine === undefined ? undefined : new LineSplitter((l) => opts.onLine(stream, l));
            source.on('data', (b) => {
                buf.push(b);
                lines?.push(b);
            });
            return lines;
        };
        const outLines = wire('stdout', child.stdout, out);
        const errLines = wire('stderr', child.stderr, err);
        child.stdin.on('error', () => { }); // the program may exit before reading all of its input
        child.on('error', (e) => (spawnError = e));
        // An ssh ControlMaster client hands its stdio to the master, so after the client is killed
        // (or in any odd case) the pipes may stay open until the remote side ends: stop waiting.
        child.on('exit', (code, signal) => {
            const wait = killedFor === undefined ? PIPE_DRAIN_MS : 0;
            setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(code, signal);
            }, wait).unref();
        });
        child.on('close', (code, signal) => finish(code, signal));
        let done = false;
        const finish = (code, signal) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            opts.signal?.removeEventListener('abort', onAbort);
            outLines?.end();
            errLines?.end();
            if (spawnError !== undefined) {
                err.push(Buffer.from(`${file}: ${spawnError.message}\n`));
                resolve(result(-1));
            }
            else if (killedFor !== undefined) {
                resolve(result(-1, { timedOut: killedFor === 'timeout', aborted: killedFor === 'abort' }));
            }
            else {
                resolve(result(code ?? 128 + (signal === null ? 0 : external_node_os_.constants.signals[signal])));
            }
        };
        child.stdin.end(opts.input ?? '');
    });
}

;// CONCATENATED MODULE: ./lib/remote/ssh-options.js
// Pure builders of the OpenSSH argv that reaches a worker (deploy.md §18.1). The same option list
// is used for worker commands and for rsync's --rsh, so both reach the worker the same way:
// same port (Q14), same key, same host-key policy (Q28), same ControlMaster socket.

const HOST_KEY_POLICIES = (/* unused pure expression or super */ null && (['strict', 'accept-new', 'insecure']));
const DEFAULT_SSH_OPTIONS = {
    connectTimeoutSeconds: 15,
    serverAliveIntervalSeconds: 15,
    serverAliveCountMax: 3,
    controlPersistSeconds: 60,
};
function sshPort(port) {
    return port > 0 ? port : 22;
}
const STRICT_VALUE = { strict: 'yes', 'accept-new': 'accept-new', insecure: 'no' };
/** The known_hosts files ssh consults, first one written by accept-new. */
function knownHostsFiles(target) {
    return [...(target.knownHostsFile === undefined ? [] : [target.knownHostsFile]), ...(target.extraKnownHostsFiles ?? [])];
}
/** ssh splits UserKnownHostsFile on whitespace but honours double quotes. */
function knownHostsValue(files) {
    return files.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(' ');
}
function assertSafeTarget(t) {
    if (t.host.trim() === '')
        throw new errors/* MaandError */.Ob('invalid argument', 'worker IP is required');
    // a leading '-' would make ssh read the host or user as an option
    if (t.host.trim().startsWith('-'))
        throw new errors/* MaandError */.Ob('invalid argument', `worker ${t.host}: invalid host name`);
    if (t.user === '' || t.user.startsWith('-') || t.user.includes('@')) {
        throw new errors/* MaandError */.Ob('invalid argument', `worker ${t.host}: invalid ssh user ${JSON.stringify(t.user)}`);
    }
}
/** The option list; `control` goes between the connection options and `-p`/`-i`. */
function optionArgs(t, control, opts) {
    const o = { ...DEFAULT_SSH_OPTIONS, ...opts };
    const files = t.hostKeyPolicy === 'insecure' ? ['/dev/null'] : knownHostsFiles(t);
    return [
        ...(o.configFile === undefined ? [] : ['-F', o.configFile]),
        ...['-o', `StrictHostKeyChecking=${STRICT_VALUE[t.hostKeyPolicy]}`],
        ...(files.length === 0 ? [] : ['-o', `UserKnownHostsFile=${knownHostsValue(files)}`]),
        ...['-o', 'LogLevel=ERROR'],
        ...['-o', 'BatchMode=yes'],
        ...['-o', `ConnectTimeout=${o.connectTimeoutSeconds}`],
        ...['-o', `ServerAliveInterval=${o.serverAliveIntervalSeconds}`],
        ...['-o', `ServerAliveCountMax=${o.serverAliveCountMax}`],
        ...['-o', 'IdentitiesOnly=yes'],
        ...control,
        ...['-p', String(sshPort(t.port))],
        ...['-i', t.keyFile],
    ];
}
/** Options only (no destination): the `--rsh` value and the head of every ssh argv. */
function sshOptionArgs(target, opts = {}) {
    assertSafeTarget(target);
    const persist = { ...DEFAULT_SSH_OPTIONS, ...opts }.controlPersistSeconds;
    return optionArgs(target, ['-o', 'ControlMaster=auto', '-o', `ControlPath=${target.controlPath}`, '-o', `ControlPersist=${persist}`], opts);
}
/**
 * The run's own options for a hook's ssh (maand.py run_ssh, issue 15): same key, port, known_hosts
 * and host-key policy as the engine; it uses the run's master when one is open (the hook adds the
 * ControlPath) and never becomes a master itself.
 */
function hookSshOptionArgs(reach, opts = {}) {
    return optionArgs(reach, ['-o', 'ControlMaster=no'], opts);
}
/** `user@host` for ssh; ssh splits at the last '@', so IPv6 needs no brackets here. */
function sshDestination(target) {
    return `${target.user}@${target.host.trim()}`;
}
/** Full argv after `ssh`: options, destination, then the one remote command string. */
function sshArgs(target, remoteCommand, opts = {}) {
    return [...sshOptionArgs(target, opts), sshDestination(target), remoteCommand];
}

;// CONCATENATED MODULE: ./lib/remote/host-keys.js
// Tells a host-key failure from an unreachable worker without reading ssh's stderr: ssh exits
// 255 for both. Run only after a 255: look the host up in the known_hosts files ssh was given,
// and if it has entries, compare them with the key the worker presents now (ssh-keyscan).





/** How known_hosts names a host: `ip`, or `[ip]:port` off port 22. */
function knownHostsName(target) {
    const port = sshPort(target.port);
    const host = target.host.trim();
    return port === 22 ? host : `[${host}]:${port}`;
}
/** The user known_hosts files ssh checks: the configured ones, or ssh's defaults. */
function userKnownHosts(target) {
    const own = knownHostsFiles(target);
    return own.length > 0 ? own : [(0,external_node_path_.join)((0,external_node_os_.homedir)(), '.ssh', 'known_hosts'), (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.ssh', 'known_hosts2')];
}
/** Every file ssh trusts for this target: the user files plus the system-wide ones. */
function consultedKnownHosts(target) {
    return [...userKnownHosts(target), '/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];
}
/** `type base64` pairs from known_hosts-format text (comments and @markers skipped). */
function keysIn(text) {
    const keys = new Set();
    for (const line of text.split('\n')) {
        const f = line.trim().split(/\s+/);
        if (f.length < 3 || f[0].startsWith('#') || f[0].startsWith('@'))
            continue;
        keys.add(`${f[1]} ${f[2]}`);
    }
    return keys;
}
async function knownKeys(target) {
    const keys = new Set();
    for (const file of consultedKnownHosts(target)) {
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        // ssh-keygen -F understands hashed entries and [host]:port names
        const r = await runProcess('ssh-keygen', ['-F', knownHostsName(target), '-f', file]);
        for (const k of keysIn(r.stdout))
            keys.add(k);
    }
    return keys;
}
/**
 * 'unknown': strict checking and no key recorded for the host. 'changed': keys are recorded but
 * the worker presents none of them. undefined: not a host-key problem (or the worker is down).
 */
async function diagnoseHostKey(target, timeoutSeconds = 5) {
    if (target.hostKeyPolicy === 'insecure')
        return undefined;
    const known = await knownKeys(target);
    if (known.size === 0 && target.hostKeyPolicy !== 'strict')
        return undefined;
    const scan = await runProcess('ssh-keyscan', ['-T', String(timeoutSeconds), '-p', String(sshPort(target.port)), target.host.trim()], { timeoutMs: (timeoutSeconds + 2) * 1000 });
    const presented = keysIn(scan.stdout);
    if (presented.size === 0)
        return undefined; // down: report it as unreachable
    if (known.size === 0)
        return 'unknown';
    for (const k of presented)
        if (known.has(k))
            return undefined;
    return 'changed';
}

;// CONCATENATED MODULE: ./lib/remote/result.js
// What one remote operation (a worker command or an rsync) returns. A failure is data here;
// errors.ts words it for the user.
const SSH_FAILED = 255;
function summarizeArgv(argv, max = 200) {
    const s = argv.join(' ').replace(/\s+/g, ' ').trim();
    return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
}
function failureOf(r) {
    if (r.aborted)
        return 'aborted';
    if (r.timedOut)
        return 'timeout';
    if (r.exitCode === 0)
        return undefined;
    if (r.exitCode === SSH_FAILED) {
        if (r.hostKeyProblem === 'changed')
            return 'host-key-changed';
        if (r.hostKeyProblem === 'unknown')
            return 'host-key-unknown';
        return 'unreachable';
    }
    return 'exit';
}
/**
 * Why rsync failed: its last line is a summary ("some files/attrs were not transferred (see previous
 * errors)"), so name the first error line before it, and how many more there were.
 */
function rsyncReason(r, max = 300) {
    const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const errors = lines.filter((l) => !l.startsWith('rsync error:'));
    if (errors.length === 0)
        return stderrTail(r, max);
    const first = errors[0].length <= max ? errors[0] : `${errors[0].slice(0, max - 3)}...`;
    return errors.length === 1 ? first : `${first} (and ${errors.length - 1} more)`;
}
/** Last non-empty line of stderr, trimmed and capped: the line that usually says why. */
function stderrTail(r, max = 300) {
    const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines.at(-1) ?? '';
    return last.length <= max ? last : `${last.slice(0, max - 3)}...`;
}

;// CONCATENATED MODULE: ./lib/remote/rsync.js
// Pure builders for the staging rsync (deploy.md §11.2, §11.3) and a parser of its
// --itemize-changes lines. rsync reaches the worker through the same ssh options as commands,
// including -p <ssh_port> (Q14), and uses `sudo rsync` only when use_sudo is set (Q16).

/** Worker-owned paths rsync neither sends nor deletes. */
const DEPLOY_EXCLUDES = [
    'jobs/*/bin',
    'jobs/*/data',
    'jobs/*/logs',
    'jobs/*/_modules',
    'jobs/*/_prometheus',
];
/**
 * rsync splits the --rsh value on spaces, honouring '…' and "…" with a doubled quote as a
 * literal one (and no backslash escapes), so quote only what needs it.
 */
function rsyncShellWord(arg) {
    if (arg !== '' && !/[\s'"]/.test(arg))
        return arg;
    return `'${arg.replaceAll("'", "''")}'`;
}
function rshValue(target, ssh = {}) {
    return ['ssh', ...sshOptionArgs(target, { ...DEFAULT_SSH_OPTIONS, ...ssh })].map(rsyncShellWord).join(' ');
}
/** `user@host:dir`; an IPv6 host must be bracketed or rsync splits it at the first ':'. */
function rsyncDestination(target, remoteDir) {
    const host = target.host.trim();
    return `${target.user}@${host.includes(':') ? `[${host}]` : host}:${remoteDir}`;
}
/**
 * Files on a worker belong to the ssh user, never to the runner's uid/gid (a worker account sharing
 * the runner's uid could edit Makefiles root runs). When the worker side is root (root login or
 * use_sudo) every file is chowned to root, which also reclaims files an older maand shipped with the
 * runner's ids (--owner --group); any other login owns what it writes and keeps no foreign ids.
 */
function ownershipArgs(spec) {
    return spec.useSudo || spec.target.user === 'root' ? ['--chown=0:0'] : ['--no-owner', '--no-group'];
}
/** Argv after `rsync`, in the order of deploy.md §11.2. */
function rsyncArgs(spec) {
    const source = spec.sourceDir.endsWith('/') ? spec.sourceDir : `${spec.sourceDir}/`;
    return [
        `--timeout=${spec.timeoutSeconds ?? 30}`,
        '--inplace',
        '--whole-file',
        '--checksum',
        '--recursive',
        // a job's own symlinks (to files inside the job, build checks) arrive as symlinks
        '--links',
        // staged job trees may be links to a tree shared by several workers: send what they point to
        '--copy-dirlinks',
        '--force',
        '--delete-after',
        '--delete',
        ...ownershipArgs(spec),
        // modes as staged (job-tree.ts decides them, secrets without bits for others); whatever the
        // runner's umask made of directories, and never group/other-writable files
        '--perms',
        '--chmod=D755,Fgo-w',
        '--compress',
        '--verbose',
        ...(spec.itemize === true ? ['--itemize-changes'] : []),
        ...(spec.dryRun === true ? ['--dry-run'] : []),
        ...(spec.excludes ?? DEPLOY_EXCLUDES).map((e) => `--exclude=${e}`),
        `--rsync-path=${spec.useSudo ? 'sudo rsync' : 'rsync'}`,
        ...(spec.filterFile === undefined ? [] : [`--filter=merge ${spec.filterFile}`]),
        `--rsh=${rshValue(spec.target, spec.ssh)}`,
        source,
        rsyncDestination(spec.target, spec.remoteDir),
    ];
}
/**
 * Merge-filter file content (§11.3): sync only the named jobs' trees (besides the top-level
 * bucket files) and never touch `.tpl` files. Jobs are sorted so the file is deterministic.
 */
function mergeFilterText(jobs) {
    const lines = [...jobs].sort().map((j) => `+ jobs/${j}/`);
    if (lines.length > 0)
        lines.push('- jobs/*');
    lines.push('- jobs/**/*.tpl');
    return lines.join('\n') + '\n';
}
const ACTIONS = { '<': 'sent', '>': 'received', c: 'created', h: 'hardlink', '.': 'attributes' };
/** One --itemize-changes line (`>f+++++++++ a/b`, `*deleting   a/c`); undefined for other lines. */
function parseItemizedLine(line) {
    const del = /^\*deleting {3}(.+)$/.exec(line);
    if (del !== null)
        return { action: 'deleted', path: del[1], directory: del[1].endsWith('/') };
    const m = /^([<>ch.])([fdLDS])[.+?a-zA-Z ]{9,10} (.+)$/.exec(line);
    if (m === null)
        return undefined;
    // a symlink's line names its target too (`cL+++++++++ a/link -> file`)
    const path = m[2] === 'L' ? m[3].replace(/ -> .*$/, '') : m[3];
    return { action: ACTIONS[m[1]], path, directory: m[2] === 'd' };
}

// EXTERNAL MODULE: ./lib/remote/shell-quote.js
var shell_quote = __webpack_require__(2197);
;// CONCATENATED MODULE: ./lib/remote/script.js
// Pure builders of a worker command (deploy.md §18.2): a bash script fed to `bash -s` on ssh's
// stdin, so no command line is ever re-parsed by the remote login shell.


const DEFAULT_REMOTE_TIMEOUT_SECONDS = 300;
/** The single remote-command argument ssh sends: `timeout 300 bash -s` (sudo -E when use_sudo). */
function remoteShellCommand(opts) {
    const shell = opts.useSudo ? 'sudo -E bash -s' : 'bash -s';
    return `timeout ${opts.timeoutSeconds} ${shell}`;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * `#!/bin/bash`, `set -e`, `set -u`, one `export NAME=value` per env entry in insertion order,
 * then the command lines; newline-terminated.
 */
function workerScript(commands, env = {}) {
    const lines = ['#!/bin/bash', 'set -e', 'set -u'];
    for (const [rawName, value] of Object.entries(env)) {
        const name = rawName.trim().replace(/^export\s+/, '');
        if (name === '')
            continue;
        if (!NAME.test(name))
            throw new errors/* MaandError */.Ob('invalid argument', `invalid environment variable name ${JSON.stringify(rawName)}`);
        lines.push(`export ${name}=${(0,shell_quote/* shq */.h)(value)}`);
    }
    lines.push(...commands);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./lib/remote/executor.js
// The one place that runs ssh and rsync against workers. It owns a private 0700 directory for
// ControlMaster sockets (one master per user/host/port, shared by commands and rsync), and
// close() ends every master and removes the directory.
















/**
 * The control socket of user@host:port in `dir`, named here rather than with ssh's %C so that its
 * appearance can be awaited and hooks can find it (maand.py's run_ssh computes the same name).
 */
function controlSocket(dir, user, host, port) {
    return (0,external_node_path_.join)(dir, `h${(0,external_node_crypto_.createHash)('sha256').update(`${user}@${host.trim()}:${sshPort(port)}`).digest('hex').slice(0, 20)}`);
}
/**
 * Resolves when the control socket exists or `command` has ended (connected or not), whichever is
 * first, and at the latest after `limitMs` (the connect timeout): a first command that connects
 * without becoming the master must not hold the others back for as long as it runs.
 */
async function socketReady(path, command, limitMs) {
    let ended = false;
    void command.then(() => (ended = true), () => (ended = true));
    const deadline = Date.now() + limitMs;
    while (!ended && !(0,external_node_fs_.existsSync)(path) && Date.now() < deadline)
        await (0,external_node_timers_promises_.setTimeout)(10);
}
/** rsync: error in the protocol data stream. */
const RSYNC_STREAM_ERROR = 12;
class RemoteExecutor {
    controlDir;
    #ssh;
    #sshProgram;
    #rsyncProgram;
    #running = new Set();
    /** Per socket: settles once the first command's connection is up (or that command ended). */
    #firstContact = new Map();
    #closed = false;
    #dropExitCleanup;
    constructor(controlDir, opts) {
        this.controlDir = controlDir;
        this.#dropExitCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => this.#closeSync());
        this.#ssh = opts.ssh ?? {};
        this.#sshProgram = opts.sshProgram ?? 'ssh';
        this.#rsyncProgram = opts.rsyncProgram ?? 'rsync';
    }
    static async create(opts = {}) {
        // socket paths are limited to ~104 bytes: <parent>/maand-ssh-XXXXXX/<40 hex> must fit
        const parent = opts.tmpDir ?? (0,external_node_os_.tmpdir)();
        const usable = parent.length + '/maand-ssh-XXXXXX/'.length + 40 < 100 ? parent : '/tmp';
        // mkdtemp creates the directory 0700: nobody else can plant or reach a control socket
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(usable, 'maand-ssh-'));
        return new RemoteExecutor(dir, opts);
    }
    target(worker) {
        return { ...worker, controlPath: controlSocket(this.controlDir, worker.user, worker.host, worker.port) };
    }
    /** Runs `script` with `bash -s` on the worker (deploy.md §18.2). */
    async runScript(worker, script, opts = {}) {
        const target = this.target(worker);
        const remote = remoteShellCommand({
            useSudo: opts.useSudo === true,
            timeoutSeconds: opts.remoteTimeoutSeconds ?? DEFAULT_REMOTE_TIMEOUT_SECONDS,
        });
        const args = sshArgs(target, remote, this.#ssh);
        const timeoutMs = opts.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_SECONDS * 1000;
        return this.#run('command', target, this.#sshProgram, args, { ...opts, timeoutMs, input: script });
    }
    /** Runs command lines under `set -e -u` with `env` exported first. */
    run(worker, commands, opts = {}) {
        return this.runScript(worker, workerScript(commands, opts.env), opts);
    }
    /** Runs rsync (deploy.md §11.2) over the worker's shared ssh connection. */
    async rsync(worker, req, opts = {}) {
        const target = this.target(worker);
        const args = rsyncArgs({ ...req, target, ssh: this.#ssh });
        const r = await this.#run('rsync', target, this.#rsyncProgram, args, opts);
        // A transport that dies mid-stream (e.g. its ControlMaster lost the worker) makes rsync exit 12
        // instead of ssh's 255: ask ssh itself whether the worker is reachable, and report that.
        if (r.exitCode === RSYNC_STREAM_ERROR && !r.timedOut && !r.aborted) {
            const probe = await this.runScript(worker, 'true', { timeoutMs: 20_000, ...(opts.signal ? { signal: opts.signal } : {}) });
            if (probe.exitCode === SSH_FAILED)
                return { ...r, exitCode: SSH_FAILED, stderr: `${r.stderr}${probe.stderr}`, ...(probe.hostKeyProblem ? { hostKeyProblem: probe.hostKeyProblem } : {}) };
        }
        return r;
    }
    async #run(kind, target, program, args, opts) {
        if (this.#closed)
            throw new errors/* InternalError */.Gd('remote executor is closed');
        const own = new AbortController();
        const signal = opts.signal === undefined ? own.signal : AbortSignal.any([opts.signal, own.signal]);
        this.#running.add(own);
        let p;
        try {
            // Commands started together before a worker's first connection is up would each log in and
            // race to become its ControlMaster: the first one connects, the others wait for its socket.
            const gate = this.#firstContact.get(target.controlPath);
            if (gate !== undefined)
                await gate;
            const running = runProcess(program, args, { ...opts, signal });
            if (gate === undefined) {
                const limitMs = ((this.#ssh.connectTimeoutSeconds ?? DEFAULT_SSH_OPTIONS.connectTimeoutSeconds) + 5) * 1000;
                this.#firstContact.set(target.controlPath, socketReady(target.controlPath, running, limitMs));
            }
            p = await running;
        }
        finally {
            this.#running.delete(own);
        }
        const argv = [program, ...args];
        const result = {
            ...p,
            kind,
            host: target.host.trim(),
            port: sshPort(target.port),
            argv,
            summary: summarizeArgv(argv),
            knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
            knownHostsName: knownHostsName(target),
            ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
        };
        if (p.exitCode === SSH_FAILED && !p.timedOut && !p.aborted) {
            const problem = await diagnoseHostKey(target);
            if (problem !== undefined)
                result.hostKeyProblem = problem;
        }
        return result;
    }
    /** Kills running commands, ends every ControlMaster, removes the socket directory. */
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#dropExitCleanup();
        for (const c of this.#running)
            c.abort();
        const sockets = await (0,promises_.readdir)(this.controlDir).catch(() => []);
        await Promise.all(sockets.map((s) => runProcess(this.#sshProgram, ['-o', `ControlPath=${(0,external_node_path_.join)(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], {
            timeoutMs: 5000,
        })));
        await (0,promises_.rm)(this.controlDir, { recursive: true, force: true });
    }
    /** close() for a process about to exit: masters are told to exit synchronously, the directory removed. */
    #closeSync() {
        this.#closed = true;
        let sockets = [];
        try {
            sockets = (0,external_node_fs_.readdirSync)(this.controlDir);
        }
        catch {
            // already gone
        }
        for (const s of sockets)
            (0,external_node_child_process_.spawnSync)(this.#sshProgram, ['-o', `ControlPath=${(0,external_node_path_.join)(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], { stdio: 'ignore', timeout: 2000 });
        (0,external_node_fs_.rmSync)(this.controlDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./lib/remote/hook-ssh.js
// The hook variables that let a hook's maand.run_ssh reach workers exactly as the run does
// (issue 15): the run's ssh options (host-key policy and known_hosts of decision Q28, key, port),
// the user, and the directory of the run's ControlMaster sockets (socket names: executor.ts
// controlSocket, which maand.py computes the same way).

function hookSshEnvironment(reach, controlDir) {
    return {
        MAAND_SSH_CONTROL_DIR: controlDir,
        MAAND_SSH_OPTIONS: JSON.stringify(hookSshOptionArgs(reach)),
        MAAND_SSH_USER: reach.user,
        MAAND_SSH_PORT: String(sshPort(reach.port)),
    };
}

;// CONCATENATED MODULE: ./lib/remote/errors.js
// The message of a worker command or rsync that failed: what failed, on which worker, and what to do
// next. Classified by exit code and executor flags.

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
            return `${withReason(`${w} unreachable (ssh exit 255)`, stderrTail(r))}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
        case 'timeout':
            return (`${w}: ${what(r)} timed out after ${seconds(r.timeoutMs ?? 0)} s and was killed; ` +
                `check what it waits for on the worker, then run maand deploy again`);
        case 'aborted':
            return `${w}: ${what(r)} cancelled`;
        case 'exit':
            return r.kind === 'rsync'
                ? withReason(`${w}: rsync failed (exit ${r.exitCode})`, rsyncReason(r))
                : withReason(`${w}: command execution failed (exit ${r.exitCode})`, stderrTail(r));
    }
}

;// CONCATENATED MODULE: ./lib/deploy/openssh-remote.js
// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.








/**
 * The deploy's remote access; `executor` is shared with health-check ssh probes (same ControlMasters);
 * `hookEnv` lets hooks' maand.run_ssh use the same masters and exactly these ssh options.
 */
async function openSshRemote(paths, conf, access) {
    const s = (0,maand_conf/* sshSettings */.OA)(conf);
    const keyFile = access.keyFile ?? (0,external_node_path_.join)(paths.secretsDir, s.keyName);
    const exec = await RemoteExecutor.create(access.tmpDir ? { tmpDir: access.tmpDir } : {});
    const reach = {
        user: s.user,
        port: s.port,
        keyFile,
        hostKeyPolicy: access.hostKeyPolicy,
        knownHostsFile: access.knownHostsFile ?? paths.knownHosts,
        ...(access.extraKnownHostsFiles ? { extraKnownHostsFiles: access.extraKnownHostsFiles } : {}),
    };
    // The key is checked on first use, not at connect: a run that reaches no worker needs no key.
    let keyProblem = null;
    const checkKey = () => {
        if (keyProblem === null)
            keyProblem = sshKeyProblem(keyFile);
        return keyProblem;
    };
    const target = (ip) => ({ host: ip, ...reach });
    const explain = (r) => {
        const failure = failureOf(r);
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: remoteFailureMessage(r, failure) } : {}) };
    };
    // WorkerRemote's contract: a failure is a result, never a throw (see WorkerLink).
    const keyFailure = () => {
        const problem = checkKey();
        return problem === undefined ? undefined : { exitCode: -1, stdout: '', stderr: '', message: problem };
    };
    let missingTool = null;
    const remote = {
        preflight() {
            missingTool ??= ['ssh', 'rsync'].map(missingProgram).find((m) => m !== undefined);
            return checkKey() ?? missingTool;
        },
        async run(ip, script, opts = {}) {
            const bad = keyFailure();
            if (bad)
                return bad;
            const r = await exec.run(target(ip), [script], {
                useSudo: s.useSudo,
                ...(opts.env ? { env: opts.env } : {}),
                ...(opts.onLine ? { onLine: opts.onLine } : {}),
                ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
            });
            return explain(r);
        },
        async rsync(ip, localDir, remoteDir, filterFile, opts = {}) {
            const bad = keyFailure();
            if (bad)
                return bad;
            const r = await exec.rsync(target(ip), { sourceDir: localDir, remoteDir, filterFile, useSudo: s.useSudo, ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.itemize ? { itemize: true } : {}) }, opts.onLine ? { onLine: opts.onLine } : {});
            return explain(r);
        },
        async probe(ip, command, opts) {
            const bad = keyFailure();
            if (bad)
                return { ...bad, timedOut: false };
            // runScript, not run: the probe's command runs as written (no `set -u` that a plain ssh command lacks)
            const r = await exec.runScript(target(ip), `${command}\n`, {
                useSudo: s.useSudo,
                timeoutMs: opts.timeoutMs,
                remoteTimeoutSeconds: Math.max(1, Math.ceil(opts.timeoutMs / 1000)),
                outputCapBytes: 16 * 1024,
                ...(opts.signal ? { signal: opts.signal } : {}),
            });
            return { ...explain(r), timedOut: r.timedOut };
        },
        close: () => exec.close(),
    };
    return { remote, executor: exec, hookEnv: hookSshEnvironment(reach, exec.controlDir) };
}
/** Why the ssh key cannot be used, or undefined when it can. */
function sshKeyProblem(keyFile) {
    try {
        if ((0,external_node_fs_.statSync)(keyFile).isDirectory())
            return `ssh key ${keyFile} is a directory: put the workers' private key file there (maand.conf ssh_key)`;
        (0,external_node_fs_.accessSync)(keyFile, external_node_fs_.constants.R_OK);
        return undefined;
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return `ssh key ${keyFile} does not exist: put the workers' private key there (maand.conf ssh_key), then run maand deploy again`;
        return `ssh key ${keyFile} cannot be read (${code ?? e.message}): fix its permissions, then run maand deploy again`;
    }
}
/** Why `program` cannot be started here (not installed, not on PATH), or undefined. */
function missingProgram(program) {
    const r = (0,external_node_child_process_.spawnSync)(program, [program === 'ssh' ? '-V' : '--version'], { stdio: 'ignore', timeout: 10_000 });
    const code = r.error?.code;
    if (code === 'ENOENT')
        return `${program} is not installed on this machine (not found on PATH): install ${program === 'ssh' ? 'openssh-client' : 'rsync'}, then run maand again`;
    if (code === 'EACCES')
        return `${program} on PATH cannot be executed (permission denied): fix it, then run maand again`;
    return undefined;
}

;// CONCATENATED MODULE: ./lib/deploy/connect.js
// Wires one run to the outside: OpenSSH for workers, the hooks' runtime API and runner, health checks.





function connectRun(o) {
    return async (run) => {
        const paths = (0,bucket_paths/* bucketPaths */.Z)(run.root);
        const { remote, hookEnv } = await openSshRemote(paths, run.conf, o.ssh);
        let api;
        try {
            api = await (0,runtime_api/* startRuntimeApi */.P)({ db: run.db, kv: run.kv });
        }
        catch (e) {
            await remote.close();
            throw e;
        }
        const hookContext = {
            root: run.root,
            db: run.db,
            kv: run.kv,
            api,
            // hooks' maand.run_ssh uses the run's ssh options and ControlMasters (already host-key checked)
            env: { ...(o.hookEnv ?? {}), ...hookEnv },
            onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}`, source: 'hook' }),
            ...(run.signal ? { signal: run.signal } : {}),
        };
        return {
            remote,
            hooks: hookPort(hookContext),
            health: healthPort({ ...hookContext, sshProbe: (ip, command, opts) => remote.probe(ip, command, opts) }, run.emit),
            hookContext,
            close: async () => {
                try {
                    await api.close();
                }
                finally {
                    await remote.close();
                }
            },
        };
    };
}


/***/ }),

/***/ 8277:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qz: () => (/* binding */ hashJobTree),
/* harmony export */   UN: () => (/* binding */ putFile),
/* harmony export */   db: () => (/* binding */ writeJobTree),
/* harmony export */   fs: () => (/* binding */ readAsset),
/* harmony export */   "in": () => (/* binding */ emptyTree)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _util_go_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6495);
// A job's staged tree for one allocation, in memory: catalog files, client libraries, rendered .tpl
// files, Prometheus rules and certificates. Planning hashes it without touching the disk; only trees
// that will be rsynced are written (writeJobTree).




function emptyTree() {
    return { dirs: new Set(), files: new Map() };
}
function putFile(tree, rel, data, mode, legacyMode = mode, link) {
    tree.files.set(rel, { data: typeof data === 'string' ? Buffer.from(data) : data, mode, legacyMode, ...(link === undefined ? {} : { link }) });
    for (let d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(rel); d !== '.' && d !== ''; d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d))
        tree.dirs.add(d);
}
/**
 * A file's digest: md5 of its bytes (§9.2), and of its mode too when that differs from what the
 * reference wrote: a mode change is a change to deploy, while trees the reference hashed keep
 * their hashes as long as their modes are the reference's. A symlink adds its target text.
 */
function fileDigest(f) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(f.data);
    if (f.mode !== f.legacyMode)
        h.update(`\0mode=${f.mode.toString(8)}`);
    if (f.link !== undefined)
        h.update(`\0link=${f.link}`);
    return h.digest('hex');
}
/** The plan hash of §9.2 over the tree, modes included (see fileDigest). */
function hashJobTree(tree) {
    const rels = [...tree.files.keys()].filter((p) => !p.includes('__pycache__')).sort(_util_go_json_js__WEBPACK_IMPORTED_MODULE_3__/* .byteCompare */ .U6);
    const files = {};
    const digests = [];
    for (const rel of rels) {
        const d = fileDigest(tree.files.get(rel));
        digests.push(d);
        files[rel] = d;
    }
    return { hash: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(digests.join('')).digest('hex'), files, filesJson: (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_3__/* .goJson */ .Pl)(files) };
}
/** The process umask, read once (reading it briefly sets it: do it before any file is written). */
const UMASK = (() => {
    const m = process.umask(0o022);
    process.umask(m);
    return m;
})();
/** Writes the tree into a directory that does not exist yet (files are created, never overwritten). */
function writeJobTree(tree, dir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dir, { recursive: true });
    // putFile records every parent directory, so each file's directory exists before it is written
    for (const d of [...tree.dirs].sort(_util_go_json_js__WEBPACK_IMPORTED_MODULE_3__/* .byteCompare */ .U6))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, d), { recursive: true, mode: 0o755 });
    for (const [rel, f] of tree.files) {
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, rel);
        if (f.link !== undefined) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.symlinkSync)(f.link, p);
            continue;
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(p, f.data, { mode: f.mode });
        if ((f.mode & UMASK) !== 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(p, f.mode); // the umask trimmed the mode at creation
    }
}
function readAsset(path) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path);
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


/***/ }),

/***/ 1772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ parseNameList)
/* harmony export */ });
// A list of job names (or worker IPs) as the CLI's `--jobs a,b` and the Action's `jobs:` input give it:
// comma- or newline-separated, trimmed, duplicates dropped, order kept. Names are checked by the engine.
function parseNameList(raw) {
    if (raw === undefined)
        return [];
    return [...new Set(raw.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== ''))];
}


/***/ }),

/***/ 581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ns: () => (/* reexport */ checkHealth),
  YR: () => (/* reexport */ checkJobHealth),
  od: () => (/* reexport */ formatHealthEvent)
});

// UNUSED EXPORTS: HealthCheckError, checkWorkers, httpProbe, loadHealthSpec, parseHealthSpec, probePorts, sshProbe, tcpProbe

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/health/types.js
// Shapes of health checks: what the caller passes, what comes back, the progress events.

class HealthCheckError extends errors/* MaandError */.Ob {
    name = 'HealthCheckError';
    job;
    constructor(job, message) {
        super('health check', message, undefined, { bare: true });
        this.job = job;
    }
}

// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(5167);
;// CONCATENATED MODULE: ./lib/health/spec.js


const DEFAULT_TIMEOUT_SECONDS = 5;
const DEFAULT_ATTEMPTS = 30;
const DEFAULT_INTERVAL_SECONDS = 1;
/** Empty/absent column → no checks and the defaults (the reference drops `wait` then too, spec kv §8 item 10). */
function loadHealthSpec(db, job) {
    const row = db.prepare('SELECT health_check FROM job WHERE name = ?').get(job);
    return parseHealthSpec(job, row?.health_check ?? '');
}
function parseHealthSpec(job, text) {
    const spec = {
        checks: [], timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, attempts: DEFAULT_ATTEMPTS, intervalMs: DEFAULT_INTERVAL_SECONDS * 1000,
    };
    if (text.trim() === '')
        return spec;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw invalid(job, `health_check: ${e.message}`);
    }
    const pos = (v) => (typeof v === 'number' && v > 0 ? v : undefined);
    spec.timeoutMs = (pos(doc.timeout_seconds) ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    spec.attempts = pos(doc.wait?.attempts) ?? DEFAULT_ATTEMPTS;
    spec.intervalMs = (pos(doc.wait?.interval_seconds) ?? DEFAULT_INTERVAL_SECONDS) * 1000;
    const str = (v) => (typeof v === 'string' ? v : '');
    for (const c of Array.isArray(doc.checks) ? doc.checks : []) {
        spec.checks.push({
            type: str(c['type']).trim().toLowerCase(),
            port: str(c['port']).trim(),
            command: str(c['command']),
            path: str(c['path']) || '/',
            expectStatus: pos(c['expect_status']) ?? 200,
            scheme: (str(c['scheme']) || 'http').toLowerCase(),
        });
    }
    return spec;
}
/** The assigned number of each port name a tcp/http check uses; an unknown name is an invalid manifest. */
function probePorts(db, job, checks) {
    const assigned = new Map((0,queries/* jobPorts */.UP)(db, job).map((p) => [p.name, p.port]));
    const out = new Map();
    for (const c of checks) {
        if (c.type !== 'tcp' && c.type !== 'http')
            continue;
        const n = assigned.get(c.port);
        if (n === undefined)
            throw invalid(job, `port "${c.port}" (declare it in resources.ports and run maand build)`);
        out.set(c.port, n);
    }
    return out;
}
function invalid(job, detail) {
    return new errors/* MaandError */.Ob('invalid manifest.json', `job ${job} ${detail}`);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./lib/health/probes.js
// tcp and http probes, run from the machine running maand (spec kv §5.3/§5.4). Each returns the
// reference's error text, or undefined when healthy.



const MAX_REDIRECTS = 10;
function hostPort(ip, port) {
    return (0,external_node_net_.isIPv6)(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}
/** TCP connect within `timeoutMs`, then close. */
function tcpProbe(ip, port, timeoutMs, signal) {
    const where = `tcp ${hostPort(ip, port)}`;
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host: ip, port, signal });
        const timer = setTimeout(() => done(`i/o timeout after ${timeoutMs}ms`), timeoutMs);
        const done = (err) => {
            clearTimeout(timer);
            socket.destroy();
            resolve(err === undefined ? undefined : `${where}: ${err}`);
        };
        socket.once('connect', () => done());
        socket.once('error', (e) => done(e.name === 'AbortError' ? 'cancelled' : e.message));
    });
}
/** GET with redirects (≤ 10) and the body drained, all within the timeout; the final status must match. */
async function httpProbe(s) {
    const url = `${s.scheme}://${hostPort(s.ip, s.port)}${s.path}`;
    const signals = [AbortSignal.timeout(s.timeoutMs), ...(s.signal ? [s.signal] : [])];
    const signal = AbortSignal.any(signals);
    try {
        let current = new URL(url);
        for (let hop = 0;; hop++) {
            const res = await get(current, signal);
            const location = res.headers.location;
            if (res.statusCode !== undefined && [301, 302, 303, 307, 308].includes(res.statusCode) && location !== undefined) {
                if (hop >= MAX_REDIRECTS)
                    return `http ${url}: stopped after ${MAX_REDIRECTS} redirects`;
                current = new URL(location, current);
                continue;
            }
            const got = res.statusCode ?? 0;
            return got === s.expectStatus ? undefined : `http ${url}: status ${got} want ${s.expectStatus}`;
        }
    }
    catch (e) {
        const timedOut = signals[0].aborted;
        return `http ${url}: ${timedOut ? `timeout after ${s.timeoutMs}ms` : e.message}`;
    }
}
/** One GET whose body is fully read (so keep-alive and the timeout cover the whole exchange). */
function get(url, signal) {
    const request = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    return new Promise((resolve, reject) => {
        const req = request(url, { method: 'GET', signal, agent: false }, (res) => {
            res.on('error', reject);
            res.on('end', () => resolve(res));
            res.resume();
        });
        req.on('error', reject);
        req.end();
    });
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/hooks/runner.js + 5 modules
var runner = __webpack_require__(494);
;// CONCATENATED MODULE: ./lib/health/ssh-probe.js
/** Runs the probe; returns the reference's error text (`ssh <ip>: <why>: <output>`) or undefined. */
async function sshProbe(ip, command, runner, timeoutMs, signal) {
    if (command.trim() === '')
        return `ssh ${ip}: empty command`;
    if (runner === undefined)
        return `ssh ${ip}: this command has no ssh access to the workers`;
    const r = await runner(ip, command, { timeoutMs, ...(signal ? { signal } : {}) });
    if (r.exitCode === 0 && !r.timedOut)
        return undefined;
    const output = [r.stdout.trim(), r.stderr.trim()].filter((s) => s !== '').join('\n');
    const why = r.timedOut ? `timed out after ${timeoutMs}ms` : r.exitCode === 255 || r.exitCode < 0 ? (r.message ?? `exit status ${r.exitCode}`) : `exit status ${r.exitCode}`;
    return `ssh ${ip}: ${why}: ${output}`;
}

;// CONCATENATED MODULE: ./lib/health/job-check.js
// One job's health check (spec kv §5.2, deploy §23): every (active worker × probe) pair at once,
// then the job's health_check commands (10 allocations in parallel, health-fast workspace, KV
// writes refused); one attempt, or in wait mode up to `attempts` with `interval` in between.







async function checkJobHealth(ctx, job, o = {}) {
    const skip = (reason) => {
        ctx.onHealth?.({ type: 'skipped', job, reason });
        return { job, status: 'skipped', skipReason: reason, attempts: [] };
    };
    const fail = (attempts, text) => {
        const error = new HealthCheckError(job, `job ${job}: ${text}`);
        ctx.onHealth?.({ type: 'failed', job, error: error.message });
        return { job, status: 'failed', attempts, error };
    };
    const workers = (0,catalog/* activeWorkers */.mR)(ctx.db, job);
    if (workers.length === 0)
        return skip('no active allocations');
    let spec;
    let ports;
    try {
        spec = loadHealthSpec(ctx.db, job);
        ports = probePorts(ctx.db, job, spec.checks);
    }
    catch (e) {
        return fail([], e.message);
    }
    const commands = (0,catalog/* commandsFor */.Au)(ctx.db, job, 'health_check');
    if (spec.checks.length === 0 && commands.length === 0)
        return skip('no health_check config or commands');
    const wait = o.wait === undefined || o.wait === false ? undefined : o.wait === true ? {} : o.wait;
    const total = wait === undefined ? 1 : Math.max(1, wait.attempts ?? spec.attempts);
    const intervalMs = wait?.intervalMs ?? spec.intervalMs;
    const attempts = [];
    for (let i = 1; i <= total; i++) {
        const a = await attempt(ctx, job, i, workers, spec, ports, commands);
        attempts.push(a);
        if (a.ok) {
            ctx.onHealth?.({ type: 'passed', job });
            return { job, status: 'passed', attempts };
        }
        if (ctx.signal?.aborted)
            return fail(attempts, `cancelled: ${a.error}`);
        if (i < total) {
            ctx.onHealth?.({ type: 'attempt-failed', job, attempt: i, attempts: total, error: a.error });
            try {
                await (0,promises_.setTimeout)(intervalMs, undefined, { signal: ctx.signal });
            }
            catch {
                return fail(attempts, `cancelled: ${a.error}`);
            }
        }
    }
    return fail(attempts, attempts.at(-1).error);
}
async function attempt(ctx, job, n, workers, spec, ports, commands) {
    const probes = await Promise.all(workers.flatMap((ip) => spec.checks.map((c, i) => probe(ctx, job, ip, c, i, spec.timeoutMs, ports))));
    const bad = probes.find((p) => !p.ok);
    if (bad !== undefined)
        return { attempt: n, ok: false, probes, commands: [], error: bad.error };
    const runs = [];
    for (const command of commands) {
        const r = await (0,runner/* runJobCommand */.W)(ctx, { job, command, event: 'health_check', workers });
        runs.push(r);
        if (!r.ok)
            return { attempt: n, ok: false, probes, commands: runs, error: r.error?.message };
    }
    return { attempt: n, ok: true, probes, commands: runs };
}
async function probe(ctx, job, ip, c, index, timeoutMs, ports) {
    const started = Date.now();
    let label;
    let error;
    if (c.type === 'tcp') {
        label = `tcp ${c.port}`;
        error = await tcpProbe(ip, ports.get(c.port), timeoutMs, ctx.signal);
    }
    else if (c.type === 'http') {
        label = `http ${c.port} ${c.path}`;
        error = await httpProbe({ ip, port: ports.get(c.port), path: c.path, scheme: c.scheme, expectStatus: c.expectStatus, timeoutMs, signal: ctx.signal });
    }
    else if (c.type === 'ssh') {
        label = `ssh ${c.command}`;
        error = await sshProbe(ip, c.command, ctx.sshProbe, timeoutMs, ctx.signal);
    }
    else {
        label = c.type;
        error = `health_check.checks[${index}]: unsupported type "${c.type}"`;
    }
    const result = { job, worker: ip, index, probe: label, ok: error === undefined, durationMs: Date.now() - started, ...(error === undefined ? {} : { error }) };
    ctx.onHealth?.({ type: 'probe', result });
    return result;
}

// EXTERNAL MODULE: ./lib/util/pool.js
var pool = __webpack_require__(9860);
;// CONCATENATED MODULE: ./lib/health/health-check.js
// `maand health_check [--jobs a,b] [--wait]` (spec kv §5.5): optional worker gate (ssh port
// reachable on every catalog worker), then up to 16 jobs checked in parallel.






const JOB_PARALLELISM = 16;
const WORKER_GATE_ATTEMPTS = 30;
const WORKER_GATE_TIMEOUT_MS = 5000;
async function checkHealth(ctx, o = {}) {
    const jobs = selectJobs(ctx, o.jobs);
    if (o.workerGate !== undefined) {
        const gate = await checkWorkers(ctx, o.workerGate, o.wait !== undefined && o.wait !== false);
        if (gate !== undefined)
            return { ok: false, jobs: [], error: new Error(gate) };
    }
    const results = await (0,pool/* runLimited */.O)(jobs.map((job) => () => checkJobHealth(ctx, job, { wait: o.wait })), JOB_PARALLELISM);
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length === 0)
        return { ok: true, jobs: results };
    return { ok: false, jobs: results, error: new Error(failed.map((r) => r.error.message).join('; ')) };
}
function selectJobs(ctx, wanted) {
    const all = (0,queries/* catalogJobs */.ms)(ctx.db);
    if (wanted === undefined)
        return all;
    const names = [...new Set(wanted.map((j) => j.trim()).filter((j) => j !== ''))].sort();
    const unknown = names.filter((j) => !all.includes(j));
    if (unknown.length > 0) {
        const e = new errors/* MaandError */.Ob('invalid argument', `jobs not in this bucket: [${unknown.join(' ')}]`);
        e.message = `jobs not in this bucket: [${unknown.join(' ')}] (see maand cat jobs)`;
        throw e;
    }
    return names;
}
/** Every catalog worker's ssh port accepts TCP (position order, first failure fails the pass). Returns the error text. */
async function checkWorkers(ctx, gate, wait) {
    const workers = (0,queries/* workersByPosition */.gw)(ctx.db).map((w) => w.worker_ip);
    if (workers.length === 0) {
        ctx.onHealth?.({ type: 'workers-skipped' });
        return undefined;
    }
    const total = wait ? (gate.attempts ?? WORKER_GATE_ATTEMPTS) : 1;
    let error;
    for (let i = 1; i <= total; i++) {
        error = undefined;
        for (const ip of workers) {
            const e = await tcpProbe(ip, gate.sshPort, WORKER_GATE_TIMEOUT_MS, ctx.signal);
            if (e !== undefined) {
                error = `worker health: worker ${ip} ssh port ${gate.sshPort}: ${e}`;
                break;
            }
        }
        if (error === undefined) {
            ctx.onHealth?.({ type: 'workers-passed' });
            return undefined;
        }
        if (i < total && !ctx.signal?.aborted) {
            ctx.onHealth?.({ type: 'workers-attempt-failed', attempt: i, attempts: total, error });
            await (0,promises_.setTimeout)(gate.intervalMs ?? 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
        }
        if (ctx.signal?.aborted)
            break;
    }
    ctx.onHealth?.({ type: 'workers-failed', error: error });
    return error;
}

;// CONCATENATED MODULE: ./lib/health/format.js
/** The line the reference prints for `e`, or undefined for events it does not print (probe results). */
function formatHealthEvent(e) {
    switch (e.type) {
        case 'skipped':
            return `health check skipped: ${e.job} (${e.reason})`;
        case 'attempt-failed':
            return `health check failed: ${e.job} (attempt ${e.attempt}/${e.attempts}), retrying...`;
        case 'passed':
            return `health check passed: ${e.job}`;
        case 'failed':
            return `health check failed: ${e.job}`;
        case 'workers-skipped':
            return 'worker health check skipped: no workers';
        case 'workers-attempt-failed':
            return `worker health check failed (attempt ${e.attempt}/${e.attempts}), retrying...`;
        case 'workers-passed':
            return 'worker health check passed';
        case 'workers-failed':
            return 'worker health check failed';
        case 'probe':
            return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/health/index.js
// Public API of health checks: probes, one job's check, the multi-job `health_check` pass.









/***/ }),

/***/ 2197:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ shq)
/* harmony export */ });
// The one shell-quoting function for everything maand splices into a script or command line bash
// runs on a worker (issue 15): job names, paths, versions, targets, env values, probe commands.
/** Words bash takes literally as they are: no expansion, globbing, splitting or redirection. */
const LITERAL = /^[A-Za-z0-9_./:@%+=,-]+$/;
/**
 * `s` as one bash word with exactly its characters: bare when nothing in it is special (so IPs,
 * versions and paths read as the reference sent them), else single-quoted, where bash expands
 * nothing ($(), backticks, $VAR, newlines are literal) and a `'` is written `'\''`.
 */
function shq(s) {
    return LITERAL.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}


/***/ }),

/***/ 3217:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ withRun)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./lib/bucket/lock.js
var lock = __webpack_require__(1187);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(5167);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/kv/index.js + 13 modules
var lib_kv = __webpack_require__(1683);
// EXTERNAL MODULE: ./lib/util/exit-cleanup.js
var exit_cleanup = __webpack_require__(9127);
// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/util/process.js
var util_process = __webpack_require__(9609);
// EXTERNAL MODULE: ./lib/deploy/commands.js
var commands = __webpack_require__(6477);
// EXTERNAL MODULE: ./lib/deploy/job-tree.js
var job_tree = __webpack_require__(8277);
// EXTERNAL MODULE: ./lib/deploy/worker-files.js
var worker_files = __webpack_require__(4623);
;// CONCATENATED MODULE: ./lib/deploy/stage-area.js
// Where one run stages what rsync sends: per worker a directory with worker.json, jobs.json, bin/ and a
// link per job to the job's tree, plus the rsync filter files. Everything lives in a private (0700)
// directory that exists for this run only. It is placed in RAM (/dev/shm) when that has room: staged
// trees are written once and read once, and on a busy or slow disk creating thousands of small files
// costs more than the rsync that follows. Trees that do not fit in the RAM budget spill to the bucket's
// tmp/ directory; rsync follows the links either way (--copy-dirlinks).







const PAGE = 4096;
/** Never take more than this share of the tmpfs' free space (other programs use it too). */
const RAM_SHARE = 0.5;
const PREFIX = 'maand-stage-';
/**
 * A run killed outright (SIGKILL, power loss of a container) cannot remove its area, and RAM is not
 * wiped like the bucket's tmp/: remove this user's areas whose process is gone.
 */
function sweepDeadAreas(ramDir) {
    const uid = process.getuid?.();
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(ramDir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const m = /^maand-stage-(\d+)-/.exec(name);
        if (!m || Number(m[1]) === process.pid || (0,util_process/* processAlive */.F)(Number(m[1])))
            continue;
        const dir = (0,external_node_path_.join)(ramDir, name);
        try {
            if (uid !== undefined && (0,external_node_fs_.statSync)(dir).uid !== uid)
                continue;
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
        catch {
            // another run swept it first, or it is not ours to remove
        }
    }
}
/** Bytes a tree occupies on a tmpfs: whole pages per file and per directory. */
function treeFootprint(tree) {
    let bytes = (tree.dirs.size + 1) * PAGE;
    for (const f of tree.files.values())
        bytes += Math.max(1, Math.ceil(f.data.length / PAGE)) * PAGE;
    return bytes;
}
class StageArea {
    dir;
    /** True when the area itself is on disk (no tmpfs): trees then never spill elsewhere. */
    onDisk;
    bucketTmp;
    /** Bytes of RAM still available for trees; 0 when the area is on disk. */
    ramLeft;
    spillDir;
    trees = new Map();
    dropExitCleanup;
    constructor(dir, bucketTmp, ramLeft, onDisk) {
        this.dir = dir;
        this.onDisk = onDisk;
        this.bucketTmp = bucketTmp;
        this.ramLeft = ramLeft;
        this.dropExitCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => this.removeDirs());
    }
    static open(o) {
        const ram = o.ramDir === undefined ? '/dev/shm' : o.ramDir;
        if (ram !== null) {
            try {
                const fs = (0,external_node_fs_.statfsSync)(ram);
                sweepDeadAreas(ram);
                const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(ram, `${PREFIX}${process.pid}-`));
                const budget = Math.floor(fs.bavail * fs.bsize * RAM_SHARE);
                return new StageArea(dir, o.bucketTmp, Math.min(budget, o.ramBudgetBytes ?? budget), false);
            }
            catch {
                // no tmpfs here (not Linux, or not writable): stage on disk
            }
        }
        (0,external_node_fs_.mkdirSync)(o.bucketTmp, { recursive: true });
        return new StageArea((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(o.bucketTmp, 'stage-')), o.bucketTmp, 0, true);
    }
    /** The rsync source directory of one worker. */
    workerDir(ip) {
        return (0,external_node_path_.join)(this.dir, 'workers', ip);
    }
    /**
     * Links `<workerDir>/jobs/<job>` to the job's tree, writing the tree the first time a tree with this
     * hash is placed (workers whose trees are identical share one copy).
     */
    placeTree(ip, job, hash, tree) {
        const key = `${job}-${hash}`;
        let path = this.trees.get(key);
        if (path === undefined) {
            const size = treeFootprint(tree);
            if (!this.onDisk && size <= this.ramLeft) {
                this.ramLeft -= size;
                path = (0,external_node_path_.join)(this.dir, 'trees', key);
                try {
                    (0,job_tree/* writeJobTree */.db)(tree, path);
                }
                catch (e) {
                    // the tmpfs filled up under us (others use it too): this and later trees go to disk
                    if (e.code !== 'ENOSPC')
                        throw e;
                    (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
                    this.ramLeft = 0;
                    path = (0,external_node_path_.join)(this.spill(), key);
                    (0,job_tree/* writeJobTree */.db)(tree, path);
                }
            }
            else {
                path = (0,external_node_path_.join)(this.spill(), key);
                (0,job_tree/* writeJobTree */.db)(tree, path);
            }
            this.trees.set(key, path);
        }
        const link = (0,external_node_path_.join)(this.workerDir(ip), 'jobs', job);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(link), { recursive: true });
        (0,external_node_fs_.rmSync)(link, { recursive: true, force: true });
        (0,external_node_fs_.symlinkSync)(path, link, 'dir');
    }
    /** Forgets a worker's staged files (e.g. after its job was cleaned up). */
    dropWorkerJob(ip, job) {
        (0,external_node_fs_.rmSync)(job === undefined ? this.workerDir(ip) : (0,external_node_path_.join)(this.workerDir(ip), 'jobs', job), { recursive: true, force: true });
    }
    /**
     * What one rsync to a worker sends from: its source directory with the current worker files (when
     * the catalog knows the worker), and a merge filter passing only the trees of `jobs` (none: the
     * bucket-level files alone).
     */
    rsyncSource(ip, worker, jobs) {
        const dir = this.workerDir(ip);
        if (worker)
            (0,worker_files/* writeWorkerFiles */.Ne)(dir, worker);
        const filter = (0,external_node_path_.join)(this.dir, 'filters', `${ip}-${jobs.join('_') || 'bucket'}.rsync`);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(filter), { recursive: true });
        (0,external_node_fs_.writeFileSync)(filter, (0,commands/* rsyncFilter */.Uv)(jobs), { mode: 0o600 });
        return { dir, filter };
    }
    close() {
        this.dropExitCleanup();
        this.removeDirs();
    }
    removeDirs() {
        (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
        if (this.spillDir !== undefined)
            (0,external_node_fs_.rmSync)(this.spillDir, { recursive: true, force: true });
    }
    spill() {
        if (this.onDisk)
            return (0,external_node_path_.join)(this.dir, 'trees');
        if (this.spillDir === undefined) {
            (0,external_node_fs_.mkdirSync)(this.bucketTmp, { recursive: true });
            this.spillDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(this.bucketTmp, 'stage-spill-'));
        }
        return this.spillDir;
    }
}

;// CONCATENATED MODULE: ./lib/run/lifecycle.js
// The one lifecycle of a command that works on a bucket (deploy, drift, job run, health, jobcommand),
// written once: bucket lock → maand.conf → catalog + schema check → KV → staging area → links to the
// workers (ssh, hooks' runtime API, health) → the command's work → close everything in reverse order,
// on success, error or cancel alike. Catalog writes go through `checkpoint` (one transaction each).












function withRun(o, work) {
    return (0,lock/* withBucketLock */.wD)(o.root, o.command, () => runLocked(o, work));
}
async function runLocked(o, work) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(o.root);
    const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    let stage;
    let links;
    let dropTmpCleanup;
    try {
        (0,gate/* checkSchema */._)(db);
        const bucket = (0,queries/* bucketRow */.P5)(db);
        const labels = (0,queries/* workerLabels */.wH)(db);
        const workers = (0,queries/* workersByPosition */.gw)(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const emit = o.onEvent ?? (() => { });
        // data/ and logs/ are owner-only; a bucket made by an older maand is tightened once, with a note
        const tightened = (0,modes/* tightenBucketModes */.aT)(paths.root);
        if (tightened)
            emit({ type: 'warning', message: tightened });
        if (o.stage) {
            // tmp/ belongs to the run holding the lock: what an earlier, killed run left there goes now
            (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
            (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
            dropTmpCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true }));
            stage = StageArea.open({ bucketTmp: paths.tmpDir, ...(o.stage.ramDir !== undefined ? { ramDir: o.stage.ramDir } : {}) });
        }
        const signal = o.signal;
        if (o.connect)
            links = await o.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(signal ? { signal } : {}) });
        const opened = { links, stage };
        const run = {
            paths, conf, db, kv, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, workers, signal, readOnly: o.readOnly === true, emit,
            get links() {
                if (!opened.links)
                    throw new errors/* InternalError */.Gd(`${o.command}: the run was opened without links to the workers`);
                return opened.links;
            },
            get stage() {
                if (!opened.stage)
                    throw new errors/* InternalError */.Gd(`${o.command}: the run was opened without a staging area`);
                return opened.stage;
            },
            checkpoint(fn) {
                if (o.readOnly)
                    return;
                (0,catalog_db/* inTransaction */.sA)(db, () => {
                    fn?.();
                    kv.persist(db);
                });
            },
        };
        return await work(run);
    }
    finally {
        try {
            await links?.close();
        }
        finally {
            stage?.close();
            db.close();
            if (o.stage)
                (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
            dropTmpCleanup?.();
        }
    }
}


/***/ })

};
