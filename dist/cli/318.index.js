export const id = 318;
export const ids = [318];
export const modules = {

/***/ 8318:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  healthCommand: () => (/* binding */ healthCommand),
  jobCommandCommand: () => (/* binding */ jobCommandCommand)
});

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/health/index.js + 8 modules
var health = __webpack_require__(1576);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/hooks/errors.js
var hooks_errors = __webpack_require__(5285);
// EXTERNAL MODULE: ./lib/hooks/runner.js + 4 modules
var runner = __webpack_require__(3604);
;// CONCATENATED MODULE: ./lib/hooks/cli-command.js
// `maand jobcommand <command> [job] [--concurrency N]` (spec kv §3.6 `cli`): the command on every
// job registering it for `cli` (alphabetical), or on one job. A failing job does not stop the next.




/** Setup errors (bad concurrency, unknown command or job) throw before any hook runs. */
async function runCliCommand(ctx, o) {
    const concurrency = o.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new errors/* MaandError */.Ob('invalid argument', 'concurrency must be at least 1');
    let jobs;
    if (o.job !== undefined) {
        if (!(0,catalog/* isRegistered */.zN)(ctx.db, o.job, o.command, 'cli'))
            throw (0,hooks_errors/* notRegistered */.OD)(o.job, o.command, 'cli');
        jobs = [o.job];
    }
    else {
        jobs = (0,catalog/* jobsRegistering */.mg)(ctx.db, o.command, 'cli');
        if (jobs.length === 0)
            throw (0,hooks_errors/* commandNotRegistered */.F3)(o.command, 'cli');
    }
    const runs = [];
    for (const job of jobs)
        runs.push(await (0,runner/* runJobCommand */.W)(ctx, { job, command: o.command, event: 'cli', concurrency }));
    const failed = runs.filter((r) => !r.ok);
    if (failed.length === 0)
        return { ok: true, runs };
    return { ok: false, runs, error: failed.length === 1 ? failed[0].error : new Error(failed.map((r) => r.error.message).join('\n')) };
}

// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/kv/index.js + 12 modules
var lib_kv = __webpack_require__(8787);
// EXTERNAL MODULE: ./lib/hooks/runtime-api.js + 3 modules
var runtime_api = __webpack_require__(999);
;// CONCATENATED MODULE: ./lib/session/index.js
// One command's session with a bucket: catalog, KV session store, runtime API, hook context.
// `maand health` and `maand jobcommand` use it; deploy and build manage their own phases.






/** Runs `fn` in a session; KV written by hooks is committed only when `commit` says so. */
async function withSession(o, fn, commit = () => false) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(o.root);
    const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    try {
        (0,gate/* checkSchema */._)(db);
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const api = await (0,runtime_api/* startRuntimeApi */.P)({ db, kv });
        try {
            const hooks = {
                root: paths.root, db, kv, api,
                ...(o.env ? { env: o.env } : {}),
                ...(o.onOutput ? { onOutput: o.onOutput } : {}),
                ...(o.signal ? { signal: o.signal } : {}),
            };
            const result = await fn({ paths, conf, db, kv, hooks });
            if (commit(result) && kv.hasPendingChanges()) {
                db.exec('BEGIN IMMEDIATE');
                kv.persist(db);
                db.exec('COMMIT');
            }
            return result;
        }
        finally {
            await api.close();
        }
    }
    finally {
        db.close();
    }
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js
var ssh_access = __webpack_require__(4887);
;// CONCATENATED MODULE: ./lib/cli/commands/hooks.js








function printer(io) {
    return (l) => {
        io.stderr.write(`${(0,console/* formatHookLine */.p1)(l)}\n`);
    };
}
async function healthCommand(io, opts) {
    const access = (0,ssh_access/* sshAccess */.v)(io, opts);
    const report = await withSession({ root: io.cwd, env: io.env, onOutput: printer(io) }, async (s) => {
        const known = [access.knownHostsFile ?? (0,external_node_path_.join)(s.paths.secretsDir, 'known_hosts'), ...(access.extraKnownHostsFiles ?? [])];
        return (0,health/* checkHealth */.Ns)({
            ...s.hooks,
            ssh: (0,health/* sshTargetFor */.HO)(s.paths.root, s.conf, { hostKeyPolicy: access.hostKeyPolicy, knownHostsFiles: known }),
            onHealth: (e) => {
                const line = (0,health/* formatHealthEvent */.od)(e);
                if (line)
                    io.stdout.write(`${line}\n`);
            },
        }, { jobs: (0,cli_io/* splitList */.r)(opts.jobs), wait: opts.wait });
    });
    if (!report.ok)
        throw new errors/* PartialFailureError */.ax('maand health failed', [report.error?.message ?? 'health check failed']);
}
async function jobCommandCommand(io, command, job, opts) {
    const concurrency = Number(opts.concurrency);
    const r = await withSession({ root: io.cwd, env: io.env, onOutput: printer(io) }, (s) => runCliCommand(s.hooks, { command, ...(job ? { job } : {}), concurrency }), () => true);
    if (!r.ok)
        throw new errors/* PartialFailureError */.ax(`maand jobcommand ${command} failed`, [r.error?.message ?? 'failed']);
}


/***/ }),

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










/***/ })

};
