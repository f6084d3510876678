export const id = 233;
export const ids = [233];
export const modules = {

/***/ 881:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ DeployContext)
});

// EXTERNAL MODULE: ./lib/history/store.js
var store = __webpack_require__(2185);
// EXTERNAL MODULE: ./lib/deploy/alloc-state.js
var alloc_state = __webpack_require__(4306);
;// CONCATENATED MODULE: ./lib/deploy/promote.js


function promoteStaged(db, job, allocId, deployId) {
    (0,alloc_state/* promote */.IQ)(db, job, allocId);
    if (deployId === undefined)
        return;
    const r = db
        .prepare(`SELECT a.worker_ip, h.previous_hash, h.previous_files, h.current_version FROM allocations a JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id WHERE a.job = ? AND a.alloc_id = ?`)
        .get(job, allocId);
    if (!r || !r.previous_hash)
        return;
    // unchanged bytes (a version-only restart, --force, job_control over every allocation): the release
    // it ran keeps naming them, as this run may have retained no new one there
    const before = (0,store/* releaseAt */.j8)(db, job, allocId, deployId);
    const releaseId = before && before.hash === r.previous_hash ? before.releaseId : deployId;
    (0,store/* recordRelease */.ty)(db, { deployId, job, allocId, workerIp: r.worker_ip, releaseId, hash: r.previous_hash, files: r.previous_files, version: r.current_version ?? '0.0.0' });
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


/***/ }),

/***/ 1291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ checkJobSelection),
  g: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/kv/index.js + 11 modules
var lib_kv = __webpack_require__(2762);
// EXTERNAL MODULE: ./lib/run/lifecycle.js + 2 modules
var lifecycle = __webpack_require__(939);
// EXTERNAL MODULE: ./lib/deploy/context.js + 1 modules
var context = __webpack_require__(881);
// EXTERNAL MODULE: ./lib/deploy/lifecycle.js
var deploy_lifecycle = __webpack_require__(3380);
// EXTERNAL MODULE: ./lib/deploy/alloc-state.js
var alloc_state = __webpack_require__(4306);
// EXTERNAL MODULE: ./lib/deploy/tree-hash.js
var tree_hash = __webpack_require__(8240);
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
        if (!(0,alloc_state/* isActive */.$m)(a)) {
            plans.push({ ...base, action: (0,alloc_state/* wasDeployed */.wZ)(a) ? 'stop' : 'skip', reason: (0,alloc_state/* wasDeployed */.wZ)(a) ? 'disabled, still running' : 'disabled' });
            continue;
        }
        if (!(0,alloc_state/* wasDeployed */.wZ)(a)) {
            plans.push({ ...base, action: 'start', reason: a.hasHashRow ? 'not started yet' : 'new allocation' });
            continue;
        }
        const hashChanged = base.previousHash !== base.currentHash;
        const versionPending = a.currentVersion !== a.newVersion;
        if (!hashChanged && !flags.force && !versionPending) {
            plans.push({ ...base, action: 'skip', reason: 'up to date' });
            continue;
        }
        const d = (0,deploy_lifecycle/* decideLifecycle */.N)({
            policy: job.restartPolicy,
            globs: job.restartGlobs,
            syncOnly: flags.syncOnly,
            hashChanged,
            versionOnly: !hashChanged && versionPending,
            previousFiles: (0,tree_hash/* parseFilesJson */.x)(a.previousFiles),
            currentFiles: current?.files ?? (0,tree_hash/* parseFilesJson */.x)(a.currentFiles),
        });
        const why = hashChanged ? d.reason : versionPending ? `version ${a.currentVersion} → ${a.newVersion}` : '--force';
        plans.push({ ...base, action: d.action, matched: d.matched, reason: d.action === 'sync' && !flags.syncOnly ? `${why}; restart_policy never` : why });
    }
    const work = plans.some((p) => p.action !== 'skip') || marker !== undefined;
    const reason = plans.length === 0 ? 'no allocations' : marker ? `unfinished ${marker === 'post_deploy' ? 'post_deploy' : 'rollout'} from an earlier deploy` : work ? '' : 'already promoted on all allocations';
    return { job: job.name, seq, needsRollout: work, reason, marker, allocations: plans };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./lib/build/prometheus.js
var prometheus = __webpack_require__(8050);
// EXTERNAL MODULE: ./lib/deploy/job-tree.js
var job_tree = __webpack_require__(8277);
// EXTERNAL MODULE: ./node_modules/markdown-it/dist/markdown-it.mjs + 12 modules
var markdown_it = __webpack_require__(5251);
// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(6495);
// EXTERNAL MODULE: ./lib/util/glob-match.js
var glob_match = __webpack_require__(2332);
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
    return path.length > 0 && (0,glob_match/* pathMatch */.z2)(head, path[0]) && matchSegments(rest, path.slice(1));
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
        if (rule.baseName ? (0,glob_match/* pathMatch */.z2)(rule.segments[0], candidate[k - 1]) : matchSegments(rule.segments, candidate))
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
        (0,job_tree/* putFile */.UN)(tree, `consoles/runbooks/${job}/${slug}.html`, page(title, '../style.css', `${RUNBOOK_NAV}<main>\n${html}</main>\n`), 0o644);
        entries.push({ job, path: `${slug}.html`, text: title === slug ? slug : `${slug}: ${title}` });
    }
    (0,job_tree/* putFile */.UN)(tree, 'consoles/runbooks/style.css', CONSOLE_CSS, 0o644);
    (0,job_tree/* putFile */.UN)(tree, 'consoles/runbooks/index.html', indexPage('Runbooks', entries), 0o644);
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
            (0,job_tree/* putFile */.UN)(tree, `consoles/dashboards/${f.job}/${f.rel}`, f.content, 0o644);
    }
    const entries = [];
    for (const [job, jobFiles] of byJob)
        for (const rel of listedDashboards(jobFiles))
            entries.push({ job, path: rel, text: rel });
    (0,job_tree/* putFile */.UN)(tree, 'consoles/dashboards/style.css', CONSOLE_CSS, 0o644);
    (0,job_tree/* putFile */.UN)(tree, 'consoles/dashboards/index.html', indexPage('Dashboards', entries), 0o644);
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
                const name = (0,prometheus/* resolvePortName */.x)(job, portRef, new Set(portMap.keys()));
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
    (0,job_tree/* putFile */.UN)(tree, 'rules/maand/certs.yaml', CERT_RULES, 0o644);
    let base;
    const lazyBase = (where) => (base ??= runbookBase(db, workerIp, where));
    for (const a of alertFiles(db))
        (0,job_tree/* putFile */.UN)(tree, `rules/${a.job}/${a.path.slice(a.path.lastIndexOf('/') + 1)}`, withRunbookUrls(a, lazyBase) ?? a.content, 0o644);
    prometheusConsoles(db, tree);
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

// EXTERNAL MODULE: ./lib/certs/inspect.js
var inspect = __webpack_require__(9783);
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
            if (!key.startsWith(lib_kv/* CERTS_KEY_PREFIX */.$x) || !key.endsWith('.crt'))
                continue;
            const cert = key.slice(lib_kv/* CERTS_KEY_PREFIX */.$x.length, -'.crt'.length);
            out.push(metric('job', m[1], m[2], cert, kv.get(ns, key), renewalBufferDays, now));
        }
    }
    return out;
}
function metric(scope, job, worker, cert, pem, bufferDays, now) {
    const s = (0,inspect/* certStatus */.xC)(pem, bufferDays, now);
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
    const ns = (0,lib_kv/* jobSecretsNamespace */.WM)(PROMETHEUS_JOB);
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/snappyjs/index.js
var snappyjs = __webpack_require__(4528);
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
const DEFAULT_ATTEMPTS = 5;
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
    const attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
    const sleep = opts.sleep ?? ((ms, signal) => (0,promises_.setTimeout)(ms, undefined, signal ? { signal } : {}));
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

// EXTERNAL MODULE: ./lib/deploy/causes.js
var causes = __webpack_require__(1147);
// EXTERNAL MODULE: ./lib/deploy/commands.js
var commands = __webpack_require__(6477);
// EXTERNAL MODULE: ./lib/deploy/worker-link.js
var worker_link = __webpack_require__(466);
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
    for (const a of (0,alloc_state/* allAllocations */.hR)(ctx.db).filter((x) => (x.removed || x.disabled) && (0,alloc_state/* wasDeployed */.wZ)(x))) {
        planned.push({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'planned' });
        if (a.removed)
            planned.push({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'planned' });
    }
    return planned;
}
async function reconcile(ctx) {
    const failures = new Map();
    const all = (0,alloc_state/* allAllocations */.hR)(ctx.db);
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
    if (stopped.some(alloc_state/* wasDeployed */.wZ))
        await ctx.link.requireTransport();
    for (const a of stopped) {
        const running = (0,alloc_state/* wasDeployed */.wZ)(a);
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
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: (0,causes/* jobCause */.hP)(a.job, hook.error) });
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
                (0,alloc_state/* deleteHash */.mD)(ctx.db, a.job, a.allocId);
            else if (running)
                (0,alloc_state/* markStopped */.fP)(ctx.db, a.job, a.allocId);
        });
    }
    for (const ip of [...offCatalog].sort()) {
        const r = await ctx.link.run(ip, (0,commands/* removeBucketCommand */.eG)(ctx.bucketId), { onLine: ctx.link.output(undefined, ip) });
        if (r.exitCode === 0)
            record({ job: '', workerIp: ip, action: 'remove-bucket', outcome: 'ok' });
        else
            ctx.emit({ type: 'warning', message: `removed worker ${ip} unreachable, assuming dead: ${(0,worker_link/* failureText */.kY)(ip, r)}` });
        ctx.stage.dropWorkerJob(ip);
    }
    purgeRemovedJobs(ctx, all, stopped);
    for (const job of [...lostRunning].sort()) {
        if (failures.has(job) || !all.some((a) => a.job === job && (0,alloc_state/* isActive */.$m)(a)))
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
    const r = await ctx.link.run(a.workerIp, (0,commands/* runnerCommand */.Qf)(ctx.bucketId, 'stop', a.job), { onLine: ctx.link.output(a.job, a.workerIp) });
    return r.exitCode === 0 ? undefined : (0,worker_link/* failureText */.kY)(a.workerIp, r);
}
async function cleanup(ctx, a) {
    const r = await ctx.link.run(a.workerIp, (0,commands/* cleanupJobCommand */.z8)(ctx.bucketId, a.job), { onLine: ctx.link.output(a.job, a.workerIp) });
    ctx.stage.dropWorkerJob(a.workerIp, a.job);
    return r.exitCode === 0 ? undefined : (0,worker_link/* failureText */.kY)(a.workerIp, r);
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

// EXTERNAL MODULE: ./lib/deploy/rollout.js
var rollout = __webpack_require__(1794);
// EXTERNAL MODULE: ./lib/catalog/schema.js
var schema = __webpack_require__(4912);
;// CONCATENATED MODULE: ./lib/catalog/job-files.js

/** The job's rows, directories first, then by path. */
function jobFileRows(db, job) {
    const cols = (0,schema/* tableColumns */.qv)(db, 'job_files');
    const mode = cols.includes('mode') ? 'f.mode' : 'NULL';
    const link = cols.includes('link') ? 'f.link' : 'NULL';
    return db
        .prepare(`SELECT f.path AS path, f.content AS content, f.isdir AS isdir, ${mode} AS mode, ${link} AS link FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? ORDER BY f.isdir DESC, f.path`)
        .all(job);
}

// EXTERNAL MODULE: ./lib/template/index.js + 18 modules
var template = __webpack_require__(148);
// EXTERNAL MODULE: ./lib/util/assets.js
var assets = __webpack_require__(147);
;// CONCATENATED MODULE: ./lib/deploy/template-kv.js
// The KV view a job's templates get: only the allocation's readable namespaces (kv spec §1.12),
// secrets and certificate keys decrypted; a forbidden namespace is an error naming it.

function templateKv(kv, job, allowed) {
    const allowedSet = new Set(allowed);
    const check = (ns) => {
        if (!(0,lib_kv/* canRead */.Tt)(allowedSet, ns))
            throw (0,lib_kv/* namespaceNotAvailable */.eq)(ns, job);
    };
    return {
        get(ns, key) {
            check(ns);
            return (0,lib_kv/* readPlain */.rM)(kv, ns, key);
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

;// CONCATENATED MODULE: ./lib/deploy/staging.js
// Staging a job tree for one allocation (deploy spec §8): catalog files, client libraries, rendered
// .tpl files and certificates, under tmp/stage/<ip>/jobs/<job>/ — the rsync source and the hashed tree.
// Hook workspaces live elsewhere (tmp/workers/…), so hooks never change the plan hash (decision Q12).











/** Builds the job tree for one allocation in memory. Throws MaandError naming the file. */
function buildJobTree(db, kv, ctx, rows = jobFileRows(db, ctx.job)) {
    const tree = (0,job_tree/* emptyTree */["in"])();
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
                (0,job_tree/* putFile */.UN)(tree, rel, data, LEGACY_JOB_FILE_MODE, LEGACY_JOB_FILE_MODE, r.link);
            else
                (0,job_tree/* putFile */.UN)(tree, rel, data, jobFileMode(r.mode, data), LEGACY_JOB_FILE_MODE);
        }
    }
    if (tree.dirs.has('_modules'))
        for (const lib of ['maand.py', 'maand.ts'])
            (0,job_tree/* putFile */.UN)(tree, `_modules/${lib}`, (0,job_tree/* readAsset */.fs)((0,assets/* assetPath */.Q)(lib)), LEGACY_RENDERED_MODE);
    renderTemplates(db, kv, tree, ctx);
    prometheusRules(db, ctx.job, tree, ctx.workerIp);
    addCerts(db, kv, tree, ctx);
    return tree;
}
function renderTemplates(db, kv, tree, ctx) {
    const templates = [...tree.files.keys()].filter((p) => p.endsWith('.tpl')).sort(go_json/* byteCompare */.U6);
    if (templates.length === 0)
        return;
    const funcs = (0,template/* maandFuncs */.Rj)({ job: ctx.job, kv: templateKv(kv, ctx.job, ctx.readable), scrapeConfigs: () => scrapeConfigs(db, kv), ruleFiles: () => ruleFiles(db) });
    const data = (0,template/* goStruct */.cM)('deploy.TemplateData', {
        AllocationID: ctx.allocId,
        Job: ctx.job,
        CurrentVersion: ctx.currentVersion,
        NewVersion: ctx.newVersion,
        BucketID: ctx.bucketId,
        WorkerID: ctx.workerId,
        WorkerIP: ctx.workerIp,
        Labels: [...ctx.labels].sort(),
        UpdateSeq: ctx.updateSeq,
        BucketPath: (0,commands/* bucketDir */.qZ)(ctx.bucketId),
        JobPath: (0,commands/* jobDir */.jy)(ctx.bucketId, ctx.job),
        WorkerData: (0,template/* goStruct */.cM)('data.WorkerData', { BucketID: ctx.bucketId, WorkerID: ctx.workerId, WorkerIP: ctx.workerIp, Labels: [...ctx.labels].sort(), UpdateSeq: ctx.updateSeq }),
    });
    for (const rel of templates) {
        const text = (0,template/* decodeGoString */.cP)(tree.files.get(rel).data); // Go keeps a .tpl's invalid bytes
        let tpl;
        try {
            tpl = (0,template/* parseTemplate */.QC)('template', text, funcs);
        }
        catch (e) {
            throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: parse template ${rel}: ${e.message}`);
        }
        let out;
        try {
            out = (0,template/* renderBytes */.UP)(tpl, data);
        }
        catch (e) {
            // the error may quote a value the template read with getSecret: it reaches logs, summaries and JSON
            const msg = (0,template/* redactSecrets */.fp)(e instanceof Error ? e.message : String(e), kv.knownSecrets());
            throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: execute template ${rel}: ${msg}`);
        }
        (0,job_tree/* putFile */.UN)(tree, rel.slice(0, -'.tpl'.length), out, RENDERED_MODE, LEGACY_RENDERED_MODE);
    }
}
function addCerts(db, kv, tree, ctx) {
    tree.dirs.add('certs');
    const names = db.prepare('SELECT c.name AS name FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(ctx.job).map((r) => r.name);
    const ns = (0,lib_kv/* allocationNamespace */.QE)(ctx.job, ctx.workerIp);
    for (const name of names) {
        for (const [ext, mode] of [['crt', LEGACY_RENDERED_MODE], ['key', PRIVATE_KEY_MODE]]) {
            const v = (0,lib_kv/* readPlain */.rM)(kv, ns, `certs/${name}.${ext}`);
            if (v === undefined)
                throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: certificate ${name}.${ext} is missing in KV ${ns} (run maand build)`);
            (0,job_tree/* putFile */.UN)(tree, `certs/${name}.${ext}`, v, mode);
        }
    }
    const ca = kv.tryGet('maand/worker', 'certs/ca.crt');
    if (ca === undefined)
        throw new errors/* MaandError */.Ob('invalid job', `job ${ctx.job}: the bucket CA is missing in KV maand/worker certs/ca.crt (run maand build)`);
    (0,job_tree/* putFile */.UN)(tree, 'certs/ca.crt', ca, LEGACY_RENDERED_MODE);
}
/** Builds (in memory) every given allocation's tree whose worker is in the catalog; hash and tree per alloc id. */
function stageActive(db, kv, workers, bucketId, updateSeq, job, allocs) {
    const upstream = (0,lib_kv/* upstreamJobs */.oZ)(db, job);
    const rows = jobFileRows(db, job);
    const staged = new Map();
    for (const a of allocs) {
        const w = workers.get(a.workerIp);
        if (!w)
            continue;
        const tree = buildJobTree(db, kv, {
            allocId: a.allocId, job, workerIp: a.workerIp, workerId: w.workerId, labels: w.labels, bucketId, updateSeq,
            currentVersion: a.currentVersion, newVersion: a.newVersion, readable: (0,lib_kv/* namespacesForAllocation */.GD)({ job, workerIp: a.workerIp, upstreamJobs: upstream }),
        }, rows);
        staged.set(a.allocId, { ...(0,job_tree/* hashJobTree */.Qz)(tree), tree });
    }
    return staged;
}

// EXTERNAL MODULE: ./lib/deploy/deployed-content.js
var deployed_content = __webpack_require__(7409);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/kv/secrets.js
var secrets = __webpack_require__(652);
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
    const rows = db.prepare(`SELECT value FROM key_value WHERE substr(value, 1, ${secrets/* ENCRYPTED_PREFIX */.Mp.length}) = ?`).all(secrets/* ENCRYPTED_PREFIX */.Mp);
    for (const r of rows)
        values.push(kv.decryptValue(r.value));
    for (const ns of kv.namespaces().filter(lib_kv/* isSecretNamespace */.QZ))
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
        if (running && (0,deployed_content/* hasDeployedFiles */.U9)(db, job, a.allocId))
            continue;
        try {
            redactor ??= bucketRedactor(db, kv);
        }
        catch {
            return; // secrets that cannot be decrypted cannot be redacted: keep no text rather than clear text
        }
        (0,deployed_content/* recordFiles */.B5)(db, job, a.allocId, running ? 'deployed' : 'staged', recordedFiles(t, redactor));
    }
}
/** The tree's hashed files as kept: redacted text for small text files, size and digest for the rest. */
function recordedFiles(t, redactor) {
    return Object.entries(t.files).map(([path, digest]) => {
        const data = t.tree.files.get(path).data;
        return { path, digest, size: data.length, ...((0,deployed_content/* isText */.KH)(data) ? { text: redactor.redact(Buffer.from(data).toString('utf8')) } : {}) };
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
const NOT_TEXT = `binary or larger than ${deployed_content/* MAX_TEXT_BYTES */.$D / 1024} KiB: size and digest only`;
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
    const previous = a.previousHash ? (0,tree_hash/* parseFilesJson */.x)(a.previousFiles) ?? {} : {};
    const recorded = a.previousHash ? (0,deployed_content/* deployedFiles */.wY)(db, job, a.allocId) : undefined;
    const next = new Map((redactor ? recordedFiles(t, redactor) : sizesOnly(t)).map((f) => [f.path, f]));
    return (0,tree_hash/* changedPaths */.v)(previous, t.files).map((path) => {
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

// EXTERNAL MODULE: ./lib/deploy/history-rows.js
var history_rows = __webpack_require__(4385);
// EXTERNAL MODULE: ./lib/deploy/pins.js
var pins = __webpack_require__(5775);
;// CONCATENATED MODULE: ./lib/deploy/engine.js
// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).

















function deploy(opts) {
    const flags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
    return (0,lifecycle/* withRun */.Y)({
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
    const useSudo = (0,maand_conf/* sshSettings */.OA)(r.conf).useSudo;
    let ctx;
    const link = worker_link/* WorkerLink */.VB.forRun(r, {
        stage: r.stage, updateSeq: () => ctx?.updateSeq ?? r.updateSeq,
        ...(r.deployId !== undefined ? { release: (0,history_rows/* retention */.XZ)(r.db, r.deployId, r.conf.retain_releases) } : {}),
    });
    ctx = new context/* DeployContext */.p(r, { flags, useSudo, result, link });
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
    for (const [seq, jobs] of [...(0,alloc_state/* waves */.Lp)(ctx.db)].sort(([a], [b]) => a - b)) {
        const wave = jobs.filter(selected);
        if (wave.length === 0)
            continue;
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const planned = [];
        for (const job of wave) {
            if (ctx.cancelled)
                break;
            const blockedBy = (0,lib_kv/* upstreamJobs */.oZ)(ctx.db, job).filter((u) => failed.has(u));
            if (blockedBy.length > 0) {
                pushJob(ctx, { job, seq, status: 'blocked', reason: `upstream ${blockedBy.join(', ')} failed in this deploy`, error: `job ${job}: not deployed because upstream job ${blockedBy.join(', ')} failed`, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            const p = await planOne(ctx, job, seq);
            if (!('error' in p))
                (0,pins/* applyPins */.RL)(ctx, p.plan);
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
            ctx.checkpoint(() => (ctx.updateSeq = (0,alloc_state/* bumpUpdateSeq */.VF)(ctx.db)));
            ctx.updateSeqBumped = true;
            restageTemplates(ctx, planned, seq, failed);
        }
        // Jobs of one wave do not depend on each other: they roll out together, and their rsyncs and
        // lifecycle commands for the same worker are merged into one ssh round trip (see DeployContext).
        const results = await Promise.all(planned.map(async ({ plan, allocs, staged }) => {
            if (ctx.cancelled)
                return { job: plan.job, seq, status: 'failed', reason: 'cancelled', error: `job ${plan.job}: cancelled before its rollout; run maand deploy again`, durationMs: 0, allocations: [] };
            return (0,rollout/* rolloutJob */.J)(ctx, plan, allocs, staged);
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
            (0,pins/* applyPins */.RL)(ctx, again.plan);
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
        ctx.recordJob((0,history_rows/* jobHistory */.Yd)(ctx.db, r));
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
    const active = (0,alloc_state/* jobAllocations */.pt)(ctx.db, job).filter(alloc_state/* isActive */.$m);
    const pre = await ctx.hooks.run(job, 'pre_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!pre.ok)
        return { error: (0,causes/* jobCause */.hP)(job, pre.error) };
    ctx.checkpoint();
    return stageAndPlan(ctx, job, seq);
}
/** Stages + hashes every active allocation with the run's update_seq, stores the hashes (not in dry-run), plans. */
function stageAndPlan(ctx, job, seq) {
    let allocs = (0,alloc_state/* jobAllocations */.pt)(ctx.db, job);
    const active = allocs.filter(alloc_state/* isActive */.$m);
    const info = (0,alloc_state/* jobInfo */.ec)(ctx.db, job);
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
                    (0,alloc_state/* storeHash */.YE)(ctx.db, job, a.allocId, h.hash, h.filesJson);
                ctx.kv.put((0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp), 'version', a.newVersion);
            }
            recordStaged(ctx.db, ctx.kv, job, active, staged);
        });
        allocs = (0,alloc_state/* jobAllocations */.pt)(ctx.db, job);
    }
    const marker = (0,alloc_state/* jobMarker */.qB)(ctx.db, job);
    return { plan: planJob(info, seq, allocs, staged, marker, { force: ctx.flags.force, syncOnly: ctx.flags.syncOnly }), allocs, staged };
}
/** Q27: after an update_seq bump, every reachable worker with an active allocation gets the new worker files. */
async function finalSync(ctx) {
    ctx.emit({ type: 'phase', phase: 'final-sync' });
    const ips = [...new Set(ctx.db.prepare('SELECT DISTINCT worker_ip FROM allocations WHERE removed = 0 AND disabled = 0 ORDER BY worker_ip').all().map((r) => r.worker_ip))];
    const todo = ips.filter((ip) => ctx.workers.has(ip) && !ctx.link.refreshed.has(ip));
    const failed = await Promise.all(todo.map(async (ip) => {
        const error = (await ctx.link.reach(ip)) ?? (0,worker_link/* rsyncFailure */.Up)(ip, await ctx.link.rsyncTo(ip, []));
        return error === undefined ? [] : [{ worker: ip, error }];
    }));
    // one warning per cause, naming the workers it hit (not one per worker)
    for (const cause of (0,causes/* byCause */.zs)(failed.flat())) {
        ctx.emit({ type: 'warning', message: `${cause} (worker.json there keeps the previous update_seq until the next deploy)` });
    }
}


/***/ }),

/***/ 3380:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ decideLifecycle)
/* harmony export */ });
/* harmony import */ var _util_glob_match_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2332);
/* harmony import */ var _tree_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8240);
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
    const matched = (0,_util_glob_match_js__WEBPACK_IMPORTED_MODULE_1__/* .matchAny */ .eM)(i.globs, (0,_tree_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .changedPaths */ .v)(i.previousFiles, i.currentFiles));
    if (matched.length > 0)
        return { action: 'restart', matched, reason: `restart_globs matched ${matched.join(',')}` };
    return { action: 'reload', matched: [], reason: 'files changed, no restart_globs matched' };
}


/***/ }),

/***/ 5775:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RL: () => (/* binding */ applyPins),
/* harmony export */   nZ: () => (/* binding */ pinOf),
/* harmony export */   oW: () => (/* binding */ setPin)
/* harmony export */ });
/* unused harmony export dropPin */
/* harmony import */ var _history_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2185);

function pinOf(db, job, allocId) {
    if (!(0,_history_store_js__WEBPACK_IMPORTED_MODULE_0__/* .hasHistory */ .tw)(db))
        return undefined;
    const r = db.prepare('SELECT rollback_id, pinned_hash FROM rollback_pin WHERE job = ? AND alloc_id = ?').get(job, allocId);
    return r ? { rollbackId: Number(r.rollback_id), pinnedHash: r.pinned_hash } : undefined;
}
function setPin(db, job, allocId, pin) {
    db.prepare('INSERT INTO rollback_pin (job, alloc_id, rollback_id, pinned_hash) VALUES (?, ?, ?, ?) ON CONFLICT(job, alloc_id) DO UPDATE SET rollback_id = excluded.rollback_id, pinned_hash = excluded.pinned_hash').run(job, allocId, pin.rollbackId, pin.pinnedHash);
}
function dropPin(db, job, allocId) {
    if ((0,_history_store_js__WEBPACK_IMPORTED_MODULE_0__/* .hasHistory */ .tw)(db))
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


/***/ }),

/***/ 1794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ rolloutJob)
/* harmony export */ });
/* harmony import */ var _rollout_order_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5163);
/* harmony import */ var _causes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1147);
/* harmony import */ var _hooks_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2763);
/* harmony import */ var _alloc_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4306);




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
    const info = (0,_alloc_state_js__WEBPACK_IMPORTED_MODULE_1__/* .jobInfo */ .ec)(ctx.db, job);
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
        ctx.checkpoint(() => (0,_alloc_state_js__WEBPACK_IMPORTED_MODULE_1__/* .setJobMarker */ .Y9)(ctx.db, job, undefined));
        return;
    }
    ctx.checkpoint(() => (0,_alloc_state_js__WEBPACK_IMPORTED_MODULE_1__/* .setJobMarker */ .Y9)(ctx.db, job, 'rollout'));
    // Files first, only where something changes (Q4: only workers with an active allocation of the job).
    for (const a of work)
        ctx.link.warm(a.workerIp); // connect while the trees are written
    for (const a of work) {
        const t = staged.get(a.allocId);
        if (t)
            ctx.stage.placeTree(a.workerIp, job, t.hash, t.tree);
    }
    const jobControl = (0,_hooks_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .commandsFor */ .Au)(ctx.db, job, 'job_control');
    const viaMake = jobControl.length === 0 && !ctx.flags.syncOnly;
    const followed = (a) => viaMake && (a.action === 'start' || a.action === 'restart' || a.action === 'reload');
    const rsyncErrors = await Promise.all(work.map((a) => ctx.sendJobFiles(a.workerIp, job, followed(a))));
    const bad = work.flatMap((a, i) => (rsyncErrors[i] === undefined ? [] : [{ worker: a.workerIp, error: rsyncErrors[i] }]));
    if (bad.length > 0) {
        for (const a of work)
            res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
        fail((0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .byCause */ .zs)(bad).join('; '));
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
    ctx.checkpoint(() => (0,_alloc_state_js__WEBPACK_IMPORTED_MODULE_1__/* .setJobMarker */ .Y9)(ctx.db, job, 'post_deploy'));
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => (0,_alloc_state_js__WEBPACK_IMPORTED_MODULE_1__/* .setJobMarker */ .Y9)(ctx.db, job, undefined));
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
    const order = (0,_rollout_order_js__WEBPACK_IMPORTED_MODULE_3__/* .rolloutOrder */ .Y)(candidates.map((a) => a.workerIp), defaultOrder, kvOrder);
    if (order.ignored.length > 0)
        ctx.emit({ type: 'warning', message: `job ${job}: rollout_order lists ${order.ignored.join(',')} which ${order.ignored.length === 1 ? 'is' : 'are'} not part of this ${target}; ignored` });
    const plansByIp = new Map(candidates.map((a) => [a.workerIp, a]));
    const groups = (0,_rollout_order_js__WEBPACK_IMPORTED_MODULE_3__/* .batches */ .X)(order.order, batchSize);
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
            throw new JobFailure(`job ${job}: ${target} batch ${index + 1}/${groups.length} failed: ${(0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .byCause */ .zs)(failed).join('; ')}`);
        }
        const hook = await ctx.hooks.run(job, 'after_allocation_started', ips.map((ip) => ({ allocId: byIp.get(ip).allocId, workerIp: ip })), {
            concurrency: ips.length,
            env: { BATCH_ALLOCATIONS: ips.join(','), BATCH_INDEX: String(index), BATCH_COUNT: String(groups.length), DEPLOY_PHASE: phaseName, ROLLOUT_ORDER: order.full, ROLLOUT_ORDER_SOURCE: order.source },
        });
        if (!hook.ok) {
            ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'failed', Date.now() - t0, hook.error, index)));
            throw new JobFailure((0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .jobCause */ .hP)(job, hook.error));
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
        throw new JobFailure((0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .jobCause */ .hP)(job, hook.error));
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
        throw new JobFailure((0,_causes_js__WEBPACK_IMPORTED_MODULE_2__/* .jobCause */ .hP)(job, hook.error));
    }
}


/***/ }),

/***/ 8240:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ changedPaths),
/* harmony export */   x: () => (/* binding */ parseFilesJson)
/* harmony export */ });
/* harmony import */ var _util_go_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6495);
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
    return [...out].sort(_util_go_json_js__WEBPACK_IMPORTED_MODULE_0__/* .byteCompare */ .U6);
}


/***/ }),

/***/ 8053:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ stopOnSignals)
/* harmony export */ });
// Cancellation, the same for the CLI and the Action: the first SIGINT/SIGTERM aborts the run (the running
// batch finishes and is checkpointed, no new batch starts); the second calls `force` (the entry exits at
// once; the Action's post step still saves the checkpointed state).
function stopOnSignals(controller, say, force) {
    let count = 0;
    const handler = (sig) => {
        count++;
        if (count === 1) {
            say(`${sig}: cancelling: the running batch finishes and is checkpointed, no new batch starts (send it again to stop at once)`);
            controller.abort(new Error(`cancelled by ${sig}`));
        }
        else {
            say(`${sig}: stopping now; what finished so far is checkpointed`);
            force();
        }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}


/***/ }),

/***/ 3175:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ formatDryRun)
/* harmony export */ });
const LABEL = { start: 'start  ', restart: 'restart', reload: 'reload ', sync: 'sync   ', skip: 'skip   ', stop: 'stop   ' };
/** `stops`: what reconcile would stop (and clean up) first; the same plan the Action's `plan` shows. */
function formatDryRun(plans, failures = [], stops = []) {
    if (plans.length === 0 && failures.length === 0 && stops.length === 0)
        return 'deploy dry-run: no jobs matched\n';
    const required = plans.some((p) => p.needsRollout) || stops.length > 0;
    const lines = [`deploy dry-run: ${required ? 'deployment required' : 'no deployment required'}`, ''];
    if (stops.length > 0) {
        lines.push('reconcile (removed or disabled allocations that still run):');
        for (const s of stops)
            lines.push(`  job ${JSON.stringify(s.job)}: ${s.workerIp}  stop${s.cleanup ? ' and clean up' : ''}`);
    }
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


/***/ }),

/***/ 2332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eM: () => (/* binding */ matchAny),
/* harmony export */   z2: () => (/* binding */ pathMatch)
/* harmony export */ });
/* unused harmony export globMatches */
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


/***/ })

};
