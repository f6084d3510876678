export const id = 260;
export const ids = [260];
export const modules = {

/***/ 8260:
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
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/health/index.js + 7 modules
var health = __webpack_require__(581);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/hooks/errors.js
var hooks_errors = __webpack_require__(5285);
// EXTERNAL MODULE: ./lib/hooks/runner.js + 5 modules
var runner = __webpack_require__(494);
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

// EXTERNAL MODULE: ./lib/deploy/connect.js + 13 modules
var deploy_connect = __webpack_require__(9117);
// EXTERNAL MODULE: ./lib/run/lifecycle.js + 2 modules
var lifecycle = __webpack_require__(939);
// EXTERNAL MODULE: ./lib/cli/flags.js
var flags = __webpack_require__(2529);
// EXTERNAL MODULE: ./lib/entry/job-list.js
var job_list = __webpack_require__(1772);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js + 1 modules
var ssh_access = __webpack_require__(4133);
;// CONCATENATED MODULE: ./lib/cli/commands/hooks.js









/** Hook output and warnings on stderr, as a deploy prints them. */
function hookOutput(io) {
    return (e) => {
        const line = e.type === 'output' || e.type === 'warning' ? (0,console/* formatEvent */.qF)(e) : undefined;
        if (line !== undefined)
            io.stderr.write(`${line}\n`);
    };
}
async function healthCommand(io, opts) {
    const connect = (0,deploy_connect/* connectRun */.Yy)({ ssh: (0,ssh_access/* sshAccess */.v)(io, opts), hookEnv: io.env });
    const report = await (0,lifecycle/* withRun */.Y)({ root: io.cwd, command: 'health', connect, onEvent: hookOutput(io) }, (r) => 
    // probes share the run's ControlMasters: one connection per worker for all probes and --wait retries
    (0,health/* checkHealth */.Ns)({
        ...r.links.hookContext,
        sshProbe: (ip, command, o) => r.links.remote.probe(ip, command, o),
        ...(r.links.remote.bastionRoute ? { bastionRoute: r.links.remote.bastionRoute } : {}),
        onHealth: (e) => {
            const line = (0,health/* formatHealthEvent */.od)(e);
            if (line)
                io.stdout.write(`${line}\n`);
        },
    }, { jobs: (0,job_list/* parseNameList */.H)(opts.jobs), wait: opts.wait }));
    if (!report.ok)
        throw new errors/* PartialFailureError */.ax('maand health failed', [report.error?.message ?? 'health check failed']);
}
async function jobCommandCommand(io, command, job, opts) {
    const concurrency = (0,flags/* wholeNumberFlag */.Z)('--concurrency', opts.concurrency, 1, 'allocations at once');
    // hooks' maand.run_ssh gets the same ssh access as a deploy's (accept-new into secrets/known_hosts)
    const connect = (0,deploy_connect/* connectRun */.Yy)({ ssh: (0,ssh_access/* sshAccess */.v)(io, { insecureSkipHostKeyCheck: false }), hookEnv: io.env });
    const r = await (0,lifecycle/* withRun */.Y)({ root: io.cwd, command: 'jobcommand', connect, onEvent: hookOutput(io) }, async (run) => {
        const out = await runCliCommand(run.links.hookContext, { command, ...(job ? { job } : {}), concurrency });
        // KV written by the hooks is kept when all of them succeeded
        if (out.ok)
            run.checkpoint();
        return out;
    });
    if (!r.ok)
        throw new errors/* PartialFailureError */.ax(`maand jobcommand ${command} failed`, [r.error?.message ?? 'failed']);
}


/***/ }),

/***/ 2529:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ wholeNumberFlag)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
// Numeric flag values: a value that is not a whole number is an error naming the flag, never a
// silent default (`--retain-days abc` used to mean 0).

/** `value` of `flag` as a whole number of at least `min`; `unit` words the error (`days`, `allocations`). */
function wholeNumberFlag(flag, value, min, unit) {
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('invalid argument', `${flag} must be a whole number of ${unit}, ${min} or more (got ${JSON.stringify(value)}); nothing was changed`);
    }
    return n;
}


/***/ })

};
