export const id = 518;
export const ids = [518];
export const modules = {

/***/ 1187:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qZ: () => (/* binding */ acquireBucketLock),
/* harmony export */   wD: () => (/* binding */ withBucketLock)
/* harmony export */ });
/* unused harmony export lockFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(452);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9609);
/* harmony import */ var _util_exit_cleanup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9127);
// One maand at a time per bucket. Two runs in the same bucket (two terminals, or a deploy while a
// build runs) would wipe each other's tmp/, bump update_seq twice and promote from plans the other
// one invalidated. data/maand.lock holds the running process's pid, host and command; a lock whose
// process is gone (same host, pid not alive) is taken over. Re-entrant within one process, so a
// command that runs another (deploy --build, drift correction) does not lock itself out.






/** Locks this process holds, by lock file, with how many nested holders and the abnormal-exit release. */
const held = new Map();
const exitReleases = new Map();
function lockFile(root) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'data', 'maand.lock');
}
/** Runs `fn` holding the bucket's lock; throws `bucket is busy` when another live maand holds it. */
async function withBucketLock(root, command, fn) {
    const release = acquireBucketLock(root, command);
    try {
        return await fn();
    }
    finally {
        release();
    }
}
/** Takes the lock (or joins this process's hold of it); returns the release function. */
function acquireBucketLock(root, command) {
    const file = lockFile(root);
    const count = held.get(file);
    if (count !== undefined) {
        held.set(file, count + 1);
        return once(() => releaseHold(file));
    }
    const info = { pid: process.pid, host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), command, started: new Date().toISOString() };
    for (let attempt = 0;; attempt++) {
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'wx', 0o644);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, `${JSON.stringify(info)}\n`);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
            held.set(file, 1);
            exitReleases.set(file, (0,_util_exit_cleanup_js__WEBPACK_IMPORTED_MODULE_4__/* .onAbnormalExit */ .q)(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true })));
            return once(() => releaseHold(file));
        }
        catch (e) {
            const code = e.code;
            // no data/ yet: not a bucket (or not initialized), the command reports that itself
            if (code === 'ENOENT')
                return () => { };
            if (code !== 'EEXIST')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MaandError */ .Ob('bucket is busy', `cannot create ${file}: ${e.message}`);
            const other = readLock(file);
            if (attempt === 0 && other !== undefined && isStale(other)) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
                continue;
            }
            if (attempt === 0 && other === undefined) {
                // being written this very moment by the other process, or emptied by a crash: look once more
                continue;
            }
            throw busy(file, other);
        }
    }
}
function releaseHold(file) {
    const count = held.get(file) ?? 0;
    if (count > 1) {
        held.set(file, count - 1);
        return;
    }
    held.delete(file);
    exitReleases.get(file)?.();
    exitReleases.delete(file);
    if (readLock(file)?.pid === process.pid)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
}
function readLock(file) {
    try {
        const v = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        if (typeof v.pid !== 'number' || typeof v.host !== 'string')
            return undefined;
        return { pid: v.pid, host: v.host, command: String(v.command ?? 'maand'), started: String(v.started ?? '') };
    }
    catch {
        return undefined;
    }
}
/** Only a lock of this host can be judged: its process is gone, or its pid now belongs to a newer process. */
function isStale(l) {
    if (l.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)())
        return false;
    if (!(0,_util_process_js__WEBPACK_IMPORTED_MODULE_5__/* .processAlive */ .F)(l.pid))
        return true;
    const started = processStartMs(l.pid);
    const locked = Date.parse(l.started);
    // a process that started after the lock was written cannot have written it; the minute of slack
    // covers clock steps since boot (start times derive from the boot time)
    return started !== undefined && !Number.isNaN(locked) && started > locked + 60_000;
}
/** When a process started (Linux /proc; undefined elsewhere). */
function processStartMs(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // fields after the command name (which may hold spaces); starttime is field 22, in clock ticks since boot
        const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
        const btime = Number(/^btime (\d+)$/m.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/stat', 'utf8'))?.[1]);
        if (!Number.isFinite(ticks) || !Number.isFinite(btime))
            return undefined;
        return btime * 1000 + (ticks * 1000) / CLOCK_TICKS;
    }
    catch {
        return undefined;
    }
}
/** USER_HZ: 100 on every Linux architecture Node supports. */
const CLOCK_TICKS = 100;
function busy(file, other) {
    const who = other ? `maand ${other.command} (pid ${other.pid} on ${other.host}, started ${other.started})` : 'another maand';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MaandError */ .Ob('bucket is busy', `${who} is running in this bucket; wait for it to finish, or delete ${file} if that process is gone`);
}
function once(fn) {
    let done = false;
    return () => {
        if (done)
            return;
        done = true;
        fn();
    };
}


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MC: () => (/* binding */ readMaandConf),
/* harmony export */   OA: () => (/* binding */ sshSettings),
/* harmony export */   Wx: () => (/* binding */ writeDefaultMaandConf)
/* harmony export */ });
/* unused harmony exports DEFAULT_HISTORY_RETAIN, DEFAULT_RETAIN_RELEASES, DEFAULT_MAAND_CONF_TEXT, DEFAULT_SSH_MAX_STARTUPS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _hooks_env_allowlist_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1839);
/* harmony import */ var _remote_proxy_jump_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5179);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2991);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9692);
// maand.conf (§4.1): ssh, sudo, certificate lifetime, job config selector, log format.






const DEFAULT_HISTORY_RETAIN = 500;
const DEFAULT_RETAIN_RELEASES = 3;
const ZERO = {
    use_sudo: false,
    ssh_user: '',
    ssh_key: '',
    ssh_port: 0,
    certs_ttl: 0,
    certs_renewal_buffer: 0,
    job_config_selector: '',
    log_format: '',
    hook_env: [],
    ssh_proxy_jump: '',
    ssh_max_startups: 0,
    history_retain: DEFAULT_HISTORY_RETAIN,
    retain_releases: DEFAULT_RETAIN_RELEASES,
};
const DEFAULT_MAAND_CONF_TEXT = "use_sudo = true\nssh_user = 'agent'\nssh_key = 'worker.key'\nssh_port = 0\ncerts_ttl = 60\ncerts_renewal_buffer = 0\n";
const KINDS = {
    use_sudo: 'bool',
    ssh_user: 'string',
    ssh_key: 'string',
    ssh_port: 'int',
    certs_ttl: 'int',
    certs_renewal_buffer: 'int',
    job_config_selector: 'string',
    log_format: 'string',
    ssh_proxy_jump: 'string',
    ssh_max_startups: 'int',
    history_retain: 'int',
    retain_releases: 'int',
};
const DEFAULT_SSH_MAX_STARTUPS = 10;
const MAX_SSH_MAX_STARTUPS = 1000;
/** Reads maand.conf: absent file → zero values (certs_ttl 0, a reference quirk kept on purpose). */
function readMaandConf(file) {
    let table;
    try {
        table = (0,_toml_js__WEBPACK_IMPORTED_MODULE_4__/* .readToml */ .D7)(file, 'maand.conf');
    }
    catch (e) {
        if (e instanceof _read_file_js__WEBPACK_IMPORTED_MODULE_3__/* .FileReadError */ .tJ)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `${(0,_toml_js__WEBPACK_IMPORTED_MODULE_4__/* .firstLine */ .TM)(e)}; fix the TOML syntax of ${file}`);
    }
    if (table === undefined)
        return { ...ZERO, hook_env: [] };
    const conf = { ...ZERO, hook_env: hookEnvList(table['hook_env'], file) };
    for (const [key, kind] of Object.entries(KINDS)) {
        const v = table[key];
        if (v === undefined)
            continue;
        const ok = kind === 'bool' ? typeof v === 'boolean' : kind === 'string' ? typeof v === 'string' : typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
        if (!ok)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `key ${key} must be ${kind === 'int' ? 'an integer' : kind === 'bool' ? 'a boolean' : 'a string'}, got ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_4__/* .tomlTypeName */ .g_)(v)}`);
        conf[key] = kind === 'int' ? Number(v) : v;
    }
    if (conf.certs_ttl === 0)
        conf.certs_ttl = 60;
    for (const key of ['history_retain', 'retain_releases']) {
        if (conf[key] < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `key ${key} must be 0 (the default) or more, got ${conf[key]}; fix ${file}`);
        if (conf[key] === 0)
            conf[key] = key === 'history_retain' ? DEFAULT_HISTORY_RETAIN : DEFAULT_RETAIN_RELEASES;
    }
    conf.job_config_selector = conf.job_config_selector.trim();
    conf.ssh_proxy_jump = conf.ssh_proxy_jump.trim();
    (0,_remote_proxy_jump_js__WEBPACK_IMPORTED_MODULE_2__/* .parseProxyJump */ .uo)(conf.ssh_proxy_jump, `key ssh_proxy_jump in ${file}`, 'invalid maand.conf');
    if (conf.ssh_max_startups < 0 || conf.ssh_max_startups > MAX_SSH_MAX_STARTUPS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `key ssh_max_startups must be from 1 to ${MAX_SSH_MAX_STARTUPS} (0: the default ${DEFAULT_SSH_MAX_STARTUPS}), got ${conf.ssh_max_startups}; fix ${file}`);
    return conf;
}
/** `hook_env = ["NAME", "PREFIX_*"]`: checked here so a bad entry fails the build, not a hook. */
function hookEnvList(v, file) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v) || !v.every((e) => typeof e === 'string'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `key hook_env must be an array of strings, got ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_4__/* .tomlTypeName */ .g_)(v)}; fix ${file}`);
    for (const entry of v) {
        const problem = (0,_hooks_env_allowlist_js__WEBPACK_IMPORTED_MODULE_5__/* .hookEnvEntryProblem */ .m)(entry);
        if (problem !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `hook_env entry ${problem} (${file})`);
    }
    return [...new Set(v)].sort();
}
function writeDefaultMaandConf(file) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, DEFAULT_MAAND_CONF_TEXT, { mode: 0o644 });
}
/** The effective ssh settings consumers use (defaults applied). */
function sshSettings(conf) {
    return {
        user: conf.ssh_user || 'agent',
        keyName: conf.ssh_key || 'worker.key',
        port: conf.ssh_port > 0 ? conf.ssh_port : 22,
        useSudo: conf.use_sudo,
        proxyJump: conf.ssh_proxy_jump ?? '',
        maxStartups: conf.ssh_max_startups > 0 ? conf.ssh_max_startups : DEFAULT_SSH_MAX_STARTUPS,
    };
}


/***/ }),

/***/ 2991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   io: () => (/* binding */ readBytes),
/* harmony export */   ko: () => (/* binding */ readOptionalText),
/* harmony export */   tJ: () => (/* binding */ FileReadError),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
// Reading bucket files with one error for everything but "absent": a directory where a file belongs,
// no permission, an I/O error. The message names the file relative to the bucket and what to do.


class FileReadError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob {
    name = 'FileReadError';
    constructor(shown, reason) {
        super('cannot read file', `${shown} ${reason}`);
    }
}
function failure(e, shown) {
    const code = e.code;
    if (code === 'EISDIR')
        return new FileReadError(shown, 'is a directory (replace it with a regular file)');
    if (code === 'EACCES' || code === 'EPERM')
        return new FileReadError(shown, 'is not readable (permission denied; make it readable by the user running maand)');
    if (code === 'ENOENT')
        return new FileReadError(shown, 'does not exist');
    return new FileReadError(shown, `(${e.message})`);
}
/** The file's bytes; a missing file is an error too. `shown` is the path as the user knows it. */
function readBytes(file, shown) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    }
    catch (e) {
        throw failure(e, shown);
    }
}
function readText(file, shown) {
    return readBytes(file, shown).toString('utf8');
}
/** The file's text, or undefined when it does not exist. */
function readOptionalText(file, shown) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw failure(e, shown);
    }
}


/***/ }),

/***/ 9692:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ readToml),
/* harmony export */   Qi: () => (/* binding */ stringMap),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   g_: () => (/* binding */ tomlTypeName)
/* harmony export */ });
/* unused harmony export TomlSyntaxError */
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2991);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8462);
// TOML reading shared by maand.conf, bucket.conf, bucket.jobs*.conf and vars.toml.



/**
 * Reads a TOML file; undefined when it does not exist. A file that cannot be read throws
 * FileReadError (not a TOML problem: callers let it through); parse errors throw TomlSyntaxError.
 */
function readToml(file, shown) {
    const text = (0,_read_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readOptionalText */ .ko)(file, shown);
    if (text === undefined)
        return undefined;
    try {
        return (0,smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (e) {
        // smol-toml's message ends with a code frame of the offending lines; the first line says it all.
        throw new TomlSyntaxError(firstLine(e));
    }
}
/** A TOML syntax error, first line of the parser's message. */
class TomlSyntaxError extends Error {
    name = 'TomlSyntaxError';
}
function firstLine(e) {
    return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
function tomlTypeName(v) {
    if (Array.isArray(v))
        return 'array';
    if (v instanceof Date)
        return 'datetime';
    if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))
        return 'integer';
    if (typeof v === 'number')
        return 'float';
    if (typeof v === 'object' && v !== null)
        return 'table';
    return typeof v;
}
/** A flat string → string map; any other value type is an error naming the key. */
function stringMap(table, where) {
    const out = {};
    for (const [k, v] of Object.entries(table)) {
        if (typeof v !== 'string')
            throw new Error(`${where}key ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_2__/* .quoted */ .T)(k)}: expected a string, got ${tomlTypeName(v)}`);
        out[k] = v;
    }
    return out;
}


/***/ }),

/***/ 1839:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ hookEnvEntryProblem),
/* harmony export */   z: () => (/* binding */ allowedHookEnv)
/* harmony export */ });
// Which variables of the caller's environment a hook inherits (least privilege, issue 15): a short
// list hooks need to run Python, Node.js or make, maand's own hook variables, and the names a bucket
// opts into with `hook_env` in maand.conf. The runner's secrets (Action inputs, GitHub and runner
// tokens, the SSH key or agent) never pass, whatever the bucket lists. Pure: no process.env here.
/** Always passed when the base has them. `LC_*`: every locale category. */
const DEFAULT_NAMES = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'LC_*', 'TZ', 'TMPDIR', 'TERM'];
/** maand's own hook variables that callers put into the base (src/remote builds them). */
const MAAND_NAMES = ['MAAND_SSH_CONTROL_DIR', 'MAAND_SSH_OPTIONS', 'MAAND_SSH_USER', 'MAAND_SSH_PORT'];
/** Never passed and never accepted in hook_env: Action inputs, runner and GitHub tokens, SSH key material. */
const DENIED = [
    'INPUT_*', 'ACTIONS_*', 'RUNNER_*', 'GITHUB_TOKEN', 'GH_TOKEN', 'SSH_AUTH_SOCK', 'MAAND_SSH_KEY', 'MAAND_STATE_KEY',
];
const PATTERN = /^[A-Za-z_][A-Za-z0-9_]*\*?$/;
function matches(pattern, name) {
    return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
/** Whether some name could match both patterns (`IN*` overlaps `INPUT_*`, `INPUT_X` overlaps `INPUT_*`). */
function overlaps(a, b) {
    const pa = a.endsWith('*') ? a.slice(0, -1) : undefined;
    const pb = b.endsWith('*') ? b.slice(0, -1) : undefined;
    if (pa === undefined && pb === undefined)
        return a === b;
    if (pa !== undefined && pb !== undefined)
        return pa.startsWith(pb) || pb.startsWith(pa);
    return pa === undefined ? a.startsWith(pb) : b.startsWith(pa);
}
function isDenied(name) {
    return DENIED.some((d) => matches(d, name));
}
/**
 * Why a `hook_env` entry is refused, or undefined when it is fine. Entries are a variable name or a
 * prefix ending in `*` (`PREFIX_*`); anything that could match a denied name is refused.
 */
function hookEnvEntryProblem(entry) {
    if (!PATTERN.test(entry) || entry === '*')
        return `${JSON.stringify(entry)} is not a variable name or a prefix ending in * (e.g. "PIP_INDEX_URL" or "PIP_*")`;
    const denied = DENIED.find((d) => overlaps(entry, d));
    if (denied !== undefined)
        return `${JSON.stringify(entry)} would pass ${denied} to hooks: the runner's inputs, tokens and SSH key never reach hooks; remove it`;
    return undefined;
}
/**
 * The part of `base` a hook may see: the default names, maand's hook variables and the bucket's
 * opt-ins (`optIn`, already validated), never a denied name. Keys come out sorted.
 */
function allowedHookEnv(base, optIn = []) {
    const allowed = [...DEFAULT_NAMES, ...MAAND_NAMES, ...optIn];
    const out = {};
    for (const name of Object.keys(base).sort()) {
        const value = base[name];
        if (value === undefined || isDenied(name))
            continue;
        if (allowed.some((p) => matches(p, name)))
            out[name] = value;
    }
    return out;
}


/***/ }),

/***/ 5179:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uo: () => (/* binding */ parseProxyJump)
/* harmony export */ });
/* unused harmony exports MAX_JUMP_HOPS, PROXY_JUMP_SYNTAX, hopName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _bucket_identifiers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2818);
// The bastion chain of a worker (issue 14, decision Q37): OpenSSH -J syntax,
// `[ssh://][user@]host[:port][,[user@]host[:port]...]`, first hop first. A hop without a user logs
// in as the run's ssh_user (a CI runner's own login name means nothing on a bastion).


/** Longer chains are a configuration mistake, not a network. */
const MAX_JUMP_HOPS = 8;
const USER = /^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$/;
const PROXY_JUMP_SYNTAX = 'user@host[:port], a chain as user@first[:port],user@second[:port]; "" connects directly';
/** One hop, or the reason it is not one. */
function parseHop(text) {
    let rest = text.startsWith('ssh://') ? text.slice('ssh://'.length) : text;
    let user;
    const at = rest.lastIndexOf('@');
    if (at >= 0) {
        user = rest.slice(0, at);
        rest = rest.slice(at + 1);
        if (!USER.test(user))
            return `user ${JSON.stringify(user)} is not a login name`;
    }
    let host = rest;
    let portText;
    const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
    if (v6 !== null) {
        host = v6[1];
        portText = v6[2];
    }
    else if (rest.split(':').length === 2) {
        [host, portText] = rest.split(':');
    }
    if (host === '')
        return 'the host is missing';
    if (!(0,_bucket_identifiers_js__WEBPACK_IMPORTED_MODULE_1__/* .isWorkerHost */ .VM)(host))
        return `host ${JSON.stringify(host)} is not an IP address or DNS name`;
    let port = 22;
    if (portText !== undefined) {
        port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
        if (port < 1 || port > 65535)
            return `port ${JSON.stringify(portText)} is not a number from 1 to 65535`;
    }
    return { ...(user === undefined ? {} : { user }), host, port };
}
/**
 * The hops of a -J value ('' → none). `where` names the setting for the message (e.g.
 * `maand.conf ssh_proxy_jump`); `kind` is the error kind of that setting's file.
 */
function parseProxyJump(spec, where, kind = 'invalid argument') {
    const text = spec.trim();
    if (text === '')
        return [];
    const fail = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob(kind, `${where} ${JSON.stringify(spec)}: ${why}; use ${PROXY_JUMP_SYNTAX}`);
    };
    if (/[\s\p{C}]/u.test(text))
        fail('it must not contain spaces or control characters');
    const parts = text.split(',');
    if (parts.length > MAX_JUMP_HOPS)
        fail(`more than ${MAX_JUMP_HOPS} hops`);
    return parts.map((part, i) => {
        const hop = part === '' ? 'the hop is empty' : parseHop(part);
        if (typeof hop === 'string')
            return fail(parts.length > 1 ? `hop ${i + 1} (${JSON.stringify(part)}): ${hop}` : hop);
        return hop;
    });
}
/** `user@host:port` of a hop, as messages and known_hosts name it. */
function hopName(hop, defaultUser) {
    const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
    return `${hop.user ?? defaultUser}@${host}${hop.port === 22 ? '' : `:${hop.port}`}`;
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


/***/ }),

/***/ 9609:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ processAlive)
/* harmony export */ });
// Whether a process of this machine still exists, for files named after the pid that wrote them.
/** False only when the pid is gone (ESRCH); a process of another user (EPERM) is alive. */
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code !== 'ESRCH';
    }
}


/***/ })

};
