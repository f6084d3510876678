export const id = 527;
export const ids = [527];
export const modules = {

/***/ 7910:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Um: () => (/* binding */ storedVersion),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   ch: () => (/* binding */ normalizedVersion),
/* harmony export */   ot: () => (/* binding */ parseVersion),
/* harmony export */   qh: () => (/* binding */ formatVersion)
/* harmony export */ });
/* unused harmony export VersionError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8462);
// Job versions (§5.3): the stored raw text, the normalized deploy version, the parsed form.


function storedVersion(raw) {
    return raw === undefined || raw === '' ? 'unknown' : raw;
}
function normalizedVersion(raw) {
    const t = (raw ?? '').trim();
    return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}
class VersionError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob {
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
        throw new VersionError(`version ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(raw)} is not allowed`);
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
        throw new VersionError(`${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)}`);
    const nums = parts.map((p) => {
        const t = p.trim();
        if (t === '')
            throw new VersionError(`empty segment in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)}`);
        if (!/^\+?\d+$/.test(t))
            throw new VersionError(`invalid segment ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(t)} in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)}`);
        const n = Number(t.replace('+', ''));
        // Go's Atoi fails past int64; here past 2^53, where a segment would no longer compare exactly
        if (!Number.isSafeInteger(n))
            throw new VersionError(`segment ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(t)} in ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_1__/* .quoted */ .T)(core)} is out of range`);
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


/***/ }),

/***/ 8050:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ buildPrometheusCatalog),
/* harmony export */   x: () => (/* binding */ resolvePortName)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(452);
/* harmony import */ var _bucket_read_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2991);
/* harmony import */ var _kv_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2762);
/* harmony import */ var _util_go_json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6495);
/* harmony import */ var _util_quoted_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8462);
/* harmony import */ var _template_index_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(148);
// Build step 11: the Prometheus catalog in KV maand/prometheus (§8.13). Only meaningful when some job
// ships prometheus.yml(.tpl); then every job's _prometheus/ content is validated and collected.









const SD_KEYS = [
    'kubernetes_sd_configs', 'dns_sd_configs', 'file_sd_configs', 'consul_sd_configs', 'ecs_sd_configs', 'ec2_sd_configs',
    'openstack_sd_configs', 'azure_sd_configs', 'gce_sd_configs', 'hetzner_sd_configs', 'ionos_sd_configs', 'linode_sd_configs',
    'digitalocean_sd_configs', 'docker_sd_configs', 'dockerswarm_sd_configs', 'eureka_sd_configs', 'http_sd_configs', 'kuma_sd_configs',
    'marathon_sd_configs', 'nerve_sd_configs', 'serverset_sd_configs', 'triton_sd_configs', 'uyuni_sd_configs',
];
function invalid(detail) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .MaandError */ .Ob('invalid job', detail);
}
function buildPrometheusCatalog(ctx, renderScrape) {
    const dirOf = (job) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.paths.jobsDir, job);
    const hasServer = ctx.jobs.some((j) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dirOf(j), 'prometheus.yml')) || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dirOf(j), 'prometheus.yml.tpl')));
    if (!hasServer) {
        (0,_kv_index_js__WEBPACK_IMPORTED_MODULE_5__/* .fullSync */ .Vv)(ctx.kv, _kv_index_js__WEBPACK_IMPORTED_MODULE_5__/* .PROMETHEUS_NS */ .H1, { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
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
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'prometheus.yml')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'prometheus.yml.tpl')))
            throw invalid(`job ${job} cannot define both prometheus.yml and prometheus.yml.tpl`);
        const prom = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '_prometheus');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'scrape.yaml')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'scrape.yaml.tpl')))
            throw invalid(`job ${job} cannot define both scrape.yaml and scrape.yaml.tpl`);
        const runbooks = new Set(regularFiles((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'runbooks')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)));
        for (const f of regularFiles((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'alerts')).filter((f) => /\.ya?ml$/.test(f)))
            validateAlerts(job, f, (0,_bucket_read_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readText */ .yR)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'alerts', f), `workspace/jobs/${job}/_prometheus/alerts/${f}`), runbooks, alertOwners);
        let text;
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'scrape.yaml.tpl'))) {
            const source = (0,_bucket_read_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readText */ .yR)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'scrape.yaml.tpl'), `workspace/jobs/${job}/_prometheus/scrape.yaml.tpl`);
            try {
                text = renderScrape(job, source);
            }
            catch (e) {
                // the error may quote a secret the template read: it reaches logs, summaries and JSON
                throw invalid(`job ${job} scrape.yaml.tpl: ${(0,_template_index_js__WEBPACK_IMPORTED_MODULE_8__/* .redactSecrets */ .fp)(e.message, ctx.kv.knownSecrets())}`);
            }
        }
        else if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'scrape.yaml')))
            text = (0,_bucket_read_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readText */ .yR)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(prom, 'scrape.yaml'), `workspace/jobs/${job}/_prometheus/scrape.yaml`);
        if (text === undefined)
            continue;
        const items = parseScrapeItems(job, text);
        let usesPlaceholder = false;
        const ports = new Set(ctx.db.prepare('SELECT p.name AS name FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ?').all(job).map((r) => r.name));
        for (const item of items) {
            const name = item['job_name'] === 'maand:job' ? job : String(item['job_name']);
            const owner = jobNames.get(name);
            if (owner !== undefined)
                throw invalid(`duplicate prometheus job_name ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_7__/* .quoted */ .T)(name)} (jobs ${owner} and ${job})`);
            jobNames.set(name, job);
            for (const target of targetsOf(item)) {
                if (!target.startsWith('maand:port/'))
                    continue;
                usesPlaceholder = true;
                resolvePortName(job, target.slice('maand:port/'.length).split('/')[0], ports);
            }
        }
        const firstName = items[0]['job_name'] === 'maand:job' ? job : String(items[0]['job_name']);
        ctx.kv.put((0,_kv_index_js__WEBPACK_IMPORTED_MODULE_5__/* .jobNamespace */ .xd)(job), 'job_name', firstName);
        desired[`scrape/${job}`] = (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_6__/* .goJson */ .Pl)(items);
        if (usesPlaceholder && !active.has(job))
            continue;
        scrapeJobs.push(job);
        allItems.push(...items);
    }
    desired['scrape_configs'] = (0,_util_go_json_js__WEBPACK_IMPORTED_MODULE_6__/* .goJson */ .Pl)(allItems);
    desired['scrape_jobs'] = scrapeJobs.sort().join(',');
    desired['scrape_jobs_length'] = String(scrapeJobs.length);
    (0,_kv_index_js__WEBPACK_IMPORTED_MODULE_5__/* .fullSync */ .Vv)(ctx.kv, _kv_index_js__WEBPACK_IMPORTED_MODULE_5__/* .PROMETHEUS_NS */ .H1, desired);
}
/** More values than any scrape config or rule file needs; aliases of aliases grow past it exponentially. */
const MAX_YAML_VALUES = 100_000;
function loadYaml(where, text) {
    let doc;
    try {
        doc = js_yaml__WEBPACK_IMPORTED_MODULE_2__/* ["default"].load */ .Ay.load(text);
    }
    catch (e) {
        throw invalid(`${where}: ${e.message.split('\n')[0]}`);
    }
    if (exceedsValues(doc, MAX_YAML_VALUES))
        throw invalid(`${where} expands to more than ${MAX_YAML_VALUES} values (YAML aliases repeat what they point to; write the values out)`);
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
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
        return [];
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).filter((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, f)).isFile()).sort();
}
function parseScrapeItems(job, text) {
    if (text.trim() === '')
        throw invalid(`job ${job} scrape config is empty`);
    const doc = loadYaml(`job ${job} scrape config`, text);
    if (!Array.isArray(doc) || doc.length === 0)
        throw invalid(`job ${job} scrape config must be a non-empty YAML list of scrape configs`);
    return doc.map((item, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item))
            throw invalid(`job ${job} scrape config item ${i} must be a mapping`);
        const rec = item;
        const sd = SD_KEYS.find((k) => k in rec);
        if (sd)
            throw invalid(`job ${job} scrape config item ${i} uses ${sd}; maand provides targets with static_configs and maand:port/<port> placeholders`);
        if (typeof rec['job_name'] !== 'string' || rec['job_name'].trim() === '')
            throw invalid(`job ${job} scrape config item ${i} needs a job_name`);
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
            throw invalid(`job ${job} maand:port/_implicit needs exactly one port named ${job}_metrics_port, metrics_port or *_metrics_port (found ${cands.length})`);
        return cands[0];
    }
    if (!ports.has(port))
        throw invalid(`job ${job} scrape target port ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_7__/* .quoted */ .T)(port)} is not declared in resources.ports`);
    return port;
}
function validateAlerts(job, file, text, runbooks, owners) {
    const where = `job ${job} alerts/${file}`;
    if (text.trim() === '')
        throw invalid(`${where} is empty`);
    const doc = loadYaml(where, text);
    const groups = doc?.['groups'];
    if (!Array.isArray(groups) || groups.length === 0)
        throw invalid(`${where} needs a non-empty groups list`);
    for (const g of groups) {
        if (typeof g?.['name'] !== 'string' || g['name'].trim() === '')
            throw invalid(`${where}: every group needs a name`);
        for (const r of (Array.isArray(g['rules']) ? g['rules'] : [])) {
            const alert = typeof r?.['alert'] === 'string' ? r['alert'].trim() : '';
            const record = typeof r?.['record'] === 'string' ? r['record'].trim() : '';
            if ((alert === '') === (record === ''))
                throw invalid(`${where}: every rule needs exactly one of alert or record`);
            if (typeof r['expr'] !== 'string' && typeof r['expr'] !== 'number')
                throw invalid(`${where}: rule ${alert || record} needs an expr`);
            if (String(r['expr']).trim() === '')
                throw invalid(`${where}: rule ${alert || record} needs an expr`);
            if (alert === '')
                continue;
            const runbook = r['annotations']?.['runbook'];
            if (typeof runbook === 'string' && runbook !== '' && !runbooks.has(runbook))
                throw invalid(`${where}: alert ${alert} references missing runbook ${runbook} (add _prometheus/runbooks/${runbook}.md)`);
            const owner = owners.get(alert);
            if (owner !== undefined)
                throw invalid(`duplicate alert name ${(0,_util_quoted_js__WEBPACK_IMPORTED_MODULE_7__/* .quoted */ .T)(alert)} (jobs ${owner} and ${job})`);
            owners.set(alert, job);
        }
    }
}


/***/ }),

/***/ 4793:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y_: () => (/* binding */ children),
/* harmony export */   ch: () => (/* binding */ oidText),
/* harmony export */   pw: () => (/* binding */ readTlv)
/* harmony export */ });
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


/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e5: () => (/* binding */ inspectStoredCert),
/* harmony export */   xC: () => (/* binding */ certStatus)
/* harmony export */ });
/* unused harmony export certNeedsRenewal */
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5261);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8264);
// Renewal and expiry rules for stored leaf certificates (spec §6.5): build uses them to decide
// regeneration, deploy's metrics push to report status.


const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** True when `now` is at/after notAfter, or inside the renewal buffer (only when bufferDays > 0). */
function certNeedsRenewal(notAfter, bufferDays, now) {
    if (now.getTime() >= notAfter.getTime())
        return true;
    if (bufferDays <= 0)
        return false;
    return now.getTime() >= notAfter.getTime() - bufferDays * DAY_MS;
}
/** Whether a stored certificate PEM must be regenerated; no PEM block at all just means "needs". */
function inspectStoredCert(pem, bufferDays, now) {
    const block = (0,_pem_js__WEBPACK_IMPORTED_MODULE_1__/* .decodePem */ .x)(pem);
    if (!block)
        return { needs: true };
    try {
        return { needs: certNeedsRenewal((0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCertificate */ .h)(block.bytes).notAfter, bufferDays, now) };
    }
    catch (e) {
        return { needs: true, error: e.message };
    }
}
/** Display/metrics status: expired after notAfter, expiring inside the renewal window, else ok. */
function certStatus(pem, bufferDays, now) {
    const block = (0,_pem_js__WEBPACK_IMPORTED_MODULE_1__/* .decodePem */ .x)(pem);
    let cert;
    try {
        if (!block)
            return { status: 'invalid' };
        cert = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCertificate */ .h)(block.bytes);
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


/***/ }),

/***/ 8264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseCertificate)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _der_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4793);
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
    const x509 = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(der);
    const tbs = (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)((0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)((0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readTlv */ .pw)(der))[0]);
    // tbsCertificate: [0] version?, serial, signature, issuer, validity, subject, spki, [1]?, [2]?, [3] ext?
    const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
    const subject = fields[4];
    const extensions = fields.slice(6).find((f) => f.tag === 0xa3);
    return {
        subject: Buffer.from(subject.raw),
        commonName: commonNameOf(subject),
        subjectKeyId: extensions ? subjectKeyIdOf(extensions) : undefined,
        notAfter: x509.validToDate,
        publicKey: x509.publicKey,
    };
}
function commonNameOf(name) {
    let cn = '';
    for (const rdn of (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)(name)) {
        for (const attr of (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)(rdn)) {
            const [type, value] = (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)(attr);
            if (type && value && (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .oidText */ .ch)(type.content) === '2.5.4.3') {
                // BMPString is UTF-16BE; every other directory string type is (a subset of) UTF-8.
                const bmp = value.tag === 0x1e;
                cn = bmp ? Buffer.from(value.content).swap16().toString('utf16le') : value.content.toString('utf8');
            }
        }
    }
    return cn;
}
function subjectKeyIdOf(extensionsField) {
    const list = (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)(extensionsField)[0];
    for (const ext of list ? (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)(list) : []) {
        const parts = (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .children */ .Y_)(ext);
        if (parts[0] && (0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .oidText */ .ch)(parts[0].content) === '2.5.29.14') {
            const value = parts[parts.length - 1];
            return Buffer.from((0,_der_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readTlv */ .pw)(value.content).content);
        }
    }
    return undefined;
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

/***/ 148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cP: () => (/* reexport */ gostring/* decodeGoString */.cP),
  cM: () => (/* reexport */ goStruct),
  Rj: () => (/* reexport */ maandFuncs),
  QC: () => (/* reexport */ parseTemplate),
  fp: () => (/* reexport */ redactSecrets),
  XX: () => (/* binding */ render),
  UP: () => (/* binding */ renderBytes),
  cq: () => (/* reexport */ scrapeTemplateFuncs)
});

// UNUSED EXPORTS: GO_TYPE, GoFloat, GoFunc, MAX_EXEC_DEPTH, REDACTED, Template, TemplateError, encodeGoString, goFunc

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

// EXTERNAL MODULE: ./lib/template/gostring.js
var gostring = __webpack_require__(1895);
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
            return (0,gostring/* compareGoStrings */.mA)(a, b);
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

// EXTERNAL MODULE: ./lib/template/strconv.js
var strconv = __webpack_require__(9035);
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
            return n.pipe === undefined ? `{{template ${(0,strconv/* quote */.hD)(n.name)}}}` : `{{template ${(0,strconv/* quote */.hD)(n.name)} ${printPipe(n.pipe)}}}`;
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
            return (0,strconv/* trimSpace */.Pd)(n.text) === '';
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
        return s.errorf(`can't evaluate command ${(0,strconv/* quote */.hD)(print(first))}`);
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

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
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
    return { line, col: (0,gostring/* goByteLength */.f9)(before.slice(nl + 1)) };
}

;// CONCATENATED MODULE: ./lib/template/number.js
// Go number literals (strconv.ParseInt/ParseUint/ParseFloat with base 0, as the template
// parser uses them) and float formatting (strconv.FormatFloat for 'e', 'f', 'g').


const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
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
    return v < INT64_MIN || v > INT64_MAX ? undefined : v;
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
        throw new Error(`complex numbers are not supported: ${(0,strconv/* quote */.hD)(text)}`);
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
                throw new Error(`integer overflow: ${(0,strconv/* quote */.hD)(text)}`);
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
        throw new Error(`illegal number syntax: ${(0,strconv/* quote */.hD)(text)}`);
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
        const fill = this.padding(this.wid - (0,strconv/* runeCount */.aM)(s));
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
                return this.pad((0,strconv/* quoteRune */.Zx)(toRune(v), this.plus));
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
        if (this.sharp && u <= 0x10ffffn && (0,strconv/* isPrint */.Oi)(Number(u)))
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
        if (this.sharp && (0,strconv/* canBackquote */.yR)(s))
            this.pad('`' + s + '`');
        else
            this.pad(this.plus ? (0,strconv/* quoteASCII */.UU)(s) : (0,strconv/* quote */.hD)(s));
    }
    fmtSx(s, upper) {
        let bytes = (0,gostring/* encodeGoString */.gN)(s);
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
        s.errorf(`${(0,strconv/* quote */.hD)(tpl.name)} is an incomplete or empty template`);
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
        const at = `template: ${template}:${line}:${col}: executing ${(0,strconv/* quote */.hD)(this.name)} at <${print(this.node)}>`;
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
            this.errorf(`template ${(0,strconv/* quote */.hD)(t.name)} not defined`);
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
        return found ?? this.errorf(`${(0,strconv/* quote */.hD)(name)} is not a defined function`);
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
    return (ns) => [...kv.keys(ns)].sort(gostring/* compareGoStrings */.mA);
}
/** strings.Split: an empty separator splits into characters; "" splits into [""]. */
function split(s, sep) {
    if (sep === '')
        return Array.from(s); // a raw byte is one element, as in Go
    if (!(0,gostring/* hasRawBytes */.Cb)(s) && !(0,gostring/* hasRawBytes */.Cb)(sep))
        return s.split(sep);
    // A raw byte may match inside a character: split the bytes (latin1 maps byte to char 1:1).
    const bin = (x) => (0,gostring/* encodeGoString */.gN)(x).toString('latin1');
    return bin(s).split(bin(sep)).map((p) => (0,gostring/* decodeGoString */.cP)(Buffer.from(p, 'latin1')));
}
/** strings.Join (a loop: faster than Array.prototype.join on short lists). */
function join(list, sep) {
    let out = list.length > 0 ? list[0] : '';
    for (let i = 1; i < list.length; i++)
        out += sep + list[i];
    return (0,gostring/* canonicalGoString */.Cn)(out); // raw bytes may join into a character
}
/** Go's simple (one rune to one rune) case mapping, as strings.ToUpper/ToLower use. */
function mapCase(s, f) {
    if (/^[\x00-\x7f]*$/.test(s))
        return f(s);
    let out = '';
    for (const ch of s) {
        if ((0,gostring/* rawByte */.Pe)(ch.codePointAt(0)) !== undefined) {
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
        join: goFunc(['strings', 'string'], join),
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
        trim: goFunc(['string'], strconv/* trimSpace */.Pd),
        ...arithmetic(),
        min: goFunc(['int', 'int'], arith.min),
        max: goFunc(['int', 'int'], arith.max),
        int: goFunc(['any'], (v) => {
            if (isInt(v))
                return v;
            if (typeof v === 'string')
                return (0,strconv/* atoi */.e0)((0,strconv/* trimSpace */.Pd)(v));
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
                return (0,strconv/* atoi */.e0)(v);
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
    print: new GoFunc([], (args) => (0,gostring/* canonicalGoString */.Cn)(sprint(args)), 'any'),
    printf: new GoFunc(['string'], (args) => (0,gostring/* canonicalGoString */.Cn)(sprintf(args[0], args, 1)), 'any'),
    println: new GoFunc([], (args) => (0,gostring/* canonicalGoString */.Cn)(sprintln(args)), 'any'),
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
            return (0,gostring/* goByteLength */.f9)(v);
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
                const bytes = (0,gostring/* encodeGoString */.gN)(v);
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
        bytes = (0,gostring/* encodeGoString */.gN)(item);
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
        return (0,gostring/* decodeGoString */.cP)(bytes.subarray(idx[0], idx[1]));
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
            truth = (0,gostring/* compareGoStrings */.mA)(a, b) === 0;
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
            return (0,gostring/* compareGoStrings */.mA)(a, b) < 0; // bytewise, as Go
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
        else if ((0,gostring/* rawByte */.Pe)(cp) !== undefined)
            out += ch; // Go decodes it as U+FFFD, printable: the byte stays
        else if (cp < 0x20)
            out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
        else if (cp >= 0x80 && !(0,strconv/* isPrint */.Oi)(cp))
            out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
        else
            out += ch;
    }
    return out;
}
/** net/url.QueryEscape */
function queryEscape(s) {
    let out = '';
    for (const b of (0,gostring/* encodeGoString */.gN)(s)) {
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
        return `${(0,strconv/* quote */.hD)(chars.slice(0, 10).join(''))}...`;
    return (0,strconv/* quote */.hD)(i.val);
}
const LEFT = '{{';
const RIGHT = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM = '-';
const EOF = -1;
function isSpace(r) {
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
    return s[i] === TRIM && i + 1 < s.length && isSpace(s.charCodeAt(i + 1));
}
function hasRightTrimMarker(s, i) {
    return i + 1 < s.length && isSpace(s.charCodeAt(i)) && s[i + 1] === TRIM;
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
        if (isSpace(r))
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
    if ((0,gostring/* rawByte */.Pe)(r) !== undefined)
        r = 0xfffd; // Go decodes an invalid byte as utf8.RuneError
    const hex = r.toString(16).toUpperCase().padStart(4, '0');
    return (0,strconv/* isPrint */.Oi)(r) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}
function rightTrimLength(s, end, start) {
    let i = end;
    while (i > start && isSpace(s.charCodeAt(i - 1)))
        i--;
    return end - i;
}
function leftTrimLength(s, from) {
    let i = from;
    while (i < s.length && isSpace(s.charCodeAt(i)))
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
        case isSpace(r):
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
    while (isSpace(l.peek())) {
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
        return l.errorf(`bad number syntax: ${(0,strconv/* quote */.hD)(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 0x2b || sign === 0x2d) {
        // Complex: 1+2i. No spaces, must end in 'i'.
        if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') {
            return l.errorf(`bad number syntax: ${(0,strconv/* quote */.hD)(l.input.slice(l.start, l.pos))}`);
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
            this.errorf(`template: multiple definition of template ${(0,strconv/* quote */.hD)(this.name)}`);
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
            return (0,strconv/* unquote */._n)(lit);
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
                return this.errorf(`unexpected . after term ${(0,strconv/* quote */.hD)(print(node))}`);
            default:
                return chain;
        }
    }
    term() {
        const token = this.nextNonSpace();
        switch (token.typ) {
            case 'identifier':
                if (!this.hasFunction(token.val))
                    this.errorf(`function ${(0,strconv/* quote */.hD)(token.val)} not defined`);
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
                r = (0,strconv/* unquoteChar */.yj)(token.val, 1, "'");
            }
            catch (e) {
                return this.errorf(e.message);
            }
            if (token.val.slice(r.next) !== "'")
                this.errorf(`malformed character constant: ${token.val}`);
            return { ...base, isInt: true, isUint: true, isFloat: true, int: r.value, uint: BigInt(r.value), float: r.value };
        }
        if (token.typ === 'complex')
            this.errorf(`complex numbers are not supported: ${(0,strconv/* quote */.hD)(token.val)}`);
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
            this.errorf(`undefined variable ${(0,strconv/* quote */.hD)(v.ident[0])}`);
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
            fail(`function name ${(0,strconv/* quote */.hD)(fname)} is not a valid identifier`);
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
        for (const q of [(0,strconv/* quote */.hD)(s), (0,strconv/* quoteASCII */.UU)(s)]) {
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
    return (0,gostring/* canonicalGoString */.Cn)(execute(tpl, data));
}
/** The output as the bytes Go writes: a raw byte is written as itself. */
function renderBytes(tpl, data) {
    return (0,gostring/* encodeGoString */.gN)(execute(tpl, data));
}


/***/ })

};
