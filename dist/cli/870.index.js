export const id = 870;
export const ids = [870];
export const modules = {

/***/ 8093:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ readBucketConf),
/* harmony export */   Q4: () => (/* binding */ DEFAULT_BUCKET_CONF_TEXT),
/* harmony export */   Sl: () => (/* binding */ jobsConfFileName),
/* harmony export */   kV: () => (/* binding */ portPool),
/* harmony export */   xX: () => (/* binding */ readJobsConf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2991);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9692);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8462);
// workspace/bucket.conf (port pool + bucket vars, §4.2) and bucket.jobs[.<selector>].conf (§4.3).





const DEFAULT_BUCKET_CONF_TEXT = 'port_min = "30000"\nport_max = "39999"\n';
/** All keys of bucket.conf (missing file → empty map). */
function readBucketConf(paths) {
    try {
        const table = (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .readToml */ .D7)(paths.bucketConf, 'workspace/bucket.conf');
        return table === undefined ? {} : (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .stringMap */ .Qi)(table, '');
    }
    catch (e) {
        if (e instanceof _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FileReadError */ .tJ)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)} (workspace/bucket.conf: every value must be a quoted string)`);
    }
}
function portPool(conf) {
    const read = (key, dflt) => {
        const raw = conf[key] ?? '';
        const t = raw.trim();
        if (t === '')
            return dflt;
        if (!/^[+-]?\d+$/.test(t))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid port range in bucket.conf', `${key} ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .T)(raw)}`);
        return Number(t);
    };
    const min = read('port_min', 30000);
    const max = read('port_max', 39999);
    if (min < 1 || max > 65535 || min > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid port range in bucket.conf', `port_min=${min} port_max=${max}`);
    return { min, max };
}
function jobsConfFileName(selector) {
    const s = selector.trim();
    return s === '' ? 'bucket.jobs.conf' : `bucket.jobs.${s}.conf`;
}
/** The selected bucket.jobs*.conf: top-level tables named after jobs, each a string map. */
function readJobsConf(paths, selector) {
    const fileName = jobsConfFileName(selector);
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(paths.workspace, fileName);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(paths.root, file);
    const sections = new Map();
    let table;
    try {
        table = (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .readToml */ .D7)(file, rel);
    }
    catch (e) {
        if (e instanceof _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FileReadError */ .tJ)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `bucket conf ${rel} ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)}`);
    }
    if (table === undefined)
        return { fileName, sections };
    for (const [job, section] of Object.entries(table)) {
        if (typeof section !== 'object' || section === null || Array.isArray(section) || section instanceof Date)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `bucket conf ${rel} key ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .T)(job)} must be a [${job}] table, got ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .tomlTypeName */ .g_)(section)}`);
        try {
            sections.set(job, (0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .stringMap */ .Qi)(section, `[${job}] `));
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaandError */ .Ob('invalid bucket.conf', `bucket conf ${rel} ${(0,_toml_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(e)}`);
        }
    }
    return { fileName, sections };
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

/***/ 3047:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ generateRsaKey),
/* harmony export */   n: () => (/* binding */ privateKeyPem)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
// RSA key generation and PEM export. Generation is async: it runs in libuv's thread pool, so
// several 4096-bit keys are produced in parallel instead of blocking the event loop.


const generate = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPair);
async function generateRsaKey(bits) {
    return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}
/** `RSA PRIVATE KEY` (PKCS#1) or, with `pkcs8`, `PRIVATE KEY` PEM text ending in a newline. */
function privateKeyPem(key, pkcs8) {
    return key.export({ type: pkcs8 ? 'pkcs8' : 'pkcs1', format: 'pem' }).toString();
}


/***/ }),

/***/ 5261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ encodePem),
/* harmony export */   x: () => (/* binding */ decodePem)
/* harmony export */ });
// PEM framing with Go's encoding/pem behaviour: the first well-formed block anywhere in the text wins
// (leading text is skipped); a block whose body is not base64 does not count as a block.
const BLOCK = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;
/** The first decodable PEM block, or undefined ("no PEM block found"). */
function decodePem(text) {
    for (const match of text.matchAll(BLOCK)) {
        const type = match[1] ?? '';
        const body = stripHeaders(match[2] ?? '');
        if (body === undefined || !BASE64.test(body))
            continue;
        return { type, bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
    }
    return undefined;
}
/** Drops RFC 1421 headers ("Proc-Type: ...") and the blank line after them. */
function stripHeaders(body) {
    const lines = body.split(/\r?\n/);
    if (!(lines[0] ?? '').includes(':'))
        return body;
    const blank = lines.findIndex((line) => line.trim() === '');
    return blank < 0 ? undefined : lines.slice(blank + 1).join('\n');
}
/** PEM text with 64-column base64 lines and a trailing newline, like Go's pem.EncodeToMemory. */
function encodePem(type, der) {
    const b64 = Buffer.from(der).toString('base64');
    const lines = b64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${type}-----\n${lines.map((l) => l + '\n').join('')}-----END ${type}-----\n`;
}


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n6: () => (/* binding */ KeyUsage),
  h: () => (/* binding */ commonNameSubject),
  YG: () => (/* binding */ randomSerial),
  jm: () => (/* binding */ signCertificate),
  qN: () => (/* binding */ subjectKeyIdOf)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/certs/der.js
// A minimal DER encoder: just the ASN.1 types an X.509 v3 certificate needs. Every helper returns
// one complete TLV, so certificates are assembled by nesting calls (see x509.ts).
const TAG = {
    boolean: 0x01,
    integer: 0x02,
    bitString: 0x03,
    octetString: 0x04,
    null: 0x05,
    oid: 0x06,
    utf8String: 0x0c,
    printableString: 0x13,
    utcTime: 0x17,
    generalizedTime: 0x18,
    sequence: 0x30,
    set: 0x31,
};
/** Encodes one TLV; lengths use the short form below 128 and the minimal long form above. */
function tlv(tag, content) {
    const len = content.length;
    let header;
    if (len < 0x80) {
        header = [tag, len];
    }
    else {
        const bytes = [];
        for (let n = len; n > 0; n = Math.floor(n / 256))
            bytes.unshift(n % 256);
        header = [tag, 0x80 | bytes.length, ...bytes];
    }
    return Buffer.concat([Buffer.from(header), content]);
}
function sequence(...items) {
    return tlv(TAG.sequence, Buffer.concat(items));
}
function set(...items) {
    return tlv(TAG.set, Buffer.concat(items));
}
/** `[n]` context-specific constructed tag (EXPLICIT wrapping). */
function explicit(n, content) {
    return tlv(0xa0 | n, content);
}
/** `[n]` context-specific primitive tag (IMPLICIT over a primitive type). */
function implicitPrimitive(n, content) {
    return tlv(0x80 | n, content);
}
function der_boolean(value) {
    return tlv(TAG.boolean, Buffer.from([value ? 0xff : 0x00]));
}
function nullValue() {
    return tlv(TAG.null, Buffer.alloc(0));
}
/** Non-negative INTEGER from big-endian magnitude bytes: minimal, with a 0x00 pad when the top bit is set. */
function unsignedInteger(magnitude) {
    let start = 0;
    while (start < magnitude.length - 1 && magnitude[start] === 0)
        start++;
    const body = Buffer.from(magnitude.subarray(start));
    if (body.length === 0)
        return tlv(TAG.integer, Buffer.from([0]));
    return tlv(TAG.integer, body[0] & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : body);
}
function smallInteger(value) {
    return unsignedInteger(Buffer.from([value]));
}
/** OBJECT IDENTIFIER from dotted text, e.g. "2.5.4.3". */
function oid(dotted) {
    const arcs = dotted.split('.').map(Number);
    const [first = 0, second = 0, ...rest] = arcs;
    const out = [];
    for (const arc of [first * 40 + second, ...rest]) {
        const groups = [arc % 128];
        for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
            groups.unshift((n % 128) | 0x80);
        out.push(...groups);
    }
    return tlv(TAG.oid, Buffer.from(out));
}
function octetString(content) {
    return tlv(TAG.octetString, content);
}
function bitString(content, unusedBits = 0) {
    return tlv(TAG.bitString, Buffer.concat([Buffer.from([unusedBits]), content]));
}
// PrintableString alphabet plus '*', as Go's encoding/asn1 allows (wildcard names); else UTF8String.
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?*]*$/;
/** A directory string the way Go marshals a plain string: PrintableString when possible, else UTF8String. */
function directoryString(value) {
    const tag = PRINTABLE.test(value) ? TAG.printableString : TAG.utf8String;
    return tlv(tag, Buffer.from(value, 'utf8'));
}
/** RFC 5280 Time: UTCTime for 1950-2049, GeneralizedTime otherwise; whole seconds, UTC. */
function time(date) {
    const year = date.getUTCFullYear();
    const pad = (n) => String(n).padStart(2, '0');
    const rest = pad(date.getUTCMonth() + 1) +
        pad(date.getUTCDate()) +
        pad(date.getUTCHours()) +
        pad(date.getUTCMinutes()) +
        pad(date.getUTCSeconds()) +
        'Z';
    if (year >= 1950 && year < 2050)
        return tlv(TAG.utcTime, Buffer.from(pad(year % 100) + rest, 'ascii'));
    return tlv(TAG.generalizedTime, Buffer.from(String(year).padStart(4, '0') + rest, 'ascii'));
}

;// CONCATENATED MODULE: ./lib/certs/x509.js
// Assembles and signs an X.509 v3 certificate (RFC 5280) from a small template, laying out fields
// and extensions the way Go's x509.CreateCertificate does, so certificates match the reference tool.


const OID = {
    sha256WithRsa: '1.2.840.113549.1.1.11',
    commonName: '2.5.4.3',
    keyUsage: '2.5.29.15',
    basicConstraints: '2.5.29.19',
    subjectKeyId: '2.5.29.14',
    authorityKeyId: '2.5.29.35',
    subjectAltName: '2.5.29.17',
};
/** Key usage bit positions (RFC 5280 §4.2.1.3). */
const KeyUsage = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5 };
/** DER Name with only a common name; an empty CN gives an empty Name, as in Go. */
function commonNameSubject(commonName) {
    if (commonName === '')
        return sequence();
    return sequence(set(sequence(oid(OID.commonName), directoryString(commonName))));
}
/** Random positive 128-bit serial number (magnitude bytes). */
function randomSerial() {
    for (;;) {
        const serial = (0,external_node_crypto_.randomBytes)(16);
        if (serial.some((b) => b !== 0))
            return serial;
    }
}
/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (the PKCS#1 RSAPublicKey). */
function subjectKeyIdOf(publicKey) {
    return (0,external_node_crypto_.createHash)('sha1').update(publicKey.export({ type: 'pkcs1', format: 'der' })).digest();
}
/** DER of the signed certificate; signature SHA-256 with RSA (PKCS#1 v1.5). */
function signCertificate(t, signerKey) {
    const algorithm = sequence(oid(OID.sha256WithRsa), nullValue());
    const tbs = sequence(explicit(0, smallInteger(2)), unsignedInteger(t.serial), algorithm, t.issuer, sequence(time(t.notBefore), time(t.notAfter)), t.subject, t.publicKey.export({ type: 'spki', format: 'der' }), explicit(3, sequence(...extensions(t))));
    const signature = (0,external_node_crypto_.sign)('sha256', tbs, signerKey);
    return sequence(tbs, algorithm, bitString(signature));
}
// Same order and criticality as Go: key usage, basic constraints, SKI, AKI, SAN.
function extensions(t) {
    const out = [
        extension(OID.keyUsage, true, keyUsageBits(t.keyUsage)),
        extension(OID.basicConstraints, true, t.isCa ? sequence(der_boolean(true)) : sequence()),
    ];
    if (t.subjectKeyId)
        out.push(extension(OID.subjectKeyId, false, octetString(t.subjectKeyId)));
    if (t.authorityKeyId) {
        out.push(extension(OID.authorityKeyId, false, sequence(implicitPrimitive(0, t.authorityKeyId))));
    }
    if (t.ipSans && t.ipSans.length > 0) {
        const names = t.ipSans.map((ip) => implicitPrimitive(7, ip));
        // RFC 5280 §4.2.1.6: the SAN is critical when the subject is empty.
        const subjectEmpty = t.subject.equals(sequence());
        out.push(extension(OID.subjectAltName, subjectEmpty, sequence(...names)));
    }
    return out;
}
function extension(id, critical, value) {
    return critical
        ? sequence(oid(id), der_boolean(true), octetString(value))
        : sequence(oid(id), octetString(value));
}
// Bit 0 is the most significant bit of the first byte; trailing zero bits are declared unused.
function keyUsageBits(bits) {
    const bytes = Buffer.alloc(Math.floor(Math.max(...bits) / 8) + 1);
    for (const bit of bits)
        bytes[bit >> 3] = bytes[bit >> 3] | (0x80 >> (bit & 7));
    const last = bytes[bytes.length - 1];
    let unused = 0;
    while (unused < 7 && (last & (1 << unused)) === 0)
        unused++;
    return bitString(bytes, unused);
}


/***/ }),

/***/ 5870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/bucket/bucket-conf.js
var bucket_conf = __webpack_require__(8093);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/schema.js
var schema = __webpack_require__(4912);
// EXTERNAL MODULE: ./lib/util/stable-id.js
var stable_id = __webpack_require__(1719);
// EXTERNAL MODULE: ./lib/certs/pem.js
var pem = __webpack_require__(5261);
// EXTERNAL MODULE: ./lib/certs/keys.js
var keys = __webpack_require__(3047);
// EXTERNAL MODULE: ./lib/certs/x509.js + 1 modules
var x509 = __webpack_require__(3661);
;// CONCATENATED MODULE: ./lib/certs/ca.js
// The bucket CA created by `maand init`: self-signed, CN = bucket id, ten years, never renewed.



const CA_VALIDITY_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A new CA certificate and its PKCS#1 (`RSA PRIVATE KEY`) key, both PEM. */
async function generateCa(bucketId, opts) {
    const now = opts.now ?? new Date();
    const { privateKey, publicKey } = await (0,keys/* generateRsaKey */.$)(opts.keyBits);
    const subject = (0,x509/* commonNameSubject */.h)(bucketId);
    const der = (0,x509/* signCertificate */.jm)({
        serial: (0,x509/* randomSerial */.YG)(),
        issuer: subject,
        subject,
        notBefore: now,
        notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
        publicKey,
        isCa: true,
        keyUsage: [x509/* KeyUsage */.n6.digitalSignature, x509/* KeyUsage */.n6.keyEncipherment, x509/* KeyUsage */.n6.keyCertSign],
        subjectKeyId: (0,x509/* subjectKeyIdOf */.qN)(publicKey),
    }, privateKey);
    return { certPem: (0,pem/* encodePem */.T)('CERTIFICATE', der), keyPem: (0,keys/* privateKeyPem */.n)(privateKey, false) };
}

// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
;// CONCATENATED MODULE: ./lib/init/index.js
// `maand init` (§3.2): layout, schema, bucket id, CA, KV key. A re-run upgrades the schema and never
// changes the bucket id, CA, keys or user files. Secret files are 0600 in a 0700 dir (decision Q26);
// data/ and logs/ are 0700 and the catalog 0600 (src/bucket/modes.ts), tightened on a re-run.











async function initBucket(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const dirs = [[paths.dataDir, modes/* PRIVATE_DIR */.A9], [paths.jobsDir, 0o755], [paths.logsDir, modes/* PRIVATE_DIR */.A9], [paths.tmpDir, 0o755]];
    for (const [dir, mode] of dirs) {
        try {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode });
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('unexpected error', `create directory ${dir}: ${e.message}`);
        }
    }
    (0,external_node_fs_.mkdirSync)(paths.secretsDir, { recursive: true, mode: 0o700 });
    (0,external_node_fs_.chmodSync)(paths.secretsDir, 0o700);
    const hasCrt = (0,external_node_fs_.existsSync)(paths.caCrt);
    const hasKey = (0,external_node_fs_.existsSync)(paths.caKey);
    if (hasCrt !== hasKey)
        throw new errors/* MaandError */.Ob('bucket CA is incomplete', 'secrets must contain both ca.crt and ca.key');
    const tightened = (0,modes/* tightenBucketModes */.aT)(paths.root);
    const isNew = !(0,external_node_fs_.existsSync)(paths.db);
    // An empty file is an empty database: created owner-only, SQLite gives its WAL files the same mode.
    if (isNew)
        (0,external_node_fs_.writeFileSync)(paths.db, '', { mode: modes/* PRIVATE_FILE */.rQ, flag: 'wx' });
    const db = (0,catalog_db/* openDb */.bI)(paths.db, { create: true });
    try {
        const { bucketId, created } = (0,catalog_db/* inTransaction */.sA)(db, () => {
            (0,schema/* migrate */._r)(db);
            const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get();
            if (!isNew && row?.bucket_id)
                return { bucketId: row.bucket_id, created: false };
            const id = (0,stable_id/* randomId */.zE)();
            db.prepare('INSERT INTO bucket (bucket_id, update_seq) VALUES (?, 0)').run(id);
            (0,maand_conf/* writeDefaultMaandConf */.Wx)(paths.maandConf);
            return { bucketId: id, created: true };
        });
        if (!(0,external_node_fs_.existsSync)(paths.workersJson))
            (0,external_node_fs_.writeFileSync)(paths.workersJson, '[]', { mode: 0o644 });
        if (!(0,external_node_fs_.existsSync)(paths.bucketConf))
            (0,external_node_fs_.writeFileSync)(paths.bucketConf, bucket_conf/* DEFAULT_BUCKET_CONF_TEXT */.Q4, { mode: 0o644 });
        if (!hasCrt && !hasKey) {
            const ca = await generateCa(bucketId, { keyBits: opts.caKeyBits ?? 4096 });
            (0,external_node_fs_.writeFileSync)(paths.caKey, ca.keyPem, { mode: 0o600 });
            (0,external_node_fs_.writeFileSync)(paths.caCrt, ca.certPem, { mode: 0o644 });
        }
        if (!(0,external_node_fs_.existsSync)(paths.kvKey))
            (0,external_node_fs_.writeFileSync)(paths.kvKey, (0,external_node_crypto_.randomBytes)(32), { mode: 0o600 });
        return { created, bucketId, schemaVersion: schema/* SCHEMA_VERSION */.f$, paths, notes: tightened ? [tightened] : [] };
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./lib/cli/commands/init.js

async function initCommand(io) {
    const testMode = io.env['MAAND_TEST'] === '1';
    const res = await initBucket({ root: io.cwd, caKeyBits: testMode ? 1024 : 4096 });
    for (const note of res.notes)
        io.stderr.write(`note: ${note}\n`);
    if (io.env['MAAND_QUIET'] === '1' || testMode)
        return;
    io.stdout.write(res.created ? 'maand bucket initialized\n' : `maand bucket upgraded (schema version ${res.schemaVersion})\n`);
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

/***/ 1719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CC: () => (/* binding */ md5Hex),
/* harmony export */   dD: () => (/* binding */ stableId),
/* harmony export */   zE: () => (/* binding */ randomId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// Deterministic ids of the reference tool: MD5 of the name with UUID v3 version/variant bits and
// NO namespace (this is not RFC 4122 v3 of any standard namespace).

function stableId(name) {
    const b = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(name, 'utf8').digest();
    b[6] = (b[6] & 0x0f) | 0x30;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** Random v4 UUID (lower-case canonical text), for bucket and worker ids. */
function randomId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
}
function md5Hex(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(data).digest('hex');
}


/***/ })

};
