export const id = 890;
export const ids = [890];
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

/***/ 9117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yy: () => (/* binding */ connectRun)
});

// UNUSED EXPORTS: connectShared, linkRun

// EXTERNAL MODULE: ./lib/bucket/paths.js
var paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/catalog/worker-proxy.js
var worker_proxy = __webpack_require__(3572);
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

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./lib/remote/process-host.js
// The part of running a local program that blocks: spawn (fork + exec) and the pipes. It runs on
// the run's thread while few programs run, and in worker threads beyond (spawner.ts), so a deploy to
// a hundred workers does not stall its event loop: node's spawn waits for the child to exec, which on
// a busy runner takes tens of milliseconds each, and a deploy starts several ssh and rsync processes
// per worker.
//
// `processHost` must be self-contained (no imports, no outer names): its source text is the worker's
// code (new Worker(`(${processHost})()`, { eval: true })), so it survives bundling unchanged.
function processHost(given) {
    const { parentPort } = process.getBuiltinModule('node:worker_threads');
    const { spawn } = process.getBuiltinModule('node:child_process');
    const KILL_GRACE_MS = 2000;
    const PIPE_DRAIN_MS = 1000;
    const kills = new Map();
    const port = given ?? parentPort;
    if (port === null)
        throw new Error('processHost runs in a worker thread or is given a port');
    const post = (m, transfer) => port.postMessage(m, transfer);
    const start = (r) => {
        const child = spawn(r.file, r.args, { stdio: ['pipe', 'pipe', 'pipe'] });
        let killedFor;
        let spawnError;
        let graceTimer;
        let chunks = 0;
        let done = false;
        const kill = (why) => {
            if (killedFor !== undefined || done)
                return;
            killedFor = why;
            child.kill('SIGTERM');
            graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        };
        kills.set(r.id, kill);
        const timer = r.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), r.timeoutMs);
        for (const stream of ['stdout', 'stderr']) {
            child[stream].on('data', (b) => {
                chunks++;
                if (given !== undefined)
                    return post({ type: 'chunk', id: r.id, stream, data: b });
                // a copy a thread can hand over (a Buffer may share its memory with other Buffers)
                const data = new Uint8Array(b.byteLength);
                data.set(b);
                post({ type: 'chunk', id: r.id, stream, data }, [data.buffer]);
            });
        }
        child.stdin.on('error', () => { }); // the program may exit before reading all of its input
        child.on('error', (e) => (spawnError = e.message));
        const finish = (code, signal) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            kills.delete(r.id);
            post({ type: 'end', id: r.id, code, signal, ...(killedFor ? { killedFor } : {}), ...(spawnError !== undefined ? { spawnError } : {}) });
        };
        // An ssh ControlMaster client hands its stdio to the master, so the pipes may stay open after
        // the client ended (until the remote side ends): stop waiting after PIPE_DRAIN_MS, counted in
        // event-loop turns too, so output already in a pipe is read before the pipes are closed.
        child.on('exit', (code, signal) => {
            const stop = () => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(code, signal);
            };
            if (killedFor !== undefined)
                return stop();
            setTimeout(() => {
                let seen = -1;
                const drain = () => {
                    if (done)
                        return;
                    if (seen === chunks)
                        return stop();
                    seen = chunks;
                    setImmediate(drain);
                };
                drain();
            }, PIPE_DRAIN_MS).unref();
        });
        child.on('close', (code, signal) => finish(code, signal));
        child.stdin.end(r.input);
    };
    port.on('message', (m) => {
        if (m.type === 'start')
            start(m);
        else
            kills.get(m.id)?.('abort');
    });
}

;// CONCATENATED MODULE: ./lib/remote/spawner.js
// Starts local programs (process-host.ts) so that fork + exec does not stall the run's event loop
// when many run at once: node's spawn waits for the child to exec, 20–35 ms on a busy runner, and a
// deploy to a hundred workers starts several hundred programs. While few programs run (a small fleet,
// a rollout's sequential batches) they start on this thread, as a worker thread costs more to boot
// than it saves; beyond LOCAL_MAX, they start from a small pool of worker threads. The threads do not
// keep the process alive when idle, and a thread that dies fails only the programs it was running.


/** Programs running at once that still start on this thread. */
const LOCAL_MAX = 8;
/** Threads that spawn; more would only add memory: the wait for exec is the child's, not theirs. */
const THREADS = 2;
const SOURCE = `(${processHost.toString()})()`;
const pool = [];
let local;
let nextId = 1;
function deliver(h, m) {
    const p = h.running.get(m.id);
    if (p === undefined)
        return;
    if (m.type === 'chunk')
        p.onChunk(m.stream, Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    else {
        h.running.delete(m.id);
        if (h.running.size === 0)
            h.unref();
        p.onEnd(m);
    }
}
function localHost() {
    let handler;
    const port = {
        postMessage: (m) => deliver(h, m),
        on: (_event, fn) => (handler = fn),
    };
    const h = { send: (m) => handler?.(m), running: new Map(), ref: () => { }, unref: () => { } };
    processHost(port);
    return h;
}
function newThread() {
    const worker = new external_node_worker_threads_.Worker(SOURCE, { eval: true, name: 'maand-process-host', resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const h = { send: (m) => worker.postMessage(m), running: new Map(), ref: () => worker.ref(), unref: () => worker.unref() };
    worker.on('message', (m) => deliver(h, m));
    const lost = (why) => {
        const at = pool.indexOf(h);
        if (at >= 0)
            pool.splice(at, 1);
        const running = [...h.running.values()];
        h.running.clear();
        for (const p of running)
            p.onEnd({ code: null, signal: null, spawnError: `the thread running it stopped: ${why}` });
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => {
        if (pool.includes(h))
            lost(`exit ${code}`);
    });
    worker.unref();
    return h;
}
/** This thread while few programs run, else the least busy thread (a new one while the pool is not full). */
function host() {
    local ??= localHost();
    const running = local.running.size + pool.reduce((n, t) => n + t.running.size, 0);
    if (running < LOCAL_MAX)
        return local;
    const idle = pool.find((t) => t.running.size === 0);
    if (idle !== undefined)
        return idle;
    if (pool.length < THREADS) {
        const t = newThread();
        pool.push(t);
        return t;
    }
    return pool.reduce((a, b) => (b.running.size < a.running.size ? b : a));
}
/** Starts `file args` with `input` on stdin; returns the abort of that program. */
function hostProcess(req, p) {
    const h = host();
    const id = nextId++;
    h.running.set(id, p);
    h.ref();
    h.send({ type: 'start', id, file: req.file, args: [...req.args], input: req.input, ...(req.timeoutMs === undefined ? {} : { timeoutMs: req.timeoutMs }) });
    return () => {
        if (h.running.has(id))
            h.send({ type: 'abort', id });
    };
}

;// CONCATENATED MODULE: ./lib/remote/run-process.js
// Runs one local program (ssh or rsync) to completion: stdin from a string, output streamed as
// lines and kept as a capped tail, killed on timeout or abort. A failure is returned as data. The
// program is started through spawner.ts: from worker threads when many run at once.



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
        const outLines = opts.onLine === undefined ? undefined : new LineSplitter((l) => opts.onLine('stdout', l));
        const errLines = opts.onLine === undefined ? undefined : new LineSplitter((l) => opts.onLine('stderr', l));
        const onAbort = () => abort();
        const abort = hostProcess({ file, args, input: opts.input ?? '', ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) }, {
            onChunk: (stream, b) => {
                (stream === 'stdout' ? out : err).push(b);
                (stream === 'stdout' ? outLines : errLines)?.push(b);
            },
            onEnd: (end) => {
                opts.signal?.removeEventListener('abort', onAbort);
                outLines?.end();
                errLines?.end();
                if (end.spawnError !== undefined) {
                    err.push(Buffer.from(`${file}: ${end.spawnError}\n`));
                    resolve(result(-1));
                }
                else if (end.killedFor !== undefined) {
                    resolve(result(-1, { timedOut: end.killedFor === 'timeout', aborted: end.killedFor === 'abort' }));
                }
                else {
                    const signal = end.signal;
                    resolve(result(end.code ?? 128 + (signal === null ? 0 : external_node_os_.constants.signals[signal])));
                }
            },
        });
        opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
}

// EXTERNAL MODULE: ./lib/remote/ssh-options.js
var ssh_options = __webpack_require__(2147);
;// CONCATENATED MODULE: ./lib/remote/host-keys.js
// Tells a host-key failure from an unreachable worker without reading ssh's stderr: ssh exits
// 255 for both. Run only after a 255: look the host up in the known_hosts files ssh was given,
// and if it has entries, compare them with the key the worker presents now (ssh-keyscan).





/** How known_hosts names a host: `ip`, or `[ip]:port` off port 22. */
function knownHostsName(target) {
    const port = (0,ssh_options/* sshPort */.aP)(target.port);
    const host = target.host.trim();
    return port === 22 ? host : `[${host}]:${port}`;
}
/** The user known_hosts files ssh checks: the configured ones, or ssh's defaults. */
function userKnownHosts(target) {
    const own = (0,ssh_options/* knownHostsFiles */.Q4)(target);
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
    const scan = await runProcess('ssh-keyscan', ['-T', String(timeoutSeconds), '-p', String((0,ssh_options/* sshPort */.aP)(target.port)), target.host.trim()], { timeoutMs: (timeoutSeconds + 2) * 1000 });
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
/**
 * The host-key problem ssh reported in its stderr, for a host ssh-keyscan cannot reach (behind a
 * bastion): the warning of a changed key, or strict checking without a known key.
 */
function hostKeyProblemIn(stderr) {
    if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(stderr))
        return 'changed';
    if (/host key is known for .* strict checking|Host key verification failed/.test(stderr))
        return 'unknown';
    return undefined;
}

// EXTERNAL MODULE: ./lib/remote/result.js
var remote_result = __webpack_require__(2293);
// EXTERNAL MODULE: ./lib/remote/rsync.js
var rsync = __webpack_require__(1827);
// EXTERNAL MODULE: ./lib/remote/shell-quote.js
var shell_quote = __webpack_require__(2197);
;// CONCATENATED MODULE: ./lib/remote/script.js
// Pure builders of a worker command (deploy.md §18.2): a bash script fed to `bash -s` on ssh's
// stdin, or (scripts that hold no secret) carried base64-encoded in the command itself, which saves
// a round trip per call: ssh sends stdin only after the remote command has started. Either way the
// remote login shell parses only a fixed, quote-free command, never the script.


const DEFAULT_REMOTE_TIMEOUT_SECONDS = 300;
/** The single remote-command argument ssh sends: `timeout 300 bash -s` (sudo -E when use_sudo). */
function remoteShellCommand(opts) {
    const shell = opts.useSudo ? 'sudo -E bash -s' : 'bash -s';
    return `timeout ${opts.timeoutSeconds} ${shell}`;
}
/** Longest script carried in the command (base64): far below Linux's 128 KiB limit for one argument. */
const INLINE_SCRIPT_MAX_BYTES = 32 * 1024;
/**
 * The remote command that runs `script` with nothing on stdin: `timeout 300 bash -c 'eval "$(echo
 * <base64> | base64 -d)"'`. Only base64's alphabet varies, so any login shell (sh, bash, zsh, fish,
 * csh) passes it to bash unchanged. The command line is visible to the worker's `ps`: never a script
 * with secrets in it.
 */
function inlineShellCommand(opts, script) {
    const shell = opts.useSudo ? 'sudo -E bash -c' : 'bash -c';
    return `timeout ${opts.timeoutSeconds} ${shell} 'eval "$(echo ${Buffer.from(script, 'utf8').toString('base64')} | base64 -d)"'`;
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

// EXTERNAL MODULE: ./lib/remote/handshake.js
var handshake = __webpack_require__(3971);
;// CONCATENATED MODULE: ./lib/remote/executor.js
// The one place that runs ssh and rsync against workers. It owns a private 0700 directory for
// ControlMaster sockets (one master per user/host/port, shared by commands and rsync), and
// close() ends every master and removes the directory.


















/**
 * The control socket of user@host:port in `dir`, named here rather than with ssh's %C so that its
 * appearance can be awaited and hooks can find it (maand.py's run_ssh computes the same name).
 */
function controlSocket(dir, user, host, port) {
    return (0,external_node_path_.join)(dir, `h${(0,external_node_crypto_.createHash)('sha256').update(`${user}@${host.trim()}:${(0,ssh_options/* sshPort */.aP)(port)}`).digest('hex').slice(0, 20)}`);
}
/** `user@host[:port]` of a hop for messages. */
function jumpName(hop) {
    const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
    return `${hop.user}@${host}${(0,ssh_options/* sshPort */.aP)(hop.port) === 22 ? '' : `:${(0,ssh_options/* sshPort */.aP)(hop.port)}`}`;
}
/**
 * The master socket of the last hop of `chain`: named after the whole chain, since the same bastion
 * reached through different hops is a different connection (and never a worker's own socket).
 */
function bastionSocket(dir, chain) {
    const key = chain.map((h) => `${h.user}@${h.host.trim()}:${(0,ssh_options/* sshPort */.aP)(h.port)}`).join(',');
    return (0,external_node_path_.join)(dir, `b${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 20)}`);
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
    /** Per bastion socket: its master being started (undefined: up), or the failure of that start. */
    #bastions = new Map();
    /** Handshakes that open a connection from this machine (direct workers, first bastions). */
    #startups;
    /** Handshakes inside a bastion's connection (a forwarded channel, no new connection to any sshd it passes). */
    #tunnelledStartups;
    #closed = false;
    #dropExitCleanup;
    constructor(controlDir, opts) {
        this.controlDir = controlDir;
        this.#dropExitCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => this.#closeSync());
        this.#ssh = opts.ssh ?? {};
        this.#sshProgram = opts.sshProgram ?? 'ssh';
        this.#rsyncProgram = opts.rsyncProgram ?? 'rsync';
        this.#startups = new handshake/* StartupLimiter */.aj(opts.maxStartups ?? 10);
        this.#tunnelledStartups = new handshake/* StartupLimiter */.aj((0,handshake/* tunnelledStartupLimit */.cb)(opts.maxStartups ?? 10));
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
        const { jumps, ...rest } = worker;
        const via = (jumps ?? []).map((hop, i) => ({ ...hop, controlPath: bastionSocket(this.controlDir, jumps.slice(0, i + 1)) }));
        return { ...rest, controlPath: controlSocket(this.controlDir, worker.user, worker.host, worker.port), ...(via.length > 0 ? { via } : {}) };
    }
    /**
     * Makes sure every bastion in front of `worker` has its ControlMaster up, first hop first, each
     * started once per run however many workers ride it. The first hop that cannot be used, or
     * undefined when all are up (or the worker is direct).
     */
    reachBastions(worker, signal) {
        return this.#reachChain(this.target(worker), signal);
    }
    async #reachChain(target, signal) {
        const via = target.via ?? [];
        for (let i = 0; i < via.length; i++) {
            const hop = via[i];
            let started = this.#bastions.get(hop.controlPath);
            const settled = started === undefined ? undefined : await started;
            // a master that ended since (idle past ControlPersist, or killed) is started again
            if (started === undefined || (settled === undefined && !(0,external_node_fs_.existsSync)(hop.controlPath))) {
                started = this.#startBastion(target, via.slice(0, i + 1), signal);
                this.#bastions.set(hop.controlPath, started);
            }
            const failure = await started;
            if (failure !== undefined)
                return failure;
        }
        return undefined;
    }
    async #startBastion(worker, chain, signal) {
        const hop = chain.at(-1);
        const { via: _worker, ...reach } = worker;
        const target = { ...reach, user: hop.user, host: hop.host, port: hop.port, controlPath: hop.controlPath, ...(chain.length > 1 ? { via: chain.slice(0, -1) } : {}) };
        const args = (0,ssh_options/* bastionMasterArgs */.mm)(worker, chain, this.#ssh);
        const timeoutMs = ((this.#ssh.connectTimeoutSeconds ?? ssh_options/* DEFAULT_SSH_OPTIONS */.Uy.connectTimeoutSeconds) + 10) * 1000;
        const r = await this.#run('command', target, this.#sshProgram, args, { timeoutMs, bastionStart: true, ...(signal ? { signal } : {}) });
        return r.exitCode === 0 ? undefined : { hop: jumpName(hop), result: { ...r, hop: jumpName(hop) } };
    }
    /**
     * A byte stream to host:port opened by the last bastion in front of `worker` (a channel of its
     * master): health probes reach a worker's ports the way the runner would on a flat network.
     */
    forward(worker, host, port) {
        const via = this.target(worker).via;
        if (via === undefined)
            throw new errors/* InternalError */.Gd('forward() needs a worker behind a bastion');
        return (0,external_node_child_process_.spawn)(this.#sshProgram, (0,ssh_options/* forwardArgs */.Ls)(worker, via, host, port, this.#ssh), { stdio: ['pipe', 'pipe', 'pipe'] });
    }
    /**
     * Runs `script` with `bash -s` on the worker (deploy.md §18.2), or, with `inline` and a script up to
     * INLINE_SCRIPT_MAX_BYTES, carried in the command (one round trip less; see script.ts).
     */
    async runScript(worker, script, opts = {}) {
        const target = this.target(worker);
        const shell = { useSudo: opts.useSudo === true, timeoutSeconds: opts.remoteTimeoutSeconds ?? DEFAULT_REMOTE_TIMEOUT_SECONDS };
        const remote = remoteShellCommand(shell);
        const inline = opts.inline === true && Buffer.byteLength(script, 'utf8') <= INLINE_SCRIPT_MAX_BYTES;
        const args = (0,ssh_options/* sshArgs */.KY)(target, inline ? inlineShellCommand(shell, script) : remote, this.#ssh);
        const timeoutMs = opts.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_SECONDS * 1000;
        const { inline: _, ...rest } = opts;
        return this.#run('command', target, this.#sshProgram, args, {
            ...rest, timeoutMs, input: inline ? '' : script,
            // messages show the command as `bash -s` either way (the remote command is the last argument),
            // not kilobytes of base64
            ...(inline ? { summaryArgv: [this.#sshProgram, ...args.slice(0, -1), remote] } : {}),
        });
    }
    /**
     * Runs command lines under `set -e -u` with `env` exported first. Without `env` (which may hold
     * secrets) the script travels in the command (runScript's `inline`).
     */
    run(worker, commands, opts = {}) {
        const secretFree = opts.env === undefined || Object.keys(opts.env).length === 0;
        return this.runScript(worker, workerScript(commands, opts.env), { ...opts, inline: secretFree });
    }
    /** Runs rsync (deploy.md §11.2) over the worker's shared ssh connection. */
    async rsync(worker, req, opts = {}) {
        const target = this.target(worker);
        const args = (0,rsync/* rsyncArgs */.ju)({ ...req, target, ssh: this.#ssh });
        const r = await this.#run('rsync', target, this.#rsyncProgram, args, opts);
        // A transport that dies mid-stream (e.g. its ControlMaster lost the worker) makes rsync exit 12
        // instead of ssh's 255: ask ssh itself whether the worker is reachable, and report that.
        if (r.exitCode === RSYNC_STREAM_ERROR && !r.timedOut && !r.aborted) {
            const probe = await this.runScript(worker, 'true', { timeoutMs: 20_000, ...(opts.signal ? { signal: opts.signal } : {}) });
            if (probe.exitCode === remote_result/* SSH_FAILED */.P8)
                return { ...r, exitCode: remote_result/* SSH_FAILED */.P8, stderr: `${r.stderr}${probe.stderr}`, ...(probe.hostKeyProblem ? { hostKeyProblem: probe.hostKeyProblem } : {}) };
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
        let gateOpen;
        try {
            // a bastion's own start is reached by reachChain itself, hop by hop
            if (target.via !== undefined && opts.bastionStart !== true) {
                const failure = await this.#reachChain(target, signal);
                if (failure !== undefined)
                    return { ...failure.result, kind, argv: [program, ...args], summary: (0,remote_result/* summarizeArgv */.q6)([program, ...args]), hop: failure.hop };
            }
            // Commands started together before a worker's first connection is up would each log in and
            // race to become its ControlMaster: the first one connects, the others wait for its socket.
            const gate = this.#firstContact.get(target.controlPath);
            if (gate === undefined)
                this.#firstContact.set(target.controlPath, new Promise((open) => (gateOpen = open)));
            else
                await gate;
            const { bastionStart: _, summaryArgv: _summary, ...processOpts } = opts;
            const start = () => runProcess(program, args, { ...processOpts, signal });
            const limiter = target.via === undefined ? this.#startups : this.#tunnelledStartups;
            p = (0,external_node_fs_.existsSync)(target.controlPath) ? await start() : await this.#handshake(target.controlPath, limiter, start, signal, () => gateOpen?.());
        }
        finally {
            gateOpen?.();
            this.#running.delete(own);
        }
        const argv = [program, ...args];
        const result = {
            ...p,
            kind,
            host: target.host.trim(),
            port: (0,ssh_options/* sshPort */.aP)(target.port),
            argv,
            summary: (0,remote_result/* summarizeArgv */.q6)(opts.summaryArgv ?? argv),
            knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
            knownHostsName: knownHostsName(target),
            ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
            ...(target.via === undefined ? {} : { through: jumpName(target.via.at(-1)) }),
        };
        if (p.exitCode === remote_result/* SSH_FAILED */.P8 && !p.timedOut && !p.aborted) {
            // ssh-keyscan has no way through a bastion: behind one, ssh's own fatal line says it
            const problem = target.via === undefined ? await diagnoseHostKey(target) : hostKeyProblemIn(p.stderr);
            if (problem !== undefined)
                result.hostKeyProblem = problem;
        }
        return result;
    }
    /**
     * Runs a command that has to log in (no master socket yet) within `limiter`'s startup limit; the
     * slot is freed once the master is up (or the command ended). A failure before authentication
     * is tried again after a backoff (handshake.ts). `onUp` runs once the socket exists or the last
     * attempt ended.
     */
    async #handshake(path, limiter, start, signal, onUp) {
        const limitMs = ((this.#ssh.connectTimeoutSeconds ?? ssh_options/* DEFAULT_SSH_OPTIONS */.Uy.connectTimeoutSeconds) + 5) * 1000;
        for (let attempt = 1;; attempt++) {
            const release = await limiter.acquire();
            const running = start();
            // frees the slot as soon as the master is up; nothing here can fail the command itself
            socketReady(path, running, limitMs)
                .then(() => {
                release();
                if ((0,external_node_fs_.existsSync)(path))
                    onUp();
            })
                .catch(() => release());
            const p = await running;
            release();
            if (attempt >= handshake/* MAX_HANDSHAKE_ATTEMPTS */.af || signal.aborted || !(0,handshake/* retryableHandshake */.GT)(p))
                return p;
            await (0,external_node_timers_promises_.setTimeout)((0,handshake/* handshakeBackoffMs */.On)(attempt));
        }
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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./lib/remote/child-stream.js

const STDERR_KEEP = 4096;
/**
 * Reads what the child writes to stdout and writes to its stdin. The stream ends only once the
 * child has exited and every byte it wrote was pushed: its 'exit' can come before its stdout is
 * read (a server that answers and closes), and ending then lost the answer. A child that fails
 * destroys the stream with its last stderr line (ssh's reason); destroying the stream stops it.
 */
function childStream(child, what) {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
        stderr = (stderr + d).slice(-STDERR_KEEP);
    });
    // the child may exit before it read all we wrote: its exit status tells what happened, not EPIPE
    child.stdin.on('error', () => { });
    const stream = new external_node_stream_.Duplex({
        read() {
            child.stdout.resume();
        },
        write(chunk, _encoding, done) {
            if (child.stdin.writable)
                child.stdin.write(chunk);
            done();
        },
        final(done) {
            child.stdin.end();
            done();
        },
        destroy(err, done) {
            if (child.exitCode === null && child.signalCode === null)
                child.kill();
            done(err);
        },
    });
    child.stdout.on('data', (chunk) => {
        if (!stream.push(chunk))
            child.stdout.pause();
    });
    child.once('error', (e) => stream.destroy(new Error(`${what}: ${e.message}`)));
    child.once('close', (code, signal) => {
        if (stream.destroyed)
            return;
        if (code === 0) {
            stream.push(null);
            return;
        }
        const line = stderr.trim().split('\n').at(-1)?.trim();
        stream.destroy(new Error(`${what}: ${line || (signal !== null ? `killed by ${signal}` : `exit status ${code}`)}`));
    });
    return stream;
}

// EXTERNAL MODULE: ./lib/remote/proxy-jump.js
var proxy_jump = __webpack_require__(5179);
;// CONCATENATED MODULE: ./lib/remote/hook-ssh.js
// The hook variables that let a hook's maand.run_ssh reach workers exactly as the run does
// (issue 15): the run's ssh options (host-key policy and known_hosts of decision Q28, key, port),
// the user, and the directory of the run's ControlMaster sockets (socket names: executor.ts
// controlSocket, which maand.py computes the same way).

function hookSshEnvironment(reach, controlDir, proxies = {}) {
    return {
        // per worker behind a bastion: the ProxyCommand riding the run's bastion master (issue 14)
        ...(Object.keys(proxies).length > 0 ? { MAAND_SSH_PROXY: JSON.stringify(proxies) } : {}),
        MAAND_SSH_CONTROL_DIR: controlDir,
        MAAND_SSH_OPTIONS: JSON.stringify((0,ssh_options/* hookSshOptionArgs */._g)(reach)),
        MAAND_SSH_USER: reach.user,
        MAAND_SSH_PORT: String((0,ssh_options/* sshPort */.aP)(reach.port)),
    };
}

// EXTERNAL MODULE: ./lib/remote/errors.js
var remote_errors = __webpack_require__(7791);
;// CONCATENATED MODULE: ./lib/deploy/openssh-remote.js
// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.











/**
 * The deploy's remote access; `executor` is shared with health-check ssh probes (same ControlMasters);
 * `hookEnv` lets hooks' maand.run_ssh use the same masters and exactly these ssh options.
 */
async function openssh_remote_openSshRemote(paths, conf, access, 
/** The catalog's workers and their own proxy_jump (undefined: not set); decides each worker's bastions. */
workers = new Map()) {
    const s = (0,maand_conf/* sshSettings */.OA)(conf);
    const keyFile = access.keyFile ?? (0,external_node_path_.join)(paths.secretsDir, s.keyName);
    const exec = await RemoteExecutor.create({ maxStartups: s.maxStartups, ...(access.tmpDir ? { tmpDir: access.tmpDir } : {}) });
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
    const jumpsOf = workerJumps(s, access.proxyJump, workers);
    const target = (ip) => {
        const jumps = jumpsOf(ip);
        return { host: ip, ...reach, ...(jumps.length > 0 ? { jumps } : {}) };
    };
    const explain = (r) => {
        const failure = (0,remote_result/* failureOf */.g5)(r);
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: (0,remote_errors/* remoteFailureMessage */.a)(r, failure) } : {}) };
    };
    // WorkerRemote's contract: a failure is a result, never a throw (see WorkerLink).
    const keyFailure = () => {
        const problem = checkKey();
        return problem === undefined ? undefined : { exitCode: -1, stdout: '', stderr: '', message: problem };
    };
    let missingTool = null;
    const remote = {
        async preflight() {
            missingTool ??= ['ssh', 'rsync'].map(missingProgram).find((m) => m !== undefined);
            const local = checkKey() ?? missingTool;
            if (local !== undefined)
                return local;
            // every bastion of the catalog's workers, once: one that is down fails the run before a change
            const chains = new Map();
            for (const ip of workers.keys()) {
                const t = target(ip);
                if (t.jumps !== undefined)
                    chains.set(JSON.stringify(t.jumps), t);
            }
            for (const t of chains.values()) {
                const failure = await exec.reachBastions(t);
                if (failure !== undefined)
                    return explain(failure.result).message;
            }
            return undefined;
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
        bastionRoute: {
            behindBastion: (ip) => jumpsOf(ip).length > 0,
            ready: async (ip) => {
                await exec.reachBastions(target(ip));
            },
            open: (ip, host, port) => childStream(exec.forward(target(ip), host, port), `forward to ${host}:${port} through the bastion`),
        },
        close: () => exec.close(),
    };
    const proxies = Object.fromEntries([...workers.keys()].map((ip) => [ip, (0,ssh_options/* workerProxyArgs */.Gq)(exec.target(target(ip)))]).filter(([, a]) => a.length > 0));
    return { remote, executor: exec, hookEnv: hookSshEnvironment(reach, exec.controlDir, proxies) };
}
/**
 * Each worker's bastions (decision Q37): its own workers.json proxy_jump, else the Action's
 * ssh-proxy-jump, else maand.conf ssh_proxy_jump; '' is direct. A hop without a user logs in as
 * ssh_user. The values were validated when read; parsing again only resolves them.
 */
function workerJumps(s, input, workers) {
    const parsed = new Map();
    return (ip) => {
        const spec = workers.get(ip) ?? input ?? s.proxyJump;
        let jumps = parsed.get(spec);
        if (jumps === undefined) {
            jumps = (0,proxy_jump/* parseProxyJump */.uo)(spec, 'ssh proxy jump').map((h) => ({ user: h.user ?? s.user, host: h.host, port: h.port }));
            parsed.set(spec, jumps);
        }
        return jumps;
    };
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
        const { remote, hookEnv } = await openssh_remote_openSshRemote((0,paths/* bucketPaths */.Z)(run.root), run.conf, o.ssh, (0,worker_proxy/* workerProxyJumps */.G)(run.db));
        // hooks' maand.run_ssh uses the run's ssh options and ControlMasters (already host-key checked)
        return linkRun(run, remote, { ...(o.hookEnv ?? {}), ...hookEnv });
    };
}
/**
 * connectRun for engine runs that follow each other (drift detection, then its correction): the first
 * run opens the ssh remote and the later ones reuse it, so each bastion and worker is logged in to
 * once for all of them (issue 14). A run's own close leaves the remote open; close() here ends it.
 */
function connectShared(o) {
    let opened;
    return {
        connect: async (run) => {
            opened ??= openSshRemote(bucketPaths(run.root), run.conf, o.ssh, workerProxyJumps(run.db));
            const { remote, hookEnv } = await opened;
            return linkRun(run, { ...remote, close: async () => { } }, { ...(o.hookEnv ?? {}), ...hookEnv });
        },
        close: async () => {
            const pending = opened;
            opened = undefined;
            if (pending !== undefined)
                await (await pending).remote.close();
        },
    };
}
/**
 * The links of one run over a given WorkerRemote: the hooks' runtime API and runner, and health checks
 * probing through `remote`. `remote` is closed with the links, or here when the runtime API fails to start.
 */
async function linkRun(run, remote, hookEnv) {
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
        env: hookEnv,
        onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}`, source: 'hook' }),
        ...(run.signal ? { signal: run.signal } : {}),
    };
    return {
        remote,
        hooks: hookPort(hookContext),
        health: healthPort({ ...hookContext, sshProbe: (ip, command, opts) => remote.probe(ip, command, opts), ...(remote.bastionRoute ? { bastionRoute: remote.bastionRoute } : {}) }, run.emit),
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
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
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
            const res = await get(current, signal, s.open);
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
function get(url, signal, open) {
    const https = url.protocol === 'https:';
    const request = https ? external_node_https_.request : external_node_http_.request;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port || (https ? 443 : 80));
    // through a bastion: HTTP (and TLS, verified as usual) over the forwarded stream
    const createConnection = open === undefined ? undefined : () => {
        const stream = open(host, port);
        return https ? (0,external_node_tls_.connect)({ socket: stream, ...((0,external_node_net_.isIP)(host) === 0 ? { servername: host } : {}) }) : stream;
    };
    return new Promise((resolve, reject) => {
        // createConnection is only used without an agent; agent: false otherwise (no keep-alive pool)
        const how = createConnection === undefined ? { agent: false } : { createConnection };
        const req = request(url, { method: 'GET', signal, ...how }, (res) => {
            res.on('error', reject);
            res.on('end', () => resolve(res));
            res.resume();
        });
        req.on('error', reject);
        req.end();
    });
}
/**
 * The tcp probe of a worker the runner has no route to: the connect runs on the worker itself
 * (bash's /dev/tcp, over the run's ssh connection), so it tests the same address and port.
 */
async function tcpProbeOnWorker(ip, port, timeoutMs, run) {
    const where = `tcp ${hostPort(ip, port)}`;
    const host = (0,external_node_net_.isIPv6)(ip) ? `[${ip}]` : ip;
    const r = await run(`exec 3<>/dev/tcp/${host}/${port}`);
    if (r.exitCode === 0 && !r.timedOut)
        return undefined;
    if (r.timedOut)
        return `${where}: i/o timeout after ${timeoutMs}ms`;
    if (r.message !== undefined)
        return `${where}: ${r.message}`;
    const line = r.stderr.split('\n').find((l) => l.includes('connect:')) ?? r.stderr.trim();
    return `${where}: ${line.replace(/^.*connect: /, 'connect: ')}`;
}

// EXTERNAL MODULE: ./lib/deploy/causes.js
var causes = __webpack_require__(1147);
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
        const error = new HealthCheckError(job, (0,causes/* jobCause */.hP)(job, text));
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
    const route = ctx.bastionRoute?.behindBastion(ip) === true ? ctx.bastionRoute : undefined;
    if (c.type === 'tcp') {
        label = `tcp ${c.port}`;
        const port = ports.get(c.port);
        const runner = ctx.sshProbe;
        error = route !== undefined && runner !== undefined
            ? await tcpProbeOnWorker(ip, port, timeoutMs, (command) => runner(ip, command, { timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) }))
            : await tcpProbe(ip, port, timeoutMs, ctx.signal);
    }
    else if (c.type === 'http') {
        label = `http ${c.port} ${c.path}`;
        await route?.ready(ip);
        const open = route === undefined ? {} : { open: (host, port) => route.open(ip, host, port) };
        error = await httpProbe({ ip, port: ports.get(c.port), path: c.path, scheme: c.scheme, expectStatus: c.expectStatus, timeoutMs, signal: ctx.signal, ...open });
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

/***/ 2185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ lastChange),
/* harmony export */   F9: () => (/* binding */ recordJob),
/* harmony export */   JH: () => (/* binding */ finishRun),
/* harmony export */   Te: () => (/* binding */ beginRun),
/* harmony export */   Z7: () => (/* binding */ lastChangedJobs),
/* harmony export */   j8: () => (/* binding */ releaseAt),
/* harmony export */   mN: () => (/* binding */ runExists),
/* harmony export */   tw: () => (/* binding */ hasHistory),
/* harmony export */   ty: () => (/* binding */ recordRelease),
/* harmony export */   v: () => (/* binding */ listRuns),
/* harmony export */   w0: () => (/* binding */ releasesOf),
/* harmony export */   w5: () => (/* binding */ purgeHistory)
/* harmony export */ });
/* unused harmony export ensureHistoryTables */
/* harmony import */ var _catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4912);

/** Creates the history tables when missing (the caller holds a transaction or none). */
function ensureHistoryTables(db) {
    for (const ddl of [...Object.values(_catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .HISTORY_TABLES */ .Lx), ..._catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .HISTORY_INDEXES */ .eE])
        db.exec(ddl);
}
function hasHistory(db) {
    return (0,_catalog_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .tablesExist */ .f8)(db, ['deploy_history']);
}
/** Marks runs a killed maand left `running` as interrupted, then records a new run; its deploy id. */
function beginRun(db, command, origin, now) {
    ensureHistoryTables(db);
    db.prepare("UPDATE deploy_history SET outcome = 'interrupted' WHERE outcome = 'running'").run();
    const r = db.prepare("INSERT INTO deploy_history (started_at, command, trigger, git_commit, outcome) VALUES (?, ?, ?, ?, 'running')").run(now.toISOString(), command, origin.trigger, origin.commit);
    return Number(r.lastInsertRowid);
}
function finishRun(db, deployId, outcome, durationMs) {
    db.prepare('UPDATE deploy_history SET outcome = ?, duration_ms = ? WHERE deploy_id = ?').run(outcome, durationMs, deployId);
}
function recordJob(db, deployId, j) {
    db.prepare(`INSERT INTO deploy_history_jobs (deploy_id, job, version, plan_hash, allocations_changed, outcome) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job) DO UPDATE SET version = excluded.version, plan_hash = excluded.plan_hash,
     allocations_changed = excluded.allocations_changed, outcome = excluded.outcome`).run(deployId, j.job, j.version, j.planHash, j.allocationsChanged, j.outcome);
}
/** The allocation runs `releaseId` from now on (written in the same checkpoint as its promotion). */
function recordRelease(db, r) {
    db.prepare(`INSERT INTO deploy_history_allocations (deploy_id, job, alloc_id, worker_ip, release_id, hash, files, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job, alloc_id) DO UPDATE SET release_id = excluded.release_id, hash = excluded.hash, files = excluded.files, version = excluded.version`).run(r.deployId, r.job, r.allocId, r.workerIp, r.releaseId, r.hash, r.files, r.version);
}
function toRelease(r) {
    return {
        deployId: Number(r['deploy_id']), job: String(r['job']), allocId: String(r['alloc_id']), workerIp: String(r['worker_ip']), releaseId: Number(r['release_id']),
        hash: String(r['hash']), files: r['files'] === null ? null : String(r['files']), version: String(r['version']),
    };
}
/** What the allocation ran after run `atOrBefore` (the latest promotion up to it); undefined when none. */
function releaseAt(db, job, allocId, atOrBefore) {
    if (!hasHistory(db))
        return undefined;
    const r = db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? AND deploy_id <= ? ORDER BY deploy_id DESC LIMIT 1').get(job, allocId, atOrBefore);
    return r ? toRelease(r) : undefined;
}
/** Releases an allocation ran, newest first (what pruning must keep). */
function releasesOf(db, job, allocId) {
    if (!hasHistory(db))
        return [];
    return db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? ORDER BY deploy_id DESC').all(job, allocId).map(toRelease);
}
/** The newest run of one of `commands` that changed `job` (promoted new bytes on an allocation of it). */
function lastChange(db, job, commands) {
    if (!hasHistory(db))
        return undefined;
    const r = db
        .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.job = ? AND a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
        .get(job, ...commands);
    return r.id ?? undefined;
}
/** Jobs the newest run of one of `commands` that promoted new bytes changed, with that run's id. */
function lastChangedJobs(db, commands) {
    if (!hasHistory(db))
        return undefined;
    const r = db
        .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
        .get(...commands);
    if (r.id === null)
        return undefined;
    const jobs = db.prepare('SELECT DISTINCT job FROM deploy_history_allocations WHERE deploy_id = ? AND release_id = deploy_id ORDER BY job').all(r.id).map((x) => x.job);
    return { deployId: r.id, jobs };
}
function runExists(db, deployId) {
    return hasHistory(db) && db.prepare('SELECT 1 FROM deploy_history WHERE deploy_id = ?').get(deployId) !== undefined;
}
/** Runs newest first; with `jobs`, only runs that touched one of them (their other jobs left out). */
function listRuns(db, opts = {}) {
    if (!hasHistory(db))
        return [];
    const jobs = opts.jobs ?? [];
    const filter = jobs.length > 0 ? `WHERE deploy_id IN (SELECT deploy_id FROM deploy_history_jobs WHERE job IN (${jobs.map(() => '?').join(', ')}))` : '';
    const limit = opts.limit !== undefined && opts.limit > 0 ? ` LIMIT ${Math.floor(opts.limit)}` : '';
    const runs = db.prepare(`SELECT * FROM deploy_history ${filter} ORDER BY deploy_id DESC${limit}`).all(...jobs);
    const jobStmt = db.prepare('SELECT * FROM deploy_history_jobs WHERE deploy_id = ? ORDER BY job');
    return runs.map((r) => ({
        deployId: Number(r['deploy_id']), startedAt: String(r['started_at']), durationMs: r['duration_ms'] === null ? null : Number(r['duration_ms']),
        command: String(r['command']), trigger: String(r['trigger']), gitCommit: String(r['git_commit']), outcome: String(r['outcome']),
        jobs: jobStmt.all(Number(r['deploy_id']))
            .filter((j) => jobs.length === 0 || jobs.includes(String(j['job'])))
            .map((j) => ({ job: String(j['job']), version: String(j['version']), planHash: String(j['plan_hash']), allocationsChanged: Number(j['allocations_changed']), outcome: String(j['outcome']) })),
    }));
}
/**
 * Keeps the newest `retain` runs. A promotion an allocation still runs from is kept with its run's
 * rows gone (rollback must know what runs); returns the number of runs deleted.
 */
function purgeHistory(db, retain) {
    if (!hasHistory(db))
        return 0;
    const cut = db.prepare('SELECT deploy_id FROM deploy_history ORDER BY deploy_id DESC LIMIT 1 OFFSET ?').get(Math.max(0, retain));
    if (!cut)
        return 0;
    const n = Number(db.prepare('DELETE FROM deploy_history WHERE deploy_id <= ?').run(cut.deploy_id).changes);
    db.prepare('DELETE FROM deploy_history_jobs WHERE deploy_id <= ?').run(cut.deploy_id);
    db.prepare(`DELETE FROM deploy_history_allocations WHERE deploy_id <= ? AND deploy_id < (SELECT MAX(b.deploy_id) FROM deploy_history_allocations b
     WHERE b.job = deploy_history_allocations.job AND b.alloc_id = deploy_history_allocations.alloc_id)`).run(cut.deploy_id);
    return n;
}


/***/ }),

/***/ 7791:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ remoteFailureMessage),
/* harmony export */   q: () => (/* binding */ unreachableHint)
/* harmony export */ });
/* harmony import */ var _handshake_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3971);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2293);
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
/** A bastion that failed, named as the hop it is (issue 14); the worker behind it was never tried. */
function hopFailureMessage(r, failure) {
    const b = `bastion ${r.hop}`;
    const files = r.knownHosts.join(', ');
    const next = 'check ssh_proxy_jump (maand.conf, the ssh-proxy-jump input or the worker\'s proxy_jump) and the bastion, then run maand deploy again';
    switch (failure) {
        case 'host-key-changed':
            return `${b}: host key changed (ssh exit 255): the key it presents is not the one recorded for ${r.knownHostsName} in ${files}; if the bastion was reinstalled, remove the old key with 'ssh-keygen -R ${r.knownHostsName}', then run maand deploy again`;
        case 'host-key-unknown':
            return `${b}: host key unknown (ssh exit 255): no key for ${r.knownHostsName} in ${files} and host key checking is strict; add the bastion's key to the known hosts, then run maand deploy again`;
        case 'timeout':
            return `${b}: no connection within ${seconds(r.timeoutMs ?? 0)} s; ${next}`;
        case 'aborted':
            return `${b}: connection cancelled`;
        default:
            return `${withReason(`${b} unreachable (ssh exit ${r.exitCode})`, (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .stderrTail */ .be)(r))}; ${next}`;
    }
}
/** What to do about an ssh exit 255: a refused login points at ssh_user and the key, not at the network. */
function unreachableHint(sshOutput) {
    return /Permission denied \(publickey/.test(sshOutput)
        ? 'the worker refused the login: check ssh_user and the ssh key (maand.conf ssh_user, ssh_key), then run maand deploy again'
        : 'check the host, its ssh_port and known_hosts, then run maand deploy again';
}
function remoteFailureMessage(r, failure) {
    if (r.hop !== undefined)
        return hopFailureMessage({ ...r, hop: r.hop }, failure);
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
            if (r.through !== undefined) {
                // the bastion's own line (`channel 0: open failed: connect failed: …`) says why, not ssh's last one
                const why = (0,_handshake_js__WEBPACK_IMPORTED_MODULE_1__/* .channelOpenFailure */ .wg)(r.stderr) ?? (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .stderrTail */ .be)(r);
                return `${withReason(`${w} unreachable through bastion ${r.through} (ssh exit 255)`, why)}; check the host, its ssh_port, that the bastion can reach it and allows TCP forwarding (AllowTcpForwarding), then run maand deploy again`;
            }
            return `${withReason(`${w} unreachable (ssh exit 255)`, (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .stderrTail */ .be)(r))}; ${unreachableHint(r.stderr)}`;
        case 'timeout':
            return (`${w}: ${what(r)} timed out after ${seconds(r.timeoutMs ?? 0)} s and was killed; ` +
                `check what it waits for on the worker, then run maand deploy again`);
        case 'aborted':
            return `${w}: ${what(r)} cancelled`;
        case 'exit':
            return r.kind === 'rsync'
                ? withReason(`${w}: rsync failed (exit ${r.exitCode})`, (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .rsyncReason */ .WN)(r))
                : withReason(`${w}: command execution failed (exit ${r.exitCode})`, (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .stderrTail */ .be)(r));
    }
}


/***/ }),

/***/ 3971:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GT: () => (/* binding */ retryableHandshake),
/* harmony export */   On: () => (/* binding */ handshakeBackoffMs),
/* harmony export */   af: () => (/* binding */ MAX_HANDSHAKE_ATTEMPTS),
/* harmony export */   aj: () => (/* binding */ StartupLimiter),
/* harmony export */   cb: () => (/* binding */ tunnelledStartupLimit),
/* harmony export */   wg: () => (/* binding */ channelOpenFailure)
/* harmony export */ });
/* unused harmony export TUNNELLED_STARTUPS */
const MAX_HANDSHAKE_ATTEMPTS = 3;
/** Dropped or stalled before authentication: sshd at MaxStartups, a flaky middlebox, a slow host. */
const TRANSIENT = /kex_exchange_identification|ssh_exchange_identification|banner exchange|Connection reset by peer|Connection timed out|Operation timed out/i;
/** Never retried: the answer will not change. */
const FINAL = /Permission denied|Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|host key is known for|open failed|forwarding (request )?failed|Could not resolve hostname/i;
/** True when `p` is an ssh exit 255 that failed before logging in and may succeed if tried again. */
function retryableHandshake(p) {
    if (p.exitCode !== 255 || p.timedOut || p.aborted)
        return false;
    return TRANSIENT.test(p.stderr) && !FINAL.test(p.stderr);
}
/** Backoff before attempt `attempt + 1`: 250 ms, 1 s, … with up to 50 % jitter (so retries do not collide again). */
function handshakeBackoffMs(attempt) {
    const base = 250 * 4 ** (attempt - 1);
    return Math.round(base * (1 + Math.random() * 0.5));
}
/**
 * The line saying a bastion could not open the channel to the worker (the master's client prints
 * `Stdio forwarding request failed: …`, a direct -W `channel 0: open failed: …`).
 */
function channelOpenFailure(stderr) {
    return stderr
        .split('\n')
        .map((l) => l.trim())
        .find((l) => /open failed|forwarding (request )?failed/i.test(l));
}
/**
 * Handshakes with workers behind a bastion travel inside the bastion's one connection: they open
 * no connection to the bastion's sshd (its MaxStartups never sees them) and one to each worker's
 * own sshd. They are bounded all the same (each is an ssh process here and a connect by the
 * bastion), but more of them run at once: paced like direct connections, 100 workers 25 ms away
 * took 10 s to reach.
 */
const TUNNELLED_STARTUPS = 64;
function tunnelledStartupLimit(maxStartups) {
    return Math.max(maxStartups, TUNNELLED_STARTUPS);
}
/** A counting semaphore: `acquire` resolves with a release function once a slot is free. */
class StartupLimiter {
    #limit;
    #inFlight = 0;
    #waiting = [];
    constructor(limit) {
        this.#limit = Math.max(1, limit);
    }
    async acquire() {
        if (this.#inFlight >= this.#limit)
            await new Promise((resolve) => this.#waiting.push(resolve));
        else
            this.#inFlight++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.#waiting.shift();
            // the slot passes straight to the next waiter, so the count stays at the limit
            if (next !== undefined)
                next();
            else
                this.#inFlight--;
        };
    }
}


/***/ }),

/***/ 2293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ SSH_FAILED),
/* harmony export */   WN: () => (/* binding */ rsyncReason),
/* harmony export */   be: () => (/* binding */ stderrTail),
/* harmony export */   g5: () => (/* binding */ failureOf),
/* harmony export */   q6: () => (/* binding */ summarizeArgv)
/* harmony export */ });
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


/***/ }),

/***/ 1827:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ju: () => (/* binding */ rsyncArgs),
/* harmony export */   uR: () => (/* binding */ mergeFilterText)
/* harmony export */ });
/* unused harmony exports DEPLOY_EXCLUDES, rsyncShellWord, rshValue, rsyncDestination, parseItemizedLine */
/* harmony import */ var _ssh_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2147);
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
    return ['ssh', ...(0,_ssh_options_js__WEBPACK_IMPORTED_MODULE_0__/* .sshOptionArgs */ .Ni)(target, { ..._ssh_options_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SSH_OPTIONS */ .Uy, ...ssh })].map(rsyncShellWord).join(' ');
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
 * Merge-filter file content (§11.3): sync only the named jobs' trees (none: only the top-level bucket
 * files) and never touch `.tpl` files; retained releases are the worker's (never sent or deleted).
 * Jobs are sorted so the file is deterministic.
 */
function mergeFilterText(jobs) {
    return `- /releases/\n${[...jobs].sort().map((j) => `+ jobs/${j}/\n`).join('')}- jobs/*\n- jobs/**/*.tpl\n`;
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

/***/ 2147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ workerProxyArgs),
/* harmony export */   KY: () => (/* binding */ sshArgs),
/* harmony export */   Ls: () => (/* binding */ forwardArgs),
/* harmony export */   Ni: () => (/* binding */ sshOptionArgs),
/* harmony export */   Q4: () => (/* binding */ knownHostsFiles),
/* harmony export */   Uy: () => (/* binding */ DEFAULT_SSH_OPTIONS),
/* harmony export */   _g: () => (/* binding */ hookSshOptionArgs),
/* harmony export */   aP: () => (/* binding */ sshPort),
/* harmony export */   mm: () => (/* binding */ bastionMasterArgs)
/* harmony export */ });
/* unused harmony exports HOST_KEY_POLICIES, sshDestination */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _shell_quote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2197);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('invalid argument', 'worker IP is required');
    // a leading '-' would make ssh read the host or user as an option
    if (t.host.trim().startsWith('-'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('invalid argument', `worker ${t.host}: invalid host name`);
    if (t.user === '' || t.user.startsWith('-') || t.user.includes('@')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('invalid argument', `worker ${t.host}: invalid ssh user ${JSON.stringify(t.user)}`);
    }
}
/** Stands for ssh's `%h:%p` while a ProxyCommand is built (its literal '%' are doubled first). */
const HOST_PORT = '\u0000hp\u0000';
/**
 * The ProxyCommand that gives ssh a stream to `%h:%p` through `via` (issue 14): a client of the
 * last hop's ControlMaster (`-W`, a forwarded channel, no new login), which itself reaches its
 * hop through the hop before it should the master be gone. ssh expands %-tokens in the value,
 * so a nested command has its '%' doubled once per level.
 */
function proxyCommand(reach, via, opts) {
    const words = ['ssh', ...hopClientArgs(reach, via, opts), '-W', HOST_PORT, hopDestination(via.at(-1))];
    return words.map((w) => (w === HOST_PORT ? w : (0,_shell_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .shq */ .h)(w))).join(' ').replaceAll('%', '%%').replace(HOST_PORT, '%h:%p');
}
/** Options of a client riding the last hop's master (ControlMaster=no: it never becomes one). */
function hopClientArgs(reach, via, opts) {
    const hop = via.at(-1);
    return optionArgs({ ...reach, port: hop.port }, ['-o', 'ControlMaster=no', '-o', `ControlPath=${hop.controlPath}`, ...proxyArgs(reach, via.slice(0, -1), opts)], opts);
}
/** `-o ProxyCommand=…` through `via`, or nothing when direct. */
function proxyArgs(reach, via, opts) {
    return via === undefined || via.length === 0 ? [] : ['-o', `ProxyCommand=${proxyCommand(reach, via, opts)}`];
}
function hopDestination(hop) {
    return `${hop.user}@${hop.host}`;
}
/**
 * Argv after `ssh` that makes hop `via.at(-1)` the run's master for it: logs in (through the hops
 * before it), forks into the background once authenticated (`-f`; the foreground exits 0) and
 * serves the channels of every worker behind it. Ended by `-O exit` or after ControlPersist idle.
 */
function bastionMasterArgs(reach, via, opts = {}) {
    const hop = via.at(-1);
    assertSafeTarget({ ...reach, host: hop.host, user: hop.user, controlPath: hop.controlPath });
    const persist = { ...DEFAULT_SSH_OPTIONS, ...opts }.controlPersistSeconds;
    const control = ['-o', 'ControlMaster=yes', '-o', `ControlPath=${hop.controlPath}`, '-o', `ControlPersist=${persist}`, ...proxyArgs(reach, via.slice(0, -1), opts)];
    return [...optionArgs({ ...reach, port: hop.port }, control, opts), '-N', '-f', hopDestination(hop)];
}
/** Argv after `ssh` for a stdio stream to host:port opened by the last hop of `via` (health probes). */
function forwardArgs(reach, via, host, port, opts = {}) {
    return [...hopClientArgs(reach, via, opts), '-W', `${host.includes(':') ? `[${host}]` : host}:${port}`, hopDestination(via.at(-1))];
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
    const control = ['-o', 'ControlMaster=auto', '-o', `ControlPath=${target.controlPath}`, '-o', `ControlPersist=${persist}`, ...proxyArgs(target, target.via, opts)];
    return optionArgs(target, control, opts);
}
/** The ProxyCommand option of a worker behind bastions (hooks' run_ssh adds it per worker). */
function workerProxyArgs(target, opts = {}) {
    return proxyArgs(target, target.via, opts);
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


/***/ }),

/***/ 939:
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
// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var lib_kv = __webpack_require__(2762);
// EXTERNAL MODULE: ./lib/util/exit-cleanup.js
var exit_cleanup = __webpack_require__(9127);
// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/util/process.js
var util_process = __webpack_require__(9609);
// EXTERNAL MODULE: ./lib/remote/rsync.js
var rsync = __webpack_require__(1827);
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
 * Below this much usable tmpfs space the area goes to disk from the start: the per-worker files
 * (worker.json, filters) are always written to the area itself, and a nearly full /dev/shm would fail
 * them with ENOSPC where the disk has room.
 */
const MIN_RAM_BYTES = 1024 * 1024;
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
                sweepDeadAreas(ram);
                const fs = (0,external_node_fs_.statfsSync)(ram);
                const budget = Math.floor(fs.bavail * fs.bsize * RAM_SHARE);
                if (budget >= MIN_RAM_BYTES) {
                    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(ram, `${PREFIX}${process.pid}-`));
                    return new StageArea(dir, o.bucketTmp, Math.min(budget, o.ramBudgetBytes ?? budget), false);
                }
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
        (0,external_node_fs_.writeFileSync)(filter, (0,rsync/* mergeFilterText */.uR)(jobs), { mode: 0o600 });
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

// EXTERNAL MODULE: ./lib/history/store.js
var store = __webpack_require__(2185);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./lib/history/origin.js
// Where a recorded run came from: the caller's trigger, and the bucket's git commit when the bucket is
// in a git work tree (the Action passes GITHUB_SHA instead; a missing git is no error).

function bucketCommit(root) {
    try {
        const out = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
        return /^[0-9a-f]{40,64}$/.test(out.trim()) ? out.trim() : '';
    }
    catch {
        return '';
    }
}
function resolveOrigin(root, o) {
    return { trigger: o?.trigger ?? '', commit: o?.commit ?? bucketCommit(root) };
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
    let deployId;
    let outcome0 = 'ok';
    let finish;
    let threw = true;
    try {
        (0,gate/* checkSchema */._)(db);
        // a catalog that cannot take the run's checkpoints fails the run now, before a worker is touched
        if (!o.readOnly)
            (0,catalog_db/* assertWritable */.Bz)(db, paths.db);
        const bucket = (0,queries/* bucketRow */.P5)(db);
        const labels = (0,queries/* workerLabels */.wH)(db);
        const workers = (0,queries/* workersByPosition */.gw)(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root), ...(o.onSecret ? { onSecret: o.onSecret } : {}) });
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
        const started = Date.now();
        if (o.history && !o.readOnly) {
            const origin = resolveOrigin(paths.root, o.history.origin);
            const cmd = o.history.command;
            deployId = (0,catalog_db/* inTransaction */.sA)(db, () => (0,store/* beginRun */.Te)(db, cmd, origin, new Date(started)));
            finish = (threw) => {
                const outcome = threw ? (signal?.aborted ? 'cancelled' : 'failed') : (signal?.aborted && outcome0 === 'ok' ? 'cancelled' : outcome0);
                (0,catalog_db/* inTransaction */.sA)(db, () => (0,store/* finishRun */.JH)(db, deployId, outcome, Date.now() - started));
            };
        }
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
                try {
                    (0,catalog_db/* inTransaction */.sA)(db, () => {
                        fn?.();
                        kv.persist(db);
                    });
                }
                catch (e) {
                    throw (0,catalog_db/* catalogError */.k)(e, paths.db);
                }
            },
            deployId,
            recordJob(j) {
                if (deployId !== undefined)
                    (0,catalog_db/* inTransaction */.sA)(db, () => (0,store/* recordJob */.F9)(db, deployId, j));
            },
            setOutcome(outcome) {
                outcome0 = outcome;
            },
        };
        const out = await work(run);
        threw = false;
        return out;
    }
    catch (e) {
        throw (0,catalog_db/* catalogError */.k)(e, paths.db);
    }
    finally {
        try {
            finish?.(threw);
        }
        catch {
            // the outcome stays `running` and shows as interrupted on the next start
        }
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
