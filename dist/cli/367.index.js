export const id = 367;
export const ids = [367];
export const modules = {

/***/ 3788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MC: () => (/* binding */ readMaandConf),
/* harmony export */   OA: () => (/* binding */ sshSettings),
/* harmony export */   Wx: () => (/* binding */ writeDefaultMaandConf)
/* harmony export */ });
/* unused harmony export DEFAULT_MAAND_CONF_TEXT */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _hooks_env_allowlist_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1839);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2991);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9692);
// maand.conf (§4.1): ssh, sudo, certificate lifetime, job config selector, log format.





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
};
/** Reads maand.conf: absent file → zero values (certs_ttl 0, a reference quirk kept on purpose). */
function readMaandConf(file) {
    let table;
    try {
        table = (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .readToml */ .D7)(file, 'maand.conf');
    }
    catch (e) {
        if (e instanceof _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FileReadError */ .tJ)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)}; fix the TOML syntax of ${file}`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `key ${key} must be ${kind === 'int' ? 'an integer' : kind === 'bool' ? 'a boolean' : 'a string'}, got ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .tomlTypeName */ .g_)(v)}`);
        conf[key] = kind === 'int' ? Number(v) : v;
    }
    if (conf.certs_ttl === 0)
        conf.certs_ttl = 60;
    conf.job_config_selector = conf.job_config_selector.trim();
    return conf;
}
/** `hook_env = ["NAME", "PREFIX_*"]`: checked here so a bad entry fails the build, not a hook. */
function hookEnvList(v, file) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v) || !v.every((e) => typeof e === 'string'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid maand.conf', `key hook_env must be an array of strings, got ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .tomlTypeName */ .g_)(v)}; fix ${file}`);
    for (const entry of v) {
        const problem = (0,_hooks_env_allowlist_js__WEBPACK_IMPORTED_MODULE_4__/* .hookEnvEntryProblem */ .m)(entry);
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
    return { user: conf.ssh_user || 'agent', keyName: conf.ssh_key || 'worker.key', port: conf.ssh_port > 0 ? conf.ssh_port : 22, useSudo: conf.use_sudo };
}


/***/ }),

/***/ 6:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ PRIVATE_DIR),
/* harmony export */   aT: () => (/* binding */ tightenBucketModes),
/* harmony export */   rQ: () => (/* binding */ PRIVATE_FILE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7462);
// Owner-only modes for what holds the catalog and the run logs: data/ and logs/ 0700, the catalog (and
// its WAL and shared-memory files) and the log files 0600. The catalog holds the KV store (its plaintext
// values, the encrypted secrets beside them) and the logs hold hook and make output: no other user of
// the machine reads them. Buckets made before are tightened on the next run, with one note.



const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
/** Tightens what is wider than owner-only; the note saying what changed, undefined when nothing did. */
function tightenBucketModes(root) {
    const p = (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .bucketPaths */ .Z)(root);
    const changed = [];
    const note = (path, was, mode) => {
        if (was !== undefined)
            changed.push(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path)} ${octal(was)} → ${octal(was & mode)}`);
    };
    note(p.dataDir, tighten(p.dataDir, PRIVATE_DIR), PRIVATE_DIR);
    for (const f of [p.db, `${p.db}-wal`, `${p.db}-shm`])
        note(f, tighten(f, PRIVATE_FILE), PRIVATE_FILE);
    // The files under logs/ are reachable only through it: a logs/ that was private keeps them private.
    const logs = tighten(p.logsDir, PRIVATE_DIR);
    if (logs !== undefined) {
        note(p.logsDir, logs, PRIVATE_DIR);
        const n = tightenTree(p.logsDir);
        if (n > 0)
            changed.push(`${n} ${n === 1 ? 'entry' : 'entries'} under it → 0600 (files), 0700 (folders)`);
    }
    if (changed.length === 0)
        return undefined;
    return `tightened permissions that let other users read the catalog or the logs: ${changed.join(', ')}`;
}
/** chmods `path` to at most `mode`; the mode it had when that was wider, else undefined. */
function tighten(path, mode) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return undefined;
    const was = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).mode & 0o777;
    if ((was & ~mode) === 0)
        return undefined;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(path, was & mode);
    return was;
}
/** How many entries under `dir` were tightened. */
function tightenTree(dir) {
    let n = 0;
    for (const e of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name);
        if (e.isDirectory()) {
            if (tighten(full, PRIVATE_DIR) !== undefined)
                n++;
            n += tightenTree(full);
        }
        else if (e.isFile() && tighten(full, PRIVATE_FILE) !== undefined)
            n++;
    }
    return n;
}
function octal(mode) {
    return `0${mode.toString(8).padStart(3, '0')}`;
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

/***/ 1895:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cb: () => (/* binding */ hasRawBytes),
/* harmony export */   Cn: () => (/* binding */ canonicalGoString),
/* harmony export */   Pe: () => (/* binding */ rawByte),
/* harmony export */   cP: () => (/* binding */ decodeGoString),
/* harmony export */   f9: () => (/* binding */ goByteLength),
/* harmony export */   gN: () => (/* binding */ encodeGoString),
/* harmony export */   mA: () => (/* binding */ compareGoStrings)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
// Go strings are byte strings; the engine keeps them as JS strings. Valid UTF-8 is the
// ordinary JS string; a byte that is not part of a valid UTF-8 sequence (e.g. `slice "é" 0 1`)
// is the lone low surrogate U+DC80+byte-0x80 ("surrogate escape", as Python's PEP 383).
// Only the byte-level operations (len, index, slice, ordering, %x, %q, urlquery, the written
// output) need to know; everything else sees a JS string whose code points are Go's runes.
//
// A lone surrogate outside U+DC80–U+DCFF (only data can hold one) encodes as U+FFFD, which is
// what Go's decoders (JSON, YAML) make of it.

const RAW_BASE = 0xdc00;
/** A raw (invalid UTF-8) byte anywhere in the string; the `u` flag skips surrogate pairs. */
const RAW_BYTE = /[\udc80-\udcff]/u;
const SURROGATE = /[\ud800-\udfff]/;
/** The byte a code point stands for when it is a surrogate escape, else undefined. */
function rawByte(cp) {
    return cp >= 0xdc80 && cp <= 0xdcff ? cp - RAW_BASE : undefined;
}
/** Go's []byte(s): the string's bytes, raw bytes included. */
function encodeGoString(s) {
    if (!SURROGATE.test(s))
        return Buffer.from(s, 'utf8');
    const out = [];
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        const raw = rawByte(cp);
        if (raw !== undefined)
            out.push(raw);
        else
            for (const b of Buffer.from(ch, 'utf8'))
                out.push(b); // a lone surrogate encodes as U+FFFD
    }
    return Buffer.from(out);
}
/** Go's string(b): valid UTF-8 sequences become characters, every other byte a surrogate escape. */
function decodeGoString(bytes) {
    if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes))
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    let out = '';
    for (let i = 0; i < bytes.length;) {
        const n = validSequence(bytes, i);
        out += n === 0
            ? String.fromCharCode(RAW_BASE + bytes[i])
            : Buffer.from(bytes.buffer, bytes.byteOffset + i, n).toString('utf8');
        i += n === 0 ? 1 : n;
    }
    return out;
}
/** Length of the valid UTF-8 sequence at b[i] by Go's utf8.DecodeRune rules, 0 if invalid. */
function validSequence(b, i) {
    const b0 = b[i];
    if (b0 < 0x80)
        return 1;
    const cont = (k, lo = 0x80, hi = 0xbf) => b[i + k] !== undefined && b[i + k] >= lo && b[i + k] <= hi;
    if (b0 >= 0xc2 && b0 <= 0xdf)
        return cont(1) ? 2 : 0;
    if (b0 >= 0xe0 && b0 <= 0xef) {
        // No overlongs (E0 80..9F) and no surrogates (ED A0..BF).
        const ok = b0 === 0xe0 ? cont(1, 0xa0) : b0 === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
        return ok && cont(2) ? 3 : 0;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
        // No overlongs (F0 80..8F) and nothing above U+10FFFF (F4 90..).
        const ok = b0 === 0xf0 ? cont(1, 0x90) : b0 === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
        return ok && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}
/** Go's len(s). */
function goByteLength(s) {
    return SURROGATE.test(s) ? encodeGoString(s).length : Buffer.byteLength(s, 'utf8');
}
/**
 * The canonical form of a string built by concatenation: raw bytes that now form a valid
 * UTF-8 sequence (`print (slice "é" 0 1) (slice "é" 1)`) become the character again.
 */
function canonicalGoString(s) {
    return RAW_BYTE.test(s) ? decodeGoString(encodeGoString(s)) : s;
}
/** Whether the string holds a raw (invalid UTF-8) byte. */
function hasRawBytes(s) {
    return RAW_BYTE.test(s);
}
/** Bytewise order (Go's string <, sort.Strings), which for valid UTF-8 is code point order. */
function compareGoStrings(a, b) {
    if (a === b)
        return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y) {
            // Below the surrogates, code unit order is byte order; from there on compare the bytes.
            if (x < 0xd800 && y < 0xd800)
                return x < y ? -1 : 1;
            return Buffer.compare(encodeGoString(a), encodeGoString(b));
        }
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}


/***/ }),

/***/ 9035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oi: () => (/* binding */ isPrint),
/* harmony export */   Pd: () => (/* binding */ trimSpace),
/* harmony export */   UU: () => (/* binding */ quoteASCII),
/* harmony export */   Zx: () => (/* binding */ quoteRune),
/* harmony export */   _n: () => (/* binding */ unquote),
/* harmony export */   aM: () => (/* binding */ runeCount),
/* harmony export */   e0: () => (/* binding */ atoi),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   yR: () => (/* binding */ canBackquote),
/* harmony export */   yj: () => (/* binding */ unquoteChar)
/* harmony export */ });
/* unused harmony export UnquoteError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _gostring_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1895);
// The parts of Go's strconv and unicode packages the engine needs: quoting (%q, error
// messages), unquoting string/char literals, Atoi with Go's error texts, and TrimSpace.


const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
function isPrint(cp) {
    return cp >= 0x20 && cp < 0x7f ? true : cp < 0x7f ? false : PRINTABLE.test(String.fromCodePoint(cp));
}
const HEX = '0123456789abcdef';
function hexDigits(n, width) {
    let s = '';
    for (let shift = (width - 1) * 4; shift >= 0; shift -= 4)
        s += HEX[(n >>> shift) & 0xf];
    return s;
}
function escapeRune(cp, quote, asciiOnly) {
    const ch = String.fromCodePoint(cp);
    if (ch === quote || ch === '\\')
        return '\\' + ch;
    if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp))
        return ch;
    switch (cp) {
        case 7: return '\\a';
        case 8: return '\\b';
        case 12: return '\\f';
        case 10: return '\\n';
        case 13: return '\\r';
        case 9: return '\\t';
        case 11: return '\\v';
    }
    if (cp < 0x20 || cp === 0x7f)
        return '\\x' + hexDigits(cp, 2);
    const raw = (0,_gostring_js__WEBPACK_IMPORTED_MODULE_1__/* .rawByte */ .Pe)(cp);
    if (raw !== undefined)
        return '\\x' + hexDigits(raw, 2); // Go quotes an invalid byte as \xNN
    if (cp >= 0xd800 && cp <= 0xdfff)
        cp = 0xfffd; // a lone surrogate is not a valid rune
    return cp < 0x10000 ? '\\u' + hexDigits(cp, 4) : '\\U' + hexDigits(cp, 8);
}
function quoteWith(s, quote, asciiOnly) {
    let out = quote;
    for (const ch of s)
        out += escapeRune(ch.codePointAt(0), quote, asciiOnly);
    return out + quote;
}
/** strconv.Quote */
function quote(s) {
    return quoteWith(s, '"', false);
}
/** strconv.QuoteToASCII */
function quoteASCII(s) {
    return quoteWith(s, '"', true);
}
/** strconv.QuoteRune (or QuoteRuneToASCII). */
function quoteRune(cp, asciiOnly = false) {
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0)
        cp = 0xfffd;
    return "'" + escapeRune(cp, "'", asciiOnly) + "'";
}
/** strconv.CanBackquote: fits in a raw string literal. */
function canBackquote(s) {
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        if (ch === '`' || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        if ((cp < 0x20 && cp !== 9) || cp === 0x7f)
            return false;
    }
    return true;
}
/** Thrown by unquote; its message is Go's ErrSyntax text. */
class UnquoteError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
    name = 'UnquoteError';
    constructor() {
        super('template', 'invalid syntax', undefined, { bare: true });
    }
}
const SIMPLE_ESCAPES = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
/**
 * Decodes one (possibly escaped) character at s[i] inside a `quote`-quoted literal.
 * Returns the code point (or raw byte for \x and octal escapes) and the next index.
 */
function unquoteChar(s, i, quote) {
    const c = s[i];
    if (c === undefined)
        throw new UnquoteError();
    if (c === quote && (quote === "'" || quote === '"'))
        throw new UnquoteError();
    if (c !== '\\') {
        const cp = s.codePointAt(i);
        return { value: cp, byte: false, next: i + (cp > 0xffff ? 2 : 1) };
    }
    const e = s[i + 1];
    if (e === undefined)
        throw new UnquoteError();
    if (e in SIMPLE_ESCAPES)
        return { value: SIMPLE_ESCAPES[e], byte: false, next: i + 2 };
    if (e === 'x' || e === 'u' || e === 'U') {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const digits = s.slice(i + 2, i + 2 + n);
        if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits))
            throw new UnquoteError();
        const v = parseInt(digits, 16);
        if (e === 'x')
            return { value: v, byte: true, next: i + 2 + n };
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
            throw new UnquoteError();
        return { value: v, byte: false, next: i + 2 + n };
    }
    if (e >= '0' && e <= '7') {
        const digits = s.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(digits))
            throw new UnquoteError();
        const v = parseInt(digits, 8);
        if (v > 255)
            throw new UnquoteError();
        return { value: v, byte: true, next: i + 4 };
    }
    if ((e === "'" || e === '"') && e === quote)
        return { value: e.charCodeAt(0), byte: false, next: i + 2 };
    throw new UnquoteError();
}
/**
 * strconv.Unquote for "…", `…` and '…' literals. Byte escapes (`\xc3`) stay raw bytes; a raw
 * invalid byte written into a quoted literal becomes U+FFFD, as in Go (raw `…` keep it).
 */
function unquote(lit) {
    const q = lit[0];
    if (lit.length < 2 || q !== lit[lit.length - 1])
        throw new UnquoteError();
    const body = lit.slice(1, -1);
    if (q === '`') {
        if (body.includes('`'))
            throw new UnquoteError();
        return body.replaceAll('\r', '');
    }
    if (q !== '"' && q !== "'")
        throw new UnquoteError();
    if (body.includes('\n'))
        throw new UnquoteError();
    if (!body.includes('\\') && !body.includes(q) && !(0,_gostring_js__WEBPACK_IMPORTED_MODULE_1__/* .hasRawBytes */ .Cb)(body))
        return body;
    const bytes = [];
    const enc = new TextEncoder();
    let i = 0;
    while (i < body.length) {
        const r = unquoteChar(body, i, q);
        if (r.byte)
            bytes.push(r.value);
        else
            for (const b of enc.encode(String.fromCodePoint(r.value)))
                bytes.push(b);
        i = r.next;
    }
    return (0,_gostring_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeGoString */ .cP)(new Uint8Array(bytes));
}
const INT64_MAX = (1n << 63n) - 1n;
/** strconv.Atoi, with Go's error texts (`strconv.Atoi: parsing "x": invalid syntax`). */
function atoi(s) {
    const fail = (why) => new Error(`strconv.Atoi: parsing ${quote(s)}: ${why}`);
    let i = 0;
    let neg = false;
    if (s[0] === '+' || s[0] === '-') {
        neg = s[0] === '-';
        i = 1;
    }
    if (i >= s.length)
        throw fail('invalid syntax');
    let n = 0n;
    const limit = neg ? INT64_MAX + 1n : INT64_MAX;
    for (; i < s.length; i++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9)
            throw fail('invalid syntax');
        n = n * 10n + BigInt(d);
        if (n > limit)
            throw fail('value out of range');
    }
    const v = neg ? -n : n;
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
/** Go's unicode.IsSpace set, for strings.TrimSpace. */
const SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
/** strings.TrimSpace */
function trimSpace(s) {
    let a = 0;
    let b = s.length;
    while (a < b && SPACE.includes(s[a]))
        a++;
    while (b > a && SPACE.includes(s[b - 1]))
        b--;
    return s.slice(a, b);
}
/** Number of code points (Go's utf8.RuneCountInString). */
function runeCount(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length)
            n++;
        else {
            const d = s.charCodeAt(i + 1);
            n++;
            if (d >= 0xdc00 && d <= 0xdfff)
                i++;
        }
    }
    return n;
}


/***/ }),

/***/ 8462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ quoted)
/* harmony export */ });
/* unused harmony export printable */
/* harmony import */ var _template_strconv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9035);
// User text inside an error message: `"text"` as the reference prints it, escaped the Go way (%q)
// when it holds a line break or another invisible character, so one error stays one line and a
// right-to-left override cannot disguise what follows.

function quoted(s) {
    return /^\P{C}*$/u.test(s) ? `"${s}"` : (0,_template_strconv_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(s);
}
/** User text shown bare (a name, a list item): as is when printable, else Go-quoted (see quoted). */
function printable(s) {
    return /^\P{C}*$/u.test(s) ? s : quote(s);
}


/***/ })

};
