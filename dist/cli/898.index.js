export const id = 898;
export const ids = [898];
export const modules = {

/***/ 6898:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/kv/index.js + 13 modules
var lib_kv = __webpack_require__(1683);
// EXTERNAL MODULE: ./lib/run/lifecycle.js + 1 modules
var lifecycle = __webpack_require__(3217);
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
    /** Writes pending KV and `fn`'s catalog changes in one committed transaction (a checkpoint, Q6). */
    checkpoint(fn) {
        this.run.checkpoint(fn);
    }
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

// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(6495);
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

// EXTERNAL MODULE: ./lib/deploy/alloc-state.js
var alloc_state = __webpack_require__(4306);
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

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./lib/build/prometheus.js
var prometheus = __webpack_require__(8050);
// EXTERNAL MODULE: ./lib/deploy/job-tree.js
var job_tree = __webpack_require__(8277);
// EXTERNAL MODULE: ./node_modules/markdown-it/dist/markdown-it.mjs + 12 modules
var markdown_it = __webpack_require__(5251);
;// CONCATENATED MODULE: ./lib/deploy/dashboard-ignore.js
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

;// CONCATENATED MODULE: ./lib/deploy/prometheus-consoles.js
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

;// CONCATENATED MODULE: ./lib/deploy/prometheus.js
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
        ctx.link.requireTransport();
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

// EXTERNAL MODULE: ./lib/deploy/rollout-order.js
var rollout_order = __webpack_require__(5163);
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

// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
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
    const info = (0,alloc_state/* jobInfo */.ec)(ctx.db, job);
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
        ctx.checkpoint(() => (0,alloc_state/* setJobMarker */.Y9)(ctx.db, job, undefined));
        return;
    }
    ctx.checkpoint(() => (0,alloc_state/* setJobMarker */.Y9)(ctx.db, job, 'rollout'));
    // Files first, only where something changes (Q4: only workers with an active allocation of the job).
    for (const a of work)
        ctx.link.warm(a.workerIp); // connect while the trees are written
    for (const a of work) {
        const t = staged.get(a.allocId);
        if (t)
            ctx.stage.placeTree(a.workerIp, job, t.hash, t.tree);
    }
    const rsyncErrors = await Promise.all(work.map((a) => ctx.link.sendJobFiles(a.workerIp, job)));
    const bad = work.flatMap((a, i) => (rsyncErrors[i] === undefined ? [] : [{ worker: a.workerIp, error: rsyncErrors[i] }]));
    if (bad.length > 0) {
        for (const a of work)
            res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
        fail(byCause(bad).join('; '));
    }
    const syncs = work.filter((a) => a.action === 'sync');
    if (syncs.length > 0) {
        ctx.checkpoint(() => syncs.forEach((a) => (0,alloc_state/* promote */.IQ)(ctx.db, job, a.allocId)));
        for (const a of syncs)
            res.allocations.push(allocResult(a, 'ok', 0));
    }
    const jobControl = (0,catalog/* commandsFor */.Au)(ctx.db, job, 'job_control');
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
    ctx.checkpoint(() => (0,alloc_state/* setJobMarker */.Y9)(ctx.db, job, 'post_deploy'));
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => (0,alloc_state/* setJobMarker */.Y9)(ctx.db, job, undefined));
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
    const order = (0,rollout_order/* rolloutOrder */.Y)(candidates.map((a) => a.workerIp), defaultOrder, kvOrder);
    if (order.ignored.length > 0)
        ctx.emit({ type: 'warning', message: `job ${job}: rollout_order lists ${order.ignored.join(',')} which ${order.ignored.length === 1 ? 'is' : 'are'} not part of this ${target}; ignored` });
    const plansByIp = new Map(candidates.map((a) => [a.workerIp, a]));
    const groups = (0,rollout_order/* batches */.X)(order.order, batchSize);
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
            throw new JobFailure(`job ${job}: ${hook.error}`);
        }
        // Promote the batch: the workers now run this tree (seed S2); committed before anything else can fail.
        ctx.checkpoint(() => ips.forEach((ip) => (0,alloc_state/* promote */.IQ)(ctx.db, job, byIp.get(ip).allocId)));
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
        throw new JobFailure(`job ${job}: ${hook.error}`);
    ctx.checkpoint(() => active.forEach((a) => (0,alloc_state/* promote */.IQ)(ctx.db, job, a.allocId)));
    for (const a of active)
        if (a.action !== 'skip' && a.action !== 'sync')
            res.allocations.push(allocResult(a, 'ok', Date.now() - t0));
    await healthGate(ctx, job);
}
async function postDeploy(ctx, job, active, res) {
    const hook = await ctx.hooks.run(job, 'post_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!hook.ok) {
        res.reason = 'post_deploy failed; the next deploy runs post_deploy again';
        throw new JobFailure(`job ${job}: ${hook.error}`);
    }
}

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

// EXTERNAL MODULE: ./lib/template/index.js + 17 modules
var template = __webpack_require__(1735);
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
/** Writes the job tree for one allocation under tmp/stage/<ip>/jobs/<job>/ and returns that directory. */
function stageJob(db, kv, bucketRoot, ctx) {
    const dir = join(bucketRoot, 'tmp', 'stage', ctx.workerIp, 'jobs', ctx.job);
    rmSync(dir, { recursive: true, force: true });
    writeJobTree(buildJobTree(db, kv, ctx), dir);
    return dir;
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
            const msg = e instanceof template/* TemplateError */.$w || e instanceof Error ? e.message : String(e);
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

;// CONCATENATED MODULE: ./lib/deploy/engine.js
// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).












function deploy(opts) {
    const flags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
    return (0,lifecycle/* withRun */.Y)({
        root: opts.root, command: flags.dryRun ? 'deploy --dry-run' : 'deploy', connect: opts.connect, readOnly: flags.dryRun,
        stage: opts.stageRamDir !== undefined ? { ramDir: opts.stageRamDir } : {},
        ...(opts.onEvent ? { onEvent: opts.onEvent } : {}), ...(opts.signal ? { signal: opts.signal } : {}),
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
    const link = new worker_link/* WorkerLink */.VB({ remote: r.links.remote, db: r.db, bucketId: r.bucketId, workers: r.workers, useSudo, emit: r.emit, stage: r.stage, updateSeq: () => ctx?.updateSeq ?? r.updateSeq });
    ctx = new DeployContext(r, { flags, useSudo, result, link });
    await run(ctx);
    result.updateSeq = ctx.updateSeq;
    result.updateSeqBumped = ctx.updateSeqBumped;
    result.cancelled = ctx.cancelled;
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
            if ('error' in p) {
                pushJob(ctx, { job, seq, status: 'failed', reason: 'plan failed', error: p.error, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            ctx.emit({ type: 'job-planned', plan: p.plan });
            if (ctx.flags.dryRun) {
                ctx.result.plans.push(p.plan);
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
            ctx.link.requireTransport();
            ctx.checkpoint(() => (ctx.updateSeq = (0,alloc_state/* bumpUpdateSeq */.VF)(ctx.db)));
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
        return { error: `job ${job}: ${pre.error}` };
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
    await Promise.all(todo.map(async (ip) => {
        const err = (await ctx.link.reach(ip)) ?? (0,worker_link/* rsyncFailure */.Up)(ip, await ctx.link.rsyncTo(ip, []));
        if (err)
            ctx.emit({ type: 'warning', message: `${err} (worker.json on ${ip} keeps the previous update_seq until the next deploy)` });
    }));
}

// EXTERNAL MODULE: ./lib/deploy/connect.js + 14 modules
var connect = __webpack_require__(502);
;// CONCATENATED MODULE: ./lib/report/dry-run.js
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

;// CONCATENATED MODULE: ./lib/deploy/result.js
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

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
// EXTERNAL MODULE: ./lib/bucket/modes.js
var modes = __webpack_require__(6);
;// CONCATENATED MODULE: ./lib/report/log-file.js
// Run logs under logs/ (deploy spec §26.2): every event of a run appended to logs/<ip>.log (or
// logs/maand.log when no worker) and to logs/runs/<run>/<same file>, as key=value or JSON lines.



function kvValue(v) {
    return /[\s="]/.test(v) ? `"${v.replaceAll('"', '\\"')}"` : v;
}
class RunLog {
    dir;
    runDir;
    base;
    format;
    /** Open append descriptors by file name (a deploy writes thousands of lines). */
    fds = new Map();
    constructor(logsDir, run) {
        this.dir = logsDir;
        this.runDir = (0,external_node_path_.join)(logsDir, 'runs', run.id);
        this.format = run.format === 'json' || run.format === 'jsonl' ? 'json' : 'kv';
        this.base = { level: 'INFO', run: run.id, maand: run.command };
        (0,external_node_fs_.mkdirSync)(this.runDir, { recursive: true, mode: modes/* PRIVATE_DIR */.A9 });
    }
    write(fields) {
        const worker = typeof fields['worker'] === 'string' && fields['worker'] !== '' ? fields['worker'] : '-';
        const record = { ts: new Date().toISOString(), ...this.base };
        for (const [k, v] of Object.entries({ ...fields, worker }))
            if (v !== undefined && v !== '')
                record[k] = v;
        const line = this.format === 'json'
            ? JSON.stringify(record)
            : Object.entries(record).map(([k, v]) => `${k}=${kvValue(String(v))}`).join(' ');
        const file = worker === '-' ? 'maand.log' : `${worker}.log`;
        let fds = this.fds.get(file);
        if (!fds) {
            fds = [(0,external_node_fs_.openSync)((0,external_node_path_.join)(this.dir, file), 'a', modes/* PRIVATE_FILE */.rQ), (0,external_node_fs_.openSync)((0,external_node_path_.join)(this.runDir, file), 'a', modes/* PRIVATE_FILE */.rQ)];
            for (const fd of fds)
                (0,external_node_fs_.fchmodSync)(fd, modes/* PRIVATE_FILE */.rQ); // a log file made before by an older maand
            this.fds.set(file, fds);
        }
        (0,external_node_fs_.writeSync)(fds[0], `${line}\n`);
        (0,external_node_fs_.writeSync)(fds[1], `${line}\n`);
    }
    close() {
        for (const [a, b] of this.fds.values()) {
            (0,external_node_fs_.closeSync)(a);
            (0,external_node_fs_.closeSync)(b);
        }
        this.fds.clear();
    }
    event(e) {
        switch (e.type) {
            case 'output':
                return this.write({ event: 'output', worker: e.worker, job: e.job, stream: e.stream, msg: e.text });
            case 'batch-started':
                for (const w of e.workers)
                    this.write({ event: 'batch_started', worker: w, job: e.job, phase: e.phase, action: e.action, batch: `${e.index + 1}/${e.count}` });
                return;
            case 'batch-promoted':
                for (const w of e.workers)
                    this.write({ event: 'promoted', worker: w, job: e.job });
                return;
            case 'job-finished':
                return this.write({ event: 'job_finished', job: e.result.job, status: e.result.status, duration_ms: e.result.durationMs, msg: e.result.error });
            case 'reconcile':
                return this.write({ event: 'reconcile', worker: e.result.workerIp, job: e.result.job, action: e.result.action, status: e.result.outcome, msg: e.result.error });
            case 'job-skipped':
                return this.write({ event: 'deploy_skip', job: e.job, reason: e.reason });
            case 'health':
                return this.write({ event: 'health_check', job: e.job, status: e.status, msg: e.detail || undefined });
            case 'warning':
                return this.write({ event: 'warning', msg: e.message });
            default:
                return;
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/entry/signals.js
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

// EXTERNAL MODULE: ./lib/entry/job-list.js
var job_list = __webpack_require__(1772);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js + 1 modules
var ssh_access = __webpack_require__(4133);
;// CONCATENATED MODULE: ./lib/cli/commands/deploy.js















async function deployCommand(io, opts) {
    // loaded only when asked: the build pulls in modules a plain deploy never uses
    if (opts.build)
        await (await __webpack_require__.e(/* import() */ 316).then(__webpack_require__.bind(__webpack_require__, 316))).build({ root: io.cwd, env: io.env });
    const ssh = (0,ssh_access/* sshAccess */.v)(io, opts);
    const log = opts.dryRun ? undefined : new RunLog((0,external_node_path_.join)(io.cwd, 'logs'), { id: (0,external_node_crypto_.randomUUID)(), command: 'deploy', format: (0,maand_conf/* readMaandConf */.MC)((0,external_node_path_.join)(io.cwd, 'maand.conf')).log_format });
    const controller = new AbortController();
    const stopSignals = stopOnSignals(controller, (line) => void io.stderr.write(`\n${line}\n`), () => process.exit(130));
    try {
        const result = await deploy({
            root: io.cwd,
            jobs: (0,job_list/* parseNameList */.H)(opts.jobs),
            dryRun: opts.dryRun,
            force: opts.force,
            syncOnly: opts.syncOnly,
            signal: controller.signal,
            onEvent: (e) => {
                log?.event(e);
                if (opts.dryRun && e.type !== 'output' && e.type !== 'warning')
                    return;
                if (e.type === 'output' && e.source === 'rsync' && !opts.verbose)
                    return;
                const line = (0,console/* formatEvent */.qF)(e);
                if (line !== undefined)
                    io.stderr.write(`${line}\n`);
            },
            connect: (0,connect/* connectRun */.Y)({ ssh, hookEnv: io.env }),
        });
        if (opts.output)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(io.cwd, opts.output), `${JSON.stringify(result, null, 2)}\n`);
        if (opts.dryRun) {
            const failures = result.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' }));
            io.stdout.write(formatDryRun(result.plans, failures, plannedStops(result)));
        }
        else
            io.stdout.write((0,console/* formatSummary */.kq)(result));
        if (result.failedJobs.length > 0 || result.cancelled) {
            const errs = result.jobs.filter((j) => j.error).map((j) => j.error);
            const recon = result.reconcile.filter((r) => r.error).map((r) => r.error);
            throw new errors/* PartialFailureError */.ax(result.cancelled ? 'deploy cancelled' : 'deploy failed', jobsByCause([...recon, ...errs, ...result.errors]));
        }
    }
    finally {
        log?.close();
        stopSignals();
    }
}


/***/ }),

/***/ 4306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ isActive),
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
/* harmony import */ var _bucket_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7910);

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


/***/ }),

/***/ 5163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ batches),
/* harmony export */   Y: () => (/* binding */ rolloutOrder)
/* harmony export */ });
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


/***/ }),

/***/ 466:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Up: () => (/* binding */ rsyncFailure),
/* harmony export */   VB: () => (/* binding */ WorkerLink),
/* harmony export */   kY: () => (/* binding */ failureText)
/* harmony export */ });
/* unused harmony exports tail, remoteFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _coalesce_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7348);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6477);
/* harmony import */ var _worker_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4623);




class WorkerLink {
    init;
    workers;
    ready = new Map();
    /** Workers whose bucket-level files were sent in this run. */
    refreshed = new Set();
    fileSender = new _coalesce_js__WEBPACK_IMPORTED_MODULE_2__/* .Coalescer */ .w((ip, jobs) => this.sendFiles(ip, jobs));
    targetRunner = new _coalesce_js__WEBPACK_IMPORTED_MODULE_2__/* .Coalescer */ .w((key, reqs) => this.runTargets(key, reqs));
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
            p = (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .checkWorker */ .pW)((script) => this.run(ip, script), ip, this.init.bucketId, this.init.useSudo).catch((e) => `worker ${ip}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}`);
            this.ready.set(ip, p);
        }
        return p;
    }
    /** Throws when nothing on this machine can reach any worker (key, ssh, rsync): one error for the run. */
    requireTransport() {
        const problem = this.init.remote.preflight();
        if (problem !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MaandError */ .Ob('workers unreachable', problem, undefined, { bare: true });
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
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}` };
        }
    }
    /** Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. */
    sendJobFiles(ip, job) {
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
            const src = stage.rsyncSource(ip, w && (0,_worker_files_js__WEBPACK_IMPORTED_MODULE_1__/* .workerFileData */ .Dv)(this.init.db, this.init.bucketId, this.init.updateSeq(), w), jobs);
            const r = await this.init.remote.rsync(ip, src.dir, (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .bucketDir */ .qZ)(this.init.bucketId), src.filter, {
                onLine: opts.onLine ?? this.output(jobs.join(',') || undefined, ip, 'rsync'),
                ...(opts.dryRun ? { dryRun: true, itemize: true } : {}),
            });
            if (r.exitCode === 0 && !opts.dryRun)
                this.refreshed.add(ip);
            return r;
        }
        catch (e) {
            return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: rsync not started: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}` };
        }
    }
    output(job, worker, source = 'remote') {
        return (stream, text) => this.init.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text, source });
    }
    async sendFiles(ip, jobs) {
        const unique = [...new Set(jobs)].sort();
        const err = (await this.reach(ip)) ?? rsyncFailure(ip, await this.rsyncTo(ip, unique));
        return jobs.map(() => err);
    }
    async runTargets(key, reqs) {
        const ip = key.slice(0, key.indexOf('\n'));
        const target = reqs[0].target;
        const jobs = reqs.map((r) => r.job);
        const results = new Map();
        let current = jobs.length === 1 ? jobs[0] : undefined;
        const r = await this.run(ip, (0,_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .lifecycleScript */ .a0)(this.init.bucketId, target, reqs), {
            onLine: (stream, text) => {
                const m = /^maand-runner: (begin|result) (\S+)(?: (-?\d+))?$/.exec(text);
                if (stream === 'stdout' && m) {
                    if (m[1] === 'begin')
                        current = m[2];
                    else
                        results.set(m[2], Number(m[3]));
                    return;
                }
                this.output(current, ip)(stream, text);
            },
        });
        return jobs.map((job) => {
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
        return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
    return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}


/***/ })

};
