export const id = 82;
export const ids = [82];
export const modules = {

/***/ 8908:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ splitList)
/* harmony export */ });
function splitList(raw) {
    if (raw === undefined)
        return [];
    return [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}


/***/ }),

/***/ 1576:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ns: () => (/* reexport */ checkHealth),
  YR: () => (/* reexport */ checkJobHealth),
  od: () => (/* reexport */ formatHealthEvent),
  XN: () => (/* reexport */ remoteSshRunner),
  HO: () => (/* reexport */ sshTargetFor)
});

// UNUSED EXPORTS: HealthCheckError, checkWorkers, httpProbe, loadHealthSpec, openSshRunner, parseHealthSpec, probePorts, probeRemoteCommand, sshArgv, sshProbe, tcpProbe

;// CONCATENATED MODULE: ./lib/health/types.js
class HealthCheckError extends Error {
    name = 'HealthCheckError';
    job;
    constructor(job, message) {
        super(message);
        this.job = job;
    }
}

// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(5167);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/hooks/output.js
var output = __webpack_require__(9759);
;// CONCATENATED MODULE: ./lib/health/ssh-probe.js
// The ssh probe (spec kv §5.4): run the check's command on the worker. The ssh invocation is a
// pure argv builder plus a swappable runner, so deploy can route it through src/remote later.






/** maand.conf credentials: key `secrets/<ssh_key>`, known hosts = the bucket's, then the user's. */
function sshTargetFor(root, conf, over = {}) {
    const s = (0,maand_conf/* sshSettings */.OA)(conf);
    return {
        user: s.user,
        keyPath: (0,external_node_path_.join)(root, 'secrets', s.keyName),
        port: s.port,
        useSudo: s.useSudo,
        hostKeyPolicy: 'accept-new',
        knownHostsFiles: [(0,external_node_path_.join)(root, 'secrets', 'known_hosts'), (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.ssh', 'known_hosts')],
        ...over,
    };
}
/** ssh argv (without the program) for one remote command. */
function sshArgv(host, t, remoteCommand, connectTimeoutSeconds) {
    const knownHosts = t.hostKeyPolicy === 'insecure' ? '/dev/null' : t.knownHostsFiles.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(' ');
    const strict = { strict: 'yes', 'accept-new': 'accept-new', insecure: 'no' }[t.hostKeyPolicy];
    return [
        '-o', 'BatchMode=yes',
        '-o', `ConnectTimeout=${connectTimeoutSeconds}`,
        '-o', 'LogLevel=ERROR',
        '-o', 'IdentitiesOnly=yes',
        '-o', `StrictHostKeyChecking=${strict}`,
        '-o', `UserKnownHostsFile=${knownHosts}`,
        '-i', t.keyPath,
        '-p', String(t.port),
        `${t.user}@${host.includes(':') ? `[${host}]` : host}`,
        remoteCommand,
    ];
}
/** The probe's remote command: as-is, or `sudo -E bash -lc '<command>'` with use_sudo. */
function probeRemoteCommand(command, useSudo) {
    return useSudo ? `sudo -E bash -lc '${command.replaceAll("'", "'\\''")}'` : command;
}
/** Runs the OpenSSH client; killed (SIGKILL) at the timeout or on abort. */
const openSshRunner = (r) => new Promise((resolve) => {
    const remote = probeRemoteCommand(r.command, r.target.useSudo);
    const argv = sshArgv(r.host, r.target, remote, Math.max(1, Math.ceil(r.timeoutMs / 1000)));
    const child = (0,external_node_child_process_.spawn)('ssh', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = new output/* OutputTail */.gY(16 * 1024);
    const out = new output/* LineSplitter */.g3((l) => tail.add(l));
    const err = new output/* LineSplitter */.g3((l) => tail.add(l));
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let timedOut = false;
    const kill = () => void child.kill('SIGKILL');
    const timer = setTimeout(() => ((timedOut = true), kill()), r.timeoutMs);
    r.signal?.addEventListener('abort', kill, { once: true });
    const finish = (exitCode, spawnError) => {
        clearTimeout(timer);
        r.signal?.removeEventListener('abort', kill);
        out.end();
        err.end();
        resolve({ exitCode, output: tail.text().trim(), timedOut, ...(spawnError === undefined ? {} : { spawnError }) });
    };
    child.on('error', (e) => finish(-1, e.message));
    child.on('close', (code) => finish(code ?? -1));
});
/** Runs the probe; returns the reference's error text or undefined. */
async function sshProbe(ip, command, target, timeoutMs, runner, signal) {
    if (command.trim() === '')
        return `ssh ${ip}: empty command`;
    if (target === undefined)
        return `ssh ${ip}: no ssh settings were given to the health check`;
    try {
        (0,external_node_fs_.statSync)(target.keyPath);
    }
    catch (e) {
        return `ssh ${ip}: ssh key ${target.keyPath}: ${e.message}`;
    }
    const r = await runner({ host: ip, target, command, timeoutMs, signal });
    if (r.spawnError === undefined && r.exitCode === 0 && !r.timedOut)
        return undefined;
    const why = r.spawnError ?? (r.timedOut ? `timed out after ${timeoutMs}ms` : `exit status ${r.exitCode}`);
    return `ssh ${ip}: ${why}: ${r.output}`;
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/hooks/runner.js + 4 modules
var runner = __webpack_require__(3604);
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
        error = await sshProbe(ip, c.command, ctx.ssh, timeoutMs, ctx.sshRunner ?? openSshRunner, ctx.signal);
    }
    else {
        label = c.type;
        error = `health_check.checks[${index}]: unsupported type "${c.type}"`;
    }
    const result = { job, worker: ip, index, probe: label, ok: error === undefined, durationMs: Date.now() - started, ...(error === undefined ? {} : { error }) };
    ctx.onHealth?.({ type: 'probe', result });
    return result;
}

;// CONCATENATED MODULE: ./lib/health/remote-runner.js
function remoteSshRunner(executor) {
    return async (r) => {
        const [knownHostsFile, ...extra] = r.target.knownHostsFiles;
        // runScript, not run: the probe's command runs as written (no `set -u` that a plain ssh command lacks)
        const res = await executor.runScript({
            host: r.host,
            user: r.target.user,
            port: r.target.port,
            keyFile: r.target.keyPath,
            hostKeyPolicy: r.target.hostKeyPolicy,
            ...(knownHostsFile === undefined ? {} : { knownHostsFile }),
            extraKnownHostsFiles: extra,
        }, `${r.command}\n`, {
            useSudo: r.target.useSudo,
            timeoutMs: r.timeoutMs,
            remoteTimeoutSeconds: Math.max(1, Math.ceil(r.timeoutMs / 1000)),
            outputCapBytes: 16 * 1024,
            ...(r.signal === undefined ? {} : { signal: r.signal }),
        });
        const output = [res.stdout.trim(), res.stderr.trim()].filter((s) => s !== '').join('\n');
        return { exitCode: res.exitCode, output, timedOut: res.timedOut };
    };
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

/***/ 8864:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ RemoteExecutor)
});

// UNUSED EXPORTS: controlSocket

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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
/** Options only (no destination): the `--rsh` value and the head of every ssh argv. */
function sshOptionArgs(target, opts = {}) {
    assertSafeTarget(target);
    const o = { ...DEFAULT_SSH_OPTIONS, ...opts };
    const files = target.hostKeyPolicy === 'insecure' ? ['/dev/null'] : knownHostsFiles(target);
    return [
        ...(o.configFile === undefined ? [] : ['-F', o.configFile]),
        ...['-o', `StrictHostKeyChecking=${STRICT_VALUE[target.hostKeyPolicy]}`],
        ...(files.length === 0 ? [] : ['-o', `UserKnownHostsFile=${knownHostsValue(files)}`]),
        ...['-o', 'LogLevel=ERROR'],
        ...['-o', 'BatchMode=yes'],
        ...['-o', `ConnectTimeout=${o.connectTimeoutSeconds}`],
        ...['-o', `ServerAliveInterval=${o.serverAliveIntervalSeconds}`],
        ...['-o', `ServerAliveCountMax=${o.serverAliveCountMax}`],
        ...['-o', 'IdentitiesOnly=yes'],
        ...['-o', 'ControlMaster=auto'],
        ...['-o', `ControlPath=${target.controlPath}`],
        ...['-o', `ControlPersist=${o.controlPersistSeconds}`],
        ...['-p', String(sshPort(target.port))],
        ...['-i', target.keyFile],
    ];
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

// EXTERNAL MODULE: ./lib/remote/result.js
var remote_result = __webpack_require__(2293);
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
/** Argv after `rsync`, in the order of deploy.md §11.2. */
function rsyncArgs(spec) {
    const source = spec.sourceDir.endsWith('/') ? spec.sourceDir : `${spec.sourceDir}/`;
    return [
        `--timeout=${spec.timeoutSeconds ?? 30}`,
        '--inplace',
        '--whole-file',
        '--checksum',
        '--recursive',
        // staged job trees may be links to a tree shared by several workers: send what they point to
        '--copy-dirlinks',
        '--force',
        '--delete-after',
        '--delete',
        '--group',
        '--owner',
        '--executability',
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
    return { action: ACTIONS[m[1]], path: m[3], directory: m[2] === 'd' };
}

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
const BARE = /^[A-Za-z0-9_.,:/@%+=-]*$/;
/** Values the reference sent bare (IPs, versions) stay bare; anything else is single-quoted. */
function shellValue(v) {
    return BARE.test(v) ? v : `'${v.replaceAll("'", `'\\''`)}'`;
}
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
        lines.push(`export ${name}=${shellValue(value)}`);
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
    constructor(controlDir, opts) {
        this.controlDir = controlDir;
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
            summary: (0,remote_result/* summarizeArgv */.q6)(argv),
            knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
            knownHostsName: knownHostsName(target),
            ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
        };
        if (p.exitCode === remote_result/* SSH_FAILED */.P8 && !p.timedOut && !p.aborted) {
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
        for (const c of this.#running)
            c.abort();
        const sockets = await (0,promises_.readdir)(this.controlDir).catch(() => []);
        await Promise.all(sockets.map((s) => runProcess(this.#sshProgram, ['-o', `ControlPath=${(0,external_node_path_.join)(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], {
            timeoutMs: 5000,
        })));
        await (0,promises_.rm)(this.controlDir, { recursive: true, force: true });
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
// errors.ts turns it into a RemoteCommandError when the caller wants to stop.
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


/***/ })

};
