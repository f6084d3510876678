export const id = 930;
export const ids = [930];
export const modules = {

/***/ 3930:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _ssh_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4133);
// Every subcommand and flag of `maand`, declared in one place; handlers load lazily.



async function runCli(argv, io) {
    const program = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('maand')
        .description('Deploy jobs to Linux workers over SSH/rsync with rolling Makefile lifecycles.\nRun commands from the bucket directory (the folder holding maand.conf, workspace/, data/).')
        .version('0.1.0', '-V, --version')
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
        .showHelpAfterError('(run maand --help for usage)');
    let failurePrefix = 'maand';
    program
        .command('init')
        .description('Create (or upgrade) a bucket in the current directory: layout, catalog, bucket id, CA, KV key.\nA re-run upgrades the schema and never changes ids, keys or your files.')
        .action(async () => {
        failurePrefix = 'maand init failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(870)]).then(__webpack_require__.bind(__webpack_require__, 5870))).initCommand(io);
    });
    program
        .command('build')
        .description('Reconcile workspace/ (workers.json, jobs, bucket.conf, …) into the catalog data/maand.db.\nAll-or-nothing: on any error the catalog is left exactly as it was.')
        .option('--purge-job-kv', 'also empty vars/job/<job> and secrets/job/<job> of jobs that were removed', false)
        .action(async (opts) => {
        failurePrefix = 'maand build failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(243), __webpack_require__.e(37), __webpack_require__.e(571), __webpack_require__.e(790), __webpack_require__.e(316), __webpack_require__.e(361)]).then(__webpack_require__.bind(__webpack_require__, 9361))).buildCommand(io, opts);
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('deploy'))
        .description('Deploy jobs to their workers: reconcile removed/disabled allocations, then per deployment_seq wave\n' +
        'run pre_deploy, stage and hash each job, rsync what changed and roll it out in batches\n' +
        '(make start/restart/reload), promoting each batch in the catalog as it succeeds.\n' +
        'Exit status is non-zero when any job failed; failed jobs are retried by the next deploy.')
        .option('--jobs <names>', 'comma-separated job names (unknown names are an error)')
        .option('-n, --dry-run', 'print what would happen to each allocation and why; change nothing', false)
        .option('--force', 'roll out every selected job even when nothing changed', false)
        .option('--sync-only', 'rsync files and run post_deploy, without start/restart/reload', false)
        .option('-b, --build', 'run maand build first', false)
        .option('--output <file>', 'write the result (or dry-run plan) as JSON to this file')
        .option('-v, --verbose', 'also show rsync transfer output', false)
        .action(async (opts) => {
        failurePrefix = opts.dryRun ? 'maand deploy --dry-run failed' : 'maand deploy failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(243), __webpack_require__.e(220), __webpack_require__.e(37), __webpack_require__.e(571), __webpack_require__.e(92), __webpack_require__.e(790), __webpack_require__.e(990)]).then(__webpack_require__.bind(__webpack_require__, 8990))).deployCommand(io, opts);
    });
    const jobCmd = (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('job'))
        .description('Run a lifecycle target of one job on its workers.')
        .argument('[target]', 'reference form: maand job <target> <job>')
        .argument('[job]')
        .action(async (target, job, opts) => {
        if (!target || !job) {
            jobCmd.help({ error: true });
            return;
        }
        failurePrefix = 'maand job failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(37), __webpack_require__.e(571), __webpack_require__.e(92), __webpack_require__.e(355)]).then(__webpack_require__.bind(__webpack_require__, 9355))).jobRunCommand(io, job, { target, healthCheck: false, ...opts });
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(jobCmd.command('run'))
        .description('Run `make <target>` of the job on its active allocations (in batches of max_concurrent_upgrades),\n' +
        'or its job_control hooks with TARGET=<target>. Checks first that each worker runs this bucket at\n' +
        'the current update_seq.')
        .argument('<job>')
        .requiredOption('--target <target>', 'Makefile target, e.g. start, stop, restart, reload, status')
        .option('--workers <ips>', 'only these workers (comma-separated)')
        .option('--health-check', 'run the job health check afterwards', false)
        .action(async (job, opts) => {
        failurePrefix = 'maand job run failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(37), __webpack_require__.e(571), __webpack_require__.e(92), __webpack_require__.e(355)]).then(__webpack_require__.bind(__webpack_require__, 9355))).jobRunCommand(io, job, opts);
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('health'))
        .description('Run the health checks of jobs (manifest probes and health_check hooks) against their active allocations.')
        .option('--jobs <names>', 'comma-separated job names (default: all)')
        .option('--wait', 'retry per the manifest wait block (attempts x interval) before failing', false)
        .action(async (opts) => {
        failurePrefix = 'maand health failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(37), __webpack_require__.e(571), __webpack_require__.e(92), __webpack_require__.e(260)]).then(__webpack_require__.bind(__webpack_require__, 8260))).healthCommand(io, opts);
    });
    program
        .command('jobcommand')
        .alias('job_command')
        .description('Run a job command registered for the `cli` event, once per active allocation, on this machine.\nKV written by the hooks is kept when all of them succeed.')
        .argument('<command>', 'command name, e.g. command_backup')
        .argument('[job]', 'only this job (default: every job registering the command)')
        .option('--concurrency <n>', 'allocations at once', '1')
        .action(async (command, job, opts) => {
        failurePrefix = 'maand jobcommand failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(37), __webpack_require__.e(571), __webpack_require__.e(92), __webpack_require__.e(260)]).then(__webpack_require__.bind(__webpack_require__, 8260))).jobCommandCommand(io, command, job, opts);
    });
    program
        .command('gc')
        .description('Forget removed allocations (after deploy stopped and cleaned them) and their KV, then purge KV history\nolder than --retain-days (the latest 8 versions of live keys are always kept).')
        .option('--retain-days <n>', 'keep history written in the last n days', '0')
        .action(async (opts) => {
        failurePrefix = 'maand gc failed';
        (await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 9805))).gcCommand(io, opts);
    });
    const cat = program.command('cat').description('Show catalog contents (read-only).');
    for (const view of ['workers', 'jobs', 'allocations', 'job_commands']) {
        cat
            .command(view)
            .description(`Show the ${view.replace('_', ' ')} of the catalog.`)
            .option('--jobs <names>', 'comma-separated job names to show')
            .option('--json', 'print JSON instead of a table', false)
            .action(async (opts) => {
            await (await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 1308))).catViewCommand(io, view, opts);
        });
    }
    cat
        .command('deployments')
        .description('Show every allocation with its deploy state: hashes, versions and what the next deploy does (rollout column).')
        .option('--jobs <names>', 'comma-separated job names')
        .option('--workers <ips>', 'comma-separated worker IPs')
        .option('--active', 'only active allocations', false)
        .option('--json', 'print JSON instead of a table', false)
        .action(async (opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 1308))).catDeploymentsCommand(io, opts);
    });
    const kv = cat
        .command('kv')
        .description('Show KV keys (latest version of each). Secrets show as [encrypted].')
        .option('--jobs <names>', 'only the namespaces these jobs can read')
        .option('--namespace <ns>', 'only this namespace')
        .option('--active', 'only live keys', false)
        .option('--deleted', 'only deleted keys', false)
        .option('--json', 'print JSON instead of a table', false)
        .action(async (opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 1308))).catKvCommand(io, opts);
    });
    kv.command('get')
        .description('Print one value.')
        .argument('<namespace>')
        .argument('<key>')
        .option('--reveal', 'decrypt a secret value', false)
        .action(async (ns, key, opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(37), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 1308))).catKvGetCommand(io, ns, key, opts);
    });
    program.addOption(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--no-color', 'disable colours').hideHelp());
    try {
        if (argv.length === 0) {
            program.outputHelp();
            return 0;
        }
        await program.parseAsync(argv, { from: 'user' });
        return 0;
    }
    catch (e) {
        if (e instanceof commander__WEBPACK_IMPORTED_MODULE_0__/* .CommanderError */ .b7)
            return e.exitCode === 0 ? 0 : 2;
        io.stderr.write(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PartialFailureError */ .ax ? `${e.message}\n` : `${failurePrefix}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .userMessage */ .Rq)(e)}\n`);
        return 1;
    }
}


/***/ }),

/***/ 4133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ sshAccess),
  T: () => (/* binding */ withHostKeyFlags)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/entry/host-keys.js
// The host-key options of the CLI (`--known-hosts`, `--insecure-skip-host-key-check`) and of the Action
// (`known-hosts`, `insecure-skip-host-key-check`), judged by one function (decision Q28).

function hostKeyPolicy(c) {
    if (c.knownHosts && c.insecure) {
        throw new errors/* MaandError */.Ob('invalid argument', `${c.names.knownHosts} and ${c.names.insecure} exclude each other: keep ${c.names.knownHosts} (recommended) or remove it`);
    }
    if (c.insecure)
        return 'insecure';
    if (c.knownHosts)
        return 'strict';
    if (typeof c.otherwise === 'object')
        throw new errors/* MaandError */.Ob('invalid argument', c.otherwise.error);
    return c.otherwise;
}

;// CONCATENATED MODULE: ./lib/cli/ssh-access.js



function withHostKeyFlags(cmd) {
    return cmd
        .option('--known-hosts <file>', 'check worker host keys strictly against this file')
        .option('--insecure-skip-host-key-check', 'do not check worker host keys (not recommended)', false);
}
function sshAccess(io, flags) {
    const policy = hostKeyPolicy({
        knownHosts: flags.knownHosts !== undefined, insecure: flags.insecureSkipHostKeyCheck, names: { knownHosts: '--known-hosts', insecure: '--insecure-skip-host-key-check' }, otherwise: 'accept-new',
    });
    if (policy === 'insecure')
        return { hostKeyPolicy: 'insecure' };
    if (policy === 'strict')
        return { hostKeyPolicy: 'strict', knownHostsFile: (0,external_node_path_.resolve)(io.cwd, flags.knownHosts) };
    return { hostKeyPolicy: 'accept-new', extraKnownHostsFiles: [(0,external_node_path_.join)(io.env['HOME'] ?? (0,external_node_os_.homedir)(), '.ssh', 'known_hosts')] };
}


/***/ }),

/***/ 452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ InternalError),
/* harmony export */   Ob: () => (/* binding */ MaandError),
/* harmony export */   Rq: () => (/* binding */ userMessage),
/* harmony export */   ax: () => (/* binding */ PartialFailureError),
/* harmony export */   kc: () => (/* binding */ errorText)
/* harmony export */ });
/* unused harmony exports wrap, isMaandError */
// The error hierarchy every layer uses. Entry layers (src/cli, src/action) map these to output;
// nothing below them prints. `code` is the reference tool's sentinel text, so messages stay
// compatible ("invalid manifest.json: job a\n...") and tests can match on the class, not a regex.
/**
 * The base of every error a user may see: a code and a message that says what failed, where (file,
 * field, job, worker) and what to do next. Module errors (KvError, StateError, TemplateError, …)
 * extend it, so the entry layers format every one of them with `userMessage` and nothing else.
 */
class MaandError extends Error {
    name = 'MaandError';
    code;
    /** Sentinels of wrapped errors, outermost first (Go's errors.Is over a %w chain). */
    codes;
    constructor(code, detail, inner, options) {
        super(options?.bare ? (detail ?? code) : detail === undefined || detail === '' ? code : `${code}: ${detail}`, options?.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
        this.codes = [code, ...(inner?.codes ?? [])];
    }
    /** True when this error or one it wraps carries `code`. */
    is(code) {
        return this.codes.includes(code);
    }
}
/** Wraps an inner MaandError with an outer sentinel, keeping both codes. */
function wrap(code, inner, sep = ': ') {
    const err = new MaandError(code, undefined, inner);
    err.message = `${code}${sep}${inner.message}`;
    return err;
}
/** A bug or an impossible state; never the user's fault. */
class InternalError extends Error {
    name = 'InternalError';
}
function isMaandError(e) {
    return e instanceof MaandError;
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
/**
 * The one text a user sees for an error, in the CLI and in the Action alike. A MaandError speaks for
 * itself; anything else is a bug in maand, said as such on one line (never a stack trace).
 */
function userMessage(e) {
    if (e instanceof MaandError)
        return e.message;
    const text = errorText(e).split('\n')[0].trim() || 'no message';
    return `internal error: ${text} (this is a bug in maand; please report it with the command that was run)`;
}
/** Some jobs failed while the rest of the run went on; the message lists each failure on its own line. */
class PartialFailureError extends MaandError {
    name = 'PartialFailureError';
    failures;
    constructor(what, failures, code = 'deploy failed') {
        // one cause reads as one line; several get a line each
        super(code, failures.length === 1 && !failures[0].includes('\n') ? `${what}: ${failures[0]}` : `${what}:\n${failures.join('\n')}`, undefined, { bare: true });
        this.failures = failures;
    }
}


/***/ })

};
