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
        .description('Deploy jobs to Linux workers over SSH and rsync, with rolling Makefile lifecycles. ' +
        'Run every command from the bucket directory, the folder that holds maand.conf, workspace/ and data/.')
        .version('0.1.0', '-V, --version')
        .exitOverride()
        .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        getOutHelpWidth: () => helpWidth(io.stdout),
        getErrHelpWidth: () => helpWidth(io.stderr),
    })
        .configureHelp({ subcommandTerm, optionDescription })
        .showHelpAfterError('(run maand --help for usage)');
    let failurePrefix = 'maand';
    program
        .command('init')
        .summary('Create or upgrade the bucket in this directory')
        .description('Create a bucket in the current directory: its layout, the catalog, the bucket id, the CA and the KV key. ' +
        'Run again, it upgrades the catalog schema and never changes ids, keys or your files.')
        .action(async () => {
        failurePrefix = 'maand init failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(983), __webpack_require__.e(870)]).then(__webpack_require__.bind(__webpack_require__, 5870))).initCommand(io);
    });
    program
        .command('build')
        .summary('Reconcile workspace/ into the catalog')
        .description('Reconcile workspace/ (workers.json, the jobs, bucket.conf and the rest) into the catalog data/maand.db. ' +
        'A build is all-or-nothing: on any error the catalog is left exactly as it was.')
        .option('--purge-job-kv', 'also empty vars/job/<job> and secrets/job/<job> of removed jobs', false)
        .action(async (opts) => {
        failurePrefix = 'maand build failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(243), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(527), __webpack_require__.e(414)]).then(__webpack_require__.bind(__webpack_require__, 1414))).buildCommand(io, opts);
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('deploy'))
        .summary('Deploy jobs to their workers')
        .description('Deploy jobs to their workers. ' +
        'First reconcile the allocations that were removed or disabled; then, wave by wave in deployment_seq order, ' +
        'run the pre_deploy hooks, stage and hash each job, rsync what changed and roll it out in batches ' +
        'with make start, restart or reload, promoting each batch in the catalog as it succeeds.\n\n' +
        'The exit status is non-zero when any job failed, and the next deploy retries the failed jobs.')
        .option('--jobs <names>', 'deploy only these comma-separated jobs, where an unknown name is an error')
        .option('-n, --dry-run', 'print what would happen to each allocation and why, without changing anything', false)
        .option('--force', 'roll out every selected job even when nothing changed (this also ends a rollback pin)', false)
        .option('--sync-only', 'rsync files and run post_deploy without start, restart or reload', false)
        .option('-b, --build', 'run maand build first', false)
        .option('--output <file>', 'write the result, or the dry-run plan, as JSON to this file')
        .option('--diff', 'with --dry-run: also print the diff of each file that would change, per worker', false)
        .option('--json', 'with --dry-run: print the plan as one JSON document on stdout (see docs/plan.md)', false)
        .option('-v, --verbose', 'also show the rsync transfer output', false)
        .action(async (opts) => {
        failurePrefix = opts.dryRun ? 'maand deploy --dry-run failed' : 'maand deploy failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(243), __webpack_require__.e(220), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(890), __webpack_require__.e(527), __webpack_require__.e(373), __webpack_require__.e(233), __webpack_require__.e(416)]).then(__webpack_require__.bind(__webpack_require__, 6416))).deployCommand(io, opts);
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('rollback'))
        .summary('Roll jobs back to a release their workers retained')
        .description('Roll jobs back to the release each allocation ran before the last deploy that changed the job, or to what it ran ' +
        'after deploy --to (see maand cat history). The workers restore the retained bytes, then the job rolls out as in a ' +
        'deploy: batches, restart or reload, hooks, health checks and post_deploy. Nothing changes unless every allocation ' +
        'still has its release. The next deploy leaves a rolled-back job alone until its workspace changes or deploy --force names it.')
        .option('--jobs <names>', 'roll back these comma-separated jobs (default: the jobs the last deploy changed)')
        .option('--to <deploy-id>', 'go back to what the jobs ran after this deploy')
        .option('-n, --dry-run', 'print what would go back where, without changing anything', false)
        .action(async (opts) => {
        failurePrefix = opts.dryRun ? 'maand rollback --dry-run failed' : 'maand rollback failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(243), __webpack_require__.e(220), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(890), __webpack_require__.e(527), __webpack_require__.e(373), __webpack_require__.e(233), __webpack_require__.e(754)]).then(__webpack_require__.bind(__webpack_require__, 1754))).rollbackCommand(io, opts);
    });
    const jobCmd = (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('job'))
        .summary('Run a Makefile target of one job on its workers')
        .description('Run a Makefile target of one job on its workers: maand job <target> <job> is the short form of ' +
        'maand job run <job> --target <target>.')
        .argument('[target]', 'Makefile target, e.g. start, stop, restart, reload or status')
        .argument('[job]', 'the job to run it on')
        .action(async (target, job, opts) => {
        if (!target || !job) {
            jobCmd.help({ error: true });
            return;
        }
        failurePrefix = 'maand job failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(890), __webpack_require__.e(373), __webpack_require__.e(313)]).then(__webpack_require__.bind(__webpack_require__, 9476))).jobRunCommand(io, job, { target, healthCheck: false, ...opts });
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(jobCmd.command('run'))
        .summary('Run make <target> of a job on its active allocations')
        .description('Run make <target> of the job on its active allocations, in batches of max_concurrent_upgrades, ' +
        'or its job_control hooks with TARGET=<target>. ' +
        'It first checks that each worker runs this bucket at the current update_seq.')
        .argument('<job>', 'the job to run the target of')
        .requiredOption('--target <target>', 'Makefile target, e.g. start, stop, restart, reload or status')
        .option('--workers <ips>', 'run only on these comma-separated worker IPs')
        .option('--health-check', 'run the health checks of the job afterwards', false)
        .action(async (job, opts) => {
        failurePrefix = 'maand job run failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(890), __webpack_require__.e(373), __webpack_require__.e(313)]).then(__webpack_require__.bind(__webpack_require__, 9476))).jobRunCommand(io, job, opts);
    });
    (0,_ssh_access_js__WEBPACK_IMPORTED_MODULE_2__/* .withHostKeyFlags */ .T)(program.command('health'))
        .summary('Run the health checks of jobs')
        .description('Run the health checks of jobs, the manifest probes and the health_check hooks, against their active allocations.')
        .option('--jobs <names>', 'check only these comma-separated jobs (default: all)')
        .option('--wait', 'retry as the manifest wait block says (attempts times interval) before failing', false)
        .action(async (opts) => {
        failurePrefix = 'maand health failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(890), __webpack_require__.e(260)]).then(__webpack_require__.bind(__webpack_require__, 8260))).healthCommand(io, opts);
    });
    program
        .command('jobcommand')
        .alias('job_command')
        .summary('Run a job command registered for the cli event')
        .description('Run a job command registered for the cli event on this machine, once per active allocation. ' +
        'The KV the hooks write is kept when all of them succeed. ' +
        'The command is also available as job_command.')
        .argument('<command>', 'the command name, e.g. command_backup')
        .argument('[job]', 'run only the command of this job (default: every job registering it)')
        .option('--concurrency <n>', 'run this many allocations at once', '1')
        .action(async (command, job, opts) => {
        failurePrefix = 'maand jobcommand failed';
        await (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(804), __webpack_require__.e(890), __webpack_require__.e(260)]).then(__webpack_require__.bind(__webpack_require__, 8260))).jobCommandCommand(io, command, job, opts);
    });
    program
        .command('gc')
        .summary('Forget removed allocations and old KV history')
        .description('Forget the removed allocations that deploy has stopped and cleaned, and their KV. ' +
        'Then purge the KV history older than --retain-days; the latest 8 versions of live keys are always kept.')
        .option('--retain-days <n>', 'keep the history written in the last n days', '0')
        .action(async (opts) => {
        failurePrefix = 'maand gc failed';
        (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(518), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 9805))).gcCommand(io, opts);
    });
    const cat = program
        .command('cat')
        .summary('Show the catalog contents (read-only)')
        .description('Show the catalog contents: workers, jobs, allocations, job commands, deployments, the deploy history and KV. Nothing is changed.');
    for (const view of ['workers', 'jobs', 'allocations', 'job_commands']) {
        const what = view.replace('_', ' ');
        cat
            .command(view)
            .summary(`Show the ${what} of the catalog`)
            .description(`Show the ${what} of the catalog as a table, or as JSON with --json.`)
            .option('--jobs <names>', 'show only these comma-separated jobs')
            .option('--json', 'print JSON instead of a table', false)
            .action(async (opts) => {
            await (await Promise.all(/* import() */[__webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(561)]).then(__webpack_require__.bind(__webpack_require__, 3561))).catViewCommand(io, view, opts);
        });
    }
    cat
        .command('deployments')
        .summary('Show the deploy state of every allocation')
        .description('Show every allocation with its deploy state: its hashes, its versions and what the next deploy does with it (the rollout column).')
        .option('--jobs <names>', 'show only these comma-separated jobs')
        .option('--workers <ips>', 'show only these comma-separated worker IPs')
        .option('--active', 'show only active allocations', false)
        .option('--json', 'print JSON instead of a table', false)
        .action(async (opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(561)]).then(__webpack_require__.bind(__webpack_require__, 3561))).catDeploymentsCommand(io, opts);
    });
    cat
        .command('history')
        .summary('Show the deploy history, newest first')
        .description('Show the recorded deploys, drift corrections, job runs and rollbacks, newest first: deploy id, start, duration, ' +
        'command, outcome, who started it, the bucket commit and each job with its version and the allocations it changed.')
        .option('--jobs <names>', 'show only runs that touched these comma-separated jobs')
        .option('--limit <n>', 'show at most n runs')
        .option('--json', 'print JSON instead of a table', false)
        .action(async (opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(561)]).then(__webpack_require__.bind(__webpack_require__, 3561))).catHistoryCommand(io, opts);
    });
    const kv = cat
        .command('kv')
        .summary('Show KV keys with their latest values')
        .description('Show KV keys with the latest version of each. Secret values show as [encrypted]; maand cat kv get --reveal prints one in clear.')
        .option('--jobs <names>', 'show only the namespaces these comma-separated jobs can read')
        .option('--namespace <ns>', 'show only this namespace')
        .option('--active', 'show only live keys', false)
        .option('--deleted', 'show only deleted keys', false)
        .option('--json', 'print JSON instead of a table', false)
        .action(async (opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(561)]).then(__webpack_require__.bind(__webpack_require__, 3561))).catKvCommand(io, opts);
    });
    kv.command('get')
        .summary('Print one KV value')
        .description('Print the latest value of one KV key. A secret prints as [encrypted] unless --reveal is given.')
        .argument('<namespace>', 'the KV namespace, e.g. vars/job/<job>')
        .argument('<key>', 'the key in that namespace')
        .option('--reveal', 'decrypt a secret value', false)
        .action(async (ns, key, opts) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(983), __webpack_require__.e(85), __webpack_require__.e(561)]).then(__webpack_require__.bind(__webpack_require__, 3561))).catKvGetCommand(io, ns, key, opts);
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
/** Help wraps at the terminal's width, and at 80 columns when not writing to a terminal (stable output). */
function helpWidth(stream) {
    return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
}
/** A command's row in its parent's command list: name and arguments (its own help shows aliases and options). */
function subcommandTerm(cmd) {
    const args = cmd.registeredArguments.map((a) => {
        const name = a.name() + (a.variadic ? '...' : '');
        return a.required ? `<${name}>` : `[${name}]`;
    });
    return [cmd.name(), ...args].join(' ');
}
/** An option's help text; an off-by-default flag does not say `(default: false)`. */
function optionDescription(option) {
    return option.defaultValue === false ? option.description : commander__WEBPACK_IMPORTED_MODULE_0__/* .Help */ ._V.prototype.optionDescription.call(this, option);
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
