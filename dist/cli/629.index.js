export const id = 629;
export const ids = [629];
export const modules = {

/***/ 629:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/build/index.js + 31 modules
var build = __webpack_require__(831);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(788);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(167);
// EXTERNAL MODULE: ./lib/kv/index.js + 12 modules
var lib_kv = __webpack_require__(787);
;// CONCATENATED MODULE: ./lib/deploy/commands.js
// Remote command lines deploy sends to workers (deploy spec §18.2), as pure builders.
function bucketDir(bucketId) {
    return `/opt/worker/${bucketId}`;
}
function jobDir(bucketId, job) {
    return `${bucketDir(bucketId)}/jobs/${job}`;
}
/** Single-quote for bash. */
function shq(s) {
    return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
function runnerCommand(bucketId, target, job) {
    return `python3 ${bucketDir(bucketId)}/bin/runner.py ${shq(bucketId)} ${shq(target)} --jobs ${shq(job)}`;
}
/** Removes a removed job's deployed files on a worker, keeping data/ and logs/ (§6.1, Q19). */
function cleanupJobCommand(bucketId, job) {
    const d = JSON.stringify(jobDir(bucketId, job));
    return `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi`;
}
function removeBucketCommand(bucketId) {
    return `rm -rf ${bucketDir(bucketId)}`;
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
function parseMissing(output) {
    for (const line of output.split('\n')) {
        const t = line.trim();
        if (t.startsWith('missing:'))
            return t.slice('missing:'.length).trim().split(/\s+/).filter(Boolean);
    }
    return undefined;
}
/** Rsync merge-filter rules: only this job's tree, never .tpl sources (§11.3). */
function rsyncFilter(jobs) {
    return `${jobs.map((j) => `+ jobs/${j}/\n`).join('')}- jobs/*\n- jobs/**/*.tpl\n`;
}

// EXTERNAL MODULE: ./lib/template/index.js + 15 modules
var template = __webpack_require__(109);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(136);
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

// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(495);
;// CONCATENATED MODULE: ./lib/deploy/template-kv.js
// The KV view a job's templates get: only the allocation's readable namespaces (kv spec §1.12),
// secrets decrypted; a forbidden namespace is an error naming it.

function templateKv(kv, job, allowed) {
    const allowedSet = new Set(allowed);
    const check = (ns) => {
        if (!(0,lib_kv/* canRead */.Tt)(allowedSet, ns))
            throw (0,lib_kv/* namespaceNotAvailable */.eq)(ns, job);
    };
    return {
        get(ns, key) {
            check(ns);
            const v = kv.tryGet(ns, key);
            if (v === undefined)
                return undefined;
            return (0,lib_kv/* isSecretNamespace */.QZ)(ns) ? kv.getSecret(ns, key) : v;
        },
        keys(ns) {
            check(ns);
            return kv.keys(ns);
        },
    };
}

;// CONCATENATED MODULE: ./lib/deploy/staging.js
// Staging a job tree for one allocation (deploy spec §8): catalog files, client libraries, rendered
// .tpl files and certificates, under tmp/stage/<ip>/jobs/<job>/ — the rsync source and the hashed tree.
// Hook workspaces live elsewhere (tmp/workers/…), so hooks never change the plan hash (decision Q12).









function stageRoot(bucketRoot, ip) {
    return (0,external_node_path_.join)(bucketRoot, 'tmp', 'stage', ip);
}
/** Writes the job tree for one allocation and returns its directory. Throws MaandError naming the file. */
function stageJob(db, kv, bucketRoot, ctx) {
    const dest = (0,external_node_path_.join)(stageRoot(bucketRoot, ctx.workerIp), 'jobs');
    const jobRoot = (0,external_node_path_.join)(dest, ctx.job);
    (0,external_node_fs_.mkdirSync)(jobRoot, { recursive: true });
    const rows = db
        .prepare('SELECT f.path AS path, f.content AS content, f.isdir AS isdir FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? ORDER BY f.isdir DESC, f.path')
        .all(ctx.job);
    for (const r of rows) {
        if (r.path.includes('/_prometheus/') || r.path.endsWith('/_prometheus'))
            continue;
        const p = (0,external_node_path_.join)(dest, r.path);
        if (r.isdir)
            (0,external_node_fs_.mkdirSync)(p, { recursive: true, mode: 0o755 });
        else {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(p), { recursive: true });
            (0,external_node_fs_.writeFileSync)(p, r.content ?? new Uint8Array(0), { mode: 0o755 });
        }
    }
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(jobRoot, '_modules'))) {
        for (const lib of ['maand.py', 'maand.ts'])
            (0,external_node_fs_.copyFileSync)(assetPath(lib), (0,external_node_path_.join)(jobRoot, '_modules', lib));
    }
    renderTemplates(kv, jobRoot, ctx);
    writeCerts(db, kv, jobRoot, ctx);
    return jobRoot;
}
function listTemplates(root, rel = '') {
    const out = [];
    for (const ent of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, rel), { withFileTypes: true }).sort((a, b) => (0,go_json/* byteCompare */.U6)(a.name, b.name))) {
        const childRel = rel === '' ? ent.name : `${rel}/${ent.name}`;
        if (ent.isDirectory())
            out.push(...listTemplates(root, childRel));
        else if (ent.name.endsWith('.tpl'))
            out.push(childRel);
    }
    return out;
}
function renderTemplates(kv, jobRoot, ctx) {
    const templates = listTemplates(jobRoot);
    if (templates.length === 0)
        return;
    const funcs = (0,template/* maandFuncs */.Rj)({ job: ctx.job, kv: templateKv(kv, ctx.job, ctx.readable) });
    const data = {
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
        WorkerData: { BucketID: ctx.bucketId, WorkerID: ctx.workerId, WorkerIP: ctx.workerIp, Labels: [...ctx.labels].sort(), UpdateSeq: ctx.updateSeq },
    };
    for (const rel of templates) {
        const text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(jobRoot, rel), 'utf8');
        let tpl;
        try {
            tpl = (0,template/* parseTemplate */.QC)('template', text, funcs);
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: parse template ${rel}: ${e.message}`);
        }
        let out;
        try {
            out = (0,template/* render */.XX)(tpl, data);
        }
        catch (e) {
            const msg = e instanceof template/* TemplateError */.$w || e instanceof Error ? e.message : String(e);
            throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: execute template ${rel}: ${msg}`);
        }
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(jobRoot, rel.slice(0, -'.tpl'.length)), out, { mode: 0o644 });
    }
}
function writeCerts(db, kv, jobRoot, ctx) {
    const certsDir = (0,external_node_path_.join)(jobRoot, 'certs');
    (0,external_node_fs_.mkdirSync)(certsDir, { recursive: true, mode: 0o755 });
    const names = db.prepare('SELECT c.name AS name FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(ctx.job).map((r) => r.name);
    const ns = (0,lib_kv/* allocationNamespace */.QE)(ctx.job, ctx.workerIp);
    for (const name of names) {
        for (const [ext, mode] of [['crt', 0o644], ['key', 0o600]]) {
            const v = kv.tryGet(ns, `certs/${name}.${ext}`);
            if (v === undefined)
                throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: certificate ${name}.${ext} is missing in KV ${ns} (run maand build)`);
            const file = (0,external_node_path_.join)(certsDir, `${name}.${ext}`);
            (0,external_node_fs_.writeFileSync)(file, v, { mode });
            (0,external_node_fs_.chmodSync)(file, mode);
        }
    }
    const ca = kv.tryGet('maand/worker', 'certs/ca.crt');
    if (ca === undefined)
        throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job}: the bucket CA is missing in KV maand/worker certs/ca.crt (run maand build)`);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(certsDir, 'ca.crt'), ca, { mode: 0o644 });
}

;// CONCATENATED MODULE: ./lib/deploy/worker-files.js
// Bucket-level files every touched worker receives (deploy spec §7.2, §21): worker.json, jobs.json and
// bin/runner.py, bin/worker.py, written into the worker's staging dir before an rsync.



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
    for (const f of ['runner.py', 'worker.py'])
        (0,external_node_fs_.copyFileSync)(assetPath(f), (0,external_node_path_.join)(stageDir, 'bin', f));
}

;// CONCATENATED MODULE: ./lib/deploy/context.js
// Everything one deploy run shares: catalog, KV session, workers, remote access, hooks, results.





class DeployContext {
    paths;
    db;
    kv;
    bucketId;
    updateSeq;
    updateSeqBumped = false;
    workers;
    flags;
    remote;
    hooks;
    health;
    result;
    signal;
    emitFn;
    ready = new Map();
    /** Workers whose bucket-level files were sent in this run. */
    refreshed = new Set();
    constructor(init) {
        this.paths = init.paths;
        this.db = init.db;
        this.kv = init.kv;
        this.bucketId = init.bucketId;
        this.updateSeq = init.updateSeq;
        this.workers = new Map(init.workers.map((w) => [w.ip, w]));
        this.flags = init.flags;
        this.remote = init.remote;
        this.hooks = init.hooks;
        this.health = init.health;
        this.result = init.result;
        this.signal = init.signal;
        this.emitFn = init.emit;
    }
    emit(e) {
        this.emitFn(e);
    }
    get cancelled() {
        return this.signal?.aborted ?? false;
    }
    /** Writes pending KV and `fn`'s catalog changes in one committed transaction (a checkpoint, Q6). */
    checkpoint(fn) {
        if (this.flags.dryRun)
            return;
        this.db.exec('BEGIN IMMEDIATE');
        try {
            fn?.();
            this.kv.persist(this.db);
            this.db.exec('COMMIT');
        }
        catch (e) {
            if (this.db.isTransaction)
                this.db.exec('ROLLBACK');
            throw e;
        }
    }
    output(job, worker) {
        return (stream, text) => this.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text });
    }
    /**
     * First contact with a worker in this run: prerequisites + bucket dir. Memoized; returns an error
     * text when the worker cannot be used (so only the jobs placed on it fail, decision Q4).
     */
    ensureWorker(ip, useSudo) {
        let p = this.ready.get(ip);
        if (!p) {
            p = (async () => {
                const script = `${prerequisiteScript(useSudo)}\nmkdir -p ${bucketDir(this.bucketId)}`;
                const r = await this.remote.run(ip, script);
                if (r.exitCode === 0)
                    return undefined;
                const missing = parseMissing(`${r.stdout}\n${r.stderr}`);
                if (missing)
                    return `worker ${ip} missing prerequisites: ${missing.join(', ')} (install them on the worker, then run maand deploy again)`;
                return r.message ?? remoteFailure(ip, r.exitCode, r.stderr || r.stdout);
            })();
            this.ready.set(ip, p);
        }
        return p;
    }
    /** Worker-level files for one worker, staged under tmp/stage/<ip>/. */
    writeWorkerFiles(ip) {
        const w = this.workers.get(ip);
        if (!w)
            return;
        const jobs = this.db.prepare('SELECT job, disabled FROM allocations WHERE worker_ip = ? AND removed = 0 ORDER BY job').all(ip);
        const data = { bucketId: this.bucketId, workerId: w.workerId, workerIp: ip, labels: w.labels, updateSeq: this.updateSeq, jobs };
        const dir = stageRoot(this.paths.root, ip);
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        writeWorkerFiles(dir, data);
    }
    /** rsync the staged tree of `jobs` (none: bucket-level files only) to one worker. */
    async rsyncTo(ip, jobs) {
        this.writeWorkerFiles(ip);
        const filter = (0,external_node_path_.join)(this.paths.tmpDir, 'filters', `${ip}-${jobs.join('_') || 'bucket'}.rsync`);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.paths.tmpDir, 'filters'), { recursive: true });
        (0,external_node_fs_.writeFileSync)(filter, rsyncFilter(jobs));
        const r = await this.remote.rsync(ip, stageRoot(this.paths.root, ip), bucketDir(this.bucketId), filter, { onLine: this.output(jobs.join(','), ip) });
        if (r.exitCode !== 0)
            return r.message ?? `worker ${ip}: rsync failed (exit ${r.exitCode}): ${tail(r.stderr || r.stdout)}`;
        this.refreshed.add(ip);
        return undefined;
    }
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
        return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
    return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}

;// CONCATENATED MODULE: ./lib/deploy/glob-match.js
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
;// CONCATENATED MODULE: ./lib/deploy/tree-hash.js
// The plan hash of a staged job tree (deploy spec §9.2-9.3): md5 of the concatenated md5 hex digests
// of every file, in byte-wise path order, plus the per-file manifest {path: md5}.




function hashTree(dir) {
    const rels = [];
    const walk = (rel) => {
        for (const ent of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, rel), { withFileTypes: true })) {
            const childRel = rel === '' ? ent.name : `${rel}/${ent.name}`;
            if (childRel.includes('__pycache__'))
                continue;
            if (ent.isDirectory())
                walk(childRel);
            else
                rels.push(childRel);
        }
    };
    walk('');
    rels.sort(go_json/* byteCompare */.U6);
    const files = {};
    const digests = [];
    for (const rel of rels) {
        const d = (0,external_node_crypto_.createHash)('md5').update((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, rel))).digest('hex');
        digests.push(d);
        files[rel] = d;
    }
    return { hash: (0,external_node_crypto_.createHash)('md5').update(digests.join('')).digest('hex'), files, filesJson: (0,go_json/* goJson */.Pl)(files) };
}
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

// EXTERNAL MODULE: ./lib/deploy/state.js
var state = __webpack_require__(626);
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
        if (!(0,state/* isActive */.$m)(a)) {
            plans.push({ ...base, action: (0,state/* wasDeployed */.wZ)(a) ? 'stop' : 'skip', reason: (0,state/* wasDeployed */.wZ)(a) ? 'disabled, still running' : 'disabled' });
            continue;
        }
        if (!(0,state/* wasDeployed */.wZ)(a)) {
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

;// CONCATENATED MODULE: ./lib/deploy/reconcile.js
// Reconcile (seed S4, deploy spec §6 with decisions Q9, Q10): stop removed/disabled allocations that
// still run, run after_allocation_stopped, clean removed job files (keeping data/ and logs/), purge the
// KV of fully removed jobs, then health-check jobs that lost a running allocation. Failures are recorded
// per job (Q10) and the deploy goes on.







async function reconcile(ctx, conf) {
    const failures = new Map();
    const all = (0,state/* allAllocations */.hR)(ctx.db);
    const stopped = all.filter((a) => a.removed || a.disabled);
    if (stopped.length === 0)
        return failures;
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    const lostRunning = new Set();
    const offCatalog = new Set();
    const record = (r) => {
        ctx.result.reconcile.push(r);
        ctx.emit({ type: 'reconcile', result: r });
        if (r.outcome === 'failed' && r.error && !failures.has(r.job))
            failures.set(r.job, r.error);
    };
    for (const a of stopped) {
        const running = (0,state/* wasDeployed */.wZ)(a);
        const assumeDead = a.removed && !ctx.workers.has(a.workerIp);
        if (running) {
            lostRunning.add(a.job);
            const err = await stopAllocation(ctx, a, useSudo);
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
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job}: ${hook.error}` });
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
                (0,state/* deleteHash */.mD)(ctx.db, a.job, a.allocId);
            else if (running)
                (0,state/* markStopped */.fP)(ctx.db, a.job, a.allocId);
        });
    }
    for (const ip of [...offCatalog].sort()) {
        const r = await ctx.remote.run(ip, removeBucketCommand(ctx.bucketId), { onLine: ctx.output(undefined, ip) });
        if (r.exitCode === 0)
            record({ job: '', workerIp: ip, action: 'remove-bucket', outcome: 'ok' });
        else
            ctx.emit({ type: 'warning', message: `removed worker ${ip} unreachable, assuming dead: ${failureText(ip, r)}` });
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.paths.tmpDir, 'stage', ip), { recursive: true, force: true });
    }
    purgeRemovedJobs(ctx, all, stopped);
    for (const job of [...lostRunning].sort()) {
        if (failures.has(job) || !all.some((a) => a.job === job && (0,state/* isActive */.$m)(a)))
            continue;
        const h = await ctx.health.check(job);
        if (!h.ok)
            failures.set(job, `job ${job}: health check after stopping allocations failed: ${h.error ?? ''}`);
    }
    return failures;
}
async function stopAllocation(ctx, a, useSudo) {
    if (ctx.workers.has(a.workerIp)) {
        const notReady = await ctx.ensureWorker(a.workerIp, useSudo);
        if (notReady)
            return notReady;
    }
    const r = await ctx.remote.run(a.workerIp, runnerCommand(ctx.bucketId, 'stop', a.job), { onLine: ctx.output(a.job, a.workerIp) });
    return r.exitCode === 0 ? undefined : failureText(a.workerIp, r);
}
async function cleanup(ctx, a) {
    const r = await ctx.remote.run(a.workerIp, cleanupJobCommand(ctx.bucketId, a.job), { onLine: ctx.output(a.job, a.workerIp) });
    (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.paths.tmpDir, 'stage', a.workerIp, 'jobs', a.job), { recursive: true, force: true });
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
        for (const ns of [(0,lib_kv/* jobNamespace */.xd)(job), (0,lib_kv/* bucketJobVarsNamespace */.ro)(job), (0,lib_kv/* jobVarsNamespace */.po)(job), (0,lib_kv/* jobSecretsNamespace */.WM)(job)])
            changed = (0,lib_kv/* purge */.OU)(ctx.kv, ns) || changed;
        for (const a of rows)
            changed = (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp)) || changed;
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
// Rolling one job out (deploy spec §12 with seed S2/S3 and decisions Q4, Q30, Q31): rsync to the
// allocations that need it, then per batch: lifecycle → after_allocation_started → promote (a committed
// checkpoint) → health check; then post_deploy. Unfinished work is recorded so the next deploy resumes.





class JobFailure extends Error {
    name = 'JobFailure';
}
async function rolloutJob(ctx, conf, plan, allocs) {
    const started = Date.now();
    const res = { job: plan.job, seq: plan.seq, status: 'deployed', reason: plan.reason, durationMs: 0, allocations: [] };
    ctx.emit({ type: 'job-started', job: plan.job, seq: plan.seq });
    try {
        await rollout(ctx, conf, plan, allocs, res);
    }
    catch (e) {
        res.status = 'failed';
        res.error = e instanceof JobFailure ? e.message : `job ${plan.job}: ${e.message}`;
    }
    res.durationMs = Date.now() - started;
    ctx.emit({ type: 'job-finished', result: res });
    return res;
}
async function rollout(ctx, conf, plan, allocs, res) {
    const job = plan.job;
    const fail = (msg) => {
        throw new JobFailure(`job ${job}: ${msg}`);
    };
    const info = (0,state/* jobInfo */.ec)(ctx.db, job);
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
        ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, undefined));
        return;
    }
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, 'rollout'));
    // Files first, only where something changes (Q4: only workers with an active allocation of the job).
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    const rsyncErrors = await Promise.all(work.map(async (a) => (await ctx.ensureWorker(a.workerIp, useSudo)) ?? (await ctx.rsyncTo(a.workerIp, [job]))));
    const bad = rsyncErrors.filter((e) => e !== undefined);
    if (bad.length > 0) {
        for (const a of work)
            res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
        fail(bad.join('; '));
    }
    const syncs = work.filter((a) => a.action === 'sync');
    if (syncs.length > 0) {
        ctx.checkpoint(() => syncs.forEach((a) => (0,state/* promote */.IQ)(ctx.db, job, a.allocId)));
        for (const a of syncs)
            res.allocations.push(allocResult(a, 'ok', 0));
    }
    const jobControl = (0,state/* commandsFor */.Au)(ctx.db, job, 'job_control');
    if (jobControl.length > 0 && !ctx.flags.syncOnly) {
        await jobControlPath(ctx, job, plan, active, res);
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
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, 'post_deploy'));
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, undefined));
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
        const outcomes = await Promise.all(ips.map(async (ip) => {
            const a = byIp.get(ip);
            const r = await ctx.remote.run(ip, runnerCommand(ctx.bucketId, target, job), {
                env: { CURRENT_VERSION: a.currentVersion, NEW_VERSION: a.newVersion },
                onLine: ctx.output(job, ip),
            });
            return r.exitCode === 0 ? undefined : failureText(ip, r);
        }));
        const failed = outcomes.filter((o) => o !== undefined);
        if (failed.length > 0) {
            ips.forEach((ip, i) => res.allocations.push(allocResult(plansByIp.get(ip), outcomes[i] ? 'failed' : 'ok', Date.now() - t0, outcomes[i], index)));
            throw new JobFailure(`job ${job}: ${target} batch ${index + 1}/${groups.length} failed: ${failed.join('; ')}`);
        }
        const hook = await ctx.hooks.run(job, 'after_allocation_started', ips.map((ip) => ({ allocId: byIp.get(ip).allocId, workerIp: ip })), {
            concurrency: ips.length,
            env: { BATCH_ALLOCATIONS: ips.join(','), BATCH_INDEX: String(index), BATCH_COUNT: String(groups.length), DEPLOY_PHASE: phaseName, ROLLOUT_ORDER: order.full, ROLLOUT_ORDER_SOURCE: order.source },
        });
        if (!hook.ok) {
            ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'failed', Date.now() - t0, hook.error, index)));
            throw new JobFailure(`job ${job}: ${hook.error}`);
        }
        // Promote the batch: the workers now run this tree (seed S2); committed before anything else can fail.
        ctx.checkpoint(() => ips.forEach((ip) => (0,state/* promote */.IQ)(ctx.db, job, byIp.get(ip).allocId)));
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
async function jobControlPath(ctx, job, plan, active, res) {
    const news = active.filter((a) => a.action === 'start').map((a) => a.workerIp);
    const updated = active.filter((a) => a.action === 'restart' || a.action === 'reload' || (ctx.flags.force && a.action !== 'start')).map((a) => a.workerIp);
    const t0 = Date.now();
    const hook = await ctx.hooks.run(job, 'job_control', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), {
        concurrency: Math.max(1, active.length),
        env: { NEW_ALLOCATIONS: news.join(','), UPDATED_ALLOCATIONS: updated.join(',') },
    });
    if (!hook.ok)
        throw new JobFailure(`job ${job}: ${hook.error}`);
    ctx.checkpoint(() => active.forEach((a) => (0,state/* promote */.IQ)(ctx.db, job, a.allocId)));
    for (const a of active)
        if (a.action !== 'skip' && a.action !== 'sync')
            res.allocations.push(allocResult(a, 'ok', Date.now() - t0));
    void plan;
    await healthGate(ctx, job);
}
async function postDeploy(ctx, job, active, res) {
    const hook = await ctx.hooks.run(job, 'post_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!hook.ok) {
        res.reason = 'post_deploy failed; the next deploy runs post_deploy again';
        throw new JobFailure(`job ${job}: ${hook.error}`);
    }
}

;// CONCATENATED MODULE: ./lib/deploy/engine.js
// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).
















async function deploy(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    const emit = opts.onEvent ?? (() => { });
    const t0 = Date.now();
    try {
        (0,gate/* checkSchema */._)(db);
        const flags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
        const known = new Set(db.prepare('SELECT name FROM job').all().map((r) => r.name));
        const unknown = flags.jobs.filter((j) => !known.has(j));
        if (unknown.length > 0)
            throw new errors/* MaandError */.Ob('invalid argument', `--jobs: unknown job ${unknown.join(', ')} (known: ${[...known].sort().join(', ') || 'none'}); nothing was deployed`);
        const bucket = (0,queries/* bucketRow */.P5)(db);
        const labels = (0,queries/* workerLabels */.wH)(db);
        const workers = (0,queries/* workersByPosition */.gw)(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const result = {
            dryRun: flags.dryRun, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(),
            durationMs: 0, reconcile: [], jobs: [], plans: [], failedJobs: [], errors: [], cancelled: false,
        };
        const links = await opts.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(opts.signal ? { signal: opts.signal } : {}) });
        const ctx = new DeployContext({
            paths, db, kv, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, workers, flags,
            remote: links.remote, hooks: links.hooks, health: links.health, result, emit, ...(opts.signal ? { signal: opts.signal } : {}),
        });
        try {
            await run(ctx, conf);
        }
        finally {
            await links.close();
        }
        result.updateSeq = ctx.updateSeq;
        result.updateSeqBumped = ctx.updateSeqBumped;
        result.cancelled = ctx.cancelled;
        result.durationMs = Date.now() - t0;
        return result;
    }
    finally {
        db.close();
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
    }
}
async function run(ctx, conf) {
    const failed = new Map();
    if (!ctx.flags.dryRun) {
        ctx.emit({ type: 'phase', phase: 'reconcile' });
        for (const [job, err] of await reconcile(ctx, conf))
            failed.set(job, err);
    }
    const selected = (job) => ctx.flags.jobs.length === 0 || ctx.flags.jobs.includes(job);
    for (const [seq, jobs] of [...(0,state/* waves */.Lp)(ctx.db)].sort(([a], [b]) => a - b)) {
        const wave = jobs.filter(selected);
        if (wave.length === 0)
            continue;
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const planned = [];
        for (const job of wave) {
            if (ctx.cancelled)
                break;
            const blockedBy = (0,state/* upstreamOf */.Fw)(ctx.db, job).filter((u) => failed.has(u));
            if (blockedBy.length > 0) {
                pushJob(ctx, { job, seq, status: 'blocked', reason: `upstream ${blockedBy.join(', ')} failed in this deploy`, error: `job ${job}: not deployed because upstream job ${blockedBy.join(', ')} failed`, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            const p = await planOne(ctx, job, seq);
            if ('error' in p) {
                pushJob(ctx, { job, seq, status: 'failed', reason: 'plan failed', error: p.error, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            ctx.emit({ type: 'job-planned', plan: p.plan });
            if (ctx.flags.dryRun) {
                ctx.result.plans.push(p.plan);
                continue;
            }
            if (!p.plan.needsRollout) {
                ctx.emit({ type: 'job-skipped', job, reason: p.plan.reason });
                ctx.result.jobs.push({ job, seq, status: 'unchanged', reason: p.plan.reason, durationMs: 0, allocations: [] });
                continue;
            }
            planned.push(p);
        }
        if (planned.length > 0 && !ctx.updateSeqBumped && !ctx.cancelled) {
            ctx.checkpoint(() => (ctx.updateSeq = (0,state/* bumpUpdateSeq */.VF)(ctx.db)));
            ctx.updateSeqBumped = true;
        }
        for (const { plan, allocs } of planned) {
            if (ctx.cancelled) {
                pushJob(ctx, { job: plan.job, seq, status: 'failed', reason: 'cancelled', error: `job ${plan.job}: cancelled before its rollout; run maand deploy again`, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            pushJob(ctx, await rolloutJob(ctx, conf, plan, allocs), failed);
        }
    }
    if (!ctx.flags.dryRun && ctx.updateSeqBumped)
        await finalSync(ctx, conf);
}
function pushJob(ctx, r, failed) {
    ctx.result.jobs.push(r);
    if (r.status === 'failed' || r.status === 'blocked') {
        failed.set(r.job, r.error ?? `job ${r.job} failed`);
        if (!ctx.result.failedJobs.includes(r.job))
            ctx.result.failedJobs.push(r.job);
    }
    if (r.status === 'blocked')
        ctx.emit({ type: 'job-finished', result: r });
}
/** pre_deploy, then stage + hash every active allocation; the hashes are stored (not in dry-run). */
async function planOne(ctx, job, seq) {
    let allocs = (0,state/* jobAllocations */.pt)(ctx.db, job);
    const active = allocs.filter(state/* isActive */.$m);
    const pre = await ctx.hooks.run(job, 'pre_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!pre.ok)
        return { error: `job ${job}: ${pre.error}` };
    ctx.checkpoint();
    const info = (0,state/* jobInfo */.ec)(ctx.db, job);
    const upstream = (0,lib_kv/* upstreamJobs */.oZ)(ctx.db, job);
    const staged = new Map();
    try {
        for (const a of active) {
            const w = ctx.workers.get(a.workerIp);
            if (!w)
                continue;
            const dir = stageJob(ctx.db, ctx.kv, ctx.paths.root, {
                allocId: a.allocId, job, workerIp: a.workerIp, workerId: w.workerId, labels: w.labels, bucketId: ctx.bucketId, updateSeq: ctx.updateSeq,
                currentVersion: a.currentVersion, newVersion: a.newVersion, readable: (0,lib_kv/* namespacesForAllocation */.GD)({ job, workerIp: a.workerIp, upstreamJobs: upstream }),
            });
            staged.set(a.allocId, hashTree(dir));
        }
    }
    catch (e) {
        return { error: e.message };
    }
    if (!ctx.flags.dryRun) {
        ctx.checkpoint(() => {
            for (const a of active) {
                const h = staged.get(a.allocId);
                if (h)
                    (0,state/* storeHash */.YE)(ctx.db, job, a.allocId, h.hash, h.filesJson);
                ctx.kv.put((0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp), 'version', a.newVersion);
            }
        });
        allocs = (0,state/* jobAllocations */.pt)(ctx.db, job);
    }
    const marker = ctx.flags.dryRun ? (0,state/* jobMarker */.qB)(ctx.db, job) : (0,state/* jobMarker */.qB)(ctx.db, job);
    return { plan: planJob(info, seq, allocs, staged, marker, { force: ctx.flags.force, syncOnly: ctx.flags.syncOnly }), allocs };
}
/** Q27: after an update_seq bump, every reachable worker with an active allocation gets the new worker files. */
async function finalSync(ctx, conf) {
    ctx.emit({ type: 'phase', phase: 'final-sync' });
    const ips = [...new Set(ctx.db.prepare('SELECT DISTINCT worker_ip FROM allocations WHERE removed = 0 AND disabled = 0 ORDER BY worker_ip').all().map((r) => r.worker_ip))];
    const todo = ips.filter((ip) => ctx.workers.has(ip) && !ctx.refreshed.has(ip));
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    await Promise.all(todo.map(async (ip) => {
        const err = (await ctx.ensureWorker(ip, useSudo)) ?? (await ctx.rsyncTo(ip, []));
        if (err)
            ctx.emit({ type: 'warning', message: `${err} (worker.json on ${ip} keeps the previous update_seq until the next deploy)` });
    }));
    void external_node_path_.join;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(67);
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

// EXTERNAL MODULE: ./lib/util/json-decode.js
var json_decode = __webpack_require__(100);
;// CONCATENATED MODULE: ./lib/hooks/http-io.js


/** Request bodies are tiny JSON objects; anything larger is refused. */
const MAX_BODY_BYTES = 1024 * 1024;
class HttpFailure extends Error {
    status;
    constructor(status, message) {
        super(message);
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
        const v = (0,json_decode/* field */.ZZ)(obj, name);
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
    const open = text[i];
    if (open === '{' || open === '[') {
        let depth = 0;
        let inStr = false;
        for (; i < text.length; i++) {
            const c = text[i];
            if (inStr) {
                if (c === '\\')
                    i++;
                else if (c === '"')
                    inStr = false;
            }
            else if (c === '"')
                inStr = true;
            else if (c === '{' || c === '[')
                depth++;
            else if (c === '}' || c === ']') {
                depth--;
                if (depth === 0)
                    return text.slice(start, i + 1);
            }
        }
        return text.slice(start); // truncated: JSON.parse reports it
    }
    if (open === '"') {
        for (i++; i < text.length; i++) {
            if (text[i] === '\\')
                i++;
            else if (text[i] === '"')
                return text.slice(start, i + 1);
        }
        return text.slice(start);
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
const NOT_FOUND = 'KV get operation failed';
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
    if (!(0,lib_kv/* canRead */.Tt)((0,lib_kv/* namespacesForAllocation */.GD)({ job, workerIp, upstreamJobs: (0,lib_kv/* upstreamJobs */.oZ)(deps.db, job) }), ns))
        refuse(deps, r, 'GET /kv', ns, key, 400, UNAUTHORIZED);
    const kv = deps.kv();
    let value = kv.tryGet(ns, key);
    if (value === undefined)
        throw new HttpFailure(404, NOT_FOUND);
    if ((0,lib_kv/* isSecretNamespace */.QZ)(ns)) {
        try {
            value = kv.getSecret(ns, key);
        }
        catch {
            throw new HttpFailure(500, INTERNAL);
        }
    }
    sendJson(r.res, value === '' ? { namespace: ns, key } : { namespace: ns, key, value });
};
function writer(op, secret) {
    const label = `${op === 'put' ? 'PUT' : 'DELETE'} /kv${secret ? '/secret' : ''}`;
    return (deps, r) => {
        const { namespace: ns, key, value } = kvFields(r.body, op === 'put');
        const verdict = (0,lib_kv/* canWrite */._4)({ job: r.caller.job, event: r.caller.event, ns, key, secret, op });
        if (verdict === 'forbidden-namespace')
            refuse(deps, r, label, ns, key, 400, UNAUTHORIZED);
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
            if ((0,lib_kv/* isKvError */.qb)(e, 'not-found'))
                throw new HttpFailure(404, NOT_FOUND);
            throw new HttpFailure(500, INTERNAL); // unknown namespace (reference quirk), missing kv.key
        }
        sendText(r.res, 200, '');
    };
}
const listKeys = (deps, r) => {
    const ns = decodeStruct(r.body, { namespace: 'string' }).namespace;
    const own = [(0,lib_kv/* jobSecretsNamespace */.WM)(r.caller.job), (0,lib_kv/* jobVarsNamespace */.po)(r.caller.job)]; // sorted, as Go encodes a map
    if (ns !== '' && !own.includes(ns))
        refuse(deps, r, 'GET /kv/keys', ns, '', 400, UNAUTHORIZED);
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
// 127.0.0.1 and an ephemeral port, guarded by a random per-run token, so several runs on one
// machine never collide and no other local process can use a run's API. It reads and writes the
// run's KvStore itself: a value a pre_deploy hook puts is what a later template render reads.






const MAX_REJECTIONS = 10;
async function startRuntimeApi(o) {
    const host = o.host ?? '127.0.0.1';
    const token = o.token ?? (0,external_node_crypto_.randomBytes)(32).toString('hex');
    const semaphores = new SemaphoreTable();
    const rejections = new Map();
    /** allocation id → events of its hooks running now */
    const running = new Map();
    const deps = {
        db: o.db,
        kv: typeof o.kv === 'function' ? o.kv : () => o.kv,
        semaphores,
        refuse(caller, what, message) {
            const list = rejections.get(caller.allocId) ?? [];
            if (list.length < MAX_REJECTIONS)
                list.push(`${what}: ${message}`);
            rejections.set(caller.allocId, list);
        },
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(deps, token, running, req, res).catch(() => {
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
        token,
        url: `http://${host}:${port}`,
        enterHook(allocId, event) {
            running.set(allocId, [...(running.get(allocId) ?? []), event]);
            let left = false;
            return () => {
                if (left)
                    return;
                left = true;
                const rest = running.get(allocId) ?? [];
                rest.splice(rest.indexOf(event), 1);
                if (rest.length === 0)
                    running.delete(allocId);
            };
        },
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
async function handle(deps, token, running, req, res) {
    if (!authorized(req, token))
        return sendText(res, 401, 'Unauthorized: missing or wrong runtime API token (send JOB_COMMAND_API_TOKEN as Authorization: Bearer)');
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
    let alloc;
    try {
        alloc = allocationById(deps.db, allocId);
    }
    catch {
        return sendText(res, 500, 'Internal server error');
    }
    if (alloc === undefined)
        return sendText(res, 404, 'Invalid allocation ID');
    const gone = new AbortController();
    res.on('close', () => {
        if (!res.writableFinished)
            gone.abort();
    });
    try {
        const body = route.body ? await readBody(req) : '';
        const claimed = header(req, 'event');
        const events = running.get(allocId);
        const event = events === undefined || events.includes(claimed) ? claimed : events[0];
        const caller = { allocId, job: alloc.job, workerIp: alloc.workerIp, event, command: header(req, 'command') };
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
function authorized(req, token) {
    const auth = header(req, 'authorization');
    const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : header(req, 'x-maand-token').trim();
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}

;// CONCATENATED MODULE: ./lib/deploy/health-port.js
function healthPort(ctx, remote, conf, print) {
    void remote;
    void conf;
    return {
        async check(job) {
            const row = ctx.db.prepare('SELECT health_check FROM job WHERE name = ?').get(job);
            const cmds = ctx.db.prepare("SELECT 1 FROM job_commands WHERE job = ? AND executed_on = 'health_check' LIMIT 1").get(job);
            if (!row?.health_check && !cmds) {
                print(`health check skipped: ${job} (no health_check config or commands)`);
                return { ok: true, skipped: true };
            }
            return { ok: false, error: 'health checks are being wired' };
        },
    };
}

// EXTERNAL MODULE: ./lib/util/pool.js
var pool = __webpack_require__(860);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
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
    const stored = kv.tryGet((0,lib_kv/* allocationNamespace */.QE)(job, workerIp), `${job}_allocation_index`);
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
    const env = {};
    for (const [k, v] of Object.entries(i.base ?? {}))
        if (v !== undefined)
            env[k] = v;
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
class JobCommandError extends Error {
    name = 'JobCommandError';
    kind;
    job;
    command;
    event;
    constructor(kind, where, message) {
        super(message);
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
        workspace_writeCerts(o, (0,external_node_path_.join)(modules, 'certs'));
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
function workspace_writeCerts(o, certsDir) {
    (0,external_node_fs_.mkdirSync)(certsDir, { recursive: true });
    const ns = (0,lib_kv/* allocationNamespace */.QE)(o.job, o.workerIp);
    for (const key of o.kv.keys(ns)) {
        if (!key.startsWith(lib_kv/* CERTS_KEY_PREFIX */.$x) || !safeRelative(key.slice(lib_kv/* CERTS_KEY_PREFIX */.$x.length)))
            continue;
        const target = (0,external_node_path_.join)(certsDir, key.slice(lib_kv/* CERTS_KEY_PREFIX */.$x.length));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
        (0,external_node_fs_.writeFileSync)(target, o.kv.get(ns, key));
        (0,external_node_fs_.chmodSync)(target, key.endsWith('.key') ? 0o600 : 0o644);
    }
    const ca = (0,external_node_path_.join)(certsDir, 'ca.crt');
    if ((0,external_node_fs_.existsSync)(ca))
        return;
    const pem = o.kv.tryGet(lib_kv/* WORKERS_NS */.sw, 'certs/ca.crt');
    if (pem === undefined)
        throw new JobCommandError('workspace', { job: o.job, command: o.command, event: o.event ?? '' }, `job ${o.job} command ${o.command} worker ${o.workerIp}: certs/ca.crt in ${lib_kv/* WORKERS_NS */.sw}: key not found or deleted (run maand build)`);
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
    const results = await (0,pool/* runLimited */.O)(workers.map((ip) => () => runOne(ctx, o, script, ip, modules.get(ip), rows.find((r) => r.workerIp === ip), timeoutMs)), concurrency);
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
    const text = `job ${job} command ${command} failed: ${failed.map((r) => `${r.worker}: ${r.error}`).join('; ')} (event ${event})`;
    return done(ctx, { ...base, ok: false, allocations: results, error: new JobCommandError(kind, base, text), kvReverted });
}
function done(ctx, result) {
    ctx.onProgress?.({ type: 'command-end', result });
    return result;
}
async function runOne(ctx, o, script, ip, modulesDir, row, timeoutMs) {
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
    const env = hookEnvironment({
        base: ctx.env, extra: o.extraEnv, currentVersion: versions.current, newVersion: versions.next, allocId: row.allocId,
        workerIp: ip, index, disabled: row.disabled, job, event, command, api: ctx.api,
    });
    ctx.onProgress?.({ type: 'allocation-start', job, command, event, worker: ip, script: script.file });
    const leave = ctx.api.enterHook?.(row.allocId, event);
    const outcome = await runChild({
        program: script.program, args: script.args, cwd: modulesDir, env, timeoutMs, signal: ctx.signal,
        onLine: (stream, text) => {
            tail.add(text);
            ctx.onOutput?.({ job, worker: ip, event, command, stream, text });
        },
    });
    leave?.();
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

;// CONCATENATED MODULE: ./lib/deploy/hook-port.js

function hookPort(ctx) {
    return {
        async run(job, event, allocations, opts) {
            if (allocations.length === 0)
                return { ok: true };
            const r = await runEventCommands(ctx, {
                job,
                event: event,
                workers: allocations.map((a) => a.workerIp),
                concurrency: opts.concurrency,
                ...(opts.env ? { extraEnv: opts.env } : {}),
            });
            return r.ok ? { ok: true } : { ok: false, error: r.error?.message ?? `job ${job}: ${event} hooks failed` };
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(193);
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

;// CONCATENATED MODULE: ./lib/remote/run-process.js
// Runs one local program (ssh or rsync) to completion: stdin from a string, output streamed as
// lines and kept as a capped tail, killed on timeout or abort. A failure is returned as data.



const KILL_GRACE_MS = 2000;
const run_process_PIPE_DRAIN_MS = 1000;
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
        const child = (0,external_node_child_process_.spawn)(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        let killedFor;
        let spawnError;
        let graceTimer;
        const kill = (why) => {
            if (killedFor !== undefined || child.exitCode !== null)
                return;
            killedFor = why;
            child.kill('SIGTERM');
            graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        };
        const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), opts.timeoutMs);
        const onAbort = () => kill('abort');
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const wire = (stream, source, buf) => {
            const lines = opts.onLine === undefined ? undefined : new output_LineSplitter((l) => opts.onLine(stream, l));
            source.on('data', (b) => {
                buf.push(b);
                lines?.push(b);
            });
            return lines;
        };
        const outLines = wire('stdout', child.stdout, out);
        const errLines = wire('stderr', child.stderr, err);
        child.stdin.on('error', () => { }); // the program may exit before reading all of its input
        child.on('error', (e) => (spawnError = e));
        // An ssh ControlMaster client hands its stdio to the master, so after the client is killed
        // (or in any odd case) the pipes may stay open until the remote side ends: stop waiting.
        child.on('exit', (code, signal) => {
            const wait = killedFor === undefined ? run_process_PIPE_DRAIN_MS : 0;
            setTimeout(() => {
                child.stdout.destroy();
                child.stderr.destroy();
                finish(code, signal);
            }, wait).unref();
        });
        child.on('close', (code, signal) => finish(code, signal));
        let done = false;
        const finish = (code, signal) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            clearTimeout(graceTimer);
            opts.signal?.removeEventListener('abort', onAbort);
            outLines?.end();
            errLines?.end();
            if (spawnError !== undefined) {
                err.push(Buffer.from(`${file}: ${spawnError.message}\n`));
                resolve(result(-1));
            }
            else if (killedFor !== undefined) {
                resolve(result(-1, { timedOut: killedFor === 'timeout', aborted: killedFor === 'abort' }));
            }
            else {
                resolve(result(code ?? 128 + (signal === null ? 0 : external_node_os_.constants.signals[signal])));
            }
        };
        child.stdin.end(opts.input ?? '');
    });
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
/** Options only (no destination): the `--rsh` value and the head of every ssh argv. */
function sshOptionArgs(target, opts = {}) {
    assertSafeTarget(target);
    const o = { ...DEFAULT_SSH_OPTIONS, ...opts };
    const files = target.hostKeyPolicy === 'insecure' ? ['/dev/null'] : knownHostsFiles(target);
    return [
        ...(o.configFile === undefined ? [] : ['-F', o.configFile]),
        ...['-o', `StrictHostKeyChecking=${STRICT_VALUE[target.hostKeyPolicy]}`],
        ...(files.length === 0 ? [] : ['-o', `UserKnownHostsFile=${knownHostsValue(files)}`]),
        ...['-o', 'LogLevel=ERROR'],
        ...['-o', 'BatchMode=yes'],
        ...['-o', `ConnectTimeout=${o.connectTimeoutSeconds}`],
        ...['-o', `ServerAliveInterval=${o.serverAliveIntervalSeconds}`],
        ...['-o', `ServerAliveCountMax=${o.serverAliveCountMax}`],
        ...['-o', 'IdentitiesOnly=yes'],
        ...['-o', 'ControlMaster=auto'],
        ...['-o', `ControlPath=${target.controlPath}`],
        ...['-o', `ControlPersist=${o.controlPersistSeconds}`],
        ...['-p', String(sshPort(target.port))],
        ...['-i', target.keyFile],
    ];
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

;// CONCATENATED MODULE: ./lib/remote/result.js
// What one remote operation (a worker command or an rsync) returns. A failure is data here;
// errors.ts turns it into a RemoteCommandError when the caller wants to stop.
const SSH_FAILED = 255;
function summarizeArgv(argv, max = 200) {
    const s = argv.join(' ').replace(/\s+/g, ' ').trim();
    return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
}
function result_failureOf(r) {
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
/** Argv after `rsync`, in the order of deploy.md §11.2. */
function rsyncArgs(spec) {
    const source = spec.sourceDir.endsWith('/') ? spec.sourceDir : `${spec.sourceDir}/`;
    return [
        `--timeout=${spec.timeoutSeconds ?? 30}`,
        '--inplace',
        '--whole-file',
        '--checksum',
        '--recursive',
        '--force',
        '--delete-after',
        '--delete',
        '--group',
        '--owner',
        '--executability',
        '--compress',
        '--verbose',
        ...(spec.itemize === true ? ['--itemize-changes'] : []),
        ...(spec.excludes ?? DEPLOY_EXCLUDES).map((e) => `--exclude=${e}`),
        `--rsync-path=${spec.useSudo ? 'sudo rsync' : 'rsync'}`,
        ...(spec.filterFile === undefined ? [] : [`--filter=merge ${spec.filterFile}`]),
        `--rsh=${rshValue(spec.target, spec.ssh)}`,
        source,
        rsyncDestination(spec.target, spec.remoteDir),
    ];
}
/**
 * Merge-filter file content (§11.3): sync only the named jobs' trees (besides the top-level
 * bucket files) and never touch `.tpl` files. Jobs are sorted so the file is deterministic.
 */
function mergeFilterText(jobs) {
    const lines = [...jobs].sort().map((j) => `+ jobs/${j}/`);
    if (lines.length > 0)
        lines.push('- jobs/*');
    lines.push('- jobs/**/*.tpl');
    return lines.join('\n') + '\n';
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
    return { action: ACTIONS[m[1]], path: m[3], directory: m[2] === 'd' };
}

;// CONCATENATED MODULE: ./lib/remote/script.js
// Pure builders of a worker command (deploy.md §18.2): a bash script fed to `bash -s` on ssh's
// stdin, so no command line is ever re-parsed by the remote login shell.

const DEFAULT_REMOTE_TIMEOUT_SECONDS = 300;
/** The single remote-command argument ssh sends: `timeout 300 bash -s` (sudo -E when use_sudo). */
function remoteShellCommand(opts) {
    const shell = opts.useSudo ? 'sudo -E bash -s' : 'bash -s';
    return `timeout ${opts.timeoutSeconds} ${shell}`;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BARE = /^[A-Za-z0-9_.,:/@%+=-]*$/;
/** Values the reference sent bare (IPs, versions) stay bare; anything else is single-quoted. */
function shellValue(v) {
    return BARE.test(v) ? v : `'${v.replaceAll("'", `'\\''`)}'`;
}
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
        lines.push(`export ${name}=${shellValue(value)}`);
    }
    lines.push(...commands);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./lib/remote/executor.js
// The one place that runs ssh and rsync against workers. It owns a private 0700 directory for
// ControlMaster sockets (one master per user/host/port, shared by commands and rsync), and
// close() ends every master and removes the directory.










class RemoteExecutor {
    controlDir;
    #ssh;
    #sshProgram;
    #rsyncProgram;
    #running = new Set();
    #closed = false;
    constructor(controlDir, opts) {
        this.controlDir = controlDir;
        this.#ssh = opts.ssh ?? {};
        this.#sshProgram = opts.sshProgram ?? 'ssh';
        this.#rsyncProgram = opts.rsyncProgram ?? 'rsync';
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
        return { ...worker, controlPath: (0,external_node_path_.join)(this.controlDir, '%C') };
    }
    /** Runs `script` with `bash -s` on the worker (deploy.md §18.2). */
    async runScript(worker, script, opts = {}) {
        const target = this.target(worker);
        const remote = remoteShellCommand({
            useSudo: opts.useSudo === true,
            timeoutSeconds: opts.remoteTimeoutSeconds ?? DEFAULT_REMOTE_TIMEOUT_SECONDS,
        });
        const args = sshArgs(target, remote, this.#ssh);
        const timeoutMs = opts.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_SECONDS * 1000;
        return this.#run('command', target, this.#sshProgram, args, { ...opts, timeoutMs, input: script });
    }
    /** Runs command lines under `set -e -u` with `env` exported first. */
    run(worker, commands, opts = {}) {
        return this.runScript(worker, workerScript(commands, opts.env), opts);
    }
    /** Runs rsync (deploy.md §11.2) over the worker's shared ssh connection. */
    async rsync(worker, req, opts = {}) {
        const target = this.target(worker);
        const args = rsyncArgs({ ...req, target, ssh: this.#ssh });
        return this.#run('rsync', target, this.#rsyncProgram, args, opts);
    }
    async #run(kind, target, program, args, opts) {
        if (this.#closed)
            throw new errors/* InternalError */.Gd('remote executor is closed');
        const own = new AbortController();
        const signal = opts.signal === undefined ? own.signal : AbortSignal.any([opts.signal, own.signal]);
        this.#running.add(own);
        let p;
        try {
            p = await runProcess(program, args, { ...opts, signal });
        }
        finally {
            this.#running.delete(own);
        }
        const argv = [program, ...args];
        const result = {
            ...p,
            kind,
            host: target.host.trim(),
            port: sshPort(target.port),
            argv,
            summary: summarizeArgv(argv),
            knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
            knownHostsName: knownHostsName(target),
            ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
        };
        if (p.exitCode === SSH_FAILED && !p.timedOut && !p.aborted) {
            const problem = await diagnoseHostKey(target);
            if (problem !== undefined)
                result.hostKeyProblem = problem;
        }
        return result;
    }
    /** Kills running commands, ends every ControlMaster, removes the socket directory. */
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        for (const c of this.#running)
            c.abort();
        const sockets = await (0,promises_.readdir)(this.controlDir).catch(() => []);
        await Promise.all(sockets.map((s) => runProcess(this.#sshProgram, ['-o', `ControlPath=${(0,external_node_path_.join)(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], {
            timeoutMs: 5000,
        })));
        await (0,promises_.rm)(this.controlDir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./lib/remote/errors.js
// RemoteCommandError: a worker command or rsync that failed, with a message that says what
// failed, on which worker, and what to do next. Classified by exit code and executor flags.

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
function remoteFailureMessage(r, failure) {
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
            return `${withReason(`${w} unreachable (ssh exit 255)`, stderrTail(r))}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
        case 'timeout':
            return (`${w}: ${what(r)} timed out after ${seconds(r.timeoutMs ?? 0)} s and was killed; ` +
                `check what it waits for on the worker, then run maand deploy again`);
        case 'aborted':
            return `${w}: ${what(r)} cancelled`;
        case 'exit':
            return withReason(`${w}: ${r.kind === 'rsync' ? 'rsync' : 'command execution'} failed (exit ${r.exitCode})`, stderrTail(r));
    }
}
class RemoteCommandError extends Error {
    name = 'RemoteCommandError';
    host;
    /** Argv summary (whitespace collapsed, at most 200 characters). */
    argv;
    exitCode;
    /** Last line of stderr. */
    stderrTail;
    failure;
    result;
    constructor(result, failure) {
        super(remoteFailureMessage(result, failure));
        this.host = result.host;
        this.argv = result.summary;
        this.exitCode = result.exitCode;
        this.stderrTail = stderrTail(result);
        this.failure = failure;
        this.result = result;
    }
}
/** Returns the result when it succeeded, else throws RemoteCommandError. */
function check(result) {
    const failure = failureOf(result);
    if (failure !== undefined)
        throw new RemoteCommandError(result, failure);
    return result;
}
function isRemoteCommandError(e) {
    return e instanceof RemoteCommandError;
}

;// CONCATENATED MODULE: ./lib/deploy/openssh-remote.js
// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.







async function openSshRemote(paths, conf, access) {
    const s = (0,maand_conf/* sshSettings */.OA)(conf);
    const keyFile = access.keyFile ?? (0,external_node_path_.join)(paths.secretsDir, s.keyName);
    const exec = await RemoteExecutor.create(access.tmpDir ? { tmpDir: access.tmpDir } : {});
    let keyChecked = false;
    const target = (ip) => {
        if (!keyChecked) {
            if (!(0,external_node_fs_.existsSync)(keyFile))
                throw new errors/* MaandError */.Ob('invalid argument', `ssh key ${keyFile} does not exist: put the workers' private key there (maand.conf ssh_key), then run maand deploy again`);
            if ((0,external_node_fs_.statSync)(keyFile).isDirectory())
                throw new errors/* MaandError */.Ob('invalid argument', `ssh key ${keyFile} is a directory`);
            keyChecked = true;
        }
        return {
            host: ip,
            user: s.user,
            port: s.port,
            keyFile,
            hostKeyPolicy: access.hostKeyPolicy,
            knownHostsFile: access.knownHostsFile ?? paths.knownHosts,
            ...(access.extraKnownHostsFiles ? { extraKnownHostsFiles: access.extraKnownHostsFiles } : {}),
        };
    };
    const explain = (r) => {
        const failure = result_failureOf(r);
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: remoteFailureMessage(r, failure) } : {}) };
    };
    return {
        async run(ip, script, opts = {}) {
            const r = await exec.run(target(ip), [script], {
                useSudo: s.useSudo,
                ...(opts.env ? { env: opts.env } : {}),
                ...(opts.onLine ? { onLine: opts.onLine } : {}),
                ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
            });
            return explain(r);
        },
        async rsync(ip, localDir, remoteDir, filterFile, opts = {}) {
            const r = await exec.rsync(target(ip), { sourceDir: localDir, remoteDir, filterFile, useSudo: s.useSudo }, opts.onLine ? { onLine: opts.onLine } : {});
            return explain(r);
        },
        close: () => exec.close(),
    };
}

;// CONCATENATED MODULE: ./lib/deploy/connect.js





function connectRun(o) {
    return async (run) => {
        const paths = (0,bucket_paths/* bucketPaths */.Z)(run.root);
        const remote = await openSshRemote(paths, run.conf, o.ssh);
        const api = await startRuntimeApi({ db: run.db, kv: run.kv });
        const ctx = {
            root: run.root,
            db: run.db,
            kv: run.kv,
            api,
            ...(o.hookEnv ? { env: o.hookEnv } : {}),
            onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}` }),
            ...(run.signal ? { signal: run.signal } : {}),
        };
        return {
            remote,
            hooks: hookPort(ctx),
            health: healthPort(ctx, remote, run.conf, (line) => run.emit({ type: 'output', job: undefined, stream: 'stdout', text: line })),
            close: async () => {
                await api.close();
                await remote.close();
            },
        };
    };
}

;// CONCATENATED MODULE: ./lib/report/dry-run.js
const LABEL = { start: 'start  ', restart: 'restart', reload: 'reload ', sync: 'sync   ', skip: 'skip   ', stop: 'stop   ' };
function formatDryRun(plans, failures = []) {
    if (plans.length === 0 && failures.length === 0)
        return 'deploy dry-run: no jobs matched\n';
    const required = plans.some((p) => p.needsRollout);
    const lines = [`deploy dry-run: ${required ? 'deployment required' : 'no deployment required'}`, ''];
    let seq;
    for (const p of plans) {
        if (p.seq !== seq) {
            seq = p.seq;
            lines.push(`deployment sequence ${seq}:`);
        }
        if (!p.needsRollout) {
            lines.push(`  job ${JSON.stringify(p.job)}: skip (${p.reason || 'no rollout needed'})`);
            continue;
        }
        lines.push(`  job ${JSON.stringify(p.job)}: deploy required${p.marker ? ` (${p.reason})` : ''}`);
        for (const a of p.allocations) {
            const label = LABEL[a.action] ?? a.action;
            let detail;
            if (a.action === 'start')
                detail = a.currentHash ? `current_hash=${a.currentHash}` : '(no hash row yet)';
            else if (a.action === 'skip')
                detail = `hash=${a.currentHash}`;
            else if (a.action === 'stop')
                detail = `previous_hash=${a.previousHash}`;
            else
                detail = `previous_hash=${a.previousHash} current_hash=${a.currentHash}${a.matched.length > 0 ? ` matched=${a.matched.join(',')}` : ''}`;
            lines.push(`    ${a.workerIp}  ${label} ${detail}  # ${a.reason}`);
        }
    }
    for (const f of failures)
        lines.push(`  job ${JSON.stringify(f.job)}: plan failed: ${f.error}`);
    return `${lines.join('\n')}\n`;
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
    return `${parts.join('; ')}\n`;
}

// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(908);
;// CONCATENATED MODULE: ./lib/cli/commands/deploy.js










async function deployCommand(io, opts) {
    if (opts.knownHosts && opts.insecureSkipHostKeyCheck)
        throw new errors/* MaandError */.Ob('invalid argument', '--known-hosts and --insecure-skip-host-key-check exclude each other');
    if (opts.build)
        await (0,build/* build */.j)({ root: io.cwd });
    const policy = opts.insecureSkipHostKeyCheck ? 'insecure' : opts.knownHosts ? 'strict' : 'accept-new';
    const home = io.env['HOME'] ?? (0,external_node_os_.homedir)();
    const controller = new AbortController();
    let interrupts = 0;
    const onSignal = (sig) => {
        interrupts++;
        if (interrupts === 1) {
            io.stderr.write(`\n${sig}: finishing the running batch, then stopping (send it again to stop at once)\n`);
            controller.abort(new Error(sig));
        }
        else
            process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const result = await deploy({
            root: io.cwd,
            jobs: (0,cli_io/* splitList */.r)(opts.jobs),
            dryRun: opts.dryRun,
            force: opts.force,
            syncOnly: opts.syncOnly,
            signal: controller.signal,
            onEvent: (e) => {
                if (opts.dryRun && e.type !== 'output' && e.type !== 'warning')
                    return;
                const line = formatEvent(e);
                if (line !== undefined)
                    io.stderr.write(`${line}\n`);
            },
            connect: connectRun({
                ssh: {
                    hostKeyPolicy: policy,
                    ...(opts.knownHosts ? { knownHostsFile: (0,external_node_path_.resolve)(io.cwd, opts.knownHosts) } : { extraKnownHostsFiles: [(0,external_node_path_.join)(home, '.ssh', 'known_hosts')] }),
                },
                hookEnv: io.env,
            }),
        });
        if (opts.output)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(io.cwd, opts.output), `${JSON.stringify(result, null, 2)}\n`);
        if (opts.dryRun) {
            const failures = result.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' }));
            io.stdout.write(formatDryRun(result.plans, failures));
        }
        else
            io.stdout.write(formatSummary(result));
        if (result.failedJobs.length > 0 || result.cancelled) {
            const errs = result.jobs.filter((j) => j.error).map((j) => j.error);
            const recon = result.reconcile.filter((r) => r.error).map((r) => r.error);
            throw new errors/* PartialFailureError */.ax(result.cancelled ? 'deploy cancelled' : 'deploy failed', [...recon, ...errs, ...result.errors]);
        }
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 908:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ splitList)
/* harmony export */ });
function splitList(raw) {
    if (raw === undefined)
        return [];
    return [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}


/***/ }),

/***/ 626:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ isActive),
/* harmony export */   Au: () => (/* binding */ commandsFor),
/* harmony export */   Fw: () => (/* binding */ upstreamOf),
/* harmony export */   IQ: () => (/* binding */ promote),
/* harmony export */   Lp: () => (/* binding */ waves),
/* harmony export */   VF: () => (/* binding */ bumpUpdateSeq),
/* harmony export */   Y9: () => (/* binding */ setJobMarker),
/* harmony export */   YE: () => (/* binding */ storeHash),
/* harmony export */   ec: () => (/* binding */ jobInfo),
/* harmony export */   fP: () => (/* binding */ markStopped),
/* harmony export */   hR: () => (/* binding */ allAllocations),
/* harmony export */   mD: () => (/* binding */ deleteHash),
/* harmony export */   pt: () => (/* binding */ jobAllocations),
/* harmony export */   qB: () => (/* binding */ jobMarker),
/* harmony export */   wZ: () => (/* binding */ wasDeployed)
/* harmony export */ });
/* harmony import */ var _bucket_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(910);

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
        newVersion: (0,_bucket_version_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizedVersion */ .ch)(r['new_version'] ?? ''),
        hasHashRow: r['hkey'] !== null,
        currentHash: r['current_hash'],
        previousHash: r['previous_hash'],
        currentFiles: r['current_files'],
        previousFiles: r['previous_files'],
        currentVersion: (0,_bucket_version_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizedVersion */ .ch)(r['current_version'] ?? ''),
    };
}
/** Allocations ordered by job, worker position (off-catalog workers last), then IP. */
function allAllocations(db) {
    return db.prepare(`${ALLOC_SQL} ORDER BY a.job, w.position IS NULL, w.position, a.worker_ip`).all().map(toState);
}
function jobAllocations(db, job) {
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
/** Jobs a job demands (its upstream), for "skip when an upstream failed" (Q7). */
function upstreamOf(db, job) {
    return db.prepare("SELECT DISTINCT trim(demand_job) AS up FROM job_commands WHERE job = ? AND trim(demand_job) != '' ORDER BY up").all(job).map((r) => r.up);
}
function commandsFor(db, job, event) {
    return db.prepare('SELECT DISTINCT name FROM job_commands WHERE job = ? AND executed_on = ? ORDER BY name').all(job, event).map((r) => r.name);
}
function storeHash(db, job, allocId, hash, filesJson) {
    db.prepare(`INSERT INTO hash (namespace, key, current_hash, current_files, current_version) VALUES (?, ?, ?, ?, '0.0.0')
     ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash, current_files = excluded.current_files`).run(`${job}_allocation`, allocId, hash, filesJson);
}
/** Records that the worker now runs the staged tree and the target version. */
function promote(db, job, allocId) {
    db.prepare(`UPDATE hash SET previous_hash = current_hash, previous_files = current_files,
     current_version = COALESCE((SELECT new_version FROM allocations WHERE alloc_id = ? AND job = ?), '0.0.0')
     WHERE namespace = ? AND key = ?`).run(allocId, job, `${job}_allocation`, allocId);
}
/** A disabled allocation was stopped: it no longer runs anything (decision Q9: stop once). */
function markStopped(db, job, allocId) {
    db.prepare('UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
}
function deleteHash(db, job, allocId) {
    db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?').run(`${job}_allocation`, allocId);
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


/***/ })

};
