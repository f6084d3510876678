export const id = 566;
export const ids = [566];
export const modules = {

/***/ 9566:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installLastResort: () => (/* binding */ installLastResort)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _util_exit_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9127);
// The last line of defence of every entry (CLI, Action main and post): an error nobody caught — an
// unhandled rejection or an uncaught exception — still ends as one line, never a stack trace, and
// releases the bucket lock and the run's temp dirs before the process exits 1.


/** `report` says the one line (and may do async work: the Action writes its summary) before the exit. */
function installLastResort(report) {
    let handling = false;
    const handler = (e) => {
        if (handling)
            return;
        handling = true;
        (0,_util_exit_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .runAbnormalExitCleanups */ .F)();
        Promise.resolve()
            .then(() => report((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .userMessage */ .Rq)(e), e))
            .catch(() => undefined)
            .finally(() => process.exit(1));
    };
    process.on('uncaughtException', handler);
    process.on('unhandledRejection', handler);
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


/***/ }),

/***/ 9127:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runAbnormalExitCleanups),
/* harmony export */   q: () => (/* binding */ onAbnormalExit)
/* harmony export */ });
// What must not outlive a run that dies from an error nobody caught: the bucket lock, the staging area,
// the ssh control directory. Each owner registers a synchronous cleanup when it takes the resource and
// drops it when it releases the resource normally; the entries' last-resort handlers run what is left.
const pending = new Map();
let nextId = 0;
/** Registers `fn` for an abnormal exit; the returned function unregisters it (call it on normal release). */
function onAbnormalExit(fn) {
    const id = nextId++;
    pending.set(id, fn);
    return () => void pending.delete(id);
}
/** Runs every registered cleanup once, newest first; a cleanup that throws does not stop the others. */
function runAbnormalExitCleanups() {
    const fns = [...pending.values()].reverse();
    pending.clear();
    for (const fn of fns) {
        try {
            fn();
        }
        catch {
            // best effort: the process is about to exit with the original error
        }
    }
}


/***/ })

};
