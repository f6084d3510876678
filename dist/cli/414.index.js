export const id = 414;
export const ids = [414];
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

/***/ 1414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildCommand: () => (/* binding */ buildCommand)
});

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/util/json-decode.js
var json_decode = __webpack_require__(8719);
// EXTERNAL MODULE: ./lib/bucket/read-file.js
var read_file = __webpack_require__(2991);
// EXTERNAL MODULE: ./lib/util/quoted.js
var quoted = __webpack_require__(8462);
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
        throw new UnitError(kind === 'memory' ? `invalid memory size ${(0,quoted/* quoted */.T)(raw)}` : `invalid cpu frequency ${(0,quoted/* quoted */.T)(raw)}`);
    const num = m[1];
    if (!/^(\d+\.?\d*|\.\d+)$/.test(num))
        throw new UnitError(`strconv.ParseFloat: parsing ${(0,quoted/* quoted */.T)(num)}: invalid syntax`);
    const unit = m[2].toUpperCase();
    const mult = (kind === 'memory' ? MEMORY_UNITS : CPU_UNITS)[unit];
    if (mult === undefined)
        throw new UnitError(`unsupported ${kind} unit ${(0,quoted/* quoted */.T)(unit)}`);
    return Number(num) * mult;
}
function parseMemoryMb(raw) {
    return parseUnit(raw, 'memory');
}
function parseCpuMhz(raw) {
    return parseUnit(raw, 'cpu');
}

// EXTERNAL MODULE: ./lib/bucket/identifiers.js
var identifiers = __webpack_require__(2818);
// EXTERNAL MODULE: ./lib/remote/proxy-jump.js
var proxy_jump = __webpack_require__(5179);
;// CONCATENATED MODULE: ./lib/bucket/workers-json.js
// workspace/workers.json (§4.4): the worker catalog.







function bad(detail) {
    return new errors/* MaandError */.Ob('invalid worker.json', detail);
}
function readWorkersJson(file) {
    const text = (0,read_file/* readOptionalText */.ko)(file, 'workspace/workers.json');
    if (text === undefined)
        return [];
    let doc;
    try {
        doc = (0,json_decode/* parseJson */.qF)(text);
        if (!Array.isArray(doc))
            throw new json_decode/* JsonDecodeError */.Ht(`json: cannot unmarshal ${doc === null ? 'null' : typeof doc === 'object' ? 'object' : typeof doc} into Go value of type []workspace.Worker`);
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
        const obj = (0,json_decode/* asObject */.eB)(item, 'Worker') ?? {};
        host = ((0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(obj, 'host'), 'Worker.host') ?? '').trim();
        hostname = ((0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(obj, 'hostname'), 'Worker.hostname') ?? '').trim();
        labelsRaw = (0,json_decode/* asStringArray */.Dx)((0,json_decode/* field */.ZZ)(obj, 'labels'), 'Worker.labels') ?? [];
        mem = (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(obj, 'memory'), 'Worker.memory') ?? '';
        cpu = (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(obj, 'cpu'), 'Worker.cpu') ?? '';
        position = (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(obj, 'position'), 'Worker.position');
        tagsObj = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(obj, 'tags'), 'Worker.tags') ?? {};
        proxyJump = (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(obj, 'proxy_jump'), 'Worker.proxy_jump')?.trim();
        for (const [k, v] of Object.entries(tagsObj))
            (0,json_decode/* asString */.oJ)(v, `Worker.tags.${k}`);
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
        throw bad(`host ${(0,quoted/* quoted */.T)(host)} must not contain spaces or control characters (workers[${index}])`);
    if (!(0,identifiers/* isWorkerHost */.VM)(host))
        throw bad(`worker host ${(0,quoted/* quoted */.T)(host)} is not an IP address or DNS name (workers[${index}]); use an IPv4 or IPv6 address or a host name`);
    if (seen.has(host))
        throw bad(`duplicate host ${(0,quoted/* quoted */.T)(host)}`);
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

// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(5167);
// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var lib_kv = __webpack_require__(2762);
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

// EXTERNAL MODULE: ./lib/util/stable-id.js
var stable_id = __webpack_require__(1719);
// EXTERNAL MODULE: ./lib/catalog/worker-proxy.js
var worker_proxy = __webpack_require__(3572);
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
        const id = existing.get(w.host) ?? (0,stable_id/* randomId */.zE)();
        upsert.run(id, w.host, goFloat(w.memoryMb), goFloat(w.cpuMhz), w.position);
        delLabels.run(id);
        for (const label of w.labels)
            addLabel.run(id, label);
        delTags.run(id);
        for (const [k, v] of [...w.tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            addTag.run(id, k, v);
    }
    (0,worker_proxy/* storeWorkerProxyJumps */.l)(db, ctx.workers);
    const inFile = new Set(ctx.workers.map((w) => w.host));
    ctx.removedWorkers = [...existing.keys()].filter((ip) => !inFile.has(ip)).sort();
    for (const ip of ctx.removedWorkers) {
        const id = existing.get(ip);
        delLabels.run(id);
        delTags.run(id);
        delWorker.run(ip);
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/bucket/bucket-conf.js
var bucket_conf = __webpack_require__(8093);
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
var go_json = __webpack_require__(6495);
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
                throw new read_file/* FileReadError */.tJ(`workspace/jobs/${childRel}`, 'is a symlink to a directory (replace it with a real directory)');
            // a link keeps the content it points to (what the reference stored) besides its target text
            out.push({ path: childRel, content: (0,read_file/* readBytes */.io)(abs, `workspace/jobs/${childRel}`), isdir: false, mode: (0,external_node_fs_.statSync)(abs).mode & 0o777, link });
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
    return (0,read_file/* readText */.yR)((0,external_node_path_.join)(paths.jobsDir, job, 'manifest.json'), `workspace/jobs/${job}/manifest.json`);
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
    (0,json_decode/* parseJson */.qF)(text); // syntax errors with Go's wording first
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
    const m = (0,json_decode/* asObject */.eB)(doc, 'Manifest') ?? {};
    const resources = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(m, 'resources'), 'Manifest.resources') ?? {};
    const mem = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(resources, 'memory'), 'Resources.memory') ?? {};
    const cpu = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(resources, 'cpu'), 'Resources.cpu') ?? {};
    return {
        version: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(m, 'version'), 'Manifest.version') ?? '',
        selectors: (0,json_decode/* asStringArray */.Dx)((0,json_decode/* field */.ZZ)(m, 'selectors'), 'Manifest.selectors'),
        memory: { min: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(mem, 'min'), 'Memory.min') ?? '', max: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(mem, 'max'), 'Memory.max') ?? '' },
        cpu: { min: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(cpu, 'min'), 'CPU.min') ?? '', max: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(cpu, 'max'), 'CPU.max') ?? '' },
        ports: decodePorts((0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(resources, 'ports'), 'Resources.ports'), rawNumbers),
        commands: decodeCommands((0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(m, 'commands'), 'Manifest.commands')),
        certs: decodeCerts((0,json_decode/* field */.ZZ)(m, 'certs')),
        health_check: decodeHealth((0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(m, 'health_check'), 'Manifest.health_check')),
        max_concurrent_upgrades: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(m, 'max_concurrent_upgrades'), 'Manifest.max_concurrent_upgrades') ?? 0,
        max_concurrent_starts: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(m, 'max_concurrent_starts'), 'Manifest.max_concurrent_starts') ?? 0,
        min_allocations_count: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(m, 'min_allocations_count'), 'Manifest.min_allocations_count') ?? 0,
        restart_policy: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(m, 'restart_policy'), 'Manifest.restart_policy') ?? '',
        restart_globs: (0,json_decode/* asStringArray */.Dx)((0,json_decode/* field */.ZZ)(m, 'restart_globs'), 'Manifest.restart_globs') ?? [],
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
            throw new errors/* MaandError */.Ob('invalid port key format', `port name ${(0,quoted/* quoted */.T)(name)} (use lower-case letters, digits and _; start with a letter)`);
        const raw = raws?.get(rawName);
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
            out.set(name, { kind: 'provisioned' });
        }
        else if (typeof value === 'number' && raw !== undefined && /^-?\d+$/.test(raw)) {
            if (value < 1 || value > 65535)
                throw new errors/* MaandError */.Ob('invalid manifest port declaration', `port ${(0,quoted/* quoted */.T)(name)} must be between 1 and 65535, not ${raw}`);
            out.set(name, { kind: 'fixed', port: value });
        }
        else {
            const shown = raw ?? JSON.stringify(value);
            throw new errors/* MaandError */.Ob('invalid manifest port declaration', `port ${(0,quoted/* quoted */.T)(name)} must be {} or an integer, not ${shown}`);
        }
    }
    return out;
}
function decodeCommands(cmds) {
    const out = new Map();
    for (const [name, value] of Object.entries(cmds ?? {})) {
        const c = (0,json_decode/* asObject */.eB)(value, `Manifest.commands.${name}`) ?? {};
        const d = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(c, 'demands'), 'Command.demands') ?? {};
        out.set(name, {
            executed_on: (0,json_decode/* asStringArray */.Dx)((0,json_decode/* field */.ZZ)(c, 'executed_on'), 'Command.executed_on') ?? [],
            demands: {
                job: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(d, 'job'), 'Demands.job') ?? '',
                command: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(d, 'command'), 'Demands.command') ?? '',
                config: (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(d, 'config'), 'Demands.config') ?? {},
            },
        });
    }
    return out;
}
function decodeCerts(value) {
    const certs = (0,json_decode/* asObject */.eB)(value, 'Manifest.certs');
    if (!certs)
        return undefined;
    const out = new Map();
    for (const [name, v] of Object.entries(certs)) {
        const c = (0,json_decode/* asObject */.eB)(v, `Manifest.certs.${name}`) ?? {};
        const subject = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(c, 'subject'), 'Cert.subject') ?? {};
        out.set(name, {
            pkcs8: (0,json_decode/* asBool */.XL)((0,json_decode/* field */.ZZ)(c, 'pkcs8'), 'Cert.pkcs8') ?? false,
            one: (0,json_decode/* asBool */.XL)((0,json_decode/* field */.ZZ)(c, 'one'), 'Cert.one') ?? false,
            common_name: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(subject, 'common_name'), 'Subject.common_name') ?? '',
        });
    }
    return out;
}
function decodeHealth(h) {
    if (!h)
        return undefined;
    const checksRaw = (0,json_decode/* field */.ZZ)(h, 'checks');
    const checks = [];
    if (checksRaw !== undefined && checksRaw !== null) {
        if (!Array.isArray(checksRaw))
            throw new json_decode/* JsonDecodeError */.Ht('json: cannot unmarshal into Go struct field HealthCheck.checks of type []Probe');
        for (const item of checksRaw) {
            const p = (0,json_decode/* asObject */.eB)(item, 'HealthCheck.checks') ?? {};
            checks.push({
                type: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(p, 'type'), 'Probe.type') ?? '',
                port: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(p, 'port'), 'Probe.port') ?? '',
                command: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(p, 'command'), 'Probe.command') ?? '',
                path: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(p, 'path'), 'Probe.path') ?? '',
                expect_status: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(p, 'expect_status'), 'Probe.expect_status') ?? 0,
                scheme: (0,json_decode/* asString */.oJ)((0,json_decode/* field */.ZZ)(p, 'scheme'), 'Probe.scheme') ?? '',
            });
        }
    }
    const w = (0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(h, 'wait'), 'HealthCheck.wait');
    return {
        checks,
        timeout_seconds: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(h, 'timeout_seconds'), 'HealthCheck.timeout_seconds') ?? 0,
        wait: w ? { attempts: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(w, 'attempts'), 'Wait.attempts') ?? 0, interval_seconds: (0,json_decode/* asInt */.Ae)((0,json_decode/* field */.ZZ)(w, 'interval_seconds'), 'Wait.interval_seconds') ?? 0 } : null,
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
            return isValidGlob(seg) ? undefined : `invalid glob pattern ${(0,quoted/* quoted */.T)(p)}: syntax error in pattern`;
        }
        return undefined;
    }
    return isValidGlob(p) ? undefined : `invalid glob pattern ${(0,quoted/* quoted */.T)(p)}: syntax error in pattern`;
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
            throw invalid(job, `health_check.checks[${i}] type ${(0,quoted/* quoted */.T)(c.type)} (want tcp, http, or ssh)`);
        if (type === 'ssh') {
            if (c.command.trim() === '')
                throw invalid(job, `health_check.checks[${i}] ssh probe requires command`);
            return;
        }
        const port = c.port.trim();
        if (port === '')
            throw invalid(job, `health_check.checks[${i}] missing port`);
        if (!m.ports.has(port))
            throw invalid(job, `health_check.checks[${i}] port ${(0,quoted/* quoted */.T)(port)} not in resources.ports`);
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
        throw invalid(job, `invalid manifest.json: restart_policy must be one of always, reload, never (got ${(0,quoted/* quoted */.T)(m.restart_policy)})`);
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

// EXTERNAL MODULE: ./lib/bucket/version.js
var bucket_version = __webpack_require__(7910);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./lib/catalog/schema.js
var schema = __webpack_require__(4912);
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
                        throw new errors/* MaandError */.Ob('port collision', `port ${decl.port} (job ${job} port ${(0,quoted/* quoted */.T)(name)}) is already used by another port; choose another number or use {} to get one from the pool`);
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
    ctx.bucketConf = (0,bucket_conf/* readBucketConf */.FI)(ctx.paths);
    // The reference reads the job settings file per job, so a bucket without jobs never reads it.
    ctx.jobsConf = ctx.jobs.length > 0 ? (0,bucket_conf/* readJobsConf */.xX)(ctx.paths, ctx.conf.job_config_selector) : { fileName: (0,bucket_conf/* jobsConfFileName */.Sl)(ctx.conf.job_config_selector), sections: new Map() };
    const pool = (0,bucket_conf/* portPool */.kV)(ctx.bucketConf);
    const existing = new Map();
    for (const r of ctx.db.prepare('SELECT j.name AS job, p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id').all()) {
        if (!existing.has(r.job))
            existing.set(r.job, new Map());
        existing.get(r.job).set(r.name, r.port);
    }
    return new PortAllocator(pool, existing);
}
function syncJobs(ctx, ports) {
    (0,schema/* ensureJobFileColumns */.be)(ctx.db);
    for (const job of ctx.jobs)
        syncJob(ctx, ports, job, ctx.manifests.get(job));
    removeJobs(ctx);
}
function syncJob(ctx, ports, job, m) {
    const { db } = ctx;
    const jobId = (0,stable_id/* stableId */.dD)(job);
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
      restart_policy, restart_globs, health_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(jobId, job, (0,bucket_version/* storedVersion */.Um)(m.version), goFloat(memRes.min), goFloat(memRes.max), goFloat(memRes.current), memRes.source, goFloat(cpuRes.min), goFloat(cpuRes.max), goFloat(cpuRes.current), cpuRes.source, m.max_concurrent_upgrades <= 0 ? 1 : m.max_concurrent_upgrades, Math.max(0, m.max_concurrent_starts), policy, globsJson, healthCheckJson(m.health_check));
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
                throw new errors/* MaandError */.Ob('invalid job version', `job ${(0,quoted/* quoted */.T)(job)} must declare version (dependency participant); add "version" to its manifest.json`);
            versions.set(job, undefined);
            continue;
        }
        try {
            versions.set(job, (0,bucket_version/* parseVersion */.ot)(raw));
        }
        catch (e) {
            const err = new errors/* MaandError */.Ob('invalid job version', e.message);
            err.message = `job ${(0,quoted/* quoted */.T)(job)}: ${err.message}`;
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
                throw new errors/* MaandError */.Ob('invalid job command demand', `job ${job} command ${name} demands unknown job ${(0,quoted/* quoted */.T)(up)}`);
            const upCmd = c.demands.command.trim();
            if (!upManifest.commands.has(upCmd))
                throw new errors/* MaandError */.Ob('invalid job command demand', `job ${job} command ${name} demands job ${(0,quoted/* quoted */.T)(up)} command ${(0,quoted/* quoted */.T)(upCmd)} which is not declared`);
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
        return (0,bucket_version/* parseVersion */.ot)(text);
    }
    catch (e) {
        throw fail(e.message);
    }
}
function checkVersionBounds(job, cmd, up, config, upVersion) {
    const min = bound(job, cmd, 'min_version', config['min_version']);
    const max = bound(job, cmd, 'max_version', config['max_version']);
    if (min && max && (0,bucket_version/* compareVersions */.Zy)(min, max) > 0) {
        const e = new errors/* MaandError */.Ob('invalid job command configuration', `min_version ${(0,bucket_version/* formatVersion */.qh)(min)} > max_version ${(0,bucket_version/* formatVersion */.qh)(max)}`);
        e.message = `job ${job} command ${cmd}: ${e.message}`;
        throw e;
    }
    if (!min && !max)
        return;
    if (!upVersion)
        throw new errors/* MaandError */.Ob('invalid job version', `job ${(0,quoted/* quoted */.T)(up)} must declare version (required by ${job} command ${cmd})`);
    const mismatch = (detail) => {
        const e = new errors/* MaandError */.Ob('job command demand version mismatch', detail);
        e.message = `job ${job} command ${cmd} depends on ${up}: ${e.message}`;
        return e;
    };
    if (min && (0,bucket_version/* compareVersions */.Zy)(upVersion, min) < 0)
        throw mismatch(`upstream version ${(0,bucket_version/* formatVersion */.qh)(upVersion)} below min_version ${(0,bucket_version/* formatVersion */.qh)(min)}`);
    if (max && (0,bucket_version/* compareVersions */.Zy)(upVersion, max) > 0)
        throw mismatch(`upstream version ${(0,bucket_version/* formatVersion */.qh)(upVersion)} above max_version ${(0,bucket_version/* formatVersion */.qh)(max)}`);
}

;// CONCATENATED MODULE: ./lib/bucket/disabled-json.js
// workspace/disabled.json (§4.5): the drain list, recomputed on every build.



function readDisabledJson(file) {
    const text = (0,read_file/* readOptionalText */.ko)(file, 'workspace/disabled.json');
    if (text === undefined)
        return { workers: [], jobs: new Map() };
    try {
        const doc = (0,json_decode/* asObject */.eB)((0,json_decode/* parseJson */.qF)(text), 'disabled') ?? {};
        const workers = (0,json_decode/* asStringArray */.Dx)((0,json_decode/* field */.ZZ)(doc, 'workers'), 'disabled.workers') ?? [];
        const jobs = new Map();
        for (const [job, spec] of Object.entries((0,json_decode/* asObject */.eB)((0,json_decode/* field */.ZZ)(doc, 'jobs'), 'disabled.jobs') ?? {})) {
            const obj = (0,json_decode/* asObject */.eB)(spec, `disabled.jobs.${job}`) ?? {};
            jobs.set(job, (0,json_decode/* asStringArray */.Dx)((0,json_decode/* field */.ZZ)(obj, 'allocations'), `disabled.jobs.${job}.allocations`) ?? []);
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
    const labels = (0,queries/* workerLabels */.wH)(db);
    const existingIds = new Map(db.prepare('SELECT worker_ip, job, alloc_id FROM allocations').all().map((r) => [`${r.worker_ip}\n${r.job}`, r.alloc_id]));
    const upsert = db.prepare('INSERT OR REPLACE INTO allocations (alloc_id, worker_ip, job, disabled, removed, deployment_seq, new_version) VALUES (?, ?, ?, 0, 0, 0, ?)');
    const markRemoved = db.prepare('UPDATE allocations SET removed = 1 WHERE worker_ip = ? AND job = ?');
    for (const w of (0,queries/* workersByPosition */.gw)(db)) {
        const have = new Set(labels.get(w.worker_ip) ?? []);
        const matching = new Set();
        for (const j of jobs) {
            const sel = [...new Set(selectors.get(j.job_id) ?? [])];
            if (sel.length > 0 && sel.every((s) => have.has(s))) {
                matching.add(j.name);
                const id = existingIds.get(`${w.worker_ip}\n${j.name}`) ?? (0,stable_id/* stableId */.dD)(`${j.name}|${w.worker_ip}`);
                upsert.run(id, w.worker_ip, j.name, (0,bucket_version/* normalizedVersion */.ch)(j.version === 'unknown' ? '' : j.version));
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

// EXTERNAL MODULE: ./lib/bucket/toml.js
var toml = __webpack_require__(9692);
;// CONCATENATED MODULE: ./lib/bucket/vars-toml.js
// workspace/jobs/<job>/vars.toml: flat string map merged into KV vars/job/<job> (§4.6).




function readJobVars(paths, job) {
    const file = (0,external_node_path_.join)(paths.jobsDir, job, 'vars.toml');
    const rel = (0,external_node_path_.relative)(paths.root, file);
    let table;
    try {
        table = (0,toml/* readToml */.D7)(file, rel);
    }
    catch (e) {
        if (e instanceof read_file/* FileReadError */.tJ)
            throw e;
        throw new errors/* MaandError */.Ob('invalid vars.toml', `${rel}: ${(0,toml/* firstLine */.TM)(e)}`);
    }
    if (table === undefined)
        return {};
    try {
        return (0,toml/* stringMap */.Qi)(table, '');
    }
    catch (e) {
        throw new errors/* MaandError */.Ob('invalid vars.toml', `${rel}: ${e.message} (values must be quoted strings)`);
    }
}

;// CONCATENATED MODULE: ./lib/build/kv-vars.js
// Build step 8: KV written from the catalog — workers, jobs, shared worker, bucket (§9.2-9.7, §9.9).






function writeKvVariables(ctx) {
    const workers = (0,queries/* workersByPosition */.gw)(ctx.db);
    const labels = (0,queries/* workerLabels */.wH)(ctx.db);
    const allocs = (0,queries/* allocations */.iA)(ctx.db);
    writeWorkerNamespaces(ctx, workers, labels, allocs);
    for (const ip of ctx.removedWorkers) {
        (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* workerNamespace */.St)(ip));
        for (const a of allocs)
            if (a.worker_ip === ip)
                (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(a.job, ip));
    }
    writeJobNamespaces(ctx, allocs);
    writeSharedWorkerNamespace(ctx, workers, labels);
    (0,lib_kv/* fullSync */.Vv)(ctx.kv, 'vars/bucket', ctx.bucketConf);
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
        (0,lib_kv/* fullSync */.Vv)(ctx.kv, (0,lib_kv/* workerNamespace */.St)(w.worker_ip), kv);
        (0,lib_kv/* fullSync */.Vv)(ctx.kv, (0,lib_kv/* workerTagsNamespace */.Rm)(w.worker_ip), Object.fromEntries(tags.get(w.worker_ip) ?? new Map()));
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
            job_id: (0,stable_id/* stableId */.dD)(job),
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
        (0,lib_kv/* fullSync */.Vv)(ctx.kv, (0,lib_kv/* jobNamespace */.xd)(job), kv);
        (0,lib_kv/* fullSync */.Vv)(ctx.kv, (0,lib_kv/* bucketJobVarsNamespace */.ro)(job), ctx.jobsConf.sections.get(job) ?? {});
        (0,lib_kv/* mergeInto */.Pz)(ctx.kv, (0,lib_kv/* jobVarsNamespace */.po)(job), readJobVars(ctx.paths, job));
    }
    for (const job of ctx.removedJobs)
        purgeJob(ctx, job, allocs.filter((a) => a.job === job));
}
function normalized(v) {
    const t = v.trim();
    return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}
function purgeJob(ctx, job, rows) {
    (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* jobNamespace */.xd)(job));
    (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* bucketJobVarsNamespace */.ro)(job));
    for (const a of rows)
        (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, a.worker_ip));
    if (ctx.purgeJobKv) {
        (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* jobVarsNamespace */.po)(job));
        (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* jobSecretsNamespace */.WM)(job));
    }
}
function writeSharedWorkerNamespace(ctx, workers, labels) {
    const kv = {};
    const members = labelMembers(workers, labels);
    for (const l of [...members.keys()].sort()) {
        const list = members.get(l);
        kv[`${l}_label_id`] = (0,stable_id/* stableId */.dD)(l);
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
    (0,lib_kv/* fullSync */.Vv)(ctx.kv, 'maand/worker', kv);
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
    (0,lib_kv/* fullSync */.Vv)(ctx.kv, 'maand/bucket', kv);
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

// EXTERNAL MODULE: ./lib/certs/keys.js
var keys = __webpack_require__(3047);
// EXTERNAL MODULE: ./lib/certs/pem.js
var certs_pem = __webpack_require__(5261);
// EXTERNAL MODULE: ./lib/certs/der-read.js
var der_read = __webpack_require__(4793);
// EXTERNAL MODULE: ./lib/certs/parse.js
var parse = __webpack_require__(8264);
;// CONCATENATED MODULE: ./lib/certs/signer.js
// Loads the bucket CA (secrets/ca.crt + secrets/ca.key) for signing leaf certificates. The key must
// be PKCS#1, as in the reference tool; error texts follow its `decoding ca.crt|ca.key: ...` wording.





function loadCaSigner(caCertPem, caKeyPem) {
    const certBlock = (0,certs_pem/* decodePem */.x)(caCertPem);
    if (!certBlock)
        throw new errors/* MaandError */.Ob('unexpected error', 'decoding ca.crt: no PEM block found');
    let cert;
    try {
        cert = (0,parse/* parseCertificate */.h)(certBlock.bytes);
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
    const block = (0,certs_pem/* decodePem */.x)(pem);
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
    const fields = (0,der_read/* children */.Y_)((0,der_read/* readTlv */.pw)(der));
    return fields.length >= 9 && fields.every((f) => f.tag === 0x02);
}

// EXTERNAL MODULE: ./lib/certs/x509.js + 1 modules
var x509 = __webpack_require__(3661);
;// CONCATENATED MODULE: ./lib/certs/leaf.js
// Leaf certificates for job allocations (`certs` in manifest.json), signed by the bucket CA.
// IP SANs only, no extended key usage, so one certificate serves as both server and client cert.







const LEAF_KEY_BITS = 4096;
const DAY_MS = 24 * 60 * 60 * 1000;
async function generateLeaf(opts) {
    // Validate everything cheap before spending a second on an RSA key.
    const signer = loadCaSigner(opts.caCertPem, opts.caKeyPem);
    const sans = ['127.0.0.1', ...opts.ipSans].map((host) => {
        const bytes = ipSanBytes(host);
        if (!bytes) {
            const detail = `certificate SAN ${(0,quoted/* quoted */.T)(host)} is not an IP address (only IP SANs are supported)`;
            throw new errors/* MaandError */.Ob('unexpected error', detail);
        }
        return bytes;
    });
    const now = opts.now ?? new Date();
    const { privateKey, publicKey } = await (0,keys/* generateRsaKey */.$)(opts.keyBits ?? LEAF_KEY_BITS);
    const der = (0,x509/* signCertificate */.jm)({
        serial: (0,x509/* randomSerial */.YG)(),
        issuer: signer.subject,
        subject: (0,x509/* commonNameSubject */.h)(opts.commonName),
        notBefore: now,
        notAfter: new Date(now.getTime() + opts.ttlDays * DAY_MS),
        publicKey,
        isCa: false,
        keyUsage: [x509/* KeyUsage */.n6.digitalSignature, x509/* KeyUsage */.n6.keyEncipherment],
        authorityKeyId: signer.subjectKeyId,
        ipSans: sans,
    }, signer.key);
    return { certPem: (0,certs_pem/* encodePem */.T)('CERTIFICATE', der), keyPem: (0,keys/* privateKeyPem */.n)(privateKey, opts.pkcs8) };
}

// EXTERNAL MODULE: ./lib/certs/inspect.js
var inspect = __webpack_require__(9783);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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

// EXTERNAL MODULE: ./lib/util/pool.js
var pool = __webpack_require__(9860);
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
    db.prepare("INSERT INTO hash (namespace, key, current_hash) VALUES ('build', 'ca', ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash").run((0,stable_id/* md5Hex */.CC)(Buffer.from(caPem)));
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
                (0,lib_kv/* certSync */.E1)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, r.worker_ip), {});
            promote(ctx, 'build_certs', job);
            continue;
        }
        const named = W.find((ip) => !ipSanBytes(ip));
        if (named !== undefined)
            throw new errors/* MaandError */.Ob('invalid worker.json', `worker ${(0,quoted/* quoted */.T)(named)} is not an IP address, but job ${job} has certificates for it (certificates carry IP SANs only; list the worker by its IP in workspace/workers.json)`);
        caKey ??= (0,external_node_fs_.readFileSync)(ctx.paths.caKey, 'utf8');
        const desired = new Map(W.map((ip) => [ip, new Map()]));
        for (const spec of specs) {
            const needs = (ip) => {
                const ns = (0,lib_kv/* allocationNamespace */.QE)(job, ip);
                const key = (0,lib_kv/* readPlain */.rM)(ctx.kv, ns, `certs/${spec.name}.key`) ?? '';
                const crt = ctx.kv.tryGet(ns, `certs/${spec.name}.crt`) ?? '';
                if (key === '' || crt === '')
                    return true;
                const check = (0,inspect/* inspectStoredCert */.e5)(crt, ctx.conf.certs_renewal_buffer, now);
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
                const ns = (0,lib_kv/* allocationNamespace */.QE)(job, ip);
                return { certPem: ctx.kv.tryGet(ns, `certs/${spec.name}.crt`), keyPem: (0,lib_kv/* readPlain */.rM)(ctx.kv, ns, `certs/${spec.name}.key`) };
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
            pending.push({ ns: (0,lib_kv/* allocationNamespace */.QE)(job, ip), desired: d });
        promote(ctx, 'build_certs', job);
    }
    await (0,pool/* runLimited */.O)(work, 4);
    for (const p of pending)
        (0,lib_kv/* certSync */.E1)(ctx.kv, p.ns, p.desired);
    promote(ctx, 'build', 'ca');
}

;// CONCATENATED MODULE: ./lib/build/alloc-vars.js
// Build step 10: allocation namespaces maand/job/<job>/worker/<ip> (§9.8).


function writeAllocationVariables(ctx) {
    const byJob = new Map();
    for (const a of (0,queries/* allocations */.iA)(ctx.db))
        byJob.set(a.job, [...(byJob.get(a.job) ?? []), a]);
    const catalogJobs = new Set(ctx.jobs);
    for (const [job, rows] of [...byJob].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!catalogJobs.has(job)) {
            for (const r of rows)
                (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, r.worker_ip));
            continue;
        }
        // allocations() orders by worker position, then IP; removed workers (no position) come last.
        const live = rows.filter((r) => r.removed === 0).map((r) => r.worker_ip);
        live.forEach((ip, i) => {
            (0,lib_kv/* allocSync */.Ro)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, ip), {
                [`${job}_allocation_index`]: String(i),
                peer_workers: live.filter((p) => p !== ip).join(','),
            });
        });
        for (const r of rows)
            if (r.removed === 1)
                (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, r.worker_ip));
    }
}

// EXTERNAL MODULE: ./lib/build/prometheus.js
var prometheus = __webpack_require__(8050);
// EXTERNAL MODULE: ./lib/template/index.js + 18 modules
var template = __webpack_require__(148);
;// CONCATENATED MODULE: ./lib/build/scrape-template.js
// Build-time rendering of `_prometheus/scrape.yaml.tpl` (kv spec §2.9): one render per job with the
// job-level dot, the smaller function set and read set, over the KV of the build in progress.



function scrapeRenderer(ctx) {
    return (job, text) => {
        const allowed = new Set((0,lib_kv/* scrapeTemplateNamespaces */.n4)(job, (0,lib_kv/* upstreamJobs */.oZ)(ctx.db, job)));
        const check = (ns) => {
            if (!allowed.has(ns))
                throw (0,lib_kv/* namespaceNotAvailable */.eq)(ns, `${job} scrape template`);
        };
        const kv = {
            get(ns, key) {
                check(ns);
                return (0,lib_kv/* readPlain */.rM)(ctx.kv, ns, key);
            },
            keys(ns) {
                check(ns);
                return ctx.kv.keys(ns);
            },
        };
        const version = (0,bucket_version/* normalizedVersion */.ch)(ctx.manifests.get(job)?.version);
        const tpl = (0,template/* parseTemplate */.QC)('scrape.yaml.tpl', text, (0,template/* scrapeTemplateFuncs */.cq)({ job, kv }));
        return (0,template/* render */.XX)(tpl, { Job: job, CurrentVersion: version, NewVersion: version });
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

// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
// EXTERNAL MODULE: ./lib/hooks/runner.js + 5 modules
var runner = __webpack_require__(494);
// EXTERNAL MODULE: ./lib/hooks/runtime-api.js + 3 modules
var runtime_api = __webpack_require__(999);
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
    await (0,catalog_db/* inTransactionAsync */.AW)(db, async () => {
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(o.root), ...(o.onSecret ? { onSecret: o.onSecret } : {}) });
        const api = await (0,runtime_api/* startRuntimeApi */.P)({ db, kv });
        try {
            const ctx = { ...o, db, kv, api };
            for (const { job, command } of plan) {
                if (o.signal?.aborted) {
                    failures.push(`post_build: job ${job} command ${command}: cancelled before it started`);
                    continue;
                }
                const r = await (0,runner/* runJobCommand */.W)(ctx, { job, command, event: 'post_build', concurrency: 1 });
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
            for (const command of (0,catalog/* commandsFor */.Au)(db, job, 'post_build'))
                out.push({ seq, job, command });
    }
    return out;
}

// EXTERNAL MODULE: ./lib/bucket/lock.js
var lock = __webpack_require__(1187);
// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
;// CONCATENATED MODULE: ./lib/build/index.js
// `maand build`: reconcile the workspace into the catalog in one transaction (§8.2), then post_build.
// Any error before the commit leaves the catalog exactly as it was; tmp/ is always removed.
























const KV_RETAIN_DAYS = 7;
function build(opts) {
    return (0,lock/* withBucketLock */.wD)(opts.root, 'build', () => buildLocked(opts));
}
async function buildLocked(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    const emit = opts.onEvent ?? (() => { });
    const tightened = (0,modes/* tightenBucketModes */.aT)(paths.root);
    if (tightened)
        emit({ type: 'warning', message: tightened });
    let certsGenerated = 0;
    try {
        (0,gate/* checkSchema */._)(db);
        const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
        const ctx = {
            paths, db, conf,
            kv: undefined,
            // Read in the job pre-scan, after workers.json, as the reference does (§8.4).
            jobsConf: { fileName: '', sections: new Map() },
            bucketConf: {},
            bucketId: (0,queries/* bucketRow */.P5)(db).bucket_id,
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
        const kvChanges = await (0,catalog_db/* inTransactionAsync */.AW)(db, async () => {
            ctx.kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root), ...(opts.onSecret ? { onSecret: opts.onSecret } : {}) });
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
            (0,prometheus/* buildPrometheusCatalog */.Q)(ctx, opts.renderScrape ?? scrapeRenderer(ctx));
            (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
            (0,lib_kv/* purgeStaleVersions */.G0)(db, KV_RETAIN_DAYS, ctx.now);
            checkCapacity(db);
            const changes = ctx.kv.persist(db, ctx.now);
            (0,lib_kv/* dropPlaintextCertKeyHistory */.Os)(db);
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
        throw (0,catalog_db/* asDatabaseError */.gk)(e);
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

;// CONCATENATED MODULE: ./lib/cli/commands/build.js


async function buildCommand(io, opts) {
    const quiet = io.env['MAAND_QUIET'] === '1';
    const res = await build({
        root: io.cwd,
        purgeJobKv: opts.purgeJobKv,
        // MAAND_TEST=1 (as for init): small leaf keys, so test suites do not spend a second per certificate.
        ...(io.env['MAAND_TEST'] === '1' ? { leafKeyBits: 1024 } : {}),
        env: io.env,
        onHookOutput: (l) => io.stderr.write(`${(0,console/* formatHookLine */.p1)(l)}\n`),
        onEvent: (e) => {
            if (quiet)
                return;
            if (e.type === 'cert-generated')
                io.stderr.write(`certificate ${e.cert} generated for job ${e.job} (${e.workers.join(', ')})\n`);
            if (e.type === 'warning')
                io.stderr.write(`warning: ${e.message}\n`);
        },
    });
    if (quiet)
        return;
    const a = res.allocations;
    io.stdout.write(`build ok: ${res.workers} worker(s), ${res.jobs} job(s), ${a.active} active allocation(s)` +
        `${a.disabled ? `, ${a.disabled} disabled` : ''}${a.removed ? `, ${a.removed} removed` : ''}, ${res.kvChanges} KV change(s)\n`);
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
