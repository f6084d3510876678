export const id = 483;
export const ids = [483];
export const modules = {

/***/ 16483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkBucket: () => (/* binding */ checkBucket),
  runAction: () => (/* binding */ runAction),
  savesState: () => (/* binding */ savesState)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(27462);
// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(80099);
;// CONCATENATED MODULE: ./lib/catalog/db.js
// Opening the catalog and running work in one transaction.



/**
 * Opens (creating when `create`) the catalog with the reference's settings: WAL, 5 s busy timeout.
 * synchronous=NORMAL: in WAL mode a commit survives a crash of maand itself (what the deploy's
 * checkpoints guard against) without an fsync per commit; only a power loss can drop the last ones.
 */
function openDb(file, opts = {}) {
    if (!opts.create && !(0,external_node_fs_.existsSync)(file))
        throw new errors/* MaandError */.Ob('maand is not initialized', 'run maand init in the bucket directory');
    let db;
    try {
        db = new external_node_sqlite_.DatabaseSync(file, { timeout: 5000 });
        db.exec('PRAGMA journal_mode = WAL');
        db.exec('PRAGMA synchronous = NORMAL');
        return db;
    }
    catch (e) {
        if (db?.isOpen)
            db.close();
        const known = catalogError(e, file);
        throw known instanceof errors/* MaandError */.Ob ? known : new errors/* MaandError */.Ob('database error', `${file}: ${e.message}`);
    }
}
/**
 * Fails now, before a run changes anything, when the catalog cannot be written: read-only (file,
 * folder or file system), or another process holds its write lock past the busy timeout.
 */
function assertWritable(db, file) {
    try {
        db.exec('BEGIN IMMEDIATE');
        // a read-only file still grants the write lock: rewriting a header field proves a write goes through
        const { user_version: v } = db.prepare('PRAGMA user_version').get();
        db.exec(`PRAGMA user_version = ${Number(v)}`);
        db.exec('ROLLBACK');
    }
    catch (e) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw catalogError(e, file);
    }
}
/** SQLite result codes (primary) that say what is wrong with the catalog file itself. */
const CATALOG_PROBLEMS = {
    5: 'is locked by another process; wait for it to finish (or stop it), then run again',
    6: 'is locked by another process; wait for it to finish (or stop it), then run again',
    8: 'is read-only; make the file and its folder writable for this user, then run again',
    10: 'could not be read or written (I/O error); check the disk, then run again',
    11: 'is damaged; restore it from a backup or the saved state',
    13: 'cannot grow: the disk is full; free space, then run again',
    14: 'cannot be opened; check that the file and its folder exist and are accessible',
    26: 'is not a SQLite database (damaged or overwritten); restore it from a backup or the saved state',
};
/**
 * A SQLite failure of the catalog file itself (locked, read-only, damaged, disk full) as `database
 * error: catalog <file> <what is wrong and what to do> (<driver text>)`; any other error (a bug, such
 * as a constraint violation) passes through.
 */
function catalogError(e, file) {
    if (e instanceof errors/* MaandError */.Ob || !(e instanceof Error))
        return e;
    const err = e;
    if (err.code !== 'ERR_SQLITE_ERROR')
        return e;
    const problem = typeof err.errcode === 'number' ? CATALOG_PROBLEMS[err.errcode & 0xff] : undefined;
    return problem === undefined ? e : new errors/* MaandError */.Ob('database error', `catalog ${file} ${problem} (${err.message})`);
}
/** Runs `fn` inside BEGIN IMMEDIATE … COMMIT; any throw rolls back and rethrows. */
function inTransaction(db, fn) {
    db.exec('BEGIN IMMEDIATE');
    try {
        const out = fn();
        db.exec('COMMIT');
        return out;
    }
    catch (e) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw e;
    }
}
/**
 * Async variant: the transaction stays open across awaits (the bucket lock keeps other writers out).
 * `commit` decides from the result whether to commit or roll back without an error.
 */
async function inTransactionAsync(db, fn, commit = () => true) {
    db.exec('BEGIN IMMEDIATE');
    try {
        const out = await fn();
        db.exec(commit(out) ? 'COMMIT' : 'ROLLBACK');
        return out;
    }
    catch (e) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw e;
    }
}
/** A SQLite failure becomes `database error: <driver text>` (§14); any other error passes through. */
function asDatabaseError(e) {
    if (e instanceof errors/* MaandError */.Ob || !(e instanceof Error))
        return e;
    if (e.code !== 'ERR_SQLITE_ERROR')
        return e;
    return new errors/* MaandError */.Ob('database error', e.message);
}

;// CONCATENATED MODULE: ./lib/catalog/queries.js
/** Catalog workers by position, ties in workers.json order (rows are re-inserted in file order). */
function queries_workersByPosition(db) {
    return db.prepare('SELECT worker_id, worker_ip, available_memory_mb, available_cpu_mhz, position FROM worker ORDER BY position, rowid').all();
}
function workerLabels(db) {
    const out = new Map();
    for (const r of db.prepare('SELECT w.worker_ip AS ip, l.label AS label FROM worker_labels l JOIN worker w ON w.worker_id = l.worker_id ORDER BY l.label').all()) {
        const list = out.get(r.ip) ?? [];
        list.push(r.label);
        out.set(r.ip, list);
    }
    return out;
}
/** Every allocation row; `position` is that of the worker (null for workers no longer in the catalog). */
function allocations(db) {
    return db
        .prepare(`SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.deployment_seq, a.new_version, w.position AS position
       FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
       ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`)
        .all();
}
function queries_catalogJobs(db) {
    return db.prepare('SELECT name FROM job ORDER BY name').all().map((r) => r.name);
}
function bucketRow(db) {
    const row = db.prepare('SELECT bucket_id, update_seq FROM bucket LIMIT 1').get();
    return row ?? { bucket_id: '', update_seq: 0 };
}
function jobPorts(db, job) {
    return db.prepare('SELECT p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ? ORDER BY p.name').all(job);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/hooks/env-allowlist.js
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

// EXTERNAL MODULE: ./lib/remote/proxy-jump.js
var proxy_jump = __webpack_require__(45179);
;// CONCATENATED MODULE: ./lib/bucket/read-file.js
// Reading bucket files with one error for everything but "absent": a directory where a file belongs,
// no permission, an I/O error. The message names the file relative to the bucket and what to do.


class FileReadError extends errors/* MaandError */.Ob {
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
        return (0,external_node_fs_.readFileSync)(file);
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
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw failure(e, shown);
    }
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./lib/template/gostring.js
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
    if ((0,external_node_buffer_.isUtf8)(bytes))
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

;// CONCATENATED MODULE: ./lib/template/strconv.js
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
    const raw = rawByte(cp);
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
function strconv_quote(s) {
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
class UnquoteError extends errors/* MaandError */.Ob {
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
    if (!body.includes('\\') && !body.includes(q) && !hasRawBytes(body))
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
    return decodeGoString(new Uint8Array(bytes));
}
const INT64_MAX = (1n << 63n) - 1n;
/** strconv.Atoi, with Go's error texts (`strconv.Atoi: parsing "x": invalid syntax`). */
function atoi(s) {
    const fail = (why) => new Error(`strconv.Atoi: parsing ${strconv_quote(s)}: ${why}`);
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

;// CONCATENATED MODULE: ./lib/util/quoted.js
// User text inside an error message: `"text"` as the reference prints it, escaped the Go way (%q)
// when it holds a line break or another invisible character, so one error stays one line and a
// right-to-left override cannot disguise what follows.

function quoted(s) {
    return /^\P{C}*$/u.test(s) ? `"${s}"` : strconv_quote(s);
}
/** User text shown bare (a name, a list item): as is when printable, else Go-quoted (see quoted). */
function printable(s) {
    return /^\P{C}*$/u.test(s) ? s : quote(s);
}

;// CONCATENATED MODULE: ./lib/bucket/toml.js
// TOML reading shared by maand.conf, bucket.conf, bucket.jobs*.conf and vars.toml.



/**
 * Reads a TOML file; undefined when it does not exist. A file that cannot be read throws
 * FileReadError (not a TOML problem: callers let it through); parse errors throw TomlSyntaxError.
 */
function readToml(file, shown) {
    const text = readOptionalText(file, shown);
    if (text === undefined)
        return undefined;
    try {
        return (0,dist/* parse */.qg)(text);
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
            throw new Error(`${where}key ${quoted(k)}: expected a string, got ${tomlTypeName(v)}`);
        out[k] = v;
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/bucket/maand-conf.js
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
        table = readToml(file, 'maand.conf');
    }
    catch (e) {
        if (e instanceof FileReadError)
            throw e;
        throw new errors/* MaandError */.Ob('invalid maand.conf', `${firstLine(e)}; fix the TOML syntax of ${file}`);
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
            throw new errors/* MaandError */.Ob('invalid maand.conf', `key ${key} must be ${kind === 'int' ? 'an integer' : kind === 'bool' ? 'a boolean' : 'a string'}, got ${tomlTypeName(v)}`);
        conf[key] = kind === 'int' ? Number(v) : v;
    }
    if (conf.certs_ttl === 0)
        conf.certs_ttl = 60;
    for (const key of ['history_retain', 'retain_releases']) {
        if (conf[key] < 0)
            throw new errors/* MaandError */.Ob('invalid maand.conf', `key ${key} must be 0 (the default) or more, got ${conf[key]}; fix ${file}`);
        if (conf[key] === 0)
            conf[key] = key === 'history_retain' ? DEFAULT_HISTORY_RETAIN : DEFAULT_RETAIN_RELEASES;
    }
    conf.job_config_selector = conf.job_config_selector.trim();
    conf.ssh_proxy_jump = conf.ssh_proxy_jump.trim();
    (0,proxy_jump/* parseProxyJump */.uo)(conf.ssh_proxy_jump, `key ssh_proxy_jump in ${file}`, 'invalid maand.conf');
    if (conf.ssh_max_startups < 0 || conf.ssh_max_startups > MAX_SSH_MAX_STARTUPS)
        throw new errors/* MaandError */.Ob('invalid maand.conf', `key ssh_max_startups must be from 1 to ${MAX_SSH_MAX_STARTUPS} (0: the default ${DEFAULT_SSH_MAX_STARTUPS}), got ${conf.ssh_max_startups}; fix ${file}`);
    return conf;
}
/** `hook_env = ["NAME", "PREFIX_*"]`: checked here so a bad entry fails the build, not a hook. */
function hookEnvList(v, file) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v) || !v.every((e) => typeof e === 'string'))
        throw new errors/* MaandError */.Ob('invalid maand.conf', `key hook_env must be an array of strings, got ${tomlTypeName(v)}; fix ${file}`);
    for (const entry of v) {
        const problem = hookEnvEntryProblem(entry);
        if (problem !== undefined)
            throw new errors/* MaandError */.Ob('invalid maand.conf', `hook_env entry ${problem} (${file})`);
    }
    return [...new Set(v)].sort();
}
function writeDefaultMaandConf(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        (0,external_node_fs_.writeFileSync)(file, DEFAULT_MAAND_CONF_TEXT, { mode: 0o644 });
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

;// CONCATENATED MODULE: ./lib/bucket/bucket-conf.js
// workspace/bucket.conf (port pool + bucket vars, §4.2) and bucket.jobs[.<selector>].conf (§4.3).





const DEFAULT_BUCKET_CONF_TEXT = 'port_min = "30000"\nport_max = "39999"\n';
/** All keys of bucket.conf (missing file → empty map). */
function readBucketConf(paths) {
    try {
        const table = readToml(paths.bucketConf, 'workspace/bucket.conf');
        return table === undefined ? {} : stringMap(table, '');
    }
    catch (e) {
        if (e instanceof FileReadError)
            throw e;
        throw new errors/* MaandError */.Ob('invalid bucket.conf', `${firstLine(e)} (workspace/bucket.conf: every value must be a quoted string)`);
    }
}
function portPool(conf) {
    const read = (key, dflt) => {
        const raw = conf[key] ?? '';
        const t = raw.trim();
        if (t === '')
            return dflt;
        if (!/^[+-]?\d+$/.test(t))
            throw new errors/* MaandError */.Ob('invalid port range in bucket.conf', `${key} ${quoted(raw)}`);
        return Number(t);
    };
    const min = read('port_min', 30000);
    const max = read('port_max', 39999);
    if (min < 1 || max > 65535 || min > max)
        throw new errors/* MaandError */.Ob('invalid port range in bucket.conf', `port_min=${min} port_max=${max}`);
    return { min, max };
}
function jobsConfFileName(selector) {
    const s = selector.trim();
    return s === '' ? 'bucket.jobs.conf' : `bucket.jobs.${s}.conf`;
}
/** The selected bucket.jobs*.conf: top-level tables named after jobs, each a string map. */
function readJobsConf(paths, selector) {
    const fileName = jobsConfFileName(selector);
    const file = (0,external_node_path_.join)(paths.workspace, fileName);
    const rel = (0,external_node_path_.relative)(paths.root, file);
    const sections = new Map();
    let table;
    try {
        table = readToml(file, rel);
    }
    catch (e) {
        if (e instanceof FileReadError)
            throw e;
        throw new errors/* MaandError */.Ob('invalid bucket.conf', `bucket conf ${rel} ${firstLine(e)}`);
    }
    if (table === undefined)
        return { fileName, sections };
    for (const [job, section] of Object.entries(table)) {
        if (typeof section !== 'object' || section === null || Array.isArray(section) || section instanceof Date)
            throw new errors/* MaandError */.Ob('invalid bucket.conf', `bucket conf ${rel} key ${quoted(job)} must be a [${job}] table, got ${tomlTypeName(section)}`);
        try {
            sections.set(job, stringMap(section, `[${job}] `));
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('invalid bucket.conf', `bucket conf ${rel} ${firstLine(e)}`);
        }
    }
    return { fileName, sections };
}

;// CONCATENATED MODULE: ./lib/deploy/deployed-content.js
// What was last deployed to each allocation, file by file, so a plan can diff the rendered result
// against it (issue 12). Text files up to 64 KiB keep their (redacted) text, deduplicated by digest;
// larger or binary files keep size and digest only. The rows of a deploy are written as `staged`
// when its hashes are stored, and become `deployed` when the batch is promoted. Catalogs created
// before these tables (or by the reference) have none: readers then get `undefined`, never an error.


const MAX_TEXT_BYTES = 64 * 1024;
const CONTENT_TABLES = [
    'CREATE TABLE IF NOT EXISTS deployed_text (text_id TEXT PRIMARY KEY, text TEXT NOT NULL)',
    `CREATE TABLE IF NOT EXISTS deployed_file (namespace TEXT NOT NULL, key TEXT NOT NULL, slot TEXT NOT NULL, path TEXT NOT NULL,
    digest TEXT NOT NULL, size INT NOT NULL, text_id TEXT, PRIMARY KEY (namespace, key, slot, path))`,
    'CREATE INDEX IF NOT EXISTS deployed_file_text ON deployed_file (text_id)',
];
/** Called by the schema upgrade (`maand init`). */
function ensureContentTables(db) {
    for (const ddl of CONTENT_TABLES)
        db.exec(ddl);
}
function hasTables(db) {
    return tablesExist(db, ['deployed_text', 'deployed_file']);
}
const ns = (job) => `${job}_allocation`;
/** The file as it will be kept: text (UTF-8 without NUL, up to 64 KiB) or size and digest only. */
function isText(data) {
    if (data.length > MAX_TEXT_BYTES || data.includes(0))
        return false;
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(data);
        return true;
    }
    catch {
        return false;
    }
}
/** Replaces the allocation's `staged` (or `deployed`) rows; no-op on a catalog without the tables. */
function recordFiles(db, job, allocId, slot, files) {
    if (!hasTables(db))
        return;
    const before = textIds(db, job, allocId, slot);
    db.prepare('DELETE FROM deployed_file WHERE namespace = ? AND key = ? AND slot = ?').run(ns(job), allocId, slot);
    const putText = db.prepare('INSERT OR IGNORE INTO deployed_text (text_id, text) VALUES (?, ?)');
    const putFile = db.prepare('INSERT INTO deployed_file (namespace, key, slot, path, digest, size, text_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const f of files) {
        let id = null;
        if (f.text !== undefined) {
            id = (0,external_node_crypto_.createHash)('sha256').update(f.text).digest('hex');
            putText.run(id, f.text);
        }
        putFile.run(ns(job), allocId, slot, f.path, f.digest, f.size, id);
    }
    dropUnused(db, before);
}
/** The batch now runs what was staged for it: its staged rows become the deployed ones. */
function promoteFiles(db, job, allocId) {
    if (!hasTables(db))
        return;
    const staged = db.prepare("SELECT COUNT(*) AS n FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'staged'").get(ns(job), allocId);
    if (Number(staged.n) === 0)
        return; // nothing recorded for this tree: keep what is known
    const before = textIds(db, job, allocId, 'deployed');
    db.prepare("DELETE FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'deployed'").run(ns(job), allocId);
    db.prepare("UPDATE deployed_file SET slot = 'deployed' WHERE namespace = ? AND key = ? AND slot = 'staged'").run(ns(job), allocId);
    dropUnused(db, before);
}
/** The allocation is gone: forget its files. */
function dropFiles(db, job, allocId) {
    if (!hasTables(db))
        return;
    const before = [...textIds(db, job, allocId, 'staged'), ...textIds(db, job, allocId, 'deployed')];
    db.prepare('DELETE FROM deployed_file WHERE namespace = ? AND key = ?').run(ns(job), allocId);
    dropUnused(db, before);
}
/** The texts the allocation's rows of `slot` refer to. */
function textIds(db, job, allocId, slot) {
    const rows = db.prepare('SELECT DISTINCT text_id FROM deployed_file WHERE namespace = ? AND key = ? AND slot = ? AND text_id IS NOT NULL').all(ns(job), allocId, slot);
    return rows.map((r) => r.text_id);
}
/**
 * Drops the texts among `ids` no row refers to any more. Only the texts the caller's rows referred to
 * can have lost their last reference: checking those (by index) instead of every text keeps a deploy
 * of many allocations linear.
 */
function dropUnused(db, ids) {
    const drop = db.prepare('DELETE FROM deployed_text WHERE text_id = ? AND NOT EXISTS (SELECT 1 FROM deployed_file WHERE text_id = ?)');
    for (const id of new Set(ids))
        drop.run(id, id);
}
/** What was last deployed to the allocation, by path; undefined when nothing was recorded (or no tables). */
function deployedFiles(db, job, allocId) {
    if (!hasTables(db))
        return undefined;
    const rows = db.prepare(`SELECT f.path, f.digest, f.size, t.text FROM deployed_file f LEFT JOIN deployed_text t ON t.text_id = f.text_id
     WHERE f.namespace = ? AND f.key = ? AND f.slot = 'deployed' ORDER BY f.path`).all(ns(job), allocId);
    if (rows.length === 0)
        return undefined;
    return new Map(rows.map((r) => [r.path, { path: r.path, digest: r.digest, size: Number(r.size), ...(r.text === null ? {} : { text: r.text }) }]));
}
/** Whether the allocation has `deployed` rows (cheap: used to decide whether to record an unchanged tree). */
function hasDeployedFiles(db, job, allocId) {
    if (!hasTables(db))
        return false;
    return db.prepare("SELECT 1 FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'deployed' LIMIT 1").get(ns(job), allocId) !== undefined;
}

;// CONCATENATED MODULE: ./lib/catalog/schema.js

const SCHEMA_VERSION = 1;
const TABLES = {
    bucket: 'CREATE TABLE IF NOT EXISTS bucket (bucket_id TEXT, update_seq INT)',
    worker: 'CREATE TABLE IF NOT EXISTS worker (worker_id TEXT, worker_ip TEXT, available_memory_mb TEXT, available_cpu_mhz TEXT, position INT, PRIMARY KEY (worker_ip))',
    worker_labels: 'CREATE TABLE IF NOT EXISTS worker_labels (worker_id TEXT, label TEXT)',
    worker_tags: 'CREATE TABLE IF NOT EXISTS worker_tags (worker_id TEXT, key TEXT, value TEXT)',
    allocations: 'CREATE TABLE IF NOT EXISTS allocations (alloc_id TEXT, worker_ip TEXT, job TEXT, disabled INT, removed INT, deployment_seq INT, new_version TEXT, PRIMARY KEY (worker_ip, job))',
    job: "CREATE TABLE IF NOT EXISTS job (job_id TEXT, name TEXT, version TEXT, min_memory_mb TEXT, max_memory_mb TEXT, current_memory_mb TEXT, current_memory_source TEXT NOT NULL DEFAULT 'manifest', min_cpu_mhz TEXT, max_cpu_mhz TEXT, current_cpu_mhz TEXT, current_cpu_source TEXT NOT NULL DEFAULT 'manifest', max_concurrent_upgrades INT NOT NULL DEFAULT 1, max_concurrent_starts INT NOT NULL DEFAULT 0, restart_policy TEXT NOT NULL DEFAULT 'always', restart_globs TEXT NOT NULL DEFAULT '[]', health_check TEXT, PRIMARY KEY (name))",
    job_selectors: 'CREATE TABLE IF NOT EXISTS job_selectors (job_id TEXT, selector TEXT)',
    job_ports: 'CREATE TABLE IF NOT EXISTS job_ports (job_id TEXT, name TEXT, port INT)',
    job_certs: 'CREATE TABLE IF NOT EXISTS job_certs (job_id TEXT, name TEXT, pkcs8 INT, one INT, subject TEXT)',
    job_files: 'CREATE TABLE IF NOT EXISTS job_files (job_id TEXT, path TEXT, content BLOB, isdir BOOL)',
    job_commands: 'CREATE TABLE IF NOT EXISTS job_commands (job_id TEXT, job TEXT, name TEXT, executed_on TEXT, demand_job TEXT, demand_command TEXT, demand_config TEXT)',
    key_value: 'CREATE TABLE IF NOT EXISTS key_value (key TEXT, value TEXT, namespace TEXT, version INT, ttl TEXT, created_date TEXT, deleted INT)',
    hash: 'CREATE TABLE IF NOT EXISTS hash (namespace TEXT, key TEXT, current_hash TEXT, previous_hash TEXT, current_files TEXT, previous_files TEXT, current_version TEXT, PRIMARY KEY (namespace, key))',
};
/**
 * The deploy history and rollback pins (issue 13): not part of the reference's catalog, so not required
 * by the version gate; `maand init` creates them and a recorded run creates them when missing.
 */
const HISTORY_TABLES = {
    deploy_history: 'CREATE TABLE IF NOT EXISTS deploy_history (deploy_id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, duration_ms INT, command TEXT NOT NULL, trigger TEXT NOT NULL DEFAULT \'\', git_commit TEXT NOT NULL DEFAULT \'\', outcome TEXT NOT NULL)',
    deploy_history_jobs: 'CREATE TABLE IF NOT EXISTS deploy_history_jobs (deploy_id INT NOT NULL, job TEXT NOT NULL, version TEXT NOT NULL DEFAULT \'\', plan_hash TEXT NOT NULL DEFAULT \'\', allocations_changed INT NOT NULL DEFAULT 0, outcome TEXT NOT NULL, PRIMARY KEY (deploy_id, job))',
    deploy_history_allocations: 'CREATE TABLE IF NOT EXISTS deploy_history_allocations (deploy_id INT NOT NULL, job TEXT NOT NULL, alloc_id TEXT NOT NULL, worker_ip TEXT NOT NULL, release_id INT NOT NULL, hash TEXT NOT NULL, files TEXT, version TEXT NOT NULL, PRIMARY KEY (deploy_id, job, alloc_id))',
    rollback_pin: 'CREATE TABLE IF NOT EXISTS rollback_pin (job TEXT NOT NULL, alloc_id TEXT NOT NULL, rollback_id INT NOT NULL, pinned_hash TEXT NOT NULL, PRIMARY KEY (job, alloc_id))',
};
/** Rollback and release pruning look up one allocation's releases: without this, a scan of every deploy's rows. */
const HISTORY_INDEXES = ['CREATE INDEX IF NOT EXISTS deploy_history_allocations_by_alloc ON deploy_history_allocations (job, alloc_id, deploy_id)'];
const SCHEMA_VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)';
/** Columns added by migrations, in the reference's order (§7.5 step 3). */
const ADDED_COLUMNS = [
    ['allocations', 'new_version', 'TEXT'],
    ['hash', 'current_version', 'TEXT'],
    ['job', 'health_check', 'TEXT'],
    ['job', 'update_parallel_count', 'INT NOT NULL DEFAULT 1'],
    ['job', 'deploy_parallel_count', 'INT NOT NULL DEFAULT 0'],
];
/**
 * Added to job_files after the reference: a file's permission bits and a symlink's target text
 * (issue 15). NULL in rows the reference wrote; deploy then falls back to the reference's modes.
 */
const JOB_FILE_COLUMNS = [
    ['job_files', 'mode', 'INT'],
    ['job_files', 'link', 'TEXT'],
];
/** Adds the job_files columns to a catalog created before them (build writes them). */
function ensureJobFileColumns(db) {
    for (const [t, c, d] of JOB_FILE_COLUMNS)
        addColumnIfMissing(db, t, c, d);
}
const LATE_COLUMNS = [
    ['job', 'max_concurrent_upgrades', 'INT NOT NULL DEFAULT 1'],
    ['job', 'max_concurrent_starts', 'INT NOT NULL DEFAULT 0'],
    ['job', 'restart_policy', "TEXT NOT NULL DEFAULT 'always'"],
    ['job', 'restart_globs', "TEXT NOT NULL DEFAULT '[]'"],
    ['hash', 'current_files', 'TEXT'],
    ['hash', 'previous_files', 'TEXT'],
    ['job', 'current_memory_source', "TEXT NOT NULL DEFAULT 'manifest'"],
    ['job', 'current_cpu_source', "TEXT NOT NULL DEFAULT 'manifest'"],
    ...JOB_FILE_COLUMNS,
];
const VIEWS = {
    cat_allocations: {
        columns: ['alloc_id', 'worker_ip', 'job', 'disabled', 'removed', 'new_version', 'zone'],
        sql: `CREATE VIEW cat_allocations AS SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.new_version,
      (SELECT t.value FROM worker w JOIN worker_tags t ON t.worker_id = w.worker_id WHERE w.worker_ip = a.worker_ip AND t.key = 'zone' LIMIT 1) AS zone
      FROM allocations a ORDER BY a.job, a.worker_ip`,
    },
    cat_jobs: {
        columns: ['job_id', 'name', 'version', 'disabled', 'deployment_seq', 'selectors', 'current_memory_mb', 'current_memory_source', 'current_cpu_mhz', 'current_cpu_source'],
        sql: `CREATE VIEW cat_jobs AS SELECT j.job_id, j.name, j.version,
      CASE WHEN EXISTS (SELECT 1 FROM allocations a WHERE a.job = j.name AND a.disabled = 0) THEN 0 ELSE 1 END AS disabled,
      COALESCE((SELECT MAX(a.deployment_seq) FROM allocations a WHERE a.job = j.name), 0) AS deployment_seq,
      COALESCE((SELECT GROUP_CONCAT(s.selector, ',') FROM job_selectors s WHERE s.job_id = j.job_id), '') AS selectors,
      j.current_memory_mb, j.current_memory_source, j.current_cpu_mhz, j.current_cpu_source
      FROM job j ORDER BY deployment_seq, j.name`,
    },
    cat_job_commands: {
        columns: ['job', 'command_name', 'executed_on', 'demand_job', 'demand_command', 'demand_config'],
        sql: `CREATE VIEW cat_job_commands AS SELECT job, name AS command_name, executed_on, demand_job, demand_command, demand_config
      FROM job_commands ORDER BY job, name, executed_on`,
    },
    cat_kv: {
        columns: ['namespace', 'key', 'value', 'version', 'ttl', 'created_date', 'deleted'],
        sql: `CREATE VIEW cat_kv AS SELECT kv.namespace, kv.key,
      CASE WHEN kv.value LIKE 'enc:v1:%' THEN '[encrypted]' WHEN length(kv.value) > 50 THEN substr(kv.value, 1, 50) || '...' ELSE kv.value END AS value,
      kv.version, kv.ttl, kv.created_date, kv.deleted
      FROM key_value kv
      WHERE kv.version = (SELECT MAX(k2.version) FROM key_value k2 WHERE k2.namespace = kv.namespace AND k2.key = kv.key)
      GROUP BY kv.namespace, kv.key ORDER BY kv.namespace, kv.key`,
    },
    cat_workers: {
        columns: ['worker_id', 'worker_ip', 'available_memory_mb', 'available_cpu_mhz', 'position', 'labels', 'zone'],
        sql: `CREATE VIEW cat_workers AS SELECT w.worker_id, w.worker_ip, w.available_memory_mb, w.available_cpu_mhz, w.position,
      COALESCE((SELECT GROUP_CONCAT(label, ',') FROM (SELECT l.label FROM worker_labels l WHERE l.worker_id = w.worker_id ORDER BY l.label)), '') AS labels,
      (SELECT t.value FROM worker_tags t WHERE t.worker_id = w.worker_id AND t.key = 'zone' LIMIT 1) AS zone
      FROM worker w ORDER BY w.position, w.worker_ip`,
    },
    cat_deployments: {
        columns: ['alloc_id', 'worker_ip', 'job', 'disabled', 'removed', 'current_hash', 'previous_hash', 'current_version', 'new_version'],
        sql: `CREATE VIEW cat_deployments AS SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed,
      COALESCE(h.current_hash, '') AS current_hash, COALESCE(h.previous_hash, '') AS previous_hash,
      COALESCE(h.current_version, '') AS current_version, COALESCE(a.new_version, '') AS new_version
      FROM allocations a LEFT JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id
      ORDER BY a.job, a.worker_ip`,
    },
};
/** Columns the version gate requires (§7.5). */
const REQUIRED_COLUMNS = {
    job: ['max_concurrent_starts', 'max_concurrent_upgrades', 'health_check', 'restart_policy', 'restart_globs', 'current_memory_source', 'current_cpu_source'],
    hash: ['current_version', 'current_files', 'previous_files'],
    allocations: ['new_version'],
};
const knownTables = new WeakMap();
/**
 * Whether every table of `names` exists. A table found is remembered for the catalog (none is dropped
 * while it is open); a missing one is looked up again, since `maand init` or a run may create it.
 */
function tablesExist(db, names) {
    let known = knownTables.get(db);
    if (known === undefined)
        knownTables.set(db, (known = new Set()));
    const missing = names.filter((n) => !known.has(n));
    if (missing.length === 0)
        return true;
    const found = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${missing.map(() => '?').join(', ')})`).all(...missing);
    for (const r of found)
        known.add(r.name);
    return found.length === missing.length;
}
function tableColumns(db, table) {
    return db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all().map((r) => r.name);
}
function quoteIdent(name) {
    return `"${name.replaceAll('"', '""')}"`;
}
function addColumnIfMissing(db, table, column, decl) {
    if (!tableColumns(db, table).includes(column))
        db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${decl}`);
}
/** Idempotent migration to schema version 1; the caller holds the transaction. */
function migrate(db) {
    for (const ddl of Object.values(TABLES))
        db.exec(ddl);
    for (const ddl of [...Object.values(HISTORY_TABLES), ...HISTORY_INDEXES])
        db.exec(ddl);
    db.exec(SCHEMA_VERSION_TABLE);
    for (const [t, c, d] of ADDED_COLUMNS)
        addColumnIfMissing(db, t, c, d);
    const jobCols = tableColumns(db, 'job');
    if (jobCols.includes('update_parallel_count') && !jobCols.includes('max_concurrent_upgrades'))
        db.exec('ALTER TABLE job RENAME COLUMN update_parallel_count TO max_concurrent_upgrades');
    if (jobCols.includes('deploy_parallel_count') && !jobCols.includes('max_concurrent_starts'))
        db.exec('ALTER TABLE job RENAME COLUMN deploy_parallel_count TO max_concurrent_starts');
    for (const [t, c, d] of LATE_COLUMNS)
        addColumnIfMissing(db, t, c, d);
    for (const name of Object.keys(VIEWS))
        db.exec(`DROP VIEW IF EXISTS ${name}`);
    db.exec('DROP VIEW IF EXISTS cat_hashes');
    for (const view of Object.values(VIEWS))
        db.exec(view.sql);
    ensureContentTables(db);
    const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get();
    if (row?.version !== SCHEMA_VERSION)
        db.prepare('INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version').run(SCHEMA_VERSION);
}

;// CONCATENATED MODULE: ./lib/util/stable-id.js
// Deterministic ids of the reference tool: MD5 of the name with UUID v3 version/variant bits and
// NO namespace (this is not RFC 4122 v3 of any standard namespace).

function stableId(name) {
    const b = (0,external_node_crypto_.createHash)('md5').update(name, 'utf8').digest();
    b[6] = (b[6] & 0x0f) | 0x30;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** Random v4 UUID (lower-case canonical text), for bucket and worker ids. */
function randomId() {
    return (0,external_node_crypto_.randomUUID)();
}
function md5Hex(data) {
    return (0,external_node_crypto_.createHash)('md5').update(data).digest('hex');
}

;// CONCATENATED MODULE: ./lib/certs/pem.js
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

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./lib/certs/keys.js
// RSA key generation and PEM export. Generation is async: it runs in libuv's thread pool, so
// several 4096-bit keys are produced in parallel instead of blocking the event loop.


const generate = (0,external_node_util_.promisify)(external_node_crypto_.generateKeyPair);
async function generateRsaKey(bits) {
    return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}
/** `RSA PRIVATE KEY` (PKCS#1) or, with `pkcs8`, `PRIVATE KEY` PEM text ending in a newline. */
function privateKeyPem(key, pkcs8) {
    return key.export({ type: pkcs8 ? 'pkcs8' : 'pkcs1', format: 'pem' }).toString();
}

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
const der_PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?*]*$/;
/** A directory string the way Go marshals a plain string: PrintableString when possible, else UTF8String. */
function directoryString(value) {
    const tag = der_PRINTABLE.test(value) ? TAG.printableString : TAG.utf8String;
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

;// CONCATENATED MODULE: ./lib/certs/ca.js
// The bucket CA created by `maand init`: self-signed, CN = bucket id, ten years, never renewed.



const CA_VALIDITY_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A new CA certificate and its PKCS#1 (`RSA PRIVATE KEY`) key, both PEM. */
async function generateCa(bucketId, opts) {
    const now = opts.now ?? new Date();
    const { privateKey, publicKey } = await generateRsaKey(opts.keyBits);
    const subject = commonNameSubject(bucketId);
    const der = signCertificate({
        serial: randomSerial(),
        issuer: subject,
        subject,
        notBefore: now,
        notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
        publicKey,
        isCa: true,
        keyUsage: [KeyUsage.digitalSignature, KeyUsage.keyEncipherment, KeyUsage.keyCertSign],
        subjectKeyId: subjectKeyIdOf(publicKey),
    }, privateKey);
    return { certPem: encodePem('CERTIFICATE', der), keyPem: privateKeyPem(privateKey, false) };
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
    const db = openDb(paths.db, { create: true });
    try {
        const { bucketId, created } = inTransaction(db, () => {
            migrate(db);
            const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get();
            if (!isNew && row?.bucket_id)
                return { bucketId: row.bucket_id, created: false };
            const id = randomId();
            db.prepare('INSERT INTO bucket (bucket_id, update_seq) VALUES (?, 0)').run(id);
            writeDefaultMaandConf(paths.maandConf);
            return { bucketId: id, created: true };
        });
        if (!(0,external_node_fs_.existsSync)(paths.workersJson))
            (0,external_node_fs_.writeFileSync)(paths.workersJson, '[]', { mode: 0o644 });
        if (!(0,external_node_fs_.existsSync)(paths.bucketConf))
            (0,external_node_fs_.writeFileSync)(paths.bucketConf, DEFAULT_BUCKET_CONF_TEXT, { mode: 0o644 });
        if (!hasCrt && !hasKey) {
            const ca = await generateCa(bucketId, { keyBits: opts.caKeyBits ?? 4096 });
            (0,external_node_fs_.writeFileSync)(paths.caKey, ca.keyPem, { mode: 0o600 });
            (0,external_node_fs_.writeFileSync)(paths.caCrt, ca.certPem, { mode: 0o644 });
        }
        if (!(0,external_node_fs_.existsSync)(paths.kvKey))
            (0,external_node_fs_.writeFileSync)(paths.kvKey, (0,external_node_crypto_.randomBytes)(32), { mode: 0o600 });
        return { created, bucketId, schemaVersion: SCHEMA_VERSION, paths, notes: tightened ? [tightened] : [] };
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./lib/report/console.js
function formatEvent(e) {
    switch (e.type) {
        case 'phase':
            return e.phase === 'wave' ? `== deployment sequence ${e.seq}` : e.phase === 'reconcile' ? undefined : '== refreshing worker files';
        case 'job-skipped':
            return `  ${e.job}: unchanged (${e.reason})`;
        case 'job-started':
            return `  ${e.job}: rolling out`;
        case 'batch-started':
            return `  ${e.job}: ${e.action} batch ${e.index + 1}/${e.count} on ${e.workers.join(', ')}`;
        case 'batch-promoted':
            return `  ${e.job}: promoted ${e.workers.join(', ')}`;
        case 'job-finished':
            return e.result.status === 'failed' || e.result.status === 'blocked'
                ? `  ${e.result.job}: FAILED: ${e.result.error ?? e.result.reason}`
                : `  ${e.result.job}: ${e.result.status} in ${(e.result.durationMs / 1000).toFixed(1)}s`;
        case 'reconcile':
            return `  reconcile: ${e.result.action} ${e.result.job ? `${e.result.job} ` : ''}on ${e.result.workerIp}: ${e.result.outcome}${e.result.error ? ` (${e.result.error})` : ''}`;
        case 'output':
            return `${[e.job, e.worker].filter(Boolean).join('@') || '-'} ${e.stream === 'stdout' ? '|' : '!'} ${e.text}`;
        case 'health':
            // a job without checks says nothing; the log file keeps it
            if (e.status === 'skipped')
                return undefined;
            // a failure's reason follows in the job's FAILED line
            return `  ${e.job}: health check ${e.status === 'retrying' ? `failed (${console_firstLine(e.detail, 200)}), retrying` : e.status}`;
        case 'warning':
            return `warning: ${e.message}`;
        default:
            return undefined;
    }
}
function formatSummary(r) {
    const by = (s) => r.jobs.filter((j) => j.status === s).map((j) => j.job);
    const deployed = by('deployed');
    const unchanged = by('unchanged');
    const parts = [
        `deploy ${r.failedJobs.length > 0 ? 'finished with failures' : 'ok'} in ${(r.durationMs / 1000).toFixed(1)}s`,
        `deployed: ${deployed.length ? deployed.join(', ') : 'none'}`,
        `unchanged: ${unchanged.length ? unchanged.join(', ') : 'none'}`,
    ];
    if (r.reconcile.length > 0)
        parts.push(`stopped/cleaned: ${r.reconcile.filter((x) => x.outcome === 'ok').length}`);
    if (r.failedJobs.length > 0)
        parts.push(`failed: ${r.failedJobs.join(', ')}`);
    if (r.updateSeqBumped)
        parts.push(`update_seq: ${r.updateSeq}`);
    if (r.certMetrics && !r.certMetrics.error)
        parts.push(`cert metrics: ${r.certMetrics.series} series pushed`);
    return `${parts.join('; ')}\n`;
}
/** One line a hook printed, as the CLI and the Action show it. */
function formatHookLine(l) {
    return `${l.job}@${l.worker} [${l.event} ${l.command}] ${l.stream === 'stdout' ? '|' : '!'} ${l.text}`;
}
function console_firstLine(text, max) {
    const line = text.split('\n')[0].trim();
    return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./lib/util/json-decode.js
// Decoding JSON the way Go's encoding/json fills a struct: object keys match field names
// case-insensitively, a later duplicate wins, unknown keys are ignored, `null` keeps the default,
// and a value of the wrong JSON type is an error. Messages follow Go's decoder wording.


class JsonDecodeError extends errors/* MaandError */.Ob {
    name = 'JsonDecodeError';
    constructor(message) {
        super('invalid json', message, undefined, { bare: true });
    }
}
/**
 * Deepest nesting a workspace JSON file may have. Go stops at 10000; the decoders and encoders here
 * recurse per level, so a lower bound keeps a hostile file an error instead of a stack overflow.
 */
const MAX_JSON_DEPTH = 1000;
/** JSON.parse with Go-like error texts (`unexpected end of JSON input`, `invalid character ...`). */
function parseJson(text) {
    if (text.trim() === '')
        throw new JsonDecodeError('unexpected end of JSON input');
    if (exceedsDepth(text, MAX_JSON_DEPTH))
        throw new JsonDecodeError(`exceeded max depth (values nested deeper than ${MAX_JSON_DEPTH} levels)`);
    try {
        return JSON.parse(text);
    }
    catch (e) {
        const msg = e.message;
        if (/end of JSON input|Unterminated string|Expected .* after .*at position \d+ \(line \d+ column \d+\)$/.test(msg) && isTruncated(text)) {
            throw new JsonDecodeError('unexpected end of JSON input');
        }
        const m = /Unexpected token '?(.)'?|Unexpected non-whitespace character|Bad control character/.exec(msg);
        const pos = /position (\d+)/.exec(msg);
        if (pos) {
            const ch = text[Number(pos[1])] ?? '';
            throw new JsonDecodeError(`invalid character ${quoteChar(ch)} at offset ${Number(pos[1]) + 1}`);
        }
        throw new JsonDecodeError(m ? `invalid character ${quoteChar(m[1] ?? '')}` : msg);
    }
}
/** Go's encoding/json quoteChar: the character in single quotes, escaped when not printable. */
function quoteChar(c) {
    if (c === "'")
        return `'\\''`;
    if (c === '"')
        return `'"'`;
    return `'${strconv_quote(c).slice(1, -1)}'`;
}
/** True when the text is a valid JSON prefix that stops early (Go reports "unexpected end"). */
function isTruncated(text) {
    const start = text.search(/\S/);
    return start >= 0 && '{["'.includes(text[start]) && jsonValueEnd(text, start) < 0;
}
/**
 * Where the object, array or string starting at `start` ends (the index after it), or -1 when the
 * text ends inside it. Brackets inside strings and escaped quotes are skipped.
 */
function jsonValueEnd(text, start) {
    let depth = 0;
    let inStr = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inStr) {
            if (c === '\\')
                i++;
            else if (c === '"') {
                inStr = false;
                if (depth === 0)
                    return i + 1;
            }
        }
        else if (c === '"')
            inStr = true;
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return -1;
}
/** True when objects and arrays nest deeper than `max` somewhere in `text` (strings skipped). */
function exceedsDepth(text, max) {
    let depth = 0;
    let inStr = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inStr) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inStr = false;
        }
        else if (c === 0x22)
            inStr = true;
        else if (c === 0x7b || c === 0x5b) {
            if (++depth > max)
                return true;
        }
        else if (c === 0x7d || c === 0x5d)
            depth--;
    }
    return false;
}
function jsonType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'object')
        return 'object';
    return typeof v;
}
/** Field lookup with Go's rules: last key whose name equals `name` case-insensitively wins. */
function field(obj, name) {
    let found;
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(obj))
        if (k.toLowerCase() === lower)
            found = v;
    return found;
}
function typeError(v, where, goType) {
    // Go names the JSON kind ("number", "bool", ...) and adds the literal only for a non-integer into an int.
    const what = typeof v === 'number' && goType === 'int' ? `number ${v}` : typeof v === 'boolean' ? 'bool' : jsonType(v);
    return new JsonDecodeError(`json: cannot unmarshal ${what} into Go struct field ${where} of type ${goType}`);
}
function asObject(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'object' || Array.isArray(v))
        throw typeError(v, where, 'object');
    return v;
}
function asString(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw typeError(v, where, 'string');
    return v;
}
function asBool(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'boolean')
        throw typeError(v, where, 'bool');
    return v;
}
function asInt(v, where) {
    if (v === undefined || v === null)
        return undefined;
    // Beyond 2^53 a JSON number is no longer the integer written (Go's int64 would overflow later still).
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
        throw typeError(v, where, 'int');
    return v;
}
function asStringArray(v, where) {
    if (v === undefined || v === null)
        return undefined;
    if (!Array.isArray(v))
        throw typeError(v, where, '[]string');
    return v.map((item) => {
        if (typeof item !== 'string')
            throw typeError(item, where, 'string');
        return item;
    });
}

;// CONCATENATED MODULE: ./lib/bucket/units.js
// Memory (MB) and CPU (MHz) strings of workers.json, manifests and bucket.jobs*.conf (§5.1).


const MEMORY_UNITS = { '': 1, MB: 1, GB: 1024, TB: 1048576 };
const CPU_UNITS = { MHZ: 1, GHZ: 1000, THZ: 1000000 };
class UnitError extends errors/* MaandError */.Ob {
    name = 'UnitError';
    constructor(message) {
        super('invalid unit', message, undefined, { bare: true });
    }
}
/** strconv.ParseFloat syntax: sign, digits with `_` separators, fraction, exponent, hex floats, inf/nan. */
function parseGoFloat(s) {
    if (/^[+-]?(inf|infinity)$/i.test(s))
        return s.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(s))
        return NaN;
    if (/^[+-]?0x/i.test(s)) {
        const m = /^([+-]?)0x((?:[0-9a-f]_?)*[0-9a-f]?)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(s);
        if (!m)
            return undefined;
        const int = (m[2] ?? '').replaceAll('_', '');
        const frac = m[3] ?? '';
        if (int === '' && frac === '')
            return undefined;
        const mant = parseInt(int + frac || '0', 16) / 16 ** frac.length;
        const v = mant * 2 ** Number(m[4]);
        return m[1] === '-' ? -v : v;
    }
    // Underscores only between digits.
    if (!/^[+-]?(\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d+)?$/.test(s))
        return undefined;
    const clean = s.replaceAll('_', '');
    if (!/\d/.test(clean.replace(/[eE].*$/, '')))
        return undefined;
    return Number(clean);
}
function parseUnit(raw, kind) {
    const s = raw.trim();
    if (s === '')
        return 0;
    const plain = parseGoFloat(s);
    if (plain !== undefined)
        return plain;
    const m = (kind === 'memory' ? /^([0-9.]+)\s*([a-z]*)$/i : /^([0-9.]+)\s*([a-z]+)$/i).exec(s);
    if (!m)
        throw new UnitError(kind === 'memory' ? `invalid memory size ${quoted(raw)}` : `invalid cpu frequency ${quoted(raw)}`);
    const num = m[1];
    if (!/^(\d+\.?\d*|\.\d+)$/.test(num))
        throw new UnitError(`strconv.ParseFloat: parsing ${quoted(num)}: invalid syntax`);
    const unit = m[2].toUpperCase();
    const mult = (kind === 'memory' ? MEMORY_UNITS : CPU_UNITS)[unit];
    if (mult === undefined)
        throw new UnitError(`unsupported ${kind} unit ${quoted(unit)}`);
    return Number(num) * mult;
}
function parseMemoryMb(raw) {
    return parseUnit(raw, 'memory');
}
function parseCpuMhz(raw) {
    return parseUnit(raw, 'cpu');
}

// EXTERNAL MODULE: ./lib/bucket/identifiers.js
var identifiers = __webpack_require__(12818);
;// CONCATENATED MODULE: ./lib/bucket/workers-json.js
// workspace/workers.json (§4.4): the worker catalog.







function bad(detail) {
    return new errors/* MaandError */.Ob('invalid worker.json', detail);
}
function readWorkersJson(file) {
    const text = readOptionalText(file, 'workspace/workers.json');
    if (text === undefined)
        return [];
    let doc;
    try {
        doc = parseJson(text);
        if (!Array.isArray(doc))
            throw new JsonDecodeError(`json: cannot unmarshal ${doc === null ? 'null' : typeof doc === 'object' ? 'object' : typeof doc} into Go value of type []workspace.Worker`);
    }
    catch (e) {
        if (!(e instanceof errors/* MaandError */.Ob))
            throw e; // a bug, not a problem of the file: let it show as one
        throw bad(`${e.message} (workspace/workers.json must be a JSON array of {"host": ...} objects)`);
    }
    const seen = new Set();
    return doc.map((item, index) => parseWorker(item, index, seen));
}
function parseWorker(item, index, seen) {
    let host, hostname, labelsRaw, mem, cpu, position, tagsObj, proxyJump;
    try {
        const obj = asObject(item, 'Worker') ?? {};
        host = (asString(field(obj, 'host'), 'Worker.host') ?? '').trim();
        hostname = (asString(field(obj, 'hostname'), 'Worker.hostname') ?? '').trim();
        labelsRaw = asStringArray(field(obj, 'labels'), 'Worker.labels') ?? [];
        mem = asString(field(obj, 'memory'), 'Worker.memory') ?? '';
        cpu = asString(field(obj, 'cpu'), 'Worker.cpu') ?? '';
        position = asInt(field(obj, 'position'), 'Worker.position');
        tagsObj = asObject(field(obj, 'tags'), 'Worker.tags') ?? {};
        proxyJump = asString(field(obj, 'proxy_jump'), 'Worker.proxy_jump')?.trim();
        for (const [k, v] of Object.entries(tagsObj))
            asString(v, `Worker.tags.${k}`);
    }
    catch (e) {
        if (!(e instanceof errors/* MaandError */.Ob))
            throw e; // a bug, not a problem of the file: let it show as one
        throw bad(`${e.message} (workers[${index}])`);
    }
    if (host === '')
        throw bad(`host attribute can't be empty (workers[${index}])`);
    // ssh, rsync and the catalog's text columns take the host as one token
    if (/[\s\p{C}]/u.test(host))
        throw bad(`host ${quoted(host)} must not contain spaces or control characters (workers[${index}])`);
    if (!(0,identifiers/* isWorkerHost */.VM)(host))
        throw bad(`worker host ${quoted(host)} is not an IP address or DNS name (workers[${index}]); use an IPv4 or IPv6 address or a host name`);
    if (seen.has(host))
        throw bad(`duplicate host ${quoted(host)}`);
    seen.add(host);
    const labels = [...labelsRaw, 'worker'].map((l) => l.trim().toLowerCase());
    if (new Set(labels).size !== labels.length)
        throw bad(`worker ${host} have duplicate labels (the label "worker" is implicit; do not list it)`);
    let memoryMb, cpuMhz;
    try {
        memoryMb = parseMemoryMb(mem);
    }
    catch (e) {
        throw bad(`worker ${host} ${e.message}`);
    }
    if (memoryMb < 0)
        throw bad(`worker ${host} memory can't be less than 0`);
    try {
        cpuMhz = parseCpuMhz(cpu);
    }
    catch (e) {
        throw bad(`worker ${host} ${e.message}`);
    }
    if (cpuMhz < 0)
        throw bad(`worker ${host}, cpu can't be less than 0`);
    const tags = new Map();
    for (const [k, v] of Object.entries(tagsObj))
        tags.set(k.trim().toLowerCase(), String(v).trim().toLowerCase());
    if (proxyJump !== undefined)
        (0,proxy_jump/* parseProxyJump */.uo)(proxyJump, `worker ${host} proxy_jump`, 'invalid worker.json');
    return { host, hostname, labels, memoryMb, cpuMhz, tags, position: position ?? index, index, ...(proxyJump === undefined ? {} : { proxyJump }) };
}

;// CONCATENATED MODULE: ./lib/catalog/gate.js
// The schema-version gate every command but `init` passes first (§7.5).



function upgrade(detail) {
    return new errors/* MaandError */.Ob('database schema upgrade required', `run maand init in the bucket directory (${detail})`);
}
function checkSchema(db) {
    const version = storedVersion(db);
    if (version > 4 && version !== SCHEMA_VERSION)
        throw new errors/* MaandError */.Ob('database schema is newer than this maand binary', `database schema version ${version} is newer than this binary supports (${SCHEMA_VERSION}); upgrade the maand binary`);
    if (version !== SCHEMA_VERSION)
        throw upgrade(`database schema upgrade required: database schema version ${version}, binary expects ${SCHEMA_VERSION}; run maand init to upgrade`);
    for (const [table, cols] of Object.entries(REQUIRED_COLUMNS)) {
        const have = tableColumns(db, table);
        for (const c of cols)
            if (!have.includes(c))
                throw upgrade(`table ${table} is missing column ${c}; run maand init to upgrade`);
    }
    for (const [view, { columns }] of Object.entries(VIEWS)) {
        const have = tableColumns(db, view);
        if (have.length === 0)
            throw upgrade(`catalog view ${view} is missing; run maand init to upgrade`);
        for (const c of columns)
            if (!have.includes(c))
                throw upgrade(`catalog view ${view} is missing column ${c}; run maand init to upgrade`);
    }
    checkBucketId(db);
}
/** The bucket id names /opt/worker/<id> on every worker: a catalog carrying anything but a UUID is refused. */
function checkBucketId(db) {
    const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get();
    if (row === undefined || row.bucket_id === null || row.bucket_id === '')
        return;
    if (typeof row.bucket_id !== 'string' || !(0,identifiers/* isBucketId */.G1)(row.bucket_id))
        throw new errors/* MaandError */.Ob('database error', `bucket_id ${JSON.stringify(String(row.bucket_id))} in data/maand.db is not a UUID; the catalog was altered: restore it from a backup or the saved state`);
}
/** The stored schema version; a database written before versioning (no table or row) is version 0. */
function storedVersion(db) {
    if (tableColumns(db, 'schema_version').length === 0)
        return 0;
    const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get();
    return row?.version ?? 0;
}

;// CONCATENATED MODULE: ./lib/kv/errors.js
// KV errors carry the reference's exact texts (no `<code>: ` prefix) so callers can wrap them
// with their own context ("job api: key not found or deleted") and tests can match on `kind`.

class KvError extends errors/* MaandError */.Ob {
    name = 'KvError';
    kind;
    constructor(kind, message) {
        super('kv', message, undefined, { bare: true });
        this.kind = kind;
    }
}
const KEY_NOT_FOUND = 'key not found or deleted';
const NOT_INITIALIZED = 'kv store not initialized';
const KEY_INVALID = 'kv encryption key is missing or invalid';
const NOT_ENCRYPTED = 'value is not encrypted';
const DECRYPT_FAILED = 'failed to decrypt kv value';
function keyNotFound() {
    return new KvError('not-found', KEY_NOT_FOUND);
}
function namespaceNotFound(ns) {
    return new KvError('namespace-not-found', `namespace not found: ${ns}`);
}
function errors_notInitialized() {
    return new KvError('not-initialized', NOT_INITIALIZED);
}
function cryptoError(message) {
    return new KvError('crypto', message);
}
/** The template/runtime read-permission failure: `<ns> namespace is not available for job <job>`. */
function namespaceNotAvailable(ns, job) {
    return new KvError('permission', `${ns} namespace is not available for job ${job}`);
}
function isKvError(e, kind) {
    return e instanceof KvError && (kind === undefined || e.kind === kind);
}

;// CONCATENATED MODULE: ./lib/kv/secrets.js
// Secret values (spec kv §1.8): AES-256-GCM, 12-byte random nonce, 16-byte tag after the
// ciphertext, no AAD, stored as `enc:v1:` + base64(nonce ‖ ciphertext ‖ tag). Byte-compatible
// with the reference so existing maand.db secrets keep decrypting.




const ENCRYPTED_PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const secrets_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function kvKeyPath(bucketRoot) {
    return (0,external_node_path_.join)(bucketRoot, 'secrets', 'kv.key');
}
/** Reads `secrets/kv.key`: exactly 32 raw bytes, else `kv encryption key is missing or invalid`. */
function loadKvKey(bucketRoot) {
    let key;
    try {
        key = (0,external_node_fs_.readFileSync)(kvKeyPath(bucketRoot));
    }
    catch {
        throw cryptoError(KEY_INVALID);
    }
    return checkKey(key);
}
/** Creates `secrets/kv.key` (0600, dir 0700) when missing and returns the key; never rotates. */
function ensureKvKey(bucketRoot) {
    const dir = join(bucketRoot, 'secrets');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = kvKeyPath(bucketRoot);
    try {
        writeFileSync(file, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
        chmodSync(file, 0o600); // the create mode is filtered by umask
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
    }
    return loadKvKey(bucketRoot);
}
function checkKey(key) {
    if (key.length !== KEY_BYTES)
        throw cryptoError(KEY_INVALID);
    return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}
function isEncrypted(value) {
    return value.startsWith(ENCRYPTED_PREFIX);
}
function encrypt(key, plaintext) {
    const nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', checkKey(key), nonce, { authTagLength: TAG_BYTES });
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ENCRYPTED_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64');
}
function decrypt(key, value) {
    if (!isEncrypted(value))
        throw cryptoError(NOT_ENCRYPTED);
    const aesKey = checkKey(key);
    // Go's decoder skips CR/LF; anything else outside the alphabet is an error (Buffer would ignore it).
    const text = value.slice(ENCRYPTED_PREFIX.length).replace(/[\r\n]/g, '');
    if (!secrets_BASE64.test(text))
        throw cryptoError(DECRYPT_FAILED);
    const raw = Buffer.from(text, 'base64');
    if (raw.length < NONCE_BYTES + TAG_BYTES)
        throw cryptoError(DECRYPT_FAILED);
    try {
        const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', aesKey, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
        return plain.toString('utf8');
    }
    catch {
        throw cryptoError(DECRYPT_FAILED);
    }
}

;// CONCATENATED MODULE: ./lib/kv/text.js
// Go's strings.TrimSpace: strips Unicode White_Space (unicode.IsSpace). Differs from
// String.prototype.trim, which also strips U+FEFF but keeps U+0085.
function isSpace(c) {
    if (c <= 0x20)
        return c === 0x20 || (c >= 0x09 && c <= 0x0d);
    if (c < 0x85)
        return false;
    return (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000);
}
function text_trimSpace(s) {
    let start = 0;
    let end = s.length;
    while (start < end && isSpace(s.charCodeAt(start)))
        start++;
    while (end > start && isSpace(s.charCodeAt(end - 1)))
        end--;
    return start === 0 && end === s.length ? s : s.slice(start, end);
}

;// CONCATENATED MODULE: ./lib/kv/undo.js
// Undo log behind KvStore snapshots: while a snapshot is open, every mutation first records the
// entry's prior state, so discarding a failed hook's writes costs O(writes), not O(store).
class UndoLog {
    #log = [];
    /** open snapshot id → log length when it was taken */
    #marks = new Map();
    #nextId = 1;
    open() {
        const id = this.#nextId++;
        this.#marks.set(id, this.#log.length);
        return { id };
    }
    record(entry, created) {
        if (this.#marks.size === 0)
            return;
        const { value, version, ttl, deleted, changed, lastModified } = entry;
        this.#log.push({ entry, prior: created ? undefined : { value, version, ttl, deleted, changed, lastModified } });
    }
    /**
     * Undoes the records taken since `snap`, newest first, calling `reverted` after each; ends
     * `snap` and every snapshot opened after it.
     */
    rollback(snap, reverted) {
        const mark = this.#marks.get(snap.id);
        if (mark === undefined)
            return false;
        for (let i = this.#log.length - 1; i >= mark; i--) {
            const { entry, prior } = this.#log[i];
            if (prior !== undefined)
                Object.assign(entry, prior);
            reverted(entry, prior === undefined);
        }
        this.#log.length = mark;
        for (const id of this.#marks.keys())
            if (id >= snap.id)
                this.#marks.delete(id);
        if (this.#marks.size === 0)
            this.#log = [];
        return true;
    }
    close(snap) {
        this.#marks.delete(snap.id);
        if (this.#marks.size === 0)
            this.#log = [];
    }
    clear() {
        this.#marks.clear();
        this.#log = [];
    }
}

;// CONCATENATED MODULE: ./lib/kv/table.js
/**
 * The max-version row of every (namespace, key), tombstones included; on a version tie the later
 * row wins. One full scan beats GROUP BY (no sort) while history stays short, as purge keeps it.
 */
function loadEntries(db) {
    const stmt = db.prepare('SELECT namespace, key, value, version, ttl, created_date, deleted FROM key_value');
    stmt.setReturnArrays(true);
    const data = new Map();
    for (const row of stmt.all()) {
        const ns = table_text(row[0]);
        const key = table_text(row[1]);
        const version = table_int(row[3]);
        let keys = data.get(ns);
        if (keys === undefined)
            data.set(ns, (keys = new Map()));
        const prev = keys.get(key);
        if (prev !== undefined && prev.version > version)
            continue;
        keys.set(key, {
            ns,
            key,
            value: table_text(row[2]),
            version,
            ttl: table_int(row[4]),
            deleted: table_int(row[6]) !== 0,
            changed: false,
            lastModified: table_int(row[5]),
        });
    }
    return data;
}
const INSERT = 'INSERT INTO key_value (key, value, namespace, version, ttl, created_date, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** Appends `rows` with one timestamp; ttl and created_date are bound as text like the reference stores them. */
function insertRows(db, rows, now) {
    const own = !db.isTransaction;
    if (own)
        db.exec('BEGIN IMMEDIATE');
    try {
        const stmt = db.prepare(INSERT);
        const created = String(now);
        for (const e of rows)
            stmt.run(e.key, e.value, e.ns, e.version, String(e.ttl), created, e.deleted ? 1 : 0);
        if (own)
            db.exec('COMMIT');
    }
    catch (err) {
        if (own && db.isTransaction)
            db.exec('ROLLBACK');
        throw err;
    }
}
function table_text(v) {
    return v === null || v === undefined ? '' : String(v);
}
function table_int(v) {
    if (typeof v === 'number')
        return Math.trunc(v);
    if (typeof v === 'bigint')
        return Number(v);
    const n = Number.parseInt(table_text(v), 10);
    return Number.isNaN(n) ? 0 : n;
}

;// CONCATENATED MODULE: ./lib/kv/store.js
// The in-memory session store (spec kv §1.2–§1.4): loaded once from `key_value`, mutated in
// memory by build, templates and hooks, and appended back to SQLite at persist points.






class store_KvStore {
    #data = new Map();
    #dirty = new Set();
    #undo = new UndoLog();
    #keySource;
    #key;
    /** Every plaintext this store encrypted or decrypted: what error texts must not carry. */
    #known = new Set();
    #onSecret;
    constructor(opts = {}) {
        this.#keySource = opts.key;
        this.#onSecret = opts.onSecret;
    }
    /** Loads the max-version row of every (namespace, key), tombstones included. */
    static load(db, opts = {}) {
        const store = new store_KvStore(opts);
        for (const [ns, keys] of loadEntries(db))
            store.#data.set(ns, keys);
        return store;
    }
    /** Plain put: trims the value; returns false when the live value is already identical. */
    put(ns, key, value) {
        return this.#write(ns, key, text_trimSpace(value));
    }
    /** Encrypts (no trimming); a fresh nonce makes every call a new version. */
    putSecret(ns, key, plaintext) {
        this.#write(ns, key, encrypt(this.#cryptoKey(), this.#learn(plaintext)));
    }
    /** The stored value (ciphertext in secret namespaces); throws `key not found or deleted`. */
    get(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        if (e === undefined || e.deleted)
            throw keyNotFound();
        return e.value;
    }
    tryGet(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        return e === undefined || e.deleted ? undefined : e.value;
    }
    getSecret(ns, key) {
        return this.#learn(decrypt(this.#cryptoKey(), this.get(ns, key)));
    }
    /** The secret plaintexts this store has encrypted or decrypted so far, in the order it learned them. */
    knownSecrets() {
        return [...this.#known];
    }
    /** Decrypts a stored `enc:v1:` value of any version (plans redact every stored secret, Q36). */
    decryptValue(value) {
        return decrypt(this.#cryptoKey(), value);
    }
    /** A key for `purpose` derived from the bucket key (never the key itself), e.g. to fingerprint secrets. */
    derivedKey(purpose) {
        return (0,external_node_crypto_.createHmac)('sha256', this.#cryptoKey()).update(`maand:${purpose}`).digest();
    }
    entry(ns, key) {
        const e = this.#data.get(ns)?.get(key);
        if (e === undefined)
            return undefined;
        const { value, version, ttl, deleted, changed, lastModified } = e;
        return { value, version, ttl, deleted, changed, lastModified };
    }
    /** Live keys of `ns`, sorted; an unknown namespace has none. */
    keys(ns) {
        const out = [];
        for (const e of this.#data.get(ns)?.values() ?? [])
            if (!e.deleted)
                out.push(e.key);
        return out.sort();
    }
    /** Every namespace loaded or written in this session (also fully tombstoned ones), sorted. */
    namespaces() {
        return [...this.#data.keys()].sort();
    }
    /** Tombstones the key; deleting a dead key writes another tombstone (reference behaviour). */
    delete(ns, key) {
        const keys = this.#data.get(ns);
        if (keys === undefined)
            throw namespaceNotFound(ns);
        const e = keys.get(key);
        if (e === undefined)
            throw keyNotFound();
        this.#undo.record(e, false);
        e.deleted = true;
        this.#bump(e);
    }
    /** Tombstones every live key of `ns`; returns how many. Unknown namespace → 0. */
    purgeNamespace(ns) {
        const live = this.keys(ns);
        for (const key of live)
            this.delete(ns, key);
        return live.length;
    }
    hasPendingChanges() {
        return this.#dirty.size > 0;
    }
    /**
     * Appends one row per changed entry, all with the same `created_date`, inside the caller's
     * open transaction (or a transaction of its own). Ends every open snapshot. Returns the row count.
     */
    persist(db, nowUnixSeconds = Math.floor(Date.now() / 1000)) {
        const now = Math.floor(nowUnixSeconds);
        const rows = [...this.#dirty].sort((a, b) => compare(a.ns, b.ns) || compare(a.key, b.key));
        if (rows.length > 0)
            insertRows(db, rows, now);
        for (const e of rows) {
            e.changed = false;
            e.lastModified = now;
        }
        this.#dirty.clear();
        this.#undo.clear();
        return rows.length;
    }
    /**
     * Marks the current state; `restore` reverts every mutation made since (by any writer), e.g.
     * the KV writes of a failed hook. Snapshots nest; `persist` ends them all.
     */
    snapshot() {
        return this.#undo.open();
    }
    /** Reverts to `snap`; returns false when the snapshot already ended (released, restored, persisted). */
    restore(snap) {
        return this.#undo.rollback(snap, (e, created) => {
            if (created) {
                const keys = this.#data.get(e.ns);
                keys.delete(e.key);
                if (keys.size === 0)
                    this.#data.delete(e.ns);
            }
            if (e.changed && !created)
                this.#dirty.add(e);
            else
                this.#dirty.delete(e);
        });
    }
    /** Keeps the changes made since `snap` and ends it. */
    release(snap) {
        this.#undo.close(snap);
    }
    #write(ns, key, value) {
        let keys = this.#data.get(ns);
        const e = keys?.get(key);
        if (e === undefined) {
            if (keys === undefined)
                this.#data.set(ns, (keys = new Map()));
            const fresh = { ns, key, value, version: 1, ttl: 0, deleted: false, changed: true, lastModified: 0 };
            keys.set(key, fresh);
            this.#undo.record(fresh, true);
            this.#dirty.add(fresh);
            return true;
        }
        if (!e.deleted && e.value === value && e.ttl === 0)
            return false;
        this.#undo.record(e, false);
        e.value = value;
        e.ttl = 0;
        e.deleted = false;
        this.#bump(e);
        return true;
    }
    #bump(e) {
        e.version++;
        e.changed = true;
        this.#dirty.add(e);
    }
    #learn(plaintext) {
        if (!this.#known.has(plaintext)) {
            this.#known.add(plaintext);
            this.#onSecret?.(plaintext);
        }
        return plaintext;
    }
    #cryptoKey() {
        if (this.#key !== undefined)
            return this.#key;
        const src = this.#keySource;
        if (src === undefined)
            throw cryptoError(KEY_INVALID);
        const key = typeof src === 'function' ? src() : src;
        if (key.length !== 32)
            throw cryptoError(KEY_INVALID);
        this.#key = key;
        return key;
    }
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./lib/kv/session.js


class KvSession {
    #store;
    /** Loads the store from `db` (usually inside the command's transaction) and keeps it. */
    load(db, opts = {}) {
        this.#store = KvStore.load(db, opts);
        return this.#store;
    }
    get loaded() {
        return this.#store !== undefined;
    }
    /** The loaded store; throws `kv store not initialized` before `load`. */
    require() {
        if (this.#store === undefined)
            throw notInitialized();
        return this.#store;
    }
}

;// CONCATENATED MODULE: ./lib/kv/namespaces.js
// Names of the KV namespaces and well-known keys (spec kv §1.9). Namespaces are flat strings:
// `maand/worker` and `maand/worker/<ip>` are unrelated.
const BUCKET_NS = 'maand/bucket';
const BUCKET_VARS_NS = 'vars/bucket';
const WORKERS_NS = 'maand/worker';
const PROMETHEUS_NS = 'maand/prometheus';
const ROLLOUT_ORDER_KEY = 'rollout_order';
const VERSION_KEY = 'version';
const CERTS_KEY_PREFIX = 'certs/';
const SECRET_NS_PREFIX = 'secrets/job/';
function workerNamespace(ip) {
    return `maand/worker/${ip}`;
}
function workerTagsNamespace(ip) {
    return `maand/worker/${ip}/tags`;
}
function jobNamespace(job) {
    return `maand/job/${job}`;
}
function bucketJobVarsNamespace(job) {
    return `vars/bucket/job/${job}`;
}
function jobVarsNamespace(job) {
    return `vars/job/${job}`;
}
function jobSecretsNamespace(job) {
    return `${SECRET_NS_PREFIX}${job}`;
}
function allocationNamespace(job, ip) {
    return `maand/job/${job}/worker/${ip}`;
}
/** Values in these namespaces are stored encrypted (spec kv §1.8). */
function isSecretNamespace(ns) {
    return ns.startsWith(SECRET_NS_PREFIX);
}

;// CONCATENATED MODULE: ./lib/kv/purge.js
/** Versions kept below the latest one: a live key keeps L−7 … L. */
const MAX_VERSIONS_TO_KEEP = 7;
/*
 * `latest.created_date` is the TEXT column itself, so `< ?` compares the way the reference's
 * query does (SQLite applies TEXT affinity to the bound number; equal to numeric order for
 * 10-digit Unix times). MATERIALIZED keeps the GROUP BY to one pass instead of one per row.
 */
const PURGE = `
WITH latest AS MATERIALIZED (
  SELECT namespace, key, MAX(version) AS version, created_date, deleted
  FROM key_value GROUP BY namespace, key
)
DELETE FROM key_value WHERE rowid IN (
  SELECT r.rowid FROM key_value r
  JOIN latest l ON l.namespace = r.namespace AND l.key = r.key
  WHERE l.created_date < ? AND (r.version < l.version - ${MAX_VERSIONS_TO_KEEP} OR l.deleted = 1)
)`;
/**
 * Runs inside the caller's transaction (build, gc). Negative `retainDays` counts as 0.
 * Returns the number of rows deleted.
 */
function purgeStaleVersions(db, retainDays, nowUnixSeconds) {
    const days = Math.max(0, Math.trunc(retainDays));
    const cutoff = Math.trunc(nowUnixSeconds) - days * 86400;
    return Number(db.prepare(PURGE).run(cutoff).changes);
}

;// CONCATENATED MODULE: ./lib/kv/cert-keys.js



const KEY_SUFFIX = '.key';
function isCertKey(key) {
    return key.startsWith(CERTS_KEY_PREFIX) && key.endsWith(KEY_SUFFIX);
}
/** A live value as its readers (templates, staging, hooks) see it: secrets and certificate keys decrypted. */
function readPlain(kv, ns, key) {
    const v = kv.tryGet(ns, key);
    if (v === undefined)
        return undefined;
    return isSecretNamespace(ns) || (isCertKey(key) && isEncrypted(v)) ? kv.getSecret(ns, key) : v;
}
/**
 * Stores a certificate key encrypted, trimmed as a plain put would (the staged bytes, so the plan hash,
 * stay the same); false when the stored key already is this one, encrypted (a new nonce per put would
 * otherwise make every build a new version).
 */
function putCertKey(kv, ns, key, pem) {
    const plain = text_trimSpace(pem);
    const current = kv.tryGet(ns, key);
    if (current !== undefined && isEncrypted(current) && kv.getSecret(ns, key) === plain)
        return false;
    kv.putSecret(ns, key, plain);
    return true;
}
/**
 * Deletes the plaintext history rows of certificate keys once a newer version replaced them (inside the
 * build's transaction, after its persist): the migration leaves no private key readable in the catalog.
 */
function dropPlaintextCertKeyHistory(db) {
    const sql = `DELETE FROM key_value WHERE rowid IN (
    SELECT r.rowid FROM key_value r
    WHERE r.key LIKE '${CERTS_KEY_PREFIX}%${KEY_SUFFIX}' AND r.value <> '' AND substr(r.value, 1, ${ENCRYPTED_PREFIX.length}) <> '${ENCRYPTED_PREFIX}'
      AND r.version < (SELECT MAX(l.version) FROM key_value l WHERE l.namespace = r.namespace AND l.key = r.key)
  )`;
    return Number(db.prepare(sql).run().changes);
}

;// CONCATENATED MODULE: ./lib/kv/sync.js
// Build's write policies (build-and-catalog §9.1, spec kv §1.10). Puts go in sorted key order,
// then the tombstones, so version numbers and persisted rows are deterministic.



/** Put every desired key; tombstone every other live key. Returns whether anything changed. */
function fullSync(store, ns, desired) {
    return sync(store, ns, desired, () => true);
}
/** Allocation metadata: like full sync, but `certs/*` and `version` survive. */
function allocSync(store, ns, desired) {
    return sync(store, ns, desired, (key) => !key.startsWith(CERTS_KEY_PREFIX) && key !== VERSION_KEY);
}
/** Certificate PEMs: full sync restricted to `certs/*` (private keys encrypted); other keys are left alone. */
function certSync(store, ns, desired) {
    for (const key of entries(desired).map(([k]) => k))
        if (!key.startsWith(CERTS_KEY_PREFIX))
            throw new errors/* InternalError */.Gd(`certSync: key ${key} outside ${CERTS_KEY_PREFIX}`);
    const put = (key, value) => (isCertKey(key) ? putCertKey(store, ns, key, value) : store.put(ns, key, value));
    return sync(store, ns, desired, (key) => key.startsWith(CERTS_KEY_PREFIX), put);
}
/** Put only; never deletes (`vars/job/<job>` from vars.toml). */
function mergeInto(store, ns, desired) {
    return sync(store, ns, desired, () => false);
}
/** Tombstones every live key of `ns` (a full sync to the empty set). */
function purge(store, ns) {
    return store.purgeNamespace(ns) > 0;
}
function sync(store, ns, desired, removable, put = (key, value) => store.put(ns, key, value)) {
    const wanted = entries(desired).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let changed = false;
    for (const [key, value] of wanted)
        if (put(key, value))
            changed = true;
    const keep = new Set(wanted.map(([k]) => k));
    for (const key of store.keys(ns)) {
        if (keep.has(key) || !removable(key))
            continue;
        store.delete(ns, key);
        changed = true;
    }
    return changed;
}
function entries(desired) {
    return desired instanceof Map ? [...desired] : Object.entries(desired);
}

;// CONCATENATED MODULE: ./lib/kv/access.js
// Who may read and write which namespace (spec kv §1.12). Pure rules; catalog reads live in
// catalog-access.ts.

/** The read set of allocation (J, W) for templates and hooks: 11 fixed namespaces + upstream triples, sorted. */
function access_namespacesForAllocation(a) {
    const { job, workerIp: ip } = a;
    return sortedUnique([
        BUCKET_NS,
        BUCKET_VARS_NS,
        WORKERS_NS,
        workerNamespace(ip),
        workerTagsNamespace(ip),
        jobNamespace(job),
        bucketJobVarsNamespace(job),
        jobVarsNamespace(job),
        jobSecretsNamespace(job),
        allocationNamespace(job, ip),
        PROMETHEUS_NS,
        ...upstreamTriples(a.upstreamJobs),
    ]);
}
/** The smaller read set of the build-time `_prometheus/scrape.yaml.tpl` (spec kv §2.9), sorted. */
function scrapeTemplateNamespaces(job, upstream) {
    return sortedUnique([
        BUCKET_NS,
        BUCKET_VARS_NS,
        jobNamespace(job),
        bucketJobVarsNamespace(job),
        jobVarsNamespace(job),
        jobSecretsNamespace(job),
        ...upstreamTriples(upstream),
    ]);
}
/** Exact string match against the read set. */
function canRead(allowed, ns) {
    return Array.isArray(allowed) ? allowed.includes(ns) : allowed.has(ns);
}
/**
 * Hook write rules, in the reference's order: the namespace check first, then the health_check
 * ban (so `rollout_order` during health_check gets the namespace verdict).
 */
function canWrite(req) {
    const { job, event, ns, key } = req;
    let allowed;
    if (req.secret)
        allowed = ns === jobSecretsNamespace(job);
    else if (isSecretNamespace(ns))
        allowed = false;
    else if (ns === jobVarsNamespace(job))
        allowed = true;
    else
        allowed =
            (req.op ?? 'put') === 'put' &&
                ns === jobNamespace(job) &&
                key === ROLLOUT_ORDER_KEY &&
                (event === 'pre_deploy' || event === 'cli');
    if (!allowed)
        return 'forbidden-namespace';
    return event === 'health_check' ? 'health-check-write' : 'ok';
}
function upstreamTriples(upstream) {
    return upstream.flatMap((u) => [jobNamespace(u), jobVarsNamespace(u), jobSecretsNamespace(u)]);
}
function sortedUnique(list) {
    return [...new Set(list)].sort();
}

;// CONCATENATED MODULE: ./lib/kv/catalog-access.js


/** Distinct non-empty trimmed `demand_job` of every command row of `job`, sorted. */
function upstreamJobs(db, job) {
    const rows = db.prepare('SELECT DISTINCT demand_job FROM job_commands WHERE job = ?').all(job);
    const out = new Set();
    for (const r of rows) {
        const name = text_trimSpace(typeof r.demand_job === 'string' ? r.demand_job : '');
        if (name !== '')
            out.add(name);
    }
    return [...out].sort();
}
/** Workers of the job's non-removed allocations (active and disabled), sorted. */
function allocationWorkers(db, job) {
    const rows = db.prepare('SELECT worker_ip FROM allocations WHERE job = ? AND removed = 0').all(job);
    return rows.map((r) => r.worker_ip).sort();
}
/** Read set of allocation (job, workerIp); without a database handle, no upstream namespaces. */
function allocationReadSet(db, job, workerIp) {
    return namespacesForAllocation({ job, workerIp, upstreamJobs: db === undefined ? [] : upstreamJobs(db, job) });
}
/** Union of the read sets of every non-removed allocation (active or disabled) of `job`, sorted. */
function jobNamespaces(db, job) {
    const upstream = upstreamJobs(db, job);
    const all = new Set();
    for (const workerIp of allocationWorkers(db, job))
        for (const ns of namespacesForAllocation({ job, workerIp, upstreamJobs: upstream }))
            all.add(ns);
    return [...all].sort();
}

;// CONCATENATED MODULE: ./lib/kv/index.js
// Public API of the KV store module.












;// CONCATENATED MODULE: ./lib/util/go-format.js
// Number text as Go prints it, because it lands in SQLite and KV and must match the reference.
/** Go `%v` of a float64 (strconv.FormatFloat(x, 'g', -1, 64)): `1e+06`, `1.048576e+06`, `1e-05`. */
function goFloat(x) {
    if (Number.isNaN(x))
        return 'NaN';
    if (x === Infinity)
        return '+Inf';
    if (x === -Infinity)
        return '-Inf';
    if (x === 0)
        return Object.is(x, -0) ? '-0' : '0';
    // Shortest round-trip digits (the same digits JS computes); %e when exp < -4 || exp >= 6.
    const [mantissa, expPart] = x.toExponential().split('e');
    const exp = Number(expPart);
    if (exp < -4 || exp >= 6)
        return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return String(x);
}
/** Go `%.2f`: like toFixed(2), but an exact half (x = odd/8) rounds to even instead of away from zero. */
function goFixed2(x) {
    if (!Number.isFinite(x))
        return goFloat(x);
    const exactHalf = Number.isInteger(x * 8) && !Number.isInteger(x * 4);
    const text = x.toFixed(2);
    if (!exactHalf || Number(text.at(-1)) % 2 === 0)
        return text;
    return (x - Math.sign(x) * 0.001).toFixed(2);
}

;// CONCATENATED MODULE: ./lib/catalog/worker-proxy.js

const COLUMN = 'proxy_jump';
function hasColumn(db) {
    return tableColumns(db, 'worker').includes(COLUMN);
}
/** Records each worker's proxy_jump (undefined: NULL); adds the column on first use. */
function storeWorkerProxyJumps(db, workers) {
    if (!hasColumn(db)) {
        // a catalog that never had a worker with its own proxy_jump stays as the reference wrote it
        if (workers.every((w) => w.proxyJump === undefined))
            return;
        db.exec(`ALTER TABLE worker ADD COLUMN ${COLUMN} TEXT`);
    }
    const set = db.prepare(`UPDATE worker SET ${COLUMN} = ? WHERE worker_ip = ?`);
    for (const w of workers)
        set.run(w.proxyJump ?? null, w.host);
}
/** Every catalog worker → its own proxy_jump (undefined: not set), sorted by worker_ip. */
function workerProxyJumps(db) {
    const column = hasColumn(db) ? COLUMN : 'NULL';
    const rows = db.prepare(`SELECT worker_ip, ${column} AS proxy FROM worker ORDER BY worker_ip`).all();
    return new Map(rows.map((r) => [r.worker_ip, r.proxy ?? undefined]));
}

;// CONCATENATED MODULE: ./lib/build/workers.js
// Build step 2: workers.json → worker, worker_labels, worker_tags (§8.3).



function syncWorkers(ctx) {
    const { db } = ctx;
    const existing = new Map(db.prepare('SELECT worker_ip, worker_id FROM worker').all().map((r) => [r.worker_ip, r.worker_id]));
    const upsert = db.prepare('INSERT OR REPLACE INTO worker (worker_id, worker_ip, available_memory_mb, available_cpu_mhz, position) VALUES (?, ?, ?, ?, ?)');
    const delLabels = db.prepare('DELETE FROM worker_labels WHERE worker_id = ?');
    const addLabel = db.prepare('INSERT INTO worker_labels (worker_id, label) VALUES (?, ?)');
    const delTags = db.prepare('DELETE FROM worker_tags WHERE worker_id = ?');
    const addTag = db.prepare('INSERT INTO worker_tags (worker_id, key, value) VALUES (?, ?, ?)');
    const delWorker = db.prepare('DELETE FROM worker WHERE worker_ip = ?');
    // Delete then re-insert in file order, so rowid order = workers.json order (position tie-breaker).
    for (const w of ctx.workers)
        delWorker.run(w.host);
    for (const w of ctx.workers) {
        const id = existing.get(w.host) ?? randomId();
        upsert.run(id, w.host, goFloat(w.memoryMb), goFloat(w.cpuMhz), w.position);
        delLabels.run(id);
        for (const label of w.labels)
            addLabel.run(id, label);
        delTags.run(id);
        for (const [k, v] of [...w.tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            addTag.run(id, k, v);
    }
    storeWorkerProxyJumps(db, ctx.workers);
    const inFile = new Set(ctx.workers.map((w) => w.host));
    ctx.removedWorkers = [...existing.keys()].filter((ip) => !inFile.has(ip)).sort();
    for (const ip of ctx.removedWorkers) {
        const id = existing.get(ip);
        delLabels.run(id);
        delTags.run(id);
        delWorker.run(ip);
    }
}

;// CONCATENATED MODULE: ./lib/bucket/commands.js
// Job commands (hooks) declared in a manifest: name, events, demands, script (§6.6).



const EVENTS = [
    'post_build', 'health_check', 'cli', 'pre_deploy', 'post_deploy', 'job_control', 'after_allocation_started', 'after_allocation_stopped',
];
function cfg(detail) {
    return new errors/* MaandError */.Ob('invalid job command configuration', detail);
}
/** Checks #1-#5b of §6.6 for one command (script existence is checked separately). */
function validateCommand(job, name, c) {
    if (!name.startsWith('command_'))
        throw cfg(`invalid command name, name: ${name}, excepted prefix : command_`);
    if (c.executed_on.length === 0)
        throw cfg(`job ${job}, job_command ${name} missing executed_on`);
    const unknown = c.executed_on.filter((e) => !EVENTS.includes(e));
    if (unknown.length > 0)
        throw cfg(`job ${job}, job_command ${name} invalid executed_on [${unknown.join(' ')}] (valid: ${EVENTS.join(', ')})`);
    if (c.demands.job === job)
        throw cfg(`job ${job}, job_command ${name} invalid configuration, self referencing`);
    checkDemandPair(job, name, c);
}
function checkDemandPair(job, name, c) {
    const dj = c.demands.job.trim();
    const dc = c.demands.command.trim();
    if ((dj === '') !== (dc === ''))
        throw new errors/* MaandError */.Ob('invalid job command demand', `job ${job} command ${name} demands.job and demands.command must both be set`);
    if (dj === job)
        throw cfg(`job ${job}, job_command ${name} invalid configuration, self referencing`);
}
/** Exactly one of `_modules/<name>.py|.ts|.js` must exist. */
function findCommandScript(bucketRoot, jobDir, job, name) {
    const modules = (0,external_node_path_.join)(jobDir, '_modules');
    const rel = (0,external_node_path_.relative)(bucketRoot, modules);
    const found = ['py', 'ts', 'js'].filter((ext) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(modules, `${name}.${ext}`)));
    if (found.length === 0) {
        const e = new errors/* MaandError */.Ob('job command file not found', `expected ${name}.py, ${name}.ts, or ${name}.js under ${rel}`);
        e.message = `job ${job} command ${name}: ${e.message}`;
        throw e;
    }
    if (found.length > 1) {
        const e = cfg(`multiple implementations for ${name} under ${rel} (use only one of .py, .ts, .js)`);
        e.message = `job ${job} command ${name}: ${e.message}`;
        throw e;
    }
    const ext = found[0];
    return { file: (0,external_node_path_.join)(modules, `${name}.${ext}`), ext, runtime: ext === 'py' ? 'python' : 'node' };
}

// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(56495);
;// CONCATENATED MODULE: ./lib/bucket/jobs.js
// Job discovery and the job file walk (§4.7).






/** Direct sub-directories of workspace/jobs holding a manifest.json, sorted byte-wise. */
function discoverJobs(paths) {
    if (!(0,external_node_fs_.existsSync)(paths.jobsDir))
        return [];
    const jobs = (0,external_node_fs_.readdirSync)(paths.jobsDir)
        .filter((name) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(paths.jobsDir, name, 'manifest.json')))
        .sort(go_json/* byteCompare */.U6);
    const bad = jobs.filter((name) => !(0,identifiers/* isJobName */.vG)(name));
    if (bad.length > 0)
        throw new errors/* MaandError */.Ob('invalid job', `invalid job name ${bad.map((n) => JSON.stringify(n)).join(', ')} (workspace/jobs/<name>): a job name uses letters, digits, _, - and . and does not start with . or -; rename the directory`);
    return jobs;
}
const EXCLUDED = new Set(['.venv', 'venv', 'node_modules', '__pycache__']);
/** The whole job tree in lexical walk order (parent before children), job dir first. */
function walkJobFiles(jobsDir, job) {
    const out = [{ path: job, content: new Uint8Array(0), isdir: true, mode: null, link: null }];
    const jobReal = (0,external_node_fs_.realpathSync)((0,external_node_path_.join)(jobsDir, job));
    const escapes = [];
    const walk = (rel) => {
        const names = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(jobsDir, rel)).sort(go_json/* byteCompare */.U6);
        for (const name of names) {
            if (EXCLUDED.has(name))
                continue;
            const childRel = `${rel}/${name}`;
            const abs = (0,external_node_path_.join)(jobsDir, childRel);
            const l = (0,external_node_fs_.lstatSync)(abs);
            if (l.isDirectory()) {
                out.push({ path: childRel, content: new Uint8Array(0), isdir: true, mode: null, link: null });
                walk(childRel);
                continue;
            }
            const link = l.isSymbolicLink() ? (0,external_node_fs_.readlinkSync)(abs) : null;
            if (link !== null && !linkStaysInside(jobReal, abs, link)) {
                escapes.push(`workspace/jobs/${childRel} -> ${link}`);
                continue;
            }
            if (link !== null && (0,external_node_fs_.statSync)(abs, { throwIfNoEntry: false })?.isDirectory())
                throw new FileReadError(`workspace/jobs/${childRel}`, 'is a symlink to a directory (replace it with a real directory)');
            // a link keeps the content it points to (what the reference stored) besides its target text
            out.push({ path: childRel, content: readBytes(abs, `workspace/jobs/${childRel}`), isdir: false, mode: (0,external_node_fs_.statSync)(abs).mode & 0o777, link });
        }
    };
    walk(job);
    if (escapes.length > 0)
        throw new errors/* MaandError */.Ob('invalid job', `job ${job}: ${escapes.length === 1 ? 'a symlink points' : 'symlinks point'} outside the job directory: ${escapes.join(', ')} (they would ship what they point to; copy the file into the job or link within it)`);
    return out;
}
/**
 * Whether a symlink stays inside the job: its target text is relative and does not climb out of the
 * job (it is shipped as is, so it must mean the same on a worker), and what it finally resolves to
 * here (through any chain of links) is inside the job too.
 */
function linkStaysInside(jobReal, abs, target) {
    if ((0,external_node_path_.isAbsolute)(target))
        return false;
    const inside = (p) => p === jobReal || p.startsWith(`${jobReal}${external_node_path_.sep}`);
    if (!inside((0,external_node_path_.resolve)((0,external_node_fs_.realpathSync)((0,external_node_path_.dirname)(abs)), target)))
        return false;
    try {
        return inside((0,external_node_fs_.realpathSync)(abs));
    }
    catch {
        return true; // dangling: the read that follows names it
    }
}
function readManifestText(paths, job) {
    return readText((0,external_node_path_.join)(paths.jobsDir, job, 'manifest.json'), `workspace/jobs/${job}/manifest.json`);
}

;// CONCATENATED MODULE: ./lib/bucket/manifest.js
// manifest.json decoding (§6.1-6.8) with Go's encoding/json semantics. Semantic checks that need
// the bucket (reservations, command scripts) live in manifest-rules.ts and commands.ts.



const PORT_NAME = /^[a-z][a-z0-9_]*$/;
/** Decodes manifest text; any problem → `invalid manifest.json: job <job>\n<detail>`. */
function decodeManifest(job, text) {
    try {
        return decode(text);
    }
    catch (e) {
        if (!(e instanceof errors/* MaandError */.Ob))
            throw e; // a bug, not a manifest problem: let it show as one
        const err = new errors/* MaandError */.Ob('invalid manifest.json', `job ${job}`);
        err.message = `invalid manifest.json: job ${job}\n${e.message}`;
        if (e instanceof errors/* MaandError */.Ob)
            err.codes.push(...e.codes);
        throw err;
    }
}
function decode(text) {
    // Raw number texts of port values, so `31000.0` and `3.0e4` can be rejected as Go does.
    parseJson(text); // syntax errors with Go's wording first
    const rawNumbers = new Map();
    const doc = JSON.parse(text, function (key, value, ctx) {
        if (typeof value === 'number' && ctx?.source !== undefined) {
            let m = rawNumbers.get(this);
            if (!m)
                rawNumbers.set(this, (m = new Map()));
            m.set(key, ctx.source);
        }
        return value;
    });
    return fromDoc(doc, rawNumbers);
}
function fromDoc(doc, rawNumbers) {
    const m = asObject(doc, 'Manifest') ?? {};
    const resources = asObject(field(m, 'resources'), 'Manifest.resources') ?? {};
    const mem = asObject(field(resources, 'memory'), 'Resources.memory') ?? {};
    const cpu = asObject(field(resources, 'cpu'), 'Resources.cpu') ?? {};
    return {
        version: asString(field(m, 'version'), 'Manifest.version') ?? '',
        selectors: asStringArray(field(m, 'selectors'), 'Manifest.selectors'),
        memory: { min: asString(field(mem, 'min'), 'Memory.min') ?? '', max: asString(field(mem, 'max'), 'Memory.max') ?? '' },
        cpu: { min: asString(field(cpu, 'min'), 'CPU.min') ?? '', max: asString(field(cpu, 'max'), 'CPU.max') ?? '' },
        ports: decodePorts(asObject(field(resources, 'ports'), 'Resources.ports'), rawNumbers),
        commands: decodeCommands(asObject(field(m, 'commands'), 'Manifest.commands')),
        certs: decodeCerts(field(m, 'certs')),
        health_check: decodeHealth(asObject(field(m, 'health_check'), 'Manifest.health_check')),
        max_concurrent_upgrades: asInt(field(m, 'max_concurrent_upgrades'), 'Manifest.max_concurrent_upgrades') ?? 0,
        max_concurrent_starts: asInt(field(m, 'max_concurrent_starts'), 'Manifest.max_concurrent_starts') ?? 0,
        min_allocations_count: asInt(field(m, 'min_allocations_count'), 'Manifest.min_allocations_count') ?? 0,
        restart_policy: asString(field(m, 'restart_policy'), 'Manifest.restart_policy') ?? '',
        restart_globs: asStringArray(field(m, 'restart_globs'), 'Manifest.restart_globs') ?? [],
    };
}
function decodePorts(ports, rawNumbers) {
    const out = new Map();
    if (!ports)
        return out;
    const raws = rawNumbers.get(ports);
    for (const [rawName, value] of Object.entries(ports)) {
        const name = rawName.trim();
        if (name === '')
            throw new errors/* MaandError */.Ob('invalid port key format', 'port name cannot be empty');
        if (!PORT_NAME.test(name))
            throw new errors/* MaandError */.Ob('invalid port key format', `port name ${quoted(name)} (use lower-case letters, digits and _; start with a letter)`);
        const raw = raws?.get(rawName);
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
            out.set(name, { kind: 'provisioned' });
        }
        else if (typeof value === 'number' && raw !== undefined && /^-?\d+$/.test(raw)) {
            if (value < 1 || value > 65535)
                throw new errors/* MaandError */.Ob('invalid manifest port declaration', `port ${quoted(name)} must be between 1 and 65535, not ${raw}`);
            out.set(name, { kind: 'fixed', port: value });
        }
        else {
            const shown = raw ?? JSON.stringify(value);
            throw new errors/* MaandError */.Ob('invalid manifest port declaration', `port ${quoted(name)} must be {} or an integer, not ${shown}`);
        }
    }
    return out;
}
function decodeCommands(cmds) {
    const out = new Map();
    for (const [name, value] of Object.entries(cmds ?? {})) {
        const c = asObject(value, `Manifest.commands.${name}`) ?? {};
        const d = asObject(field(c, 'demands'), 'Command.demands') ?? {};
        out.set(name, {
            executed_on: asStringArray(field(c, 'executed_on'), 'Command.executed_on') ?? [],
            demands: {
                job: asString(field(d, 'job'), 'Demands.job') ?? '',
                command: asString(field(d, 'command'), 'Demands.command') ?? '',
                config: asObject(field(d, 'config'), 'Demands.config') ?? {},
            },
        });
    }
    return out;
}
function decodeCerts(value) {
    const certs = asObject(value, 'Manifest.certs');
    if (!certs)
        return undefined;
    const out = new Map();
    for (const [name, v] of Object.entries(certs)) {
        const c = asObject(v, `Manifest.certs.${name}`) ?? {};
        const subject = asObject(field(c, 'subject'), 'Cert.subject') ?? {};
        out.set(name, {
            pkcs8: asBool(field(c, 'pkcs8'), 'Cert.pkcs8') ?? false,
            one: asBool(field(c, 'one'), 'Cert.one') ?? false,
            common_name: asString(field(subject, 'common_name'), 'Subject.common_name') ?? '',
        });
    }
    return out;
}
function decodeHealth(h) {
    if (!h)
        return undefined;
    const checksRaw = field(h, 'checks');
    const checks = [];
    if (checksRaw !== undefined && checksRaw !== null) {
        if (!Array.isArray(checksRaw))
            throw new JsonDecodeError('json: cannot unmarshal into Go struct field HealthCheck.checks of type []Probe');
        for (const item of checksRaw) {
            const p = asObject(item, 'HealthCheck.checks') ?? {};
            checks.push({
                type: asString(field(p, 'type'), 'Probe.type') ?? '',
                port: asString(field(p, 'port'), 'Probe.port') ?? '',
                command: asString(field(p, 'command'), 'Probe.command') ?? '',
                path: asString(field(p, 'path'), 'Probe.path') ?? '',
                expect_status: asInt(field(p, 'expect_status'), 'Probe.expect_status') ?? 0,
                scheme: asString(field(p, 'scheme'), 'Probe.scheme') ?? '',
            });
        }
    }
    const w = asObject(field(h, 'wait'), 'HealthCheck.wait');
    return {
        checks,
        timeout_seconds: asInt(field(h, 'timeout_seconds'), 'HealthCheck.timeout_seconds') ?? 0,
        wait: w ? { attempts: asInt(field(w, 'attempts'), 'Wait.attempts') ?? 0, interval_seconds: asInt(field(w, 'interval_seconds'), 'Wait.interval_seconds') ?? 0 } : null,
    };
}

;// CONCATENATED MODULE: ./lib/bucket/glob.js
// restart_globs validation (§6.9) with Go's filepath.Match syntax: `*`, `?`, `[...]` (with `^`
// negation and ranges), `\` escapes; an unterminated class is a syntax error.

function isValidGlob(pattern) {
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '\\') {
            if (i + 1 >= pattern.length)
                return false;
            i += 2;
        }
        else if (c === '[') {
            const end = classEnd(pattern, i + 1);
            if (end < 0)
                return false;
            i = end + 1;
        }
        else
            i++;
    }
    return true;
}
/** Index of the closing `]` of a class starting after `[`, or -1 when malformed. */
function classEnd(p, start) {
    let i = start;
    if (p[i] === '^')
        i++;
    let n = 0;
    while (i < p.length) {
        if (p[i] === ']' && n > 0)
            return i;
        const lo = readClassChar(p, i);
        if (lo < 0)
            return -1;
        i = lo;
        if (p[i] === '-') {
            const hi = readClassChar(p, i + 1);
            if (hi < 0)
                return -1;
            i = hi;
        }
        n++;
    }
    return -1;
}
function readClassChar(p, i) {
    if (i >= p.length)
        return -1;
    if (p[i] === '-' || p[i] === ']')
        return -1;
    if (p[i] === '\\')
        return i + 2 <= p.length - 1 || i + 1 < p.length ? i + 2 : -1;
    return i + 1;
}
/** Applies the `**` acceptance rules, then the single-segment syntax. Returns an error text or undefined. */
function checkRestartGlob(raw) {
    const p = raw.trim();
    if (p === '')
        return 'empty glob pattern';
    if (p.includes('**')) {
        if (p.startsWith('**/')) {
            const rest = p.slice(3);
            const seg = rest.includes('/') ? rest.slice(rest.indexOf('/') + 1) : rest;
            return isValidGlob(seg) ? undefined : `invalid glob pattern ${quoted(p)}: syntax error in pattern`;
        }
        return undefined;
    }
    return isValidGlob(p) ? undefined : `invalid glob pattern ${quoted(p)}: syntax error in pattern`;
}

;// CONCATENATED MODULE: ./lib/bucket/manifest-rules.js
// Semantic checks of a decoded manifest, in the reference's order (§6.2-6.9, §8.4 steps 3-12).






function invalid(job, detail) {
    return new errors/* MaandError */.Ob('invalid manifest.json', `job ${job} ${detail}`);
}
/** Parses min/max, defaults max to min, checks min ≤ max. */
function resourceBounds(job, m, kind) {
    const parse = kind === 'cpu' ? parseCpuMhz : parseMemoryMb;
    const spec = kind === 'cpu' ? m.cpu : m.memory;
    let min, max;
    try {
        min = parse(spec.min);
        max = parse(spec.max);
    }
    catch (e) {
        throw invalid(job, e.message);
    }
    if (min !== 0 && max === 0)
        max = min;
    if (min > max)
        throw invalid(job, kind === 'cpu' ? 'minCPUMhz > maxCPUMhz' : 'minMemoryMb > maxMemoryMb');
    return { min, max };
}
/** Layer 2: the optional reservation of bucket.jobs*.conf (§6.3). */
function reservation(job, kind, b, section, fileName) {
    if (section === undefined || !(kind in section))
        return { ...b, current: b.max, source: 'manifest' };
    let req;
    try {
        req = (kind === 'cpu' ? parseCpuMhz : parseMemoryMb)(section[kind]);
    }
    catch (e) {
        throw new errors/* MaandError */.Ob('invalid bucket.conf', `bucket conf workspace/${fileName} [${job}] ${kind}: ${e.message}`);
    }
    const [col, unit] = kind === 'cpu' ? ['cpu_mhz', 'mhz'] : ['memory_mb', 'mb'];
    if (b.min === 0 && b.max === 0)
        return { min: req, max: req, current: req, source: fileName };
    if (req > b.max)
        throw new errors/* MaandError */.Ob('unsupported resource configuration', `${fileName}, job ${job} max_${col} ${goFixed2(b.max)} ${unit}, requested ${goFixed2(req)} ${unit}`);
    if (req < b.min)
        throw new errors/* MaandError */.Ob('unsupported resource configuration', `${fileName}, job ${job} min_${col} ${goFixed2(b.min)} ${unit}, requested ${goFixed2(req)} ${unit}`);
    return { min: b.min, max: b.max, current: req, source: fileName };
}
function validateHealthCheck(job, m) {
    const checks = m.health_check?.checks ?? [];
    checks.forEach((c, i) => {
        const type = c.type.trim().toLowerCase();
        if (!['tcp', 'http', 'ssh'].includes(type))
            throw invalid(job, `health_check.checks[${i}] type ${quoted(c.type)} (want tcp, http, or ssh)`);
        if (type === 'ssh') {
            if (c.command.trim() === '')
                throw invalid(job, `health_check.checks[${i}] ssh probe requires command`);
            return;
        }
        const port = c.port.trim();
        if (port === '')
            throw invalid(job, `health_check.checks[${i}] missing port`);
        if (!m.ports.has(port))
            throw invalid(job, `health_check.checks[${i}] port ${quoted(port)} not in resources.ports`);
        if (type === 'http' && !(c.path === '' ? '/' : c.path).startsWith('/'))
            throw invalid(job, `health_check.checks[${i}] path must start with /`);
    });
}
/** The `job.health_check` column: Go JSON of the section, or "" when there are no checks (§6.8). */
function healthCheckJson(h) {
    if (!h || h.checks.length === 0)
        return '';
    const checks = h.checks.map((c) => {
        const o = { type: c.type };
        if (c.port)
            o['port'] = c.port;
        if (c.command)
            o['command'] = c.command;
        if (c.path)
            o['path'] = c.path;
        if (c.expect_status)
            o['expect_status'] = c.expect_status;
        if (c.scheme)
            o['scheme'] = c.scheme;
        return o;
    });
    return (0,go_json/* goJson */.Pl)({ checks, timeout_seconds: h.timeout_seconds, wait: h.wait }, false);
}
function restartPolicy(job, m) {
    const policy = m.restart_policy === '' ? 'always' : m.restart_policy;
    if (!['always', 'reload', 'never'].includes(policy))
        throw invalid(job, `invalid manifest.json: restart_policy must be one of always, reload, never (got ${quoted(m.restart_policy)})`);
    if (m.restart_globs.length > 0 && policy !== 'reload')
        throw invalid(job, 'restart_globs requires restart_policy reload');
    for (const g of m.restart_globs) {
        const err = checkRestartGlob(g);
        if (err)
            throw invalid(job, `restart_globs: invalid manifest.json: ${err}`);
    }
    return { policy, globsJson: (0,go_json/* goJson */.Pl)(m.restart_globs) };
}
function checkMinAllocations(job, m) {
    if (m.min_allocations_count < 0)
        throw invalid(job, 'min_allocations_count must be >= 0');
}
/** Effective selectors: [] or absent → the job name; otherwise drop "" and duplicates, keep order. */
function effectiveSelectors(job, m) {
    if (m.selectors === undefined || m.selectors.length === 0)
        return [job];
    return [...new Set(m.selectors.filter((s) => s !== ''))];
}

;// CONCATENATED MODULE: ./lib/bucket/version.js
// Job versions (§5.3): the stored raw text, the normalized deploy version, the parsed form.


function version_storedVersion(raw) {
    return raw === undefined || raw === '' ? 'unknown' : raw;
}
function normalizedVersion(raw) {
    const t = (raw ?? '').trim();
    return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}
class VersionError extends errors/* MaandError */.Ob {
    name = 'VersionError';
    constructor(message) {
        super('invalid version', message, undefined, { bare: true });
    }
}
function parseVersion(raw) {
    let s = raw.trim();
    if (s === '')
        throw new VersionError('version is empty');
    if (s.toLowerCase() === 'unknown')
        throw new VersionError(`version ${quoted(raw)} is not allowed`);
    if (s.startsWith('v'))
        s = s.slice(1);
    if (s.startsWith('V'))
        s = s.slice(1);
    let core = s;
    let prerelease = '';
    const dash = s.indexOf('-');
    if (dash >= 0) {
        core = s.slice(0, dash);
        prerelease = s.slice(dash + 1).trim();
        if (prerelease === '')
            throw new VersionError('empty prerelease suffix');
    }
    const parts = core.split('.');
    if (parts.length < 1 || parts.length > 3)
        throw new VersionError(`${quoted(core)}`);
    const nums = parts.map((p) => {
        const t = p.trim();
        if (t === '')
            throw new VersionError(`empty segment in ${quoted(core)}`);
        if (!/^\+?\d+$/.test(t))
            throw new VersionError(`invalid segment ${quoted(t)} in ${quoted(core)}`);
        const n = Number(t.replace('+', ''));
        // Go's Atoi fails past int64; here past 2^53, where a segment would no longer compare exactly
        if (!Number.isSafeInteger(n))
            throw new VersionError(`segment ${quoted(t)} in ${quoted(core)} is out of range`);
        return n;
    });
    return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0, prerelease };
}
function formatVersion(v) {
    return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;
}
function compareVersions(a, b) {
    for (const k of ['major', 'minor', 'patch'])
        if (a[k] !== b[k])
            return a[k] < b[k] ? -1 : 1;
    if (a.prerelease === b.prerelease)
        return 0;
    if (a.prerelease === '')
        return 1;
    if (b.prerelease === '')
        return -1;
    return a.prerelease < b.prerelease ? -1 : 1;
}

;// CONCATENATED MODULE: ./lib/certs/certs-json.js
// The `build_certs` hash input (build-and-catalog §10.2): the manifest `certs` object re-encoded as Go's
// encoding/json would (sorted keys, fixed field order, defaults filled in, HTML-safe escaping), so the
// hash matches buckets built by the reference tool and a change of any byte regenerates the job's certs.

/** Go JSON bytes of the `certs` object; `null` when the manifest has none. */
function encodeCertsJson(certs) {
    if (certs === null || certs === undefined)
        return 'null';
    const names = Object.keys(certs)
        .map((name) => [goJsonString(name), name])
        .sort(([, a], [, b]) => Buffer.compare(Buffer.from(wellFormed(a)), Buffer.from(wellFormed(b))));
    const entries = names.map(([key, name]) => {
        const spec = certs[name] ?? {};
        const cn = spec.subject?.common_name ?? '';
        const flags = `"pkcs8":${spec.pkcs8 === true},"one":${spec.one === true}`;
        return `${key}:{${flags},"subject":{"common_name":${goJsonString(cn)}}}`;
    });
    return `{${entries.join(',')}}`;
}
/** MD5 (lower-case hex) of encodeCertsJson. */
function certsHash(certs) {
    return (0,external_node_crypto_.createHash)('md5').update(encodeCertsJson(certs), 'utf8').digest('hex');
}
const SHORT_ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
};
/** A JSON string literal escaped like Go's json.Marshal (with its default HTML escaping). */
function goJsonString(value) {
    let out = '"';
    for (const ch of wellFormed(value)) {
        const code = ch.codePointAt(0);
        const short = SHORT_ESCAPES[ch];
        if (short !== undefined)
            out += short;
        else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
            out += '\\u' + code.toString(16).padStart(4, '0');
        }
        else
            out += ch;
    }
    return out + '"';
}
// Go decodes an unpaired surrogate escape to U+FFFD, so the bytes it hashes never contain one.
function wellFormed(value) {
    return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

;// CONCATENATED MODULE: ./lib/build/ports.js
// Port assignment (§8.5). Stateful and order-dependent: jobs and port names are processed in
// byte-wise sorted order, so the same workspace always yields the same numbers.



class PortAllocator {
    existing;
    used = new Set();
    pool;
    /** `existing`: job → port name → number, as stored in job_ports (including jobs being removed). */
    constructor(pool, existing) {
        this.pool = pool;
        this.existing = existing;
        for (const ports of existing.values())
            for (const n of ports.values())
                this.used.add(n);
    }
    /** Resolves the declared ports of `job`; returns name → number in sorted name order. */
    assign(job, declared) {
        const current = this.existing.get(job) ?? new Map();
        this.existing.set(job, current);
        for (const [name, n] of [...current]) {
            if (!declared.has(name)) {
                this.used.delete(n);
                current.delete(name);
            }
        }
        const out = [];
        for (const name of [...declared.keys()].sort(go_json/* byteCompare */.U6)) {
            const decl = declared.get(name);
            const had = current.get(name);
            if (decl.kind === 'provisioned') {
                if (had !== undefined && had >= this.pool.min && had <= this.pool.max) {
                    this.used.add(had);
                    out.push([name, had]);
                    continue;
                }
                if (had !== undefined)
                    this.used.delete(had);
                const p = this.lowestFree();
                current.set(name, p);
                this.used.add(p);
                out.push([name, p]);
            }
            else {
                if (had !== undefined && had !== decl.port)
                    this.used.delete(had);
                if (had !== decl.port) {
                    if (this.used.has(decl.port))
                        throw new errors/* MaandError */.Ob('port collision', `port ${decl.port} (job ${job} port ${quoted(name)}) is already used by another port; choose another number or use {} to get one from the pool`);
                    current.set(name, decl.port);
                    this.used.add(decl.port);
                }
                out.push([name, decl.port]);
            }
        }
        return out;
    }
    lowestFree() {
        for (let p = this.pool.min; p <= this.pool.max; p++)
            if (!this.used.has(p))
                return p;
        throw new errors/* MaandError */.Ob('port range exhausted', `no free ports in range ${this.pool.min}-${this.pool.max} (widen port_min/port_max in workspace/bucket.conf)`);
    }
}

;// CONCATENATED MODULE: ./lib/build/jobs.js
// Build step 3: workspace jobs → job, job_selectors, job_ports, job_commands, job_files, job_certs (§8.4).















/** Pre-scan: decode every manifest (a syntax error anywhere fails early) and check the pool. */
function prescanJobs(ctx) {
    ctx.jobs = discoverJobs(ctx.paths);
    for (const job of ctx.jobs)
        ctx.manifests.set(job, decodeManifest(job, readManifestText(ctx.paths, job)));
    ctx.bucketConf = readBucketConf(ctx.paths);
    // The reference reads the job settings file per job, so a bucket without jobs never reads it.
    ctx.jobsConf = ctx.jobs.length > 0 ? readJobsConf(ctx.paths, ctx.conf.job_config_selector) : { fileName: jobsConfFileName(ctx.conf.job_config_selector), sections: new Map() };
    const pool = portPool(ctx.bucketConf);
    const existing = new Map();
    for (const r of ctx.db.prepare('SELECT j.name AS job, p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id').all()) {
        if (!existing.has(r.job))
            existing.set(r.job, new Map());
        existing.get(r.job).set(r.name, r.port);
    }
    return new PortAllocator(pool, existing);
}
function syncJobs(ctx, ports) {
    ensureJobFileColumns(ctx.db);
    for (const job of ctx.jobs)
        syncJob(ctx, ports, job, ctx.manifests.get(job));
    removeJobs(ctx);
}
function syncJob(ctx, ports, job, m) {
    const { db } = ctx;
    const jobId = stableId(job);
    for (const t of ['job_selectors', 'job_commands', 'job_files', 'job_certs'])
        db.prepare(`DELETE FROM ${t} WHERE job_id = ?`).run(jobId);
    const cpu = resourceBounds(job, m, 'cpu');
    const mem = resourceBounds(job, m, 'memory');
    const section = ctx.jobsConf.sections.get(job);
    const memRes = reservation(job, 'memory', mem, section, ctx.jobsConf.fileName);
    const cpuRes = reservation(job, 'cpu', cpu, section, ctx.jobsConf.fileName);
    validateHealthCheck(job, m);
    const { policy, globsJson } = restartPolicy(job, m);
    checkMinAllocations(job, m);
    const dir = (0,external_node_path_.join)(ctx.paths.jobsDir, job);
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'prometheus.yml')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'prometheus.yml.tpl')))
        throw new errors/* MaandError */.Ob('invalid job', `job ${job} cannot define both prometheus.yml and prometheus.yml.tpl`);
    db.prepare(`INSERT OR REPLACE INTO job (job_id, name, version, min_memory_mb, max_memory_mb, current_memory_mb, current_memory_source,
      min_cpu_mhz, max_cpu_mhz, current_cpu_mhz, current_cpu_source, max_concurrent_upgrades, max_concurrent_starts,
      restart_policy, restart_globs, health_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(jobId, job, version_storedVersion(m.version), goFloat(memRes.min), goFloat(memRes.max), goFloat(memRes.current), memRes.source, goFloat(cpuRes.min), goFloat(cpuRes.max), goFloat(cpuRes.current), cpuRes.source, m.max_concurrent_upgrades <= 0 ? 1 : m.max_concurrent_upgrades, Math.max(0, m.max_concurrent_starts), policy, globsJson, healthCheckJson(m.health_check));
    const addSelector = db.prepare('INSERT INTO job_selectors (job_id, selector) VALUES (?, ?)');
    for (const s of effectiveSelectors(job, m))
        addSelector.run(jobId, s);
    db.prepare('DELETE FROM job_ports WHERE job_id = ?').run(jobId);
    const addPort = db.prepare('INSERT INTO job_ports (job_id, name, port) VALUES (?, ?, ?)');
    for (const [name, n] of ports.assign(job, m.ports))
        addPort.run(jobId, name, n);
    const addCommand = db.prepare('INSERT INTO job_commands (job_id, job, name, executed_on, demand_job, demand_command, demand_config) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const name of [...m.commands.keys()].sort()) {
        const c = m.commands.get(name);
        validateCommand(job, name, c);
        checkDemandPair(job, name, c);
        findCommandScript(ctx.paths.root, dir, job, name);
        const config = (0,go_json/* goJson */.Pl)(c.demands.config);
        for (const event of c.executed_on)
            addCommand.run(jobId, job, name, event, c.demands.job, c.demands.command, config);
    }
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'Makefile')) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'Makefile.tpl')))
        throw new errors/* MaandError */.Ob('invalid job', `job ${job}, Makefile or Makefile.tpl not found`);
    for (const reserved of ['data', 'logs', 'bin']) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, reserved)))
            throw new errors/* MaandError */.Ob('invalid job', `job ${job}, ${reserved} directory is reserved (maand creates it on workers; rename yours)`);
    }
    const addFile = db.prepare('INSERT INTO job_files (job_id, path, content, isdir, mode, link) VALUES (?, ?, ?, ?, ?, ?)');
    for (const f of walkJobFiles(ctx.paths.jobsDir, job))
        addFile.run(jobId, f.path, f.content, f.isdir ? 1 : 0, f.mode, f.link);
    db.prepare("INSERT INTO hash (namespace, key, current_hash) VALUES ('build_certs', ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash").run(job, certsHash(m.certs === undefined ? undefined : Object.fromEntries([...m.certs].map(([n, c]) => [n, { pkcs8: c.pkcs8, one: c.one, subject: { common_name: c.common_name } }]))));
    const addCert = db.prepare('INSERT INTO job_certs (job_id, name, pkcs8, one, subject) VALUES (?, ?, ?, ?, ?)');
    for (const [name, c] of [...(m.certs ?? new Map())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        addCert.run(jobId, name, c.pkcs8 ? 1 : 0, c.one ? 1 : 0, (0,go_json/* goJson */.Pl)({ common_name: c.common_name }));
}
function removeJobs(ctx) {
    const { db } = ctx;
    const inWorkspace = new Set(ctx.jobs);
    const catalog = db.prepare('SELECT name, job_id FROM job ORDER BY name').all().filter((r) => !inWorkspace.has(r.name));
    ctx.removedJobs = catalog.map((r) => r.name);
    for (const { name, job_id } of catalog) {
        for (const t of ['job_ports', 'job_selectors', 'job_commands', 'job_files', 'job_certs'])
            db.prepare(`DELETE FROM ${t} WHERE job_id = ?`).run(job_id);
        db.prepare('DELETE FROM job WHERE name = ?').run(name);
        db.prepare("DELETE FROM hash WHERE namespace = 'build_certs' AND key = ?").run(name);
    }
}

;// CONCATENATED MODULE: ./lib/build/demands.js
// Build step 4: versions and command demands across the workspace (§8.6).




function validateDemands(jobs, manifests) {
    const demanded = new Set();
    for (const job of jobs)
        for (const c of manifests.get(job).commands.values())
            if (c.demands.job.trim() !== '')
                demanded.add(c.demands.job.trim());
    const versions = new Map();
    for (const job of jobs) {
        const m = manifests.get(job);
        const raw = m.version.trim();
        const needs = demanded.has(job) || [...m.commands.values()].some((c) => c.demands.job.trim() !== '');
        if (raw === '') {
            if (needs)
                throw new errors/* MaandError */.Ob('invalid job version', `job ${quoted(job)} must declare version (dependency participant); add "version" to its manifest.json`);
            versions.set(job, undefined);
            continue;
        }
        try {
            versions.set(job, parseVersion(raw));
        }
        catch (e) {
            const err = new errors/* MaandError */.Ob('invalid job version', e.message);
            err.message = `job ${quoted(job)}: ${err.message}`;
            throw err;
        }
    }
    for (const job of jobs) {
        const m = manifests.get(job);
        for (const [name, c] of [...m.commands].sort(([a], [b]) => (a < b ? -1 : 1))) {
            checkDemandPair(job, name, c);
            const up = c.demands.job.trim();
            if (up === '')
                continue;
            const upManifest = manifests.get(up);
            if (!upManifest)
                throw new errors/* MaandError */.Ob('invalid job command demand', `job ${job} command ${name} demands unknown job ${quoted(up)}`);
            const upCmd = c.demands.command.trim();
            if (!upManifest.commands.has(upCmd))
                throw new errors/* MaandError */.Ob('invalid job command demand', `job ${job} command ${name} demands job ${quoted(up)} command ${quoted(upCmd)} which is not declared`);
            checkVersionBounds(job, name, up, c.demands.config, versions.get(up));
        }
    }
}
function bound(job, cmd, key, v) {
    if (v === undefined)
        return undefined;
    const fail = (detail) => {
        const e = new errors/* MaandError */.Ob('invalid job version', detail);
        e.message = `job ${job} command ${cmd}: demands.config.${key}: ${e.message}`;
        return e;
    };
    let text;
    if (typeof v === 'string')
        text = v;
    else if (typeof v === 'number') {
        if (!Number.isInteger(v))
            throw fail(`non-integer number ${v}`);
        text = String(v);
    }
    else
        throw fail(`unsupported type ${v === null ? '<nil>' : Array.isArray(v) ? '[]interface {}' : typeof v === 'object' ? 'map[string]interface {}' : typeof v}`);
    try {
        return parseVersion(text);
    }
    catch (e) {
        throw fail(e.message);
    }
}
function checkVersionBounds(job, cmd, up, config, upVersion) {
    const min = bound(job, cmd, 'min_version', config['min_version']);
    const max = bound(job, cmd, 'max_version', config['max_version']);
    if (min && max && compareVersions(min, max) > 0) {
        const e = new errors/* MaandError */.Ob('invalid job command configuration', `min_version ${formatVersion(min)} > max_version ${formatVersion(max)}`);
        e.message = `job ${job} command ${cmd}: ${e.message}`;
        throw e;
    }
    if (!min && !max)
        return;
    if (!upVersion)
        throw new errors/* MaandError */.Ob('invalid job version', `job ${quoted(up)} must declare version (required by ${job} command ${cmd})`);
    const mismatch = (detail) => {
        const e = new errors/* MaandError */.Ob('job command demand version mismatch', detail);
        e.message = `job ${job} command ${cmd} depends on ${up}: ${e.message}`;
        return e;
    };
    if (min && compareVersions(upVersion, min) < 0)
        throw mismatch(`upstream version ${formatVersion(upVersion)} below min_version ${formatVersion(min)}`);
    if (max && compareVersions(upVersion, max) > 0)
        throw mismatch(`upstream version ${formatVersion(upVersion)} above max_version ${formatVersion(max)}`);
}

;// CONCATENATED MODULE: ./lib/bucket/disabled-json.js
// workspace/disabled.json (§4.5): the drain list, recomputed on every build.



function readDisabledJson(file) {
    const text = readOptionalText(file, 'workspace/disabled.json');
    if (text === undefined)
        return { workers: [], jobs: new Map() };
    try {
        const doc = asObject(parseJson(text), 'disabled') ?? {};
        const workers = asStringArray(field(doc, 'workers'), 'disabled.workers') ?? [];
        const jobs = new Map();
        for (const [job, spec] of Object.entries(asObject(field(doc, 'jobs'), 'disabled.jobs') ?? {})) {
            const obj = asObject(spec, `disabled.jobs.${job}`) ?? {};
            jobs.set(job, asStringArray(field(obj, 'allocations'), `disabled.jobs.${job}.allocations`) ?? []);
        }
        return { workers, jobs };
    }
    catch (e) {
        if (!(e instanceof errors/* MaandError */.Ob))
            throw e; // a bug, not a problem of the file: let it show as one
        throw new errors/* MaandError */.Ob('invalid disabled.json', `${e.message} (expected {"jobs": {"<job>": {"allocations": ["<ip>"]}}, "workers": ["<ip>"]})`);
    }
}

;// CONCATENATED MODULE: ./lib/build/allocations.js
// Build steps 5-6: placement by labels, removed/disabled flags, re-enable, min_allocations_count (§8.7-8.8).





function syncAllocations(ctx) {
    const { db } = ctx;
    const disabledBefore = new Set(db.prepare('SELECT worker_ip, job FROM allocations WHERE disabled = 1 AND removed = 0').all().map((r) => `${r.worker_ip}\n${r.job}`));
    const jobs = db.prepare('SELECT name, version, job_id FROM job ORDER BY name').all();
    const selectors = new Map();
    for (const r of db.prepare('SELECT job_id, selector FROM job_selectors').all()) {
        selectors.set(r.job_id, [...(selectors.get(r.job_id) ?? []), r.selector]);
    }
    const labels = workerLabels(db);
    const existingIds = new Map(db.prepare('SELECT worker_ip, job, alloc_id FROM allocations').all().map((r) => [`${r.worker_ip}\n${r.job}`, r.alloc_id]));
    const upsert = db.prepare('INSERT OR REPLACE INTO allocations (alloc_id, worker_ip, job, disabled, removed, deployment_seq, new_version) VALUES (?, ?, ?, 0, 0, 0, ?)');
    const markRemoved = db.prepare('UPDATE allocations SET removed = 1 WHERE worker_ip = ? AND job = ?');
    for (const w of queries_workersByPosition(db)) {
        const have = new Set(labels.get(w.worker_ip) ?? []);
        const matching = new Set();
        for (const j of jobs) {
            const sel = [...new Set(selectors.get(j.job_id) ?? [])];
            if (sel.length > 0 && sel.every((s) => have.has(s))) {
                matching.add(j.name);
                const id = existingIds.get(`${w.worker_ip}\n${j.name}`) ?? stableId(`${j.name}|${w.worker_ip}`);
                upsert.run(id, w.worker_ip, j.name, normalizedVersion(j.version === 'unknown' ? '' : j.version));
            }
        }
        for (const r of db.prepare('SELECT job FROM allocations WHERE worker_ip = ?').all(w.worker_ip)) {
            if (!matching.has(r.job))
                markRemoved.run(w.worker_ip, r.job);
        }
    }
    db.exec('UPDATE allocations SET removed = 1 WHERE worker_ip NOT IN (SELECT worker_ip FROM worker)');
    // Every matching row was just upserted with disabled = 0; removed rows keep their stale flag (§13 Q29).
    const disabled = readDisabledJson(ctx.paths.disabledJson);
    const disableWorker = db.prepare('UPDATE allocations SET disabled = 1 WHERE worker_ip = ?');
    for (const ip of disabled.workers)
        disableWorker.run(ip);
    for (const [job, ips] of disabled.jobs) {
        if (ips.length === 0)
            db.prepare('UPDATE allocations SET disabled = 1 WHERE job = ?').run(job);
        else
            for (const ip of ips)
                db.prepare('UPDATE allocations SET disabled = 1 WHERE job = ? AND worker_ip = ?').run(job, ip);
    }
    const clear = db.prepare("UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?");
    for (const r of db.prepare('SELECT alloc_id, worker_ip, job FROM allocations WHERE disabled = 0 AND removed = 0').all()) {
        if (disabledBefore.has(`${r.worker_ip}\n${r.job}`))
            clear.run(`${r.job}_allocation`, r.alloc_id);
    }
}
function allocations_checkMinAllocations(ctx) {
    const lines = [];
    for (const job of ctx.jobs) {
        const min = ctx.manifests.get(job).min_allocations_count;
        if (min <= 0)
            continue;
        const { n } = ctx.db.prepare('SELECT COUNT(*) AS n FROM allocations WHERE job = ? AND removed = 0').get(job);
        if (n < min)
            lines.push(`job ${job} has ${n} allocation(s), min_allocations_count is ${min}`);
    }
    if (lines.length > 0) {
        const e = new errors/* MaandError */.Ob('missing allocations');
        e.message = `missing allocations\n${lines.join('\n')}`;
        throw e;
    }
}

;// CONCATENATED MODULE: ./lib/build/deployment-seq.js
// Build step 7: deployment_seq = length of the longest demand chain; cycles are errors (§8.9).

function computeDeploymentSeq(db) {
    const rows = db.prepare('SELECT job, demand_job FROM job_commands ORDER BY job, demand_job').all();
    const edges = new Map();
    const hasRoot = new Set();
    for (const r of rows) {
        if (!edges.has(r.job))
            edges.set(r.job, new Set());
        if (r.demand_job === '')
            hasRoot.add(r.job);
        else
            edges.get(r.job).add(r.demand_job);
    }
    detectCycle(edges);
    // Reference semantics: level 0 for a job with a command row without demand; l+1 for every level l
    // of each demanded job; seq = the maximum level produced (undefined when none is).
    const memo = new Map();
    const level = (job) => {
        if (memo.has(job))
            return memo.get(job);
        let best = hasRoot.has(job) ? 0 : undefined;
        for (const up of edges.get(job) ?? []) {
            const l = level(up);
            if (l !== undefined)
                best = Math.max(best ?? 0, l + 1);
        }
        memo.set(job, best);
        return best;
    };
    const seq = new Map();
    const update = db.prepare('UPDATE allocations SET deployment_seq = ? WHERE job = ?');
    for (const job of [...edges.keys()].sort()) {
        const l = level(job);
        if (l === undefined)
            continue;
        seq.set(job, l);
        update.run(l, job);
    }
    return seq;
}
function detectCycle(edges) {
    const state = new Map();
    const stack = [];
    const visit = (job) => {
        state.set(job, 'visiting');
        stack.push(job);
        for (const up of [...(edges.get(job) ?? [])].sort()) {
            if (state.get(up) === 'visiting') {
                const cycle = [...stack.slice(stack.indexOf(up)), up];
                throw new errors/* MaandError */.Ob('circular job command dependency', `${cycle.join(' -> ')} (remove one of these demands)`);
            }
            if (!state.has(up))
                visit(up);
        }
        stack.pop();
        state.set(job, 'done');
    };
    for (const job of [...edges.keys()].sort())
        if (!state.has(job))
            visit(job);
}

;// CONCATENATED MODULE: ./lib/bucket/vars-toml.js
// workspace/jobs/<job>/vars.toml: flat string map merged into KV vars/job/<job> (§4.6).




function readJobVars(paths, job) {
    const file = (0,external_node_path_.join)(paths.jobsDir, job, 'vars.toml');
    const rel = (0,external_node_path_.relative)(paths.root, file);
    let table;
    try {
        table = readToml(file, rel);
    }
    catch (e) {
        if (e instanceof FileReadError)
            throw e;
        throw new errors/* MaandError */.Ob('invalid vars.toml', `${rel}: ${firstLine(e)}`);
    }
    if (table === undefined)
        return {};
    try {
        return stringMap(table, '');
    }
    catch (e) {
        throw new errors/* MaandError */.Ob('invalid vars.toml', `${rel}: ${e.message} (values must be quoted strings)`);
    }
}

;// CONCATENATED MODULE: ./lib/build/kv-vars.js
// Build step 8: KV written from the catalog — workers, jobs, shared worker, bucket (§9.2-9.7, §9.9).






function writeKvVariables(ctx) {
    const workers = queries_workersByPosition(ctx.db);
    const labels = workerLabels(ctx.db);
    const allocs = allocations(ctx.db);
    writeWorkerNamespaces(ctx, workers, labels, allocs);
    for (const ip of ctx.removedWorkers) {
        purge(ctx.kv, workerNamespace(ip));
        for (const a of allocs)
            if (a.worker_ip === ip)
                purge(ctx.kv, allocationNamespace(a.job, ip));
    }
    writeJobNamespaces(ctx, allocs);
    writeSharedWorkerNamespace(ctx, workers, labels);
    fullSync(ctx.kv, 'vars/bucket', ctx.bucketConf);
    writeBucketNamespace(ctx, allocs);
}
/** Workers carrying each label, in position order. */
function labelMembers(workers, labels) {
    const out = new Map();
    for (const w of workers)
        for (const l of labels.get(w.worker_ip) ?? [])
            out.set(l, [...(out.get(l) ?? []), w.worker_ip]);
    return out;
}
function writeWorkerNamespaces(ctx, workers, labels, allocs) {
    const members = labelMembers(workers, labels);
    const hostnames = new Map(ctx.workers.map((w) => [w.host, w.hostname]));
    const tags = new Map(ctx.workers.map((w) => [w.host, w.tags]));
    for (const w of workers) {
        const own = [...(labels.get(w.worker_ip) ?? [])].sort();
        const kv = {
            worker_ip: w.worker_ip,
            worker_id: w.worker_id,
            labels: own.join(','),
            worker_cpu_mhz: w.available_cpu_mhz,
            worker_memory_mb: w.available_memory_mb,
            jobs: allocs.filter((a) => a.worker_ip === w.worker_ip && a.removed === 0 && a.disabled === 0).map((a) => a.job).sort().join(','),
            position: String(w.position),
        };
        for (const l of own) {
            const list = members.get(l) ?? [];
            const peers = list.filter((ip) => ip !== w.worker_ip);
            if (peers.length > 0)
                kv[`${l}_peers`] = peers.join(',');
            kv[`${l}_allocation_index`] = String(list.indexOf(w.worker_ip));
        }
        const hostname = hostnames.get(w.worker_ip) ?? '';
        if (hostname !== '')
            kv['hostname'] = hostname;
        fullSync(ctx.kv, workerNamespace(w.worker_ip), kv);
        fullSync(ctx.kv, workerTagsNamespace(w.worker_ip), Object.fromEntries(tags.get(w.worker_ip) ?? new Map()));
    }
}
function writeJobNamespaces(ctx, allocs) {
    const jobRows = ctx.db.prepare('SELECT * FROM job ORDER BY name').all();
    const selectors = ctx.db.prepare('SELECT selector FROM job_selectors WHERE job_id = ? ORDER BY rowid');
    for (const row of jobRows) {
        const job = String(row['name']);
        const rows = allocs.filter((a) => a.job === job);
        if (rows.length > 0 && rows.every((a) => a.removed === 1)) {
            purgeJob(ctx, job, rows);
            continue;
        }
        const active = rows.filter((a) => a.removed === 0 && a.disabled === 0).map((a) => a.worker_ip);
        const memory = String(row['current_memory_mb']);
        const cpu = String(row['current_cpu_mhz']);
        const bothZero = (a, b) => a === '0' && b === '0';
        const kv = {
            job_id: stableId(job),
            name: job,
            job_name: job,
            version: normalized(String(row['version'])),
            selectors: selectors.all(row['job_id']).map((s) => s.selector).join(','),
            min_memory_mb: bothZero(row['min_memory_mb'], row['max_memory_mb']) ? memory : String(row['min_memory_mb']),
            max_memory_mb: bothZero(row['min_memory_mb'], row['max_memory_mb']) ? memory : String(row['max_memory_mb']),
            min_cpu_mhz: bothZero(row['min_cpu_mhz'], row['max_cpu_mhz']) ? cpu : String(row['min_cpu_mhz']),
            max_cpu_mhz: bothZero(row['min_cpu_mhz'], row['max_cpu_mhz']) ? cpu : String(row['max_cpu_mhz']),
            memory,
            cpu,
            workers: active.join(','),
            workers_length: String(active.length),
            rollout_order: active.join(','),
        };
        active.forEach((ip, i) => (kv[`worker_${i}`] = ip));
        fullSync(ctx.kv, jobNamespace(job), kv);
        fullSync(ctx.kv, bucketJobVarsNamespace(job), ctx.jobsConf.sections.get(job) ?? {});
        mergeInto(ctx.kv, jobVarsNamespace(job), readJobVars(ctx.paths, job));
    }
    for (const job of ctx.removedJobs)
        purgeJob(ctx, job, allocs.filter((a) => a.job === job));
}
function normalized(v) {
    const t = v.trim();
    return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}
function purgeJob(ctx, job, rows) {
    purge(ctx.kv, jobNamespace(job));
    purge(ctx.kv, bucketJobVarsNamespace(job));
    for (const a of rows)
        purge(ctx.kv, allocationNamespace(job, a.worker_ip));
    if (ctx.purgeJobKv) {
        purge(ctx.kv, jobVarsNamespace(job));
        purge(ctx.kv, jobSecretsNamespace(job));
    }
}
function writeSharedWorkerNamespace(ctx, workers, labels) {
    const kv = {};
    const members = labelMembers(workers, labels);
    for (const l of [...members.keys()].sort()) {
        const list = members.get(l);
        kv[`${l}_label_id`] = stableId(l);
        kv[`${l}_workers`] = list.join(',');
        kv[`${l}_workers_length`] = String(list.length);
        list.forEach((ip, i) => (kv[`${l}_${i}`] = ip));
    }
    try {
        kv['certs/ca.crt'] = (0,external_node_fs_.readFileSync)(ctx.paths.caCrt, 'utf8');
    }
    catch {
        throw new errors/* MaandError */.Ob('unexpected error', 'unable to read ca.crt (secrets/ca.crt is missing; restore it or run maand init)');
    }
    fullSync(ctx.kv, 'maand/worker', kv);
}
function writeBucketNamespace(ctx, allocs) {
    const jobs = ctx.db.prepare('SELECT name, job_id FROM job ORDER BY name').all();
    const activeJobs = jobs.filter((j) => allocs.some((a) => a.job === j.name && a.removed === 0 && a.disabled === 0));
    const kv = {};
    const portsOf = ctx.db.prepare('SELECT name, port FROM job_ports WHERE job_id = ? ORDER BY name');
    for (const j of activeJobs)
        for (const p of portsOf.all(j.job_id))
            kv[p.name] = String(p.port);
    kv['bucket_id'] = ctx.bucketId;
    kv['jobs'] = jobs.map((j) => j.name).join(',');
    kv['activejobs'] = activeJobs.map((j) => j.name).join(',');
    fullSync(ctx.kv, 'maand/bucket', kv);
}

;// CONCATENATED MODULE: ./lib/certs/ip.js
// IP text → SAN bytes, following Go's net.ParseIP (no zones, no leading zeros in IPv4) and its SAN
// encoding (an IPv4 or IPv4-mapped address is written as 4 bytes, anything else as 16).
/** The SAN bytes of `text`, or undefined when it is not an IP address. */
function ipSanBytes(text) {
    const v4 = parseIpv4(text);
    if (v4)
        return v4;
    const v6 = parseIpv6(text);
    if (!v6)
        return undefined;
    const mapped = v6.subarray(0, 12).equals(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]));
    return mapped ? v6.subarray(12) : v6;
}
function parseIpv4(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return undefined;
    const bytes = [];
    for (const part of parts) {
        if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255)
            return undefined;
        bytes.push(Number(part));
    }
    return Buffer.from(bytes);
}
function parseIpv6(text) {
    const halves = text.split('::');
    if (halves.length > 2)
        return undefined;
    const groups = (half, last) => {
        if (half === undefined || half === '')
            return [];
        const out = [];
        const pieces = half.split(':');
        for (const [i, piece] of pieces.entries()) {
            // an embedded IPv4 address may only end the whole address
            const tail = last && i === pieces.length - 1 ? parseIpv4(piece) : undefined;
            if (tail) {
                out.push(tail.readUInt16BE(0), tail.readUInt16BE(2));
            }
            else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
                out.push(parseInt(piece, 16));
            }
            else {
                return undefined;
            }
        }
        return out;
    };
    const head = groups(halves[0], halves.length === 1);
    const tail = groups(halves[1], true);
    if (!head || !tail)
        return undefined;
    const missing = 8 - head.length - tail.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1)
        return undefined;
    const all = [...head, ...new Array(halves.length === 1 ? 0 : missing).fill(0), ...tail];
    const out = Buffer.alloc(16);
    all.forEach((group, i) => out.writeUInt16BE(group, i * 2));
    return out;
}

;// CONCATENATED MODULE: ./lib/certs/der-read.js
// A minimal DER reader, enough to take a CA certificate apart: its raw subject Name (the leaf's
// issuer must be byte-identical), its subject key identifier, and its common name.
/** Reads the element starting at `offset`; throws on truncated or non-DER lengths. */
function readTlv(buf, offset = 0) {
    if (offset + 2 > buf.length)
        throw new Error('truncated element');
    const tag = buf[offset];
    if ((tag & 0x1f) === 0x1f)
        throw new Error('multi-byte tags are not supported');
    let len = buf[offset + 1];
    let headerLen = 2;
    if (len & 0x80) {
        const count = len & 0x7f;
        if (count === 0 || count > 4 || offset + 2 + count > buf.length)
            throw new Error('bad length');
        len = 0;
        for (let i = 0; i < count; i++)
            len = len * 256 + buf[offset + 2 + i];
        headerLen += count;
    }
    const end = offset + headerLen + len;
    if (end > buf.length)
        throw new Error('truncated element');
    return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + headerLen, end) };
}
/** The elements inside a constructed element, in order. */
function children(parent) {
    const out = [];
    for (let offset = 0; offset < parent.content.length;) {
        const child = readTlv(parent.content, offset);
        out.push(child);
        offset += child.raw.length;
    }
    return out;
}
/** Dotted text of an OBJECT IDENTIFIER's content bytes. */
function oidText(content) {
    const arcs = [];
    let value = 0;
    for (const byte of content) {
        value = value * 128 + (byte & 0x7f);
        if ((byte & 0x80) === 0) {
            arcs.push(value);
            value = 0;
        }
    }
    const first = arcs.shift() ?? 0;
    const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
    return [...head, ...arcs].join('.');
}

;// CONCATENATED MODULE: ./lib/certs/parse.js
// Reads the parts of an existing certificate that maand needs: validity and public key through
// Node's X509Certificate (which also rejects malformed DER), raw subject / SKI / CN through der-read.


/** Parses DER; throws `x509: malformed certificate` (Go's wording) for anything that is not X.509. */
function parseCertificate(der) {
    try {
        return parseUnchecked(der);
    }
    catch {
        throw new Error('x509: malformed certificate');
    }
}
function parseUnchecked(der) {
    const x509 = new external_node_crypto_.X509Certificate(der);
    const tbs = children(children(readTlv(der))[0]);
    // tbsCertificate: [0] version?, serial, signature, issuer, validity, subject, spki, [1]?, [2]?, [3] ext?
    const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
    const subject = fields[4];
    const extensions = fields.slice(6).find((f) => f.tag === 0xa3);
    return {
        subject: Buffer.from(subject.raw),
        commonName: commonNameOf(subject),
        subjectKeyId: extensions ? parse_subjectKeyIdOf(extensions) : undefined,
        notAfter: x509.validToDate,
        publicKey: x509.publicKey,
    };
}
function commonNameOf(name) {
    let cn = '';
    for (const rdn of children(name)) {
        for (const attr of children(rdn)) {
            const [type, value] = children(attr);
            if (type && value && oidText(type.content) === '2.5.4.3') {
                // BMPString is UTF-16BE; every other directory string type is (a subset of) UTF-8.
                const bmp = value.tag === 0x1e;
                cn = bmp ? Buffer.from(value.content).swap16().toString('utf16le') : value.content.toString('utf8');
            }
        }
    }
    return cn;
}
function parse_subjectKeyIdOf(extensionsField) {
    const list = children(extensionsField)[0];
    for (const ext of list ? children(list) : []) {
        const parts = children(ext);
        if (parts[0] && oidText(parts[0].content) === '2.5.29.14') {
            const value = parts[parts.length - 1];
            return Buffer.from(readTlv(value.content).content);
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/certs/signer.js
// Loads the bucket CA (secrets/ca.crt + secrets/ca.key) for signing leaf certificates. The key must
// be PKCS#1, as in the reference tool; error texts follow its `decoding ca.crt|ca.key: ...` wording.





function loadCaSigner(caCertPem, caKeyPem) {
    const certBlock = decodePem(caCertPem);
    if (!certBlock)
        throw new errors/* MaandError */.Ob('unexpected error', 'decoding ca.crt: no PEM block found');
    let cert;
    try {
        cert = parseCertificate(certBlock.bytes);
    }
    catch (e) {
        throw new errors/* MaandError */.Ob('unexpected error', `decoding ca.crt: ${e.message}`);
    }
    const key = loadPkcs1Key(caKeyPem);
    const spki = (k) => k.export({ type: 'spki', format: 'der' });
    if (!spki((0,external_node_crypto_.createPublicKey)(key)).equals(spki(cert.publicKey))) {
        throw new errors/* MaandError */.Ob('unexpected error', 'ca.key does not belong to ca.crt (their public keys differ)');
    }
    return { subject: cert.subject, subjectKeyId: cert.subjectKeyId, key };
}
function loadPkcs1Key(pem) {
    const block = decodePem(pem);
    if (!block)
        throw new errors/* MaandError */.Ob('unexpected error', 'decoding ca.key: no PEM block found');
    try {
        // OpenSSL's decoder would also accept PKCS#8 here; Go's ParsePKCS1PrivateKey does not.
        if (!isPkcs1Shape(block.bytes))
            throw new Error('not PKCS#1');
        return (0,external_node_crypto_.createPrivateKey)({ key: block.bytes, format: 'der', type: 'pkcs1' });
    }
    catch {
        const convert = ' (convert it with: openssl rsa -in ca.key -traditional -out ca.key)';
        const hint = block.type === 'PRIVATE KEY' ? convert : '';
        const detail = block.type === 'RSA PRIVATE KEY'
            ? 'x509: malformed PKCS#1 RSA private key'
            : `found a "${block.type}" PEM block, but the CA key must be a PKCS#1 "RSA PRIVATE KEY"${hint}`;
        throw new errors/* MaandError */.Ob('unexpected error', `decoding ca.key: ${detail}`);
    }
}
// RSAPrivateKey (RFC 8017 A.1.2) is a SEQUENCE of nine or more INTEGERs; PKCS#8 starts differently.
function isPkcs1Shape(der) {
    const fields = children(readTlv(der));
    return fields.length >= 9 && fields.every((f) => f.tag === 0x02);
}

;// CONCATENATED MODULE: ./lib/certs/leaf.js
// Leaf certificates for job allocations (`certs` in manifest.json), signed by the bucket CA.
// IP SANs only, no extended key usage, so one certificate serves as both server and client cert.







const LEAF_KEY_BITS = 4096;
const leaf_DAY_MS = 24 * 60 * 60 * 1000;
async function generateLeaf(opts) {
    // Validate everything cheap before spending a second on an RSA key.
    const signer = loadCaSigner(opts.caCertPem, opts.caKeyPem);
    const sans = ['127.0.0.1', ...opts.ipSans].map((host) => {
        const bytes = ipSanBytes(host);
        if (!bytes) {
            const detail = `certificate SAN ${quoted(host)} is not an IP address (only IP SANs are supported)`;
            throw new errors/* MaandError */.Ob('unexpected error', detail);
        }
        return bytes;
    });
    const now = opts.now ?? new Date();
    const { privateKey, publicKey } = await generateRsaKey(opts.keyBits ?? LEAF_KEY_BITS);
    const der = signCertificate({
        serial: randomSerial(),
        issuer: signer.subject,
        subject: commonNameSubject(opts.commonName),
        notBefore: now,
        notAfter: new Date(now.getTime() + opts.ttlDays * leaf_DAY_MS),
        publicKey,
        isCa: false,
        keyUsage: [KeyUsage.digitalSignature, KeyUsage.keyEncipherment],
        authorityKeyId: signer.subjectKeyId,
        ipSans: sans,
    }, signer.key);
    return { certPem: encodePem('CERTIFICATE', der), keyPem: privateKeyPem(privateKey, opts.pkcs8) };
}

;// CONCATENATED MODULE: ./lib/certs/inspect.js
// Renewal and expiry rules for stored leaf certificates (spec §6.5): build uses them to decide
// regeneration, deploy's metrics push to report status.


const HOUR_MS = 60 * 60 * 1000;
const inspect_DAY_MS = 24 * HOUR_MS;
/** True when `now` is at/after notAfter, or inside the renewal buffer (only when bufferDays > 0). */
function certNeedsRenewal(notAfter, bufferDays, now) {
    if (now.getTime() >= notAfter.getTime())
        return true;
    if (bufferDays <= 0)
        return false;
    return now.getTime() >= notAfter.getTime() - bufferDays * inspect_DAY_MS;
}
/** Whether a stored certificate PEM must be regenerated; no PEM block at all just means "needs". */
function inspectStoredCert(pem, bufferDays, now) {
    const block = decodePem(pem);
    if (!block)
        return { needs: true };
    try {
        return { needs: certNeedsRenewal(parseCertificate(block.bytes).notAfter, bufferDays, now) };
    }
    catch (e) {
        return { needs: true, error: e.message };
    }
}
/** Display/metrics status: expired after notAfter, expiring inside the renewal window, else ok. */
function certStatus(pem, bufferDays, now) {
    const block = decodePem(pem);
    let cert;
    try {
        if (!block)
            return { status: 'invalid' };
        cert = parseCertificate(block.bytes);
    }
    catch {
        return { status: 'invalid' };
    }
    const { notAfter, commonName } = cert;
    const status = now.getTime() > notAfter.getTime() ? 'expired' : certNeedsRenewal(notAfter, bufferDays, now) ? 'expiring' : 'ok';
    // Go: int(notAfter.Sub(now).Hours() / 24)
    const daysLeft = Math.trunc((notAfter.getTime() - now.getTime()) / HOUR_MS / 24) || 0;
    return { status, daysLeft, notAfter, commonName };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./lib/certs/files.js
// Writes certificate and secret files with exact modes (README Q26: secret files 0600, secret dirs
// 0700). Modes are set explicitly, so the process umask does not matter; a key file is restricted
// before its new bytes are written, so they are never readable by others even for a moment.


/** Writes `<dir>/<name>.crt` (0644) and `<dir>/<name>.key` (0600); a new `dir` gets 0755. */
async function writeCertFiles(dir, name, certPem, keyPem) {
    await ensureDir(dir, 0o755);
    await writeWithMode((0,external_node_path_.join)(dir, `${name}.crt`), certPem, 0o644);
    await writeWithMode((0,external_node_path_.join)(dir, `${name}.key`), keyPem, 0o600);
}
/** Writes a secret file (0600); its directory is created 0700 when missing. */
async function writeSecretFile(path, bytes) {
    await ensureDir(dirname(path), 0o700);
    await writeWithMode(path, bytes, 0o600);
}
// Existing directories keep their mode: the caller may own them (e.g. the bucket's secrets/).
async function ensureDir(dir, mode) {
    const target = (0,external_node_path_.resolve)(dir);
    const created = await (0,promises_.mkdir)(target, { recursive: true, mode });
    if (created === undefined)
        return;
    // mkdir's mode is filtered by the umask; fix every directory this call created (created..target).
    const first = (0,external_node_path_.resolve)(created);
    for (let d = target; d.length >= first.length; d = (0,external_node_path_.dirname)(d)) {
        await (0,promises_.chmod)(d, mode);
        if (d === first || (0,external_node_path_.dirname)(d) === d)
            break;
    }
}
async function writeWithMode(path, bytes, mode) {
    const file = await (0,promises_.open)(path, 'w', mode);
    try {
        await file.chmod(mode);
        await file.writeFile(bytes);
    }
    finally {
        await file.close();
    }
}

;// CONCATENATED MODULE: ./lib/util/pool.js
// Runs async tasks with at most `limit` in flight; rejects with the first error after all settle.
async function pool_runLimited(tasks, limit) {
    const results = new Array(tasks.length);
    let next = 0;
    let firstError;
    const worker = async () => {
        while (next < tasks.length) {
            const i = next++;
            try {
                results[i] = await tasks[i]();
            }
            catch (e) {
                firstError ??= e;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    if (firstError !== undefined)
        throw firstError;
    return results;
}

;// CONCATENATED MODULE: ./lib/build/certs-step.js
// Build step 9: leaf certificates per job and allocation, kept in KV (§10.1, kv spec §6.4).
// Keys are generated concurrently (RSA-4096 costs ~1 s each and runs in the libuv pool).











function readHash(ctx, ns, key) {
    const r = ctx.db.prepare('SELECT current_hash, previous_hash FROM hash WHERE namespace = ? AND key = ?').get(ns, key);
    return r && { current: r.current_hash, previous: r.previous_hash };
}
function promote(ctx, ns, key) {
    ctx.db.prepare('UPDATE hash SET previous_hash = current_hash WHERE namespace = ? AND key = ?').run(ns, key);
}
async function syncCertificates(ctx) {
    const { db } = ctx;
    let caPem, caKey;
    try {
        caPem = (0,external_node_fs_.readFileSync)(ctx.paths.caCrt, 'utf8');
    }
    catch (e) {
        throw new errors/* MaandError */.Ob('unexpected error', `file secrets/ca.crt: ${e.message}`);
    }
    db.prepare("INSERT INTO hash (namespace, key, current_hash) VALUES ('build', 'ca', ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash").run(md5Hex(Buffer.from(caPem)));
    const ca = readHash(ctx, 'build', 'ca');
    const caChanged = ca.current !== ca.previous;
    const now = new Date(ctx.now * 1000);
    const jobs = db.prepare('SELECT DISTINCT job FROM allocations ORDER BY job').all().map((r) => r.job);
    const work = [];
    const pending = [];
    for (const job of jobs) {
        const rows = db.prepare('SELECT worker_ip, removed FROM allocations WHERE job = ? ORDER BY worker_ip').all(job);
        const specs = db.prepare('SELECT c.name AS name, c.pkcs8 AS pkcs8, c.one AS one, c.subject AS subject FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(job);
        const W = rows.filter((r) => r.removed === 0).map((r) => r.worker_ip).sort();
        const h = readHash(ctx, 'build_certs', job);
        const jobRegenerate = caChanged || !h || h.current !== h.previous;
        if (specs.length === 0 || W.length === 0) {
            for (const r of rows)
                certSync(ctx.kv, allocationNamespace(job, r.worker_ip), {});
            promote(ctx, 'build_certs', job);
            continue;
        }
        const named = W.find((ip) => !ipSanBytes(ip));
        if (named !== undefined)
            throw new errors/* MaandError */.Ob('invalid worker.json', `worker ${quoted(named)} is not an IP address, but job ${job} has certificates for it (certificates carry IP SANs only; list the worker by its IP in workspace/workers.json)`);
        caKey ??= (0,external_node_fs_.readFileSync)(ctx.paths.caKey, 'utf8');
        const desired = new Map(W.map((ip) => [ip, new Map()]));
        for (const spec of specs) {
            const needs = (ip) => {
                const ns = allocationNamespace(job, ip);
                const key = readPlain(ctx.kv, ns, `certs/${spec.name}.key`) ?? '';
                const crt = ctx.kv.tryGet(ns, `certs/${spec.name}.crt`) ?? '';
                if (key === '' || crt === '')
                    return true;
                const check = inspectStoredCert(crt, ctx.conf.certs_renewal_buffer, now);
                if (check.error)
                    throw new errors/* MaandError */.Ob('unexpected error', `${check.error} (job ${job}, worker ${ip}, cert ${spec.name}; delete the stored cert or rebuild with a valid CA)`);
                return check.needs;
            };
            const regen = jobRegenerate || W.some(needs);
            const cn = JSON.parse(spec.subject || '{}').common_name ?? '';
            const put = (ip, pair) => {
                desired.get(ip).set(`certs/${spec.name}.crt`, pair.certPem);
                desired.get(ip).set(`certs/${spec.name}.key`, pair.keyPem);
            };
            const stored = (ip) => {
                const ns = allocationNamespace(job, ip);
                return { certPem: ctx.kv.tryGet(ns, `certs/${spec.name}.crt`), keyPem: readPlain(ctx.kv, ns, `certs/${spec.name}.key`) };
            };
            const generate = async (ips) => {
                const pair = await generateLeaf({ caCertPem: caPem, caKeyPem: caKey, commonName: cn, ipSans: ips, ttlDays: ctx.conf.certs_ttl, pkcs8: spec.pkcs8 === 1, now, keyBits: ctx.leafKeyBits });
                for (const ip of ips)
                    await writeCertFiles((0,external_node_path_.join)(ctx.paths.tmpDir, 'workers', ip, 'jobs', job, 'certs'), spec.name, pair.certPem, pair.keyPem);
                ctx.emit({ type: 'cert-generated', job, cert: spec.name, workers: ips });
                return pair;
            };
            if (spec.one === 1) {
                if (regen)
                    work.push(() => generate(W).then((pair) => W.forEach((ip) => put(ip, pair))));
                else
                    W.forEach((ip) => put(ip, stored(W[0])));
            }
            else {
                for (const ip of W) {
                    if (regen)
                        work.push(() => generate([ip]).then((pair) => put(ip, pair)));
                    else
                        put(ip, stored(ip));
                }
            }
        }
        for (const [ip, d] of desired)
            pending.push({ ns: allocationNamespace(job, ip), desired: d });
        promote(ctx, 'build_certs', job);
    }
    await pool_runLimited(work, 4);
    for (const p of pending)
        certSync(ctx.kv, p.ns, p.desired);
    promote(ctx, 'build', 'ca');
}

;// CONCATENATED MODULE: ./lib/build/alloc-vars.js
// Build step 10: allocation namespaces maand/job/<job>/worker/<ip> (§9.8).


function writeAllocationVariables(ctx) {
    const byJob = new Map();
    for (const a of allocations(ctx.db))
        byJob.set(a.job, [...(byJob.get(a.job) ?? []), a]);
    const catalogJobs = new Set(ctx.jobs);
    for (const [job, rows] of [...byJob].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!catalogJobs.has(job)) {
            for (const r of rows)
                purge(ctx.kv, allocationNamespace(job, r.worker_ip));
            continue;
        }
        // allocations() orders by worker position, then IP; removed workers (no position) come last.
        const live = rows.filter((r) => r.removed === 0).map((r) => r.worker_ip);
        live.forEach((ip, i) => {
            allocSync(ctx.kv, allocationNamespace(job, ip), {
                [`${job}_allocation_index`]: String(i),
                peer_workers: live.filter((p) => p !== ip).join(','),
            });
        });
        for (const r of rows)
            if (r.removed === 1)
                purge(ctx.kv, allocationNamespace(job, r.worker_ip));
    }
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./lib/template/func.js
// Functions callable from templates. Go learns a function's parameter types by reflection;
// here each function declares them, so the executor can convert literals and check values
// exactly as Go does (`wrong type for value; expected int; got string`).
const GO_TYPE_OF_KIND = {
    string: 'string',
    int: 'int',
    float: 'float64',
    bool: 'bool',
    strings: '[]string',
    any: 'interface {}',
    value: 'reflect.Value',
};
/** The Go type name of a parameter kind, for error messages. */
function kindTypeName(kind) {
    return GO_TYPE_OF_KIND[kind];
}
/** A function a template can call. It returns its result or throws to fail the render. */
class GoFunc {
    /** Kinds of the fixed parameters. */
    params;
    /** Kind of the `...` tail, when the function is variadic. */
    variadic;
    /** Calls the function with already converted arguments. */
    call;
    constructor(params, call, variadic) {
        for (const k of [...params, ...(variadic === undefined ? [] : [variadic])]) {
            if (!(k in GO_TYPE_OF_KIND))
                throw new Error(`unknown parameter kind ${JSON.stringify(k)}`);
        }
        this.params = params;
        this.variadic = variadic;
        this.call = call;
    }
}
/**
 * Declares a template function: `goFunc(['int', 'int'], (a: number, b: number) => a + b)`.
 * The argument types of `fn` are the caller's promise that they match `params`.
 */
function goFunc(params, fn, variadic) {
    const f = fn;
    // Fixed small arities call directly (no spread): template functions are called a lot.
    if (variadic === undefined && params.length === 0)
        return new GoFunc(params, () => f());
    if (variadic === undefined && params.length === 1)
        return new GoFunc(params, (a) => f(a[0]));
    if (variadic === undefined && params.length === 2)
        return new GoFunc(params, (a) => f(a[0], a[1]));
    return new GoFunc(params, (args) => f(...args), variadic);
}
/** Go's rule for function names: a letter or `_`, then letters, digits or `_`. */
function isGoodFuncName(name) {
    return /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name);
}

;// CONCATENATED MODULE: ./lib/template/value.js
// The value model: which JS values stand for which Go values, and the few Go rules
// (kind, type name, truth, ordering) the executor and fmt need.
//
//   Go                  JS
//   string              string (a raw, invalid-UTF-8 byte is a surrogate escape: gostring.ts)
//   bool                boolean
//   int (int64)         integral number, or bigint outside ±2^53
//   float64             GoFloat (always, for literals and results), or a non-integral number
//   nil / no value      null / undefined (undefined = Go's "invalid" reflect.Value)
//   slice               array
//   map                 Map (keys iterate sorted, as text/template and fmt do)
//   struct              plain object or class instance; fields are its own properties;
//                       the type name comes from goStruct(...) / GO_TYPE, else the class name
//   func                GoFunc (see func.ts)
//
// JS numbers cannot tell 1 from 1.0, so an integral number is always an int; a float64 with
// an integral value is a GoFloat. That keeps `printf "%v" 1.0` = `1` and `eq 1 1.0` an error.


/** A Go float64. Wraps the number so 1.0 stays a float (a bare integral number is an int). */
class GoFloat {
    value;
    constructor(value) {
        this.value = value;
    }
    toString() {
        return String(this.value);
    }
}
/** Property naming a struct's Go type, used in messages like `can't evaluate field X in type T`. */
const GO_TYPE = Symbol.for('maand.template.goType');
/** Marks `fields` as a Go struct named `typeName` (e.g. `deploy.TemplateData`). */
function goStruct(typeName, fields) {
    Object.defineProperty(fields, GO_TYPE, { value: typeName, enumerable: false });
    return fields;
}
function kindOf(v) {
    switch (typeof v) {
        case 'string':
            return 'string';
        case 'number':
            return Number.isInteger(v) ? 'int' : 'float';
        case 'bigint':
            return 'int';
        case 'boolean':
            return 'bool';
        case 'undefined':
            return 'invalid';
        case 'object':
            if (v === null)
                return 'invalid';
            if (Array.isArray(v))
                return 'slice';
            if (v instanceof Map)
                return 'map';
            if (v instanceof GoFloat)
                return 'float';
            if (v instanceof GoFunc)
                return 'func';
            return 'struct';
        default:
            return 'invalid';
    }
}
function isInt(v) {
    return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}
function isFloat(v) {
    return v instanceof GoFloat || (typeof v === 'number' && !Number.isInteger(v));
}
/** The float64 inside a float value. */
function floatOf(v) {
    return v instanceof GoFloat ? v.value : v;
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Wraps to int64 (Go's overflow) and returns a number when it is exact. */
function intFromBig(b) {
    const w = BigInt.asIntN(64, b);
    return w <= MAX_SAFE && w >= -MAX_SAFE ? Number(w) : w;
}
function bigOf(v) {
    return typeof v === 'bigint' ? v : BigInt(v);
}
/** Go's truth: false, 0, nil and empty string/slice/map are false; structs are true. */
function isTrue(v) {
    switch (typeof v) {
        case 'string':
            return v.length > 0;
        case 'boolean':
            return v;
        case 'number':
            return v !== 0 && !Number.isNaN(v);
        case 'bigint':
            return v !== 0n;
        case 'object':
            if (v === null)
                return false;
            if (Array.isArray(v))
                return v.length > 0;
            if (v instanceof Map)
                return v.size > 0;
            if (v instanceof GoFloat)
                return v.value !== 0 && !Number.isNaN(v.value);
            return true;
        default:
            return false;
    }
}
/** Go's type string of a value, as reflect prints it. */
function typeName(v) {
    switch (kindOf(v)) {
        case 'invalid':
            return '<nil>';
        case 'string':
            return 'string';
        case 'int':
            return 'int';
        case 'float':
            return 'float64';
        case 'bool':
            return 'bool';
        case 'slice':
            return sliceTypeName(v);
        case 'map':
            return `map[${mapKeyTypeName(v)}]interface {}`;
        case 'func':
            return 'func';
        case 'struct':
            return structTypeName(v);
    }
}
function sliceTypeName(a) {
    return a.length > 0 && a.every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
}
/** Key type of a map, judged from its first key (an empty map counts as string-keyed). */
function mapKeyTypeName(m) {
    for (const k of m.keys())
        return typeName(k);
    return 'string';
}
function structTypeName(o) {
    const tagged = o[GO_TYPE];
    if (typeof tagged === 'string')
        return tagged;
    const ctor = o.constructor;
    return ctor !== undefined && ctor !== Object && ctor.name ? ctor.name : 'struct';
}
const KIND_ORDER = {
    invalid: 0, bool: 1, int: 2, float: 3, string: 4, slice: 5, map: 6, struct: 7, func: 8,
};
/** Orders map keys as Go's fmtsort does: numbers numerically, strings bytewise, false < true. */
function compareKeys(a, b) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb) {
        if ((ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float')) {
            return cmp(numberOf(a), numberOf(b));
        }
        return KIND_ORDER[ka] - KIND_ORDER[kb];
    }
    switch (ka) {
        case 'int':
            return cmp(bigOf(a), bigOf(b));
        case 'float': {
            const x = floatOf(a);
            const y = floatOf(b);
            if (Number.isNaN(x))
                return Number.isNaN(y) ? 0 : -1;
            if (Number.isNaN(y))
                return 1;
            return cmp(x, y);
        }
        case 'string':
            return compareGoStrings(a, b);
        case 'bool':
            return cmp(a === true ? 1 : 0, b === true ? 1 : 0);
        default:
            return 0;
    }
}
function numberOf(v) {
    return typeof v === 'bigint' ? Number(v) : floatOf(v);
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Map entries sorted by key (text/template ranges and fmt print maps in this order). */
function sortedEntries(m) {
    return [...m.entries()].sort((x, y) => compareKeys(x[0], y[0]));
}

;// CONCATENATED MODULE: ./lib/template/args.js
// Argument rules shared by the executor and the `call` builtin: which kinds accept nil,
// what nil becomes, which values fit a parameter kind (Go's AssignableTo for our kinds).


/** Whether nil may be passed for the kind; `null` stands for "no type" (Go's nil reflect.Type). */
function canBeNil(kind) {
    return kind === null || kind === 'any' || kind === 'value' || kind === 'strings';
}
/** The zero value a nil literal becomes for a parameter kind that can be nil. */
function nilOf(kind) {
    return kind === 'value' || kind === null ? undefined : kind === 'strings' ? [] : null;
}
/** What a nil or missing value becomes: a reflect.Value keeps a nil interface (null) as is. */
function nilFor(kind, value) {
    return kind === 'value' ? value : nilOf(kind);
}
/** Whether a (non-nil) value fits a parameter kind. */
function assignable(value, kind) {
    switch (kind) {
        case 'string':
            return typeof value === 'string';
        case 'int':
            return isInt(value);
        case 'float':
            return isFloat(value);
        case 'bool':
            return typeof value === 'boolean';
        case 'strings':
            return Array.isArray(value) && allStrings(value);
        default:
            return true;
    }
}
/** The `call` builtin: calls a function value with Go's argument checks and messages. */
function callFunction(name, fn, args) {
    if (fn === undefined || fn === null)
        throw new Error('call of nil');
    if (!(fn instanceof GoFunc))
        throw new Error(`non-function ${name} of type ${typeName(fn)}`);
    const nfixed = fn.params.length;
    if (fn.variadic !== undefined) {
        if (args.length < nfixed)
            throw new Error(`wrong number of args for ${name}: got ${args.length} want at least ${nfixed}`);
    }
    else if (args.length !== nfixed) {
        throw new Error(`wrong number of args for ${name}: got ${args.length} want ${nfixed}`);
    }
    const argv = args.map((a, i) => {
        const kind = i < nfixed ? fn.params[i] : fn.variadic;
        if (a === undefined || a === null) {
            if (!canBeNil(kind))
                throw new Error(`arg ${i}: value is nil; should be of type ${kindTypeName(kind)}`);
            return nilOf(kind);
        }
        if (!assignable(a, kind))
            throw new Error(`arg ${i}: value has type ${typeName(a)}; should be ${kindTypeName(kind)}`);
        return a;
    });
    return fn.call(argv);
}
function allStrings(a) {
    for (let i = 0; i < a.length; i++)
        if (typeof a[i] !== 'string')
            return false;
    return true;
}

;// CONCATENATED MODULE: ./lib/template/marks.js
// Markers shared by the compiler and the executor.
/** Control signals a statement returns instead of Go's break/continue panics. */
const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
/** Marks "no value piped in" (Go's missingVal); distinct from undefined, the invalid value. */
const MISSING = Symbol('missing');

;// CONCATENATED MODULE: ./lib/template/node.js
// The parse tree: a discriminated union mirroring Go's text/template/parse nodes, and
// print(node), which gives the canonical source (Go's Node.String()). Positions are indexes
// into the template text.

function printPipe(p) {
    let s = '';
    if (p.decl.length > 0) {
        s = p.decl.map(print).join(', ') + (p.isAssign ? ' = ' : ' := ');
    }
    return s + p.cmds.map(print).join(' | ');
}
function printArg(n) {
    return n.type === 'pipe' ? `(${printPipe(n)})` : print(n);
}
/** The canonical source text of a node (Go's Node.String()). */
function print(n) {
    switch (n.type) {
        case 'list':
            return n.nodes.map(print).join('');
        case 'text':
            return n.text;
        case 'comment':
            return `{{${n.text}}}`;
        case 'action':
            return `{{${printPipe(n.pipe)}}}`;
        case 'pipe':
            return printPipe(n);
        case 'command':
            return n.args.map(printArg).join(' ');
        case 'identifier':
            return n.ident;
        case 'variable':
            return n.ident.join('.');
        case 'dot':
            return '.';
        case 'nil':
            return 'nil';
        case 'field':
            return n.ident.map((id) => '.' + id).join('');
        case 'chain':
            return printArg(n.node) + n.field.map((f) => '.' + f).join('');
        case 'bool':
            return n.value ? 'true' : 'false';
        case 'number':
            return n.text;
        case 'string':
            return n.quoted;
        case 'if':
        case 'range':
        case 'with': {
            const elsePart = n.elseList === undefined ? '' : `{{else}}${print(n.elseList)}`;
            return `{{${n.type} ${printPipe(n.pipe)}}}${print(n.list)}${elsePart}{{end}}`;
        }
        case 'break':
            return '{{break}}';
        case 'continue':
            return '{{continue}}';
        case 'template':
            return n.pipe === undefined ? `{{template ${strconv_quote(n.name)}}}` : `{{template ${strconv_quote(n.name)} ${printPipe(n.pipe)}}}`;
        case 'end':
            return '{{end}}';
        case 'else':
            return '{{else}}';
    }
}
/** Go's parse.IsEmptyTree: nothing but whitespace text and comments. */
function isEmptyTree(n) {
    if (n === undefined)
        return true;
    switch (n.type) {
        case 'comment':
            return true;
        case 'list':
            return n.nodes.every(isEmptyTree);
        case 'text':
            return trimSpace(n.text) === '';
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./lib/template/compile-expr.js
// Compiles pipelines, commands and arguments into closures. Each closure does what Go's
// evalPipeline / evalCommand / evalArg do for its node, in the same order, marking the node
// it works on (s.node, Go's state.at) so errors point where Go's point.





function compilePipe(pipe) {
    const simple = compileSimplePipe(pipe);
    if (simple !== undefined)
        return simple;
    const cmds = pipe.cmds.map(compileCommand);
    const names = pipe.decl.map((v) => v.ident[0]);
    const assign = pipe.isAssign;
    if (cmds.length === 1 && names.length === 0) {
        const cmd = cmds[0];
        return (s, dot) => {
            s.node = pipe;
            const v = cmd(s, dot, MISSING);
            return v === null ? undefined : v; // a nil interface becomes "no value", as in Go
        };
    }
    return (s, dot) => {
        s.node = pipe;
        let v = MISSING;
        for (let i = 0; i < cmds.length; i++) {
            v = cmds[i](s, dot, v);
            if (v === null)
                v = undefined; // each stage's nil interface becomes "no value", as in Go
        }
        for (let i = 0; i < names.length; i++) {
            if (assign)
                s.setVar(names[i], v);
            else
                s.push(names[i], v);
        }
        return v;
    };
}
function compileSimplePipe(pipe) {
    const args = pipe.cmds[0]?.args;
    if (pipe.cmds.length !== 1 || pipe.decl.length > 0 || args === undefined || args.length !== 1)
        return undefined;
    const first = args[0];
    switch (first.type) {
        case 'field': {
            const ident = first.ident;
            return (s, dot) => {
                s.node = first;
                const v = s.evalFieldChain(dot, ident, 0, args, MISSING);
                return v === null ? undefined : v;
            };
        }
        case 'variable': {
            const ident = first.ident;
            const name = ident[0];
            if (ident.length === 1) {
                return (s) => {
                    s.node = first;
                    const v = s.varValue(name);
                    return v === null ? undefined : v;
                };
            }
            return (s) => {
                s.node = first;
                const v = s.evalFieldChain(s.varValue(name), ident, 1, args, MISSING);
                return v === null ? undefined : v;
            };
        }
        case 'dot':
            return (s, dot) => {
                s.node = first;
                return dot === null ? undefined : dot;
            };
        default:
            return undefined;
    }
}
function compileCommand(cmd) {
    const args = cmd.args;
    const first = args[0];
    switch (first.type) {
        case 'field': {
            const ident = first.ident;
            return (s, dot, final) => {
                s.node = first;
                return s.evalFieldChain(dot, ident, 0, args, final);
            };
        }
        case 'chain':
            return compileChain(first, args);
        case 'identifier':
            return compileCall(first, cmd, args);
        case 'pipe': {
            const pipe = compilePipe(first);
            return (s, dot, final) => {
                s.notAFunction(args, final);
                return pipe(s, dot);
            };
        }
        case 'variable': {
            const ident = first.ident;
            const name = ident[0];
            if (ident.length === 1) {
                return (s, _dot, final) => {
                    s.node = first;
                    const v = s.varValue(name);
                    s.notAFunction(args, final);
                    return v;
                };
            }
            return (s, _dot, final) => {
                s.node = first;
                return s.evalFieldChain(s.varValue(name), ident, 1, args, final);
            };
        }
    }
    return (s, dot, final) => {
        s.node = first;
        s.notAFunction(args, final);
        switch (first.type) {
            case 'bool':
                return first.value;
            case 'dot':
                return dot;
            case 'nil':
                return s.errorf('nil is not a command');
            case 'number':
                return s.idealConstant(first);
            case 'string':
                return first.text;
        }
        return s.errorf(`can't evaluate command ${strconv_quote(print(first))}`);
    };
}
/** (pipe).A.B or fn.A: evaluate the receiver, then walk the fields. */
function compileChain(chain, args) {
    const base = compileArg(chain.node);
    return (s, dot, final) => {
        s.node = chain;
        if (chain.field.length === 0)
            s.errorf('internal error: no fields in evalChainNode');
        if (chain.node.type === 'nil')
            s.errorf(`indirection through explicit nil in ${print(chain)}`);
        return s.evalFieldChain(base(s, dot, null), chain.field, 0, args, final);
    };
}
/** A function call; args[0] is the function's own node. */
function compileCall(ident, node, args) {
    const name = ident.ident;
    const argEvals = args.slice(1).map(compileArg);
    // A node belongs to one template, so its function can be looked up once.
    let found;
    let direct = false;
    return (s, dot, final) => {
        s.node = ident;
        if (found === undefined) {
            found = s.findFunction(name);
            // The common call: fixed arity, all arguments written out, no special builtin.
            const special = found.builtin && (name === 'and' || name === 'or' || name === 'call');
            direct = !special && found.fn.variadic === undefined && found.fn.params.length === argEvals.length;
        }
        if (direct && final === MISSING)
            return s.callDirect(dot, found.fn, node, name, argEvals);
        return s.evalCall(dot, found.fn, found.builtin, node, name, argEvals, args, final);
    };
}
/** One argument: Go's evalArg, which first marks the node, then evaluates and type-checks. */
function compileArg(n) {
    switch (n.type) {
        case 'dot':
            return (s, dot, kind) => {
                s.node = n;
                return s.validateType(dot, kind);
            };
        case 'nil':
            return (s, _dot, kind) => {
                s.node = n;
                if (canBeNil(kind))
                    return nilOf(kind);
                return s.errorf(`cannot assign nil to ${kindTypeName(kind)}`);
            };
        case 'field': {
            const ident = n.ident;
            return (s, dot, kind) => {
                s.node = n;
                return s.validateType(s.evalFieldChain(dot, ident, 0, undefined, MISSING), kind);
            };
        }
        case 'variable': {
            const ident = n.ident;
            const name = ident[0];
            return (s, _dot, kind) => {
                s.node = n;
                const v = s.varValue(name);
                return s.validateType(ident.length === 1 ? v : s.evalFieldChain(v, ident, 1, undefined, MISSING), kind);
            };
        }
        case 'pipe': {
            const pipe = compilePipe(n);
            return (s, dot, kind) => {
                s.node = n;
                return s.validateType(pipe(s, dot), kind);
            };
        }
        case 'identifier': {
            const call = compileCall(n, n, [n]);
            return (s, dot, kind) => {
                s.node = n;
                return s.validateType(call(s, dot, MISSING), kind);
            };
        }
        case 'chain': {
            const chain = compileChain(n, undefined);
            return (s, dot, kind) => {
                s.node = n;
                return s.validateType(chain(s, dot, MISSING), kind);
            };
        }
        case 'number':
            return (s, _dot, kind) => {
                s.node = n;
                return kind === 'int' && n.isInt ? n.int : s.literalArg(n, kind);
            };
        case 'string': {
            const text = n.text;
            return (s, _dot, kind) => {
                s.node = n;
                return kind === 'string' || kind === 'any' || kind === 'value' ? text : s.literalArg(n, kind);
            };
        }
        default:
            return (s, _dot, kind) => {
                s.node = n;
                return s.literalArg(n, kind);
            };
    }
}

;// CONCATENATED MODULE: ./lib/template/compile.js
// Turns a tree into closures once, so rendering does not dispatch on node types again and
// again: statements here (text, actions, if/with/range, template, break, continue),
// expressions in compile-expr.ts. The closures call the State (exec.ts) for Go's semantics.


const cache = new WeakMap();
/** The compiled form of a tree's root list (compiled once, then shared by every render). */
function compileTree(root) {
    let f = cache.get(root);
    if (f === undefined) {
        f = compileList(root);
        cache.set(root, f);
    }
    return f;
}
function compileList(list) {
    // Text is kept as a string in the list, so appending it costs no call.
    const items = list.nodes.map((n) => (n.type === 'text' ? n.text : compile(n)));
    if (items.length === 1) {
        const only = items[0];
        if (typeof only !== 'string')
            return only;
        return (s) => {
            s.out += only;
            return NORMAL;
        };
    }
    return (s, dot) => {
        for (let i = 0; i < items.length; i++) {
            const item = items[i];
            if (typeof item === 'string')
                s.out += item;
            else {
                const sig = item(s, dot);
                if (sig !== NORMAL)
                    return sig;
            }
        }
        return NORMAL;
    };
}
function compile(node) {
    switch (node.type) {
        case 'text': {
            const text = node.text;
            return (s) => {
                s.out += text;
                return NORMAL;
            };
        }
        case 'action':
            return compileAction(node);
        case 'list':
            return compileList(node);
        case 'if':
        case 'with': {
            const isWith = node.type === 'with';
            const pipe = compilePipe(node.pipe);
            const list = compileList(node.list);
            const elseList = node.elseList === undefined ? undefined : compileList(node.elseList);
            return (s, dot) => s.walkIfOrWith(isWith, dot, pipe, list, elseList);
        }
        case 'range': {
            const pipe = compilePipe(node.pipe);
            const body = compileList(node.list);
            const elseBody = node.elseList === undefined ? undefined : compileList(node.elseList);
            return (s, dot) => s.walkRange(dot, node, pipe, body, elseBody);
        }
        case 'template': {
            const pipe = node.pipe === undefined ? undefined : compilePipe(node.pipe);
            return (s, dot) => {
                s.walkTemplate(dot, node, pipe);
                return NORMAL;
            };
        }
        case 'break':
            return () => BREAK;
        case 'continue':
            return () => CONTINUE;
        case 'comment':
            return () => NORMAL;
        default:
            return (s) => s.errorf(`unknown node: ${node.type}`);
    }
}
function compileAction(node) {
    const pipe = node.pipe;
    if (pipe.decl.length > 0) {
        // Declared variables persist until the enclosing {{end}}; declarations print nothing.
        const declare = compilePipe(pipe);
        return (s, dot) => {
            declare(s, dot);
            return NORMAL;
        };
    }
    if (pipe.cmds.length === 1) {
        const fast = compileSimpleAction(node);
        if (fast !== undefined)
            return fast;
        // One command: evalPipeline's steps inline (mark the pipe, nil becomes no value).
        const cmd = compileCommand(pipe.cmds[0]);
        return (s, dot) => {
            s.node = pipe;
            const v = cmd(s, dot, MISSING);
            s.printValue(node, v === null ? undefined : v);
            return NORMAL;
        };
    }
    const evaluate = compilePipe(pipe);
    return (s, dot) => {
        s.printValue(node, evaluate(s, dot));
        return NORMAL;
    };
}
/**
 * {{.A.B}}, {{$x}}, {{$x.A}} and {{.}}, the most common actions, in one closure each (the
 * same steps as compile-expr's simple pipelines, plus printing: this is the hot path).
 */
function compileSimpleAction(node) {
    const args = node.pipe.cmds[0].args;
    if (args.length !== 1)
        return undefined;
    const first = args[0];
    const print = (s, v) => {
        s.printValue(node, v === null ? undefined : v);
        return NORMAL;
    };
    switch (first.type) {
        case 'field': {
            const ident = first.ident;
            return (s, dot) => {
                s.node = first;
                return print(s, s.evalFieldChain(dot, ident, 0, args, MISSING));
            };
        }
        case 'variable': {
            const ident = first.ident;
            const name = ident[0];
            if (ident.length === 1) {
                return (s) => {
                    s.node = first;
                    return print(s, s.varValue(name));
                };
            }
            return (s) => {
                s.node = first;
                return print(s, s.evalFieldChain(s.varValue(name), ident, 1, args, MISSING));
            };
        }
        case 'dot':
            return (s, dot) => print(s, dot);
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/template/error.js
// TemplateError: every parse or execution failure, with Go's message text
//   parse: `template: NAME:LINE: message`
//   exec:  `template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: message`
// It lives beside the engine and extends the one base every user-facing error has (src/errors.ts).


class TemplateError extends errors/* MaandError */.Ob {
    name = 'TemplateError';
    kind;
    template;
    line;
    col;
    constructor(message, init) {
        super('template', message, undefined, { bare: true, ...(init.cause === undefined ? {} : { cause: init.cause }) });
        this.kind = init.kind;
        this.template = init.template;
        this.line = init.line;
        this.col = init.col;
    }
}
/** Line (1-based) and Go column (byte offset in the line) of a string index. */
function error_location(text, pos) {
    const before = text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    let line = 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1))
        line++;
    return { line, col: goByteLength(before.slice(nl + 1)) };
}

;// CONCATENATED MODULE: ./lib/template/number.js
// Go number literals (strconv.ParseInt/ParseUint/ParseFloat with base 0, as the template
// parser uses them) and float formatting (strconv.FormatFloat for 'e', 'f', 'g').


const INT64_MIN = -(1n << 63n);
const number_INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
/** strconv's underscoreOK: `_` only between digits or after a base prefix. */
function underscoreOK(s) {
    let saw = '^';
    let i = 0;
    if (s[0] === '+' || s[0] === '-')
        s = s.slice(1);
    let hex = false;
    if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
        i = 2;
        saw = '0';
        hex = s[1] === 'x' || s[1] === 'X';
    }
    for (; i < s.length; i++) {
        const c = s[i];
        if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
            saw = '0';
            continue;
        }
        if (c === '_') {
            if (saw !== '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw === '_')
            return false;
        saw = '!';
    }
    return saw !== '_';
}
/** strconv.ParseUint(s, 0, 64); undefined when it fails (syntax or range). */
function parseUint0(s) {
    if (s === '')
        return undefined;
    const s0 = s;
    let base = 10;
    if (s[0] === '0') {
        const p = s[1]?.toLowerCase();
        if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
            base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
            s = s.slice(2);
        }
        else {
            base = 8;
            s = s.slice(1);
        }
    }
    let n = 0n;
    let underscores = false;
    for (const c of s) {
        if (c === '_') {
            underscores = true;
            continue;
        }
        const d = parseInt(c, 36);
        if (Number.isNaN(d) || d >= base)
            return undefined;
        n = n * BigInt(base) + BigInt(d);
        if (n > UINT64_MAX)
            return undefined;
    }
    if (underscores && !underscoreOK(s0))
        return undefined;
    return n;
}
/** strconv.ParseInt(s, 0, 64); undefined when it fails. */
function parseInt0(s) {
    let neg = false;
    if (s[0] === '+' || s[0] === '-') {
        neg = s[0] === '-';
        s = s.slice(1);
    }
    const u = parseUint0(s);
    if (u === undefined)
        return undefined;
    const v = neg ? -u : u;
    return v < INT64_MIN || v > number_INT64_MAX ? undefined : v;
}
/** strconv.ParseFloat(s, 64) for decimal and hex floats; undefined on error or overflow. */
function parseFloat64(s) {
    let sign = 1;
    let body = s;
    if (body[0] === '+' || body[0] === '-') {
        sign = body[0] === '-' ? -1 : 1;
        body = body.slice(1);
    }
    if (body.includes('_') && !underscoreOK(s))
        return undefined;
    body = body.replaceAll('_', '');
    let v;
    const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
    if (hex) {
        const int = hex[1] ?? '';
        const frac = hex[2] ?? '';
        if (int === '' && frac === '')
            return undefined;
        const mant = BigInt('0x' + (int + frac || '0'));
        v = Number(mant) * 2 ** (Number(hex[3]) - 4 * frac.length);
        if (mant > 2n ** 53n)
            v = hexFloatExact(mant, Number(hex[3]) - 4 * frac.length);
    }
    else if (/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) {
        v = Number(body);
    }
    else {
        return undefined;
    }
    return Number.isFinite(v) ? sign * v : undefined;
}
/** mant × 2^exp, correctly rounded, for mantissas too long for a double. */
function hexFloatExact(mant, exp) {
    const bits = mant.toString(2).length;
    const shift = bits - 53;
    let top = mant >> BigInt(shift);
    const rest = mant - (top << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (top & 1n) === 1n))
        top += 1n;
    return Number(top) * 2 ** (exp + shift);
}
/** Go's parse.newNumber for non-char literals; throws Error with Go's message on failure. */
function parseNumberLiteral(text) {
    const n = { isInt: false, isUint: false, isFloat: false, int: 0, uint: 0n, float: 0 };
    if (text.endsWith('i') && parseFloat64(text.slice(0, -1)) !== undefined) {
        throw new Error(`complex numbers are not supported: ${strconv_quote(text)}`);
    }
    const u = parseUint0(text);
    if (u !== undefined) {
        n.isUint = true;
        n.uint = u;
    }
    const i = parseInt0(text);
    if (i !== undefined) {
        n.isInt = true;
        n.int = intFromBig(i);
        if (i === 0n) {
            n.isUint = true;
            n.uint = u ?? 0n;
        }
    }
    if (n.isInt) {
        n.isFloat = true;
        n.float = Number(i);
    }
    else if (n.isUint) {
        n.isFloat = true;
        n.float = Number(n.uint);
    }
    else {
        const f = parseFloat64(text);
        if (f !== undefined) {
            if (!/[.eEpP]/.test(text))
                throw new Error(`integer overflow: ${strconv_quote(text)}`);
            n.isFloat = true;
            n.float = f;
            if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
                n.isInt = true;
                n.int = intFromBig(BigInt(f));
            }
            if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
                n.isUint = true;
                n.uint = BigInt(f);
            }
        }
    }
    if (!n.isInt && !n.isUint && !n.isFloat)
        throw new Error(`illegal number syntax: ${strconv_quote(text)}`);
    return n;
}
/** Shortest digits that read back as `a` (a > 0), like Go's Ryu shortest mode. */
function shortest(a) {
    const [m, e] = a.toExponential().split('e');
    return { d: m.replace('.', '').replace(/0+$/, ''), dp: Number(e) + 1 };
}
/** The exact decimal expansion of a finite double a > 0. */
function exact(a) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, a);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    let e = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (e === 0)
        e = 1;
    else
        mant |= 1n << 52n;
    e -= 1075;
    let s;
    let dp;
    if (e >= 0) {
        s = (mant << BigInt(e)).toString();
        dp = s.length;
    }
    else {
        s = (mant * 5n ** BigInt(-e)).toString();
        dp = s.length + e;
    }
    const t = s.replace(/0+$/, '');
    return { d: t, dp };
}
/** Go's decimal.Round(nd): round half to even (the digits are exact, so ties are real). */
function round(x, nd) {
    if (nd < 0 || nd >= x.d.length)
        return x;
    const c = x.d.charCodeAt(nd) - 48;
    const up = c === 5 && nd + 1 === x.d.length ? nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1 : c >= 5;
    if (!up) {
        const d = x.d.slice(0, nd).replace(/0+$/, '');
        return { d, dp: d === '' ? 0 : x.dp };
    }
    for (let i = nd - 1; i >= 0; i--) {
        if (x.d[i] !== '9')
            return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
    }
    return { d: '1', dp: x.dp + 1 };
}
function fmtE(neg, x, prec, e) {
    let out = neg ? '-' : '';
    out += x.d.length > 0 ? x.d[0] : '0';
    if (prec > 0) {
        out += '.';
        out += x.d.slice(1, Math.min(x.d.length, prec + 1));
        for (let i = Math.max(1, x.d.length); i <= prec; i++)
            out += '0';
    }
    let exp = x.d.length === 0 ? 0 : x.dp - 1;
    out += e + (exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    return out + (exp < 10 ? '0' + exp : String(exp));
}
function fmtF(neg, x, prec) {
    let out = neg ? '-' : '';
    if (x.dp > 0) {
        out += x.d.slice(0, Math.min(x.d.length, x.dp));
        for (let m = x.d.length; m < x.dp; m++)
            out += '0';
    }
    else {
        out += '0';
    }
    if (prec > 0) {
        out += '.';
        for (let i = 1; i <= prec; i++) {
            const j = x.dp + i - 1;
            out += j >= 0 && j < x.d.length ? x.d[j] : '0';
        }
    }
    return out;
}
/** strconv.FormatFloat(v, fmt, prec, 64); prec < 0 means the shortest exact representation. */
function formatFloat(v, fmt, prec) {
    if (Number.isNaN(v))
        return 'NaN';
    if (v === Infinity)
        return '+Inf';
    if (v === -Infinity)
        return '-Inf';
    const neg = v < 0 || Object.is(v, -0);
    const a = Math.abs(v);
    const isShortest = prec < 0;
    let x;
    if (a === 0)
        x = { d: '', dp: 0 };
    else if (isShortest)
        x = shortest(a);
    else {
        x = exact(a);
        if (fmt === 'e' || fmt === 'E')
            x = round(x, prec + 1);
        else if (fmt === 'f')
            x = round(x, x.dp + prec);
        else {
            if (prec === 0)
                prec = 1;
            x = round(x, prec);
        }
    }
    if (isShortest) {
        if (fmt === 'e' || fmt === 'E')
            prec = x.d.length - 1;
        else if (fmt === 'f')
            prec = Math.max(x.d.length - x.dp, 0);
        else
            prec = x.d.length;
    }
    if (fmt === 'e' || fmt === 'E')
        return fmtE(neg, x, prec, fmt);
    if (fmt === 'f')
        return fmtF(neg, x, prec);
    let eprec = prec;
    if (eprec > x.d.length && x.d.length >= x.dp)
        eprec = x.d.length;
    if (isShortest)
        eprec = 6;
    const exp = x.dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > x.d.length)
            prec = x.d.length;
        return fmtE(neg, x, prec - 1, fmt === 'g' ? 'e' : 'E');
    }
    if (prec > x.dp)
        prec = x.d.length;
    return fmtF(neg, x, Math.max(prec - x.dp, 0));
}

;// CONCATENATED MODULE: ./lib/template/format.js
// Go's fmt printer for template values: one value with a verb, flags, width and precision,
// as Go prints it: `[a b]` for slices, `map[k:v]` (sorted) for maps, `{1 2}` for structs,
// `<nil>` for nil, `%!d(string=x)` for a verb that does not fit. Sprint and Sprintln are
// here; Sprintf (format strings) is in printf.ts. %b/%x on floats are not supported.




class Printer {
    buf = '';
    plus = false;
    minus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    wid = 0;
    widPresent = false;
    prec = 0;
    precPresent = false;
    clearFlags() {
        this.plus = this.minus = this.sharp = this.space = this.zero = false;
        this.plusV = this.sharpV = this.widPresent = this.precPresent = false;
        this.wid = this.prec = 0;
    }
    padding(n) {
        return n <= 0 ? '' : (this.zero && !this.minus ? '0' : ' ').repeat(n);
    }
    /** Appends s, padded to the width (counted in runes) on the left, or right with '-'. */
    pad(s) {
        if (!this.widPresent || this.wid === 0) {
            this.buf += s;
            return;
        }
        const fill = this.padding(this.wid - runeCount(s));
        this.buf += this.minus ? s + fill : fill + s;
    }
    /** pad without zero filling (numbers already placed their zeros). */
    padNoZero(s) {
        const zero = this.zero;
        this.zero = false;
        this.pad(s);
        this.zero = zero;
    }
    printArg(arg, verb) {
        if (arg === undefined || arg === null) {
            if (verb === 'T' || verb === 'v')
                this.pad('<nil>');
            else
                this.badVerb(verb, arg);
            return;
        }
        if (verb === 'T') {
            this.fmtS(typeName(arg));
            return;
        }
        this.printValue(arg, verb, 0);
    }
    printValue(v, verb, depth) {
        switch (kindOf(v)) {
            case 'invalid':
                if (depth === 0)
                    this.buf += '<invalid reflect.Value>';
                else
                    this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
                return;
            case 'bool':
                if (verb === 't' || verb === 'v')
                    this.pad(v ? 'true' : 'false');
                else
                    this.badVerb(verb, v);
                return;
            case 'int':
                this.fmtInt(v, verb);
                return;
            case 'float':
                this.fmtFloat(floatOf(v), verb, v);
                return;
            case 'string':
                this.fmtString(v, verb);
                return;
            case 'slice':
                this.printList(v, verb, depth);
                return;
            case 'map':
                this.printMap(v, verb, depth);
                return;
            case 'struct':
                this.printStruct(v, verb, depth);
                return;
            case 'func':
                this.pad('(func)');
                return;
        }
    }
    printList(a, verb, depth) {
        if (this.sharpV) {
            this.buf += typeName(a) + '{';
            a.forEach((e, i) => {
                if (i > 0)
                    this.buf += ', ';
                this.printValue(e, verb, depth + 1);
            });
            this.buf += '}';
            return;
        }
        this.buf += '[';
        a.forEach((e, i) => {
            if (i > 0)
                this.buf += ' ';
            this.printValue(e, verb, depth + 1);
        });
        this.buf += ']';
    }
    printMap(m, verb, depth) {
        this.buf += this.sharpV ? typeName(m) + '{' : 'map[';
        sortedEntries(m).forEach(([k, val], i) => {
            if (i > 0)
                this.buf += this.sharpV ? ', ' : ' ';
            this.printValue(k, verb, depth + 1);
            this.buf += ':';
            this.printValue(val, verb, depth + 1);
        });
        this.buf += this.sharpV ? '}' : ']';
    }
    printStruct(o, verb, depth) {
        if (this.sharpV)
            this.buf += typeName(o);
        this.buf += '{';
        Object.keys(o).forEach((name, i) => {
            if (i > 0)
                this.buf += this.sharpV ? ', ' : ' ';
            if (this.plusV || this.sharpV)
                this.buf += name + ':';
            this.printValue(o[name], verb, depth + 1);
        });
        this.buf += '}';
    }
    /** `%!verb(type=value)`: the verb does not fit the value. */
    badVerb(verb, v) {
        this.buf += '%!' + verb + '(';
        if (v === undefined || v === null)
            this.buf += '<nil>';
        else {
            this.buf += typeName(v) + '=';
            this.printValue(v, 'v', 0);
        }
        this.buf += ')';
    }
    fmtInt(v, verb) {
        switch (verb) {
            case 'v':
            case 'd':
                return this.fmtInteger(v, 10, verb, false);
            case 'b':
                return this.fmtInteger(v, 2, verb, false);
            case 'o':
            case 'O':
                return this.fmtInteger(v, 8, verb, false);
            case 'x':
                return this.fmtInteger(v, 16, verb, false);
            case 'X':
                return this.fmtInteger(v, 16, verb, true);
            case 'c':
                return this.pad(String.fromCodePoint(toRune(v)));
            case 'q':
                return this.pad(quoteRune(toRune(v), this.plus));
            case 'U':
                return this.fmtUnicode(v);
            default:
                return this.badVerb(verb, v);
        }
    }
    fmtInteger(v, base, verb, upper) {
        const negative = typeof v === 'bigint' ? v < 0n : v < 0;
        if (this.precPresent && this.prec === 0 && (v === 0 || v === 0n)) {
            this.buf += ' '.repeat(this.wid); // precision 0 prints nothing for 0, only padding
            return;
        }
        let digits = typeof v === 'number' ? Math.abs(v).toString(base) : (negative ? -v : v).toString(base);
        if (upper)
            digits = digits.toUpperCase();
        let prec = 0;
        if (this.precPresent)
            prec = this.prec;
        else if (this.zero && !this.minus && this.widPresent) {
            prec = this.wid;
            if (negative || this.plus || this.space)
                prec--;
        }
        if (digits.length < prec)
            digits = '0'.repeat(prec - digits.length) + digits;
        if (this.sharp) {
            if (base === 2)
                digits = '0b' + digits;
            else if (base === 8 && digits[0] !== '0')
                digits = '0' + digits;
            else if (base === 16)
                digits = (upper ? '0X' : '0x') + digits;
        }
        if (verb === 'O')
            digits = '0o' + digits;
        if (negative)
            digits = '-' + digits;
        else if (this.plus)
            digits = '+' + digits;
        else if (this.space)
            digits = ' ' + digits;
        this.padNoZero(digits);
    }
    fmtUnicode(v) {
        const u = BigInt.asUintN(64, bigOf(v));
        let hex = u.toString(16).toUpperCase();
        const prec = this.precPresent && this.prec > 4 ? this.prec : 4;
        if (hex.length < prec)
            hex = '0'.repeat(prec - hex.length) + hex;
        let s = 'U+' + hex;
        if (this.sharp && u <= 0x10ffffn && isPrint(Number(u)))
            s += " '" + String.fromCodePoint(Number(u)) + "'";
        this.padNoZero(s);
    }
    fmtFloat(f, verb, original) {
        switch (verb) {
            case 'v':
                return this.fmtFloatAs(f, 'g', -1, verb);
            case 'g':
            case 'G':
                return this.fmtFloatAs(f, verb, -1, verb);
            case 'e':
            case 'E':
            case 'f':
                return this.fmtFloatAs(f, verb, 6, verb);
            case 'F':
                return this.fmtFloatAs(f, 'f', 6, verb);
            default:
                return this.badVerb(verb, original);
        }
    }
    fmtFloatAs(f, fmt, prec, verb) {
        if (this.precPresent)
            prec = this.prec;
        let num = formatFloat(f, fmt, prec);
        if (num[0] !== '-' && num[0] !== '+')
            num = '+' + num;
        if (this.space && num[0] === '+' && !this.plus)
            num = ' ' + num.slice(1);
        if (num[1] === 'I' || num[1] === 'N') {
            if (num[1] === 'N' && !this.space && !this.plus)
                num = num.slice(1);
            this.padNoZero(num);
            return;
        }
        if (this.sharp)
            num = sharpFloat(num, verb === 'v' || verb === 'g' || verb === 'G' ? (prec === -1 ? 6 : prec) : 0);
        if (this.plus || num[0] !== '+') {
            if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
                this.buf += num[0] + '0'.repeat(this.wid - num.length) + num.slice(1);
                return;
            }
            this.pad(num);
            return;
        }
        this.pad(num.slice(1));
    }
    fmtString(s, verb) {
        switch (verb) {
            case 'v':
                return this.sharpV ? this.fmtQ(s) : this.fmtS(s);
            case 's':
                return this.fmtS(s);
            case 'x':
                return this.fmtSx(s, false);
            case 'X':
                return this.fmtSx(s, true);
            case 'q':
                return this.fmtQ(s);
            default:
                return this.badVerb(verb, s);
        }
    }
    truncate(s) {
        if (!this.precPresent)
            return s;
        let n = 0;
        let i = 0;
        for (const ch of s) {
            if (n++ === this.prec)
                return s.slice(0, i);
            i += ch.length;
        }
        return s;
    }
    fmtS(s) {
        this.pad(this.truncate(s));
    }
    fmtQ(s) {
        s = this.truncate(s);
        if (this.sharp && canBackquote(s))
            this.pad('`' + s + '`');
        else
            this.pad(this.plus ? quoteASCII(s) : strconv_quote(s));
    }
    fmtSx(s, upper) {
        let bytes = encodeGoString(s);
        if (this.precPresent && this.prec < bytes.length)
            bytes = bytes.subarray(0, this.prec);
        let width = 2 * bytes.length;
        if (width === 0) {
            if (this.widPresent)
                this.buf += this.padding(this.wid);
            return;
        }
        if (this.space) {
            if (this.sharp)
                width *= 2;
            width += bytes.length - 1;
        }
        else if (this.sharp)
            width += 2;
        const prefix = upper ? '0X' : '0x';
        let out = this.sharp ? prefix : '';
        bytes.forEach((b, i) => {
            if (this.space && i > 0)
                out += this.sharp ? ' ' + prefix : ' ';
            const h = b.toString(16).padStart(2, '0');
            out += upper ? h.toUpperCase() : h;
        });
        const fill = this.widPresent && this.wid > width ? this.padding(this.wid - width) : '';
        this.buf += this.minus ? out + fill : fill + out;
    }
}
function toRune(v) {
    const b = BigInt.asUintN(64, bigOf(v));
    const r = b > 0x10ffffn ? 0xfffd : Number(b);
    return r >= 0xd800 && r <= 0xdfff ? 0xfffd : r;
}
/** The '#' flag for floats: keep the decimal point and, for %g, the trailing zeros. */
function sharpFloat(num, digits) {
    let tail = '';
    let body = num;
    const e = body.search(/[eE]/);
    if (e >= 0) {
        tail = body.slice(e);
        body = body.slice(0, e);
    }
    let sawNonzero = false;
    for (const c of body.slice(1)) {
        if (c === '.')
            continue;
        if (c !== '0')
            sawNonzero = true;
        if (sawNonzero)
            digits--;
    }
    if (!body.includes('.')) {
        if (body.length === 2 && body[1] === '0')
            digits--;
        body += '.';
    }
    if (digits > 0)
        body += '0'.repeat(digits);
    return body + tail;
}
/** fmt.Sprint: spaces between operands when neither side is a string. */
function sprint(args) {
    const p = new Printer();
    let prevString = false;
    args.forEach((arg, i) => {
        const isString = typeof arg === 'string';
        if (i > 0 && !isString && !prevString)
            p.buf += ' ';
        p.printArg(arg, 'v');
        prevString = isString;
    });
    return p.buf;
}
/** fmt.Sprintln: spaces between all operands and a final newline. */
function sprintln(args) {
    const p = new Printer();
    args.forEach((arg, i) => {
        if (i > 0)
            p.buf += ' ';
        p.printArg(arg, 'v');
    });
    return p.buf + '\n';
}
const valuePrinter = new Printer();
/** Formats one value as fmt.Print would (`%v`). */
function formatValue(v) {
    const p = valuePrinter; // printing never re-enters, so one printer serves every call
    p.clearFlags();
    p.buf = '';
    p.printArg(v, 'v');
    const out = p.buf;
    p.buf = '';
    return out;
}

;// CONCATENATED MODULE: ./lib/template/exec.js
// The executor: the state of one render and Go's exec.go semantics, used by the closures
// that compile.ts and compile-expr.ts build from the tree. Only the taken branch of
// if/with/range is evaluated; and/or short-circuit; variables live on a stack popped at the
// {{end}} of the block that declared them. Errors carry Go's text:
//   template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: message
// The output is built in memory and returned whole, or not at all (the render throws).









/** Limit on nested {{template}} calls (Go: 100000; lower here for the JS stack). */
const MAX_EXEC_DEPTH = 1000;
/** Executes the template set's top-level template over `data`; returns the whole output. */
function execute(tpl, data) {
    if (data === null)
        data = undefined; // nil data is "no value", as reflect.ValueOf(nil)
    const s = new State(tpl, data);
    const root = tpl.trees.get(tpl.name);
    if (root === undefined)
        s.errorf(`${strconv_quote(tpl.name)} is an incomplete or empty template`);
    try {
        compileTree(root)(s, data);
    }
    catch (e) {
        // Deeply nested blocks can exhaust the JS stack before MAX_EXEC_DEPTH; report it at the node.
        if (e instanceof RangeError && /call stack/i.test(e.message))
            s.errorf(`${STACK_EXHAUSTED} (template depth ${s.depthNow()})`);
        throw e;
    }
    return s.out;
}
const STACK_EXHAUSTED = 'nesting too deep: the stack ran out';
function messageOf(e) {
    return e instanceof Error ? e.message : String(e);
}
function isExported(name) {
    const c = name.charCodeAt(0);
    if (c >= 65 && c <= 90)
        return true;
    if (c < 128)
        return false;
    return /^\p{Lu}/u.test(name);
}
/** Execution state: output, variables, current node (for errors), template depth. */
class State {
    out = '';
    /** The node being evaluated; errors point at it (Go's state.at). */
    node;
    tpl;
    /** Name of the template being executed (changes inside {{template}}). */
    name;
    varNames;
    varValues;
    top = 1;
    depth = 0;
    constructor(tpl, data) {
        this.tpl = tpl;
        this.name = tpl.name;
        this.varNames = ['$'];
        this.varValues = [data];
    }
    depthNow() {
        return this.depth;
    }
    errorf(message, cause) {
        const template = this.tpl.name;
        if (this.node === undefined) {
            throw new TemplateError(`template: ${this.name}: ${message}`, { kind: 'exec', template, line: 0, col: 0, cause });
        }
        const { line, col } = error_location(this.tpl.text, this.node.pos);
        const at = `template: ${template}:${line}:${col}: executing ${strconv_quote(this.name)} at <${print(this.node)}>`;
        throw new TemplateError(`${at}: ${message}`, { kind: 'exec', template, line, col, cause });
    }
    // --- variables: a stack of (name, value) pairs; `top` is its height ---
    mark() {
        return this.top;
    }
    pop(mark) {
        this.top = mark;
    }
    push(name, value) {
        this.varNames[this.top] = name;
        this.varValues[this.top] = value;
        this.top++;
    }
    setVar(name, value) {
        for (let i = this.top - 1; i >= 0; i--) {
            if (this.varNames[i] === name) {
                this.varValues[i] = value;
                return;
            }
        }
        this.errorf(`undefined variable: ${name}`);
    }
    varValue(name) {
        for (let i = this.top - 1; i >= 0; i--) {
            if (this.varNames[i] === name)
                return this.varValues[i];
        }
        return this.errorf(`undefined variable: ${name}`);
    }
    // --- statements (called by the compiled closures of compile.ts) ---
    walkIfOrWith(isWith, dot, pipe, list, elseList) {
        const mark = this.mark();
        const val = pipe(this, dot);
        let sig = NORMAL;
        if (isTrue(val))
            sig = list(this, isWith ? val : dot);
        else if (elseList !== undefined)
            sig = elseList(this, dot);
        this.pop(mark);
        return sig;
    }
    walkRange(dot, r, pipe, body, elseBody) {
        this.node = r;
        const outer = this.mark();
        const val = pipe(this, dot);
        const mark = this.mark(); // the body's variables are pushed above this
        const decl = r.pipe.decl.length;
        const assign = r.pipe.isAssign;
        let ran = false;
        if (Array.isArray(val)) {
            ran = val.length > 0;
            for (let i = 0; i < val.length; i++) {
                const elem = val[i];
                if (decl > 0)
                    this.bindRangeVars(r, decl, assign, i, elem);
                const sig = body(this, elem);
                this.top = mark;
                if (sig === BREAK)
                    break;
            }
        }
        else if (val instanceof Map) {
            ran = this.rangeMap(r, body, mark, val);
        }
        else if (val !== undefined && val !== null) {
            this.errorf(`range can't iterate over ${formatValue(val)}`);
        }
        let sig = NORMAL;
        // Go's quirk, kept: {{continue}} in the else list reaches an enclosing range; {{break}} stops here.
        if (!ran && elseBody !== undefined && elseBody(this, dot) === CONTINUE)
            sig = CONTINUE;
        this.pop(outer);
        return sig;
    }
    /** Ranges over a map in sorted key order; returns whether the body ran. */
    rangeMap(r, body, mark, m) {
        const decl = r.pipe.decl.length;
        const entries = sortedEntries(m);
        for (let i = 0; i < entries.length; i++) {
            const [k, elem] = entries[i];
            if (decl > 0)
                this.bindRangeVars(r, decl, r.pipe.isAssign, k, elem);
            const sig = body(this, elem);
            this.top = mark;
            if (sig === BREAK)
                break;
        }
        return entries.length > 0;
    }
    /** Binds $i/$v of one range pass: declared ones are the top slots, assigned ones are set. */
    bindRangeVars(r, decl, assign, index, elem) {
        if (assign) {
            this.setVar(r.pipe.decl[0].ident[0], decl > 1 ? index : elem);
            if (decl > 1)
                this.setVar(r.pipe.decl[1].ident[0], elem);
            return;
        }
        this.varValues[this.top - 1] = elem;
        if (decl > 1)
            this.varValues[this.top - 2] = index;
    }
    walkTemplate(dot, t, pipe) {
        this.node = t;
        const root = this.tpl.trees.get(t.name);
        if (root === undefined)
            this.errorf(`template ${strconv_quote(t.name)} not defined`);
        if (this.depth === MAX_EXEC_DEPTH)
            this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
        // Variables declared by the pipeline persist; the callee sees only its own $.
        const newDot = pipe === undefined ? undefined : pipe(this, dot);
        const { name, varNames, varValues, top } = this;
        this.name = t.name;
        this.varNames = ['$'];
        this.varValues = [newDot];
        this.top = 1;
        this.depth++;
        compileTree(root)(this, newDot);
        this.depth--;
        this.name = name;
        this.varNames = varNames;
        this.varValues = varValues;
        this.top = top;
    }
    // --- evaluation (called by the compiled closures of compile-expr.ts) ---
    notAFunction(args, final) {
        if (args.length > 1 || final !== MISSING)
            this.errorf(`can't give argument to non-function ${print(args[0])}`);
    }
    /** A number with no type context: its syntax decides int or float64. */
    idealConstant(n) {
        this.node = n;
        const t = n.text;
        const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
        if (n.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t))
            return new GoFloat(n.float);
        if (n.isInt)
            return n.int;
        if (n.isUint)
            this.errorf(`${t} overflows int`);
        return undefined;
    }
    findFunction(name) {
        const found = this.tpl.findFunction(name);
        return found ?? this.errorf(`${strconv_quote(name)} is not a defined function`);
    }
    /** .X.Y.Z: walks ident[from..] from the receiver; only the last field may get arguments. */
    evalFieldChain(receiver, ident, from, args, final) {
        const n = ident.length;
        for (let i = from; i < n - 1; i++)
            receiver = this.evalField(ident[i], undefined, MISSING, receiver);
        return this.evalField(ident[n - 1], args, final, receiver);
    }
    evalField(name, args, final, receiver) {
        if (receiver === undefined)
            return undefined; // no value: the field is no value too
        if (receiver === null)
            this.errorf(`nil pointer evaluating interface {}.${name}`);
        const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
        if (typeof receiver === 'object') {
            // Fast path: only struct fields answer to an exported name (Map, Array, GoFloat and
            // GoFunc have no upper-case properties), so a defined value is the field's value.
            const c = name.charCodeAt(0);
            if (c >= 65 && c <= 90) {
                const v = receiver[name];
                if (v !== undefined) {
                    if (hasArgs)
                        this.errorf(`${name} has arguments but cannot be invoked as function`);
                    return v;
                }
            }
        }
        if (typeof receiver === 'object' && !Array.isArray(receiver)) {
            if (receiver instanceof Map) {
                if (mapKeyTypeName(receiver) === 'string') {
                    if (hasArgs)
                        this.errorf(`${name} is not a method but has arguments`);
                    return receiver.get(name);
                }
            }
            else if (!(receiver instanceof GoFloat) && !(receiver instanceof GoFunc)) {
                // A struct: exported fields only, like Go's FieldByName on an exported name.
                const exported = isExported(name);
                if (exported ? name in receiver : Object.hasOwn(receiver, name)) {
                    if (!exported)
                        this.errorf(`${name} is an unexported field of struct type ${typeName(receiver)}`);
                    if (hasArgs)
                        this.errorf(`${name} has arguments but cannot be invoked as function`);
                    return receiver[name];
                }
            }
        }
        return this.errorf(`can't evaluate field ${name} in type ${typeName(receiver)}`);
    }
    /** Calls fn with the compiled arguments; args[0] is the function's own node. */
    evalCall(dot, fn, isBuiltin, node, name, argEvals, args, final) {
        const nargs = argEvals.length;
        const hasFinal = final !== MISSING;
        const numIn = nargs + (hasFinal ? 1 : 0);
        const params = fn.params;
        const nfixed = params.length;
        if (fn.variadic !== undefined) {
            if (numIn < nfixed)
                this.errorf(`wrong number of args for ${name}: want at least ${nfixed} got ${nargs}`);
        }
        else if (numIn !== nfixed) {
            this.errorf(`wrong number of args for ${name}: want ${nfixed} got ${numIn}`);
        }
        if (isBuiltin && (name === 'and' || name === 'or')) {
            // Short-circuit: return the first operand that decides, else the last one.
            const isOr = name === 'or';
            let v;
            for (let i = 1; i <= nargs; i++) {
                v = argEvals[i - 1](this, dot, 'value');
                if (isTrue(v) === isOr)
                    return v;
            }
            if (hasFinal)
                v = this.validateType(final, 'value');
            return v;
        }
        const argv = new Array(numIn);
        let i = 0;
        for (; i < nfixed && i < nargs; i++)
            argv[i] = argEvals[i](this, dot, params[i]);
        if (fn.variadic !== undefined)
            for (; i < nargs; i++)
                argv[i] = argEvals[i](this, dot, fn.variadic);
        if (hasFinal) {
            const kind = fn.variadic === undefined ? params[nfixed - 1] : numIn - 1 < nfixed ? params[numIn - 1] : fn.variadic;
            argv[i] = this.validateType(final, kind);
        }
        try {
            if (isBuiltin && name === 'call') {
                const callee = nargs > 0 ? print(args[1]) : `<${typeName(final)} Value>`;
                return callFunction(callee, argv[0], argv.slice(1));
            }
            return fn.call(argv);
        }
        catch (e) {
            this.node = node;
            return this.errorf(`error calling ${name}: ${messageOf(e)}`, e);
        }
    }
    /** evalCall for a fixed-arity function with every argument written out and none piped. */
    callDirect(dot, fn, node, name, argEvals) {
        const params = fn.params;
        const argv = new Array(argEvals.length);
        for (let i = 0; i < argEvals.length; i++)
            argv[i] = argEvals[i](this, dot, params[i]);
        try {
            return fn.call(argv);
        }
        catch (e) {
            this.node = node;
            return this.errorf(`error calling ${name}: ${messageOf(e)}`, e);
        }
    }
    /** Checks that a computed value fits a parameter kind (Go's validateType). */
    validateType(value, kind) {
        if (value === undefined || value === null) {
            if (canBeNil(kind))
                return nilFor(kind, value);
            return this.errorf(`invalid value; expected ${kindTypeName(kind)}`);
        }
        if (kind === null || kind === 'any' || kind === 'value' || assignable(value, kind))
            return value;
        return this.errorf(`wrong type for value; expected ${kindTypeName(kind)}; got ${typeName(value)}`);
    }
    /** A literal argument converted for a parameter kind, as Go's evalBool/evalInteger/... do. */
    literalArg(n, kind) {
        switch (kind) {
            case 'bool':
                if (n.type === 'bool')
                    return n.value;
                return this.errorf(`expected bool; found ${print(n)}`);
            case 'float':
                if (n.type === 'number' && n.isFloat)
                    return new GoFloat(n.float);
                return this.errorf(`expected float; found ${print(n)}`);
            case 'int':
                if (n.type === 'number' && n.isInt)
                    return n.int;
                return this.errorf(`expected integer; found ${print(n)}`);
            case 'string':
                if (n.type === 'string')
                    return n.text;
                return this.errorf(`expected string; found ${print(n)}`);
            case 'strings':
                return this.errorf(`can't handle ${print(n)} for arg of type []string`);
            default:
                // interface{} / reflect.Value: the literal's own value
                if (n.type === 'bool')
                    return n.value;
                if (n.type === 'number')
                    return this.idealConstant(n);
                if (n.type === 'string')
                    return n.text;
                return this.errorf(`can't handle assignment of ${print(n)} to empty interface argument`);
        }
    }
    /** Prints an action's value as fmt.Print does; only a func cannot be printed. */
    printValue(n, v) {
        if (typeof v === 'string')
            this.out += v;
        else if (typeof v === 'number' && Number.isSafeInteger(v))
            this.out += String(v);
        else if (v === undefined || v === null)
            this.out += '<no value>';
        else if (v instanceof GoFunc) {
            this.node = n;
            this.errorf(`can't print ${print(n)} of type ${typeName(v)}`);
        }
        else
            this.out += formatValue(v);
    }
}

;// CONCATENATED MODULE: ./lib/template/maand-funcs.js
// maand's template functions (spec §2.4): exactly these 18, no sprig. KV access goes
// through a KvReader; the caller enforces namespace permissions and decrypts secrets.




const NOT_FOUND = 'key not found or deleted';
function getter(kv) {
    return (ns, key) => {
        const v = kv.get(ns, key);
        if (v === undefined)
            throw new Error(NOT_FOUND);
        return v;
    };
}
function sortedKeys(kv) {
    // Go's map order is random; sorted keys keep renders (and plan hashes) deterministic.
    return (ns) => [...kv.keys(ns)].sort(compareGoStrings);
}
/** strings.Split: an empty separator splits into characters; "" splits into [""]. */
function split(s, sep) {
    if (sep === '')
        return Array.from(s); // a raw byte is one element, as in Go
    if (!hasRawBytes(s) && !hasRawBytes(sep))
        return s.split(sep);
    // A raw byte may match inside a character: split the bytes (latin1 maps byte to char 1:1).
    const bin = (x) => encodeGoString(x).toString('latin1');
    return bin(s).split(bin(sep)).map((p) => decodeGoString(Buffer.from(p, 'latin1')));
}
/** strings.Join (a loop: faster than Array.prototype.join on short lists). */
function maand_funcs_join(list, sep) {
    let out = list.length > 0 ? list[0] : '';
    for (let i = 1; i < list.length; i++)
        out += sep + list[i];
    return canonicalGoString(out); // raw bytes may join into a character
}
/** Go's simple (one rune to one rune) case mapping, as strings.ToUpper/ToLower use. */
function mapCase(s, f) {
    if (/^[\x00-\x7f]*$/.test(s))
        return f(s);
    let out = '';
    for (const ch of s) {
        if (rawByte(ch.codePointAt(0)) !== undefined) {
            out += '\ufffd'; // strings.Map writes an invalid byte as U+FFFD
            continue;
        }
        const m = f(ch);
        out += [...m].length === 1 ? m : ch;
    }
    return out;
}
/** a op b on numbers when the result is exact, else in int64 with Go's wrap-around. */
function exactOr(a, b, num, big) {
    if (typeof a === 'number' && typeof b === 'number') {
        const r = num(a, b);
        if (Number.isSafeInteger(r))
            return r;
    }
    return intFromBig(big(bigOf(a), bigOf(b)));
}
const small = (v) => typeof v === 'number' && Math.abs(v) < 2 ** 31;
const arith = {
    add: (a, b) => exactOr(a, b, (x, y) => x + y, (x, y) => x + y),
    sub: (a, b) => exactOr(a, b, (x, y) => x - y, (x, y) => x - y),
    mul: (a, b) => exactOr(a, b, (x, y) => x * y, (x, y) => x * y),
    /** Truncates toward zero; dividing by zero fails like Go's runtime panic. */
    div: (a, b) => {
        if (b === 0 || b === 0n)
            throw new Error('runtime error: integer divide by zero');
        // Doubles divide 32-bit ints exactly enough to truncate right; larger ones use bigint.
        return small(a) && small(b) ? Math.trunc(a / b) : intFromBig(bigOf(a) / bigOf(b));
    },
    min: (a, b) => (a <= b ? a : b), // < and <= compare number and bigint exactly
    max: (a, b) => (a >= b ? a : b),
};
/** The integer functions shared by deploy and build-time templates. */
function arithmetic() {
    const ii = ['int', 'int'];
    return {
        add: goFunc(ii, arith.add),
        sub: goFunc(ii, arith.sub),
        mul: goFunc(ii, arith.mul),
        div: goFunc(ii, arith.div),
    };
}
function stringFuncs() {
    return {
        split: goFunc(['string', 'string'], split),
        upper: goFunc(['string'], (s) => mapCase(s, (c) => c.toUpperCase())),
        lower: goFunc(['string'], (s) => mapCase(s, (c) => c.toLowerCase())),
        join: goFunc(['strings', 'string'], maand_funcs_join),
    };
}
/** The 18 functions of deploy-time `.tpl` files (spec §2.4). */
function maandFuncs(ctx) {
    const get = getter(ctx.kv);
    return {
        get: goFunc(['string', 'string'], get),
        getOptional: goFunc(['string', 'string'], (ns, key) => ctx.kv.get(ns, key) ?? ''),
        getSecret: goFunc(['string'], (key) => get(`secrets/job/${ctx.job}`, key)),
        keys: goFunc(['string'], sortedKeys(ctx.kv)),
        ...stringFuncs(),
        trim: goFunc(['string'], trimSpace),
        ...arithmetic(),
        min: goFunc(['int', 'int'], arith.min),
        max: goFunc(['int', 'int'], arith.max),
        int: goFunc(['any'], (v) => {
            if (isInt(v))
                return v;
            if (typeof v === 'string')
                return atoi(trimSpace(v));
            throw new Error('int: expected string or integer');
        }),
        scrapeConfigs: goFunc([], () => ctx.scrapeConfigs?.() ?? ''),
        ruleFiles: goFunc([], () => ctx.ruleFiles?.() ?? ''),
    };
}
/**
 * The smaller set of build-time `_prometheus/scrape.yaml.tpl` files (spec §2.9): no
 * getOptional, trim, min, max, scrapeConfigs or ruleFiles; `int` does not trim its string.
 */
function scrapeTemplateFuncs(ctx) {
    const get = getter(ctx.kv);
    return {
        get: goFunc(['string', 'string'], get),
        keys: goFunc(['string'], sortedKeys(ctx.kv)),
        getSecret: goFunc(['string'], (key) => get(`secrets/job/${ctx.job}`, key)),
        ...stringFuncs(),
        ...arithmetic(),
        int: goFunc(['any'], (v) => {
            if (isInt(v))
                return v;
            if (typeof v === 'string')
                return atoi(v);
            throw new Error('expected a string or an int');
        }),
    };
}

;// CONCATENATED MODULE: ./lib/template/printf.js
// fmt.Sprintf: parses the format string with Go's rules (flags, width, precision, `*`,
// argument indexes `%[n]d`) and its in-band errors (`%!d(MISSING)`, `%!(EXTRA …)`,
// `%!(BADINDEX)`, `%!(NOVERB)`). Formats without `*` or indexes are parsed once and cached.


const TOO_LARGE = 1e6;
function parseNum(s, i) {
    let num = 0;
    let ok = false;
    let j = i;
    for (; j < s.length && s[j] >= '0' && s[j] <= '9'; j++) {
        if (num > TOO_LARGE || num < -TOO_LARGE)
            return { num: 0, ok: false, next: s.length };
        num = num * 10 + (s.charCodeAt(j) - 48);
        ok = true;
    }
    return { num, ok, next: j };
}
const compiledFormats = new Map();
const shared = new Printer();
/** Parses a format with no `*`, no `[n]` and a verb after every `%`; null for any other. */
function compileFormat(f) {
    const directives = [];
    let operands = 0;
    let i = 0;
    for (;;) {
        const pct = f.indexOf('%', i);
        if (pct < 0)
            return { directives, tail: f.slice(i), operands };
        const d = {
            text: f.slice(i, pct), verb: '', plus: false, minus: false, sharp: false, space: false, zero: false,
            wid: 0, widPresent: false, prec: 0, precPresent: false,
        };
        i = pct + 1;
        flags: for (; i < f.length; i++) {
            switch (f[i]) {
                case '#':
                    d.sharp = true;
                    break;
                case '0':
                    d.zero = !d.minus;
                    break;
                case '+':
                    d.plus = true;
                    break;
                case '-':
                    d.minus = true;
                    d.zero = false;
                    break;
                case ' ':
                    d.space = true;
                    break;
                default: break flags;
            }
        }
        if (f[i] === '*' || f[i] === '[')
            return null;
        const w = parseNum(f, i);
        [d.wid, d.widPresent, i] = [w.num, w.ok, w.next];
        if (i + 1 < f.length && f[i] === '.') {
            if (f[i + 1] === '*' || f[i + 1] === '[')
                return null;
            const p = parseNum(f, i + 1);
            [d.prec, d.precPresent, i] = [p.num, true, p.next];
        }
        if (i >= f.length || f[i] === '[')
            return null;
        d.verb = String.fromCodePoint(f.codePointAt(i));
        i += d.verb.length;
        if (d.verb !== '%')
            operands++;
        directives.push(d);
    }
}
/** fmt.Sprintf(format, a[start:]...) */
function sprintf(format, a, start = 0) {
    let c = compiledFormats.get(format);
    if (c === undefined) {
        c = compileFormat(format);
        if (compiledFormats.size < 1000)
            compiledFormats.set(format, c);
    }
    // The cached form covers formats whose operand count matches; errors go the long way.
    if (c === null || c.operands !== a.length - start)
        return new Formatter(format, a.slice(start)).run();
    const p = shared;
    p.buf = '';
    let arg = start;
    for (const d of c.directives) {
        p.buf += d.text;
        if (d.verb === '%') {
            p.buf += '%';
            continue;
        }
        p.clearFlags();
        p.minus = d.minus;
        p.space = d.space;
        p.zero = d.zero;
        p.wid = d.wid;
        p.widPresent = d.widPresent;
        p.prec = d.prec;
        p.precPresent = d.precPresent;
        if (d.verb === 'v') {
            p.sharpV = d.sharp;
            p.plusV = d.plus;
        }
        else {
            p.sharp = d.sharp;
            p.plus = d.plus;
        }
        p.printArg(a[arg++], d.verb);
    }
    const out = p.buf + c.tail;
    p.buf = '';
    return out;
}
class Formatter {
    p = new Printer();
    argNum = 0;
    reordered = false;
    goodArgNum = true;
    format;
    a;
    constructor(format, a) {
        this.format = format;
        this.a = a;
    }
    /** Parses `[n]` at i; returns the index after it and whether an index was found. */
    argNumber(i) {
        const f = this.format;
        if (i >= f.length || f[i] !== '[')
            return { next: i, found: false };
        this.reordered = true;
        const close = f.indexOf(']', i + 1);
        if (f.length - i < 3 || close < 0) {
            this.goodArgNum = false;
            return { next: i + 1, found: false };
        }
        const n = parseNum(f, i + 1);
        if (!n.ok || n.next !== close) {
            this.goodArgNum = false;
            return { next: close + 1, found: false };
        }
        const index = n.num - 1;
        if (index >= 0 && index < this.a.length) {
            this.argNum = index;
            return { next: close + 1, found: true };
        }
        this.goodArgNum = false;
        return { next: close + 1, found: true };
    }
    intFromArg() {
        if (this.argNum >= this.a.length)
            return { num: 0, ok: false };
        const v = this.a[this.argNum++];
        if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= TOO_LARGE)
            return { num: v, ok: true };
        if (typeof v === 'bigint' && v <= BigInt(TOO_LARGE) && v >= -BigInt(TOO_LARGE))
            return { num: Number(v), ok: true };
        return { num: 0, ok: false };
    }
    run() {
        const { p, format: f } = this;
        const end = f.length;
        let i = 0;
        while (i < end) {
            this.goodArgNum = true;
            const pct = f.indexOf('%', i);
            if (pct < 0) {
                p.buf += f.slice(i);
                break;
            }
            p.buf += f.slice(i, pct);
            i = pct + 1;
            p.clearFlags();
            flags: for (; i < end; i++) {
                switch (f[i]) {
                    case '#':
                        p.sharp = true;
                        break;
                    case '0':
                        p.zero = !p.minus;
                        break;
                    case '+':
                        p.plus = true;
                        break;
                    case '-':
                        p.minus = true;
                        p.zero = false;
                        break;
                    case ' ':
                        p.space = true;
                        break;
                    default: break flags;
                }
            }
            let idx = this.argNumber(i);
            i = idx.next;
            let afterIndex = idx.found;
            if (i < end && f[i] === '*') {
                i++;
                const w = this.intFromArg();
                p.wid = w.num;
                p.widPresent = w.ok;
                if (!w.ok)
                    p.buf += '%!(BADWIDTH)';
                if (p.wid < 0) {
                    p.wid = -p.wid;
                    p.minus = true;
                    p.zero = false;
                }
                afterIndex = false;
            }
            else {
                const w = parseNum(f, i);
                p.wid = w.num;
                p.widPresent = w.ok;
                i = w.next;
                if (afterIndex && p.widPresent)
                    this.goodArgNum = false;
            }
            if (i + 1 < end && f[i] === '.') {
                i++;
                if (afterIndex)
                    this.goodArgNum = false;
                idx = this.argNumber(i);
                i = idx.next;
                afterIndex = idx.found;
                if (i < end && f[i] === '*') {
                    i++;
                    const pr = this.intFromArg();
                    p.prec = pr.num;
                    p.precPresent = pr.ok;
                    if (p.prec < 0) {
                        p.prec = 0;
                        p.precPresent = false;
                    }
                    if (!pr.ok)
                        p.buf += '%!(BADPREC)';
                    afterIndex = false;
                }
                else {
                    const pr = parseNum(f, i);
                    p.prec = pr.num;
                    p.precPresent = true;
                    i = pr.next;
                }
            }
            if (!afterIndex) {
                idx = this.argNumber(i);
                i = idx.next;
                afterIndex = idx.found;
            }
            if (i >= end) {
                p.buf += '%!(NOVERB)';
                break;
            }
            const verb = String.fromCodePoint(f.codePointAt(i));
            i += verb.length;
            if (verb === '%')
                p.buf += '%';
            else if (!this.goodArgNum)
                p.buf += '%!' + verb + '(BADINDEX)';
            else if (this.argNum >= this.a.length)
                p.buf += '%!' + verb + '(MISSING)';
            else {
                if (verb === 'v') {
                    p.sharpV = p.sharp;
                    p.sharp = false;
                    p.plusV = p.plus;
                    p.plus = false;
                }
                p.printArg(this.a[this.argNum++], verb);
            }
        }
        if (!this.reordered && this.argNum < this.a.length) {
            p.clearFlags();
            p.buf += '%!(EXTRA ';
            this.a.slice(this.argNum).forEach((arg, k) => {
                if (k > 0)
                    p.buf += ', ';
                if (arg === undefined || arg === null)
                    p.buf += '<nil>';
                else {
                    p.buf += typeName(arg) + '=';
                    p.printArg(arg, 'v');
                }
            });
            p.buf += ')';
        }
        return p.buf;
    }
}

;// CONCATENATED MODULE: ./lib/template/funcs.js
// Go's built-in template functions. `and`, `or` and `call` are listed here for their
// signatures; the executor evaluates them itself (short-circuit, callee name).






const unreachable = () => {
    throw new Error('evaluated by the executor');
};
const builtins = {
    and: new GoFunc(['value'], unreachable, 'value'),
    or: new GoFunc(['value'], unreachable, 'value'),
    call: new GoFunc(['value'], unreachable, 'value'),
    not: goFunc(['value'], (v) => !isTrue(v)),
    len: goFunc(['value'], funcs_length),
    index: new GoFunc(['value'], (args) => index(args[0], args.slice(1)), 'value'),
    slice: new GoFunc(['value'], (args) => slice(args[0], args.slice(1)), 'value'),
    // Printing concatenates: raw bytes may join into a character again.
    print: new GoFunc([], (args) => canonicalGoString(sprint(args)), 'any'),
    printf: new GoFunc(['string'], (args) => canonicalGoString(sprintf(args[0], args, 1)), 'any'),
    println: new GoFunc([], (args) => canonicalGoString(sprintln(args)), 'any'),
    html: new GoFunc([], (args) => htmlEscape(evalArgs(args)), 'any'),
    js: new GoFunc([], (args) => jsEscape(evalArgs(args)), 'any'),
    urlquery: new GoFunc([], (args) => queryEscape(evalArgs(args)), 'any'),
    eq: new GoFunc(['value'], (args) => eq(args[0], args.slice(1)), 'value'),
    ne: goFunc(['value', 'value'], (a, b) => !eq(a, [b])),
    lt: goFunc(['value', 'value'], lt),
    le: goFunc(['value', 'value'], (a, b) => lt(a, b) || eq(a, [b])),
    gt: goFunc(['value', 'value'], (a, b) => !(lt(a, b) || eq(a, [b]))),
    ge: goFunc(['value', 'value'], (a, b) => !lt(a, b)),
};
function funcs_length(v) {
    switch (kindOf(v)) {
        case 'string':
            return goByteLength(v);
        case 'slice':
            return v.length;
        case 'map':
            return v.size;
        case 'invalid':
            if (v === null)
                throw new Error('len of nil pointer');
            throw new Error('reflect: call of reflect.Value.Type on zero Value');
        default:
            throw new Error(`len of type ${typeName(v)}`);
    }
}
/** Go's indexArg: an int index within [0, cap]. */
function indexArg(i, cap) {
    if (i === undefined || i === null)
        throw new Error('cannot index slice/array with nil');
    if (!isInt(i))
        throw new Error(`cannot index slice/array with type ${typeName(i)}`);
    if (i < 0 || i > cap)
        throw new Error(`index out of range: ${i}`); // < and > compare bigint and number exactly
    return Number(i);
}
function index(item, indexes) {
    if (item === undefined || item === null)
        throw new Error('index of untyped nil');
    let v = item;
    for (const i of indexes) {
        if (v === undefined || v === null)
            throw new Error('index of nil pointer');
        switch (kindOf(v)) {
            case 'slice': {
                const a = v;
                const x = indexArg(i, a.length);
                if (x === a.length)
                    throw new Error('reflect: slice index out of range');
                v = a[x];
                break;
            }
            case 'string': {
                const bytes = encodeGoString(v);
                const x = indexArg(i, bytes.length);
                if (x === bytes.length)
                    throw new Error('reflect: string index out of range');
                v = bytes[x];
                break;
            }
            case 'map': {
                const m = v;
                if (i === undefined || i === null)
                    throw new Error(`value is nil; should be of type ${mapKeyTypeName(m)}`);
                const want = mapKeyTypeName(m);
                if (m.size > 0 && typeName(i) !== want)
                    throw new Error(`value has type ${typeName(i)}; should be ${want}`);
                v = m.get(mapKey(m, i));
                break;
            }
            default:
                throw new Error(`can't index item of type ${typeName(v)}`);
        }
    }
    return v;
}
/** Finds the stored key equal to an int index (a Map compares 1 and 1n as different). */
function mapKey(m, k) {
    if (!isInt(k) || m.has(k))
        return k;
    const alt = typeof k === 'bigint' ? Number(k) : BigInt(k);
    return m.has(alt) ? alt : k;
}
function slice(item, indexes) {
    if (item === undefined || item === null)
        throw new Error('slice of untyped nil');
    if (indexes.length > 3)
        throw new Error(`too many slice indexes: ${indexes.length}`);
    const kind = kindOf(item);
    let len;
    let bytes;
    if (kind === 'string') {
        if (indexes.length === 3)
            throw new Error('cannot 3-index slice a string');
        bytes = encodeGoString(item);
        len = bytes.length;
    }
    else if (kind === 'slice') {
        len = item.length;
    }
    else {
        throw new Error(`can't slice item of type ${typeName(item)}`);
    }
    const idx = [0, len, len];
    indexes.forEach((i, n) => {
        // slice, unlike index, does not look inside a nil interface: it is an interface {}.
        if (i === null)
            throw new Error('cannot index slice/array with type interface {}');
        idx[n] = indexArg(i, len);
    });
    if (idx[0] > idx[1])
        throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
    if (indexes.length === 3 && idx[1] > idx[2])
        throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
    // Go slices the bytes: a cut inside a character leaves raw bytes (see gostring.ts).
    if (bytes !== undefined)
        return decodeGoString(bytes.subarray(idx[0], idx[1]));
    return item.slice(idx[0], idx[1]);
}
function intEq(a, b) {
    return typeof a === 'number' && typeof b === 'number' ? a === b : bigOf(a) === bigOf(b);
}
function basicKind(v) {
    const k = kindOf(v);
    return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : undefined;
}
/** Go's eq: arg1 == arg2 || arg1 == arg3 ...; basic kinds must match. */
function eq(a, others) {
    if (others.length === 0)
        throw new Error('missing argument for comparison');
    const k1 = basicKind(a);
    for (const b of others) {
        const k2 = basicKind(b);
        let truth;
        if (k1 !== k2) {
            if (a !== undefined && a !== null && b !== undefined && b !== null) {
                throw new Error('incompatible types for comparison');
            }
            truth = false;
        }
        else if (k1 === 'int')
            truth = intEq(a, b);
        else if (k1 === 'float')
            truth = floatOf(a) === floatOf(b);
        else if (k1 === 'string')
            truth = compareGoStrings(a, b) === 0;
        else if (k1 !== undefined)
            truth = a === b;
        else
            truth = eqNonBasic(a, b);
        if (truth)
            return true;
    }
    return false;
}
/** eq for non-basic values: nil equals nil; structs compare field by field; slices, maps
 * and funcs are not comparable. */
function eqNonBasic(a, b) {
    const ka = kindOf(a);
    const kb = kindOf(b);
    if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
        throw new Error(`non-comparable types ${sprintf('%s', [a])}: ${typeName(a)}, ${typeName(b)}: ${sprint([b])}`);
    }
    if (ka === 'invalid' || kb === 'invalid')
        return ka === kb;
    if (kb === 'slice' || kb === 'map' || kb === 'func') {
        throw new Error(`non-comparable type ${sprintf('%s', [b])}: ${typeName(b)}`);
    }
    return structEqual(a, b);
}
/** Go's == on structs: same type, every field equal; a slice or map field panics. */
function structEqual(a, b) {
    if (a === b)
        return true;
    if (typeName(a) !== typeName(b))
        return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length)
        return false;
    return keys.every((k) => valueEqual(a[k], b[k]));
}
function valueEqual(x, y) {
    const k = kindOf(x);
    if (k === 'slice' || k === 'map' || k === 'func') {
        throw new Error(`runtime error: comparing uncomparable type ${typeName(x)}`);
    }
    if (k !== kindOf(y))
        return false;
    if (k === 'int')
        return intEq(x, y);
    if (k === 'float')
        return floatOf(x) === floatOf(y);
    if (k === 'struct')
        return structEqual(x, y);
    return x === y || (k === 'invalid');
}
function lt(a, b) {
    const k1 = basicKind(a);
    const k2 = basicKind(b);
    if (k1 === undefined || k2 === undefined)
        throw new Error('invalid type for comparison');
    if (k1 !== k2)
        throw new Error('incompatible types for comparison');
    switch (k1) {
        case 'bool':
            throw new Error('invalid type for comparison');
        case 'int':
            return typeof a === 'number' && typeof b === 'number' ? a < b : bigOf(a) < bigOf(b);
        case 'float':
            return floatOf(a) < floatOf(b);
        default:
            return compareGoStrings(a, b) < 0; // bytewise, as Go
    }
}
/** fmt.Sprint of the arguments, with nil printed as `<no value>` (text/template's evalArgs). */
function evalArgs(args) {
    if (args.length === 1 && typeof args[0] === 'string')
        return args[0];
    return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}
const HTML_ESCAPES = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
function htmlEscape(s) {
    return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]);
}
const JS_ESCAPES = {
    '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D',
};
function jsEscape(s) {
    let out = '';
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        if (ch in JS_ESCAPES)
            out += JS_ESCAPES[ch];
        else if (rawByte(cp) !== undefined)
            out += ch; // Go decodes it as U+FFFD, printable: the byte stays
        else if (cp < 0x20)
            out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
        else if (cp >= 0x80 && !isPrint(cp))
            out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
        else
            out += ch;
    }
    return out;
}
/** net/url.QueryEscape */
function queryEscape(s) {
    let out = '';
    for (const b of encodeGoString(s)) {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c))
            out += c;
        else if (c === ' ')
            out += '+';
        else
            out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/template/lex.js
// The lexer: Go's text/template state-function lexer. Each call to nextItem runs state
// functions until one emits an item; positions are string indexes, lines count from 1.


const KEYWORDS = new Map([
    ['.', 'dot'], ['block', 'block'], ['break', 'break'], ['continue', 'continue'], ['define', 'define'],
    ['else', 'else'], ['end', 'end'], ['if', 'if'], ['range', 'range'], ['nil', 'nil'],
    ['template', 'template'], ['with', 'with'],
]);
const KEYWORD_TYPES = new Set(KEYWORDS.values());
/** An item as Go's parser quotes it in messages: `EOF`, `<if>`, `"abc"`, `"0123456789"...`. */
function itemString(i) {
    if (i.typ === 'eof')
        return 'EOF';
    if (i.typ === 'error')
        return i.val;
    if (KEYWORD_TYPES.has(i.typ))
        return `<${i.val}>`;
    const chars = [...i.val];
    if (chars.length > 10)
        return `${strconv_quote(chars.slice(0, 10).join(''))}...`;
    return strconv_quote(i.val);
}
const LEFT = '{{';
const RIGHT = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM = '-';
const EOF = -1;
function lex_isSpace(r) {
    return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}
const ALNUM = /[\p{L}\p{Nd}_]/u;
function isAlphaNumeric(r) {
    if (r < 0)
        return false;
    if (r < 0x80) {
        return r === 0x5f || (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
    }
    return ALNUM.test(String.fromCodePoint(r));
}
function hasLeftTrimMarker(s, i) {
    return s[i] === TRIM && i + 1 < s.length && lex_isSpace(s.charCodeAt(i + 1));
}
function hasRightTrimMarker(s, i) {
    return i + 1 < s.length && lex_isSpace(s.charCodeAt(i)) && s[i + 1] === TRIM;
}
function countNewlines(s, from, to) {
    let n = 0;
    for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1))
        n++;
    return n;
}
class Lexer {
    input;
    pos = 0;
    start = 0;
    atEOF = false;
    parenDepth = 0;
    line = 1;
    startLine = 1;
    insideAction = false;
    item = { typ: 'eof', pos: 0, val: 'EOF', line: 1 };
    constructor(input) {
        this.input = input;
    }
    /** The next item; after EOF or an error it keeps returning EOF. */
    nextItem() {
        this.item = { typ: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
        let state = this.insideAction ? lexInsideAction : lexText;
        while (state !== null)
            state = state(this);
        return this.item;
    }
    next() {
        if (this.pos >= this.input.length) {
            this.atEOF = true;
            return EOF;
        }
        const r = this.input.codePointAt(this.pos);
        this.pos += r > 0xffff ? 2 : 1;
        if (r === 0x0a)
            this.line++;
        return r;
    }
    peek() {
        const r = this.next();
        this.backup();
        return r;
    }
    backup() {
        if (!this.atEOF && this.pos > 0) {
            const c = this.input.charCodeAt(this.pos - 1);
            const hi = this.pos > 1 ? this.input.charCodeAt(this.pos - 2) : 0;
            // Step over a whole surrogate pair; a lone low surrogate (a raw byte) is one rune.
            this.pos -= c >= 0xdc00 && c <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? 2 : 1;
            if (c === 0x0a)
                this.line--;
        }
        this.atEOF = false;
    }
    thisItem(typ) {
        const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
        this.start = this.pos;
        this.startLine = this.line;
        return i;
    }
    emit(typ) {
        this.item = this.thisItem(typ);
        return null;
    }
    emitItem(i) {
        this.item = i;
        return null;
    }
    ignore() {
        this.line += countNewlines(this.input, this.start, this.pos);
        this.start = this.pos;
        this.startLine = this.line;
    }
    accept(valid) {
        const r = this.next();
        if (r >= 0 && valid.includes(String.fromCodePoint(r)))
            return true;
        this.backup();
        return false;
    }
    acceptRun(valid) {
        for (;;) {
            const r = this.next();
            if (r < 0 || !valid.includes(String.fromCodePoint(r)))
                break;
        }
        this.backup();
    }
    /** Emits an error item and ends the scan. */
    errorf(message) {
        this.item = { typ: 'error', pos: this.start, val: message, line: this.startLine };
        this.start = 0;
        this.pos = 0;
        this.input = '';
        return null;
    }
    atRightDelim() {
        if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) {
            return { delim: true, trim: true };
        }
        return { delim: this.input.startsWith(RIGHT, this.pos), trim: false };
    }
    /** Whether the next char can end a word: space, `.,|:()`, EOF or the right delimiter. */
    atTerminator() {
        const r = this.peek();
        if (lex_isSpace(r))
            return true;
        if (r === EOF || r === 0x2e || r === 0x2c || r === 0x7c || r === 0x3a || r === 0x29 || r === 0x28)
            return true;
        return this.input.startsWith(RIGHT, this.pos);
    }
    scanNumber() {
        this.accept('+-');
        let digits = '0123456789_';
        if (this.accept('0')) {
            if (this.accept('xX'))
                digits = '0123456789abcdefABCDEF_';
            else if (this.accept('oO'))
                digits = '01234567_';
            else if (this.accept('bB'))
                digits = '01_';
        }
        this.acceptRun(digits);
        if (this.accept('.'))
            this.acceptRun(digits);
        if (digits.length === 11 && this.accept('eE')) {
            this.accept('+-');
            this.acceptRun('0123456789_');
        }
        if (digits.length === 23 && this.accept('pP')) {
            this.accept('+-');
            this.acceptRun('0123456789_');
        }
        this.accept('i');
        if (isAlphaNumeric(this.peek())) {
            this.next();
            return false;
        }
        return true;
    }
}
/** `U+0023 '#'`, as Go's %#U prints a rune. */
function describeRune(r) {
    if (rawByte(r) !== undefined)
        r = 0xfffd; // Go decodes an invalid byte as utf8.RuneError
    const hex = r.toString(16).toUpperCase().padStart(4, '0');
    return isPrint(r) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}
function rightTrimLength(s, end, start) {
    let i = end;
    while (i > start && lex_isSpace(s.charCodeAt(i - 1)))
        i--;
    return end - i;
}
function leftTrimLength(s, from) {
    let i = from;
    while (i < s.length && lex_isSpace(s.charCodeAt(i)))
        i++;
    return i - from;
}
function lexText(l) {
    const x = l.input.indexOf(LEFT, l.pos);
    if (x >= 0) {
        if (x > l.pos) {
            l.pos = x;
            const trimLength = hasLeftTrimMarker(l.input, x + LEFT.length) ? rightTrimLength(l.input, x, l.start) : 0;
            l.pos -= trimLength;
            l.line += countNewlines(l.input, l.start, l.pos);
            const i = l.thisItem('text');
            l.pos += trimLength;
            l.ignore();
            if (i.val.length > 0)
                return l.emitItem(i);
        }
        return lexLeftDelim;
    }
    l.pos = l.input.length;
    if (l.pos > l.start) {
        l.line += countNewlines(l.input, l.start, l.pos);
        return l.emit('text');
    }
    return l.emit('eof');
}
function lexLeftDelim(l) {
    l.pos += LEFT.length;
    const trim = hasLeftTrimMarker(l.input, l.pos);
    const afterMarker = trim ? 2 : 0;
    if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
        l.pos += afterMarker;
        l.ignore();
        return lexComment;
    }
    const i = l.thisItem('leftDelim');
    l.insideAction = true;
    l.pos += afterMarker;
    l.ignore();
    l.parenDepth = 0;
    return l.emitItem(i);
}
function lexComment(l) {
    l.pos += LEFT_COMMENT.length;
    const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
    if (x < 0)
        return l.errorf('unclosed comment');
    l.pos = x + RIGHT_COMMENT.length;
    const { delim, trim } = l.atRightDelim();
    if (!delim)
        return l.errorf('comment ends before closing delimiter');
    if (trim)
        l.pos += 2;
    l.pos += RIGHT.length;
    if (trim)
        l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
    return lexText; // comments are not kept in the tree
}
function lexRightDelim(l) {
    const { trim } = l.atRightDelim();
    if (trim) {
        l.pos += 2;
        l.ignore();
    }
    l.pos += RIGHT.length;
    const i = l.thisItem('rightDelim');
    if (trim) {
        l.pos += leftTrimLength(l.input, l.pos);
        l.ignore();
    }
    l.insideAction = false;
    return l.emitItem(i);
}
function lexInsideAction(l) {
    const { delim } = l.atRightDelim();
    if (delim) {
        if (l.parenDepth === 0)
            return lexRightDelim;
        return l.errorf('unclosed left paren');
    }
    const r = l.next();
    switch (true) {
        case r === EOF:
            return l.errorf('unclosed action');
        case lex_isSpace(r):
            l.backup();
            return lexSpace;
        case r === 0x3d: // =
            return l.emit('assign');
        case r === 0x3a: // :
            if (l.next() !== 0x3d)
                return l.errorf('expected :=');
            return l.emit('declare');
        case r === 0x7c: // |
            return l.emit('pipe');
        case r === 0x22: // "
            return lexQuote;
        case r === 0x60: // `
            return lexRawQuote;
        case r === 0x24: // $
            return lexVariable;
        case r === 0x27: // '
            return lexChar;
        case r === 0x2e: {
            // '.': a field unless a digit follows (then it starts a number)
            const c = l.input.charCodeAt(l.pos);
            if (l.pos < l.input.length && (c < 0x30 || c > 0x39))
                return lexField;
            l.backup();
            return lexNumber;
        }
        case r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39):
            l.backup();
            return lexNumber;
        case isAlphaNumeric(r):
            l.backup();
            return lexIdentifier;
        case r === 0x28:
            l.parenDepth++;
            return l.emit('leftParen');
        case r === 0x29:
            l.parenDepth--;
            if (l.parenDepth < 0)
                return l.errorf('unexpected right paren');
            return l.emit('rightParen');
        case r < 0x80 && r >= 0x20 && r < 0x7f:
            return l.emit('char');
        default:
            return l.errorf(`unrecognized character in action: ${describeRune(r)}`);
    }
}
function lexSpace(l) {
    let numSpaces = 0;
    while (lex_isSpace(l.peek())) {
        l.next();
        numSpaces++;
    }
    // A space before "-}}" belongs to the trim marker.
    if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(RIGHT, l.pos + 1)) {
        l.backup();
        if (numSpaces === 1)
            return lexInsideAction;
    }
    return l.emit('space');
}
function lexIdentifier(l) {
    for (;;) {
        const r = l.next();
        if (isAlphaNumeric(r))
            continue;
        l.backup();
        const word = l.input.slice(l.start, l.pos);
        if (!l.atTerminator())
            return l.errorf(`bad character ${describeRune(r)}`);
        const kw = KEYWORDS.get(word);
        if (kw !== undefined && kw !== 'dot')
            return l.emit(kw);
        if (word[0] === '.')
            return l.emit('field');
        if (word === 'true' || word === 'false')
            return l.emit('bool');
        return l.emit('identifier');
    }
}
function lexField(l) {
    return lexFieldOrVariable(l, 'field');
}
function lexVariable(l) {
    if (l.atTerminator())
        return l.emit('variable'); // just "$"
    return lexFieldOrVariable(l, 'variable');
}
function lexFieldOrVariable(l, typ) {
    if (l.atTerminator())
        return l.emit(typ === 'variable' ? 'variable' : 'dot');
    let r;
    for (;;) {
        r = l.next();
        if (!isAlphaNumeric(r)) {
            l.backup();
            break;
        }
    }
    if (!l.atTerminator())
        return l.errorf(`bad character ${describeRune(r)}`);
    return l.emit(typ);
}
function lexChar(l) {
    for (;;) {
        let r = l.next();
        if (r === 0x5c) {
            r = l.next();
            if (r !== EOF && r !== 0x0a)
                continue;
        }
        if (r === EOF || r === 0x0a)
            return l.errorf('unterminated character constant');
        if (r === 0x27)
            return l.emit('charConstant');
    }
}
function lexNumber(l) {
    if (!l.scanNumber())
        return l.errorf(`bad number syntax: ${strconv_quote(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 0x2b || sign === 0x2d) {
        // Complex: 1+2i. No spaces, must end in 'i'.
        if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') {
            return l.errorf(`bad number syntax: ${strconv_quote(l.input.slice(l.start, l.pos))}`);
        }
        return l.emit('complex');
    }
    return l.emit('number');
}
function lexQuote(l) {
    for (;;) {
        let r = l.next();
        if (r === 0x5c) {
            r = l.next();
            if (r !== EOF && r !== 0x0a)
                continue;
        }
        if (r === EOF || r === 0x0a)
            return l.errorf('unterminated quoted string');
        if (r === 0x22)
            return l.emit('string');
    }
}
function lexRawQuote(l) {
    for (;;) {
        const r = l.next();
        if (r === EOF)
            return l.errorf('unterminated raw quoted string');
        if (r === 0x60)
            return l.emit('rawString');
    }
}
/** All items of a text, up to and including EOF or the first error (for tests and tools). */
function lexAll(text) {
    const l = new Lexer(text);
    const items = [];
    for (;;) {
        const i = l.nextItem();
        items.push(i);
        if (i.typ === 'eof' || i.typ === 'error')
            return items;
    }
}

;// CONCATENATED MODULE: ./lib/template/parse.js
// The parser: Go's recursive-descent text/template parser, with its three-token lookahead,
// its checks (functions must exist, variables must be declared, break/continue only inside
// range) and its error texts (`template: NAME:LINE: message`).





/** Nesting limit for parenthesised expressions (Go: 10000; lower here for the JS stack). */
const MAX_PAREN_DEPTH = 1000;
/** Parses `text` as template `name`; returns every tree it defines (name → root list). */
function parse(name, text, hasFunction) {
    const treeSet = new Map();
    const t = new Tree(name, name, text, new Lexer(text), treeSet, hasFunction);
    t.parse();
    t.add();
    const out = new Map();
    for (const [n, tree] of treeSet)
        out.set(n, tree.root);
    return out;
}
const EOF_ITEM = { typ: 'eof', pos: 0, val: '', line: 0 };
class Tree {
    name;
    root = { type: 'list', pos: 0, nodes: [] };
    parseName;
    text;
    lex;
    treeSet;
    hasFunction;
    token = [EOF_ITEM, EOF_ITEM, EOF_ITEM];
    peekCount = 0;
    vars = ['$'];
    actionLine = 0;
    rangeDepth = 0;
    parenDepth = 0;
    constructor(name, parseName, text, lex, treeSet, hasFunction) {
        this.name = name;
        this.parseName = parseName;
        this.text = text;
        this.lex = lex;
        this.treeSet = treeSet;
        this.hasFunction = hasFunction;
    }
    // --- token stream with lookahead ---
    next() {
        if (this.peekCount > 0)
            this.peekCount--;
        else
            this.token[0] = this.lex.nextItem();
        return this.token[this.peekCount];
    }
    backup() {
        this.peekCount++;
    }
    backup2(t1) {
        this.token[1] = t1;
        this.peekCount = 2;
    }
    backup3(t2, t1) {
        this.token[1] = t1;
        this.token[2] = t2;
        this.peekCount = 3;
    }
    peek() {
        if (this.peekCount > 0)
            return this.token[this.peekCount - 1];
        this.peekCount = 1;
        this.token[0] = this.lex.nextItem();
        return this.token[0];
    }
    nextNonSpace() {
        for (;;) {
            const t = this.next();
            if (t.typ !== 'space')
                return t;
        }
    }
    peekNonSpace() {
        const t = this.nextNonSpace();
        this.backup();
        return t;
    }
    // --- errors ---
    errorf(message) {
        const token = this.token[0];
        // Go's message has only the line; the column of the last token read goes in the field.
        const { col } = error_location(this.text, Math.min(token.pos, this.text.length));
        throw new TemplateError(`template: ${this.parseName}:${token.line}: ${message}`, {
            kind: 'parse', template: this.parseName, line: token.line, col,
        });
    }
    expect(expected, context) {
        const t = this.nextNonSpace();
        if (t.typ !== expected)
            this.unexpected(t, context);
        return t;
    }
    unexpected(token, context) {
        if (token.typ === 'error') {
            let extra = '';
            if (this.actionLine !== 0 && this.actionLine !== token.line) {
                extra = ` in action started at ${this.parseName}:${this.actionLine}`;
                if (token.val.endsWith(' action'))
                    extra = extra.slice(' in action'.length);
            }
            this.errorf(`${itemString(token)}${extra}`);
        }
        this.errorf(`unexpected ${itemString(token)} in ${context}`);
    }
    // --- trees ---
    add() {
        const tree = this.treeSet.get(this.name);
        if (tree === undefined || isEmptyTree(tree.root)) {
            this.treeSet.set(this.name, this);
            return;
        }
        if (!isEmptyTree(this.root))
            this.errorf(`template: multiple definition of template ${strconv_quote(this.name)}`);
    }
    child(name) {
        return new Tree(name, this.parseName, this.text, this.lex, this.treeSet, this.hasFunction);
    }
    /** The top level: items up to EOF, plus {{define}} blocks. */
    parse() {
        this.root = { type: 'list', pos: this.peek().pos, nodes: [] };
        while (this.peek().typ !== 'eof') {
            if (this.peek().typ === 'leftDelim') {
                const delim = this.next();
                if (this.nextNonSpace().typ === 'define') {
                    this.child('definition').parseDefinition();
                    continue;
                }
                this.backup2(delim);
            }
            const n = this.textOrAction();
            if (n.type === 'end' || n.type === 'else')
                this.errorf(`unexpected ${print(n)}`);
            this.root.nodes.push(n);
        }
    }
    parseDefinition() {
        const context = 'define clause';
        const name = this.nextNonSpace();
        if (name.typ !== 'string' && name.typ !== 'rawString')
            this.unexpected(name, context);
        this.name = this.unquote(name.val);
        this.expect('rightDelim', context);
        const [root, end] = this.itemList();
        if (end.type !== 'end')
            this.errorf(`unexpected ${print(end)} in ${context}`);
        this.root = root;
        this.add();
    }
    unquote(lit) {
        try {
            return unquote(lit);
        }
        catch (e) {
            return this.errorf(e.message);
        }
    }
    /** textOrAction* up to {{end}} or {{else}}, which is returned separately. */
    itemList() {
        const list = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
        while (this.peekNonSpace().typ !== 'eof') {
            const n = this.textOrAction();
            if (n.type === 'end' || n.type === 'else')
                return [list, n];
            list.nodes.push(n);
        }
        return this.errorf('unexpected EOF');
    }
    textOrAction() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case 'text':
                return { type: 'text', pos: token.pos, text: token.val };
            case 'leftDelim': {
                this.actionLine = token.line;
                const n = this.action();
                this.actionLine = 0;
                return n;
            }
            default:
                return this.unexpected(token, 'input');
        }
    }
    action() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case 'block': return this.blockControl();
            case 'break': return this.loopControl('break', token);
            case 'continue': return this.loopControl('continue', token);
            case 'else': return this.elseControl();
            case 'end': return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
            case 'if': return { type: 'if', ...this.parseControl('if') };
            case 'range': return { type: 'range', ...this.parseControl('range') };
            case 'template': return this.templateControl();
            case 'with': return { type: 'with', ...this.parseControl('with') };
        }
        this.backup();
        const t = this.peek();
        return { type: 'action', pos: t.pos, line: t.line, pipe: this.pipeline('command', 'rightDelim') };
    }
    loopControl(kind, at) {
        const token = this.nextNonSpace();
        if (token.typ !== 'rightDelim')
            this.unexpected(token, `{{${kind}}}`);
        if (this.rangeDepth === 0)
            this.errorf(`{{${kind}}} outside {{range}}`);
        return { type: kind, pos: at.pos, line: at.line };
    }
    /** declarations? command ('|' command)* */
    pipeline(context, end) {
        const start = this.peekNonSpace();
        const pipe = { type: 'pipe', pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
        decls: for (;;) {
            const v = this.peekNonSpace();
            if (v.typ !== 'variable')
                break;
            this.next();
            // "$x foo" vs "$x := foo": look past the space, keeping it to push back.
            const tokenAfterVariable = this.peek();
            const next = this.peekNonSpace();
            if (next.typ === 'assign' || next.typ === 'declare') {
                pipe.isAssign = next.typ === 'assign';
                this.nextNonSpace();
                pipe.decl.push(this.newVariable(v.pos, v.val));
                this.vars.push(v.val);
            }
            else if (next.typ === 'char' && next.val === ',') {
                this.nextNonSpace();
                pipe.decl.push(this.newVariable(v.pos, v.val));
                this.vars.push(v.val);
                if (context === 'range' && pipe.decl.length < 2) {
                    const t = this.peekNonSpace().typ;
                    if (t === 'variable' || t === 'rightDelim' || t === 'rightParen')
                        continue decls;
                    this.errorf('range can only initialize variables');
                }
                this.errorf(`too many declarations in ${context}`);
            }
            else if (tokenAfterVariable.typ === 'space') {
                this.backup3(v, tokenAfterVariable);
            }
            else {
                this.backup2(v);
            }
            break;
        }
        for (;;) {
            const token = this.nextNonSpace();
            switch (token.typ) {
                case end:
                    this.checkPipeline(pipe, context);
                    return pipe;
                case 'bool':
                case 'charConstant':
                case 'complex':
                case 'dot':
                case 'field':
                case 'identifier':
                case 'number':
                case 'nil':
                case 'rawString':
                case 'string':
                case 'variable':
                case 'leftParen':
                    this.backup();
                    pipe.cmds.push(this.command());
                    break;
                default:
                    this.unexpected(token, context);
            }
        }
    }
    checkPipeline(pipe, context) {
        if (pipe.cmds.length === 0)
            this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
            const t = c.args[0].type;
            if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
                this.errorf(`non executable command in pipeline stage ${i + 2}`);
            }
        });
    }
    parseControl(context) {
        const nvars = this.vars.length;
        const pipe = this.pipeline(context, 'rightDelim');
        if (context === 'range')
            this.rangeDepth++;
        let [list, next] = this.itemList();
        if (context === 'range')
            this.rangeDepth--;
        let elseList;
        if (next.type === 'else') {
            // {{else if x}} / {{else with x}} are {{else}}{{if x}}…{{end}} with the {{end}} implied.
            if ((context === 'if' && this.peek().typ === 'if') || (context === 'with' && this.peek().typ === 'with')) {
                this.next();
                const inner = { type: context, ...this.parseControl(context) };
                elseList = { type: 'list', pos: next.pos, nodes: [inner] };
            }
            else {
                [elseList, next] = this.itemList();
                if (next.type !== 'end')
                    this.errorf(`expected end; found ${print(next)}`);
            }
        }
        this.vars.length = nvars;
        return { pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    }
    elseControl() {
        const peek = this.peekNonSpace();
        if (peek.typ === 'if' || peek.typ === 'with')
            return { type: 'else', pos: peek.pos, line: peek.line };
        const token = this.expect('rightDelim', 'else');
        return { type: 'else', pos: token.pos, line: token.line };
    }
    blockControl() {
        const context = 'block clause';
        const token = this.nextNonSpace();
        const name = this.templateName(token, context);
        const pipe = this.pipeline(context, 'rightDelim');
        const block = this.child(name);
        const [root, end] = block.itemList();
        if (end.type !== 'end')
            this.errorf(`unexpected ${print(end)} in ${context}`);
        block.root = root;
        block.add();
        return { type: 'template', pos: token.pos, line: token.line, name, pipe };
    }
    templateControl() {
        const context = 'template clause';
        const token = this.nextNonSpace();
        const name = this.templateName(token, context);
        let pipe;
        if (this.nextNonSpace().typ !== 'rightDelim') {
            this.backup();
            pipe = this.pipeline(context, 'rightDelim');
        }
        return { type: 'template', pos: token.pos, line: token.line, name, pipe };
    }
    templateName(token, context) {
        if (token.typ !== 'string' && token.typ !== 'rawString')
            this.unexpected(token, context);
        return this.unquote(token.val);
    }
    /** operand (space operand)*, up to a pipe, right delimiter or right paren. */
    command() {
        const cmd = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
        for (;;) {
            this.peekNonSpace();
            const operand = this.operand();
            if (operand !== undefined)
                cmd.args.push(operand);
            const token = this.next();
            if (token.typ === 'space')
                continue;
            if (token.typ === 'rightDelim' || token.typ === 'rightParen')
                this.backup();
            else if (token.typ !== 'pipe')
                this.unexpected(token, 'operand');
            break;
        }
        if (cmd.args.length === 0)
            this.errorf('empty command');
        return cmd;
    }
    /** term .Field* */
    operand() {
        const node = this.term();
        if (node === undefined)
            return undefined;
        if (this.peek().typ !== 'field')
            return node;
        const chain = { type: 'chain', pos: this.peek().pos, node, field: [] };
        while (this.peek().typ === 'field')
            chain.field.push(this.next().val.slice(1));
        switch (node.type) {
            case 'field':
                return { type: 'field', pos: chain.pos, ident: [...node.ident, ...chain.field] };
            case 'variable':
                return { type: 'variable', pos: chain.pos, ident: [...node.ident, ...chain.field] };
            case 'bool':
            case 'string':
            case 'number':
            case 'nil':
            case 'dot':
                return this.errorf(`unexpected . after term ${strconv_quote(print(node))}`);
            default:
                return chain;
        }
    }
    term() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case 'identifier':
                if (!this.hasFunction(token.val))
                    this.errorf(`function ${strconv_quote(token.val)} not defined`);
                return { type: 'identifier', pos: token.pos, ident: token.val };
            case 'dot':
                return { type: 'dot', pos: token.pos };
            case 'nil':
                return { type: 'nil', pos: token.pos };
            case 'variable':
                return this.useVar(token.pos, token.val);
            case 'field':
                return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
            case 'bool':
                return { type: 'bool', pos: token.pos, value: token.val === 'true' };
            case 'charConstant':
            case 'complex':
            case 'number':
                return this.newNumber(token);
            case 'leftParen': {
                if (this.parenDepth >= MAX_PAREN_DEPTH)
                    this.errorf('max expression depth exceeded');
                this.parenDepth++;
                const pipe = this.pipeline('parenthesized pipeline', 'rightParen');
                this.parenDepth--;
                return pipe;
            }
            case 'string':
            case 'rawString':
                return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token.val) };
        }
        this.backup();
        return undefined;
    }
    newNumber(token) {
        const base = { type: 'number', pos: token.pos, text: token.val };
        if (token.typ === 'charConstant') {
            let r;
            try {
                r = unquoteChar(token.val, 1, "'");
            }
            catch (e) {
                return this.errorf(e.message);
            }
            if (token.val.slice(r.next) !== "'")
                this.errorf(`malformed character constant: ${token.val}`);
            return { ...base, isInt: true, isUint: true, isFloat: true, int: r.value, uint: BigInt(r.value), float: r.value };
        }
        if (token.typ === 'complex')
            this.errorf(`complex numbers are not supported: ${strconv_quote(token.val)}`);
        try {
            return { ...base, ...parseNumberLiteral(token.val) };
        }
        catch (e) {
            return this.errorf(e.message);
        }
    }
    newVariable(pos, name) {
        return { type: 'variable', pos, ident: name.split('.') };
    }
    useVar(pos, name) {
        const v = this.newVariable(pos, name);
        if (!this.vars.includes(v.ident[0]))
            this.errorf(`undefined variable ${strconv_quote(v.ident[0])}`);
        return v;
    }
}

;// CONCATENATED MODULE: ./lib/template/template.js
// A parsed template set: the trees of one text (the top-level template plus its
// {{define}}/{{block}} templates) and the functions it may call.





class Template {
    /** The name the text was parsed under; it names the top-level template. */
    name;
    /** The source text; error positions refer to it. */
    text;
    /** Template name → tree, for {{template}} lookups. */
    trees;
    /** User functions; they shadow the builtins of the same name. */
    funcs;
    resolved = new Map();
    constructor(name, text, trees, funcs) {
        this.name = name;
        this.text = text;
        this.trees = trees;
        this.funcs = funcs;
    }
    /** A function by name, and whether it is Go's builtin (and/or/call are evaluated specially). */
    findFunction(name) {
        let found = this.resolved.get(name);
        if (found === undefined) {
            const own = Object.hasOwn(this.funcs, name) ? this.funcs[name] : undefined;
            const b = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
            if (own !== undefined)
                found = { fn: own, builtin: false };
            else if (b !== undefined)
                found = { fn: b, builtin: true };
            else
                return undefined;
            this.resolved.set(name, found);
        }
        return found;
    }
}
/** Checks user functions as Go's Funcs does: valid identifiers, declared signatures. */
function checkFuncs(name, funcs) {
    for (const [fname, fn] of Object.entries(funcs)) {
        const fail = (why) => {
            throw new TemplateError(`template: ${name}: ${why}`, { kind: 'parse', template: name, line: 0, col: 0 });
        };
        if (!isGoodFuncName(fname))
            fail(`function name ${strconv_quote(fname)} is not a valid identifier`);
        if (!(fn instanceof GoFunc))
            fail(`value for ${fname} not a function`);
    }
}
/**
 * Parses `text` as template `name` with Go's text/template syntax. Functions are checked at
 * parse time: calling one that is neither a builtin nor in `funcs` is a parse error.
 */
function parseTemplate(name, text, funcs = {}) {
    checkFuncs(name, funcs);
    const has = (fname) => Object.hasOwn(funcs, fname) || Object.hasOwn(builtins, fname);
    let trees;
    try {
        trees = parse(name, text, has);
    }
    catch (e) {
        if (!(e instanceof RangeError && /call stack/i.test(e.message)))
            throw e;
        throw new TemplateError(`template: ${name}: nesting too deep: the stack ran out`, { kind: 'parse', template: name, line: 0, col: 0 });
    }
    return new Template(name, text, trees, funcs);
}

;// CONCATENATED MODULE: ./lib/template/redact.js
// Template error texts quote the values they failed on (`strconv.Atoi: parsing "…"`, %q): when a value
// came from a secret, the error must not carry it. Each secret is replaced by [secret], raw and in the
// quoted forms Go writes it in.

const REDACTED = '[secret]';
/** Shorter values are replaced only as a whole quoted value: in free text, "[secret]" in place of every "e" would spell the secret out. */
const MIN_FREE_TEXT = 4;
function redactSecrets(text, secrets) {
    const forms = new Set();
    for (const s of secrets) {
        if (s === '')
            continue;
        for (const q of [strconv_quote(s), quoteASCII(s)]) {
            forms.add(q);
            if (s.length >= MIN_FREE_TEXT)
                forms.add(q.slice(1, -1));
        }
        if (s.length >= MIN_FREE_TEXT)
            forms.add(s);
    }
    // longest first: a secret that contains another is replaced whole
    let out = text;
    for (const f of [...forms].sort((a, b) => b.length - a.length)) {
        out = out.split(f).join(f.startsWith('"') ? `"${REDACTED}"` : REDACTED);
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/template/index.js
// Public API of the Go text/template engine used for maand's `.tpl` files.
//
//   const tpl = parseTemplate('config.json.tpl', text, maandFuncs({ job, kv }));  // throws TemplateError
//   const out = render(tpl, data);                                                 // throws TemplateError
//
// Values: see value.ts (ints are integral numbers or bigints, floats GoFloat, maps Map,
// structs plain objects). Functions: see func.ts (goFunc declares parameter kinds).










/**
 * Executes the template over `data` and returns the whole output (never a partial one).
 * Raw bytes Go would write (`{{slice "é" 0 1}}`) are surrogate escapes (see gostring.ts):
 * write the output with `renderBytes`, or `encodeGoString`, to get Go's exact bytes.
 */
function render(tpl, data) {
    return canonicalGoString(execute(tpl, data));
}
/** The output as the bytes Go writes: a raw byte is written as itself. */
function renderBytes(tpl, data) {
    return encodeGoString(execute(tpl, data));
}

;// CONCATENATED MODULE: ./lib/build/prometheus.js
// Build step 11: the Prometheus catalog in KV maand/prometheus (§8.13). Only meaningful when some job
// ships prometheus.yml(.tpl); then every job's _prometheus/ content is validated and collected.









const SD_KEYS = [
    'kubernetes_sd_configs', 'dns_sd_configs', 'file_sd_configs', 'consul_sd_configs', 'ecs_sd_configs', 'ec2_sd_configs',
    'openstack_sd_configs', 'azure_sd_configs', 'gce_sd_configs', 'hetzner_sd_configs', 'ionos_sd_configs', 'linode_sd_configs',
    'digitalocean_sd_configs', 'docker_sd_configs', 'dockerswarm_sd_configs', 'eureka_sd_configs', 'http_sd_configs', 'kuma_sd_configs',
    'marathon_sd_configs', 'nerve_sd_configs', 'serverset_sd_configs', 'triton_sd_configs', 'uyuni_sd_configs',
];
function prometheus_invalid(detail) {
    return new errors/* MaandError */.Ob('invalid job', detail);
}
function buildPrometheusCatalog(ctx, renderScrape) {
    const dirOf = (job) => (0,external_node_path_.join)(ctx.paths.jobsDir, job);
    const hasServer = ctx.jobs.some((j) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dirOf(j), 'prometheus.yml')) || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dirOf(j), 'prometheus.yml.tpl')));
    if (!hasServer) {
        fullSync(ctx.kv, PROMETHEUS_NS, { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
        return;
    }
    const active = new Set(ctx.db.prepare('SELECT DISTINCT job FROM allocations WHERE removed = 0 AND disabled = 0').all().map((r) => r.job));
    const desired = {};
    const alertOwners = new Map();
    const jobNames = new Map();
    const scrapeJobs = [];
    const allItems = [];
    for (const job of ctx.jobs) {
        const dir = dirOf(job);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'prometheus.yml')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'prometheus.yml.tpl')))
            throw prometheus_invalid(`job ${job} cannot define both prometheus.yml and prometheus.yml.tpl`);
        const prom = (0,external_node_path_.join)(dir, '_prometheus');
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(prom, 'scrape.yaml')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(prom, 'scrape.yaml.tpl')))
            throw prometheus_invalid(`job ${job} cannot define both scrape.yaml and scrape.yaml.tpl`);
        const runbooks = new Set(regularFiles((0,external_node_path_.join)(prom, 'runbooks')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)));
        for (const f of regularFiles((0,external_node_path_.join)(prom, 'alerts')).filter((f) => /\.ya?ml$/.test(f)))
            validateAlerts(job, f, readText((0,external_node_path_.join)(prom, 'alerts', f), `workspace/jobs/${job}/_prometheus/alerts/${f}`), runbooks, alertOwners);
        let text;
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(prom, 'scrape.yaml.tpl'))) {
            const source = readText((0,external_node_path_.join)(prom, 'scrape.yaml.tpl'), `workspace/jobs/${job}/_prometheus/scrape.yaml.tpl`);
            try {
                text = renderScrape(job, source);
            }
            catch (e) {
                // the error may quote a secret the template read: it reaches logs, summaries and JSON
                throw prometheus_invalid(`job ${job} scrape.yaml.tpl: ${redactSecrets(e.message, ctx.kv.knownSecrets())}`);
            }
        }
        else if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(prom, 'scrape.yaml')))
            text = readText((0,external_node_path_.join)(prom, 'scrape.yaml'), `workspace/jobs/${job}/_prometheus/scrape.yaml`);
        if (text === undefined)
            continue;
        const items = parseScrapeItems(job, text);
        let usesPlaceholder = false;
        const ports = new Set(ctx.db.prepare('SELECT p.name AS name FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ?').all(job).map((r) => r.name));
        for (const item of items) {
            const name = item['job_name'] === 'maand:job' ? job : String(item['job_name']);
            const owner = jobNames.get(name);
            if (owner !== undefined)
                throw prometheus_invalid(`duplicate prometheus job_name ${quoted(name)} (jobs ${owner} and ${job})`);
            jobNames.set(name, job);
            for (const target of targetsOf(item)) {
                if (!target.startsWith('maand:port/'))
                    continue;
                usesPlaceholder = true;
                resolvePortName(job, target.slice('maand:port/'.length).split('/')[0], ports);
            }
        }
        const firstName = items[0]['job_name'] === 'maand:job' ? job : String(items[0]['job_name']);
        ctx.kv.put(jobNamespace(job), 'job_name', firstName);
        desired[`scrape/${job}`] = (0,go_json/* goJson */.Pl)(items);
        if (usesPlaceholder && !active.has(job))
            continue;
        scrapeJobs.push(job);
        allItems.push(...items);
    }
    desired['scrape_configs'] = (0,go_json/* goJson */.Pl)(allItems);
    desired['scrape_jobs'] = scrapeJobs.sort().join(',');
    desired['scrape_jobs_length'] = String(scrapeJobs.length);
    fullSync(ctx.kv, PROMETHEUS_NS, desired);
}
/** More values than any scrape config or rule file needs; aliases of aliases grow past it exponentially. */
const MAX_YAML_VALUES = 100_000;
function loadYaml(where, text) {
    let doc;
    try {
        doc = js_yaml/* default.load */.Ay.load(text);
    }
    catch (e) {
        throw prometheus_invalid(`${where}: ${e.message.split('\n')[0]}`);
    }
    if (exceedsValues(doc, MAX_YAML_VALUES))
        throw prometheus_invalid(`${where} expands to more than ${MAX_YAML_VALUES} values (YAML aliases repeat what they point to; write the values out)`);
    return doc;
}
/** True when walking `doc` (an alias counted each time it is used, as JSON output repeats it) visits more than `max` values. */
function exceedsValues(doc, max) {
    const stack = [doc];
    let seen = 0;
    while (stack.length > 0) {
        const v = stack.pop();
        if (++seen > max)
            return true;
        if (Array.isArray(v))
            stack.push(...v);
        else if (v !== null && typeof v === 'object')
            stack.push(...Object.values(v));
    }
    return false;
}
function regularFiles(dir) {
    if (!(0,external_node_fs_.existsSync)(dir))
        return [];
    return (0,external_node_fs_.readdirSync)(dir).filter((f) => (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, f)).isFile()).sort();
}
function parseScrapeItems(job, text) {
    if (text.trim() === '')
        throw prometheus_invalid(`job ${job} scrape config is empty`);
    const doc = loadYaml(`job ${job} scrape config`, text);
    if (!Array.isArray(doc) || doc.length === 0)
        throw prometheus_invalid(`job ${job} scrape config must be a non-empty YAML list of scrape configs`);
    return doc.map((item, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item))
            throw prometheus_invalid(`job ${job} scrape config item ${i} must be a mapping`);
        const rec = item;
        const sd = SD_KEYS.find((k) => k in rec);
        if (sd)
            throw prometheus_invalid(`job ${job} scrape config item ${i} uses ${sd}; maand provides targets with static_configs and maand:port/<port> placeholders`);
        if (typeof rec['job_name'] !== 'string' || rec['job_name'].trim() === '')
            throw prometheus_invalid(`job ${job} scrape config item ${i} needs a job_name`);
        return rec;
    });
}
function targetsOf(item) {
    const out = [];
    const statics = item['static_configs'];
    if (!Array.isArray(statics))
        return out;
    for (const s of statics) {
        const t = s?.['targets'];
        if (Array.isArray(t))
            for (const x of t)
                if (typeof x === 'string')
                    out.push(x);
    }
    return out;
}
function resolvePortName(job, port, ports) {
    if (port === '_implicit') {
        if (ports.has(`${job}_metrics_port`))
            return `${job}_metrics_port`;
        if (ports.has('metrics_port'))
            return 'metrics_port';
        const cands = [...ports].filter((p) => p.endsWith('_metrics_port'));
        if (cands.length !== 1)
            throw prometheus_invalid(`job ${job} maand:port/_implicit needs exactly one port named ${job}_metrics_port, metrics_port or *_metrics_port (found ${cands.length})`);
        return cands[0];
    }
    if (!ports.has(port))
        throw prometheus_invalid(`job ${job} scrape target port ${quoted(port)} is not declared in resources.ports`);
    return port;
}
function validateAlerts(job, file, text, runbooks, owners) {
    const where = `job ${job} alerts/${file}`;
    if (text.trim() === '')
        throw prometheus_invalid(`${where} is empty`);
    const doc = loadYaml(where, text);
    const groups = doc?.['groups'];
    if (!Array.isArray(groups) || groups.length === 0)
        throw prometheus_invalid(`${where} needs a non-empty groups list`);
    for (const g of groups) {
        if (typeof g?.['name'] !== 'string' || g['name'].trim() === '')
            throw prometheus_invalid(`${where}: every group needs a name`);
        for (const r of (Array.isArray(g['rules']) ? g['rules'] : [])) {
            const alert = typeof r?.['alert'] === 'string' ? r['alert'].trim() : '';
            const record = typeof r?.['record'] === 'string' ? r['record'].trim() : '';
            if ((alert === '') === (record === ''))
                throw prometheus_invalid(`${where}: every rule needs exactly one of alert or record`);
            if (typeof r['expr'] !== 'string' && typeof r['expr'] !== 'number')
                throw prometheus_invalid(`${where}: rule ${alert || record} needs an expr`);
            if (String(r['expr']).trim() === '')
                throw prometheus_invalid(`${where}: rule ${alert || record} needs an expr`);
            if (alert === '')
                continue;
            const runbook = r['annotations']?.['runbook'];
            if (typeof runbook === 'string' && runbook !== '' && !runbooks.has(runbook))
                throw prometheus_invalid(`${where}: alert ${alert} references missing runbook ${runbook} (add _prometheus/runbooks/${runbook}.md)`);
            const owner = owners.get(alert);
            if (owner !== undefined)
                throw prometheus_invalid(`duplicate alert name ${quoted(alert)} (jobs ${owner} and ${job})`);
            owners.set(alert, job);
        }
    }
}

;// CONCATENATED MODULE: ./lib/build/scrape-template.js
// Build-time rendering of `_prometheus/scrape.yaml.tpl` (kv spec §2.9): one render per job with the
// job-level dot, the smaller function set and read set, over the KV of the build in progress.



function scrapeRenderer(ctx) {
    return (job, text) => {
        const allowed = new Set(scrapeTemplateNamespaces(job, upstreamJobs(ctx.db, job)));
        const check = (ns) => {
            if (!allowed.has(ns))
                throw namespaceNotAvailable(ns, `${job} scrape template`);
        };
        const kv = {
            get(ns, key) {
                check(ns);
                return readPlain(ctx.kv, ns, key);
            },
            keys(ns) {
                check(ns);
                return ctx.kv.keys(ns);
            },
        };
        const version = normalizedVersion(ctx.manifests.get(job)?.version);
        const tpl = parseTemplate('scrape.yaml.tpl', text, scrapeTemplateFuncs({ job, kv }));
        return render(tpl, { Job: job, CurrentVersion: version, NewVersion: version });
    };
}

;// CONCATENATED MODULE: ./lib/build/capacity.js
// Build step 14: per-worker memory/CPU capacity over active allocations (§8.12).


function checkCapacity(db) {
    const rows = db
        .prepare(`SELECT a.worker_ip AS ip, j.current_memory_mb AS mem, j.current_cpu_mhz AS cpu, w.available_memory_mb AS wmem, w.available_cpu_mhz AS wcpu
       FROM allocations a JOIN job j ON j.name = a.job JOIN worker w ON w.worker_ip = a.worker_ip
       WHERE a.removed = 0 AND a.disabled = 0 ORDER BY a.worker_ip`)
        .all();
    const per = new Map();
    for (const r of rows) {
        const p = per.get(r.ip) ?? { mem: 0, cpu: 0, wmem: Number(r.wmem), wcpu: Number(r.wcpu) };
        p.mem += Number(r.mem);
        p.cpu += Number(r.cpu);
        per.set(r.ip, p);
    }
    const lines = [];
    for (const ip of [...per.keys()].sort()) {
        const p = per.get(ip);
        if (p.mem > 0 && p.wmem <= 0)
            lines.push(`worker_ip ${ip} must specify memory in workers.json (allocated jobs require ${goFixed2(p.mem)} MB)`);
        else if (p.mem > 0 && p.wmem < p.mem)
            lines.push(`worker_ip ${ip}, available memory is ${goFixed2(p.wmem)} MB, required memory is ${goFixed2(p.mem)} MB`);
        if (p.cpu > 0 && p.wcpu <= 0)
            lines.push(`worker_ip ${ip} must specify cpu in workers.json (allocated jobs require ${goFixed2(p.cpu)} MHZ)`);
        else if (p.cpu > 0 && p.wcpu < p.cpu)
            lines.push(`worker_ip ${ip}, available cpu is ${goFixed2(p.wcpu)} MHZ, required cpu is ${goFixed2(p.cpu)} MHZ`);
    }
    if (lines.length > 0) {
        const e = new errors/* MaandError */.Ob('insufficient resource');
        e.message = `insufficient resource\n${lines.join('\n')}`;
        throw e;
    }
}

;// CONCATENATED MODULE: ./lib/hooks/catalog.js

/** Distinct command names `job` registers for `event`, sorted. */
function commandsFor(db, job, event) {
    const rows = db.prepare('SELECT DISTINCT name FROM job_commands WHERE job = ? AND executed_on = ?').all(job, event);
    return rows.map((r) => r.name).sort(go_json/* byteCompare */.U6);
}
function isRegistered(db, job, command, event) {
    return db.prepare('SELECT 1 FROM job_commands WHERE job = ? AND name = ? AND executed_on = ? LIMIT 1').get(job, command, event) !== undefined;
}
/** Jobs registering `command` for `event`, sorted (`maand jobcommand <command>` without a job). */
function jobsRegistering(db, command, event) {
    const rows = db.prepare('SELECT DISTINCT job FROM job_commands WHERE name = ? AND executed_on = ?').all(command, event);
    return rows.map((r) => r.job).sort(byteCompare);
}
/** Every allocation row of `job`, by worker position (workers gone from the catalog last), then IP. */
function jobAllocations(db, job) {
    const rows = db
        .prepare(`SELECT a.alloc_id AS alloc_id, a.worker_ip AS worker_ip, a.disabled AS disabled, a.removed AS removed, w.position AS position
       FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
       WHERE a.job = ? ORDER BY w.position IS NULL, w.position, a.worker_ip`)
        .all(job);
    return rows.map((r) => ({ allocId: r.alloc_id, workerIp: r.worker_ip, disabled: r.disabled === 1, removed: r.removed === 1, position: r.position }));
}
/** Workers of the job's active allocations (not removed, not disabled), position order: the default hook targets. */
function activeWorkers(db, job) {
    return jobAllocations(db, job).filter((a) => !a.removed && !a.disabled).map((a) => a.workerIp);
}
/** The runtime API's caller lookup: any job, any state, removed included. */
function allocationById(db, allocId) {
    const row = db.prepare('SELECT job, worker_ip FROM allocations WHERE alloc_id = ? LIMIT 1').get(allocId);
    return row === undefined ? undefined : { job: row.job, workerIp: row.worker_ip };
}
/** Downstream commands demanding `job`'s `command`: one row per registered event, sorted. */
function demandsOn(db, job, command) {
    const rows = db
        .prepare('SELECT job, name, executed_on, demand_config FROM job_commands WHERE demand_job = ? AND demand_command = ?')
        .all(job, command);
    return rows
        .map((r) => ({ job: r.job, command: r.name, event: r.executed_on, demandConfig: r.demand_config ?? '' }))
        .sort((a, b) => (0,go_json/* byteCompare */.U6)(a.job, b.job) || (0,go_json/* byteCompare */.U6)(a.command, b.command) || (0,go_json/* byteCompare */.U6)(a.event, b.event));
}
/** The job's stored files, parents before children. */
function jobFiles(db, job) {
    const rows = db
        .prepare('SELECT f.path AS path, f.content AS content, f.isdir AS isdir FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ?')
        .all(job);
    return rows
        .map((r) => ({ path: r.path, content: r.content ?? new Uint8Array(0), isdir: r.isdir === 1 }))
        .sort((a, b) => (0,go_json/* byteCompare */.U6)(a.path, b.path));
}
/** CURRENT_VERSION (promoted, `0.0.0` before the first promote) and NEW_VERSION (target). */
function allocationVersions(db, job, allocId) {
    const h = db.prepare('SELECT current_version FROM hash WHERE namespace = ? AND key = ?').get(`${job}_allocation`, allocId);
    const a = db.prepare('SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?').get(allocId, job);
    return { current: h?.current_version || '0.0.0', next: a?.new_version || '0.0.0' };
}
/**
 * The optional per-command timeout, `commands.<name>.timeout_seconds` in the job's manifest.json
 * (read from the catalog copy; the manifest decoder ignores the field). Positive numbers only.
 */
function commandTimeoutSeconds(db, job, command) {
    const row = db
        .prepare('SELECT f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.path = ?')
        .get(job, `${job}/manifest.json`);
    if (row?.content == null)
        return undefined;
    try {
        const doc = JSON.parse(Buffer.from(row.content).toString('utf8'));
        const t = doc.commands?.[command]?.timeout_seconds;
        return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : undefined;
    }
    catch {
        return undefined; // build already rejected invalid manifests
    }
}

;// CONCATENATED MODULE: ./lib/deploy/causes.js
// One cause, said once: at fleet size the same failure (a refused connection, a missing key) hits many
// workers and many jobs. These fold identical causes into one line naming everything they hit.
const SHOWN = 6;
/** `a, b, c and 21 more` */
function listNames(names) {
    const sorted = [...names].sort(compareNames);
    return sorted.length <= SHOWN ? sorted.join(', ') : `${sorted.slice(0, SHOWN).join(', ')} and ${sorted.length - SHOWN} more`;
}
/**
 * Per-worker errors → one line per distinct cause. An error that names its worker (`worker <ip> …`) is
 * compared with the worker's name taken out, so "worker 10.0.0.1 unreachable" on 24 workers is one line
 * `workers 10.0.0.1, … and 18 more: unreachable …`.
 */
function byCause(items) {
    const groups = new Map();
    for (const { worker, error } of items) {
        const cause = worker === '' ? error : error.split(worker).join('\u0000');
        const list = groups.get(cause) ?? [];
        if (!list.includes(worker))
            list.push(worker);
        groups.set(cause, list);
    }
    return [...groups].map(([cause, workers]) => {
        if (workers.length === 1)
            return cause.split('\u0000').join(workers[0]);
        const rest = cause.replace(/^worker \u0000:? ?/, '').split('\u0000').join('<worker>');
        return `workers ${listNames(workers)}: ${rest}`;
    });
}
/** `job <job>: <error>`, saying the job once when the error (a hook's) already starts with `job <job> `. */
function jobCause(job, error) {
    const own = `job ${job} `;
    const text = error ?? 'failed';
    return `job ${job}: ${text.startsWith(own) ? text.slice(own.length) : text}`;
}
/** `job <name>: <cause>` lines → one line per distinct cause, `jobs a, b: <cause>` when several share it. */
function jobsByCause(lines) {
    const groups = new Map();
    const order = [];
    for (const line of lines) {
        const m = /^job (\S+): ([\s\S]*)$/.exec(line);
        const key = m ? m[2] : line;
        if (!groups.has(key))
            order.push(key);
        const jobs = groups.get(key) ?? [];
        if (m)
            jobs.push(m[1]);
        groups.set(key, jobs);
    }
    return order.map((cause) => {
        const jobs = groups.get(cause);
        if (jobs.length === 0)
            return cause;
        return jobs.length === 1 ? `job ${jobs[0]}: ${cause}` : `jobs ${listNames(jobs)}: ${cause}`;
    });
}
/** Dotted IPv4 addresses in numeric order, everything else by text. */
function compareNames(a, b) {
    const na = /^\d+\.\d+\.\d+\.\d+$/.test(a) ? a.split('.').map(Number) : undefined;
    const nb = /^\d+\.\d+\.\d+\.\d+$/.test(b) ? b.split('.').map(Number) : undefined;
    if (na && nb) {
        for (let i = 0; i < 4; i++)
            if (na[i] !== nb[i])
                return na[i] - nb[i];
        return 0;
    }
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./lib/hooks/output.js
// Hook output in bounded memory: a splitter turns byte chunks into lines (a line longer than
// MAX_LINE_BYTES is cut into pieces instead of growing without bound — the reference hangs on
// such lines, spec kv §8 item 21) and a tail keeps only the last N bytes for the result.
const MAX_LINE_BYTES = 64 * 1024;
const DEFAULT_TAIL_BYTES = 64 * 1024;
class LineSplitter {
    #pending = [];
    #pendingBytes = 0;
    #emit;
    #maxLine;
    constructor(emit, maxLine = MAX_LINE_BYTES) {
        this.#emit = emit;
        this.#maxLine = maxLine;
    }
    push(chunk) {
        let start = 0;
        for (;;) {
            const nl = chunk.indexOf(0x0a, start);
            if (nl < 0)
                break;
            this.#add(chunk.subarray(start, nl));
            this.#flush(true);
            start = nl + 1;
        }
        if (start < chunk.length)
            this.#add(chunk.subarray(start));
    }
    /** Emits a last line without newline, if any. */
    end() {
        if (this.#pendingBytes > 0)
            this.#flush(true);
    }
    #add(part) {
        while (part.length > 0) {
            const room = this.#maxLine - this.#pendingBytes;
            this.#pending.push(part.subarray(0, room));
            this.#pendingBytes += Math.min(room, part.length);
            part = part.subarray(room);
            if (this.#pendingBytes >= this.#maxLine)
                this.#flush(false);
        }
    }
    #flush(complete) {
        let text = Buffer.concat(this.#pending).toString('utf8');
        this.#pending = [];
        this.#pendingBytes = 0;
        if (complete && text.endsWith('\r'))
            text = text.slice(0, -1);
        this.#emit(text);
    }
}
/** The last `limit` bytes (roughly; counted in UTF-16 units) of a line sequence. */
class OutputTail {
    #lines = [];
    #size = 0;
    #dropped = false;
    #limit;
    constructor(limit = DEFAULT_TAIL_BYTES) {
        this.#limit = Math.max(0, limit);
    }
    add(line) {
        this.#lines.push(line);
        this.#size += line.length + 1;
        while (this.#size > this.#limit && this.#lines.length > 1) {
            this.#size -= this.#lines.shift().length + 1;
            this.#dropped = true;
        }
        if (this.#size > this.#limit) {
            const last = this.#lines[0];
            this.#lines[0] = last.slice(last.length - this.#limit);
            this.#size = this.#lines[0].length + 1;
            this.#dropped = true;
        }
    }
    text() {
        return (this.#dropped ? '[… earlier output dropped]\n' : '') + this.#lines.join('\n');
    }
}

;// CONCATENATED MODULE: ./lib/hooks/child.js
// One local child process with streamed output, an optional timeout and cancellation. The child
// leads its own process group, so a timeout or cancel reaches the interpreter and whatever it
// started (SIGTERM, then SIGKILL after a grace period).


/** After the child exits, how long to wait for descendants still holding its pipes. */
const PIPE_DRAIN_MS = 2000;
function runChild(spec) {
    return new Promise((resolve) => {
        let timedOut = false;
        let cancelled = false;
        let settled = false;
        const timers = [];
        const child = (0,external_node_child_process_.spawn)(spec.program, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = new LineSplitter((t) => spec.onLine('stdout', t));
        const err = new LineSplitter((t) => spec.onLine('stderr', t));
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        const finish = (o) => {
            if (settled)
                return;
            settled = true;
            for (const t of timers)
                clearTimeout(t);
            spec.signal?.removeEventListener('abort', onAbort);
            out.end();
            err.end();
            resolve({ ...o, timedOut, cancelled });
        };
        const killGroup = (sig) => {
            if (child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, sig);
            }
            catch {
                // already gone
            }
        };
        const stop = () => {
            killGroup('SIGTERM');
            timers.push(setTimeout(() => killGroup('SIGKILL'), spec.killGraceMs ?? 5000));
        };
        const onAbort = () => {
            cancelled = true;
            stop();
        };
        child.on('error', (e) => finish({ exitCode: -1, signal: null, spawnError: e.message }));
        child.on('exit', (code, signal) => {
            const outcome = { exitCode: code ?? -1, signal };
            let open = 2;
            const closed = () => {
                if (--open === 0)
                    finish(outcome);
            };
            if (child.stdout.closed)
                closed();
            else
                child.stdout.once('close', closed);
            if (child.stderr.closed)
                closed();
            else
                child.stderr.once('close', closed);
            timers.push(setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(outcome);
            }, PIPE_DRAIN_MS));
        });
        if (spec.signal?.aborted)
            onAbort();
        else
            spec.signal?.addEventListener('abort', onAbort, { once: true });
        if (spec.timeoutMs !== undefined && spec.timeoutMs > 0)
            timers.push(setTimeout(() => {
                timedOut = true;
                stop();
            }, spec.timeoutMs));
    });
}

;// CONCATENATED MODULE: ./lib/hooks/environment.js



/**
 * ALLOCATION_INDEX: KV `<job>_allocation_index` of the allocation namespace when non-empty, else the
 * worker's 0-based place among the job's non-removed allocations (position, then IP). A removed
 * allocation (reconcile's after_allocation_stopped) gets "" instead of failing (spec kv §8 item 9).
 * undefined: the job has no allocation on that worker.
 */
function allocationIndex(db, kv, job, workerIp) {
    const stored = kv.tryGet(allocationNamespace(job, workerIp), `${job}_allocation_index`);
    if (stored !== undefined && stored !== '')
        return stored;
    const rows = jobAllocations(db, job);
    const live = rows.filter((a) => !a.removed);
    const i = live.findIndex((a) => a.workerIp === workerIp);
    if (i >= 0)
        return String(i);
    return rows.some((a) => a.workerIp === workerIp) ? '' : undefined;
}
function hookEnvironment(i) {
    const env = allowedHookEnv(i.base ?? {}, i.optIn);
    // Python block-buffers a pipe; unbuffered output streams hook progress live. A caller's value wins.
    env['PYTHONUNBUFFERED'] ??= '1';
    Object.assign(env, i.extra ?? {});
    env['CURRENT_VERSION'] = i.currentVersion;
    env['NEW_VERSION'] = i.newVersion;
    env['ALLOCATION_ID'] = i.allocId;
    env['ALLOCATION_IP'] = i.workerIp;
    env['ALLOCATION_INDEX'] = i.index;
    env['DISABLED'] = i.disabled ? '1' : '0';
    env['JOB'] = i.job;
    env['EVENT'] = i.event;
    env['COMMAND'] = i.command;
    env['JOB_COMMAND_API_HOST'] = i.api.host;
    env['JOB_COMMAND_API_PORT'] = String(i.api.port);
    env['JOB_COMMAND_API_TOKEN'] = i.api.token;
    return env;
}
/** The batch variables of after_allocation_started / after_allocation_stopped (deploy spec §22.5). */
function batchEnvironment(b) {
    return {
        BATCH_ALLOCATIONS: b.batch.join(','),
        BATCH_INDEX: String(b.index),
        BATCH_COUNT: String(b.count),
        DEPLOY_PHASE: b.phase,
        ROLLOUT_ORDER: (b.rolloutOrder ?? []).join(','),
        ROLLOUT_ORDER_SOURCE: b.rolloutOrderSource ?? '',
    };
}

;// CONCATENATED MODULE: ./lib/hooks/errors.js
// Errors of job-command runs. src/errors.ts has no codes for them yet, so they are classified by
// `kind` here; the message keeps the reference texts (spec kv §9 "Hook run").

class JobCommandError extends errors/* MaandError */.Ob {
    name = 'JobCommandError';
    kind;
    job;
    command;
    event;
    constructor(kind, where, message) {
        super('job command', message, undefined, { bare: true });
        this.kind = kind;
        this.job = where.job;
        this.command = where.command;
        this.event = where.event;
    }
}
function isJobCommandError(e, kind) {
    return e instanceof JobCommandError && (kind === undefined || e.kind === kind);
}
function notRegistered(job, command, event) {
    return new JobCommandError('not-registered', { job, command, event }, `job "${job}" command "${command}" is not registered for event "${event}"`);
}
/** `maand jobcommand <c>` without a job: no job registers the command. */
function commandNotRegistered(command, event) {
    return new JobCommandError('not-registered', { job: '', command, event }, `command "${command}" is not registered for event "${event}"`);
}

;// CONCATENATED MODULE: ./lib/hooks/script.js
// Which file a job command runs and with which program (spec kv §3.2, decision Q24).
// The script is looked up in the catalog copy (what actually runs, so a job removed from the
// workspace still runs its hooks); the Python venv in the workspace (it is never catalogued).



/**
 * Lets Bun-style extensionless relative imports (`import * as maand from "./maand"`) resolve
 * under Node: on "module not found" retry with `.ts`, `.js`, `/index.ts`, `/index.js`.
 */
const NODE_RESOLVE_HOOK = 'data:text/javascript,import{registerHooks}from"node:module";registerHooks({resolve(s,c,n){try{return n(s,c)}catch(e){' +
    'if(e?.code!=="ERR_MODULE_NOT_FOUND"||!/^\\.\\.?\\//.test(s))throw e;for(const x of[".ts",".js","/index.ts","/index.js"]){' +
    'try{return n(s+x,c)}catch{}}throw e}}})';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const VENV_PYTHONS = ['.venv/bin/python3', '.venv/bin/python', 'venv/bin/python3', 'venv/bin/python'];
function resolveHookScript(o) {
    const where = { job: o.job, command: o.command, event: o.event };
    const dirRel = `workspace/jobs/${o.job}/_modules`;
    const exts = ['py', 'ts', 'js'].filter((ext) => hasCatalogFile(o.db, o.job, `${o.job}/_modules/${o.command}.${ext}`));
    if (exts.length === 0)
        throw new JobCommandError('script', where, `job ${o.job} command ${o.command}: job command file not found: expected ${o.command}.py, ${o.command}.ts, or ${o.command}.js under ${dirRel} (run maand build after adding it)`);
    if (exts.length > 1)
        throw new JobCommandError('script', where, `job ${o.job} command ${o.command}: invalid job command configuration: multiple implementations for ${o.command} under ${dirRel} (use only one of .py, .ts, .js)`);
    const ext = exts[0];
    const file = `${o.command}.${ext}`;
    const path = o.env?.['PATH'] ?? DEFAULT_PATH;
    if (ext === 'py') {
        const program = pythonFor(o.root, o.job);
        return { file, ext, runtime: 'python', program: requireProgram(program, path, where), args: [file] };
    }
    if (o.runtimes?.script === 'bun') {
        return { file, ext, runtime: 'bun', program: requireProgram(o.runtimes.bun ?? 'bun', path, where), args: ['run', file] };
    }
    const node = o.runtimes?.node ?? process.execPath;
    return { file, ext, runtime: 'node', program: requireProgram(node, path, where), args: ['--import', NODE_RESOLVE_HOOK, file] };
}
/** The job's workspace venv interpreter (absolute) if one exists, else `python3`. */
function pythonFor(root, job) {
    const modules = (0,external_node_path_.join)(root, 'workspace', 'jobs', job, '_modules');
    for (const rel of VENV_PYTHONS) {
        const p = (0,external_node_path_.join)(modules, rel);
        if ((0,external_node_fs_.statSync)(p, { throwIfNoEntry: false })?.isFile())
            return p;
    }
    return 'python3';
}
function hasCatalogFile(db, job, path) {
    return db.prepare('SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.path = ? AND f.isdir = 0 LIMIT 1').get(job, path) !== undefined;
}
/** Absolute path of `program` (searched in `path` unless it contains a `/`), or the prerequisite error. */
function requireProgram(program, path, where) {
    const candidates = program.includes('/') ? [program] : path.split(external_node_path_.delimiter).filter((d) => (0,external_node_path_.isAbsolute)(d)).map((d) => (0,external_node_path_.join)(d, program));
    for (const c of candidates)
        if (isExecutableFile(c))
            return c;
    throw new JobCommandError('prerequisites', where, `host prerequisites not met: ${program} (job ${where.job} command ${where.command} needs it on the machine running maand)`);
}
function isExecutableFile(p) {
    try {
        if (!(0,external_node_fs_.statSync)(p).isFile())
            return false;
        (0,external_node_fs_.accessSync)(p, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./lib/util/assets.js
// Files shipped next to the code (assets/ in the repository, dist/assets/ next to the bundles).



const CANDIDATES = ['../../assets/', '../assets/'];
function assetPath(name) {
    for (const rel of CANDIDATES) {
        const p = (0,external_node_url_.fileURLToPath)(new URL(rel + name, import.meta.url));
        if ((0,external_node_fs_.existsSync)(p))
            return p;
    }
    throw new errors/* InternalError */.Gd(`asset ${name} not found next to ${(0,external_node_url_.fileURLToPath)(import.meta.url)}; reinstall maand`);
}

;// CONCATENATED MODULE: ./lib/hooks/workspace.js
// The per-allocation hook workspace (spec kv §3.3): tmp/workers/<ip>/jobs/<job>/ under the bucket
// root (maand.py's find_bucket_root relies on that), filled from the catalog copy of the job, the
// client libraries and the allocation's certificates. Files of an earlier staging in the same run
// (rendered templates, certs/) stay.






const CLIENT_LIBRARIES = ['maand.py', 'maand.ts'];
/** `<root>/tmp/workers/<ip>/jobs/<job>` — shared with deploy staging. */
function jobWorkspaceDir(root, workerIp, job) {
    return (0,external_node_path_.join)(root, 'tmp', 'workers', workerIp, 'jobs', job);
}
/** Prepares the workspace and returns its `_modules` directory (the hook's cwd). */
function prepareHookWorkspace(o) {
    const where = { job: o.job, command: o.command, event: o.event ?? '' };
    const dir = jobWorkspaceDir(o.root, o.workerIp, o.job);
    const modules = (0,external_node_path_.join)(dir, '_modules');
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        for (const f of selectFiles(o)) {
            const rel = f.path.slice(o.job.length + 1);
            const target = (0,external_node_path_.join)(dir, rel);
            if (f.isdir)
                (0,external_node_fs_.mkdirSync)(target, { recursive: true });
            else {
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
                (0,external_node_fs_.writeFileSync)(target, f.content, { mode: 0o777 });
            }
        }
        (0,external_node_fs_.mkdirSync)(modules, { recursive: true });
        writeClientLibraries(modules);
        writeCerts(o, (0,external_node_path_.join)(modules, 'certs'));
    }
    catch (e) {
        if (e instanceof JobCommandError)
            throw e;
        throw new JobCommandError('workspace', where, `job ${o.job} command ${o.command} worker ${o.workerIp}: preparing the hook workspace ${dir}: ${e.message}`);
    }
    return modules;
}
/** Writes `maand.py` and `maand.ts` (0644) into `modulesDir`. */
function writeClientLibraries(modulesDir) {
    for (const name of CLIENT_LIBRARIES) {
        const target = (0,external_node_path_.join)(modulesDir, name);
        (0,external_node_fs_.writeFileSync)(target, clientLibrary(name));
        (0,external_node_fs_.chmodSync)(target, 0o644);
    }
}
const libraryCache = new Map();
/** The bytes of a shipped client library (part of the deploy plan hash). */
function clientLibrary(name) {
    let bytes = libraryCache.get(name);
    if (bytes === undefined)
        libraryCache.set(name, (bytes = (0,external_node_fs_.readFileSync)(assetPath(name))));
    return bytes;
}
function selectFiles(o) {
    const rel = (f) => f.path.slice(o.job.length + 1);
    const all = jobFiles(o.db, o.job).filter((f) => f.path.startsWith(`${o.job}/`) && safeRelative(rel(f)));
    if (o.variant === 'full')
        return all.filter((f) => rel(f) !== '_prometheus' && !rel(f).startsWith('_prometheus/'));
    const prefix = `${o.job}/_modules/${o.command}.`;
    const own = all.filter((f) => !f.isdir && f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('/'));
    if (own.length === 0)
        throw new JobCommandError('script', { job: o.job, command: o.command, event: o.event ?? '' }, `job command file not found: job ${o.job} command ${o.command} module not in job_files (run maand build)`);
    return own;
}
function writeCerts(o, certsDir) {
    (0,external_node_fs_.mkdirSync)(certsDir, { recursive: true });
    const ns = allocationNamespace(o.job, o.workerIp);
    for (const key of o.kv.keys(ns)) {
        if (!key.startsWith(CERTS_KEY_PREFIX) || !safeRelative(key.slice(CERTS_KEY_PREFIX.length)))
            continue;
        const target = (0,external_node_path_.join)(certsDir, key.slice(CERTS_KEY_PREFIX.length));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, readPlain(o.kv, ns, key) ?? '');
        (0,external_node_fs_.chmodSync)(target, key.endsWith('.key') ? 0o600 : 0o644);
    }
    const ca = (0,external_node_path_.join)(certsDir, 'ca.crt');
    if ((0,external_node_fs_.existsSync)(ca))
        return;
    const pem = o.kv.tryGet(WORKERS_NS, 'certs/ca.crt');
    if (pem === undefined)
        throw new JobCommandError('workspace', { job: o.job, command: o.command, event: o.event ?? '' }, `job ${o.job} command ${o.command} worker ${o.workerIp}: certs/ca.crt in ${WORKERS_NS}: key not found or deleted (run maand build)`);
    (0,external_node_fs_.writeFileSync)(ca, pem, { mode: 0o644 });
}
/** A relative path without empty, `.` or `..` segments (catalog and KV data never escape the workspace). */
function safeRelative(rel) {
    return rel !== '' && !rel.startsWith('/') && rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

;// CONCATENATED MODULE: ./lib/hooks/runner.js
// Runs one job command for one event on a list of allocations (spec kv §3.4–§3.7, deploy §22.1).
// Setup (registration, script, interpreter, every workspace) is checked before any hook starts;
// then hooks run with bounded concurrency and all of them finish (no fail-fast).
//
// KV: no change from a failed run is kept. A KvStore snapshot is taken before the run and restored
// when any allocation failed, which reverts every write made while the run was in flight — also
// those of its allocations that succeeded, and those of any other writer of the same store in
// that window. Callers therefore never write the store concurrently with a hook run they want
// reverted independently. health_check runs take no snapshot (the API refuses their writes), so
// parallel health checks of several jobs never end each other's snapshots.











/** Parallelism per event (spec kv §3.6); `rows` = the job's allocation rows (job_control). */
function defaultConcurrency(event, workers, rows) {
    if (event === 'health_check')
        return 10;
    if (event === 'job_control')
        return Math.max(1, rows);
    if (event === 'after_allocation_started')
        return Math.max(1, workers);
    return 1;
}
async function runJobCommand(ctx, o) {
    const { job, command, event } = o;
    const base = { job, command, event };
    const fail = (error) => done(ctx, { ...base, ok: false, allocations: [], error, kvReverted: false });
    if (!isRegistered(ctx.db, job, command, event))
        return fail(notRegistered(job, command, event));
    const workers = [...new Set(o.workers ?? activeWorkers(ctx.db, job))];
    ctx.onProgress?.({ type: 'command-start', job, command, event, workers });
    if (workers.length === 0)
        return done(ctx, { ...base, ok: true, allocations: [], kvReverted: false });
    const rows = jobAllocations(ctx.db, job);
    // read per run, not taken from callers, so no caller can forget the bucket's opt-ins
    const optIn = readMaandConf((0,bucket_paths/* bucketPaths */.Z)(ctx.root).maandConf).hook_env;
    let script;
    const modules = new Map();
    try {
        script = resolveHookScript({ root: ctx.root, db: ctx.db, job, command, event, runtimes: ctx.runtimes, env: ctx.env });
        for (const ip of workers) {
            if (!rows.some((r) => r.workerIp === ip))
                continue; // reported per worker below
            const variant = o.workspace ?? (event === 'health_check' ? 'health-fast' : 'full');
            modules.set(ip, prepareHookWorkspace({ root: ctx.root, db: ctx.db, kv: ctx.kv, job, workerIp: ip, variant, command, event }));
        }
    }
    catch (e) {
        if (e instanceof JobCommandError)
            return fail(e);
        throw e;
    }
    const secs = commandTimeoutSeconds(ctx.db, job, command);
    const timeoutMs = o.timeoutMs ?? (secs === undefined ? undefined : secs * 1000);
    const concurrency = Math.max(1, o.concurrency ?? defaultConcurrency(event, workers.length, rows.length));
    const revert = (o.revertKvOnFailure ?? true) && event !== 'health_check';
    const snap = revert ? ctx.kv.snapshot() : undefined;
    const results = await pool_runLimited(workers.map((ip) => () => runOne(ctx, o, optIn, script, ip, modules.get(ip), rows.find((r) => r.workerIp === ip), timeoutMs)), concurrency);
    const failed = results.filter((r) => !r.ok);
    let kvReverted = false;
    if (snap !== undefined) {
        if (failed.length > 0)
            kvReverted = ctx.kv.restore(snap);
        else
            ctx.kv.release(snap);
    }
    if (failed.length === 0)
        return done(ctx, { ...base, ok: true, allocations: results, kvReverted });
    const kind = ctx.signal?.aborted ? 'cancelled' : 'failed';
    // one cause, said once with the workers it hit
    const causes = byCause(failed.map((r) => ({ worker: r.worker, error: r.worker === '' ? (r.error ?? 'failed') : `worker ${r.worker}: ${r.error ?? 'failed'}` })));
    const text = `job ${job} command ${command} failed: ${causes.join('; ')} (event ${event})`;
    return done(ctx, { ...base, ok: false, allocations: results, error: new JobCommandError(kind, base, text), kvReverted });
}
function done(ctx, result) {
    ctx.onProgress?.({ type: 'command-end', result });
    return result;
}
async function runOne(ctx, o, optIn, script, ip, modulesDir, row, timeoutMs) {
    const { job, command, event } = o;
    const started = Date.now();
    const tail = new OutputTail(ctx.outputTailBytes ?? DEFAULT_TAIL_BYTES);
    const result = (r) => {
        const out = {
            job, command, event, worker: ip, allocId: row?.allocId ?? '', exitCode: null, timedOut: false,
            durationMs: Date.now() - started, outputTail: tail.text(), ...r,
        };
        ctx.onProgress?.({ type: 'allocation-end', result: out });
        return out;
    };
    const index = row === undefined ? undefined : allocationIndex(ctx.db, ctx.kv, job, ip);
    if (row === undefined || modulesDir === undefined || index === undefined)
        return result({ ok: false, error: `allocation index not found for job ${job} on worker ${ip}` });
    if (ctx.signal?.aborted)
        return result({ ok: false, error: 'cancelled before it started' });
    const versions = allocationVersions(ctx.db, job, row.allocId);
    const line = (stream, text) => {
        tail.add(text);
        ctx.onOutput?.({ job, worker: ip, event, command, stream, text });
    };
    // this child's own API token: valid for its allocation and event only, revoked when it ends
    const session = ctx.api.openHook({ allocId: row.allocId, event, command }, (refusal) => line('stderr', `maand: the runtime API refused ${refusal}`));
    const env = hookEnvironment({
        base: ctx.env, optIn, extra: o.extraEnv, currentVersion: versions.current, newVersion: versions.next, allocId: row.allocId,
        workerIp: ip, index, disabled: row.disabled, job, event, command, api: { host: ctx.api.host, port: ctx.api.port, token: session.token },
    });
    ctx.onProgress?.({ type: 'allocation-start', job, command, event, worker: ip, script: script.file });
    let outcome;
    try {
        outcome = await runChild({ program: script.program, args: script.args, cwd: modulesDir, env, timeoutMs, signal: ctx.signal, onLine: line });
    }
    finally {
        session.close();
    }
    ctx.api.releaseHolds?.(row.allocId, event);
    const refused = ctx.api.takeRejections?.(row.allocId) ?? [];
    const ok = outcome.spawnError === undefined && outcome.exitCode === 0 && !outcome.timedOut && !outcome.cancelled;
    if (ok)
        return result({ ok, exitCode: 0 });
    let error;
    if (outcome.spawnError !== undefined)
        error = `unexpected error: ${outcome.spawnError}`;
    else if (outcome.timedOut)
        error = `command timed out after ${formatSeconds(timeoutMs ?? 0)} and was stopped (exit -1); raise commands.${command}.timeout_seconds in manifest.json if it needs longer`;
    else if (outcome.cancelled)
        error = 'cancelled (exit -1)';
    else
        error = `command execution failed (exit ${outcome.exitCode})`;
    if (refused.length > 0)
        error += `; the runtime API refused: ${refused.slice(0, 3).join('; ')}`;
    return result({ ok: false, exitCode: outcome.spawnError === undefined ? outcome.exitCode : null, timedOut: outcome.timedOut, error });
}
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(3))}s`;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./lib/hooks/http-io.js
// Request and response plumbing of the runtime API with the reference's wire behaviour (spec kv
// §3.9.2): text errors end with "\n", JSON bodies end with "\n", the request body is decoded like
// Go's json.Decoder into a struct (first JSON value only, case-insensitive fields, wrong types rejected).



/** Request bodies are tiny JSON objects; anything larger is refused. */
const MAX_BODY_BYTES = 1024 * 1024;
class HttpFailure extends errors/* MaandError */.Ob {
    name = 'HttpFailure';
    status;
    constructor(status, message) {
        super('runtime api', message, undefined, { bare: true });
        this.status = status;
    }
}
function sendText(res, status, message) {
    const body = message === '' ? '' : `${message}\n`;
    res.writeHead(status, body === '' ? {} : { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
}
/** JSON as Go's encoder writes it (keys in the given order, HTML characters escaped) plus "\n". */
function sendJson(res, value) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(`${(0,go_json/* goJson */.Pl)(value, false)}\n`);
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (b) => {
            size += b.length;
            if (size > MAX_BODY_BYTES) {
                reject(new HttpFailure(400, 'Failed to read request body'));
                req.destroy();
                return;
            }
            chunks.push(b);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', () => reject(new HttpFailure(400, 'Failed to read request body')));
    });
}
/**
 * Decodes `text` into the named fields. Empty body → 400 `Failed to read request body`; malformed
 * JSON, a non-object, or a field of the wrong type → 400 `Invalid JSON format`. Absent fields and
 * `null` give '' / 0.
 */
function decodeStruct(text, fields) {
    const first = firstJsonValue(text);
    if (first === undefined)
        throw new HttpFailure(400, 'Failed to read request body');
    let doc;
    try {
        doc = JSON.parse(first);
    }
    catch {
        throw new HttpFailure(400, 'Invalid JSON format');
    }
    if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc)))
        throw new HttpFailure(400, 'Invalid JSON format');
    const obj = doc ?? {};
    const out = {};
    for (const [name, kind] of Object.entries(fields)) {
        const v = field(obj, name);
        if (v === undefined || v === null)
            out[name] = kind === 'string' ? '' : 0;
        else if (kind === 'string' && typeof v === 'string')
            out[name] = v;
        else if (kind === 'int' && typeof v === 'number' && Number.isInteger(v))
            out[name] = v;
        else
            throw new HttpFailure(400, 'Invalid JSON format');
    }
    return out;
}
/** The text of the first JSON value in `text` (Go's Decoder reads one value); undefined when blank. */
function firstJsonValue(text) {
    let i = 0;
    while (i < text.length && /\s/.test(text[i]))
        i++;
    if (i === text.length)
        return undefined;
    const start = i;
    if ('{["'.includes(text[i])) {
        const end = jsonValueEnd(text, start);
        return end < 0 ? text.slice(start) : text.slice(start, end); // truncated: JSON.parse reports it
    }
    while (i < text.length && !/[\s{}[\],"]/.test(text[i]))
        i++;
    return text.slice(start, i);
}

;// CONCATENATED MODULE: ./lib/hooks/semaphores.js
// Named counting semaphores of one run (spec kv §3.10): scope `<job>/<event>/<name>`, created by
// the first acquire with its capacity, re-entrant per allocation, FIFO waiters, bounded waits.
// Unlike the reference, a hook's holds are dropped when its process exits (`releaseAll`), so a
// script that dies without releasing cannot block the rest of the run.

const MAX_CAPACITY = 64;
const DEFAULT_TIMEOUT_SECONDS = 600;
const MAX_TIMEOUT_SECONDS = 3600;
const CONFLICT = 'Semaphore acquire or release failed';
const TIMED_OUT = 'Timed out waiting for semaphore';
/** capacity < 1 (or absent) → 1; > 64 → 409. */
function normalizeCapacity(capacity) {
    const c = capacity === undefined || capacity < 1 ? 1 : capacity;
    if (c > MAX_CAPACITY)
        throw new HttpFailure(409, CONFLICT);
    return c;
}
/** timeout ≤ 0 (or absent) → 600 s; > 3600 → 3600 s. */
function normalizeTimeoutSeconds(seconds) {
    if (seconds === undefined || seconds <= 0)
        return DEFAULT_TIMEOUT_SECONDS;
    return Math.min(seconds, MAX_TIMEOUT_SECONDS);
}
class SemaphoreTable {
    #all = new Map();
    /** Resolves once `allocId` holds a slot; rejects 408 after `timeoutMs` or when `signal` aborts, 409 on a capacity mismatch. */
    acquire(scope, allocId, capacity, timeoutMs, signal) {
        const key = scopeKey(scope);
        let s = this.#all.get(key);
        if (s === undefined)
            this.#all.set(key, (s = { scope, capacity, holders: new Set(), queue: [] }));
        if (s.capacity !== capacity)
            return Promise.reject(new HttpFailure(409, CONFLICT));
        if (s.holders.has(allocId))
            return Promise.resolve();
        if (s.holders.size < s.capacity && s.queue.length === 0) {
            s.holders.add(allocId);
            return Promise.resolve();
        }
        const sem = s;
        return new Promise((resolve, reject) => {
            const giveUp = () => {
                const i = sem.queue.indexOf(waiter);
                if (i >= 0)
                    sem.queue.splice(i, 1);
                cleanup();
                reject(new HttpFailure(408, TIMED_OUT));
            };
            const timer = setTimeout(giveUp, timeoutMs);
            const cleanup = () => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', giveUp);
            };
            const waiter = {
                allocId,
                grant: () => {
                    cleanup();
                    resolve();
                },
            };
            sem.queue.push(waiter);
            if (signal?.aborted)
                giveUp();
            else
                signal?.addEventListener('abort', giveUp, { once: true });
        });
    }
    /** 409 when the semaphore is unknown or `allocId` does not hold it. */
    release(scope, allocId) {
        const s = this.#all.get(scopeKey(scope));
        if (s === undefined || !s.holders.delete(allocId))
            throw new HttpFailure(409, CONFLICT);
        grant(s);
    }
    /** Drops every hold of `allocId` under `event` (any job, any name). */
    releaseAll(allocId, event) {
        for (const s of this.#all.values())
            if (s.scope.event === event && s.holders.delete(allocId))
                grant(s);
    }
    status(scope) {
        const s = this.#all.get(scopeKey(scope));
        if (s === undefined)
            return { name: scope.name, capacity: 1, holders: null, waiting: 0, available: 1 };
        return { name: scope.name, capacity: s.capacity, holders: [...s.holders].sort(), waiting: s.queue.length, available: s.capacity - s.holders.size };
    }
}
function grant(s) {
    while (s.queue.length > 0 && s.holders.size < s.capacity) {
        const w = s.queue.shift();
        s.holders.add(w.allocId);
        w.grant();
    }
}
function scopeKey(s) {
    return `${s.job}/${s.event}/${s.name}`;
}

;// CONCATENATED MODULE: ./lib/hooks/runtime-handlers.js




const REQUIRED = 'Both namespace and key are required';
const UNAUTHORIZED = 'Invalid or unauthorized namespace';
const HEALTH_WRITE = 'KV writes are not allowed during health_check';
const runtime_handlers_NOT_FOUND = 'KV get operation failed';
const INTERNAL = 'Internal server error';
function kvFields(body, withValue) {
    const fields = withValue ? { namespace: 'string', key: 'string', value: 'string' } : { namespace: 'string', key: 'string' };
    const b = decodeStruct(body, fields);
    const out = { namespace: String(b['namespace']), key: String(b['key']), value: withValue ? String(b['value']) : '' };
    if (out.namespace === '' || out.key === '' || (withValue && out.value === ''))
        throw new HttpFailure(400, REQUIRED);
    return out;
}
function refuse(deps, r, op, ns, key, status, message) {
    deps.refuse(r.caller, `${op} ${ns} ${key}`.trim(), message);
    throw new HttpFailure(status, message);
}
const getKv = (deps, r) => {
    const { namespace: ns, key } = kvFields(r.body, false);
    const { job, workerIp } = r.caller;
    if (!canRead(access_namespacesForAllocation({ job, workerIp, upstreamJobs: upstreamJobs(deps.db, job) }), ns))
        refuse(deps, r, 'GET /kv', ns, key, 403, UNAUTHORIZED);
    const kv = deps.kv();
    if (kv.tryGet(ns, key) === undefined)
        throw new HttpFailure(404, runtime_handlers_NOT_FOUND);
    let value;
    try {
        value = readPlain(kv, ns, key);
    }
    catch {
        throw new HttpFailure(500, INTERNAL);
    }
    sendJson(r.res, value === '' ? { namespace: ns, key } : { namespace: ns, key, value });
};
function writer(op, secret) {
    const label = `${op === 'put' ? 'PUT' : 'DELETE'} /kv${secret ? '/secret' : ''}`;
    return (deps, r) => {
        const { namespace: ns, key, value } = kvFields(r.body, op === 'put');
        const verdict = canWrite({ job: r.caller.job, event: r.caller.event, ns, key, secret, op });
        if (verdict === 'forbidden-namespace')
            refuse(deps, r, label, ns, key, 403, UNAUTHORIZED);
        if (verdict === 'health-check-write')
            refuse(deps, r, label, ns, key, 400, HEALTH_WRITE);
        const kv = deps.kv();
        try {
            if (op === 'delete')
                kv.delete(ns, key);
            else if (secret)
                kv.putSecret(ns, key, value);
            else
                kv.put(ns, key, value);
        }
        catch (e) {
            if (isKvError(e, 'not-found'))
                throw new HttpFailure(404, runtime_handlers_NOT_FOUND);
            throw new HttpFailure(500, INTERNAL); // unknown namespace (reference quirk), missing kv.key
        }
        sendText(r.res, 200, '');
    };
}
const listKeys = (deps, r) => {
    const ns = decodeStruct(r.body, { namespace: 'string' }).namespace;
    const own = [jobSecretsNamespace(r.caller.job), jobVarsNamespace(r.caller.job)]; // sorted, as Go encodes a map
    if (ns !== '' && !own.includes(ns))
        refuse(deps, r, 'GET /kv/keys', ns, '', 403, UNAUTHORIZED);
    const kv = deps.kv();
    const namespaces = {};
    for (const n of own)
        if (ns === '' || ns === n)
            namespaces[n] = kv.keys(n);
    sendJson(r.res, { namespaces });
};
const demands = (deps, r) => {
    const out = demandsOn(deps.db, r.caller.job, r.caller.command).map((d) => {
        let config;
        try {
            config = d.demandConfig === '' ? null : sortKeysDeep(JSON.parse(d.demandConfig));
        }
        catch {
            throw new HttpFailure(500, INTERNAL);
        }
        return { job: d.job, command: d.command, demand_config: config };
    });
    sendJson(r.res, out);
};
const acquire = async (deps, r) => {
    const b = decodeStruct(r.body, { name: 'string', capacity: 'int', timeout_seconds: 'int' });
    const name = b.name;
    if (name === '')
        throw new HttpFailure(400, REQUIRED);
    const capacity = normalizeCapacity(b.capacity);
    const timeoutMs = normalizeTimeoutSeconds(b.timeout_seconds) * 1000;
    await deps.semaphores.acquire({ job: r.caller.job, event: r.caller.event, name }, r.caller.allocId, capacity, timeoutMs, r.signal);
    sendJson(r.res, { name, allocation_id: r.caller.allocId, capacity, acquired: true });
};
const release = (deps, r) => {
    const name = decodeStruct(r.body, { name: 'string' }).name;
    if (name === '')
        throw new HttpFailure(400, REQUIRED);
    deps.semaphores.release({ job: r.caller.job, event: r.caller.event, name }, r.caller.allocId);
    sendText(r.res, 200, '');
};
const runtime_handlers_status = (deps, r) => {
    const name = r.query.get('name') ?? '';
    if (name === '')
        throw new HttpFailure(400, REQUIRED);
    sendJson(r.res, deps.semaphores.status({ job: r.caller.job, event: r.caller.event, name }));
};
const ROUTES = {
    '/kv': [
        { method: 'GET', body: true, handler: getKv },
        { method: 'PUT', body: true, handler: writer('put', false) },
        { method: 'DELETE', body: true, handler: writer('delete', false) },
    ],
    '/kv/keys': [{ method: 'GET', body: true, handler: listKeys }],
    '/kv/secret': [
        { method: 'PUT', body: true, handler: writer('put', true) },
        { method: 'DELETE', body: true, handler: writer('delete', true) },
    ],
    '/demands': [{ method: 'GET', body: false, handler: demands }],
    '/semaphore/acquire': [{ method: 'POST', body: true, handler: acquire }],
    '/semaphore/release': [{ method: 'POST', body: true, handler: release }],
    '/semaphore/status': [{ method: 'GET', body: false, handler: runtime_handlers_status }],
};
/** Objects with sorted keys at every level (Go encodes maps sorted). */
function sortKeysDeep(v) {
    if (Array.isArray(v))
        return v.map(sortKeysDeep);
    if (v === null || typeof v !== 'object')
        return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeysDeep(v[k])]));
}

;// CONCATENATED MODULE: ./lib/hooks/runtime-api.js
// The runtime HTTP API hooks call back into (spec kv §3.9, decision Q23): one server per run on
// 127.0.0.1 and an ephemeral port. Every hook process gets its own random token, minted when it
// starts and revoked when it ends, bound to its allocation, event and command (issue 15): the
// X-ALLOCATION-ID header cannot make it act as another job, and no other local process (nor a
// hook after it ended) can use the API. There is no run-level token: only hooks call the API. It
// reads and writes the run's KvStore itself: a value a pre_deploy hook puts is what a later
// template render reads.







const MAX_REJECTIONS = 10;
async function startRuntimeApi(o) {
    const host = o.host ?? '127.0.0.1';
    const semaphores = new SemaphoreTable();
    const rejections = new Map();
    /** token → the hook it was minted for (whom it acts as); removed when the hook ends */
    const grants = new Map();
    const deps = {
        db: o.db,
        kv: typeof o.kv === 'function' ? o.kv : () => o.kv,
        semaphores,
        refuse(caller, what, message) {
            const refusal = `${what}: ${message}`;
            const list = rejections.get(caller.allocId) ?? [];
            if (list.length < MAX_REJECTIONS)
                list.push(refusal);
            rejections.set(caller.allocId, list);
            caller.onRefused?.(refusal);
        },
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(deps, grants, req, res).catch(() => {
            if (!res.headersSent)
                sendText(res, 500, 'Internal server error');
            else
                res.destroy();
        });
    });
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 30_000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port: 0 }, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    return {
        host,
        port,
        url: `http://${host}:${port}`,
        openHook: (grant, onRefused) => openHook(o.db, grants, grant, onRefused),
        releaseHolds: (allocId, event) => semaphores.releaseAll(allocId, event),
        takeRejections(allocId) {
            const list = rejections.get(allocId) ?? [];
            rejections.delete(allocId);
            return list;
        },
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
function openHook(db, grants, g, onRefused) {
    const alloc = allocationById(db, g.allocId);
    if (alloc === undefined)
        throw new errors/* InternalError */.Gd(`runtime API: no allocation ${g.allocId} to mint a hook token for`);
    const token = (0,external_node_crypto_.randomBytes)(32).toString('hex');
    grants.set(token, { allocId: g.allocId, job: alloc.job, workerIp: alloc.workerIp, event: g.event, command: g.command, ...(onRefused ? { onRefused } : {}) });
    return { token, close: () => void grants.delete(token) };
}
async function handle(deps, grants, req, res) {
    // whom the token was minted for; event and command never come from headers (a hook cannot lift the health_check write ban)
    const caller = grantOf(req, grants);
    if (caller === undefined)
        return sendText(res, 401, 'Unauthorized: missing, wrong or expired runtime API token (send JOB_COMMAND_API_TOKEN as Authorization: Bearer)');
    const url = new URL(req.url ?? '/', 'http://runtime-api');
    const routes = ROUTES[url.pathname];
    if (routes === undefined)
        return sendText(res, 404, '404 page not found');
    const route = routes.find((r) => r.method === req.method);
    if (route === undefined)
        return sendText(res, 405, '');
    const allocId = header(req, 'x-allocation-id');
    if (allocId === '')
        return sendText(res, 400, 'X-ALLOCATION-ID header is missing');
    if (allocId !== caller.allocId) {
        const message = `Forbidden: this token belongs to a hook of job ${caller.job}; X-ALLOCATION-ID ${allocId} is not its allocation`;
        deps.refuse(caller, `${req.method ?? ''} ${url.pathname}`, message);
        return sendText(res, 403, message);
    }
    const gone = new AbortController();
    res.on('close', () => {
        if (!res.writableFinished)
            gone.abort();
    });
    try {
        const body = route.body ? await readBody(req) : '';
        await route.handler(deps, { caller, body, query: url.searchParams, res, signal: gone.signal });
    }
    catch (e) {
        if (!(e instanceof HttpFailure))
            throw e;
        if (!res.headersSent && !res.destroyed)
            sendText(res, e.status, e.message);
    }
}
function header(req, name) {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
}
/** The grant of the request's token (Authorization: Bearer, or X-MAAND-TOKEN), compared in constant time. */
function grantOf(req, grants) {
    const auth = header(req, 'authorization');
    const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : header(req, 'x-maand-token').trim());
    for (const [token, grant] of grants) {
        const b = Buffer.from(token);
        if (given.length === b.length && (0,external_node_crypto_.timingSafeEqual)(given, b))
            return grant;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/hooks/post-build.js
// post_build hooks (build-and-catalog §11): after the main build committed, run every job's
// post_build commands in deployment-sequence order (jobs and commands sorted by name), each on the
// job's active allocations one at a time. A failure does not stop the loop; at the end, KV written
// by the hooks is persisted only when all of them succeeded.







/** Setup problems (catalog, KV load, the API) throw; hook failures come back in the result. */
async function runPostBuild(o) {
    const { db } = o;
    const plan = postBuildPlan(db);
    if (plan.length === 0)
        return { ok: true, runs: [], failures: [], kvChanges: 0 };
    const runs = [];
    const failures = [];
    let kvChanges = 0;
    // One transaction over every hook: KV written by post_build is kept only when all of them succeeded.
    await inTransactionAsync(db, async () => {
        const kv = store_KvStore.load(db, { key: () => loadKvKey(o.root), ...(o.onSecret ? { onSecret: o.onSecret } : {}) });
        const api = await startRuntimeApi({ db, kv });
        try {
            const ctx = { ...o, db, kv, api };
            for (const { job, command } of plan) {
                if (o.signal?.aborted) {
                    failures.push(`post_build: job ${job} command ${command}: cancelled before it started`);
                    continue;
                }
                const r = await runJobCommand(ctx, { job, command, event: 'post_build', concurrency: 1 });
                runs.push(r);
                if (!r.ok)
                    failures.push(`post_build: ${r.error?.message ?? `job ${job} command ${command} failed`}`);
            }
        }
        finally {
            await api.close();
        }
        if (failures.length === 0)
            kvChanges = kv.persist(db, o.now);
        return failures.length === 0;
    }, (ok) => ok);
    if (failures.length === 0)
        return { ok: true, runs, failures, kvChanges };
    const error = new errors/* MaandError */.Ob('post_build', failures.join('\n'));
    error.message = failures.join('\n');
    return { ok: false, runs, failures, kvChanges: 0, error };
}
/** (job, command) pairs in run order: seq 0..max, jobs with a non-removed allocation at that seq, names sorted. */
function postBuildPlan(db) {
    const max = db.prepare('SELECT MAX(deployment_seq) AS m FROM allocations').get().m ?? 0;
    const jobsAt = db.prepare('SELECT DISTINCT a.job AS job FROM allocations a JOIN job j ON j.name = a.job WHERE a.removed = 0 AND a.deployment_seq = ?');
    const out = [];
    for (let seq = 0; seq <= max; seq++) {
        const jobs = jobsAt.all(seq).map((r) => r.job).sort(go_json/* byteCompare */.U6);
        for (const job of jobs)
            for (const command of commandsFor(db, job, 'post_build'))
                out.push({ seq, job, command });
    }
    return out;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/util/process.js
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

// EXTERNAL MODULE: ./lib/util/exit-cleanup.js
var exit_cleanup = __webpack_require__(69127);
;// CONCATENATED MODULE: ./lib/bucket/lock.js
// One maand at a time per bucket. Two runs in the same bucket (two terminals, or a deploy while a
// build runs) would wipe each other's tmp/, bump update_seq twice and promote from plans the other
// one invalidated. data/maand.lock holds the running process's pid, host and command; a lock whose
// process is gone (same host, pid not alive) is taken over. Re-entrant within one process, so a
// command that runs another (deploy --build, drift correction) does not lock itself out.






/** Locks this process holds, by lock file, with how many nested holders and the abnormal-exit release. */
const held = new Map();
const exitReleases = new Map();
function lockFile(root) {
    return (0,external_node_path_.join)(root, 'data', 'maand.lock');
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
    const info = { pid: process.pid, host: (0,external_node_os_.hostname)(), command, started: new Date().toISOString() };
    for (let attempt = 0;; attempt++) {
        try {
            const fd = (0,external_node_fs_.openSync)(file, 'wx', 0o644);
            try {
                (0,external_node_fs_.writeSync)(fd, `${JSON.stringify(info)}\n`);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            held.set(file, 1);
            exitReleases.set(file, (0,exit_cleanup/* onAbnormalExit */.q)(() => (0,external_node_fs_.rmSync)(file, { force: true })));
            return once(() => releaseHold(file));
        }
        catch (e) {
            const code = e.code;
            // no data/ yet: not a bucket (or not initialized), the command reports that itself
            if (code === 'ENOENT')
                return () => { };
            if (code !== 'EEXIST')
                throw new errors/* MaandError */.Ob('bucket is busy', `cannot create ${file}: ${e.message}`);
            const other = readLock(file);
            if (attempt === 0 && other !== undefined && isStale(other)) {
                (0,external_node_fs_.rmSync)(file, { force: true });
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
        (0,external_node_fs_.rmSync)(file, { force: true });
}
function readLock(file) {
    try {
        const v = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
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
    if (l.host !== (0,external_node_os_.hostname)())
        return false;
    if (!processAlive(l.pid))
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
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // fields after the command name (which may hold spaces); starttime is field 22, in clock ticks since boot
        const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
        const btime = Number(/^btime (\d+)$/m.exec((0,external_node_fs_.readFileSync)('/proc/stat', 'utf8'))?.[1]);
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
    return new errors/* MaandError */.Ob('bucket is busy', `${who} is running in this bucket; wait for it to finish, or delete ${file} if that process is gone`);
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

;// CONCATENATED MODULE: ./lib/build/index.js
// `maand build`: reconcile the workspace into the catalog in one transaction (§8.2), then post_build.
// Any error before the commit leaves the catalog exactly as it was; tmp/ is always removed.
























const KV_RETAIN_DAYS = 7;
function build(opts) {
    return withBucketLock(opts.root, 'build', () => buildLocked(opts));
}
async function buildLocked(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const db = openDb(paths.db);
    const emit = opts.onEvent ?? (() => { });
    const tightened = (0,modes/* tightenBucketModes */.aT)(paths.root);
    if (tightened)
        emit({ type: 'warning', message: tightened });
    let certsGenerated = 0;
    try {
        checkSchema(db);
        const conf = readMaandConf(paths.maandConf);
        const ctx = {
            paths, db, conf,
            kv: undefined,
            // Read in the job pre-scan, after workers.json, as the reference does (§8.4).
            jobsConf: { fileName: '', sections: new Map() },
            bucketConf: {},
            bucketId: bucketRow(db).bucket_id,
            now: opts.now ?? Math.floor(Date.now() / 1000),
            purgeJobKv: opts.purgeJobKv ?? false,
            leafKeyBits: opts.leafKeyBits ?? LEAF_KEY_BITS,
            workers: readWorkersJson(paths.workersJson),
            jobs: [], manifests: new Map(), removedWorkers: [], removedJobs: [],
            emit: (e) => {
                if (e.type === 'cert-generated')
                    certsGenerated++;
                emit(e);
            },
        };
        const step = (name) => emit({ type: 'step', step: name });
        // all-or-nothing: any error rolls the whole build back and leaves the catalog as it was
        const kvChanges = await inTransactionAsync(db, async () => {
            ctx.kv = store_KvStore.load(db, { key: () => loadKvKey(paths.root), ...(opts.onSecret ? { onSecret: opts.onSecret } : {}) });
            step('workers');
            syncWorkers(ctx);
            step('jobs');
            const ports = prescanJobs(ctx);
            syncJobs(ctx, ports);
            validateDemands(ctx.jobs, ctx.manifests);
            step('allocations');
            syncAllocations(ctx);
            allocations_checkMinAllocations(ctx);
            computeDeploymentSeq(db);
            step('kv');
            writeKvVariables(ctx);
            step('certificates');
            await syncCertificates(ctx);
            writeAllocationVariables(ctx);
            buildPrometheusCatalog(ctx, opts.renderScrape ?? scrapeRenderer(ctx));
            (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
            purgeStaleVersions(db, KV_RETAIN_DAYS, ctx.now);
            checkCapacity(db);
            const changes = ctx.kv.persist(db, ctx.now);
            dropPlaintextCertKeyHistory(db);
            return changes;
        });
        try {
            db.exec('VACUUM');
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('database error', `VACUUM: ${e.message}`);
        }
        const post = await runPostBuild({
            root: paths.root, db,
            ...(opts.env ? { env: opts.env } : {}),
            ...(opts.onHookOutput ? { onOutput: opts.onHookOutput } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.onSecret ? { onSecret: opts.onSecret } : {}),
        });
        if (post.error)
            throw post.error;
        return summarize(ctx, kvChanges, certsGenerated);
    }
    catch (e) {
        throw asDatabaseError(e);
    }
    finally {
        db.close();
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
    }
}
function summarize(ctx, kvChanges, certsGenerated) {
    const rows = ctx.db.prepare('SELECT disabled, removed FROM allocations').all();
    return {
        workers: ctx.workers.length,
        jobs: ctx.jobs.length,
        allocations: {
            active: rows.filter((r) => r.removed === 0 && r.disabled === 0).length,
            disabled: rows.filter((r) => r.removed === 0 && r.disabled === 1).length,
            removed: rows.filter((r) => r.removed === 1).length,
        },
        removedWorkers: ctx.removedWorkers,
        removedJobs: ctx.removedJobs,
        kvChanges,
        certsGenerated,
    };
}

;// CONCATENATED MODULE: ./lib/health/types.js

class HealthCheckError extends errors/* MaandError */.Ob {
    name = 'HealthCheckError';
    job;
    constructor(job, message) {
        super('health check', message, undefined, { bare: true });
        this.job = job;
    }
}

;// CONCATENATED MODULE: ./lib/health/spec.js


const spec_DEFAULT_TIMEOUT_SECONDS = 5;
const DEFAULT_ATTEMPTS = 30;
const DEFAULT_INTERVAL_SECONDS = 1;
/** Empty/absent column → no checks and the defaults (the reference drops `wait` then too, spec kv §8 item 10). */
function loadHealthSpec(db, job) {
    const row = db.prepare('SELECT health_check FROM job WHERE name = ?').get(job);
    return parseHealthSpec(job, row?.health_check ?? '');
}
function parseHealthSpec(job, text) {
    const spec = {
        checks: [], timeoutMs: spec_DEFAULT_TIMEOUT_SECONDS * 1000, attempts: DEFAULT_ATTEMPTS, intervalMs: DEFAULT_INTERVAL_SECONDS * 1000,
    };
    if (text.trim() === '')
        return spec;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw spec_invalid(job, `health_check: ${e.message}`);
    }
    const pos = (v) => (typeof v === 'number' && v > 0 ? v : undefined);
    spec.timeoutMs = (pos(doc.timeout_seconds) ?? spec_DEFAULT_TIMEOUT_SECONDS) * 1000;
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
    const assigned = new Map(jobPorts(db, job).map((p) => [p.name, p.port]));
    const out = new Map();
    for (const c of checks) {
        if (c.type !== 'tcp' && c.type !== 'http')
            continue;
        const n = assigned.get(c.port);
        if (n === undefined)
            throw spec_invalid(job, `port "${c.port}" (declare it in resources.ports and run maand build)`);
        out.set(c.port, n);
    }
    return out;
}
function spec_invalid(job, detail) {
    return new errors/* MaandError */.Ob('invalid manifest.json', `job ${job} ${detail}`);
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
;// CONCATENATED MODULE: ./lib/health/probes.js
// tcp and http probes, run from the machine running maand (spec kv §5.3/§5.4). Each returns the
// reference's error text, or undefined when healthy.




const MAX_REDIRECTS = 10;
function hostPort(ip, port) {
    return (0,external_node_net_.isIPv6)(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}
/** TCP connect within `timeoutMs`, then close. */
function probes_tcpProbe(ip, port, timeoutMs, signal) {
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
            const res = await get(current, signal, s.open);
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
function get(url, signal, open) {
    const https = url.protocol === 'https:';
    const request = https ? external_node_https_.request : external_node_http_.request;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(url.port || (https ? 443 : 80));
    // through a bastion: HTTP (and TLS, verified as usual) over the forwarded stream
    const createConnection = open === undefined ? undefined : () => {
        const stream = open(host, port);
        return https ? (0,external_node_tls_.connect)({ socket: stream, ...((0,external_node_net_.isIP)(host) === 0 ? { servername: host } : {}) }) : stream;
    };
    return new Promise((resolve, reject) => {
        // createConnection is only used without an agent; agent: false otherwise (no keep-alive pool)
        const how = createConnection === undefined ? { agent: false } : { createConnection };
        const req = request(url, { method: 'GET', signal, ...how }, (res) => {
            res.on('error', reject);
            res.on('end', () => resolve(res));
            res.resume();
        });
        req.on('error', reject);
        req.end();
    });
}
/**
 * The tcp probe of a worker the runner has no route to: the connect runs on the worker itself
 * (bash's /dev/tcp, over the run's ssh connection), so it tests the same address and port.
 */
async function tcpProbeOnWorker(ip, port, timeoutMs, run) {
    const where = `tcp ${hostPort(ip, port)}`;
    const host = (0,external_node_net_.isIPv6)(ip) ? `[${ip}]` : ip;
    const r = await run(`exec 3<>/dev/tcp/${host}/${port}`);
    if (r.exitCode === 0 && !r.timedOut)
        return undefined;
    if (r.timedOut)
        return `${where}: i/o timeout after ${timeoutMs}ms`;
    if (r.message !== undefined)
        return `${where}: ${r.message}`;
    const line = r.stderr.split('\n').find((l) => l.includes('connect:')) ?? r.stderr.trim();
    return `${where}: ${line.replace(/^.*connect: /, 'connect: ')}`;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./lib/health/ssh-probe.js
/** Runs the probe; returns the reference's error text (`ssh <ip>: <why>: <output>`) or undefined. */
async function sshProbe(ip, command, runner, timeoutMs, signal) {
    if (command.trim() === '')
        return `ssh ${ip}: empty command`;
    if (runner === undefined)
        return `ssh ${ip}: this command has no ssh access to the workers`;
    const r = await runner(ip, command, { timeoutMs, ...(signal ? { signal } : {}) });
    if (r.exitCode === 0 && !r.timedOut)
        return undefined;
    const output = [r.stdout.trim(), r.stderr.trim()].filter((s) => s !== '').join('\n');
    const why = r.timedOut ? `timed out after ${timeoutMs}ms` : r.exitCode === 255 || r.exitCode < 0 ? (r.message ?? `exit status ${r.exitCode}`) : `exit status ${r.exitCode}`;
    return `ssh ${ip}: ${why}: ${output}`;
}

;// CONCATENATED MODULE: ./lib/health/job-check.js
// One job's health check (spec kv §5.2, deploy §23): every (active worker × probe) pair at once,
// then the job's health_check commands (10 allocations in parallel, health-fast workspace, KV
// writes refused); one attempt, or in wait mode up to `attempts` with `interval` in between.








async function job_check_checkJobHealth(ctx, job, o = {}) {
    const skip = (reason) => {
        ctx.onHealth?.({ type: 'skipped', job, reason });
        return { job, status: 'skipped', skipReason: reason, attempts: [] };
    };
    const fail = (attempts, text) => {
        const error = new HealthCheckError(job, jobCause(job, text));
        ctx.onHealth?.({ type: 'failed', job, error: error.message });
        return { job, status: 'failed', attempts, error };
    };
    const workers = activeWorkers(ctx.db, job);
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
    const commands = commandsFor(ctx.db, job, 'health_check');
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
                await (0,external_node_timers_promises_.setTimeout)(intervalMs, undefined, { signal: ctx.signal });
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
        const r = await runJobCommand(ctx, { job, command, event: 'health_check', workers });
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
    const route = ctx.bastionRoute?.behindBastion(ip) === true ? ctx.bastionRoute : undefined;
    if (c.type === 'tcp') {
        label = `tcp ${c.port}`;
        const port = ports.get(c.port);
        const runner = ctx.sshProbe;
        error = route !== undefined && runner !== undefined
            ? await tcpProbeOnWorker(ip, port, timeoutMs, (command) => runner(ip, command, { timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) }))
            : await probes_tcpProbe(ip, port, timeoutMs, ctx.signal);
    }
    else if (c.type === 'http') {
        label = `http ${c.port} ${c.path}`;
        await route?.ready(ip);
        const open = route === undefined ? {} : { open: (host, port) => route.open(ip, host, port) };
        error = await httpProbe({ ip, port: ports.get(c.port), path: c.path, scheme: c.scheme, expectStatus: c.expectStatus, timeoutMs, signal: ctx.signal, ...open });
    }
    else if (c.type === 'ssh') {
        label = `ssh ${c.command}`;
        error = await sshProbe(ip, c.command, ctx.sshProbe, timeoutMs, ctx.signal);
    }
    else {
        label = c.type;
        error = `health_check.checks[${index}]: unsupported type "${c.type}"`;
    }
    const result = { job, worker: ip, index, probe: label, ok: error === undefined, durationMs: Date.now() - started, ...(error === undefined ? {} : { error }) };
    ctx.onHealth?.({ type: 'probe', result });
    return result;
}

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
    const results = await runLimited(jobs.map((job) => () => checkJobHealth(ctx, job, { wait: o.wait })), JOB_PARALLELISM);
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length === 0)
        return { ok: true, jobs: results };
    return { ok: false, jobs: results, error: new Error(failed.map((r) => r.error.message).join('; ')) };
}
function selectJobs(ctx, wanted) {
    const all = catalogJobs(ctx.db);
    if (wanted === undefined)
        return all;
    const names = [...new Set(wanted.map((j) => j.trim()).filter((j) => j !== ''))].sort();
    const unknown = names.filter((j) => !all.includes(j));
    if (unknown.length > 0) {
        const e = new MaandError('invalid argument', `jobs not in this bucket: [${unknown.join(' ')}]`);
        e.message = `jobs not in this bucket: [${unknown.join(' ')}] (see maand cat jobs)`;
        throw e;
    }
    return names;
}
/** Every catalog worker's ssh port accepts TCP (position order, first failure fails the pass). Returns the error text. */
async function checkWorkers(ctx, gate, wait) {
    const workers = workersByPosition(ctx.db).map((w) => w.worker_ip);
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
            await sleep(gate.intervalMs ?? 1000, undefined, { signal: ctx.signal }).catch(() => undefined);
        }
        if (ctx.signal?.aborted)
            break;
    }
    ctx.onHealth?.({ type: 'workers-failed', error: error });
    return error;
}

;// CONCATENATED MODULE: ./lib/health/index.js
// Public API of health checks: probes, one job's check, the multi-job `health_check` pass.








;// CONCATENATED MODULE: ./lib/deploy/health-port.js
// HealthPort over src/health: probes and health_check hooks of one job, in wait mode.

/** A job's health-check progress as a deploy event (probe results are summed up by passed/failed). */
function deployEventOf(e) {
    switch (e.type) {
        case 'skipped':
            return { type: 'health', job: e.job, status: 'skipped', detail: e.reason };
        case 'attempt-failed':
            return { type: 'health', job: e.job, status: 'retrying', detail: `attempt ${e.attempt}/${e.attempts}: ${e.error}` };
        case 'passed':
            return { type: 'health', job: e.job, status: 'passed', detail: '' };
        case 'failed':
            return { type: 'health', job: e.job, status: 'failed', detail: e.error };
        default:
            return undefined;
    }
}
/** The deploy's health checks: `ctx` carries the hooks' context and the run's ssh probe. */
function healthPort(ctx, emit) {
    const hctx = {
        ...ctx,
        onHealth: (e) => {
            const d = deployEventOf(e);
            if (d)
                emit(d);
        },
    };
    return {
        async check(job) {
            const r = await job_check_checkJobHealth(hctx, job, { wait: true });
            if (r.status === 'failed')
                return { ok: false, error: r.error?.message ?? `job ${job}: health check failed` };
            return { ok: true, ...(r.status === 'skipped' ? { skipped: true } : {}) };
        },
    };
}

;// CONCATENATED MODULE: ./lib/hooks/event.js
// Every command a job registers for one event, one command at a time in name order (decision
// Q13). The first failure stops the rest, except with `continueOnFailure` (post_build).


async function runEventCommands(ctx, o) {
    const commands = [];
    for (const command of commandsFor(ctx.db, o.job, o.event)) {
        const r = await runJobCommand(ctx, { ...o, command });
        commands.push(r);
        if (!r.ok && (!o.continueOnFailure || ctx.signal?.aborted))
            break;
    }
    const failures = commands.filter((c) => !c.ok);
    const base = { job: o.job, event: o.event, commands };
    if (failures.length === 0)
        return { ...base, ok: true };
    const error = failures.length === 1 ? failures[0].error : new Error(failures.map((c) => c.error.message).join('\n'));
    return { ...base, ok: false, error };
}

;// CONCATENATED MODULE: ./lib/deploy/coalesce.js
// Merges requests that arrive together for the same key into one call: jobs of a wave roll out
// concurrently, and their rsyncs and lifecycle commands for one worker travel in one ssh round trip.
class Coalescer {
    pending = new Map();
    run;
    windowMs;
    /** `run` receives every request of one key and returns one result per request, in order. */
    constructor(run, windowMs = 3) {
        this.run = run;
        this.windowMs = windowMs;
    }
    submit(key, req) {
        return new Promise((resolve, reject) => {
            let queue = this.pending.get(key);
            if (!queue) {
                queue = [];
                this.pending.set(key, queue);
                // flush settles every request of the key itself (resolve or reject): nothing is left to handle
                setTimeout(() => {
                    this.flush(key).catch(() => undefined);
                }, this.windowMs);
            }
            queue.push({ req, resolve, reject });
        });
    }
    async flush(key) {
        const queue = this.pending.get(key) ?? [];
        this.pending.delete(key);
        try {
            const results = await this.run(key, queue.map((q) => q.req));
            queue.forEach((q, i) => q.resolve(results[i]));
        }
        catch (e) {
            for (const q of queue)
                q.reject(e);
        }
    }
}
/** One async section at a time (hooks share the KV session and its undo log). */
class Mutex {
    tail = Promise.resolve();
    lock(fn) {
        const run = this.tail.then(fn, fn);
        this.tail = run.then(() => undefined, () => undefined);
        return run;
    }
}

;// CONCATENATED MODULE: ./lib/deploy/hook-port.js



/** Hooks of concurrent jobs run one event at a time: a failed hook's KV revert must not undo another's writes. */
function hookPort(ctx) {
    const mutex = new Mutex();
    return {
        async run(job, event, allocations, opts) {
            if (allocations.length === 0 || commandsFor(ctx.db, job, event).length === 0)
                return { ok: true };
            const r = await mutex.lock(() => runEventCommands(ctx, {
                job,
                event: event,
                workers: allocations.map((a) => a.workerIp),
                concurrency: opts.concurrency,
                ...(opts.env ? { extraEnv: opts.env } : {}),
            }));
            if (r.ok)
                return { ok: true };
            // The last output line of each failed hook usually says why (a traceback's last line, a message).
            const why = r.commands
                .flatMap((c) => c.allocations)
                .filter((a) => !a.ok)
                .map((a) => `${a.worker}: ${lastLine(a.outputTail)}`)
                .filter((s) => !s.endsWith(': '));
            const base = r.error?.message ?? `job ${job}: ${event} hooks failed`;
            return { ok: false, error: why.length > 0 ? `${base}; last output: ${why.join('; ')}` : base };
        },
    };
}
function lastLine(text) {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const last = lines.at(-1) ?? '';
    return last.length > 300 ? `${last.slice(0, 297)}...` : last;
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
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
class output_LineSplitter {
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

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./lib/remote/process-host.js
// The part of running a local program that blocks: spawn (fork + exec) and the pipes. It runs on
// the run's thread while few programs run, and in worker threads beyond (spawner.ts), so a deploy to
// a hundred workers does not stall its event loop: node's spawn waits for the child to exec, which on
// a busy runner takes tens of milliseconds each, and a deploy starts several ssh and rsync processes
// per worker.
//
// `processHost` must be self-contained (no imports, no outer names): its source text is the worker's
// code (new Worker(`(${processHost})()`, { eval: true })), so it survives bundling unchanged.
function processHost(given) {
    const { parentPort } = process.getBuiltinModule('node:worker_threads');
    const { spawn } = process.getBuiltinModule('node:child_process');
    const KILL_GRACE_MS = 2000;
    const PIPE_DRAIN_MS = 1000;
    const kills = new Map();
    const port = given ?? parentPort;
    if (port === null)
        throw new Error('processHost runs in a worker thread or is given a port');
    const post = (m, transfer) => port.postMessage(m, transfer);
    const start = (r) => {
        const child = spawn(r.file, r.args, { stdio: ['pipe', 'pipe', 'pipe'] });
        let killedFor;
        let spawnError;
        let graceTimer;
        let chunks = 0;
        let done = false;
        const kill = (why) => {
            if (killedFor !== undefined || done)
                return;
            killedFor = why;
            child.kill('SIGTERM');
            graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        };
        kills.set(r.id, kill);
        const timer = r.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), r.timeoutMs);
        for (const stream of ['stdout', 'stderr']) {
            child[stream].on('data', (b) => {
                chunks++;
                if (given !== undefined)
                    return post({ type: 'chunk', id: r.id, stream, data: b });
                // a copy a thread can hand over (a Buffer may share its memory with other Buffers)
                const data = new Uint8Array(b.byteLength);
                data.set(b);
                post({ type: 'chunk', id: r.id, stream, data }, [data.buffer]);
            });
        }
        child.stdin.on('error', () => { }); // the program may exit before reading all of its input
        child.on('error', (e) => (spawnError = e.message));
        const finish = (code, signal) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            kills.delete(r.id);
            post({ type: 'end', id: r.id, code, signal, ...(killedFor ? { killedFor } : {}), ...(spawnError !== undefined ? { spawnError } : {}) });
        };
        // An ssh ControlMaster client hands its stdio to the master, so the pipes may stay open after
        // the client ended (until the remote side ends): stop waiting after PIPE_DRAIN_MS, counted in
        // event-loop turns too, so output already in a pipe is read before the pipes are closed.
        child.on('exit', (code, signal) => {
            const stop = () => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(code, signal);
            };
            if (killedFor !== undefined)
                return stop();
            setTimeout(() => {
                let seen = -1;
                const drain = () => {
                    if (done)
                        return;
                    if (seen === chunks)
                        return stop();
                    seen = chunks;
                    setImmediate(drain);
                };
                drain();
            }, PIPE_DRAIN_MS).unref();
        });
        child.on('close', (code, signal) => finish(code, signal));
        child.stdin.end(r.input);
    };
    port.on('message', (m) => {
        if (m.type === 'start')
            start(m);
        else
            kills.get(m.id)?.('abort');
    });
}

;// CONCATENATED MODULE: ./lib/remote/spawner.js
// Starts local programs (process-host.ts) so that fork + exec does not stall the run's event loop
// when many run at once: node's spawn waits for the child to exec, 20–35 ms on a busy runner, and a
// deploy to a hundred workers starts several hundred programs. While few programs run (a small fleet,
// a rollout's sequential batches) they start on this thread, as a worker thread costs more to boot
// than it saves; beyond LOCAL_MAX, they start from a small pool of worker threads. The threads do not
// keep the process alive when idle, and a thread that dies fails only the programs it was running.


/** Programs running at once that still start on this thread. */
const LOCAL_MAX = 8;
/** Threads that spawn; more would only add memory: the wait for exec is the child's, not theirs. */
const THREADS = 2;
const SOURCE = `(${processHost.toString()})()`;
const pool = [];
let local;
let nextId = 1;
function deliver(h, m) {
    const p = h.running.get(m.id);
    if (p === undefined)
        return;
    if (m.type === 'chunk')
        p.onChunk(m.stream, Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    else {
        h.running.delete(m.id);
        if (h.running.size === 0)
            h.unref();
        p.onEnd(m);
    }
}
function localHost() {
    let handler;
    const port = {
        postMessage: (m) => deliver(h, m),
        on: (_event, fn) => (handler = fn),
    };
    const h = { send: (m) => handler?.(m), running: new Map(), ref: () => { }, unref: () => { } };
    processHost(port);
    return h;
}
function newThread() {
    const worker = new external_node_worker_threads_.Worker(SOURCE, { eval: true, name: 'maand-process-host', resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const h = { send: (m) => worker.postMessage(m), running: new Map(), ref: () => worker.ref(), unref: () => worker.unref() };
    worker.on('message', (m) => deliver(h, m));
    const lost = (why) => {
        const at = pool.indexOf(h);
        if (at >= 0)
            pool.splice(at, 1);
        const running = [...h.running.values()];
        h.running.clear();
        for (const p of running)
            p.onEnd({ code: null, signal: null, spawnError: `the thread running it stopped: ${why}` });
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => {
        if (pool.includes(h))
            lost(`exit ${code}`);
    });
    worker.unref();
    return h;
}
/** This thread while few programs run, else the least busy thread (a new one while the pool is not full). */
function host() {
    local ??= localHost();
    const running = local.running.size + pool.reduce((n, t) => n + t.running.size, 0);
    if (running < LOCAL_MAX)
        return local;
    const idle = pool.find((t) => t.running.size === 0);
    if (idle !== undefined)
        return idle;
    if (pool.length < THREADS) {
        const t = newThread();
        pool.push(t);
        return t;
    }
    return pool.reduce((a, b) => (b.running.size < a.running.size ? b : a));
}
/** Starts `file args` with `input` on stdin; returns the abort of that program. */
function hostProcess(req, p) {
    const h = host();
    const id = nextId++;
    h.running.set(id, p);
    h.ref();
    h.send({ type: 'start', id, file: req.file, args: [...req.args], input: req.input, ...(req.timeoutMs === undefined ? {} : { timeoutMs: req.timeoutMs }) });
    return () => {
        if (h.running.has(id))
            h.send({ type: 'abort', id });
    };
}

;// CONCATENATED MODULE: ./lib/remote/run-process.js
// Runs one local program (ssh or rsync) to completion: stdin from a string, output streamed as
// lines and kept as a capped tail, killed on timeout or abort. A failure is returned as data. The
// program is started through spawner.ts: from worker threads when many run at once.



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
        const outLines = opts.onLine === undefined ? undefined : new output_LineSplitter((l) => opts.onLine('stdout', l));
        const errLines = opts.onLine === undefined ? undefined : new output_LineSplitter((l) => opts.onLine('stderr', l));
        const onAbort = () => abort();
        const abort = hostProcess({ file, args, input: opts.input ?? '', ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) }, {
            onChunk: (stream, b) => {
                (stream === 'stdout' ? out : err).push(b);
                (stream === 'stdout' ? outLines : errLines)?.push(b);
            },
            onEnd: (end) => {
                opts.signal?.removeEventListener('abort', onAbort);
                outLines?.end();
                errLines?.end();
                if (end.spawnError !== undefined) {
                    err.push(Buffer.from(`${file}: ${end.spawnError}\n`));
                    resolve(result(-1));
                }
                else if (end.killedFor !== undefined) {
                    resolve(result(-1, { timedOut: end.killedFor === 'timeout', aborted: end.killedFor === 'abort' }));
                }
                else {
                    const signal = end.signal;
                    resolve(result(end.code ?? 128 + (signal === null ? 0 : external_node_os_.constants.signals[signal])));
                }
            },
        });
        opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./lib/remote/shell-quote.js
// The one shell-quoting function for everything maand splices into a script or command line bash
// runs on a worker (issue 15): job names, paths, versions, targets, env values, probe commands.
/** Words bash takes literally as they are: no expansion, globbing, splitting or redirection. */
const LITERAL = /^[A-Za-z0-9_./:@%+=,-]+$/;
/**
 * `s` as one bash word with exactly its characters: bare when nothing in it is special (so IPs,
 * versions and paths read as the reference sent them), else single-quoted, where bash expands
 * nothing ($(), backticks, $VAR, newlines are literal) and a `'` is written `'\''`.
 */
function shq(s) {
    return LITERAL.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
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
/** Stands for ssh's `%h:%p` while a ProxyCommand is built (its literal '%' are doubled first). */
const HOST_PORT = '\u0000hp\u0000';
/**
 * The ProxyCommand that gives ssh a stream to `%h:%p` through `via` (issue 14): a client of the
 * last hop's ControlMaster (`-W`, a forwarded channel, no new login), which itself reaches its
 * hop through the hop before it should the master be gone. ssh expands %-tokens in the value,
 * so a nested command has its '%' doubled once per level.
 */
function proxyCommand(reach, via, opts) {
    const words = ['ssh', ...hopClientArgs(reach, via, opts), '-W', HOST_PORT, hopDestination(via.at(-1))];
    return words.map((w) => (w === HOST_PORT ? w : shq(w))).join(' ').replaceAll('%', '%%').replace(HOST_PORT, '%h:%p');
}
/** Options of a client riding the last hop's master (ControlMaster=no: it never becomes one). */
function hopClientArgs(reach, via, opts) {
    const hop = via.at(-1);
    return optionArgs({ ...reach, port: hop.port }, ['-o', 'ControlMaster=no', '-o', `ControlPath=${hop.controlPath}`, ...proxyArgs(reach, via.slice(0, -1), opts)], opts);
}
/** `-o ProxyCommand=…` through `via`, or nothing when direct. */
function proxyArgs(reach, via, opts) {
    return via === undefined || via.length === 0 ? [] : ['-o', `ProxyCommand=${proxyCommand(reach, via, opts)}`];
}
function hopDestination(hop) {
    return `${hop.user}@${hop.host}`;
}
/**
 * Argv after `ssh` that makes hop `via.at(-1)` the run's master for it: logs in (through the hops
 * before it), forks into the background once authenticated (`-f`; the foreground exits 0) and
 * serves the channels of every worker behind it. Ended by `-O exit` or after ControlPersist idle.
 */
function bastionMasterArgs(reach, via, opts = {}) {
    const hop = via.at(-1);
    assertSafeTarget({ ...reach, host: hop.host, user: hop.user, controlPath: hop.controlPath });
    const persist = { ...DEFAULT_SSH_OPTIONS, ...opts }.controlPersistSeconds;
    const control = ['-o', 'ControlMaster=yes', '-o', `ControlPath=${hop.controlPath}`, '-o', `ControlPersist=${persist}`, ...proxyArgs(reach, via.slice(0, -1), opts)];
    return [...optionArgs({ ...reach, port: hop.port }, control, opts), '-N', '-f', hopDestination(hop)];
}
/** Argv after `ssh` for a stdio stream to host:port opened by the last hop of `via` (health probes). */
function forwardArgs(reach, via, host, port, opts = {}) {
    return [...hopClientArgs(reach, via, opts), '-W', `${host.includes(':') ? `[${host}]` : host}:${port}`, hopDestination(via.at(-1))];
}
/** The option list; `control` goes between the connection options and `-p`/`-i`. */
function optionArgs(t, control, opts) {
    const o = { ...DEFAULT_SSH_OPTIONS, ...opts };
    const files = t.hostKeyPolicy === 'insecure' ? ['/dev/null'] : knownHostsFiles(t);
    return [
        ...(o.configFile === undefined ? [] : ['-F', o.configFile]),
        ...['-o', `StrictHostKeyChecking=${STRICT_VALUE[t.hostKeyPolicy]}`],
        ...(files.length === 0 ? [] : ['-o', `UserKnownHostsFile=${knownHostsValue(files)}`]),
        ...['-o', 'LogLevel=ERROR'],
        ...['-o', 'BatchMode=yes'],
        ...['-o', `ConnectTimeout=${o.connectTimeoutSeconds}`],
        ...['-o', `ServerAliveInterval=${o.serverAliveIntervalSeconds}`],
        ...['-o', `ServerAliveCountMax=${o.serverAliveCountMax}`],
        ...['-o', 'IdentitiesOnly=yes'],
        ...control,
        ...['-p', String(sshPort(t.port))],
        ...['-i', t.keyFile],
    ];
}
/** Options only (no destination): the `--rsh` value and the head of every ssh argv. */
function sshOptionArgs(target, opts = {}) {
    assertSafeTarget(target);
    const persist = { ...DEFAULT_SSH_OPTIONS, ...opts }.controlPersistSeconds;
    const control = ['-o', 'ControlMaster=auto', '-o', `ControlPath=${target.controlPath}`, '-o', `ControlPersist=${persist}`, ...proxyArgs(target, target.via, opts)];
    return optionArgs(target, control, opts);
}
/** The ProxyCommand option of a worker behind bastions (hooks' run_ssh adds it per worker). */
function workerProxyArgs(target, opts = {}) {
    return proxyArgs(target, target.via, opts);
}
/**
 * The run's own options for a hook's ssh (maand.py run_ssh, issue 15): same key, port, known_hosts
 * and host-key policy as the engine; it uses the run's master when one is open (the hook adds the
 * ControlPath) and never becomes a master itself.
 */
function hookSshOptionArgs(reach, opts = {}) {
    return optionArgs(reach, ['-o', 'ControlMaster=no'], opts);
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
/**
 * The host-key problem ssh reported in its stderr, for a host ssh-keyscan cannot reach (behind a
 * bastion): the warning of a changed key, or strict checking without a known key.
 */
function hostKeyProblemIn(stderr) {
    if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(stderr))
        return 'changed';
    if (/host key is known for .* strict checking|Host key verification failed/.test(stderr))
        return 'unknown';
    return undefined;
}

;// CONCATENATED MODULE: ./lib/remote/result.js
// What one remote operation (a worker command or an rsync) returns. A failure is data here;
// errors.ts words it for the user.
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
/**
 * Files on a worker belong to the ssh user, never to the runner's uid/gid (a worker account sharing
 * the runner's uid could edit Makefiles root runs). When the worker side is root (root login or
 * use_sudo) every file is chowned to root, which also reclaims files an older maand shipped with the
 * runner's ids (--owner --group); any other login owns what it writes and keeps no foreign ids.
 */
function ownershipArgs(spec) {
    return spec.useSudo || spec.target.user === 'root' ? ['--chown=0:0'] : ['--no-owner', '--no-group'];
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
        // a job's own symlinks (to files inside the job, build checks) arrive as symlinks
        '--links',
        // staged job trees may be links to a tree shared by several workers: send what they point to
        '--copy-dirlinks',
        '--force',
        '--delete-after',
        '--delete',
        ...ownershipArgs(spec),
        // modes as staged (job-tree.ts decides them, secrets without bits for others); whatever the
        // runner's umask made of directories, and never group/other-writable files
        '--perms',
        '--chmod=D755,Fgo-w',
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
 * Merge-filter file content (§11.3): sync only the named jobs' trees (none: only the top-level bucket
 * files) and never touch `.tpl` files; retained releases are the worker's (never sent or deleted).
 * Jobs are sorted so the file is deterministic.
 */
function mergeFilterText(jobs) {
    return `- /releases/\n${[...jobs].sort().map((j) => `+ jobs/${j}/\n`).join('')}- jobs/*\n- jobs/**/*.tpl\n`;
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
    // a symlink's line names its target too (`cL+++++++++ a/link -> file`)
    const path = m[2] === 'L' ? m[3].replace(/ -> .*$/, '') : m[3];
    return { action: ACTIONS[m[1]], path, directory: m[2] === 'd' };
}

;// CONCATENATED MODULE: ./lib/remote/script.js
// Pure builders of a worker command (deploy.md §18.2): a bash script fed to `bash -s` on ssh's
// stdin, or (scripts that hold no secret) carried base64-encoded in the command itself, which saves
// a round trip per call: ssh sends stdin only after the remote command has started. Either way the
// remote login shell parses only a fixed, quote-free command, never the script.


const DEFAULT_REMOTE_TIMEOUT_SECONDS = 300;
/** The single remote-command argument ssh sends: `timeout 300 bash -s` (sudo -E when use_sudo). */
function remoteShellCommand(opts) {
    const shell = opts.useSudo ? 'sudo -E bash -s' : 'bash -s';
    return `timeout ${opts.timeoutSeconds} ${shell}`;
}
/** Longest script carried in the command (base64): far below Linux's 128 KiB limit for one argument. */
const INLINE_SCRIPT_MAX_BYTES = 32 * 1024;
/**
 * The remote command that runs `script` with nothing on stdin: `timeout 300 bash -c 'eval "$(echo
 * <base64> | base64 -d)"'`. Only base64's alphabet varies, so any login shell (sh, bash, zsh, fish,
 * csh) passes it to bash unchanged. The command line is visible to the worker's `ps`: never a script
 * with secrets in it.
 */
function inlineShellCommand(opts, script) {
    const shell = opts.useSudo ? 'sudo -E bash -c' : 'bash -c';
    return `timeout ${opts.timeoutSeconds} ${shell} 'eval "$(echo ${Buffer.from(script, 'utf8').toString('base64')} | base64 -d)"'`;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
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
        lines.push(`export ${name}=${shq(value)}`);
    }
    lines.push(...commands);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./lib/remote/handshake.js
const MAX_HANDSHAKE_ATTEMPTS = 3;
/** Dropped or stalled before authentication: sshd at MaxStartups, a flaky middlebox, a slow host. */
const TRANSIENT = /kex_exchange_identification|ssh_exchange_identification|banner exchange|Connection reset by peer|Connection timed out|Operation timed out/i;
/** Never retried: the answer will not change. */
const FINAL = /Permission denied|Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|host key is known for|open failed|forwarding (request )?failed|Could not resolve hostname/i;
/** True when `p` is an ssh exit 255 that failed before logging in and may succeed if tried again. */
function retryableHandshake(p) {
    if (p.exitCode !== 255 || p.timedOut || p.aborted)
        return false;
    return TRANSIENT.test(p.stderr) && !FINAL.test(p.stderr);
}
/** Backoff before attempt `attempt + 1`: 250 ms, 1 s, … with up to 50 % jitter (so retries do not collide again). */
function handshakeBackoffMs(attempt) {
    const base = 250 * 4 ** (attempt - 1);
    return Math.round(base * (1 + Math.random() * 0.5));
}
/**
 * The line saying a bastion could not open the channel to the worker (the master's client prints
 * `Stdio forwarding request failed: …`, a direct -W `channel 0: open failed: …`).
 */
function channelOpenFailure(stderr) {
    return stderr
        .split('\n')
        .map((l) => l.trim())
        .find((l) => /open failed|forwarding (request )?failed/i.test(l));
}
/**
 * Handshakes with workers behind a bastion travel inside the bastion's one connection: they open
 * no connection to the bastion's sshd (its MaxStartups never sees them) and one to each worker's
 * own sshd. They are bounded all the same (each is an ssh process here and a connect by the
 * bastion), but more of them run at once: paced like direct connections, 100 workers 25 ms away
 * took 10 s to reach.
 */
const TUNNELLED_STARTUPS = 64;
function tunnelledStartupLimit(maxStartups) {
    return Math.max(maxStartups, TUNNELLED_STARTUPS);
}
/** A counting semaphore: `acquire` resolves with a release function once a slot is free. */
class StartupLimiter {
    #limit;
    #inFlight = 0;
    #waiting = [];
    constructor(limit) {
        this.#limit = Math.max(1, limit);
    }
    async acquire() {
        if (this.#inFlight >= this.#limit)
            await new Promise((resolve) => this.#waiting.push(resolve));
        else
            this.#inFlight++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.#waiting.shift();
            // the slot passes straight to the next waiter, so the count stays at the limit
            if (next !== undefined)
                next();
            else
                this.#inFlight--;
        };
    }
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
/** `user@host[:port]` of a hop for messages. */
function jumpName(hop) {
    const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
    return `${hop.user}@${host}${sshPort(hop.port) === 22 ? '' : `:${sshPort(hop.port)}`}`;
}
/**
 * The master socket of the last hop of `chain`: named after the whole chain, since the same bastion
 * reached through different hops is a different connection (and never a worker's own socket).
 */
function bastionSocket(dir, chain) {
    const key = chain.map((h) => `${h.user}@${h.host.trim()}:${sshPort(h.port)}`).join(',');
    return (0,external_node_path_.join)(dir, `b${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 20)}`);
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
    /** Per bastion socket: its master being started (undefined: up), or the failure of that start. */
    #bastions = new Map();
    /** Handshakes that open a connection from this machine (direct workers, first bastions). */
    #startups;
    /** Handshakes inside a bastion's connection (a forwarded channel, no new connection to any sshd it passes). */
    #tunnelledStartups;
    #closed = false;
    #dropExitCleanup;
    constructor(controlDir, opts) {
        this.controlDir = controlDir;
        this.#dropExitCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => this.#closeSync());
        this.#ssh = opts.ssh ?? {};
        this.#sshProgram = opts.sshProgram ?? 'ssh';
        this.#rsyncProgram = opts.rsyncProgram ?? 'rsync';
        this.#startups = new StartupLimiter(opts.maxStartups ?? 10);
        this.#tunnelledStartups = new StartupLimiter(tunnelledStartupLimit(opts.maxStartups ?? 10));
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
        const { jumps, ...rest } = worker;
        const via = (jumps ?? []).map((hop, i) => ({ ...hop, controlPath: bastionSocket(this.controlDir, jumps.slice(0, i + 1)) }));
        return { ...rest, controlPath: controlSocket(this.controlDir, worker.user, worker.host, worker.port), ...(via.length > 0 ? { via } : {}) };
    }
    /**
     * Makes sure every bastion in front of `worker` has its ControlMaster up, first hop first, each
     * started once per run however many workers ride it. The first hop that cannot be used, or
     * undefined when all are up (or the worker is direct).
     */
    reachBastions(worker, signal) {
        return this.#reachChain(this.target(worker), signal);
    }
    async #reachChain(target, signal) {
        const via = target.via ?? [];
        for (let i = 0; i < via.length; i++) {
            const hop = via[i];
            let started = this.#bastions.get(hop.controlPath);
            const settled = started === undefined ? undefined : await started;
            // a master that ended since (idle past ControlPersist, or killed) is started again
            if (started === undefined || (settled === undefined && !(0,external_node_fs_.existsSync)(hop.controlPath))) {
                started = this.#startBastion(target, via.slice(0, i + 1), signal);
                this.#bastions.set(hop.controlPath, started);
            }
            const failure = await started;
            if (failure !== undefined)
                return failure;
        }
        return undefined;
    }
    async #startBastion(worker, chain, signal) {
        const hop = chain.at(-1);
        const { via: _worker, ...reach } = worker;
        const target = { ...reach, user: hop.user, host: hop.host, port: hop.port, controlPath: hop.controlPath, ...(chain.length > 1 ? { via: chain.slice(0, -1) } : {}) };
        const args = bastionMasterArgs(worker, chain, this.#ssh);
        const timeoutMs = ((this.#ssh.connectTimeoutSeconds ?? DEFAULT_SSH_OPTIONS.connectTimeoutSeconds) + 10) * 1000;
        const r = await this.#run('command', target, this.#sshProgram, args, { timeoutMs, bastionStart: true, ...(signal ? { signal } : {}) });
        return r.exitCode === 0 ? undefined : { hop: jumpName(hop), result: { ...r, hop: jumpName(hop) } };
    }
    /**
     * A byte stream to host:port opened by the last bastion in front of `worker` (a channel of its
     * master): health probes reach a worker's ports the way the runner would on a flat network.
     */
    forward(worker, host, port) {
        const via = this.target(worker).via;
        if (via === undefined)
            throw new errors/* InternalError */.Gd('forward() needs a worker behind a bastion');
        return (0,external_node_child_process_.spawn)(this.#sshProgram, forwardArgs(worker, via, host, port, this.#ssh), { stdio: ['pipe', 'pipe', 'pipe'] });
    }
    /**
     * Runs `script` with `bash -s` on the worker (deploy.md §18.2), or, with `inline` and a script up to
     * INLINE_SCRIPT_MAX_BYTES, carried in the command (one round trip less; see script.ts).
     */
    async runScript(worker, script, opts = {}) {
        const target = this.target(worker);
        const shell = { useSudo: opts.useSudo === true, timeoutSeconds: opts.remoteTimeoutSeconds ?? DEFAULT_REMOTE_TIMEOUT_SECONDS };
        const remote = remoteShellCommand(shell);
        const inline = opts.inline === true && Buffer.byteLength(script, 'utf8') <= INLINE_SCRIPT_MAX_BYTES;
        const args = sshArgs(target, inline ? inlineShellCommand(shell, script) : remote, this.#ssh);
        const timeoutMs = opts.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_SECONDS * 1000;
        const { inline: _, ...rest } = opts;
        return this.#run('command', target, this.#sshProgram, args, {
            ...rest, timeoutMs, input: inline ? '' : script,
            // messages show the command as `bash -s` either way (the remote command is the last argument),
            // not kilobytes of base64
            ...(inline ? { summaryArgv: [this.#sshProgram, ...args.slice(0, -1), remote] } : {}),
        });
    }
    /**
     * Runs command lines under `set -e -u` with `env` exported first. Without `env` (which may hold
     * secrets) the script travels in the command (runScript's `inline`).
     */
    run(worker, commands, opts = {}) {
        const secretFree = opts.env === undefined || Object.keys(opts.env).length === 0;
        return this.runScript(worker, workerScript(commands, opts.env), { ...opts, inline: secretFree });
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
            if (probe.exitCode === SSH_FAILED)
                return { ...r, exitCode: SSH_FAILED, stderr: `${r.stderr}${probe.stderr}`, ...(probe.hostKeyProblem ? { hostKeyProblem: probe.hostKeyProblem } : {}) };
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
        let gateOpen;
        try {
            // a bastion's own start is reached by reachChain itself, hop by hop
            if (target.via !== undefined && opts.bastionStart !== true) {
                const failure = await this.#reachChain(target, signal);
                if (failure !== undefined)
                    return { ...failure.result, kind, argv: [program, ...args], summary: summarizeArgv([program, ...args]), hop: failure.hop };
            }
            // Commands started together before a worker's first connection is up would each log in and
            // race to become its ControlMaster: the first one connects, the others wait for its socket.
            const gate = this.#firstContact.get(target.controlPath);
            if (gate === undefined)
                this.#firstContact.set(target.controlPath, new Promise((open) => (gateOpen = open)));
            else
                await gate;
            const { bastionStart: _, summaryArgv: _summary, ...processOpts } = opts;
            const start = () => runProcess(program, args, { ...processOpts, signal });
            const limiter = target.via === undefined ? this.#startups : this.#tunnelledStartups;
            p = (0,external_node_fs_.existsSync)(target.controlPath) ? await start() : await this.#handshake(target.controlPath, limiter, start, signal, () => gateOpen?.());
        }
        finally {
            gateOpen?.();
            this.#running.delete(own);
        }
        const argv = [program, ...args];
        const result = {
            ...p,
            kind,
            host: target.host.trim(),
            port: sshPort(target.port),
            argv,
            summary: summarizeArgv(opts.summaryArgv ?? argv),
            knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
            knownHostsName: knownHostsName(target),
            ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
            ...(target.via === undefined ? {} : { through: jumpName(target.via.at(-1)) }),
        };
        if (p.exitCode === SSH_FAILED && !p.timedOut && !p.aborted) {
            // ssh-keyscan has no way through a bastion: behind one, ssh's own fatal line says it
            const problem = target.via === undefined ? await diagnoseHostKey(target) : hostKeyProblemIn(p.stderr);
            if (problem !== undefined)
                result.hostKeyProblem = problem;
        }
        return result;
    }
    /**
     * Runs a command that has to log in (no master socket yet) within `limiter`'s startup limit; the
     * slot is freed once the master is up (or the command ended). A failure before authentication
     * is tried again after a backoff (handshake.ts). `onUp` runs once the socket exists or the last
     * attempt ended.
     */
    async #handshake(path, limiter, start, signal, onUp) {
        const limitMs = ((this.#ssh.connectTimeoutSeconds ?? DEFAULT_SSH_OPTIONS.connectTimeoutSeconds) + 5) * 1000;
        for (let attempt = 1;; attempt++) {
            const release = await limiter.acquire();
            const running = start();
            // frees the slot as soon as the master is up; nothing here can fail the command itself
            socketReady(path, running, limitMs)
                .then(() => {
                release();
                if ((0,external_node_fs_.existsSync)(path))
                    onUp();
            })
                .catch(() => release());
            const p = await running;
            release();
            if (attempt >= MAX_HANDSHAKE_ATTEMPTS || signal.aborted || !retryableHandshake(p))
                return p;
            await (0,external_node_timers_promises_.setTimeout)(handshakeBackoffMs(attempt));
        }
    }
    /** Kills running commands, ends every ControlMaster, removes the socket directory. */
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#dropExitCleanup();
        for (const c of this.#running)
            c.abort();
        const sockets = await (0,promises_.readdir)(this.controlDir).catch(() => []);
        await Promise.all(sockets.map((s) => runProcess(this.#sshProgram, ['-o', `ControlPath=${(0,external_node_path_.join)(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], {
            timeoutMs: 5000,
        })));
        await (0,promises_.rm)(this.controlDir, { recursive: true, force: true });
    }
    /** close() for a process about to exit: masters are told to exit synchronously, the directory removed. */
    #closeSync() {
        this.#closed = true;
        let sockets = [];
        try {
            sockets = (0,external_node_fs_.readdirSync)(this.controlDir);
        }
        catch {
            // already gone
        }
        for (const s of sockets)
            (0,external_node_child_process_.spawnSync)(this.#sshProgram, ['-o', `ControlPath=${(0,external_node_path_.join)(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], { stdio: 'ignore', timeout: 2000 });
        (0,external_node_fs_.rmSync)(this.controlDir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./lib/remote/child-stream.js

const STDERR_KEEP = 4096;
/**
 * Reads what the child writes to stdout and writes to its stdin. The stream ends only once the
 * child has exited and every byte it wrote was pushed: its 'exit' can come before its stdout is
 * read (a server that answers and closes), and ending then lost the answer. A child that fails
 * destroys the stream with its last stderr line (ssh's reason); destroying the stream stops it.
 */
function childStream(child, what) {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
        stderr = (stderr + d).slice(-STDERR_KEEP);
    });
    // the child may exit before it read all we wrote: its exit status tells what happened, not EPIPE
    child.stdin.on('error', () => { });
    const stream = new external_node_stream_.Duplex({
        read() {
            child.stdout.resume();
        },
        write(chunk, _encoding, done) {
            if (child.stdin.writable)
                child.stdin.write(chunk);
            done();
        },
        final(done) {
            child.stdin.end();
            done();
        },
        destroy(err, done) {
            if (child.exitCode === null && child.signalCode === null)
                child.kill();
            done(err);
        },
    });
    child.stdout.on('data', (chunk) => {
        if (!stream.push(chunk))
            child.stdout.pause();
    });
    child.once('error', (e) => stream.destroy(new Error(`${what}: ${e.message}`)));
    child.once('close', (code, signal) => {
        if (stream.destroyed)
            return;
        if (code === 0) {
            stream.push(null);
            return;
        }
        const line = stderr.trim().split('\n').at(-1)?.trim();
        stream.destroy(new Error(`${what}: ${line || (signal !== null ? `killed by ${signal}` : `exit status ${code}`)}`));
    });
    return stream;
}

;// CONCATENATED MODULE: ./lib/remote/hook-ssh.js
// The hook variables that let a hook's maand.run_ssh reach workers exactly as the run does
// (issue 15): the run's ssh options (host-key policy and known_hosts of decision Q28, key, port),
// the user, and the directory of the run's ControlMaster sockets (socket names: executor.ts
// controlSocket, which maand.py computes the same way).

function hookSshEnvironment(reach, controlDir, proxies = {}) {
    return {
        // per worker behind a bastion: the ProxyCommand riding the run's bastion master (issue 14)
        ...(Object.keys(proxies).length > 0 ? { MAAND_SSH_PROXY: JSON.stringify(proxies) } : {}),
        MAAND_SSH_CONTROL_DIR: controlDir,
        MAAND_SSH_OPTIONS: JSON.stringify(hookSshOptionArgs(reach)),
        MAAND_SSH_USER: reach.user,
        MAAND_SSH_PORT: String(sshPort(reach.port)),
    };
}

;// CONCATENATED MODULE: ./lib/remote/errors.js
// The message of a worker command or rsync that failed: what failed, on which worker, and what to do
// next. Classified by exit code and executor flags.


function what(r) {
    return r.kind === 'rsync' ? 'rsync' : 'command';
}
function seconds(ms) {
    return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}
/** `head: reason` when stderr said something, else just `head`. */
function withReason(head, reason) {
    return reason === '' ? head : `${head}: ${reason}`;
}
/** A bastion that failed, named as the hop it is (issue 14); the worker behind it was never tried. */
function hopFailureMessage(r, failure) {
    const b = `bastion ${r.hop}`;
    const files = r.knownHosts.join(', ');
    const next = 'check ssh_proxy_jump (maand.conf, the ssh-proxy-jump input or the worker\'s proxy_jump) and the bastion, then run maand deploy again';
    switch (failure) {
        case 'host-key-changed':
            return `${b}: host key changed (ssh exit 255): the key it presents is not the one recorded for ${r.knownHostsName} in ${files}; if the bastion was reinstalled, remove the old key with 'ssh-keygen -R ${r.knownHostsName}', then run maand deploy again`;
        case 'host-key-unknown':
            return `${b}: host key unknown (ssh exit 255): no key for ${r.knownHostsName} in ${files} and host key checking is strict; add the bastion's key to the known hosts, then run maand deploy again`;
        case 'timeout':
            return `${b}: no connection within ${seconds(r.timeoutMs ?? 0)} s; ${next}`;
        case 'aborted':
            return `${b}: connection cancelled`;
        default:
            return `${withReason(`${b} unreachable (ssh exit ${r.exitCode})`, stderrTail(r))}; ${next}`;
    }
}
/** What to do about an ssh exit 255: a refused login points at ssh_user and the key, not at the network. */
function unreachableHint(sshOutput) {
    return /Permission denied \(publickey/.test(sshOutput)
        ? 'the worker refused the login: check ssh_user and the ssh key (maand.conf ssh_user, ssh_key), then run maand deploy again'
        : 'check the host, its ssh_port and known_hosts, then run maand deploy again';
}
function remoteFailureMessage(r, failure) {
    if (r.hop !== undefined)
        return hopFailureMessage({ ...r, hop: r.hop }, failure);
    const w = `worker ${r.host}`;
    const files = r.knownHosts.join(', ');
    switch (failure) {
        case 'host-key-changed':
            return (`${w}: host key changed (ssh exit 255): the key it presents is not the one recorded for ` +
                `${r.knownHostsName} in ${files}; if the worker was reinstalled, remove the old key with ` +
                `'ssh-keygen -R ${r.knownHostsName} -f ${r.knownHosts[0] ?? '~/.ssh/known_hosts'}', then run maand deploy again`);
        case 'host-key-unknown':
            return (`${w}: host key unknown (ssh exit 255): no key for ${r.knownHostsName} in ${files} and host key ` +
                `checking is strict; add the worker's key to the known hosts, then run maand deploy again`);
        case 'unreachable':
            if (r.through !== undefined) {
                // the bastion's own line (`channel 0: open failed: connect failed: …`) says why, not ssh's last one
                const why = channelOpenFailure(r.stderr) ?? stderrTail(r);
                return `${withReason(`${w} unreachable through bastion ${r.through} (ssh exit 255)`, why)}; check the host, its ssh_port, that the bastion can reach it and allows TCP forwarding (AllowTcpForwarding), then run maand deploy again`;
            }
            return `${withReason(`${w} unreachable (ssh exit 255)`, stderrTail(r))}; ${unreachableHint(r.stderr)}`;
        case 'timeout':
            return (`${w}: ${what(r)} timed out after ${seconds(r.timeoutMs ?? 0)} s and was killed; ` +
                `check what it waits for on the worker, then run maand deploy again`);
        case 'aborted':
            return `${w}: ${what(r)} cancelled`;
        case 'exit':
            return r.kind === 'rsync'
                ? withReason(`${w}: rsync failed (exit ${r.exitCode})`, rsyncReason(r))
                : withReason(`${w}: command execution failed (exit ${r.exitCode})`, stderrTail(r));
    }
}

;// CONCATENATED MODULE: ./lib/deploy/openssh-remote.js
// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.











/**
 * The deploy's remote access; `executor` is shared with health-check ssh probes (same ControlMasters);
 * `hookEnv` lets hooks' maand.run_ssh use the same masters and exactly these ssh options.
 */
async function openSshRemote(paths, conf, access, 
/** The catalog's workers and their own proxy_jump (undefined: not set); decides each worker's bastions. */
workers = new Map()) {
    const s = sshSettings(conf);
    const keyFile = access.keyFile ?? (0,external_node_path_.join)(paths.secretsDir, s.keyName);
    const exec = await RemoteExecutor.create({ maxStartups: s.maxStartups, ...(access.tmpDir ? { tmpDir: access.tmpDir } : {}) });
    const reach = {
        user: s.user,
        port: s.port,
        keyFile,
        hostKeyPolicy: access.hostKeyPolicy,
        knownHostsFile: access.knownHostsFile ?? paths.knownHosts,
        ...(access.extraKnownHostsFiles ? { extraKnownHostsFiles: access.extraKnownHostsFiles } : {}),
    };
    // The key is checked on first use, not at connect: a run that reaches no worker needs no key.
    let keyProblem = null;
    const checkKey = () => {
        if (keyProblem === null)
            keyProblem = sshKeyProblem(keyFile);
        return keyProblem;
    };
    const jumpsOf = workerJumps(s, access.proxyJump, workers);
    const target = (ip) => {
        const jumps = jumpsOf(ip);
        return { host: ip, ...reach, ...(jumps.length > 0 ? { jumps } : {}) };
    };
    const explain = (r) => {
        const failure = failureOf(r);
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: remoteFailureMessage(r, failure) } : {}) };
    };
    // WorkerRemote's contract: a failure is a result, never a throw (see WorkerLink).
    const keyFailure = () => {
        const problem = checkKey();
        return problem === undefined ? undefined : { exitCode: -1, stdout: '', stderr: '', message: problem };
    };
    let missingTool = null;
    const remote = {
        async preflight() {
            missingTool ??= ['ssh', 'rsync'].map(missingProgram).find((m) => m !== undefined);
            const local = checkKey() ?? missingTool;
            if (local !== undefined)
                return local;
            // every bastion of the catalog's workers, once: one that is down fails the run before a change
            const chains = new Map();
            for (const ip of workers.keys()) {
                const t = target(ip);
                if (t.jumps !== undefined)
                    chains.set(JSON.stringify(t.jumps), t);
            }
            for (const t of chains.values()) {
                const failure = await exec.reachBastions(t);
                if (failure !== undefined)
                    return explain(failure.result).message;
            }
            return undefined;
        },
        async run(ip, script, opts = {}) {
            const bad = keyFailure();
            if (bad)
                return bad;
            const r = await exec.run(target(ip), [script], {
                useSudo: s.useSudo,
                ...(opts.env ? { env: opts.env } : {}),
                ...(opts.onLine ? { onLine: opts.onLine } : {}),
                ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
            });
            return explain(r);
        },
        async rsync(ip, localDir, remoteDir, filterFile, opts = {}) {
            const bad = keyFailure();
            if (bad)
                return bad;
            const r = await exec.rsync(target(ip), { sourceDir: localDir, remoteDir, filterFile, useSudo: s.useSudo, ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.itemize ? { itemize: true } : {}) }, opts.onLine ? { onLine: opts.onLine } : {});
            return explain(r);
        },
        async probe(ip, command, opts) {
            const bad = keyFailure();
            if (bad)
                return { ...bad, timedOut: false };
            // runScript, not run: the probe's command runs as written (no `set -u` that a plain ssh command lacks)
            const r = await exec.runScript(target(ip), `${command}\n`, {
                useSudo: s.useSudo,
                timeoutMs: opts.timeoutMs,
                remoteTimeoutSeconds: Math.max(1, Math.ceil(opts.timeoutMs / 1000)),
                outputCapBytes: 16 * 1024,
                ...(opts.signal ? { signal: opts.signal } : {}),
            });
            return { ...explain(r), timedOut: r.timedOut };
        },
        bastionRoute: {
            behindBastion: (ip) => jumpsOf(ip).length > 0,
            ready: async (ip) => {
                await exec.reachBastions(target(ip));
            },
            open: (ip, host, port) => childStream(exec.forward(target(ip), host, port), `forward to ${host}:${port} through the bastion`),
        },
        close: () => exec.close(),
    };
    const proxies = Object.fromEntries([...workers.keys()].map((ip) => [ip, workerProxyArgs(exec.target(target(ip)))]).filter(([, a]) => a.length > 0));
    return { remote, executor: exec, hookEnv: hookSshEnvironment(reach, exec.controlDir, proxies) };
}
/**
 * Each worker's bastions (decision Q37): its own workers.json proxy_jump, else the Action's
 * ssh-proxy-jump, else maand.conf ssh_proxy_jump; '' is direct. A hop without a user logs in as
 * ssh_user. The values were validated when read; parsing again only resolves them.
 */
function workerJumps(s, input, workers) {
    const parsed = new Map();
    return (ip) => {
        const spec = workers.get(ip) ?? input ?? s.proxyJump;
        let jumps = parsed.get(spec);
        if (jumps === undefined) {
            jumps = (0,proxy_jump/* parseProxyJump */.uo)(spec, 'ssh proxy jump').map((h) => ({ user: h.user ?? s.user, host: h.host, port: h.port }));
            parsed.set(spec, jumps);
        }
        return jumps;
    };
}
/** Why the ssh key cannot be used, or undefined when it can. */
function sshKeyProblem(keyFile) {
    try {
        if ((0,external_node_fs_.statSync)(keyFile).isDirectory())
            return `ssh key ${keyFile} is a directory: put the workers' private key file there (maand.conf ssh_key)`;
        (0,external_node_fs_.accessSync)(keyFile, external_node_fs_.constants.R_OK);
        return undefined;
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return `ssh key ${keyFile} does not exist: put the workers' private key there (maand.conf ssh_key), then run maand deploy again`;
        return `ssh key ${keyFile} cannot be read (${code ?? e.message}): fix its permissions, then run maand deploy again`;
    }
}
/** Why `program` cannot be started here (not installed, not on PATH), or undefined. */
function missingProgram(program) {
    const r = (0,external_node_child_process_.spawnSync)(program, [program === 'ssh' ? '-V' : '--version'], { stdio: 'ignore', timeout: 10_000 });
    const code = r.error?.code;
    if (code === 'ENOENT')
        return `${program} is not installed on this machine (not found on PATH): install ${program === 'ssh' ? 'openssh-client' : 'rsync'}, then run maand again`;
    if (code === 'EACCES')
        return `${program} on PATH cannot be executed (permission denied): fix it, then run maand again`;
    return undefined;
}

;// CONCATENATED MODULE: ./lib/deploy/connect.js
// Wires one run to the outside: OpenSSH for workers, the hooks' runtime API and runner, health checks.






function connectRun(o) {
    return async (run) => {
        const { remote, hookEnv } = await openSshRemote((0,bucket_paths/* bucketPaths */.Z)(run.root), run.conf, o.ssh, workerProxyJumps(run.db));
        // hooks' maand.run_ssh uses the run's ssh options and ControlMasters (already host-key checked)
        return linkRun(run, remote, { ...(o.hookEnv ?? {}), ...hookEnv });
    };
}
/**
 * connectRun for engine runs that follow each other (drift detection, then its correction): the first
 * run opens the ssh remote and the later ones reuse it, so each bastion and worker is logged in to
 * once for all of them (issue 14). A run's own close leaves the remote open; close() here ends it.
 */
function connectShared(o) {
    let opened;
    return {
        connect: async (run) => {
            opened ??= openSshRemote((0,bucket_paths/* bucketPaths */.Z)(run.root), run.conf, o.ssh, workerProxyJumps(run.db));
            const { remote, hookEnv } = await opened;
            return linkRun(run, { ...remote, close: async () => { } }, { ...(o.hookEnv ?? {}), ...hookEnv });
        },
        close: async () => {
            const pending = opened;
            opened = undefined;
            if (pending !== undefined)
                await (await pending).remote.close();
        },
    };
}
/**
 * The links of one run over a given WorkerRemote: the hooks' runtime API and runner, and health checks
 * probing through `remote`. `remote` is closed with the links, or here when the runtime API fails to start.
 */
async function linkRun(run, remote, hookEnv) {
    let api;
    try {
        api = await startRuntimeApi({ db: run.db, kv: run.kv });
    }
    catch (e) {
        await remote.close();
        throw e;
    }
    const hookContext = {
        root: run.root,
        db: run.db,
        kv: run.kv,
        api,
        env: hookEnv,
        onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}`, source: 'hook' }),
        ...(run.signal ? { signal: run.signal } : {}),
    };
    return {
        remote,
        hooks: hookPort(hookContext),
        health: healthPort({ ...hookContext, sshProbe: (ip, command, opts) => remote.probe(ip, command, opts), ...(remote.bastionRoute ? { bastionRoute: remote.bastionRoute } : {}) }, run.emit),
        hookContext,
        close: async () => {
            try {
                await api.close();
            }
            finally {
                await remote.close();
            }
        },
    };
}

;// CONCATENATED MODULE: ./lib/deploy/job-tree.js
// A job's staged tree for one allocation, in memory: catalog files, client libraries, rendered .tpl
// files, Prometheus rules and certificates. Planning hashes it without touching the disk; only trees
// that will be rsynced are written (writeJobTree).




function emptyTree() {
    return { dirs: new Set(), files: new Map() };
}
function putFile(tree, rel, data, mode, legacyMode = mode, link) {
    tree.files.set(rel, { data: typeof data === 'string' ? Buffer.from(data) : data, mode, legacyMode, ...(link === undefined ? {} : { link }) });
    for (let d = (0,external_node_path_.dirname)(rel); d !== '.' && d !== ''; d = (0,external_node_path_.dirname)(d))
        tree.dirs.add(d);
}
/**
 * A file's digest: md5 of its bytes (§9.2), and of its mode too when that differs from what the
 * reference wrote: a mode change is a change to deploy, while trees the reference hashed keep
 * their hashes as long as their modes are the reference's. A symlink adds its target text.
 */
function fileDigest(f) {
    const h = (0,external_node_crypto_.createHash)('md5').update(f.data);
    if (f.mode !== f.legacyMode)
        h.update(`\0mode=${f.mode.toString(8)}`);
    if (f.link !== undefined)
        h.update(`\0link=${f.link}`);
    return h.digest('hex');
}
/** The plan hash of §9.2 over the tree, modes included (see fileDigest). */
function hashJobTree(tree) {
    const rels = [...tree.files.keys()].filter((p) => !p.includes('__pycache__')).sort(go_json/* byteCompare */.U6);
    const files = {};
    const digests = [];
    for (const rel of rels) {
        const d = fileDigest(tree.files.get(rel));
        digests.push(d);
        files[rel] = d;
    }
    return { hash: (0,external_node_crypto_.createHash)('md5').update(digests.join('')).digest('hex'), files, filesJson: (0,go_json/* goJson */.Pl)(files) };
}
/** The process umask, read once (reading it briefly sets it: do it before any file is written). */
const UMASK = (() => {
    const m = process.umask(0o022);
    process.umask(m);
    return m;
})();
/** Writes the tree into a directory that does not exist yet (files are created, never overwritten). */
function writeJobTree(tree, dir) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    // putFile records every parent directory, so each file's directory exists before it is written
    for (const d of [...tree.dirs].sort(go_json/* byteCompare */.U6))
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, d), { recursive: true, mode: 0o755 });
    for (const [rel, f] of tree.files) {
        const p = (0,external_node_path_.join)(dir, rel);
        if (f.link !== undefined) {
            (0,external_node_fs_.symlinkSync)(f.link, p);
            continue;
        }
        (0,external_node_fs_.writeFileSync)(p, f.data, { mode: f.mode });
        if ((f.mode & UMASK) !== 0)
            (0,external_node_fs_.chmodSync)(p, f.mode); // the umask trimmed the mode at creation
    }
}
function readAsset(path) {
    return (0,external_node_fs_.readFileSync)(path);
}

;// CONCATENATED MODULE: ./lib/deploy/worker-files.js
// Bucket-level files every touched worker receives (deploy spec §7.2, §21): worker.json, jobs.json and
// bin/runner.py, bin/worker.py, written into the worker's staging dir before an rsync.



/** What a worker's worker.json and jobs.json say, from the catalog. */
function workerFileData(db, bucketId, updateSeq, w) {
    const jobs = db.prepare('SELECT job, disabled FROM allocations WHERE worker_ip = ? AND removed = 0 ORDER BY job').all(w.ip);
    return { bucketId, workerId: w.workerId, workerIp: w.ip, labels: w.labels, updateSeq, jobs };
}
/** Go's json.MarshalIndent with three spaces and HTML-safe escaping. */
function goPrettyJson(value) {
    return JSON.stringify(value, null, 3).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function workerJson(d) {
    return goPrettyJson({ bucket_id: d.bucketId, worker_id: d.workerId, worker_ip: d.workerIp, labels: [...d.labels].sort(), update_seq: d.updateSeq });
}
function jobsJson(d) {
    return goPrettyJson([...d.jobs].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : 0)).map((j) => ({ job: j.job, disabled: j.disabled })));
}
function writeWorkerFiles(stageDir, d) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(stageDir, 'bin'), { recursive: true, mode: 0o755 });
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(stageDir, 'jobs'), { recursive: true, mode: 0o755 });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(stageDir, 'worker.json'), workerJson(d), { mode: 0o644 });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(stageDir, 'jobs.json'), jobsJson(d), { mode: 0o644 });
    // the staging dir lives for one deploy, so assets already copied there are current
    for (const f of ['runner.py', 'worker.py'])
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(stageDir, 'bin', f)))
            (0,external_node_fs_.copyFileSync)(assetPath(f), (0,external_node_path_.join)(stageDir, 'bin', f));
}

;// CONCATENATED MODULE: ./lib/deploy/stage-area.js
// Where one run stages what rsync sends: per worker a directory with worker.json, jobs.json, bin/ and a
// link per job to the job's tree, plus the rsync filter files. Everything lives in a private (0700)
// directory that exists for this run only. It is placed in RAM (/dev/shm) when that has room: staged
// trees are written once and read once, and on a busy or slow disk creating thousands of small files
// costs more than the rsync that follows. Trees that do not fit in the RAM budget spill to the bucket's
// tmp/ directory; rsync follows the links either way (--copy-dirlinks).







const PAGE = 4096;
/** Never take more than this share of the tmpfs' free space (other programs use it too). */
const RAM_SHARE = 0.5;
const PREFIX = 'maand-stage-';
/**
 * Below this much usable tmpfs space the area goes to disk from the start: the per-worker files
 * (worker.json, filters) are always written to the area itself, and a nearly full /dev/shm would fail
 * them with ENOSPC where the disk has room.
 */
const MIN_RAM_BYTES = 1024 * 1024;
/**
 * A run killed outright (SIGKILL, power loss of a container) cannot remove its area, and RAM is not
 * wiped like the bucket's tmp/: remove this user's areas whose process is gone.
 */
function sweepDeadAreas(ramDir) {
    const uid = process.getuid?.();
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(ramDir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const m = /^maand-stage-(\d+)-/.exec(name);
        if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1])))
            continue;
        const dir = (0,external_node_path_.join)(ramDir, name);
        try {
            if (uid !== undefined && (0,external_node_fs_.statSync)(dir).uid !== uid)
                continue;
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
        catch {
            // another run swept it first, or it is not ours to remove
        }
    }
}
/** Bytes a tree occupies on a tmpfs: whole pages per file and per directory. */
function treeFootprint(tree) {
    let bytes = (tree.dirs.size + 1) * PAGE;
    for (const f of tree.files.values())
        bytes += Math.max(1, Math.ceil(f.data.length / PAGE)) * PAGE;
    return bytes;
}
class StageArea {
    dir;
    /** True when the area itself is on disk (no tmpfs): trees then never spill elsewhere. */
    onDisk;
    bucketTmp;
    /** Bytes of RAM still available for trees; 0 when the area is on disk. */
    ramLeft;
    spillDir;
    trees = new Map();
    dropExitCleanup;
    constructor(dir, bucketTmp, ramLeft, onDisk) {
        this.dir = dir;
        this.onDisk = onDisk;
        this.bucketTmp = bucketTmp;
        this.ramLeft = ramLeft;
        this.dropExitCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => this.removeDirs());
    }
    static open(o) {
        const ram = o.ramDir === undefined ? '/dev/shm' : o.ramDir;
        if (ram !== null) {
            try {
                sweepDeadAreas(ram);
                const fs = (0,external_node_fs_.statfsSync)(ram);
                const budget = Math.floor(fs.bavail * fs.bsize * RAM_SHARE);
                if (budget >= MIN_RAM_BYTES) {
                    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(ram, `${PREFIX}${process.pid}-`));
                    return new StageArea(dir, o.bucketTmp, Math.min(budget, o.ramBudgetBytes ?? budget), false);
                }
            }
            catch {
                // no tmpfs here (not Linux, or not writable): stage on disk
            }
        }
        (0,external_node_fs_.mkdirSync)(o.bucketTmp, { recursive: true });
        return new StageArea((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(o.bucketTmp, 'stage-')), o.bucketTmp, 0, true);
    }
    /** The rsync source directory of one worker. */
    workerDir(ip) {
        return (0,external_node_path_.join)(this.dir, 'workers', ip);
    }
    /**
     * Links `<workerDir>/jobs/<job>` to the job's tree, writing the tree the first time a tree with this
     * hash is placed (workers whose trees are identical share one copy).
     */
    placeTree(ip, job, hash, tree) {
        const key = `${job}-${hash}`;
        let path = this.trees.get(key);
        if (path === undefined) {
            const size = treeFootprint(tree);
            if (!this.onDisk && size <= this.ramLeft) {
                this.ramLeft -= size;
                path = (0,external_node_path_.join)(this.dir, 'trees', key);
                try {
                    writeJobTree(tree, path);
                }
                catch (e) {
                    // the tmpfs filled up under us (others use it too): this and later trees go to disk
                    if (e.code !== 'ENOSPC')
                        throw e;
                    (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
                    this.ramLeft = 0;
                    path = (0,external_node_path_.join)(this.spill(), key);
                    writeJobTree(tree, path);
                }
            }
            else {
                path = (0,external_node_path_.join)(this.spill(), key);
                writeJobTree(tree, path);
            }
            this.trees.set(key, path);
        }
        const link = (0,external_node_path_.join)(this.workerDir(ip), 'jobs', job);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(link), { recursive: true });
        (0,external_node_fs_.rmSync)(link, { recursive: true, force: true });
        (0,external_node_fs_.symlinkSync)(path, link, 'dir');
    }
    /** Forgets a worker's staged files (e.g. after its job was cleaned up). */
    dropWorkerJob(ip, job) {
        (0,external_node_fs_.rmSync)(job === undefined ? this.workerDir(ip) : (0,external_node_path_.join)(this.workerDir(ip), 'jobs', job), { recursive: true, force: true });
    }
    /**
     * What one rsync to a worker sends from: its source directory with the current worker files (when
     * the catalog knows the worker), and a merge filter passing only the trees of `jobs` (none: the
     * bucket-level files alone).
     */
    rsyncSource(ip, worker, jobs) {
        const dir = this.workerDir(ip);
        if (worker)
            writeWorkerFiles(dir, worker);
        const filter = (0,external_node_path_.join)(this.dir, 'filters', `${ip}-${jobs.join('_') || 'bucket'}.rsync`);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(filter), { recursive: true });
        (0,external_node_fs_.writeFileSync)(filter, mergeFilterText(jobs), { mode: 0o600 });
        return { dir, filter };
    }
    close() {
        this.dropExitCleanup();
        this.removeDirs();
    }
    removeDirs() {
        (0,external_node_fs_.rmSync)(this.dir, { recursive: true, force: true });
        if (this.spillDir !== undefined)
            (0,external_node_fs_.rmSync)(this.spillDir, { recursive: true, force: true });
    }
    spill() {
        if (this.onDisk)
            return (0,external_node_path_.join)(this.dir, 'trees');
        if (this.spillDir === undefined) {
            (0,external_node_fs_.mkdirSync)(this.bucketTmp, { recursive: true });
            this.spillDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(this.bucketTmp, 'stage-spill-'));
        }
        return this.spillDir;
    }
}

;// CONCATENATED MODULE: ./lib/history/store.js

/** Creates the history tables when missing (the caller holds a transaction or none). */
function ensureHistoryTables(db) {
    for (const ddl of [...Object.values(HISTORY_TABLES), ...HISTORY_INDEXES])
        db.exec(ddl);
}
function hasHistory(db) {
    return tablesExist(db, ['deploy_history']);
}
/** Marks runs a killed maand left `running` as interrupted, then records a new run; its deploy id. */
function beginRun(db, command, origin, now) {
    ensureHistoryTables(db);
    db.prepare("UPDATE deploy_history SET outcome = 'interrupted' WHERE outcome = 'running'").run();
    const r = db.prepare("INSERT INTO deploy_history (started_at, command, trigger, git_commit, outcome) VALUES (?, ?, ?, ?, 'running')").run(now.toISOString(), command, origin.trigger, origin.commit);
    return Number(r.lastInsertRowid);
}
function finishRun(db, deployId, outcome, durationMs) {
    db.prepare('UPDATE deploy_history SET outcome = ?, duration_ms = ? WHERE deploy_id = ?').run(outcome, durationMs, deployId);
}
function recordJob(db, deployId, j) {
    db.prepare(`INSERT INTO deploy_history_jobs (deploy_id, job, version, plan_hash, allocations_changed, outcome) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job) DO UPDATE SET version = excluded.version, plan_hash = excluded.plan_hash,
     allocations_changed = excluded.allocations_changed, outcome = excluded.outcome`).run(deployId, j.job, j.version, j.planHash, j.allocationsChanged, j.outcome);
}
/** The allocation runs `releaseId` from now on (written in the same checkpoint as its promotion). */
function recordRelease(db, r) {
    db.prepare(`INSERT INTO deploy_history_allocations (deploy_id, job, alloc_id, worker_ip, release_id, hash, files, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(deploy_id, job, alloc_id) DO UPDATE SET release_id = excluded.release_id, hash = excluded.hash, files = excluded.files, version = excluded.version`).run(r.deployId, r.job, r.allocId, r.workerIp, r.releaseId, r.hash, r.files, r.version);
}
function toRelease(r) {
    return {
        deployId: Number(r['deploy_id']), job: String(r['job']), allocId: String(r['alloc_id']), workerIp: String(r['worker_ip']), releaseId: Number(r['release_id']),
        hash: String(r['hash']), files: r['files'] === null ? null : String(r['files']), version: String(r['version']),
    };
}
/** What the allocation ran after run `atOrBefore` (the latest promotion up to it); undefined when none. */
function releaseAt(db, job, allocId, atOrBefore) {
    if (!hasHistory(db))
        return undefined;
    const r = db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? AND deploy_id <= ? ORDER BY deploy_id DESC LIMIT 1').get(job, allocId, atOrBefore);
    return r ? toRelease(r) : undefined;
}
/** Releases an allocation ran, newest first (what pruning must keep). */
function releasesOf(db, job, allocId) {
    if (!hasHistory(db))
        return [];
    return db.prepare('SELECT * FROM deploy_history_allocations WHERE job = ? AND alloc_id = ? ORDER BY deploy_id DESC').all(job, allocId).map(toRelease);
}
/** The newest run of one of `commands` that changed `job` (promoted new bytes on an allocation of it). */
function lastChange(db, job, commands) {
    if (!hasHistory(db))
        return undefined;
    const r = db
        .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.job = ? AND a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
        .get(job, ...commands);
    return r.id ?? undefined;
}
/** Jobs the newest run of one of `commands` that promoted new bytes changed, with that run's id. */
function lastChangedJobs(db, commands) {
    if (!hasHistory(db))
        return undefined;
    const r = db
        .prepare(`SELECT MAX(a.deploy_id) AS id FROM deploy_history_allocations a JOIN deploy_history h ON h.deploy_id = a.deploy_id WHERE a.release_id = a.deploy_id AND h.command IN (${commands.map(() => '?').join(', ')})`)
        .get(...commands);
    if (r.id === null)
        return undefined;
    const jobs = db.prepare('SELECT DISTINCT job FROM deploy_history_allocations WHERE deploy_id = ? AND release_id = deploy_id ORDER BY job').all(r.id).map((x) => x.job);
    return { deployId: r.id, jobs };
}
function runExists(db, deployId) {
    return hasHistory(db) && db.prepare('SELECT 1 FROM deploy_history WHERE deploy_id = ?').get(deployId) !== undefined;
}
/** Runs newest first; with `jobs`, only runs that touched one of them (their other jobs left out). */
function listRuns(db, opts = {}) {
    if (!hasHistory(db))
        return [];
    const jobs = opts.jobs ?? [];
    const filter = jobs.length > 0 ? `WHERE deploy_id IN (SELECT deploy_id FROM deploy_history_jobs WHERE job IN (${jobs.map(() => '?').join(', ')}))` : '';
    const limit = opts.limit !== undefined && opts.limit > 0 ? ` LIMIT ${Math.floor(opts.limit)}` : '';
    const runs = db.prepare(`SELECT * FROM deploy_history ${filter} ORDER BY deploy_id DESC${limit}`).all(...jobs);
    const jobStmt = db.prepare('SELECT * FROM deploy_history_jobs WHERE deploy_id = ? ORDER BY job');
    return runs.map((r) => ({
        deployId: Number(r['deploy_id']), startedAt: String(r['started_at']), durationMs: r['duration_ms'] === null ? null : Number(r['duration_ms']),
        command: String(r['command']), trigger: String(r['trigger']), gitCommit: String(r['git_commit']), outcome: String(r['outcome']),
        jobs: jobStmt.all(Number(r['deploy_id']))
            .filter((j) => jobs.length === 0 || jobs.includes(String(j['job'])))
            .map((j) => ({ job: String(j['job']), version: String(j['version']), planHash: String(j['plan_hash']), allocationsChanged: Number(j['allocations_changed']), outcome: String(j['outcome']) })),
    }));
}
/**
 * Keeps the newest `retain` runs. A promotion an allocation still runs from is kept with its run's
 * rows gone (rollback must know what runs); returns the number of runs deleted.
 */
function purgeHistory(db, retain) {
    if (!hasHistory(db))
        return 0;
    const cut = db.prepare('SELECT deploy_id FROM deploy_history ORDER BY deploy_id DESC LIMIT 1 OFFSET ?').get(Math.max(0, retain));
    if (!cut)
        return 0;
    const n = Number(db.prepare('DELETE FROM deploy_history WHERE deploy_id <= ?').run(cut.deploy_id).changes);
    db.prepare('DELETE FROM deploy_history_jobs WHERE deploy_id <= ?').run(cut.deploy_id);
    db.prepare(`DELETE FROM deploy_history_allocations WHERE deploy_id <= ? AND deploy_id < (SELECT MAX(b.deploy_id) FROM deploy_history_allocations b
     WHERE b.job = deploy_history_allocations.job AND b.alloc_id = deploy_history_allocations.alloc_id)`).run(cut.deploy_id);
    return n;
}

;// CONCATENATED MODULE: ./lib/history/origin.js
// Where a recorded run came from: the caller's trigger, and the bucket's git commit when the bucket is
// in a git work tree (the Action passes GITHUB_SHA instead; a missing git is no error).

function bucketCommit(root) {
    try {
        const out = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
        return /^[0-9a-f]{40,64}$/.test(out.trim()) ? out.trim() : '';
    }
    catch {
        return '';
    }
}
function resolveOrigin(root, o) {
    return { trigger: o?.trigger ?? '', commit: o?.commit ?? bucketCommit(root) };
}

;// CONCATENATED MODULE: ./lib/run/lifecycle.js
// The one lifecycle of a command that works on a bucket (deploy, drift, job run, health, jobcommand),
// written once: bucket lock → maand.conf → catalog + schema check → KV → staging area → links to the
// workers (ssh, hooks' runtime API, health) → the command's work → close everything in reverse order,
// on success, error or cancel alike. Catalog writes go through `checkpoint` (one transaction each).














function withRun(o, work) {
    return withBucketLock(o.root, o.command, () => runLocked(o, work));
}
async function runLocked(o, work) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(o.root);
    const conf = readMaandConf(paths.maandConf);
    const db = openDb(paths.db);
    let stage;
    let links;
    let dropTmpCleanup;
    let deployId;
    let outcome0 = 'ok';
    let finish;
    let threw = true;
    try {
        checkSchema(db);
        // a catalog that cannot take the run's checkpoints fails the run now, before a worker is touched
        if (!o.readOnly)
            assertWritable(db, paths.db);
        const bucket = bucketRow(db);
        const labels = workerLabels(db);
        const workers = queries_workersByPosition(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
        const kv = store_KvStore.load(db, { key: () => loadKvKey(paths.root), ...(o.onSecret ? { onSecret: o.onSecret } : {}) });
        const emit = o.onEvent ?? (() => { });
        // data/ and logs/ are owner-only; a bucket made by an older maand is tightened once, with a note
        const tightened = (0,modes/* tightenBucketModes */.aT)(paths.root);
        if (tightened)
            emit({ type: 'warning', message: tightened });
        if (o.stage) {
            // tmp/ belongs to the run holding the lock: what an earlier, killed run left there goes now
            (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
            (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
            dropTmpCleanup = (0,exit_cleanup/* onAbnormalExit */.q)(() => (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true }));
            stage = StageArea.open({ bucketTmp: paths.tmpDir, ...(o.stage.ramDir !== undefined ? { ramDir: o.stage.ramDir } : {}) });
        }
        const signal = o.signal;
        const started = Date.now();
        if (o.history && !o.readOnly) {
            const origin = resolveOrigin(paths.root, o.history.origin);
            const cmd = o.history.command;
            deployId = inTransaction(db, () => beginRun(db, cmd, origin, new Date(started)));
            finish = (threw) => {
                const outcome = threw ? (signal?.aborted ? 'cancelled' : 'failed') : (signal?.aborted && outcome0 === 'ok' ? 'cancelled' : outcome0);
                inTransaction(db, () => finishRun(db, deployId, outcome, Date.now() - started));
            };
        }
        if (o.connect)
            links = await o.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(signal ? { signal } : {}) });
        const opened = { links, stage };
        const run = {
            paths, conf, db, kv, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, workers, signal, readOnly: o.readOnly === true, emit,
            get links() {
                if (!opened.links)
                    throw new errors/* InternalError */.Gd(`${o.command}: the run was opened without links to the workers`);
                return opened.links;
            },
            get stage() {
                if (!opened.stage)
                    throw new errors/* InternalError */.Gd(`${o.command}: the run was opened without a staging area`);
                return opened.stage;
            },
            checkpoint(fn) {
                if (o.readOnly)
                    return;
                try {
                    inTransaction(db, () => {
                        fn?.();
                        kv.persist(db);
                    });
                }
                catch (e) {
                    throw catalogError(e, paths.db);
                }
            },
            deployId,
            recordJob(j) {
                if (deployId !== undefined)
                    inTransaction(db, () => recordJob(db, deployId, j));
            },
            setOutcome(outcome) {
                outcome0 = outcome;
            },
        };
        const out = await work(run);
        threw = false;
        return out;
    }
    catch (e) {
        throw catalogError(e, paths.db);
    }
    finally {
        try {
            finish?.(threw);
        }
        catch {
            // the outcome stays `running` and shows as interrupted on the next start
        }
        try {
            await links?.close();
        }
        finally {
            stage?.close();
            db.close();
            if (o.stage)
                (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
            dropTmpCleanup?.();
        }
    }
}

;// CONCATENATED MODULE: ./lib/catalog/job-files.js

/** The job's rows, directories first, then by path. */
function jobFileRows(db, job) {
    const cols = tableColumns(db, 'job_files');
    const mode = cols.includes('mode') ? 'f.mode' : 'NULL';
    const link = cols.includes('link') ? 'f.link' : 'NULL';
    return db
        .prepare(`SELECT f.path AS path, f.content AS content, f.isdir AS isdir, ${mode} AS mode, ${link} AS link FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? ORDER BY f.isdir DESC, f.path`)
        .all(job);
}

;// CONCATENATED MODULE: ./lib/deploy/commands.js
// Remote command lines deploy sends to workers (deploy spec §18.2), as pure builders. Every value
// spliced into them goes through shq.


function bucketDir(bucketId) {
    return `/opt/worker/${bucketId}`;
}
function jobDir(bucketId, job) {
    return `${bucketDir(bucketId)}/jobs/${job}`;
}
function runnerCommand(bucketId, target, job) {
    return `python3 ${shq(`${bucketDir(bucketId)}/bin/runner.py`)} ${shq(bucketId)} ${shq(target)} --jobs ${shq(job)}`;
}
/**
 * One worker's lifecycle step for several jobs in one round trip: `make -s -C <job dir> <target>` per job
 * with its CURRENT_VERSION/NEW_VERSION, every job run even after another failed, each outcome reported as
 * `maand-runner: result <job> <exit code>` (same protocol as `runner.py --keep-going`, without Python).
 * A job's prelude (a snapshot of the tree about to run, a release to restore) runs just before its target.
 */
function lifecycleScript(bucketId, target, jobs) {
    const lines = [
        'run_target() {',
        `  local dir=${shq(`${bucketDir(bucketId)}/jobs/`)}"$1"`,
        '  echo "maand-runner: begin $1"',
        '  if [ ! -d "$dir" ]; then echo "runner: job $1 is not deployed on this worker ($dir is missing); run maand deploy" >&2; echo "maand-runner: result $1 1"; return 0; fi',
        '  local code=0',
        `  CURRENT_VERSION="$2" NEW_VERSION="$3" make -s -C "$dir" ${shq(target)} || code=$?`,
        '  echo "maand-runner: result $1 $code"',
        '}',
    ];
    const withPrelude = jobs.flatMap((j, i) => (j.prelude === undefined ? [] : [i]));
    if (withPrelude.length > 0) {
        // the preludes (release snapshots or restores) of different jobs are independent: they run side by
        // side before any target, and a job whose prelude failed skips its target
        lines.push('skip_target() { echo "maand-runner: begin $1"; echo "maand-runner: result $1 $2"; }');
        for (const i of withPrelude)
            lines.push(`prelude_${i}() (`, jobs[i].prelude, ')');
        for (const i of withPrelude)
            lines.push(`prelude_${i} & pid_${i}=$!`);
        for (const i of withPrelude)
            lines.push(`wait "$pid_${i}" && code_${i}=0 || code_${i}=$?`);
    }
    jobs.forEach((j, i) => {
        const call = `run_target ${shq(j.job)} ${shq(j.currentVersion)} ${shq(j.newVersion)}`;
        if (j.prelude === undefined)
            return void lines.push(call);
        lines.push(`if [ "$code_${i}" -eq 0 ]; then`, call, `else skip_target ${shq(j.job)} "$code_${i}"; fi`);
    });
    return lines.join('\n');
}
/** Removes a removed job's deployed files on a worker, keeping data/ and logs/ (§6.1, Q19), and its retained releases (Q32). */
function cleanupJobCommand(bucketId, job) {
    const d = shq(jobDir(bucketId, job));
    return `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi; rm -rf ${shq(`${bucketDir(bucketId)}/releases/${job}`)}`;
}
function removeBucketCommand(bucketId) {
    return `rm -rf ${shq(bucketDir(bucketId))}`;
}
/** Prerequisites on a worker (§5.2); sudo is probed only when it will be used (Q16). */
function prerequisiteScript(useSudo) {
    const lines = [
        'missing=()',
        'check() { command -v "$1" >/dev/null 2>&1 || missing+=("$1"); }',
        'check python3',
        'check make',
        'check rsync',
        'check bash',
        'check timeout',
    ];
    if (useSudo) {
        lines.push('check sudo');
        lines.push('if command -v sudo >/dev/null 2>&1 && command -v rsync >/dev/null 2>&1; then');
        lines.push('  sudo -n rsync --version >/dev/null 2>&1 || missing+=("sudo-rsync")');
        lines.push('fi');
    }
    lines.push('if [ ${#missing[@]} -gt 0 ]; then', '  echo "missing: ${missing[*]}"', '  exit 1', 'fi');
    return lines.join('\n');
}
/**
 * Runs the prerequisite check (+ mkdir of the bucket dir) on a worker; an error text when it cannot be used.
 * `extra` runs after it in the same round trip (it must exit 0; the caller reads its output).
 */
async function checkWorker(run, ip, bucketId, useSudo, extra) {
    const r = await run(`${prerequisiteScript(useSudo)}\nmkdir -p ${shq(bucketDir(bucketId))} || exit 1${extra === undefined ? '' : `\n${extra}`}`);
    if (r.exitCode === 0)
        return undefined;
    const missing = parseMissing(`${r.stdout}\n${r.stderr}`);
    if (missing)
        return `worker ${ip} missing prerequisites: ${missing.join(', ')} (install them on the worker, then run maand deploy again)`;
    const output = (r.stderr || r.stdout).trim();
    return r.message ?? `worker ${ip}: prerequisite check failed (exit ${r.exitCode})${output ? `: ${output.slice(-400)}` : ''}`;
}
function parseMissing(output) {
    for (const line of output.split('\n')) {
        const t = line.trim();
        if (t.startsWith('missing:'))
            return t.slice('missing:'.length).trim().split(/\s+/).filter(Boolean);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/deploy/template-kv.js
// The KV view a job's templates get: only the allocation's readable namespaces (kv spec §1.12),
// secrets and certificate keys decrypted; a forbidden namespace is an error naming it.

function templateKv(kv, job, allowed) {
    const allowedSet = new Set(allowed);
    const check = (ns) => {
        if (!canRead(allowedSet, ns))
            throw namespaceNotAvailable(ns, job);
    };
    return {
        get(ns, key) {
            check(ns);
            return readPlain(kv, ns, key);
        },
        keys(ns) {
            check(ns);
            return kv.keys(ns);
        },
    };
}

;// CONCATENATED MODULE: ./lib/deploy/file-modes.js
// The modes job files get on workers (issue 15): the workspace file's own bits for plain files, never
// writable by group or others; nothing for others on rendered templates and on anything holding a
// private key. The reference gave every job file 0755 and rendered templates 0644; those stay the
// "legacy" modes the plan hash leaves out, so trees whose modes did not change keep their hashes.
/** What the reference gave every job file; catalog rows without a stored mode keep it. */
const LEGACY_JOB_FILE_MODE = 0o755;
/** What the reference gave rendered templates, client libraries, certificates and generated files. */
const LEGACY_RENDERED_MODE = 0o644;
/** Rendered templates may carry getSecret values: owner read/write, group read, nothing for others. */
const RENDERED_MODE = 0o640;
const PRIVATE_KEY_MODE = 0o600;
/** At most this for a file that holds a private key or a secret. */
const SECRET_CAP = 0o640;
/** No write for group/others, no setuid/setgid/sticky: a job's files are edited only by the deploy. */
const PLAIN_CAP = 0o755;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
function holdsPrivateKey(data) {
    const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return b.includes('PRIVATE KEY-----') && PEM_PRIVATE_KEY.test(b.toString('latin1'));
}
/** A job file's mode on the worker from its stored workspace mode (null: built by the reference). */
function jobFileMode(stored, data) {
    const mode = stored === null ? LEGACY_JOB_FILE_MODE : stored & PLAIN_CAP;
    return holdsPrivateKey(data) ? mode & SECRET_CAP : mode;
}

// EXTERNAL MODULE: ./node_modules/markdown-it/dist/markdown-it.mjs + 12 modules
var markdown_it = __webpack_require__(65251);
;// CONCATENATED MODULE: ./lib/util/glob-match.js
// restart_globs matching (deploy spec §13.3): Go path.Match per segment plus maand's `**` forms.
/** Go path.Match: `*` (no `/`), `?`, `[...]`/`[^...]` classes, `\` escapes; malformed → no match. */
function pathMatch(pattern, name) {
    const re = globToRegExp(pattern);
    return re !== undefined && re.test(name);
}
function globToRegExp(p) {
    let out = '^';
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '\\') {
            if (i + 1 >= p.length)
                return undefined;
            out += escapeRe(p[++i]);
        }
        else if (c === '[') {
            let j = i + 1;
            let cls = '[';
            if (p[j] === '^') {
                cls += '^';
                j++;
            }
            let n = 0;
            for (; j < p.length && !(p[j] === ']' && n > 0); j++, n++) {
                if (p[j] === '\\') {
                    j++;
                    if (j >= p.length)
                        return undefined;
                }
                cls += p[j] === ']' || p[j] === '\\' || p[j] === '^' ? `\\${p[j]}` : p[j];
            }
            if (j >= p.length)
                return undefined;
            out += `${cls}]`;
            i = j;
        }
        else
            out += escapeRe(c);
    }
    try {
        return new RegExp(`${out}$`, 'u');
    }
    catch {
        return undefined;
    }
}
function escapeRe(c) {
    return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
function lastSegment(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}
function globMatches(rawPattern, rawPath) {
    const pattern = rawPattern.trim();
    const path = rawPath.replace(/^\/+/, '');
    if (pattern === '')
        return false;
    if (!/[*?[]/.test(pattern) && (path === pattern || lastSegment(path) === pattern))
        return true;
    if (pattern.includes('**')) {
        if (pattern.startsWith('**/')) {
            const s = pattern.slice(3);
            if (s.includes('/')) {
                const dir = s.slice(0, s.indexOf('/'));
                const name = s.slice(s.indexOf('/') + 1);
                return path.startsWith(`${dir}/`) && pathMatch(name, path.slice(dir.length + 1));
            }
            return pathMatch(s, lastSegment(path)) || pathMatch(s, path);
        }
        if (pattern.endsWith('/**')) {
            const prefix = pattern.slice(0, -3);
            return path === prefix || path.startsWith(`${prefix}/`);
        }
        const parts = pattern.split('**');
        if (parts.length !== 2)
            return false;
        const [prefix, suffixRaw] = parts;
        if (prefix !== '' && !path.startsWith(prefix))
            return false;
        const rest = path.slice(prefix.length).replace(/^\//, '');
        const suffix = suffixRaw.replace(/^\//, '');
        if (suffix === '')
            return true;
        return pathMatch(suffix, rest) || pathMatch(suffix, lastSegment(rest));
    }
    if (pattern.includes('/')) {
        if (pathMatch(pattern, path))
            return true;
        if (pattern.endsWith('/'))
            return path === pattern.slice(0, -1) || path.startsWith(pattern);
        return false;
    }
    return pathMatch(pattern, lastSegment(path)) || pathMatch(pattern, path);
}
/** Changed paths matching at least one pattern, in input order. */
function matchAny(patterns, paths) {
    return paths.filter((p) => patterns.some((g) => globMatches(g, p)));
}

;// CONCATENATED MODULE: ./lib/prometheus/dashboard-ignore.js
// `.dashboardignore` (deploy spec §8.4): gitignore-like patterns that keep dashboard files out of the
// consoles index (the files are still staged). Segments are matched with glob-match's Go path.Match, so
// `*`, `?`, classes and escapes behave as in restart_globs; `**` spans any number of segments.


const IGNORE_FILE = '.dashboardignore';
function parseRules(dir, text) {
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const negate = line.startsWith('!');
        if (negate)
            line = line.slice(1);
        const dirOnly = line.endsWith('/');
        line = line.replace(/\/+$/, '');
        const baseName = !line.includes('/');
        line = line.replace(/^\/+/, '');
        if (line === '')
            continue;
        rules.push({ dir, segments: line.split('/').filter((s) => s !== ''), baseName, dirOnly, negate });
    }
    return rules;
}
function matchSegments(pattern, path) {
    if (pattern.length === 0)
        return path.length === 0;
    const [head, ...rest] = pattern;
    if (head === '**')
        return matchSegments(rest, path) || (path.length > 0 && matchSegments(pattern, path.slice(1)));
    return path.length > 0 && pathMatch(head, path[0]) && matchSegments(rest, path.slice(1));
}
/** True when the rule matches the file or one of its parent directories (ignoring a directory ignores its files). */
function ruleMatches(rule, rel) {
    if (rule.dir !== '' && !rel.startsWith(`${rule.dir}/`))
        return false;
    const parts = (rule.dir === '' ? rel : rel.slice(rule.dir.length + 1)).split('/');
    for (let k = 1; k <= parts.length; k++) {
        if (rule.dirOnly && k === parts.length)
            continue;
        const candidate = parts.slice(0, k);
        if (rule.baseName ? pathMatch(rule.segments[0], candidate[k - 1]) : matchSegments(rule.segments, candidate))
            return true;
    }
    return false;
}
function dirOf(rel) {
    const i = rel.lastIndexOf('/');
    return i < 0 ? '' : rel.slice(0, i);
}
function baseOf(rel) {
    return rel.slice(rel.lastIndexOf('/') + 1);
}
function isIgnoreFile(rel) {
    return baseOf(rel) === IGNORE_FILE;
}
/**
 * The dashboard files (paths relative to one job's dashboards directory) that the index lists: every file
 * except the .dashboardignore files and what they ignore. Rules apply to their own directory and below;
 * outer files are read first and the last matching rule wins, so `!pattern` lists a file again.
 */
function listedDashboards(files) {
    const depth = (rel) => rel.split('/').length;
    const ignoreFiles = [...files.keys()].filter(isIgnoreFile).sort((a, b) => depth(a) - depth(b) || (0,go_json/* byteCompare */.U6)(a, b));
    const rules = ignoreFiles.flatMap((rel) => parseRules(dirOf(rel), Buffer.from(files.get(rel)).toString('utf8')));
    return [...files.keys()]
        .filter((rel) => !isIgnoreFile(rel))
        .filter((rel) => {
        let ignored = false;
        for (const r of rules)
            if (ruleMatches(r, rel))
                ignored = !r.negate;
        return !ignored;
    })
        .sort(go_json/* byteCompare */.U6);
}

;// CONCATENATED MODULE: ./lib/prometheus/consoles.js
// Prometheus consoles staged into the server job's tree (deploy spec §8.4): every job's Markdown runbooks
// rendered to HTML and its dashboards copied verbatim, each set with an index page and a style sheet.
// Prometheus runs every file under consoles/ through Go's html/template, so generated pages write `{`
// as a character reference: a runbook quoting `{{ $labels.job }}` must not become a template action.




/** Regular files under every job's `_prometheus/<kind>/`, sorted by job then path (byte order). */
function prometheusFiles(db, kind) {
    const rows = db
        .prepare('SELECT j.name AS job, f.path AS path, f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE f.isdir = 0 AND instr(f.path, ?) > 0')
        .all(`/_prometheus/${kind}/`);
    const out = [];
    for (const r of rows) {
        const prefix = `${r.job}/_prometheus/${kind}/`;
        if (r.path.startsWith(prefix))
            out.push({ job: r.job, rel: r.path.slice(prefix.length), content: r.content ?? new Uint8Array(0) });
    }
    return out.sort((a, b) => (0,go_json/* byteCompare */.U6)(a.job, b.job) || (0,go_json/* byteCompare */.U6)(a.rel, b.rel));
}
const CONSOLE_CSS = `body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
nav { margin-bottom: 1.5rem; }
h1, h2, h3 { line-height: 1.25; }
pre, code { font-family: ui-monospace, monospace; background: #f6f8fa; }
pre { padding: 0.75rem; overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; }
`;
function escapeHtml(s) {
    return s.replace(/[&<>"'{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** A URL path for a `/`-separated relative path, each segment percent-encoded, then HTML-escaped. */
function href(rel) {
    return escapeHtml(rel.split('/').map(encodeURIComponent).join('/'));
}
function page(title, css, body) {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${css}">
</head>
<body>
${body}</body>
</html>
`;
}
/** `<h1>` plus one `<h2>` and link list per job; entries are already sorted by job then name. */
function indexPage(title, entries) {
    const parts = [`<h1>${escapeHtml(title)}</h1>\n`];
    let job;
    for (const e of entries) {
        if (e.job !== job) {
            if (job !== undefined)
                parts.push('</ul>\n');
            parts.push(`<h2>${escapeHtml(e.job)}</h2>\n<ul>\n`);
            job = e.job;
        }
        parts.push(`<li><a href="${href(`${e.job}/${e.path}`)}">${escapeHtml(e.text)}</a></li>\n`);
    }
    parts.push(job === undefined ? '<p>Nothing is listed.</p>\n' : '</ul>\n');
    return page(title, 'style.css', parts.join(''));
}
const RUNBOOK_NAV = '<nav><a href="../index.html">All runbooks</a></nav>\n';
const markdown = new markdown_it/* default */.A({ html: false, linkify: false, typographer: false });
/** The plain text of the first heading, if any. */
function firstHeading(tokens) {
    const i = tokens.findIndex((t) => t.type === 'heading_open');
    const inline = i < 0 ? undefined : tokens[i + 1];
    if (!inline || inline.type !== 'inline')
        return undefined;
    const text = (inline.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').trim();
    return text === '' ? undefined : text;
}
function addRunbooks(db, tree) {
    const runbooks = prometheusFiles(db, 'runbooks')
        .filter((f) => !f.rel.includes('/') && f.rel.endsWith('.md') && f.rel !== '.md')
        .map((f) => ({ ...f, slug: f.rel.slice(0, -'.md'.length) }))
        .sort((a, b) => (0,go_json/* byteCompare */.U6)(a.job, b.job) || (0,go_json/* byteCompare */.U6)(a.slug, b.slug));
    if (runbooks.length === 0)
        return;
    const entries = [];
    for (const { job, slug, content } of runbooks) {
        const tokens = markdown.parse(Buffer.from(content).toString('utf8'), {});
        const title = firstHeading(tokens) ?? slug;
        const html = markdown.renderer.render(tokens, markdown.options, {}).replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);
        putFile(tree, `consoles/runbooks/${job}/${slug}.html`, page(title, '../style.css', `${RUNBOOK_NAV}<main>\n${html}</main>\n`), 0o644);
        entries.push({ job, path: `${slug}.html`, text: title === slug ? slug : `${slug}: ${title}` });
    }
    putFile(tree, 'consoles/runbooks/style.css', CONSOLE_CSS, 0o644);
    putFile(tree, 'consoles/runbooks/index.html', indexPage('Runbooks', entries), 0o644);
}
function addDashboards(db, tree) {
    const files = prometheusFiles(db, 'dashboards');
    if (!files.some((f) => !isIgnoreFile(f.rel)))
        return;
    const byJob = new Map();
    for (const f of files) {
        if (!byJob.has(f.job))
            byJob.set(f.job, new Map());
        byJob.get(f.job).set(f.rel, f.content);
        if (!isIgnoreFile(f.rel))
            putFile(tree, `consoles/dashboards/${f.job}/${f.rel}`, f.content, 0o644);
    }
    const entries = [];
    for (const [job, jobFiles] of byJob)
        for (const rel of listedDashboards(jobFiles))
            entries.push({ job, path: rel, text: rel });
    putFile(tree, 'consoles/dashboards/style.css', CONSOLE_CSS, 0o644);
    putFile(tree, 'consoles/dashboards/index.html', indexPage('Dashboards', entries), 0o644);
}
/** Adds consoles/runbooks/ and consoles/dashboards/ to a Prometheus server job's tree (each only when non-empty). */
function prometheusConsoles(db, tree) {
    addRunbooks(db, tree);
    addDashboards(db, tree);
}

;// CONCATENATED MODULE: ./lib/prometheus/server.js
// Prometheus support at deploy time (kv spec §2.8, deploy spec §8.4): the `scrapeConfigs` and
// `ruleFiles` template functions, and the alert rules (with runbook links) and consoles staged into the
// Prometheus server job's tree.





function activeIps(db, job) {
    return db.prepare('SELECT a.worker_ip AS ip FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip WHERE a.job = ? AND a.removed = 0 AND a.disabled = 0 ORDER BY w.position, a.worker_ip').all(job).map((r) => r.ip);
}
function ports(db, job) {
    return new Map(db.prepare('SELECT p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ?').all(job).map((r) => [r.name, r.port]));
}
/** Expands one job's scrape items; undefined when a static block ends up without targets. */
function expand(db, job, items) {
    const ips = activeIps(db, job);
    const portMap = ports(db, job);
    const out = [];
    for (const raw of items) {
        const item = structuredClone(raw);
        if (item['job_name'] === 'maand:job')
            item['job_name'] = job;
        const statics = item['static_configs'];
        if (!Array.isArray(statics) || statics.length === 0)
            throw new errors/* MaandError */.Ob('invalid job', `job ${job} scrape config needs a non-empty static_configs list`);
        for (const block of statics) {
            const labels = block['labels'];
            if (labels)
                for (const k of Object.keys(labels))
                    if (labels[k] === 'maand:job')
                        labels[k] = job;
            const targets = block['targets'];
            if (!Array.isArray(targets) || targets.length === 0)
                throw new errors/* MaandError */.Ob('invalid job', `job ${job} scrape config static_configs need targets`);
            const expanded = [];
            for (const t of targets) {
                if (typeof t !== 'string')
                    throw new errors/* MaandError */.Ob('invalid job', `job ${job} scrape target must be a string`);
                if (!t.startsWith('maand:port/')) {
                    expanded.push(t);
                    continue;
                }
                const [portRef, onlyIp] = t.slice('maand:port/'.length).split('/');
                const name = resolvePortName(job, portRef, new Set(portMap.keys()));
                const port = portMap.get(name);
                if (port === undefined)
                    throw new errors/* MaandError */.Ob('invalid job', `job ${job} port ${name} has no number assigned (run maand build)`);
                if (onlyIp !== undefined) {
                    if (!ips.includes(onlyIp))
                        throw new errors/* MaandError */.Ob('invalid job', `worker "${onlyIp}" is not an active allocation for job ${job}`);
                    expanded.push(`${onlyIp}:${port}`);
                }
                else
                    expanded.push(...ips.map((ip) => `${ip}:${port}`));
            }
            if (expanded.length === 0)
                return undefined;
            block['targets'] = expanded;
        }
        out.push(item);
    }
    return out;
}
/** `scrapeConfigs`: the expanded scrape items as YAML lines indented to follow `scrape_configs:`. */
function scrapeConfigs(db, kv) {
    const jobs = (kv.tryGet('maand/prometheus', 'scrape_jobs') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const items = [];
    for (const job of jobs) {
        const raw = kv.tryGet('maand/prometheus', `scrape/${job}`);
        if (raw === undefined)
            throw new errors/* MaandError */.Ob('invalid job', `maand/prometheus scrape/${job} is missing (run maand build)`);
        const expanded = expand(db, job, JSON.parse(raw));
        if (expanded)
            items.push(...expanded);
    }
    if (items.length === 0)
        return '';
    const text = js_yaml/* default.dump */.Ay.dump(items, { sortKeys: true, indent: 2, lineWidth: -1, noRefs: true });
    return text.split('\n').filter((l) => l.trim() !== '').map((l) => `\n  ${l}`).join('');
}
function alertFiles(db) {
    return db
        .prepare("SELECT j.name AS job, f.path AS path, f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE f.isdir = 0 AND f.path LIKE '%/_prometheus/alerts/%' ORDER BY j.name, f.path")
        .all()
        .filter((r) => /\.ya?ml$/.test(r.path));
}
function hasPrometheusServer(db) {
    return db.prepare("SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = 'prometheus' AND f.isdir = 0 AND f.path IN ('prometheus/prometheus.yml', 'prometheus/prometheus.yml.tpl') LIMIT 1").get() !== undefined;
}
/** `ruleFiles`: a `rule_files:` block listing maand's certificate rules and every job's alert files. */
function ruleFiles(db) {
    const alerts = alertFiles(db);
    const server = hasPrometheusServer(db);
    if (alerts.length === 0 && !server)
        return '';
    const lines = ['rule_files:'];
    if (server)
        lines.push('  - rules/maand/certs.yaml');
    for (const a of alerts)
        lines.push(`  - rules/${a.job}/${a.path.slice(a.path.lastIndexOf('/') + 1)}`);
    return `${lines.join('\n')}\n`;
}
const CERT_RULES = `groups:
  - name: maand certificates
    rules:
      - alert: maand cert expiring soon
        expr: maand_cert_expiring{scope="job"} == 1
        for: 1h
        labels: { severity: warning }
        annotations: { summary: "certificate {{ $labels.cert }} of {{ $labels.job }} on {{ $labels.worker }} expires soon" }
      - alert: maand cert expired
        expr: maand_cert_expired{scope="job"} == 1
        for: 5m
        labels: { severity: critical }
        annotations: { summary: "certificate {{ $labels.cert }} of {{ $labels.job }} on {{ $labels.worker }} has expired" }
      - alert: maand ca cert expiring soon
        expr: maand_cert_expiring{scope="ca"} == 1
        for: 1h
        labels: { severity: critical }
        annotations: { summary: "the bucket CA certificate expires soon" }
      - alert: maand ca cert expired
        expr: maand_cert_expired{scope="ca"} == 1
        for: 5m
        labels: { severity: critical }
        annotations: { summary: "the bucket CA certificate has expired" }
`;
/** The runbook URL prefix on this worker's Prometheus (port `prometheus_port_http` of the job named prometheus). */
function runbookBase(db, workerIp, where) {
    const port = ports(db, 'prometheus').get('prometheus_port_http');
    if (port === undefined) {
        const exists = db.prepare("SELECT 1 FROM job WHERE name = 'prometheus'").get() !== undefined;
        const missing = exists ? 'job prometheus declares no port prometheus_port_http' : 'there is no job named prometheus';
        throw new errors/* MaandError */.Ob('invalid job', `${where} links a runbook, but ${missing} to serve it (declare resources.ports.prometheus_port_http in workspace/jobs/prometheus/manifest.json, then run maand build)`);
    }
    return `http://${workerIp.includes(':') ? `[${workerIp}]` : workerIp}:${port}/consoles/runbooks`;
}
/**
 * The alert file with `annotations.runbook_url` added to every alert rule whose `runbook` names a slug,
 * re-emitted in source key order; undefined when no rule names a runbook (the file is copied verbatim).
 */
function withRunbookUrls(a, base) {
    const text = Buffer.from(a.content).toString('utf8');
    if (!text.includes('runbook'))
        return undefined;
    const where = `job ${a.job} ${a.path.slice(a.job.length + 1)}`;
    let doc;
    try {
        doc = js_yaml/* default.load */.Ay.load(text, { schema: js_yaml/* default.CORE_SCHEMA */.Ay.CORE_SCHEMA });
    }
    catch (e) {
        throw new errors/* MaandError */.Ob('invalid job', `${where}: ${e.message.split('\n')[0]} (fix it, then run maand build)`);
    }
    let changed = false;
    const groups = doc?.['groups'];
    for (const g of Array.isArray(groups) ? groups : []) {
        const rules = g?.['rules'];
        for (const r of Array.isArray(rules) ? rules : []) {
            const annotations = r?.['annotations'];
            const slug = annotations?.['runbook'];
            if (typeof r?.['alert'] !== 'string' || typeof slug !== 'string' || slug === '')
                continue;
            annotations['runbook_url'] = `${base(`${where} alert ${r['alert']}`)}/${encodeURIComponent(a.job)}/${encodeURIComponent(slug)}.html`;
            changed = true;
        }
    }
    return changed ? js_yaml/* default.dump */.Ay.dump(doc, { lineWidth: -1, noRefs: true }) : undefined;
}
/**
 * For a job shipping prometheus.yml(.tpl): rules/maand/certs.yaml, rules/<job>/<file> for every alert file
 * (runbook links pointing at `workerIp`), and the runbook and dashboard consoles.
 */
function prometheusRules(db, job, tree, workerIp) {
    const ships = db.prepare("SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.isdir = 0 AND f.path IN (? || '/prometheus.yml', ? || '/prometheus.yml.tpl') LIMIT 1").get(job, job, job);
    if (ships === undefined)
        return;
    putFile(tree, 'rules/maand/certs.yaml', CERT_RULES, 0o644);
    let base;
    const lazyBase = (where) => (base ??= runbookBase(db, workerIp, where));
    for (const a of alertFiles(db))
        putFile(tree, `rules/${a.job}/${a.path.slice(a.path.lastIndexOf('/') + 1)}`, withRunbookUrls(a, lazyBase) ?? a.content, 0o644);
    prometheusConsoles(db, tree);
}

;// CONCATENATED MODULE: ./lib/deploy/staging.js
// Staging a job tree for one allocation (deploy spec §8): catalog files, client libraries, rendered
// .tpl files and certificates, under tmp/stage/<ip>/jobs/<job>/ — the rsync source and the hashed tree.
// Hook workspaces live elsewhere (tmp/workers/…), so hooks never change the plan hash (decision Q12).











/** Builds the job tree for one allocation in memory. Throws MaandError naming the file. */
function buildJobTree(db, kv, ctx, rows = jobFileRows(db, ctx.job)) {
    const tree = emptyTree();
    const prefix = `${ctx.job}/`;
    for (const r of rows) {
        if (!r.path.startsWith(prefix))
            continue;
        const rel = r.path.slice(prefix.length);
        if (rel === '_prometheus' || rel.startsWith('_prometheus/'))
            continue;
        if (r.isdir)
            tree.dirs.add(rel);
        else {
            const data = r.content ?? new Uint8Array(0);
            if (r.link !== null)
                putFile(tree, rel, data, LEGACY_JOB_FILE_MODE, LEGACY_JOB_FILE_MODE, r.link);
            else
                putFile(tree, rel, data, jobFileMode(r.mode, data), LEGACY_JOB_FILE_MODE);
        }
    }
    if (tree.dirs.has('_modules'))
        for (const lib of ['maand.py', 'maand.ts'])
            putFile(tree, `_modules/${lib}`, readAsset(assetPath(lib)), LEGACY_RENDERED_MODE);
    renderTemplates(db, kv, tree, ctx);
    prometheusRules(db, ctx.job, tree, ctx.workerIp);
    addCerts(db, kv, tree, ctx);
    return tree;
}
function renderTemplates(db, kv, tree, ctx) {
    const templates = [...tree.files.keys()].filter((p) => p.endsWith('.tpl')).sort(go_json/* byteCompare */.U6);
    if (templates.length === 0)
        return;
    const funcs = maandFuncs({ job: ctx.job, kv: templateKv(kv, ctx.job, ctx.readable), scrapeConfigs: () => scrapeConfigs(db, kv), ruleFiles: () => ruleFiles(db) });
    const data = goStruct('deploy.TemplateData', {
        AllocationID: ctx.allocId,
        Job: ctx.job,
        CurrentVersion: ctx.currentVersion,
        NewVersion: ctx.newVersion,
        BucketID: ctx.bucketId,
        WorkerID: ctx.workerId,
        WorkerIP: ctx.workerIp,
        Labels: [...ctx.labels].sort(),
        UpdateSeq: ctx.updateSeq,
        BucketPath: bucketDir(ctx.bucketId),
        JobPath: jobDir(ctx.bucketId, ctx.job),
        WorkerData: goStruct('data.WorkerData', { BucketID: ctx.bucketId, WorkerID: ctx.workerId, WorkerIP: ctx.workerIp, Labels: [...ctx.labels].sort(), UpdateSeq: ctx.updateSeq }),
    });
    for (const rel of templates) {
        const text = decodeGoString(tree.files.get(rel).data); // Go keeps a .tpl's invalid bytes
        let tpl;
        try {
            tpl = parseTemplate('template', text, funcs);
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: parse template ${rel}: ${e.message}`);
        }
        let out;
        try {
            out = renderBytes(tpl, data);
        }
        catch (e) {
            // the error may quote a value the template read with getSecret: it reaches logs, summaries and JSON
            const msg = redactSecrets(e instanceof Error ? e.message : String(e), kv.knownSecrets());
            throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: execute template ${rel}: ${msg}`);
        }
        putFile(tree, rel.slice(0, -'.tpl'.length), out, RENDERED_MODE, LEGACY_RENDERED_MODE);
    }
}
function addCerts(db, kv, tree, ctx) {
    tree.dirs.add('certs');
    const names = db.prepare('SELECT c.name AS name FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(ctx.job).map((r) => r.name);
    const ns = allocationNamespace(ctx.job, ctx.workerIp);
    for (const name of names) {
        for (const [ext, mode] of [['crt', LEGACY_RENDERED_MODE], ['key', PRIVATE_KEY_MODE]]) {
            const v = readPlain(kv, ns, `certs/${name}.${ext}`);
            if (v === undefined)
                throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: certificate ${name}.${ext} is missing in KV ${ns} (run maand build)`);
            putFile(tree, `certs/${name}.${ext}`, v, mode);
        }
    }
    const ca = kv.tryGet('maand/worker', 'certs/ca.crt');
    if (ca === undefined)
        throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job}: the bucket CA is missing in KV maand/worker certs/ca.crt (run maand build)`);
    putFile(tree, 'certs/ca.crt', ca, LEGACY_RENDERED_MODE);
}
/** Builds (in memory) every given allocation's tree whose worker is in the catalog; hash and tree per alloc id. */
function stageActive(db, kv, workers, bucketId, updateSeq, job, allocs) {
    const upstream = upstreamJobs(db, job);
    const rows = jobFileRows(db, job);
    const staged = new Map();
    for (const a of allocs) {
        const w = workers.get(a.workerIp);
        if (!w)
            continue;
        const tree = buildJobTree(db, kv, {
            allocId: a.allocId, job, workerIp: a.workerIp, workerId: w.workerId, labels: w.labels, bucketId, updateSeq,
            currentVersion: a.currentVersion, newVersion: a.newVersion, readable: access_namespacesForAllocation({ job, workerIp: a.workerIp, upstreamJobs: upstream }),
        }, rows);
        staged.set(a.allocId, { ...hashJobTree(tree), tree });
    }
    return staged;
}

;// CONCATENATED MODULE: ./lib/deploy/alloc-state.js


const ALLOC_SQL = `SELECT a.alloc_id, a.worker_ip, a.job, a.disabled, a.removed, a.new_version, w.position,
  h.key AS hkey, h.current_hash, h.previous_hash, h.current_files, h.previous_files, h.current_version
  FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip
  LEFT JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id`;
function toState(r) {
    return {
        allocId: String(r['alloc_id']),
        workerIp: String(r['worker_ip']),
        job: String(r['job']),
        disabled: r['disabled'] === 1,
        removed: r['removed'] === 1,
        position: r['position'] === null ? null : Number(r['position']),
        newVersion: normalizedVersion(r['new_version'] ?? ''),
        hasHashRow: r['hkey'] !== null,
        currentHash: r['current_hash'],
        previousHash: r['previous_hash'],
        currentFiles: r['current_files'],
        previousFiles: r['previous_files'],
        currentVersion: normalizedVersion(r['current_version'] ?? ''),
    };
}
/** Allocations ordered by job, worker position (off-catalog workers last), then IP. */
function allAllocations(db) {
    return db.prepare(`${ALLOC_SQL} ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`).all().map(toState);
}
function alloc_state_jobAllocations(db, job) {
    return db.prepare(`${ALLOC_SQL} WHERE a.job = ? ORDER BY w.position IS NULL, w.position, a.worker_ip`).all(job).map(toState);
}
function isActive(a) {
    return !a.removed && !a.disabled;
}
/** Promoted before and still believed running there. */
function wasDeployed(a) {
    return a.hasHashRow && (a.previousHash ?? '') !== '';
}
function jobInfo(db, job) {
    const r = db.prepare('SELECT name, restart_policy, restart_globs, max_concurrent_upgrades, max_concurrent_starts, health_check FROM job WHERE name = ?').get(job);
    if (!r)
        return undefined;
    let globs = [];
    try {
        globs = JSON.parse(String(r['restart_globs'] ?? '[]'));
    }
    catch {
        globs = [];
    }
    return {
        name: job,
        restartPolicy: String(r['restart_policy'] ?? 'always') || 'always',
        restartGlobs: globs,
        maxConcurrentUpgrades: Math.max(1, Number(r['max_concurrent_upgrades'] ?? 1)),
        maxConcurrentStarts: Math.max(0, Number(r['max_concurrent_starts'] ?? 0)),
        healthCheck: String(r['health_check'] ?? ''),
    };
}
/** Waves: deployment_seq → jobs with a non-removed allocation and a job row, alphabetical (Q22). */
function waves(db) {
    const rows = db
        .prepare('SELECT DISTINCT a.deployment_seq AS seq, a.job AS job FROM allocations a JOIN job j ON j.name = a.job WHERE a.removed = 0 ORDER BY a.deployment_seq, a.job')
        .all();
    const out = new Map();
    for (const r of rows)
        out.set(r.seq, [...(out.get(r.seq) ?? []), r.job]);
    return out;
}
function storeHash(db, job, allocId, hash, filesJson) {
    db.prepare(`INSERT INTO hash (namespace, key, current_hash, current_files, current_version) VALUES (?, ?, ?, ?, '0.0.0')
     ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash, current_files = excluded.current_files`).run(`${job}_allocation`, allocId, hash, filesJson);
}
/** Records that the worker now runs the staged tree and the target version. */
function alloc_state_promote(db, job, allocId) {
    db.prepare(`UPDATE hash SET previous_hash = current_hash, previous_files = current_files,
     current_version = COALESCE((SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?), '0.0.0')
     WHERE namespace = ? AND key = ?`).run(allocId, job, `${job}_allocation`, allocId);
    promoteFiles(db, job, allocId);
}
/** A disabled allocation was stopped: it no longer runs anything (decision Q9: stop once). */
function markStopped(db, job, allocId) {
    db.prepare('UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
}
function deleteHash(db, job, allocId) {
    db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
    dropFiles(db, job, allocId);
}
const MARKER_NS = 'maand_deploy';
function jobMarker(db, job) {
    const r = db.prepare('SELECT current_hash FROM hash WHERE namespace = ? AND key = ?').get(MARKER_NS, job);
    return r?.current_hash === 'rollout' || r?.current_hash === 'post_deploy' ? r.current_hash : undefined;
}
function setJobMarker(db, job, marker) {
    if (marker === undefined)
        db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(MARKER_NS, job);
    else
        db.prepare('INSERT INTO hash (namespace, key, current_hash) VALUES (?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash').run(MARKER_NS, job, marker);
}
function bumpUpdateSeq(db) {
    db.prepare('UPDATE bucket SET update_seq = COALESCE(update_seq, 0) + 1').run();
    return Number(db.prepare('SELECT update_seq FROM bucket LIMIT 1').get().update_seq);
}

;// CONCATENATED MODULE: ./lib/releases/commands.js
// Retained releases on a worker (issue 13, Q32, Q33): /opt/worker/<bucket_id>/releases/<job>/<deploy id>/
// holds the exact bytes a job's live tree had after that deploy's rsync, outside the job's directory.
// A snapshot hard-links files unchanged since an earlier release to that release and copies the rest,
// so a release shares inodes with other releases only, never with the live tree: the live rsync writes
// in place (--inplace) and could otherwise write through a link into a retained release. A restore
// copies the bytes back the same way (never links), so the next rsync cannot reach a release either.

/** Worker-owned paths of a job's tree a release neither keeps nor restores (as the deploy rsync's excludes). */
const EXCLUDES = ['/data', '/logs', '/bin', '/_modules', '/_prometheus'];
/** At most this many earlier releases are offered to rsync as --link-dest (rsync takes up to 20). */
const LINK_DESTS = 8;
function releasesDir(bucketId, job) {
    return job === undefined ? `${bucketDir(bucketId)}/releases` : `${bucketDir(bucketId)}/releases/${job}`;
}
const EXCLUDE_ARGS = EXCLUDES.map((e) => `--exclude=${e}`).join(' ');
const RSYNC_LOCAL = `rsync -a --checksum --delete ${EXCLUDE_ARGS}`;
/**
 * One worker's snapshots of several jobs' live trees in one round trip, each followed by pruning to the
 * newest `retain` releases plus the named ones; each outcome as `maand-release: <job> <exit code>`.
 */
function snapshotScript(bucketId, retain, reqs) {
    // bash builtins wherever possible: a worker runs this for every job of a rollout batch, and each
    // process started costs more than the copy itself for small trees
    const lines = [
        'snapshot() {',
        `  local job="$1" id="$2" keep=" $3 " live=${shq(`${bucketDir(bucketId)}/jobs/`)}"$1" rel=${shq(`${releasesDir(bucketId)}/`)}"$1"`,
        '  local links=() ids=() d n=0',
        '  if [ -d "$rel" ]; then',
        '    for d in "$rel"/*; do d=${d##*/}; [[ $d =~ ^[0-9]+$ ]] && ids+=("$d"); done',
        '    if [ ${#ids[@]} -gt 1 ]; then mapfile -t ids < <(printf \'%s\\n\' "${ids[@]}" | sort -rn); fi',
        '  else',
        '    mkdir -p "$rel" || return 1',
        '  fi',
        `  for d in "\${ids[@]:0:${LINK_DESTS}}"; do [ "$d" = "$id" ] || links+=("--link-dest=$rel/$d"); done`,
        '  if [ -e "$rel/.new-$id" ]; then rm -rf "$rel/.new-$id" || return 1; fi',
        // --checksum only decides which files can be linked to an earlier release: the first release of a
        // job (a cold deploy) copies everything and need not read every file twice
        '  local sum=(--checksum); [ ${#links[@]} -eq 0 ] && sum=()',
        `  rsync -a "\${sum[@]}" --delete ${EXCLUDE_ARGS} "\${links[@]}" "$live/" "$rel/.new-$id/" || return 1`,
        '  if [ -e "$rel/$id" ]; then rm -rf "$rel/$id" || return 1; fi',
        '  mv "$rel/.new-$id" "$rel/$id" || return 1',
        '  # newest first: this release, then the earlier ones',
        '  for d in "$id" "${ids[@]}"; do',
        '    [ "$d" = "$id" ] && [ "$n" -gt 0 ] && continue',
        `    n=$((n + 1)); if [ "$n" -gt ${Math.max(1, retain)} ] && [ "\${keep#* $d }" = "$keep" ]; then rm -rf "\${rel:?}/$d" || return 1; fi`,
        '  done',
        '}',
    ];
    // A job's first release (a cold deploy) has nothing to link to: all of those are copied by one rsync
    // (each rsync costs three processes); the others are snapshot side by side (one small line each).
    const jobsRoot = `${bucketDir(bucketId)}/jobs`;
    const relRoot = releasesDir(bucketId);
    const id = reqs[0]?.id ?? 0;
    const firstDir = `${relRoot}/.first-${id}`;
    lines.push(`has_release() { local d; for d in ${shq(`${relRoot}/`)}"$1"/*; do [[ \${d##*/} =~ ^[0-9]+$ ]] && return 0; done; return 1; }`, 'first=()');
    for (const r of reqs) {
        lines.push(`if has_release ${shq(r.job)}; then { code=0; snapshot ${shq(r.job)} ${r.id} ${shq(r.keep.join(' '))} || code=$?; echo maand-release: ${shq(r.job)} "$code"; } & else first+=(${shq(r.job)}); fi`);
    }
    const firstExcludes = EXCLUDES.map((e) => `--exclude=${shq(`/*${e}`)}`).join(' ');
    lines.push('if [ ${#first[@]} -gt 0 ]; then', '  code=0', `  { rm -rf ${shq(firstDir)} && mkdir -p ${shq(firstDir)} && rsync -aR ${firstExcludes} "\${first[@]/#/${jobsRoot}/./}" ${shq(`${firstDir}/`)}; } || code=$?`, '  for j in "${first[@]}"; do', '    c=$code', `    if [ "$c" -eq 0 ]; then { mkdir -p ${shq(`${relRoot}/`)}"$j" && rm -rf ${shq(`${relRoot}/`)}"$j/${id}" && mv ${shq(`${firstDir}/`)}"$j" ${shq(`${relRoot}/`)}"$j/${id}"; } || c=$?; fi`, '    echo "maand-release: $j $c"', '  done', `  rm -rf ${shq(firstDir)}`, 'fi', 'wait');
    return lines.join('\n');
}
/** Lists which of the releases exist: `maand-release: <job> <id> yes|no` per request. */
function probeScript(bucketId, reqs) {
    return reqs
        .map((r) => `if [ -d ${shq(`${releasesDir(bucketId, r.job)}/${r.release}`)} ]; then echo ${shq(`maand-release: ${r.job} ${r.release} yes`)}; else echo ${shq(`maand-release: ${r.job} ${r.release} no`)}; fi`)
        .join('\n');
}
/** Copies retained releases back into the jobs' live trees (data/ and logs/ untouched); one outcome line per job. */
function restoreScript(bucketId, reqs) {
    return reqs
        .map((r) => {
        const src = `${releasesDir(bucketId, r.job)}/${r.release}/`;
        const dst = `${bucketDir(bucketId)}/jobs/${r.job}/`;
        return `code=0; if [ -d ${shq(src)} ]; then mkdir -p ${shq(dst)} && ${RSYNC_LOCAL} ${shq(src)} ${shq(dst)} || code=$?; else code=44; fi; echo maand-release: ${shq(r.job)} "$code"`;
    })
        .join('\n');
}
/** Restores one release as a lifecycle prelude: exits non-zero (the target is skipped) when the restore failed. */
function restorePrelude(bucketId, req) {
    return `${restoreScript(bucketId, [req])}\n[ "$code" -eq 0 ]`;
}
/** Per-job exit codes from the `maand-release: <job> <code>` lines of a script's output. */
function parseOutcomes(stdout) {
    const out = new Map();
    for (const line of stdout.split('\n')) {
        const m = /^maand-release: (\S+) (-?\d+)$/.exec(line.trim());
        if (m)
            out.set(m[1], Number(m[2]));
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/deploy/worker-link.js







class WorkerLink {
    init;
    workers;
    ready = new Map();
    /** Workers whose bucket-level files were sent in this run. */
    refreshed = new Set();
    fileSender = new Coalescer((ip, jobs) => this.sendFiles(ip, jobs));
    targetRunner = new Coalescer((key, reqs) => this.runTargets(key, reqs));
    /** Preludes waiting for their job's next lifecycle call, by `ip\njob`. */
    preludes = new Map();
    /** `ip\njob` whose snapshot rides on the lifecycle call that follows the rsync. */
    lateSnapshots = new Set();
    /** Release snapshots taken right after a worker's rsync; that worker's next lifecycle call waits for them. */
    snapshotsInFlight = new Map();
    /** The link of an opened run: its remote, catalog, workers and events; sudo per its maand.conf. */
    static forRun(r, opts = {}) {
        return new WorkerLink({
            remote: r.links.remote, db: r.db, bucketId: r.bucketId, workers: r.workers, useSudo: sshSettings(r.conf).useSudo, emit: r.emit,
            updateSeq: opts.updateSeq ?? (() => r.updateSeq),
            ...(opts.stage ? { stage: opts.stage } : {}), ...(opts.release ? { release: opts.release } : {}),
        });
    }
    constructor(init) {
        this.init = init;
        this.workers = new Map(init.workers.map((w) => [w.ip, w]));
    }
    /**
     * First contact with a worker in this run: prerequisites + bucket dir. Memoised; an error text when the
     * worker cannot be used.
     */
    reach(ip) {
        let p = this.ready.get(ip);
        if (!p) {
            p = checkWorker((script) => this.run(ip, script), ip, this.init.bucketId, this.init.useSudo).catch((e) => `worker ${ip}: ${(0,errors/* errorText */.kc)(e)}`);
            this.ready.set(ip, p);
        }
        return p;
    }
    /**
     * First contact and `extra` in one round trip (or `extra` alone when the worker was reached before);
     * `extra` must exit 0. Its stdout, or the error text of the worker or of `extra`.
     */
    async reachWith(ip, extra) {
        if (this.ready.has(ip)) {
            const err = await this.reach(ip);
            if (err)
                return { error: err, stdout: '' };
            const r = await this.run(ip, extra);
            return r.exitCode === 0 ? { stdout: r.stdout } : { error: failureText(ip, r), stdout: r.stdout };
        }
        let stdout = '';
        const p = checkWorker(async (script) => {
            const r = await this.run(ip, script);
            stdout = r.stdout;
            return r;
        }, ip, this.init.bucketId, this.init.useSudo, extra).catch((e) => `worker ${ip}: ${(0,errors/* errorText */.kc)(e)}`);
        this.ready.set(ip, p);
        const error = await p;
        return error ? { error, stdout } : { stdout };
    }
    /** Runs `prelude` at the start of the job's next lifecycle call on the worker (Makefile target via runTarget). */
    beforeLifecycle(ip, job, prelude) {
        this.preludes.set(`${ip}\n${job}`, prelude);
    }
    /** Throws when nothing on this machine can reach any worker (key, ssh, rsync): one error for the run. */
    async requireTransport() {
        const problem = await this.init.remote.preflight();
        if (problem !== undefined)
            throw new errors/* MaandError */.Ob('workers unreachable', problem, undefined, { bare: true });
    }
    /** Starts first contact in the background (the outcome is memoised for whoever asks next). */
    warm(ip) {
        this.reach(ip).catch(() => undefined);
    }
    /** Runs a bash script on a worker; a throw of the transport becomes a failed result. */
    async run(ip, script, opts = {}) {
        try {
            return await this.init.remote.run(ip, script, opts);
        }
        catch (e) {
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: ${(0,errors/* errorText */.kc)(e)}` };
        }
    }
    /**
     * Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. `lifecycleFollows`:
     * a Makefile target of the job runs there next: the release snapshot starts at once in its own call, and
     * the lifecycle call on that worker waits for it (the tree is untouched in between, so the release is
     * exactly what make runs), so a later batch's snapshots are taken while earlier batches roll out.
     */
    sendJobFiles(ip, job, lifecycleFollows = false) {
        if (lifecycleFollows && this.init.release)
            this.lateSnapshots.add(`${ip}\n${job}`);
        return this.fileSender.submit(ip, job);
    }
    /** Runs a Makefile target of a job on a worker; same-time requests for one worker share one ssh call. */
    runTarget(ip, req) {
        return this.targetRunner.submit(`${ip}\n${req.target}`, req);
    }
    /** rsync the staged tree of `jobs` (none: bucket-level files only) to one worker. */
    async rsyncTo(ip, jobs, opts = {}) {
        const w = this.workers.get(ip);
        const stage = this.init.stage;
        if (!stage)
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: this run stages no files` };
        try {
            const src = stage.rsyncSource(ip, w && workerFileData(this.init.db, this.init.bucketId, this.init.updateSeq(), w), jobs);
            const r = await this.init.remote.rsync(ip, src.dir, bucketDir(this.init.bucketId), src.filter, {
                onLine: opts.onLine ?? this.output(jobs.join(',') || undefined, ip, 'rsync'),
                ...(opts.dryRun ? { dryRun: true, itemize: true } : {}),
            });
            if (r.exitCode === 0 && !opts.dryRun)
                this.refreshed.add(ip);
            return r;
        }
        catch (e) {
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: rsync not started: ${(0,errors/* errorText */.kc)(e)}` };
        }
    }
    output(job, worker, source = 'remote') {
        return (stream, text) => this.init.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text, source });
    }
    async sendFiles(ip, jobs) {
        const unique = [...new Set(jobs)].sort();
        const err = (await this.reach(ip)) ?? rsyncFailure(ip, await this.rsyncTo(ip, unique));
        if (err === undefined && unique.length > 0) {
            const late = unique.filter((job) => this.lateSnapshots.delete(`${ip}\n${job}`));
            if (late.length > 0) {
                const earlier = this.snapshotsInFlight.get(ip) ?? Promise.resolve();
                this.snapshotsInFlight.set(ip, Promise.all([earlier, this.retain(ip, late)]).then(() => undefined, () => undefined));
            }
            await this.retain(ip, unique.filter((job) => !late.includes(job)));
        }
        return jobs.map(() => err);
    }
    snapshotScript(ip, jobs) {
        const rel = this.init.release;
        return rel && snapshotScript(this.init.bucketId, rel.retain, jobs.map((job) => ({ job, id: rel.id, keep: rel.keep(ip, job) })));
    }
    /** Snapshots the jobs' live trees as this run's release; a failure is a warning (rollback checks releases first). */
    async retain(ip, jobs) {
        const script = jobs.length > 0 ? this.snapshotScript(ip, jobs) : undefined;
        if (script === undefined)
            return;
        const r = await this.run(ip, script);
        const codes = parseOutcomes(r.stdout);
        for (const job of jobs)
            this.snapshotOutcome(ip, job, codes.get(job), codes.has(job) ? tail(r.stderr || r.stdout) : failureText(ip, r));
    }
    snapshotOutcome(ip, job, code, output) {
        if (code === 0)
            return;
        const why = code !== undefined ? `exit ${code}: ${output}` : output;
        this.init.emit({ type: 'warning', message: `job ${job} worker ${ip}: release ${this.init.release?.id ?? '?'} was not retained (${why}); maand rollback cannot return to it` });
    }
    async runTargets(key, reqs) {
        const ip = key.slice(0, key.indexOf('\n'));
        // the release of what make runs is taken before make (never rejects: a failed snapshot is a warning)
        await this.snapshotsInFlight.get(ip);
        const target = reqs[0].target;
        const jobs = reqs.map((r) => r.job);
        const results = new Map();
        const preludes = new Map(jobs.flatMap((job) => {
            const p = this.preludes.get(`${ip}\n${job}`);
            this.preludes.delete(`${ip}\n${job}`);
            return p ? [[job, p]] : [];
        }));
        const said = new Map();
        let current = jobs.length === 1 ? jobs[0] : undefined;
        const script = lifecycleScript(this.init.bucketId, target, reqs.map((r) => ({ ...r, ...(preludes.has(r.job) ? { prelude: preludes.get(r.job).script } : {}) })));
        const r = await this.run(ip, script, {
            onLine: (stream, text) => {
                const m = /^maand-runner: (begin|result) (\S+)(?: (-?\d+))?$/.exec(text);
                if (stream === 'stdout' && m) {
                    if (m[1] === 'begin')
                        current = m[2];
                    else
                        results.set(m[2], Number(m[3]));
                    return;
                }
                const rel = stream === 'stdout' ? /^maand-release: (\S+) (-?\d+)$/.exec(text) : null;
                if (rel && preludes.has(rel[1]))
                    return void said.set(rel[1], Number(rel[2]));
                this.output(current, ip)(stream, text);
            },
        });
        const preludeErrors = new Map([...preludes].map(([job, p]) => [job, p.done(said.get(job), said.has(job) ? tail(r.stderr || r.stdout) : failureText(ip, r))]));
        return jobs.map((job) => {
            const failed = preludeErrors.get(job);
            if (failed !== undefined)
                return failed;
            const code = results.get(job);
            if (code === 0)
                return undefined;
            if (code !== undefined)
                return `worker ${ip}: make ${target} failed for job ${job} (exit ${code}); see the output above`;
            return r.exitCode === 0 ? `worker ${ip}: job ${job}: ${target} did not report a result` : failureText(ip, r);
        });
    }
}
/** The error text of an rsync result, undefined when it succeeded. */
function rsyncFailure(ip, r) {
    if (r.exitCode === 0)
        return undefined;
    return r.message ?? `worker ${ip}: rsync failed (exit ${r.exitCode}): ${tail(r.stderr || r.stdout)}`;
}
function tail(text, max = 400) {
    const t = text.trim();
    return t.length > max ? `…${t.slice(-max)}` : t;
}
/** The failure text of a remote result: the executor's explanation, else exit code and output tail. */
function failureText(ip, r) {
    return r.message ?? remoteFailure(ip, r.exitCode, r.stderr || r.stdout);
}
function remoteFailure(ip, exitCode, output) {
    if (exitCode === 255)
        return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; ${unreachableHint(output)}`;
    return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}

;// CONCATENATED MODULE: ./lib/drift/detect.js
// Drift: do the workers still hold what the catalog says was deployed? For every active allocation whose
// staged tree equals its promoted hash, an rsync checksum dry-run lists files that differ on the worker;
// then the job's health check runs. No make target runs. `markDrifted` makes the next deploy roll them.






function detectDrift(o) {
    return withRun({
        root: o.root, command: 'drift', connect: o.connect, stage: {},
        ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}), ...(o.onSecret ? { onSecret: o.onSecret } : {}),
    }, async (r) => {
        const result = await detect_compare(r, o.jobs ?? []);
        if (o.markForCorrection)
            r.checkpoint(() => markDrifted(r, result));
        return result;
    });
}
async function detect_compare(r, selected) {
    const allJobs = [...waves(r.db).values()].flat();
    const unknown = selected.filter((j) => !allJobs.includes(j));
    if (unknown.length > 0)
        throw new errors/* MaandError */.Ob('invalid argument', `unknown job ${unknown.join(', ')} in the job selection (known: ${[...allJobs].sort().join(', ') || 'none'})`);
    const jobs = (selected.length > 0 ? [...selected] : allJobs).sort();
    const workers = new Map(r.workers.map((w) => [w.ip, w]));
    const link = WorkerLink.forRun(r, { stage: r.stage });
    const result = { jobs: [], driftedJobs: [], pendingJobs: [], unreachable: [] };
    if (jobs.some((j) => alloc_state_jobAllocations(r.db, j).some((a) => isActive(a) && wasDeployed(a))))
        await link.requireTransport();
    for (const job of jobs) {
        const allocs = alloc_state_jobAllocations(r.db, job).filter(isActive);
        const staged = stageActive(r.db, r.kv, workers, r.bucketId, r.updateSeq, job, allocs);
        const jd = { job, allocations: [], health: { ok: true, skipped: true }, drifted: false };
        await Promise.all(allocs.map(async (a) => {
            const h = staged.get(a.allocId);
            const base = { workerIp: a.workerIp, allocId: a.allocId, files: [] };
            if (!h || !wasDeployed(a) || a.previousHash !== h.hash || a.currentVersion !== a.newVersion) {
                jd.allocations.push({ ...base, status: 'pending', detail: !wasDeployed(a) ? 'never deployed' : 'the workspace changed since the last deploy' });
                return;
            }
            const err = await link.reach(a.workerIp);
            if (err) {
                jd.allocations.push({ ...base, status: 'unreachable', detail: err });
                return;
            }
            r.stage.placeTree(a.workerIp, job, h.hash, h.tree);
            const files = [];
            const prefix = `jobs/${job}/`;
            const res = await link.rsyncTo(a.workerIp, [job], {
                dryRun: true,
                onLine: (stream, text) => {
                    const c = stream === 'stdout' ? parseItemizedLine(text) : undefined;
                    if (c && !c.directory && c.action !== 'attributes' && c.path.startsWith(prefix))
                        files.push(c.path.slice(prefix.length));
                },
            });
            if (res.exitCode !== 0)
                jd.allocations.push({ ...base, status: 'unreachable', detail: failureText(a.workerIp, res) });
            else
                jd.allocations.push({ ...base, files: files.sort(), status: files.length > 0 ? 'drifted' : 'in-sync' });
        }));
        jd.allocations.sort((x, y) => (x.workerIp < y.workerIp ? -1 : x.workerIp > y.workerIp ? 1 : 0));
        if (jd.allocations.some((x) => x.status !== 'pending' && x.status !== 'unreachable')) {
            const hc = await r.links.health.check(job);
            jd.health = { ok: hc.ok, skipped: hc.skipped === true, ...(hc.error ? { error: hc.error } : {}) };
        }
        jd.drifted = jd.allocations.some((x) => x.status === 'drifted') || !jd.health.ok;
        if (jd.drifted)
            result.driftedJobs.push(job);
        if (jd.allocations.some((x) => x.status === 'pending'))
            result.pendingJobs.push(job);
        for (const x of jd.allocations)
            if (x.status === 'unreachable' && !result.unreachable.includes(x.workerIp))
                result.unreachable.push(x.workerIp);
        result.jobs.push(jd);
    }
    result.unreachable.sort();
    return result;
}
/** Makes the next deploy roll the drifted allocations (and, for failed health, all of the job's). */
function markDrifted(r, drift) {
    const mark = r.db.prepare("UPDATE hash SET previous_hash = 'drift' WHERE namespace = ? AND key = ? AND previous_hash IS NOT NULL");
    for (const j of drift.jobs.filter((x) => x.drifted)) {
        for (const a of j.allocations)
            if (a.status === 'drifted' || (!j.health.ok && a.status === 'in-sync'))
                mark.run(`${j.job}_allocation`, a.allocId);
    }
}

;// CONCATENATED MODULE: ./lib/deploy/promote.js


function promoteStaged(db, job, allocId, deployId) {
    alloc_state_promote(db, job, allocId);
    if (deployId === undefined)
        return;
    const r = db
        .prepare(`SELECT a.worker_ip, h.previous_hash, h.previous_files, h.current_version FROM allocations a JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id WHERE a.job = ? AND a.alloc_id = ?`)
        .get(job, allocId);
    if (!r || !r.previous_hash)
        return;
    // unchanged bytes (a version-only restart, --force, job_control over every allocation): the release
    // it ran keeps naming them, as this run may have retained no new one there
    const before = releaseAt(db, job, allocId, deployId);
    const releaseId = before && before.hash === r.previous_hash ? before.releaseId : deployId;
    recordRelease(db, { deployId, job, allocId, workerIp: r.worker_ip, releaseId, hash: r.previous_hash, files: r.previous_files, version: r.current_version ?? '0.0.0' });
}

;// CONCATENATED MODULE: ./lib/deploy/context.js

class DeployContext {
    paths;
    conf;
    db;
    kv;
    bucketId;
    updateSeq;
    updateSeqBumped = false;
    workers;
    flags;
    useSudo;
    hooks;
    health;
    result;
    /** This run's staging directory (rsync sources, filter files). */
    stage;
    link;
    run;
    /** This run's id in the deploy history (undefined for a dry run). */
    deployId;
    promoter;
    files;
    /** `promote` and `files` replace how the rollout records and ships a job's tree (a rollback restores retained releases). */
    constructor(run, init) {
        this.run = run;
        this.paths = run.paths;
        this.conf = run.conf;
        this.db = run.db;
        this.kv = run.kv;
        this.bucketId = run.bucketId;
        this.updateSeq = run.updateSeq;
        this.workers = new Map(run.workers.map((w) => [w.ip, w]));
        this.flags = init.flags;
        this.useSudo = init.useSudo;
        this.hooks = run.links.hooks;
        this.health = run.links.health;
        this.stage = run.stage;
        this.result = init.result;
        this.link = init.link;
        this.deployId = run.deployId;
        this.promoter = init.promote ?? ((job, allocId) => promoteStaged(this.db, job, allocId, this.deployId));
        this.files = init.files;
    }
    /** Puts the job's tree of this run on a worker (the staged tree by rsync, unless the run says otherwise). */
    sendJobFiles(ip, job, lifecycleFollows) {
        return this.files ? this.files(ip, job, lifecycleFollows) : this.link.sendJobFiles(ip, job, lifecycleFollows);
    }
    /** Records that the worker now runs what this run sent it (call inside a checkpoint). */
    promote(job, allocId) {
        this.promoter(job, allocId);
    }
    emit(e) {
        this.run.emit(e);
    }
    get signal() {
        return this.run.signal;
    }
    get cancelled() {
        return this.run.signal?.aborted ?? false;
    }
    /** Records a job this run touched in the deploy history. */
    recordJob(j) {
        this.run.recordJob(j);
    }
    /** Writes pending KV and `fn`'s catalog changes in one committed transaction (a checkpoint, Q6). */
    checkpoint(fn) {
        this.run.checkpoint(fn);
    }
}

;// CONCATENATED MODULE: ./lib/deploy/tree-hash.js
// Plan hashes (deploy spec §9.2-9.3; computed by job-tree.ts) and per-file manifests.

function parseFilesJson(text) {
    if (text === null || text === undefined || text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Paths added, changed or deleted between two manifests, sorted byte-wise (§13.2). */
function changedPaths(previous, current) {
    const prev = previous ?? {};
    const cur = current ?? {};
    const out = new Set();
    for (const [p, d] of Object.entries(cur))
        if (prev[p] !== d)
            out.add(p);
    for (const p of Object.keys(prev))
        if (!(p in cur))
            out.add(p);
    return [...out].sort(go_json/* byteCompare */.U6);
}

;// CONCATENATED MODULE: ./lib/deploy/lifecycle.js
// Which lifecycle an updated allocation gets (deploy spec §13.1): restart, reload or sync (files only).


function decideLifecycle(i) {
    if (i.syncOnly)
        return { action: 'sync', matched: [], reason: '--sync-only' };
    const policy = i.policy === '' ? 'always' : i.policy;
    if (policy === 'never')
        return { action: 'sync', matched: [], reason: 'restart_policy never' };
    if (policy === 'always')
        return { action: 'restart', matched: [], reason: i.versionOnly ? 'version changed' : 'files changed' };
    if (policy !== 'reload')
        return { action: 'restart', matched: [], reason: `restart_policy ${policy}` };
    if (i.versionOnly && !i.hashChanged)
        return { action: 'reload', matched: [], reason: 'version changed' };
    if (i.previousFiles === undefined && i.hashChanged)
        return { action: 'reload', matched: [], reason: 'files changed (no previous manifest)' };
    if (i.globs.length === 0)
        return { action: 'reload', matched: [], reason: 'files changed' };
    const matched = matchAny(i.globs, changedPaths(i.previousFiles, i.currentFiles));
    if (matched.length > 0)
        return { action: 'restart', matched, reason: `restart_globs matched ${matched.join(',')}` };
    return { action: 'reload', matched: [], reason: 'files changed, no restart_globs matched' };
}

;// CONCATENATED MODULE: ./lib/deploy/plan.js
// What a deploy would do to each allocation of a job, and why (deploy spec §10, §12.2, §16.3 with our
// decisions: disabled allocations are only stopped (Q4, Q9), unfinished work is carried (Q30, S3)).



/** `staged`: the tree hash of each active allocation staged in this run, by alloc id. */
function planJob(job, seq, allocs, staged, marker, flags) {
    const plans = [];
    for (const a of allocs) {
        if (a.removed)
            continue;
        const current = staged.get(a.allocId);
        const base = {
            allocId: a.allocId,
            workerIp: a.workerIp,
            disabled: a.disabled,
            previousHash: a.previousHash ?? '',
            currentHash: current?.hash ?? a.currentHash ?? '',
            matched: [],
            currentVersion: a.currentVersion,
            newVersion: a.newVersion,
        };
        if (!isActive(a)) {
            plans.push({ ...base, action: wasDeployed(a) ? 'stop' : 'skip', reason: wasDeployed(a) ? 'disabled, still running' : 'disabled' });
            continue;
        }
        if (!wasDeployed(a)) {
            plans.push({ ...base, action: 'start', reason: a.hasHashRow ? 'not started yet' : 'new allocation' });
            continue;
        }
        const hashChanged = base.previousHash !== base.currentHash;
        const versionPending = a.currentVersion !== a.newVersion;
        if (!hashChanged && !flags.force && !versionPending) {
            plans.push({ ...base, action: 'skip', reason: 'up to date' });
            continue;
        }
        const d = decideLifecycle({
            policy: job.restartPolicy,
            globs: job.restartGlobs,
            syncOnly: flags.syncOnly,
            hashChanged,
            versionOnly: !hashChanged && versionPending,
            previousFiles: parseFilesJson(a.previousFiles),
            currentFiles: current?.files ?? parseFilesJson(a.currentFiles),
        });
        const why = hashChanged ? d.reason : versionPending ? `version ${a.currentVersion} → ${a.newVersion}` : '--force';
        plans.push({ ...base, action: d.action, matched: d.matched, reason: d.action === 'sync' && !flags.syncOnly ? `${why}; restart_policy never` : why });
    }
    const work = plans.some((p) => p.action !== 'skip') || marker !== undefined;
    const reason = plans.length === 0 ? 'no allocations' : marker ? `unfinished ${marker === 'post_deploy' ? 'post_deploy' : 'rollout'} from an earlier deploy` : work ? '' : 'already promoted on all allocations';
    return { job: job.name, seq, needsRollout: work, reason, marker, allocations: plans };
}

;// CONCATENATED MODULE: ./lib/metrics/errors.js
// Errors of the metrics push. Their messages are the reference texts (kv spec §9: `remote write
// status <code> <text>[: <body>]`), so they carry no `<code>: ` prefix.

/** The push could not be set up or did not go through; the deploy reports it as a warning. */
class MetricsError extends errors/* MaandError */.Ob {
    name = 'MetricsError';
    constructor(message) {
        super('metrics', message, undefined, { bare: true });
    }
}
/** One remote-write attempt failed: a bad HTTP status, a network error or a timeout. */
class RemoteWriteError extends MetricsError {
    name = 'RemoteWriteError';
    /** The HTTP status; absent when no response arrived. */
    status;
    /** Network errors, timeouts, 429 and 5xx are worth another attempt. */
    retryable;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.retryable = status === undefined || status === 429 || status >= 500;
    }
}

;// CONCATENATED MODULE: ./lib/certs/metrics.js




const PROMETHEUS_JOB = 'prometheus';
const PROMETHEUS_PORT = 'prometheus_port_http';
const ALLOCATION_NS = /^maand\/job\/([^/]+)\/worker\/([^/]+)$/;
/** The CA (when its PEM is given) first, then every live `certs/*.crt` by namespace and key. */
function listCertMetrics(kv, caPem, renewalBufferDays, now) {
    const out = [];
    if (caPem !== undefined)
        out.push(metric('ca', '', '', 'ca', caPem, renewalBufferDays, now));
    for (const ns of kv.namespaces()) {
        const m = ALLOCATION_NS.exec(ns);
        if (!m)
            continue;
        for (const key of kv.keys(ns)) {
            if (!key.startsWith(CERTS_KEY_PREFIX) || !key.endsWith('.crt'))
                continue;
            const cert = key.slice(CERTS_KEY_PREFIX.length, -'.crt'.length);
            out.push(metric('job', m[1], m[2], cert, kv.get(ns, key), renewalBufferDays, now));
        }
    }
    return out;
}
function metric(scope, job, worker, cert, pem, bufferDays, now) {
    const s = certStatus(pem, bufferDays, now);
    const base = { scope, job, worker, cert, commonName: s.commonName ?? '', status: s.status };
    return s.status === 'invalid' || s.notAfter === undefined ? base : { ...base, notAfter: s.notAfter };
}
/**
 * Per certificate, in the order given: maand_cert_not_after_seconds (left out for invalid certs),
 * maand_cert_expiring and maand_cert_expired, each one sample at `now`.
 */
function certSeries(metrics, now) {
    const timestampMs = now.getTime();
    const out = [];
    for (const m of metrics) {
        const labels = [
            { name: 'cert', value: m.cert },
            { name: 'common_name', value: m.commonName },
            { name: 'job', value: m.job },
            { name: 'scope', value: m.scope },
            { name: 'status', value: m.status },
            { name: 'worker', value: m.worker },
        ];
        const gauge = (name, value) => ({
            labels: [{ name: '__name__', value: name }, ...labels],
            samples: [{ value, timestampMs }],
        });
        if (m.notAfter !== undefined)
            out.push(gauge('maand_cert_not_after_seconds', Math.floor(m.notAfter.getTime() / 1000)));
        out.push(gauge('maand_cert_expiring', m.status === 'expiring' ? 1 : 0));
        out.push(gauge('maand_cert_expired', m.status === 'expired' ? 1 : 0));
    }
    return out;
}
/**
 * The remote-write URL of the bucket's Prometheus: the first non-removed allocation (by IP) of the
 * job named `prometheus`, when that job ships prometheus.yml(.tpl); undefined when there is none.
 */
function prometheusWriteUrl(db) {
    if (!hasPrometheusServer(db))
        return undefined;
    const ips = db.prepare('SELECT worker_ip FROM allocations WHERE job = ? AND removed = 0').all(PROMETHEUS_JOB)
        .map((r) => r.worker_ip)
        .sort();
    if (ips.length === 0)
        return undefined;
    const row = db
        .prepare('SELECT p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ? AND p.name = ?')
        .get(PROMETHEUS_JOB, PROMETHEUS_PORT);
    if (row === undefined) {
        throw new MetricsError(`job ${PROMETHEUS_JOB} has no port ${PROMETHEUS_PORT}: declare it under resources.ports in its manifest.json and run maand build`);
    }
    return `http://${ips[0]}:${row.port}/api/v1/write`;
}
/** Basic auth from `secrets/job/prometheus` admin_username + admin_password; neither → none. */
function prometheusBasicAuth(kv) {
    const ns = jobSecretsNamespace(PROMETHEUS_JOB);
    const secret = (key) => (kv.tryGet(ns, key) === undefined ? undefined : kv.getSecret(ns, key));
    const username = secret('admin_username');
    const password = secret('admin_password');
    if (username === undefined && password === undefined)
        return undefined;
    if (username === undefined || password === undefined) {
        throw new MetricsError(`prometheus remote write requires both admin_username and admin_password in ${ns}`);
    }
    return { username, password };
}

// EXTERNAL MODULE: ./node_modules/snappyjs/index.js
var snappyjs = __webpack_require__(64528);
;// CONCATENATED MODULE: ./lib/metrics/protobuf.js
// Protobuf encoding of a Prometheus remote-write 0.1.0 `WriteRequest` (prompb/remote.proto,
// prompb/types.proto), by hand: four messages do not justify a protobuf dependency.
//   WriteRequest { repeated TimeSeries timeseries = 1; }
//   TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
//   Label        { string name = 1; string value = 2; }
//   Sample       { double value = 1; int64 timestamp = 2; }   // timestamp in ms
// Proto3 rules: fields holding their default (0, "") are not written.
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const utf8 = new TextEncoder();
class Writer {
    #bytes = [];
    #tag(field, wireType) {
        this.#varint(BigInt((field << 3) | wireType));
    }
    /** Unsigned LEB128 of the 64-bit two's complement (negative int64 takes 10 bytes). */
    #varint(n) {
        let v = BigInt.asUintN(64, n);
        while (v >= 0x80n) {
            this.#bytes.push(Number(v & 0x7fn) | 0x80);
            v >>= 7n;
        }
        this.#bytes.push(Number(v));
    }
    int64(field, n) {
        if (n === 0)
            return;
        this.#tag(field, VARINT);
        this.#varint(BigInt(Math.trunc(n)));
    }
    double(field, n) {
        if (n === 0 && !Object.is(n, -0))
            return;
        this.#tag(field, FIXED64);
        const buf = new DataView(new ArrayBuffer(8));
        buf.setFloat64(0, n, true);
        for (let i = 0; i < 8; i++)
            this.#bytes.push(buf.getUint8(i));
    }
    bytes(field, data) {
        this.#tag(field, LENGTH_DELIMITED);
        this.#varint(BigInt(data.length));
        for (const b of data)
            this.#bytes.push(b);
    }
    string(field, s) {
        if (s === '')
            return;
        this.bytes(field, utf8.encode(s));
    }
    /** Embedded messages are always written, also when empty (they are list elements here). */
    message(field, build) {
        const inner = new Writer();
        build(inner);
        this.bytes(field, inner.finish());
    }
    finish() {
        return Uint8Array.from(this.#bytes);
    }
}
function byName(a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
/** The serialized `WriteRequest` carrying `series` in the given order. */
function encodeWriteRequest(series) {
    const w = new Writer();
    for (const ts of series) {
        w.message(1, (tw) => {
            for (const l of [...ts.labels].sort(byName)) {
                tw.message(1, (lw) => {
                    lw.string(1, l.name);
                    lw.string(2, l.value);
                });
            }
            for (const s of ts.samples) {
                tw.message(2, (sw) => {
                    sw.double(1, s.value);
                    sw.int64(2, s.timestampMs);
                });
            }
        });
    }
    return w.finish();
}

;// CONCATENATED MODULE: ./lib/metrics/remote-write.js
// Prometheus remote-write 0.1.0 client (kv spec §6.7): one snappy-compressed protobuf POST, retried
// with backoff because Prometheus may not accept writes right after its own rollout.





const DEFAULT_TIMEOUT_MS = 15_000;
const remote_write_DEFAULT_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 15_000;
/** Enough of an error body to explain a rejection (the reference reads 4 KiB too). */
const ERROR_BODY_LIMIT = 4096;
/** The wait after failed attempt `attempt` (1-based): 2 s doubling, capped at 15 s. */
function backoffMs(attempt) {
    return Math.min(FIRST_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
}
/** Pushes `series`; throws the last RemoteWriteError, or a MetricsError when cancelled. */
async function remoteWrite(series, opts) {
    const body = (0,snappyjs/* compress */.B)(encodeWriteRequest(series));
    const attempts = Math.max(1, opts.attempts ?? remote_write_DEFAULT_ATTEMPTS);
    const sleep = opts.sleep ?? ((ms, signal) => (0,external_node_timers_promises_.setTimeout)(ms, undefined, signal ? { signal } : {}));
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw cancelled();
        try {
            await postOnce(body, opts);
            return { attempts: attempt };
        }
        catch (e) {
            if (opts.signal?.aborted)
                throw cancelled();
            if (!(e instanceof RemoteWriteError) || !e.retryable || attempt >= attempts)
                throw e;
            const delayMs = backoffMs(attempt);
            opts.onRetry?.({ attempt, attempts, error: e.message, delayMs });
            try {
                await sleep(delayMs, opts.signal);
            }
            catch {
                throw cancelled();
            }
        }
    }
}
function cancelled() {
    return new MetricsError('remote write cancelled');
}
async function postOnce(body, opts) {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers = {
        'Content-Type': 'application/x-protobuf',
        'Content-Encoding': 'snappy',
        'X-Prometheus-Remote-Write-Version': '0.1.0',
    };
    if (opts.basicAuth)
        headers['Authorization'] = `Basic ${Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString('base64')}`;
    let res;
    try {
        res = await fetch(opts.url, { method: 'POST', headers, body, signal });
    }
    catch (e) {
        if (timeout.aborted)
            throw new RemoteWriteError(`remote write request: no response within ${timeoutMs / 1000}s from ${opts.url}`);
        throw new RemoteWriteError(`remote write request: ${networkText(e)}`);
    }
    if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return;
    }
    const text = await readLimited(res, ERROR_BODY_LIMIT);
    const status = `${res.status} ${external_node_http_.STATUS_CODES[res.status] ?? ''}`.trimEnd();
    throw new RemoteWriteError(`remote write status ${status}${text ? `: ${text}` : ''}`, res.status);
}
/** fetch hides the socket error in `cause` ("fetch failed" alone says nothing). */
function networkText(e) {
    const cause = e instanceof Error ? e.cause : undefined;
    if (cause instanceof Error && cause.message)
        return cause.message;
    return e instanceof Error ? e.message : String(e);
}
/** The first `limit` bytes of the body, trimmed; a body that breaks off yields what arrived. */
async function readLimited(res, limit) {
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    try {
        while (size < limit) {
            const { done, value } = await reader.read();
            if (done)
                break;
            chunks.push(value);
            size += value.length;
        }
    }
    catch {
        // keep the partial body
    }
    finally {
        await reader.cancel().catch(() => undefined);
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8').trim();
}

;// CONCATENATED MODULE: ./lib/deploy/cert-metrics-step.js
// The last step of a real deploy (deploy spec §3 step 13): push certificate expiry gauges to the
// bucket's Prometheus. Best effort: a failure becomes a warning and never changes the exit status.




/** Pushes the gauges when the bucket runs a Prometheus server; records the outcome in ctx.result. */
async function pushCertMetrics(ctx, opts = {}) {
    let url;
    let series = 0;
    try {
        url = prometheusWriteUrl(ctx.db);
        if (url === undefined)
            return;
        const basicAuth = prometheusBasicAuth(ctx.kv);
        const now = opts.now ?? new Date();
        const data = certSeries(listCertMetrics(ctx.kv, readCa(ctx.paths.caCrt), ctx.conf.certs_renewal_buffer, now), now);
        series = data.length;
        if (series === 0)
            return;
        const worker = new URL(url).hostname;
        await remoteWrite(data, {
            url,
            ...(basicAuth ? { basicAuth } : {}),
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
            ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
            onRetry: (n) => ctx.emit({ type: 'output', job: 'prometheus', worker, stream: 'stderr', text: `cert metrics: attempt ${n.attempt}/${n.attempts} failed: ${n.error}; retrying in ${n.delayMs / 1000}s` }),
        });
        ctx.result.certMetrics = { url, series };
    }
    catch (e) {
        ctx.result.certMetrics = { url: url ?? '', series, error: (0,errors/* errorText */.kc)(e) };
        ctx.emit({ type: 'warning', message: `cert metrics: ${(0,errors/* errorText */.kc)(e)}` });
    }
}
/** The bucket CA as the push reports it; a missing file just leaves the CA out (as the reference). */
function readCa(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/deploy/reconcile.js
// Reconcile (seed S4, deploy spec §6 with decisions Q9, Q10): stop removed/disabled allocations that
// still run, run after_allocation_stopped, clean removed job files (keeping data/ and logs/), purge the
// KV of fully removed jobs, then health-check jobs that lost a running allocation. Failures are recorded
// per job (Q10) and the deploy goes on.





/**
 * What reconcile would do, for a dry run: every removed or disabled allocation that still runs is
 * stopped, and a removed one's files are cleaned up. Same selection as `reconcile` (Q2: all jobs).
 */
function plannedReconcile(ctx) {
    const planned = [];
    for (const a of allAllocations(ctx.db).filter((x) => (x.removed || x.disabled) && wasDeployed(x))) {
        planned.push({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'planned' });
        if (a.removed)
            planned.push({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'planned' });
    }
    return planned;
}
async function reconcile(ctx) {
    const failures = new Map();
    const all = allAllocations(ctx.db);
    const stopped = all.filter((a) => a.removed || a.disabled);
    if (stopped.length === 0)
        return failures;
    const lostRunning = new Set();
    const offCatalog = new Set();
    const record = (r) => {
        ctx.result.reconcile.push(r);
        ctx.emit({ type: 'reconcile', result: r });
        if (r.outcome === 'failed' && r.error && !failures.has(r.job))
            failures.set(r.job, r.error);
    };
    if (stopped.some(wasDeployed))
        await ctx.link.requireTransport();
    for (const a of stopped) {
        const running = wasDeployed(a);
        const assumeDead = a.removed && !ctx.workers.has(a.workerIp);
        if (running) {
            lostRunning.add(a.job);
            const err = await stopAllocation(ctx, a);
            if (err && !assumeDead) {
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: stop failed: ${err}` });
                continue;
            }
            if (err)
                ctx.emit({ type: 'warning', message: `removed worker ${a.workerIp} unreachable, assuming dead: ${err}` });
            else
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'ok' });
            const hook = await ctx.hooks.run(a.job, 'after_allocation_stopped', [{ allocId: a.allocId, workerIp: a.workerIp }], {
                concurrency: 1,
                env: { BATCH_ALLOCATIONS: a.workerIp, BATCH_INDEX: '0', BATCH_COUNT: '1', DEPLOY_PHASE: 'stop', ROLLOUT_ORDER: '', ROLLOUT_ORDER_SOURCE: '' },
            });
            if (!hook.ok)
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: jobCause(a.job, hook.error) });
            if (a.removed) {
                const c = err ? err : await cleanup(ctx, a);
                if (c && !assumeDead)
                    record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: cleanup failed: ${c}` });
                else if (!c)
                    record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'ok' });
                if (assumeDead)
                    offCatalog.add(a.workerIp);
            }
        }
        ctx.checkpoint(() => {
            if (a.removed)
                deleteHash(ctx.db, a.job, a.allocId);
            else if (running)
                markStopped(ctx.db, a.job, a.allocId);
        });
    }
    for (const ip of [...offCatalog].sort()) {
        const r = await ctx.link.run(ip, removeBucketCommand(ctx.bucketId), { onLine: ctx.link.output(undefined, ip) });
        if (r.exitCode === 0)
            record({ job: '', workerIp: ip, action: 'remove-bucket', outcome: 'ok' });
        else
            ctx.emit({ type: 'warning', message: `removed worker ${ip} unreachable, assuming dead: ${failureText(ip, r)}` });
        ctx.stage.dropWorkerJob(ip);
    }
    purgeRemovedJobs(ctx, all, stopped);
    for (const job of [...lostRunning].sort()) {
        if (failures.has(job) || !all.some((a) => a.job === job && isActive(a)))
            continue;
        const h = await ctx.health.check(job);
        if (!h.ok)
            failures.set(job, `job ${job}: health check after stopping allocations failed: ${h.error ?? ''}`);
    }
    return failures;
}
async function stopAllocation(ctx, a) {
    if (ctx.workers.has(a.workerIp)) {
        const notReady = await ctx.link.reach(a.workerIp);
        if (notReady)
            return notReady;
    }
    const r = await ctx.link.run(a.workerIp, runnerCommand(ctx.bucketId, 'stop', a.job), { onLine: ctx.link.output(a.job, a.workerIp) });
    return r.exitCode === 0 ? undefined : failureText(a.workerIp, r);
}
async function cleanup(ctx, a) {
    const r = await ctx.link.run(a.workerIp, cleanupJobCommand(ctx.bucketId, a.job), { onLine: ctx.link.output(a.job, a.workerIp) });
    ctx.stage.dropWorkerJob(a.workerIp, a.job);
    return r.exitCode === 0 ? undefined : failureText(a.workerIp, r);
}
/** KV of jobs left without any non-removed allocation (§6.5). */
function purgeRemovedJobs(ctx, all, stopped) {
    const jobs = [...new Set(stopped.map((a) => a.job))].sort();
    let changed = false;
    for (const job of jobs) {
        const rows = all.filter((a) => a.job === job);
        if (rows.some((a) => !a.removed))
            continue;
        for (const ns of [jobNamespace(job), bucketJobVarsNamespace(job), jobVarsNamespace(job), jobSecretsNamespace(job)])
            changed = purge(ctx.kv, ns) || changed;
        for (const a of rows)
            changed = purge(ctx.kv, allocationNamespace(job, a.workerIp)) || changed;
    }
    if (changed)
        ctx.checkpoint();
}

;// CONCATENATED MODULE: ./lib/deploy/rollout-order.js
// Rollout order of a phase (deploy spec §14, decision Q11): KV `rollout_order` is a priority list —
// listed candidates first in its order, the rest in default order (worker position, then IP).
/** `defaultOrder`: the job's allocations by worker position then IP; `candidates`: this phase's IPs. */
function rolloutOrder(candidates, defaultOrder, kvValue) {
    const cand = new Set(candidates);
    const base = [...defaultOrder.filter((ip) => cand.has(ip)), ...candidates.filter((ip) => !defaultOrder.includes(ip))];
    const listed = (kvValue ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (listed.length === 0)
        return { order: base, full: base.join(','), source: 'default', ignored: [] };
    const seen = new Set();
    const first = [];
    const ignored = [];
    for (const ip of listed) {
        if (seen.has(ip))
            continue;
        seen.add(ip);
        if (cand.has(ip))
            first.push(ip);
        else
            ignored.push(ip);
    }
    if (first.length === 0)
        return { order: base, full: base.join(','), source: 'default', ignored };
    const order = [...first, ...base.filter((ip) => !seen.has(ip))];
    return { order, full: order.join(','), source: 'kv', ignored };
}
/** Consecutive slices; size < 1 or > n means one batch of all. */
function batches(items, size) {
    const n = size < 1 || size > items.length ? items.length : size;
    const out = [];
    for (let i = 0; i < items.length; i += n)
        out.push(items.slice(i, i + n));
    return out;
}

;// CONCATENATED MODULE: ./lib/deploy/rollout.js




class JobFailure extends Error {
    name = 'JobFailure';
}
async function rolloutJob(ctx, plan, allocs, staged) {
    const started = Date.now();
    const res = { job: plan.job, seq: plan.seq, status: 'deployed', reason: plan.reason, durationMs: 0, allocations: [] };
    ctx.emit({ type: 'job-started', job: plan.job, seq: plan.seq });
    try {
        await rollout(ctx, plan, allocs, staged, res);
    }
    catch (e) {
        res.status = 'failed';
        res.error = e instanceof JobFailure ? e.message : `job ${plan.job}: ${e.message}`;
    }
    res.durationMs = Date.now() - started;
    ctx.emit({ type: 'job-finished', result: res });
    return res;
}
async function rollout(ctx, plan, allocs, staged, res) {
    const job = plan.job;
    const fail = (msg) => {
        throw new JobFailure(`job ${job}: ${msg}`);
    };
    const info = jobInfo(ctx.db, job);
    if (!info)
        fail('the job is no longer in the catalog; run maand build');
    const active = plan.allocations.filter((a) => !a.disabled);
    const byIp = new Map(allocs.map((a) => [a.workerIp, a]));
    const work = active.filter((a) => a.action !== 'skip');
    const newAllocs = work.filter((a) => a.action === 'start');
    if (ctx.flags.syncOnly && newAllocs.length > 0)
        fail(`sync-only deploy cannot start new allocations on job "${job}": ${newAllocs.map((a) => a.workerIp).join(',')} (deploy without --sync-only first)`);
    if (plan.marker === 'post_deploy' && work.length === 0) {
        await postDeploy(ctx, job, active, res);
        ctx.checkpoint(() => setJobMarker(ctx.db, job, undefined));
        return;
    }
    ctx.checkpoint(() => setJobMarker(ctx.db, job, 'rollout'));
    // Files first, only where something changes (Q4: only workers with an active allocation of the job).
    for (const a of work)
        ctx.link.warm(a.workerIp); // connect while the trees are written
    for (const a of work) {
        const t = staged.get(a.allocId);
        if (t)
            ctx.stage.placeTree(a.workerIp, job, t.hash, t.tree);
    }
    const jobControl = commandsFor(ctx.db, job, 'job_control');
    const viaMake = jobControl.length === 0 && !ctx.flags.syncOnly;
    const followed = (a) => viaMake && (a.action === 'start' || a.action === 'restart' || a.action === 'reload');
    const rsyncErrors = await Promise.all(work.map((a) => ctx.sendJobFiles(a.workerIp, job, followed(a))));
    const bad = work.flatMap((a, i) => (rsyncErrors[i] === undefined ? [] : [{ worker: a.workerIp, error: rsyncErrors[i] }]));
    if (bad.length > 0) {
        for (const a of work)
            res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
        fail(byCause(bad).join('; '));
    }
    const syncs = work.filter((a) => a.action === 'sync');
    if (syncs.length > 0) {
        ctx.checkpoint(() => syncs.forEach((a) => ctx.promote(job, a.allocId)));
        for (const a of syncs)
            res.allocations.push(allocResult(a, 'ok', 0));
    }
    if (jobControl.length > 0 && !ctx.flags.syncOnly) {
        await jobControlPath(ctx, job, active, res);
    }
    else if (!ctx.flags.syncOnly) {
        const defaultOrder = allocs.filter((a) => !a.removed).map((a) => a.workerIp);
        await phase(ctx, job, 'new', 'start', newAllocs, info.maxConcurrentStarts, defaultOrder, byIp, res);
        await phase(ctx, job, 'update', 'reload', work.filter((a) => a.action === 'reload'), info.maxConcurrentUpgrades, defaultOrder, byIp, res);
        await phase(ctx, job, 'update', 'restart', work.filter((a) => a.action === 'restart'), info.maxConcurrentUpgrades, defaultOrder, byIp, res);
        if (plan.marker === 'rollout' && newAllocs.length + work.filter((a) => a.action === 'reload' || a.action === 'restart').length === 0) {
            await healthGate(ctx, job);
        }
    }
    ctx.checkpoint(() => setJobMarker(ctx.db, job, 'post_deploy'));
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => setJobMarker(ctx.db, job, undefined));
    if (work.length === 0 && !plan.marker)
        res.status = 'unchanged';
}
function allocResult(a, outcome, durationMs, error, batch) {
    return { workerIp: a.workerIp, allocId: a.allocId, action: a.action, reason: a.reason, outcome, durationMs, ...(error ? { error } : {}), ...(batch !== undefined ? { batch } : {}) };
}
async function phase(ctx, job, phaseName, target, candidates, batchSize, defaultOrder, byIp, res) {
    if (candidates.length === 0)
        return;
    const kvOrder = ctx.kv.tryGet(`maand/job/${job}`, 'rollout_order');
    const order = rolloutOrder(candidates.map((a) => a.workerIp), defaultOrder, kvOrder);
    if (order.ignored.length > 0)
        ctx.emit({ type: 'warning', message: `job ${job}: rollout_order lists ${order.ignored.join(',')} which ${order.ignored.length === 1 ? 'is' : 'are'} not part of this ${target}; ignored` });
    const plansByIp = new Map(candidates.map((a) => [a.workerIp, a]));
    const groups = batches(order.order, batchSize);
    for (const [index, ips] of groups.entries()) {
        if (ctx.cancelled)
            throw new JobFailure(`job ${job}: cancelled before ${target} batch ${index + 1}/${groups.length} (${ips.join(',')}); run maand deploy again to continue`);
        ctx.emit({ type: 'batch-started', job, phase: phaseName, action: target, index, count: groups.length, workers: ips });
        const t0 = Date.now();
        const outcomes = await Promise.all(ips.map((ip) => {
            const a = byIp.get(ip);
            return ctx.link.runTarget(ip, { job, target, currentVersion: a.currentVersion, newVersion: a.newVersion });
        }));
        const failed = ips.flatMap((ip, i) => (outcomes[i] === undefined ? [] : [{ worker: ip, error: outcomes[i] }]));
        if (failed.length > 0) {
            ips.forEach((ip, i) => res.allocations.push(allocResult(plansByIp.get(ip), outcomes[i] ? 'failed' : 'ok', Date.now() - t0, outcomes[i], index)));
            throw new JobFailure(`job ${job}: ${target} batch ${index + 1}/${groups.length} failed: ${byCause(failed).join('; ')}`);
        }
        const hook = await ctx.hooks.run(job, 'after_allocation_started', ips.map((ip) => ({ allocId: byIp.get(ip).allocId, workerIp: ip })), {
            concurrency: ips.length,
            env: { BATCH_ALLOCATIONS: ips.join(','), BATCH_INDEX: String(index), BATCH_COUNT: String(groups.length), DEPLOY_PHASE: phaseName, ROLLOUT_ORDER: order.full, ROLLOUT_ORDER_SOURCE: order.source },
        });
        if (!hook.ok) {
            ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'failed', Date.now() - t0, hook.error, index)));
            throw new JobFailure(jobCause(job, hook.error));
        }
        // Promote the batch: the workers now run this tree (seed S2); committed before anything else can fail.
        ctx.checkpoint(() => ips.forEach((ip) => ctx.promote(job, byIp.get(ip).allocId)));
        ctx.emit({ type: 'batch-promoted', job, workers: ips });
        ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'ok', Date.now() - t0, undefined, index)));
        await healthGate(ctx, job);
    }
}
async function healthGate(ctx, job) {
    const h = await ctx.health.check(job);
    if (!h.ok)
        throw new JobFailure(`job ${job}: health check failed: ${h.error ?? 'unknown error'} (the next deploy retries it)`);
}
async function jobControlPath(ctx, job, active, res) {
    const news = active.filter((a) => a.action === 'start').map((a) => a.workerIp);
    const updated = active.filter((a) => a.action === 'restart' || a.action === 'reload' || (ctx.flags.force && a.action !== 'start')).map((a) => a.workerIp);
    const t0 = Date.now();
    const hook = await ctx.hooks.run(job, 'job_control', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), {
        concurrency: Math.max(1, active.length),
        env: { NEW_ALLOCATIONS: news.join(','), UPDATED_ALLOCATIONS: updated.join(',') },
    });
    if (!hook.ok)
        throw new JobFailure(jobCause(job, hook.error));
    ctx.checkpoint(() => active.forEach((a) => ctx.promote(job, a.allocId)));
    for (const a of active)
        if (a.action !== 'skip' && a.action !== 'sync')
            res.allocations.push(allocResult(a, 'ok', Date.now() - t0));
    await healthGate(ctx, job);
}
async function postDeploy(ctx, job, active, res) {
    const hook = await ctx.hooks.run(job, 'post_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!hook.ok) {
        res.reason = 'post_deploy failed; the next deploy runs post_deploy again';
        throw new JobFailure(jobCause(job, hook.error));
    }
}

;// CONCATENATED MODULE: ./lib/deploy/redact.js
// Redaction of plan content (decision Q36): every decrypted KV secret value of the bucket (any secrets/
// namespace, every stored version, encrypted certificate keys) and every PEM private-key block becomes
// a token `[secret:<fingerprint>]` before anything is stored or diffed. The fingerprint is a keyed
// digest (the bucket's KV key, derived), so equal values match across deploys without revealing them;
// the display turns tokens into `[secret]`, or `[secret] (changed)` when the old text had no such value.



/** Shorter values would mask ordinary text (the Action's masking rule). */
const MIN_SECRET_LENGTH = 4;
const SECRET = '[secret]';
const CHANGED_SECRET = '[secret] (changed)';
const redact_PEM_PRIVATE_KEY = '-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----';
const TOKEN = /\[secret:([0-9a-f]{16})\]/g;
class Redactor {
    #pattern;
    #key;
    constructor(values, key) {
        const unique = [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
        // one pass, PEM blocks first, longer values before their prefixes: a token is never re-redacted
        this.#pattern = new RegExp([redact_PEM_PRIVATE_KEY, ...unique.map(escapeRegExp)].join('|'), 'g');
        this.#key = key;
    }
    redact(text) {
        return text.replace(this.#pattern, (m) => `[secret:${(0,external_node_crypto_.createHmac)('sha256', this.#key).update(m).digest('hex').slice(0, 16)}]`);
    }
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * The bucket's redactor: the stored history of every encrypted value plus the live secrets of this run
 * (a pre_deploy hook may have just written one). Throws when secrets exist but the KV key is missing.
 */
function bucketRedactor(db, kv) {
    const values = [];
    const rows = db.prepare(`SELECT value FROM key_value WHERE substr(value, 1, ${ENCRYPTED_PREFIX.length}) = ?`).all(ENCRYPTED_PREFIX);
    for (const r of rows)
        values.push(kv.decryptValue(r.value));
    for (const ns of kv.namespaces().filter(isSecretNamespace))
        for (const key of kv.keys(ns))
            values.push(kv.getSecret(ns, key));
    return new Redactor(values, kv.derivedKey('plan-redaction'));
}
/** The fingerprints of the secrets in a redacted text. */
function secretTokens(text) {
    return new Set([...text.matchAll(TOKEN)].map((m) => m[1]));
}
/** A redacted line as shown: `[secret]`, or `[secret] (changed)` for a value `before` did not hold. */
function showSecrets(line, before) {
    return line.replace(TOKEN, (_m, id) => (before !== undefined && !before.has(id) ? CHANGED_SECRET : SECRET));
}

;// CONCATENATED MODULE: ./lib/deploy/content-record.js


function recordStaged(db, kv, job, active, staged) {
    let redactor;
    for (const a of active) {
        const t = staged.get(a.allocId);
        if (!t)
            continue;
        const running = t.hash === (a.previousHash ?? '');
        if (running && hasDeployedFiles(db, job, a.allocId))
            continue;
        try {
            redactor ??= bucketRedactor(db, kv);
        }
        catch {
            return; // secrets that cannot be decrypted cannot be redacted: keep no text rather than clear text
        }
        recordFiles(db, job, a.allocId, running ? 'deployed' : 'staged', recordedFiles(t, redactor));
    }
}
/** The tree's hashed files as kept: redacted text for small text files, size and digest for the rest. */
function recordedFiles(t, redactor) {
    return Object.entries(t.files).map(([path, digest]) => {
        const data = t.tree.files.get(path).data;
        return { path, digest, size: data.length, ...(isText(data) ? { text: redactor.redact(Buffer.from(data).toString('utf8')) } : {}) };
    });
}

;// CONCATENATED MODULE: ./lib/util/unified-diff.js
// Line diff (Myers' O(ND) algorithm) rendered as unified-diff hunks with three lines of context.
const CONTEXT = 3;
/** Splits text into lines; a trailing newline does not make an empty last line. */
function lines(text) {
    if (text === '')
        return [];
    const out = text.split('\n');
    if (out[out.length - 1] === '')
        out.pop();
    return out;
}
/** The shortest edit script turning `a` into `b`. */
function diffLines(a, b) {
    const n = a.length;
    const m = b.length;
    const max = n + m;
    const offset = max + 1;
    let v = new Int32Array(2 * max + 3);
    const trace = [];
    let done = false;
    for (let d = 0; d <= max && !done; d++) {
        trace.push(v.slice());
        const next = v.slice();
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            next[offset + k] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
        v = next;
    }
    // walk back through the saved frontiers
    const edits = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 1; d >= 0; d--) {
        const vd = trace[d];
        const k = x - y;
        const down = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]);
        const prevK = down ? k + 1 : k - 1;
        const prevX = d === 0 ? 0 : vd[offset + prevK];
        const prevY = d === 0 ? 0 : prevX - prevK;
        while (x > prevX && y > prevY) {
            edits.push({ op: ' ', line: a[--x] });
            y--;
        }
        if (d > 0) {
            if (down)
                edits.push({ op: '+', line: b[--y] });
            else
                edits.push({ op: '-', line: a[--x] });
        }
    }
    return edits.reverse();
}
/**
 * Unified hunks (`@@ -a,b +c,d @@` then ` `/`-`/`+` lines) of `before` → `after`; '' when equal.
 * `show` maps each line for display (e.g. redaction tokens), with the op it is shown under.
 */
function unifiedDiff(before, after, show = (l) => l) {
    const edits = diffLines(lines(before), lines(after));
    const changed = edits.map((e, i) => (e.op !== ' ' ? i : -1)).filter((i) => i >= 0);
    if (changed.length === 0)
        return '';
    const out = [];
    let i = 0;
    while (i < changed.length) {
        const start = Math.max(0, changed[i] - CONTEXT);
        let end = Math.min(edits.length, changed[i] + CONTEXT + 1);
        while (i + 1 < changed.length && changed[i + 1] - CONTEXT <= end)
            end = Math.min(edits.length, changed[++i] + CONTEXT + 1);
        i++;
        let aLine = 1;
        let bLine = 1;
        for (const e of edits.slice(0, start)) {
            if (e.op !== '+')
                aLine++;
            if (e.op !== '-')
                bLine++;
        }
        const hunk = edits.slice(start, end);
        const aCount = hunk.filter((e) => e.op !== '+').length;
        const bCount = hunk.filter((e) => e.op !== '-').length;
        out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`);
        for (const e of hunk)
            out.push(`${e.op}${show(e.line, e.op)}`);
    }
    return `${out.join('\n')}\n`;
}
/** GNU diff's hunk range: `start,count`, just `start` for one line, `start-1,0` for none. */
function range(start, count) {
    return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}

;// CONCATENATED MODULE: ./lib/deploy/plan-files.js





const NO_PREVIOUS_CONTENT = 'no previous content recorded';
const NOT_TEXT = `binary or larger than ${MAX_TEXT_BYTES / 1024} KiB: size and digest only`;
const SAME_TEXT = 'same text: its mode or link target changed';
const NO_KEY = 'no diff: the bucket has secrets and the KV key is not available to redact them';
/** A copy of `plan` whose changing allocations list their files. */
function withFileChanges(db, kv, plan, allocs, staged) {
    let redactor;
    const byId = new Map(allocs.map((a) => [a.allocId, a]));
    const allocations = plan.allocations.map((p) => {
        const t = staged.get(p.allocId);
        const a = byId.get(p.allocId);
        if (!t || !a || p.action === 'skip' || p.action === 'stop')
            return p;
        if (redactor === undefined) {
            try {
                redactor = bucketRedactor(db, kv);
            }
            catch {
                redactor = null;
            }
        }
        return { ...p, files: fileChanges(db, plan.job, a, t, redactor) };
    });
    return { ...plan, allocations };
}
function fileChanges(db, job, a, t, redactor) {
    const previous = a.previousHash ? parseFilesJson(a.previousFiles) ?? {} : {};
    const recorded = a.previousHash ? deployedFiles(db, job, a.allocId) : undefined;
    const next = new Map((redactor ? recordedFiles(t, redactor) : sizesOnly(t)).map((f) => [f.path, f]));
    return changedPaths(previous, t.files).map((path) => {
        const now = next.get(path);
        const old = recorded?.get(path);
        const known = old !== undefined && old.digest === previous[path];
        const change = now === undefined ? 'removed' : path in previous ? 'changed' : 'added';
        const base = { path, change, size: now?.size ?? null, previousSize: known ? old.size : null };
        if (!redactor)
            return { ...base, diff: null, note: NO_KEY };
        if (change !== 'added' && !known)
            return { ...base, diff: null, note: NO_PREVIOUS_CONTENT };
        const before = change === 'added' ? '' : old.text;
        const after = change === 'removed' ? '' : now.text;
        if (before === undefined || after === undefined)
            return { ...base, diff: null, note: NOT_TEXT };
        const diff = shownDiff(before, after);
        return diff === '' ? { ...base, diff: null, note: SAME_TEXT } : { ...base, diff, note: null };
    });
}
function sizesOnly(t) {
    return Object.entries(t.files).map(([path, digest]) => ({ path, digest, size: t.tree.files.get(path).data.length }));
}
/** The diff of two redacted texts, secrets shown as `[secret]` (`[secret] (changed)` on new values). */
function shownDiff(before, after) {
    const old = secretTokens(before);
    return unifiedDiff(before, after, (line, op) => showSecrets(line, op === '+' ? old : undefined));
}

;// CONCATENATED MODULE: ./lib/deploy/history-rows.js
// What a deploy writes to the deploy history besides its promotions: one row per job it rolled out, and
// which releases each worker must keep when it retains this run's.



/** The hash of a job's plan: its allocations' staged hash when they agree, else a digest of them all. */
function jobPlanHash(db, job) {
    const rows = alloc_state_jobAllocations(db, job).filter(isActive).map((a) => `${a.allocId} ${a.currentHash ?? ''}`).sort();
    const hashes = [...new Set(rows.map((r) => r.slice(r.indexOf(' ') + 1)))];
    if (hashes.length === 1)
        return hashes[0];
    return (0,external_node_crypto_.createHash)('md5').update(rows.join('\n')).digest('hex');
}
function jobVersion(db, job) {
    return db.prepare('SELECT version FROM job WHERE name = ?').get(job)?.version ?? '';
}
function jobHistory(db, r) {
    return {
        job: r.job,
        version: jobVersion(db, r.job),
        planHash: jobPlanHash(db, r.job),
        allocationsChanged: r.allocations.filter((a) => a.outcome === 'ok' && a.action !== 'skip').length,
        outcome: r.status !== 'failed' ? 'ok' : r.reason === 'cancelled' || /cancelled/.test(r.error ?? '') ? 'cancelled' : 'failed',
    };
}
/**
 * Retention of this run's releases: the newest `retain`, plus on each worker the release the allocation
 * runs and the one it ran before (pruning never removes those, issue 13).
 */
function retention(db, deployId, retain) {
    return {
        id: deployId,
        retain,
        keep: (ip, job) => {
            const alloc = db.prepare('SELECT alloc_id FROM allocations WHERE job = ? AND worker_ip = ?').get(job, ip);
            if (!alloc)
                return [];
            return [...new Set(releasesOf(db, job, alloc.alloc_id).map((x) => x.releaseId))].slice(0, 2);
        },
    };
}

;// CONCATENATED MODULE: ./lib/deploy/pins.js

function pinOf(db, job, allocId) {
    if (!hasHistory(db))
        return undefined;
    const r = db.prepare('SELECT rollback_id, pinned_hash FROM rollback_pin WHERE job = ? AND alloc_id = ?').get(job, allocId);
    return r ? { rollbackId: Number(r.rollback_id), pinnedHash: r.pinned_hash } : undefined;
}
function setPin(db, job, allocId, pin) {
    db.prepare('INSERT INTO rollback_pin (job, alloc_id, rollback_id, pinned_hash) VALUES (?, ?, ?, ?) ON CONFLICT(job, alloc_id) DO UPDATE SET rollback_id = excluded.rollback_id, pinned_hash = excluded.pinned_hash').run(job, allocId, pin.rollbackId, pin.pinnedHash);
}
function dropPin(db, job, allocId) {
    if (hasHistory(db))
        db.prepare('DELETE FROM rollback_pin WHERE job = ? AND alloc_id = ?').run(job, allocId);
}
/** Skips the pinned allocations of a job's plan, and ends the pins the workspace or --force released. */
function applyPins(ctx, plan) {
    const released = [];
    const ids = new Set();
    for (const a of plan.allocations) {
        if (a.disabled)
            continue;
        const pin = pinOf(ctx.db, plan.job, a.allocId);
        if (!pin)
            continue;
        if (ctx.flags.force || a.currentHash !== pin.pinnedHash) {
            released.push(a.allocId);
            continue;
        }
        a.action = 'skip';
        a.reason = `pinned by rollback ${pin.rollbackId}`;
        ids.add(pin.rollbackId);
    }
    if (released.length > 0 && !ctx.flags.dryRun)
        ctx.checkpoint(() => released.forEach((id) => dropPin(ctx.db, plan.job, id)));
    if (ids.size === 0)
        return;
    plan.needsRollout = plan.allocations.some((a) => a.action !== 'skip') || plan.marker !== undefined;
    if (!plan.needsRollout)
        plan.reason = `pinned by rollback ${[...ids].sort((x, y) => x - y).join(', ')}`;
}

;// CONCATENATED MODULE: ./lib/deploy/engine.js
// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).

















function deploy(opts) {
    const flags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
    return withRun({
        root: opts.root, command: flags.dryRun ? 'deploy --dry-run' : 'deploy', connect: opts.connect, readOnly: flags.dryRun,
        history: { command: opts.historyCommand ?? 'deploy', ...(opts.origin ? { origin: opts.origin } : {}) },
        stage: opts.stageRamDir !== undefined ? { ramDir: opts.stageRamDir } : {},
        ...(opts.onEvent ? { onEvent: opts.onEvent } : {}), ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onSecret ? { onSecret: opts.onSecret } : {}),
    }, (r) => deployRun(r, flags));
}
async function deployRun(r, flags) {
    const t0 = Date.now();
    checkJobSelection(r, flags.jobs);
    const result = {
        dryRun: flags.dryRun, bucketId: r.bucketId, updateSeq: r.updateSeq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(),
        durationMs: 0, reconcile: [], jobs: [], plans: [], failedJobs: [], errors: [], cancelled: false,
    };
    const useSudo = sshSettings(r.conf).useSudo;
    let ctx;
    const link = WorkerLink.forRun(r, {
        stage: r.stage, updateSeq: () => ctx?.updateSeq ?? r.updateSeq,
        ...(r.deployId !== undefined ? { release: retention(r.db, r.deployId, r.conf.retain_releases) } : {}),
    });
    ctx = new DeployContext(r, { flags, useSudo, result, link });
    await run(ctx);
    result.updateSeq = ctx.updateSeq;
    result.updateSeqBumped = ctx.updateSeqBumped;
    result.cancelled = ctx.cancelled;
    r.setOutcome(result.cancelled ? 'cancelled' : result.failedJobs.length > 0 ? 'failed' : 'ok');
    result.durationMs = Date.now() - t0;
    return result;
}
/** Unknown job names are an error before anything runs (Q15); the text names no CLI flag (the Action's input is `jobs`). */
function checkJobSelection(r, jobs) {
    const known = new Set(r.db.prepare('SELECT name FROM job').all().map((row) => row.name));
    const unknown = jobs.filter((j) => !known.has(j));
    if (unknown.length > 0) {
        throw new errors/* MaandError */.Ob('invalid argument', `unknown job ${unknown.join(', ')} in the job selection (known: ${[...known].sort().join(', ') || 'none'}); nothing was deployed`);
    }
}
async function run(ctx) {
    const failed = new Map();
    if (ctx.flags.dryRun) {
        // what reconcile would stop and clean up: part of the one plan the CLI and the Action show
        ctx.result.reconcile.push(...plannedReconcile(ctx));
    }
    else {
        ctx.emit({ type: 'phase', phase: 'reconcile' });
        for (const [job, err] of await reconcile(ctx))
            failed.set(job, err);
    }
    const selected = (job) => ctx.flags.jobs.length === 0 || ctx.flags.jobs.includes(job);
    for (const [seq, jobs] of [...waves(ctx.db)].sort(([a], [b]) => a - b)) {
        const wave = jobs.filter(selected);
        if (wave.length === 0)
            continue;
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const planned = [];
        for (const job of wave) {
            if (ctx.cancelled)
                break;
            const blockedBy = upstreamJobs(ctx.db, job).filter((u) => failed.has(u));
            if (blockedBy.length > 0) {
                pushJob(ctx, { job, seq, status: 'blocked', reason: `upstream ${blockedBy.join(', ')} failed in this deploy`, error: `job ${job}: not deployed because upstream job ${blockedBy.join(', ')} failed`, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            const p = await planOne(ctx, job, seq);
            if (!('error' in p))
                applyPins(ctx, p.plan);
            if ('error' in p) {
                pushJob(ctx, { job, seq, status: 'failed', reason: 'plan failed', error: p.error, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            ctx.emit({ type: 'job-planned', plan: p.plan });
            if (ctx.flags.dryRun) {
                ctx.result.plans.push(withFileChanges(ctx.db, ctx.kv, p.plan, p.allocs, p.staged));
                continue;
            }
            // Open the connections to the workers this job will touch while the other jobs are planned.
            if (p.plan.needsRollout)
                for (const a of p.plan.allocations)
                    if (a.action !== 'skip' && !a.disabled)
                        ctx.link.warm(a.workerIp);
            if (!p.plan.needsRollout) {
                ctx.emit({ type: 'job-skipped', job, reason: p.plan.reason });
                ctx.result.jobs.push({ job, seq, status: 'unchanged', reason: p.plan.reason, durationMs: 0, allocations: [] });
                continue;
            }
            planned.push(p);
        }
        if (planned.length > 0 && !ctx.updateSeqBumped && !ctx.cancelled) {
            // nothing on a worker changed yet: a missing key or ssh/rsync fails the run here, once
            await ctx.link.requireTransport();
            ctx.checkpoint(() => (ctx.updateSeq = bumpUpdateSeq(ctx.db)));
            ctx.updateSeqBumped = true;
            restageTemplates(ctx, planned, seq, failed);
        }
        // Jobs of one wave do not depend on each other: they roll out together, and their rsyncs and
        // lifecycle commands for the same worker are merged into one ssh round trip (see DeployContext).
        const results = await Promise.all(planned.map(async ({ plan, allocs, staged }) => {
            if (ctx.cancelled)
                return { job: plan.job, seq, status: 'failed', reason: 'cancelled', error: `job ${plan.job}: cancelled before its rollout; run maand deploy again`, durationMs: 0, allocations: [] };
            return rolloutJob(ctx, plan, allocs, staged);
        }));
        for (const r of results)
            pushJob(ctx, r, failed);
    }
    if (!ctx.flags.dryRun && ctx.updateSeqBumped)
        await finalSync(ctx);
    if (!ctx.flags.dryRun && !ctx.cancelled)
        await pushCertMetrics(ctx);
}
/**
 * Templates can read .UpdateSeq, so the jobs of the wave that bumped it are rendered again with the new
 * value: what the workers get and the stored hash then match what the next deploy renders (the same
 * value), instead of differing by one bump and rolling the job out on every deploy.
 */
function restageTemplates(ctx, planned, seq, failed) {
    for (let i = 0; i < planned.length; i++) {
        const p = planned[i];
        if (![...p.staged.values()].some((t) => [...t.tree.files.keys()].some((f) => f.endsWith('.tpl'))))
            continue;
        const again = stageAndPlan(ctx, p.plan.job, seq);
        if (!('error' in again))
            applyPins(ctx, again.plan);
        if ('error' in again) {
            pushJob(ctx, { job: p.plan.job, seq, status: 'failed', reason: 'plan failed', error: again.error, durationMs: 0, allocations: [] }, failed);
            planned.splice(i--, 1);
        }
        else
            planned[i] = again;
    }
}
function pushJob(ctx, r, failed) {
    ctx.result.jobs.push(r);
    if (r.status === 'deployed' || r.status === 'failed')
        ctx.recordJob(jobHistory(ctx.db, r));
    if (r.status === 'failed' || r.status === 'blocked') {
        failed.set(r.job, r.error ?? `job ${r.job} failed`);
        if (!ctx.result.failedJobs.includes(r.job))
            ctx.result.failedJobs.push(r.job);
    }
    if (r.status === 'blocked')
        ctx.emit({ type: 'job-finished', result: r });
}
/** pre_deploy, then stage, hash and plan (stageAndPlan). */
async function planOne(ctx, job, seq) {
    const active = alloc_state_jobAllocations(ctx.db, job).filter(isActive);
    const pre = await ctx.hooks.run(job, 'pre_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!pre.ok)
        return { error: jobCause(job, pre.error) };
    ctx.checkpoint();
    return stageAndPlan(ctx, job, seq);
}
/** Stages + hashes every active allocation with the run's update_seq, stores the hashes (not in dry-run), plans. */
function stageAndPlan(ctx, job, seq) {
    let allocs = alloc_state_jobAllocations(ctx.db, job);
    const active = allocs.filter(isActive);
    const info = jobInfo(ctx.db, job);
    let staged;
    try {
        staged = stageActive(ctx.db, ctx.kv, ctx.workers, ctx.bucketId, ctx.updateSeq, job, active);
    }
    catch (e) {
        return { error: (0,errors/* errorText */.kc)(e) };
    }
    if (!ctx.flags.dryRun) {
        ctx.checkpoint(() => {
            for (const a of active) {
                const h = staged.get(a.allocId);
                if (h)
                    storeHash(ctx.db, job, a.allocId, h.hash, h.filesJson);
                ctx.kv.put(allocationNamespace(job, a.workerIp), 'version', a.newVersion);
            }
            recordStaged(ctx.db, ctx.kv, job, active, staged);
        });
        allocs = alloc_state_jobAllocations(ctx.db, job);
    }
    const marker = jobMarker(ctx.db, job);
    return { plan: planJob(info, seq, allocs, staged, marker, { force: ctx.flags.force, syncOnly: ctx.flags.syncOnly }), allocs, staged };
}
/** Q27: after an update_seq bump, every reachable worker with an active allocation gets the new worker files. */
async function finalSync(ctx) {
    ctx.emit({ type: 'phase', phase: 'final-sync' });
    const ips = [...new Set(ctx.db.prepare('SELECT DISTINCT worker_ip FROM allocations WHERE removed = 0 AND disabled = 0 ORDER BY worker_ip').all().map((r) => r.worker_ip))];
    const todo = ips.filter((ip) => ctx.workers.has(ip) && !ctx.link.refreshed.has(ip));
    const failed = await Promise.all(todo.map(async (ip) => {
        const error = (await ctx.link.reach(ip)) ?? rsyncFailure(ip, await ctx.link.rsyncTo(ip, []));
        return error === undefined ? [] : [{ worker: ip, error }];
    }));
    // one warning per cause, naming the workers it hit (not one per worker)
    for (const cause of byCause(failed.flat())) {
        ctx.emit({ type: 'warning', message: `${cause} (worker.json there keeps the previous update_seq until the next deploy)` });
    }
}

// EXTERNAL MODULE: ./lib/deploy/result.js
var result = __webpack_require__(80790);
;// CONCATENATED MODULE: ./lib/rollback/plan.js
// What `maand rollback` does to each allocation (issue 13): the release it goes back to, from the deploy
// history, and the lifecycle that takes it there (the job's restart policy, as a deploy decides it).





/** Runs whose promotions a rollback undoes (a rollback itself is not one: rolling back twice does not flip). */
const DEPLOY_COMMANDS = ['deploy', 'drift correct'];
/** Jobs to roll back: the selection, else the jobs the newest deploy changed (or, with --to, every job recorded by then). */
function plan_selectJobs(db, jobs, to) {
    if (jobs.length > 0)
        return [...jobs].sort();
    if (to !== undefined)
        return [...waves(db).values()].flat().filter((j) => releaseAtAny(db, j, to)).sort();
    const last = lastChangedJobs(db, DEPLOY_COMMANDS);
    if (!last)
        throw new errors/* MaandError */.Ob('invalid argument', 'nothing to roll back: the deploy history records no deploy that changed a job (see maand cat history); name the jobs with --jobs and a deploy id with --to', undefined, { bare: true });
    return last.jobs.filter((j) => jobInfo(db, j) !== undefined);
}
function releaseAtAny(db, job, at) {
    return alloc_state_jobAllocations(db, job).some((a) => releaseAt(db, job, a.allocId, at) !== undefined);
}
/** Plans every selected job; throws one error naming every job that has no earlier release. */
function planRollback(db, jobs, to) {
    if (to !== undefined && !runExists(db, to))
        throw new errors/* MaandError */.Ob('invalid argument', `deploy ${to} is not in the deploy history (see maand cat history)`);
    const seqOf = new Map();
    for (const [seq, names] of waves(db))
        for (const j of names)
            seqOf.set(j, seq);
    const problems = [];
    const out = [];
    for (const job of jobs) {
        const info = jobInfo(db, job);
        if (!info) {
            problems.push(`job ${job} is not in the catalog`);
            continue;
        }
        const change = to === undefined ? lastChange(db, job, DEPLOY_COMMANDS) : undefined;
        if (to === undefined && change === undefined) {
            problems.push(`job ${job}: no recorded deploy changed it, so there is no earlier release`);
            continue;
        }
        const at = to ?? change - 1;
        const allocs = alloc_state_jobAllocations(db, job).filter(isActive);
        const targets = new Map();
        const leftAlone = [];
        for (const a of allocs) {
            const r = releaseAt(db, job, a.allocId, at);
            if (r)
                targets.set(a.allocId, target(a, r));
            else
                leftAlone.push(a.workerIp);
        }
        if (targets.size === 0) {
            problems.push(to === undefined ? `job ${job}: deploy ${change} was its first recorded deploy, so there is no earlier release` : `job ${job} ran no recorded release after deploy ${to}`);
            continue;
        }
        const plans = allocs.filter((a) => targets.has(a.allocId)).map((a) => allocPlan(a, targets.get(a.allocId), info.restartPolicy, info.restartGlobs));
        const rolledTo = [...new Set([...targets.values()].map((t) => t.release))].sort((x, y) => x - y).join(', ');
        const plan = { job, seq: seqOf.get(job) ?? 0, needsRollout: true, reason: `back to release ${rolledTo}`, marker: undefined, allocations: plans };
        // the lifecycle gets the release's version as NEW_VERSION
        const withVersions = allocs.filter((a) => targets.has(a.allocId)).map((a) => ({ ...a, newVersion: targets.get(a.allocId).version }));
        out.push({ job, seq: plan.seq, at, plan, allocs: withVersions, targets, leftAlone });
    }
    if (problems.length > 0)
        throw new errors/* MaandError */.Ob('invalid argument', `nothing to roll back: ${problems.join('; ')}; nothing was changed`, undefined, { bare: true });
    return out.sort((x, y) => x.seq - y.seq || (x.job < y.job ? -1 : 1));
}
function target(a, r) {
    return {
        job: a.job, allocId: a.allocId, workerIp: a.workerIp, release: r.releaseId, hash: r.hash, files: r.files, version: r.version,
        fromHash: a.previousHash ?? '', fromVersion: a.currentVersion,
    };
}
function allocPlan(a, t, policy, globs) {
    const hashChanged = t.hash !== (a.previousHash ?? '');
    const versionChanged = t.version !== a.currentVersion;
    const base = { allocId: a.allocId, workerIp: a.workerIp, disabled: false, previousHash: a.previousHash ?? '', currentHash: t.hash, matched: [], currentVersion: a.currentVersion, newVersion: t.version };
    if (!hashChanged && !versionChanged)
        return { ...base, action: 'sync', reason: `already runs release ${t.release}; its files are restored` };
    const d = decideLifecycle({
        policy, globs, syncOnly: false, hashChanged, versionOnly: !hashChanged, previousFiles: parseFilesJson(a.previousFiles), currentFiles: parseFilesJson(t.files),
    });
    return { ...base, action: d.action, matched: d.matched, reason: `back to release ${t.release}: ${d.reason}` };
}

;// CONCATENATED MODULE: ./lib/rollback/index.js
// `maand rollback` (issue 13): each selected job goes back to a release its workers retained, restored
// on the worker (no render, no rsync from here), then rolled out as a deploy rolls out (batches,
// restart/reload per policy, hooks, health, post_deploy, promotion per batch with checkpoints). Nothing
// changes unless every allocation still has its release. The catalog then describes what runs, and
// each rolled-back allocation is pinned (Q34) so the next deploy does not bring the bad release back.













function rollback(o) {
    const dryRun = o.dryRun === true;
    return withRun({
        root: o.root, command: dryRun ? 'rollback --dry-run' : 'rollback', connect: o.connect, readOnly: dryRun, stage: {},
        history: { command: 'rollback', ...(o.origin ? { origin: o.origin } : {}) },
        ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}),
    }, (r) => rollbackRun(r, o.jobs ?? [], o.to, dryRun));
}
async function rollbackRun(r, selection, to, dryRun) {
    const t0 = Date.now();
    checkJobSelection(r, selection);
    const jobs = planRollback(r.db, plan_selectJobs(r.db, selection, to), to);
    const result = {
        dryRun, bucketId: r.bucketId, updateSeq: r.updateSeq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(), durationMs: 0, reconcile: [], jobs: [], plans: [],
        failedJobs: [], errors: [], cancelled: false, targets: [], leftAlone: [],
    };
    for (const j of jobs) {
        for (const t of j.targets.values())
            result.targets.push({ job: j.job, workerIp: t.workerIp, release: t.release, version: t.version, fromVersion: t.fromVersion });
        for (const ip of j.leftAlone) {
            result.leftAlone.push({ job: j.job, workerIp: ip });
            r.emit({ type: 'warning', message: `job ${j.job} worker ${ip}: allocated after the release it would go back to; left as it is` });
        }
    }
    const useSudo = sshSettings(r.conf).useSudo;
    const link = WorkerLink.forRun(r);
    await link.requireTransport();
    await checkReleases(link, r.bucketId, jobs);
    if (dryRun) {
        result.plans = jobs.map((j) => j.plan);
        for (const p of result.plans)
            r.emit({ type: 'job-planned', plan: p });
        result.durationMs = Date.now() - t0;
        return result;
    }
    const targets = new Map(jobs.flatMap((j) => [...j.targets.values()].map((t) => [`${t.job}\n${t.workerIp}`, t])));
    const restored = new Set();
    const restorer = new Coalescer((ip, names) => restore(link, r.bucketId, ip, names.map((job) => targets.get(`${job}\n${ip}`)), restored));
    // A restart or reload restores the release in its own ssh call, just before make: no round trip of its own.
    const files = (ip, job, lifecycleFollows) => {
        if (!lifecycleFollows)
            return restorer.submit(ip, job);
        restoreBeforeLifecycle(link, r.bucketId, targets.get(`${job}\n${ip}`), restored);
        return Promise.resolve(undefined);
    };
    const ctx = new DeployContext(r, {
        flags: { dryRun: false, force: false, syncOnly: false, jobs: jobs.map((j) => j.job) }, useSudo, result, link, files,
        promote: (job, allocId) => promoteRelease(r.db, r.deployId, jobs.find((j) => j.job === job).targets.get(allocId), jobs.find((j) => j.job === job)),
    });
    for (const seq of [...new Set(jobs.map((j) => j.seq))]) {
        const wave = jobs.filter((j) => j.seq === seq);
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const done = await Promise.all(wave.map((j) => {
            ctx.emit({ type: 'job-planned', plan: j.plan });
            if (ctx.cancelled)
                return Promise.resolve({ job: j.job, seq, status: 'failed', reason: 'cancelled', error: `job ${j.job}: cancelled before its rollback; nothing of it changed`, durationMs: 0, allocations: [] });
            return rolloutJob(ctx, j.plan, j.allocs, new Map());
        }));
        for (const res of done) {
            result.jobs.push(res);
            if (res.status === 'failed') {
                result.failedJobs.push(res.job);
                ctx.checkpoint(() => markUnsettled(r.db, wave.find((j) => j.job === res.job), restored));
            }
            r.recordJob(jobHistory(r.db, res));
        }
    }
    result.cancelled = ctx.cancelled;
    result.durationMs = Date.now() - t0;
    r.setOutcome(result.cancelled ? 'cancelled' : result.failedJobs.length > 0 ? 'failed' : 'ok');
    return result;
}
/** Every allocation must still have its release (and its worker be reachable): else one error, nothing changed. First contact and the check share one round trip. */
async function checkReleases(link, bucketId, jobs) {
    const byIp = new Map();
    for (const j of jobs)
        for (const t of j.targets.values())
            byIp.set(t.workerIp, [...(byIp.get(t.workerIp) ?? []), t]);
    const problems = [];
    await Promise.all([...byIp].map(async ([ip, ts]) => {
        const res = await link.reachWith(ip, probeScript(bucketId, ts.map((t) => ({ job: t.job, release: t.release }))));
        if (res.error !== undefined) {
            problems.push(res.error);
            return;
        }
        for (const t of ts)
            if (!res.stdout.includes(`maand-release: ${t.job} ${t.release} yes`))
                problems.push(`job ${t.job} worker ${ip}: release ${t.release} is not retained`);
    }));
    if (problems.length > 0)
        throw new errors/* MaandError */.Ob('invalid argument', `rollback not possible: ${problems.sort().join('; ')}; nothing was changed (roll these jobs forward with maand deploy, or choose another release with --to)`, undefined, { bare: true });
}
async function restore(link, bucketId, ip, ts, restored) {
    const err = await link.reach(ip);
    if (err)
        return ts.map(() => err);
    const r = await link.run(ip, restoreScript(bucketId, ts.map((t) => ({ job: t.job, release: t.release }))), { onLine: link.output(undefined, ip) });
    const codes = parseOutcomes(r.stdout);
    return ts.map((t) => {
        const code = codes.get(t.job);
        if (code !== 44)
            restored.add(`${t.job}\n${ip}`);
        return restoreFailure(t, code, failureText(ip, r));
    });
}
function restoreBeforeLifecycle(link, bucketId, t, restored) {
    link.beforeLifecycle(t.workerIp, t.job, {
        script: restorePrelude(bucketId, { job: t.job, release: t.release }),
        done: (code, output) => {
            // anything but "release missing" may have touched the tree: a failed job's allocation is then marked for the next deploy
            if (code !== 44)
                restored.add(`${t.job}\n${t.workerIp}`);
            return restoreFailure(t, code, output);
        },
    });
}
function restoreFailure(t, code, output) {
    if (code === 0)
        return undefined;
    if (code === 44)
        return `worker ${t.workerIp}: release ${t.release} of job ${t.job} disappeared before it was restored; run maand deploy`;
    return code === undefined ? output : `worker ${t.workerIp}: restoring release ${t.release} of job ${t.job} failed (exit ${code}); see the output above`;
}
/** The allocation runs the release (hash row and history), pinned while the workspace renders what it left. */
function promoteRelease(db, deployId, t, j) {
    db.prepare('UPDATE hash SET current_hash = ?, current_files = ?, previous_hash = ?, previous_files = ?, current_version = ? WHERE namespace = ? AND key = ?').run(t.hash, t.files, t.hash, t.files, t.version, `${t.job}_allocation`, t.allocId);
    if (deployId === undefined)
        return;
    recordRelease(db, { deployId, job: t.job, allocId: t.allocId, workerIp: t.workerIp, releaseId: t.release, hash: t.hash, files: t.files, version: t.version });
    const workspace = j.allocs.find((a) => a.allocId === t.allocId)?.currentHash ?? t.fromHash;
    if (workspace !== '' && workspace !== t.hash)
        setPin(db, t.job, t.allocId, { rollbackId: deployId, pinnedHash: workspace });
}
/**
 * A failed or cancelled job's allocations whose files were restored but that were not promoted run the
 * old process over the release's files: the next deploy rolls them out again (as drift correction does).
 */
function markUnsettled(db, j, restored) {
    const mark = db.prepare("UPDATE hash SET previous_hash = 'drift' WHERE namespace = ? AND key = ? AND previous_hash IS NOT NULL AND previous_hash <> ?");
    for (const t of j.targets.values())
        if (restored.has(`${t.job}\n${t.workerIp}`))
            mark.run(`${t.job}_allocation`, t.allocId, t.hash);
}

// EXTERNAL MODULE: ./lib/report/plan-doc.js
var plan_doc = __webpack_require__(53352);
// EXTERNAL MODULE: ./lib/report/markdown/model.js
var model = __webpack_require__(60595);
;// CONCATENATED MODULE: ./lib/report/markdown/from-results.js



const MAX_REASON = 2000;
function clip(text) {
    const t = text.trim();
    return t.length > MAX_REASON ? `${t.slice(0, MAX_REASON)}…` : t;
}
function base(meta, r) {
    return {
        bucketName: meta.bucketName, bucketId: r.bucketId, updateSeq: r.updateSeq, durationMs: r.durationMs, generation: meta.generation,
        notes: [...(meta.notes ?? [])], reconcile: [], ...(meta.runUrl ? { runUrl: meta.runUrl } : {}),
    };
}
function jobOf(j) {
    return {
        job: j.job, wave: j.seq, status: j.status, reason: clip(j.error ?? j.reason), durationMs: j.durationMs,
        allocations: j.allocations
            .map((a) => ({ worker: a.workerIp, action: a.action, outcome: a.outcome, reason: clip(a.error ?? a.reason), ...(a.batch !== undefined ? { batch: a.batch + 1 } : {}), durationMs: a.durationMs }))
            .sort((x, y) => (x.worker < y.worker ? -1 : x.worker > y.worker ? 1 : 0)),
    };
}
function jobFailures(jobs) {
    return jobs
        .filter((j) => j.status === 'failed' || j.status === 'blocked')
        .map((j) => {
        const workers = [...new Set(j.allocations.filter((a) => a.outcome === 'failed').map((a) => a.workerIp))].sort();
        return { job: j.job, wave: j.seq, ...(workers.length > 0 ? { worker: workers.join(', ') } : {}), reason: clip(j.error ?? j.reason) };
    })
        .sort((a, b) => (0,model/* byWaveThenJob */.d)({ wave: a.wave, job: a.job }, { wave: b.wave, job: b.job }));
}
function runFailures(r) {
    const recon = r.reconcile.filter((x) => x.outcome === 'failed').map((x) => ({ job: x.job, worker: x.workerIp, reason: clip(x.error ?? `${x.action} failed`) }));
    return [...recon, ...r.errors.map((e) => ({ job: '', reason: clip(e) }))];
}
function fromDeploy(r, meta) {
    const failures = [...runFailures(r), ...jobFailures(r.jobs)];
    const count = (s) => r.jobs.filter((j) => j.status === s).length;
    const deployed = count('deployed');
    const unchanged = count('unchanged');
    const failed = r.failedJobs.length;
    let verdict;
    let headline;
    if (r.cancelled) {
        verdict = 'cancelled';
        headline = `cancelled after ${(0,model/* plural */.L)(deployed, 'job')} deployed; the next run continues`;
    }
    else if (failures.length > 0) {
        verdict = 'failed';
        headline = failed > 0 ? `${failed} of ${(0,model/* plural */.L)(r.jobs.length, 'job')} failed` : `${(0,model/* plural */.L)(failures.length, 'step')} failed`;
    }
    else if ((0,result/* changed */.t)(r)) {
        verdict = 'ok';
        headline = `${(0,model/* plural */.L)(deployed, 'job')} deployed, ${unchanged} unchanged`;
    }
    else {
        verdict = 'no-changes';
        headline = `no changes: ${(0,model/* plural */.L)(unchanged, 'job')} up to date`;
    }
    const report = { ...base(meta, r), command: 'deploy', verdict, headline, failures, jobs: r.jobs.map(jobOf).sort(model/* byWaveThenJob */.d) };
    report.reconcile = r.reconcile.map((x) => ({ job: x.job, worker: x.workerIp, action: x.action, outcome: x.outcome, ...(x.error ? { error: clip(x.error) } : {}) }));
    const m = r.certMetrics;
    if (m)
        report.notes.push(m.error ? `Certificate metrics were not pushed to the bucket's Prometheus: ${clip(m.error)}` : `Certificate expiry metrics pushed to the bucket's Prometheus (${(0,model/* plural */.L)(m.series, 'series', 'series')}).`);
    return report;
}
/** The plan; `r.reconcile` holds what the deploy's reconcile would stop (and clean up, when removed). */
function fromPlan(r, meta) {
    const stops = (0,result/* plannedStops */.k)(r);
    const failures = [...runFailures(r), ...jobFailures(r.jobs)];
    const planned = r.plans.map((p) => ({
        job: p.job, wave: p.seq, status: p.needsRollout ? 'planned' : 'up-to-date', reason: p.reason,
        allocations: p.allocations
            .map((a) => ({ worker: a.workerIp, action: a.action, outcome: 'planned', reason: a.reason }))
            .sort((x, y) => (x.worker < y.worker ? -1 : x.worker > y.worker ? 1 : 0)),
    }));
    const jobs = [...planned, ...r.jobs.filter((j) => j.status === 'failed' || j.status === 'blocked').map(jobOf)].sort(model/* byWaveThenJob */.d);
    const changing = planned.filter((j) => j.status === 'planned').length;
    const upToDate = planned.length - changing;
    const verdict = failures.length > 0 ? 'failed' : changing + stops.length > 0 ? 'changes' : 'no-changes';
    const stopText = stops.length > 0 ? `, ${(0,model/* plural */.L)(stops.length, 'allocation')} would stop` : '';
    const headline = failures.length > 0 ? `plan failed for ${(0,model/* plural */.L)(r.failedJobs.length || failures.length, 'job')}`
        : changing + stops.length > 0 ? `${(0,model/* plural */.L)(changing, 'job')} would change, ${upToDate} up to date${stopText}`
            : `no changes: ${(0,model/* plural */.L)(upToDate, 'job')} up to date`;
    const report = { ...base(meta, r), command: 'plan', verdict, headline, failures, jobs, plan: (0,plan_doc/* planDocument */.NP)(r) };
    report.reconcile = stops.map((x) => ({ job: x.job, worker: x.workerIp, action: x.cleanup ? 'stop and clean up' : 'stop', outcome: 'planned' }));
    return report;
}
/** What went back to which release: per allocation, and per job in the headline ("app to release 3"). */
function fromRollback(r, meta) {
    const failures = [...runFailures(r), ...jobFailures(r.jobs)];
    const outcomes = new Map(r.jobs.flatMap((j) => j.allocations.map((a) => [`${j.job}\n${a.workerIp}`, a.outcome])));
    const status = new Map(r.jobs.map((j) => [j.job, j.status]));
    const releases = r.targets
        .map((t) => ({
        job: t.job, worker: t.workerIp, fromVersion: t.fromVersion, release: t.release, version: t.version,
        outcome: outcomes.get(`${t.job}\n${t.workerIp}`) ?? (status.get(t.job) === 'failed' ? 'failed' : 'skipped'),
    }))
        .sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0));
    const back = r.jobs.filter((j) => j.status === 'deployed').map((j) => j.job).sort();
    const to = (job) => {
        const ids = [...new Set(releases.filter((x) => x.job === job).map((x) => x.release))].sort((a, b) => a - b);
        return `${job} to release${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
    };
    let verdict;
    let headline;
    if (r.cancelled) {
        verdict = 'cancelled';
        headline = `cancelled after ${(0,model/* plural */.L)(back.length, 'job')} rolled back`;
    }
    else if (failures.length > 0) {
        verdict = 'failed';
        headline = r.failedJobs.length > 0 ? `${r.failedJobs.length} of ${(0,model/* plural */.L)(r.jobs.length, 'job')} failed to roll back` : `${(0,model/* plural */.L)(failures.length, 'step')} failed`;
    }
    else {
        verdict = 'ok';
        headline = `${(0,model/* plural */.L)(back.length, 'job')} rolled back: ${back.map(to).join('; ')}`;
    }
    const jobs = r.jobs.map(jobOf).map((j) => (j.status === 'deployed' ? { ...j, status: 'rolled-back' } : j)).sort(model/* byWaveThenJob */.d);
    const report = { ...base(meta, r), command: 'rollback', verdict, headline, failures, jobs, releases };
    for (const x of [...r.leftAlone].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.workerIp < b.workerIp ? -1 : 1))) {
        report.notes.push(`Job ${x.job} on ${x.workerIp} was allocated after the release it would go back to, so it was left as it is.`);
    }
    return report;
}
function fromDrift(d, correction, meta) {
    const failures = [];
    const jobs = d.jobs.map((j) => {
        for (const a of j.allocations)
            if (a.status === 'unreachable')
                failures.push({ job: j.job, worker: a.workerIp, reason: clip(a.detail ?? 'unreachable') });
        const status = j.drifted ? 'drifted' : j.allocations.some((a) => a.status === 'pending') ? 'pending' : j.allocations.some((a) => a.status === 'unreachable') ? 'unreachable' : 'in-sync';
        return {
            job: j.job, wave: 0, status, reason: j.health.ok ? '' : clip(`health check failed: ${j.health.error ?? 'unknown error'}`),
            allocations: j.allocations.map((a) => ({ worker: a.workerIp, action: a.status, outcome: a.status, reason: clip(a.detail ?? ''), files: a.files })),
        };
    });
    if (correction)
        failures.push(...runFailures(correction), ...jobFailures(correction.jobs));
    const drifted = d.driftedJobs.length;
    const names = [...d.driftedJobs].sort().join(', ');
    let verdict = failures.length > 0 ? 'failed' : drifted > 0 ? (correction ? 'ok' : 'drift') : 'in-sync';
    if (correction?.cancelled)
        verdict = 'cancelled';
    const headline = drifted === 0 ? `no drift in ${(0,model/* plural */.L)(d.jobs.length, 'job')}`
        : `drift in ${(0,model/* plural */.L)(drifted, 'job')} (${names})${correction ? (correction.failedJobs.length > 0 || correction.cancelled ? ', correction failed' : ', corrected') : ''}`;
    const report = {
        ...base(meta, { bucketId: meta.bucketId, updateSeq: correction?.updateSeq ?? meta.updateSeq, durationMs: meta.durationMs }),
        command: 'drift', verdict, headline, failures, jobs: jobs.sort(model/* byWaveThenJob */.d),
    };
    if (correction)
        report.correction = correction.jobs.map(jobOf).sort(model/* byWaveThenJob */.d);
    return report;
}
function fromBuild(b, meta) {
    const a = b.allocations;
    return {
        ...base(meta, meta), command: 'build', verdict: 'ok', failures: [], jobs: [],
        headline: `catalog built: ${(0,model/* plural */.L)(b.workers, 'worker')}, ${(0,model/* plural */.L)(b.jobs, 'job')}, ${(0,model/* plural */.L)(a.active, 'active allocation')}${a.disabled ? `, ${a.disabled} disabled` : ''}`,
    };
}

;// CONCATENATED MODULE: ./lib/action/commands.js
// The five commands over the one engine. Each returns the report model, the raw result (for the JSON
// file of the `plan` output) and the facts the outputs need; none of them prints or touches @actions/core.








/** build (workspace → catalog), with post_build hook output in its own log group. */
async function buildCatalog(c) {
    c.events.group('build: workspace → catalog');
    try {
        return await build({
            root: c.config.bucket, env: c.env.processEnv, signal: c.signal, onSecret: c.onSecret,
            onHookOutput: (l) => c.events.log.info(formatHookLine(l)),
            onEvent: (e) => (e.type === 'warning' ? c.events.onEvent({ type: 'warning', message: e.message }) : e.type === 'step' ? c.events.log.info(`build: ${e.step}`) : undefined),
        });
    }
    finally {
        c.events.end();
    }
}
function deployOutcome(r, report) {
    return { report, result: { deploy: r }, changed: (0,result/* changed */.t)(r), failedJobs: [...r.failedJobs].sort(), updateSeq: r.updateSeq, driftedJobs: [], cancelled: r.cancelled };
}
function connectOptions(c) {
    return { ssh: c.ssh ?? { hostKeyPolicy: 'strict', knownHostsFile: '/dev/null', keyFile: '/dev/null' }, hookEnv: c.env.processEnv };
}
function connect(c) {
    return connectRun(connectOptions(c));
}
/** The deploy history's trigger (actor and run URL) and commit (GITHUB_SHA) of this workflow run. */
function actionOrigin(c) {
    return { trigger: [c.env.actor, c.meta.runUrl ?? ''].filter((x) => x !== '').join(' '), ...(c.env.sha ? { commit: c.env.sha } : {}) };
}
async function runDeploy(c) {
    await buildCatalog(c);
    await c.beforeChange?.(c.config.jobs);
    const r = await deploy({ root: c.config.bucket, jobs: c.config.jobs, force: c.config.force, syncOnly: c.config.syncOnly, signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connect(c), origin: actionOrigin(c) });
    c.events.end();
    return deployOutcome(r, fromDeploy(r, c.meta));
}
/**
 * Back to retained releases, from the restored catalog as it is: no build, so the pin holds what the last
 * deploy rolled out, not whatever the checkout renders now.
 */
async function runRollback(c) {
    await c.beforeChange?.(c.config.jobs);
    const r = await rollback({
        root: c.config.bucket, jobs: c.config.jobs, ...(c.config.to !== undefined ? { to: c.config.to } : {}),
        signal: c.signal, onEvent: c.events.onEvent, connect: connect(c), origin: actionOrigin(c),
    });
    c.events.end();
    return { ...deployOutcome(r, fromRollback(r, c.meta)), result: { rollback: r } };
}
/** A dry run against the restored state with no SSH credentials at all (pre_deploy hooks still run, Q1). */
async function runPlan(c) {
    await buildCatalog(c);
    const r = await deploy({ root: c.config.bucket, jobs: c.config.jobs, force: c.config.force, syncOnly: c.config.syncOnly, dryRun: true, signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connect(c) });
    c.events.end();
    const report = fromPlan(r, c.meta);
    return { ...deployOutcome(r, report), changed: r.plans.some((p) => p.needsRollout) || r.reconcile.length > 0 };
}
async function runBuild(c, at) {
    const t0 = Date.now();
    const b = await buildCatalog(c);
    const changedCatalog = b.kvChanges > 0 || b.certsGenerated > 0 || b.removedJobs.length > 0 || b.removedWorkers.length > 0;
    const report = fromBuild(b, { ...c.meta, ...at, durationMs: Date.now() - t0 });
    return { report, result: { build: b }, changed: changedCatalog, failedJobs: [], updateSeq: at.updateSeq, driftedJobs: [], cancelled: false };
}
/** Workers vs catalog; with drift: correct, exactly the drifted jobs are redeployed. */
async function runDrift(c, at) {
    const t0 = Date.now();
    // detection and correction share their ssh connections: one bastion login for the whole step
    const shared = connectShared(connectOptions(c));
    try {
        return await driftWith(c, at, t0, shared.connect);
    }
    finally {
        await shared.close();
    }
}
async function driftWith(c, at, t0, connectOnce) {
    c.events.group('drift: compare workers with the catalog');
    const d = await detectDrift({ root: c.config.bucket, jobs: c.config.jobs, markForCorrection: c.config.drift === 'correct', signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connectOnce });
    for (const j of d.jobs) {
        for (const a of j.allocations)
            c.events.log.info(`  ${j.job}@${a.workerIp}: ${a.status}${a.files.length > 0 ? ` (${a.files.join(', ')})` : a.detail ? ` (${a.detail})` : ''}`);
        if (!j.health.ok)
            c.events.log.info(`  ${j.job}: health check failed: ${j.health.error ?? 'unknown error'}`);
    }
    c.events.end();
    let correction;
    if (c.config.drift === 'correct' && d.driftedJobs.length > 0 && !c.signal.aborted) {
        c.events.log.info(`drift: correct: redeploying ${d.driftedJobs.join(', ')}`);
        await c.beforeChange?.(d.driftedJobs);
        correction = await deploy({ root: c.config.bucket, jobs: [...d.driftedJobs], signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connectOnce, origin: actionOrigin(c), historyCommand: 'drift correct' });
        c.events.end();
    }
    const report = fromDrift(d, correction, { ...c.meta, ...at, durationMs: Date.now() - t0 });
    return {
        report, result: { drift: d, ...(correction ? { deploy: correction } : {}) }, changed: correction ? (0,result/* changed */.t)(correction) : false,
        failedJobs: [...(correction?.failedJobs ?? [])].sort(), updateSeq: correction?.updateSeq ?? at.updateSeq, driftedJobs: [...d.driftedJobs].sort(), cancelled: correction?.cancelled ?? c.signal.aborted,
    };
}

// EXTERNAL MODULE: ./lib/action/env.js
var action_env = __webpack_require__(63221);
// EXTERNAL MODULE: ./lib/action/inputs.js
var inputs = __webpack_require__(21413);
;// CONCATENATED MODULE: ./lib/action/log.js

class EventLog {
    log;
    warnings = [];
    #group;
    #wave;
    constructor(log) {
        this.log = log;
    }
    /** Opens `name` unless it is the open group (GitHub's log groups do not nest). */
    group(name) {
        if (this.#group === name)
            return;
        this.end();
        this.log.startGroup(name);
        this.#group = name;
    }
    end() {
        if (this.#group === undefined)
            return;
        this.log.endGroup();
        this.#group = undefined;
    }
    onEvent = (e) => {
        switch (e.type) {
            case 'phase':
                if (e.phase === 'wave') {
                    this.#wave = e.seq;
                    this.group(`deployment sequence ${e.seq}: plan`);
                }
                else
                    this.group(e.phase === 'reconcile' ? 'reconcile: stop and clean up removed allocations' : 'refresh worker files');
                return;
            case 'job-started':
                this.group(`deployment sequence ${e.seq ?? this.#wave}: ${e.job}`);
                break;
            case 'job-planned':
                this.log.info(`  ${e.plan.job}: ${e.plan.needsRollout ? `rollout (${summarise(e.plan.allocations.map((a) => a.action))})` : `skip (${e.plan.reason || 'up to date'})`}`);
                return;
            case 'warning':
                this.warnings.push(e.message);
                break;
        }
        const line = formatEvent(e);
        if (line !== undefined)
            this.log.info(line);
        if (e.type === 'job-finished')
            this.end();
    };
}
function summarise(actions) {
    const counts = new Map();
    for (const a of actions)
        if (a !== 'skip')
            counts.set(a, (counts.get(a) ?? 0) + 1);
    return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ×${n}`).join(', ') || 'no allocation changes';
}

;// CONCATENATED MODULE: ./lib/action/checkout-state.js
// What a restored state leaves in the runner's checkout: the decrypted catalog and secrets. The post step
// removes them once they are saved (a self-hosted runner keeps no decrypted key), and a plan keeps none
// of the secrets it does not need: pull request code (pre_deploy hooks) runs with the bucket readable.



/** The secrets a plan needs: the build signs certificates (CA) and reads KV secrets (KV key). */
const PLAN_SECRETS = new Set(['ca.crt', 'ca.key', 'kv.key', 'known_hosts']);
/** Removes data/, secrets/ and tmp/ (staged templates and certificate keys) of `root`; the removed ones, relative. */
function removeDecryptedState(root) {
    const p = bucketPaths(root);
    return removeAll(root, [p.dataDir, p.secretsDir, p.tmpDir]);
}
/**
 * Removes every entry of secrets/ but the CA and KV keys: the SSH key (whatever maand.conf names it, as
 * the pull request may rename it) and anything else the bundle carries. The removed ones, relative.
 */
function removeSecretsPlanDoesNotNeed(root) {
    return removeAll(root, secretsPlanDoesNotNeed(root).map((rel) => (0,external_node_path_.join)(root, rel)));
}
/** The entries of secrets/ a plan does not need, relative to `root`. */
function secretsPlanDoesNotNeed(root) {
    const dir = (0,bucket_paths/* bucketPaths */.Z)(root).secretsDir;
    if (!(0,external_node_fs_.existsSync)(dir))
        return [];
    return (0,external_node_fs_.readdirSync)(dir).filter((name) => !PLAN_SECRETS.has(name)).sort().map((name) => (0,external_node_path_.relative)(root, (0,external_node_path_.join)(dir, name)));
}
function removeAll(root, paths) {
    const gone = paths.filter((p) => (0,external_node_fs_.existsSync)(p));
    for (const p of gone)
        (0,external_node_fs_.rmSync)(p, { recursive: true, force: true });
    return gone.map((p) => (0,external_node_path_.relative)(root, p));
}

// EXTERNAL MODULE: ./lib/action/sensitive.js
var sensitive = __webpack_require__(38318);
;// CONCATENATED MODULE: ./lib/action/mask.js
// Masks what the bucket holds in secret, so no hook or make output can print it in clear: every line of
// the PEM keys under secrets/ and every encrypted KV value (the secret namespaces and the jobs'
// certificate private keys, src/kv/cert-keys.ts) at restore, then every secret value the engine
// creates or decrypts during the run (KvStoreOptions.onSecret), as soon as it becomes known.






/** Registers each value once, whole and line by line; returns how many parts it registered. */
function secretMasker(setSecret) {
    const done = new Set();
    return (value) => {
        let n = 0;
        for (const part of (0,sensitive/* maskableParts */.Jm)(value)) {
            if (done.has(part))
                continue;
            done.add(part);
            setSecret(part);
            n++;
        }
        return n;
    };
}
function maskBucketSecrets(root, mask) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(root);
    let n = 0;
    if ((0,external_node_fs_.existsSync)(paths.secretsDir)) {
        for (const name of (0,external_node_fs_.readdirSync)(paths.secretsDir).sort()) {
            if (!name.endsWith('.key'))
                continue;
            const text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(paths.secretsDir, name), 'latin1');
            if (text.includes('-----BEGIN'))
                n += mask(text);
        }
    }
    const db = openDb(paths.db);
    try {
        const kv = store_KvStore.load(db, { key: () => loadKvKey(root) });
        for (const ns of kv.namespaces()) {
            for (const key of kv.keys(ns))
                if (isEncrypted(kv.get(ns, key)))
                    n += mask(kv.getSecret(ns, key));
        }
    }
    finally {
        db.close();
    }
    return n;
}

;// CONCATENATED MODULE: ./lib/action/ssh.js
// The runner's SSH access for one run: the key and known_hosts written 0600 into a private 0700 dir under
// RUNNER_TEMP (ssh's ControlMaster sockets live there too). The post step removes the dir, always.





/** Creates the private dir and files; the key comes from ssh-private-key, else the bucket's restored secrets/<ssh_key>. */
function prepareSsh(config, runnerTemp) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(config.bucket);
    const fallback = (0,external_node_path_.join)(paths.secretsDir, sshSettings(readMaandConf(paths.maandConf)).keyName);
    if (!config.ssh.privateKey && !((0,external_node_fs_.existsSync)(fallback) && (0,external_node_fs_.statSync)(fallback).isFile())) {
        throw new errors/* MaandError */.Ob('invalid argument', `input ssh-private-key is required for command ${config.command}: the restored state has no ${fallback.slice(paths.root.length + 1)} either; pass ssh-private-key: \${{ secrets.MAAND_SSH_KEY }}`);
    }
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(runnerTemp, 'maand-ssh-'));
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    let keyFile = fallback;
    if (config.ssh.privateKey) {
        keyFile = (0,external_node_path_.join)(dir, 'id');
        (0,external_node_fs_.writeFileSync)(keyFile, config.ssh.privateKey.reveal(), { mode: 0o600 });
    }
    const proxy = config.ssh.proxyJump === undefined ? {} : { proxyJump: config.ssh.proxyJump };
    if (config.ssh.insecure)
        return { dir, access: { hostKeyPolicy: 'insecure', keyFile, tmpDir: dir, ...proxy } };
    const knownHostsFile = (0,external_node_path_.join)(dir, 'known_hosts');
    (0,external_node_fs_.writeFileSync)(knownHostsFile, config.ssh.knownHosts ?? '', { mode: 0o600 });
    return { dir, access: { hostKeyPolicy: 'strict', knownHostsFile, keyFile, tmpDir: dir, ...proxy } };
}
/** Removes the private dir; true when something was removed. */
function removeSshDir(dir) {
    if (dir === '' || !(0,external_node_fs_.existsSync)(dir))
        return false;
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    return true;
}

;// CONCATENATED MODULE: ./lib/action/run.js
// One run of the action after its inputs were parsed: check the bucket, restore (or initialise) the
// state, register what the post step must save and clean, run the command, write the result file.
// Never calls core.setFailed: the outcome says what failed and main.ts reports it.














/** Commands whose catalog changes must be saved for the next run. */
function savesState(config) {
    if (config.state.backend === 'none')
        return false;
    return config.command === 'deploy' || config.command === 'build' || config.command === 'rollback' || (config.command === 'drift' && config.drift === 'correct');
}
function checkBucket(config, env) {
    const shown = (0,external_node_path_.relative)(env.workspace, config.bucket) || '.';
    if (!(0,external_node_fs_.existsSync)(config.bucket) || !(0,external_node_fs_.statSync)(config.bucket).isDirectory()) {
        throw new errors/* MaandError */.Ob('invalid argument', `input bucket: ${shown} does not exist in the checkout; run actions/checkout first and set bucket: to the folder with maand.conf and workspace/`);
    }
    if (!(0,external_node_fs_.existsSync)((0,bucket_paths/* bucketPaths */.Z)(config.bucket).workspace)) {
        throw new errors/* MaandError */.Ob('invalid argument', `input bucket: ${shown} is not a maand bucket (no workspace/ folder); set bucket: to the folder with maand.conf and workspace/`);
    }
}
async function runAction(config, env, io) {
    checkBucket(config, env);
    const events = new EventLog(io.log);
    const { generation, notes, wrote } = await restoreOrInit(config, io);
    const at = readBucket(config.bucket);
    // one masker for the restored secrets and those the run creates or decrypts: each is registered once
    const mask = secretMasker(io.setSecret);
    maskBucketSecrets(config.bucket, mask);
    if (config.command === 'plan')
        keepSshKeyFromPlan(config.bucket, wrote, io.log, events);
    if (savesState(config)) {
        io.saveState(inputs/* SAVED */.MX.bucketId, at.bucketId);
        io.saveState(inputs/* SAVED */.MX.saveRoot, config.bucket);
        io.saveState(inputs/* SAVED */.MX.cleanRoot, config.bucket); // once saved, the backend holds it
    }
    const link = (0,action_env/* runUrl */.V)(env);
    const ctx = { config, env, events, signal: io.signal, onSecret: (v) => void mask(v), meta: { bucketName: config.state.name, generation, notes, ...(link ? { runUrl: link } : {}) } };
    const record = io.deployment;
    if (record) {
        ctx.beforeChange = (jobs) => record.start({ bucket_id: at.bucketId, update_seq: at.updateSeq, state_generation: generation, jobs: jobs.length > 0 ? [...jobs].sort() : catalogJobsOf(config.bucket) }, `maand ${config.command} of ${config.state.name}`);
    }
    let out;
    let sshDir = '';
    try {
        if (config.command === 'deploy' || config.command === 'drift' || config.command === 'rollback') {
            const ssh = prepareSsh(config, env.runnerTemp);
            sshDir = ssh.dir;
            io.saveState(inputs/* SAVED */.MX.sshDir, ssh.dir);
            ctx.ssh = ssh.access;
        }
        out =
            config.command === 'deploy' ? await runDeploy(ctx)
                : config.command === 'plan' ? await runPlan(ctx)
                    : config.command === 'drift' ? await runDrift(ctx, at)
                        : config.command === 'rollback' ? await runRollback(ctx)
                            : await runBuild(ctx, at);
    }
    finally {
        events.end();
        removeSshDir(sshDir);
    }
    const resultFile = (0,external_node_path_.join)(env.runnerTemp, `maand-${config.state.name}-${config.command}.json`);
    (0,external_node_fs_.mkdirSync)(env.runnerTemp, { recursive: true });
    // a plan's file is the plan document (docs/plan.md), the same `maand deploy --dry-run --json` prints
    const document = out.report.plan ?? { command: config.command, report: out.report, result: out.result };
    (0,external_node_fs_.writeFileSync)(resultFile, `${JSON.stringify(document, null, 2)}\n`);
    const outputs = {
        changed: String(out.changed), plan: resultFile, 'failed-jobs': out.failedJobs.join(','), 'update-seq': String(out.updateSeq),
        'drift-detected': String(out.driftedJobs.length > 0), 'drifted-jobs': out.driftedJobs.join(','), 'state-generation': String(generation),
    };
    const failure = run_failureOf(config, out);
    return { ...out, outputs, resultFile, warnings: events.warnings, ...(failure ? { failure } : {}) };
}
/**
 * Pull request code runs in a plan (pre_deploy hooks): it must find no SSH key in the bucket. What this
 * run restored goes; files the bucket folder held before (state-backend none, a self-hosted runner) are
 * the user's: a warning says they are readable.
 */
function keepSshKeyFromPlan(root, wrote, log, events) {
    if (wrote) {
        const removed = removeSecretsPlanDoesNotNeed(root);
        if (removed.length > 0)
            log.info(`plan: removed ${removed.join(', ')} of the restored state: a plan runs pull request code and has no SSH key`);
        return;
    }
    const held = secretsPlanDoesNotNeed(root);
    if (held.length > 0) {
        events.warnings.push(`${held.join(', ')} in the bucket folder can be read by this plan's pre_deploy hooks (pull request code); keep the SSH key out of the bucket folder and pass it as ssh-private-key to deploy and drift`);
    }
}
function run_failureOf(config, out) {
    const r = out.report;
    if (out.cancelled)
        return `maand ${config.command} cancelled: ${r.headline}${savesState(config) ? '; the post step saves the checkpointed state' : ''}`;
    if (r.verdict !== 'failed')
        return undefined;
    const first = r.failures[0];
    return `maand ${config.command}: ${r.headline}${first ? `: ${first.reason}` : ''}${r.failures.length > 1 ? ` (and ${r.failures.length - 1} more; see the job summary)` : ''}`;
}
/** Restores the newest saved state; with none, a new bucket (first run), except for drift, which needs one. */
async function restoreOrInit(config, io) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(config.bucket);
    const notes = [];
    let generation = 0;
    let wrote = false;
    if (config.state.backend === 'none') {
        io.log.info(`state-backend none: using ${(0,external_node_fs_.existsSync)(paths.db) ? 'the catalog already in the bucket folder' : 'a new bucket (nothing is restored or saved)'}`);
        if (!(0,external_node_fs_.existsSync)(paths.db))
            notes.push('First run: no catalog in the bucket folder, so a new bucket was initialised there (state-backend none: nothing is restored or saved).');
    }
    else {
        const restored = await io.state.restore(config.bucket);
        if (restored) {
            generation = restored.generation;
            io.log.info(`state: restored generation ${generation} of bucket ${restored.bucketId} from the ${config.state.backend} backend (${restored.where})`);
        }
        else if (config.command === 'drift') {
            throw new errors/* MaandError */.Ob('invalid argument', `command drift: no saved state named ${config.state.name} in the ${config.state.backend} backend, so there is nothing deployed to compare; run command deploy first (or check state-name and state-backend)`);
        }
        else {
            const what = config.command === 'plan' ? 'the plan is made against a new, empty bucket (nothing deployed yet)' : 'a new bucket is initialised (new bucket id, CA and KV key) and saved after this run';
            io.log.info(`state: no saved state named ${config.state.name} in the ${config.state.backend} backend: first run, ${what}`);
            notes.push(`First run: no saved state named ${config.state.name} in the ${config.state.backend} backend, so ${what}.`);
        }
        // What this run writes (the restored state, or a new bucket) the post step removes, whatever happens
        // next; a catalog the bucket folder already held when nothing was restored is not this run's to remove.
        wrote = restored !== undefined || !(0,external_node_fs_.existsSync)(paths.db);
        if (wrote)
            io.saveState(inputs/* SAVED */.MX.cleanRoot, config.bucket);
    }
    const init = await initBucket({ root: config.bucket });
    if (init.created)
        io.log.info(`init: new bucket ${init.bucketId}`);
    for (const note of init.notes)
        io.log.info(`init: ${note}`);
    return { generation, notes, wrote };
}
function readBucket(root) {
    return withCatalog(root, (db) => {
        const row = bucketRow(db);
        return { bucketId: row.bucket_id, updateSeq: row.update_seq };
    });
}
function catalogJobsOf(root) {
    return withCatalog(root, (db) => [...queries_catalogJobs(db)].sort());
}
function withCatalog(root, read) {
    const db = openDb((0,bucket_paths/* bucketPaths */.Z)(root).db);
    try {
        return read(db);
    }
    finally {
        db.close();
    }
}


/***/ }),

/***/ 6:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ PRIVATE_DIR),
/* harmony export */   aT: () => (/* binding */ tightenBucketModes),
/* harmony export */   rQ: () => (/* binding */ PRIVATE_FILE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27462);
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

/***/ 27462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ bucketPaths)
/* harmony export */ });
/* unused harmony export jobDir */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
// Where everything lives inside a bucket (§2.2). The bucket root is the working directory.

function bucketPaths(root) {
    const workspace = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'workspace');
    const secretsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'secrets');
    return {
        root,
        maandConf: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'maand.conf'),
        dataDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'data'),
        db: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'data', 'maand.db'),
        workspace,
        jobsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'jobs'),
        workersJson: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'workers.json'),
        bucketConf: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'bucket.conf'),
        disabledJson: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, 'disabled.json'),
        secretsDir,
        caCrt: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'ca.crt'),
        caKey: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'ca.key'),
        kvKey: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'kv.key'),
        knownHosts: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(secretsDir, 'known_hosts'),
        logsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'logs'),
        tmpDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, 'tmp'),
    };
}
function jobDir(paths, job) {
    return join(paths.jobsDir, job);
}


/***/ }),

/***/ 80790:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ plannedStops),
/* harmony export */   t: () => (/* binding */ changed)
/* harmony export */ });
function changed(r) {
    return r.jobs.some((j) => j.status === 'deployed' || j.status === 'failed') || r.reconcile.length > 0;
}
/** The dry run's planned reconcile, one entry per allocation, sorted by job then worker. */
function plannedStops(r) {
    const byAlloc = new Map();
    for (const x of r.reconcile.filter((y) => y.outcome === 'planned')) {
        const key = `${x.job}\n${x.workerIp}`;
        const entry = byAlloc.get(key) ?? { job: x.job, workerIp: x.workerIp, cleanup: false };
        if (x.action === 'cleanup')
            entry.cleanup = true;
        byAlloc.set(key, entry);
    }
    return [...byAlloc.values()].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.workerIp < b.workerIp ? -1 : a.workerIp > b.workerIp ? 1 : 0));
}


/***/ }),

/***/ 60595:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural),
/* harmony export */   d: () => (/* binding */ byWaveThenJob)
/* harmony export */ });
function byWaveThenJob(a, b) {
    return a.wave - b.wave || (a.job < b.job ? -1 : a.job > b.job ? 1 : 0);
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}


/***/ }),

/***/ 53352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F3: () => (/* binding */ changedJobs),
/* harmony export */   NP: () => (/* binding */ planDocument),
/* harmony export */   Sm: () => (/* binding */ diffTitle)
/* harmony export */ });
/* harmony import */ var _deploy_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80790);
/* harmony import */ var _util_go_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56495);


function planDocument(r) {
    const jobs = r.plans.map((p) => {
        const allocations = p.allocations.map((a) => ({
            worker: a.workerIp, alloc_id: a.allocId, action: a.action, reason: a.reason, disabled: a.disabled,
            previous_hash: a.previousHash, current_hash: a.currentHash, matched: [...a.matched],
            files: (a.files ?? []).map((f) => ({ path: f.path, change: f.change, size: f.size, previous_size: f.previousSize })),
        }));
        return { job: p.job, wave: p.seq, status: p.needsRollout ? 'deploy' : 'up-to-date', reason: p.reason, allocations, diffs: groupDiffs(p.allocations) };
    });
    for (const j of r.jobs) {
        if (j.status === 'failed' || j.status === 'blocked')
            jobs.push({ job: j.job, wave: j.seq, status: j.status, reason: j.error ?? j.reason, allocations: [], diffs: [] });
    }
    jobs.sort((a, b) => a.wave - b.wave || (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.job, b.job));
    const reconcile = (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_1__/* .plannedStops */ .k)(r).map((s) => ({ job: s.job, worker: s.workerIp, action: s.cleanup ? 'stop and clean up' : 'stop' }));
    return {
        schema: 1, bucket_id: r.bucketId, update_seq: r.updateSeq,
        deployment_required: jobs.some((j) => j.status === 'deploy') || reconcile.length > 0, reconcile, jobs,
    };
}
function groupDiffs(allocs) {
    const groups = new Map();
    for (const a of allocs) {
        for (const f of a.files ?? []) {
            const key = JSON.stringify([f.path, f.change, f.size, f.previousSize, f.diff, f.note]);
            const g = groups.get(key) ?? { path: f.path, change: f.change, size: f.size, previous_size: f.previousSize, workers: [], diff: f.diff, note: f.note };
            g.workers.push(a.workerIp);
            groups.set(key, g);
        }
    }
    for (const g of groups.values())
        g.workers.sort(_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6);
    return [...groups.values()].sort((a, b) => (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.path, b.path) || (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6)(a.workers[0], b.workers[0]));
}
/** The jobs with something to show: a rollout, or a failure. */
function changedJobs(doc) {
    return doc.jobs.filter((j) => j.status !== 'up-to-date');
}
/** "conf/app.conf changed on 10.0.0.1, 10.0.0.2 (12 → 14 bytes)" */
function diffTitle(d) {
    const sizes = d.change === 'added' ? `${d.size} bytes` : d.change === 'removed' ? (d.previous_size === null ? '' : `was ${d.previous_size} bytes`) : `${d.previous_size ?? '?'} → ${d.size} bytes`;
    return `${d.path} ${d.change} on ${d.workers.join(', ')}${sizes ? ` (${sizes})` : ''}`;
}


/***/ }),

/***/ 56495:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ goJson),
/* harmony export */   U6: () => (/* binding */ byteCompare)
/* harmony export */ });
/* unused harmony export goJsonString */
// JSON text as Go's encoding/json writes it: no whitespace, `<`, `>`, `&`, U+2028, U+2029 escaped,
// map keys sorted byte-wise. Struct-shaped values keep their insertion order (`sortKeys: false`).
const ESCAPES = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
function goJsonString(s) {
    return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]);
}
function byteCompare(a, b) {
    if (a === b)
        return 0;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
/** Encodes `value`; plain objects are maps (sorted keys) unless `sortKeys` is false (structs). */
function goJson(value, sortKeys = true) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'string')
        return goJsonString(value);
    if (typeof value === 'number')
        return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (Array.isArray(value))
        return `[${value.map((v) => goJson(v, sortKeys)).join(',')}]`;
    if (value instanceof Map) {
        const keys = [...value.keys()].map(String).sort(byteCompare);
        return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k), sortKeys)}`).join(',')}}`;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (sortKeys)
        entries.sort(([a], [b]) => byteCompare(a, b));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v, sortKeys)}`).join(',')}}`;
}


/***/ })

};
