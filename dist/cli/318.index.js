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
// EXTERNAL MODULE: ./lib/remote/executor.js + 6 modules
var remote_executor = __webpack_require__(8864);
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
// EXTERNAL MODULE: ./lib/bucket/lock.js
var lock = __webpack_require__(1187);
;// CONCATENATED MODULE: ./lib/session/index.js
// One command's session with a bucket: catalog, KV session store, runtime API, hook context.
// `maand health` and `maand jobcommand` use it; deploy and build manage their own phases.







/** Runs `fn` in a session; KV written by hooks is committed only when `commit` says so. */
function withSession(o, fn, commit = () => false) {
    return (0,lock/* withBucketLock */.wD)(o.root, o.command ?? 'jobcommand', () => sessionLocked(o, fn, commit));
}
async function sessionLocked(o, fn, commit) {
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
    const report = await withSession({ root: io.cwd, env: io.env, onOutput: printer(io), command: 'health' }, async (s) => {
        const known = [access.knownHostsFile ?? (0,external_node_path_.join)(s.paths.secretsDir, 'known_hosts'), ...(access.extraKnownHostsFiles ?? [])];
        // one ControlMaster per worker for all probes (and --wait retries), not a connection per probe
        const executor = await remote_executor/* RemoteExecutor */.Q.create();
        try {
            return await (0,health/* checkHealth */.Ns)({
                ...s.hooks,
                env: { ...(s.hooks.env ?? {}), MAAND_SSH_CONTROL_DIR: executor.controlDir },
                ssh: (0,health/* sshTargetFor */.HO)(s.paths.root, s.conf, { hostKeyPolicy: access.hostKeyPolicy, knownHostsFiles: known }),
                sshRunner: (0,health/* remoteSshRunner */.XN)(executor),
                onHealth: (e) => {
                    const line = (0,health/* formatHealthEvent */.od)(e);
                    if (line)
                        io.stdout.write(`${line}\n`);
                },
            }, { jobs: (0,cli_io/* splitList */.r)(opts.jobs), wait: opts.wait });
        }
        finally {
            await executor.close();
        }
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


/***/ })

};
