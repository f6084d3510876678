export const id = 523;
export const ids = [523];
export const modules = {

/***/ 62523:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  failureMessage: () => (/* binding */ failureMessage)
});

// UNUSED EXPORTS: publishError, publishOutcome

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
;// CONCATENATED MODULE: ./lib/util/go-json.js
// JSON text as Go's encoding/json writes it: no whitespace, `<`, `>`, `&`, U+2028, U+2029 escaped,
// map keys sorted byte-wise. Struct-shaped values keep their insertion order (`sortKeys: false`).
const ESCAPES = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
function goJsonString(s) {
    return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]);
}
function go_json_byteCompare(a, b) {
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
        const keys = [...value.keys()].map(String).sort(go_json_byteCompare);
        return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k), sortKeys)}`).join(',')}}`;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (sortKeys)
        entries.sort(([a], [b]) => go_json_byteCompare(a, b));
    return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v, sortKeys)}`).join(',')}}`;
}

;// CONCATENATED MODULE: ./lib/report/plan-doc.js


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
    jobs.sort((a, b) => a.wave - b.wave || byteCompare(a.job, b.job));
    const reconcile = plannedStops(r).map((s) => ({ job: s.job, worker: s.workerIp, action: s.cleanup ? 'stop and clean up' : 'stop' }));
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
        g.workers.sort(byteCompare);
    return [...groups.values()].sort((a, b) => byteCompare(a.path, b.path) || byteCompare(a.workers[0], b.workers[0]));
}
/** The jobs with something to show: a rollout, or a failure. */
function plan_doc_changedJobs(doc) {
    return doc.jobs.filter((j) => j.status !== 'up-to-date');
}
/** "conf/app.conf changed on 10.0.0.1, 10.0.0.2 (12 → 14 bytes)" */
function plan_doc_diffTitle(d) {
    const sizes = d.change === 'added' ? `${d.size} bytes` : d.change === 'removed' ? (d.previous_size === null ? '' : `was ${d.previous_size} bytes`) : `${d.previous_size ?? '?'} → ${d.size} bytes`;
    return `${d.path} ${d.change} on ${d.workers.join(', ')}${sizes ? ` (${sizes})` : ''}`;
}

// EXTERNAL MODULE: ./node_modules/mustache/mustache.mjs
var mustache = __webpack_require__(40562);
;// CONCATENATED MODULE: ./lib/report/markdown/render.js
// Shared by the summary and the comment: Markdown escaping, labels, and fitting a rendering into a size
// limit by showing fewer table rows (with a visible note) rather than cutting Markdown in half.



/** Plain text → safe inside Markdown (and a table cell): no HTML, no emphasis, no table breaks, no @mentions. */
function render_escapeMarkdown(value) {
    return String(value)
        .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
        .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
        .replace(/@/g, '&#64;')
        .replace(/\r?\n/g, '<br>');
}
const render_VERDICT_ICON = {
    ok: '✅', 'no-changes': '✅', changes: '📝', failed: '❌', cancelled: '⏹️', drift: '⚠️', 'in-sync': '✅',
};
const STATUS = {
    deployed: '✅ deployed', unchanged: '➖ unchanged', failed: '❌ failed', blocked: '⛔ blocked', planned: '🔄 will deploy',
    'up-to-date': '➖ up to date', drifted: '⚠️ drifted', 'in-sync': '✅ in sync', pending: '⏳ pending', unreachable: '❌ unreachable',
    'rolled-back': '⏪ rolled back',
};
const OUTCOME = { ok: '✅ ok', failed: '❌ failed', skipped: '➖ skipped', planned: 'planned' };
function render_statusLabel(s) {
    return STATUS[s] ?? s;
}
function render_outcomeLabel(s) {
    return OUTCOME[s] ?? render_statusLabel(s);
}
function render_formatDuration(ms) {
    if (ms === undefined || ms <= 0)
        return '';
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const s = Math.round(ms / 1000);
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
/** "Bucket prod · id … · update_seq 4 · 3.2 s · state generation 6" */
function render_facts(r) {
    return [
        `Bucket **${render_escapeMarkdown(r.bucketName)}**`, `id ${render_escapeMarkdown(r.bucketId)}`, `update\\_seq ${r.updateSeq}`,
        render_formatDuration(r.durationMs), `state generation ${r.generation}`,
    ].join(' · ');
}
/**
 * Renders `template` with every section capped at `maxRows` rows, choosing the largest cap whose result
 * fits `limit` (measured by `size`). The cut sections say how many rows they leave out and where to find them.
 */
function render_renderFitted(template, view, sectionKeys, limit, size, moreNote, trimmedNote) {
    const tableSections = () => sectionKeys.flatMap((k) => view[k] ?? []);
    const longest = Math.max(0, ...tableSections().map((s) => s.rows.length));
    const render = (cap) => {
        let omitted = 0;
        const capped = Object.fromEntries(sectionKeys.map((k) => [k, (view[k] ?? []).map((s) => {
                const cut = Math.max(0, s.rows.length - cap);
                omitted += cut;
                return { ...s, rows: s.rows.slice(0, cap).map((cells) => ({ cells })), ...(cut > 0 ? { more: moreNote(cut) } : {}) };
            })]));
        const text = Mustache.render(template, { ...view, ...capped, ...(omitted > 0 ? { trimmed: trimmedNote } : {}) }, { table: TABLE_PARTIAL, details: DETAILS }, { escape: render_escapeMarkdown });
        return { text, omitted };
    };
    const full = render(longest);
    if (size(full.text) <= limit)
        return full;
    let lo = 0;
    let hi = longest - 1;
    let best = render(0);
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = render(mid);
        if (size(r.text) <= limit) {
            best = r;
            lo = mid + 1;
        }
        else
            hi = mid - 1;
    }
    if (size(best.text) <= limit)
        return best;
    // Only notes or headings are too long (not expected): cut at a line boundary, note kept.
    const tail = `\n\n_${trimmedNote}_\n`;
    const lines = best.text.split('\n');
    const head = (k) => lines.slice(0, k).join('\n');
    let [a, b] = [0, lines.length];
    while (a < b) {
        const k = (a + b + 1) >> 1;
        if (size(head(k)) + size(tail) <= limit)
            a = k;
        else
            b = k - 1;
    }
    return { text: `${head(a)}${tail}`, omitted: best.omitted };
}
const render_utf8Bytes = (s) => Buffer.byteLength(s, 'utf8');
const render_chars = (s) => s.length;

;// CONCATENATED MODULE: ./lib/report/markdown/plan-details.js
// One folded `<details>` per changed job of a plan: its allocations, then each distinct file diff once
// with the workers it applies to. Both the PR comment and the job summary show them; when a size limit
// is hit the largest diffs are left out first, each replaced by a note saying where to find it.


/** "restart ×2, start ×1" */
function actionCounts(actions) {
    const counts = new Map();
    for (const a of actions)
        counts.set(a, (counts.get(a) ?? 0) + 1);
    return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ×${n}`).join(', ');
}
/** A code fence longer than any backtick run in the text, so a diff can never close it early. */
function fenceFor(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    return '`'.repeat(Math.max(3, longest + 1));
}
function plan_details_planDetails(doc) {
    if (!doc)
        return [];
    return changedJobs(doc).filter((j) => j.status === 'deploy').map((j) => {
        const moving = j.allocations.filter((a) => a.action !== 'skip');
        return {
            title: `${j.job}: ${actionCounts(moving.map((a) => a.action))}`,
            columns: ['Worker', 'Action', 'Reason'],
            rows: moving.map((a) => [a.worker, a.action, a.reason]),
            diffs: j.diffs.map((d) => {
                const body = d.diff === null ? null : d.diff.replace(/\n$/, '');
                return { title: diffTitle(d), note: d.note, body, fence: fenceFor(body ?? '') };
            }),
        };
    });
}
/**
 * Leaves out the largest diffs until `render(details)` fits `limit` (measured by `size`). Returns the
 * details to render and how many diffs were left out.
 */
function fitDiffs(details, render, limit, size, leftOut) {
    const all = details.flatMap((d) => d.diffs).filter((v) => v.body !== null).sort((a, b) => size(b.body) - size(a.body));
    const dropped = new Set();
    const apply = () => details.map((d) => ({ ...d, diffs: d.diffs.map((v) => (dropped.has(v) ? { ...v, body: null, note: leftOut } : v)) }));
    let current = apply();
    let excess = size(render(current)) - limit;
    let i = 0;
    while (excess > 0 && i < all.length) {
        // drop enough of the largest diffs to cover the excess, then measure again
        let freed = 0;
        while (freed < excess && i < all.length) {
            freed += size(all[i].body);
            dropped.add(all[i++]);
        }
        current = apply();
        excess = size(render(current)) - limit;
    }
    return { details: current, omitted: dropped.size };
}
/**
 * renderFitted with the plan's diffs: the largest diffs go first, and only when the text without any
 * diff is still too big are table rows cut. `view.details` holds planDetails(…).
 */
function plan_details_renderPlanFitted(template, view, sectionKeys, limit, size, moreNote, trimmedNote, notes) {
    const withNote = (details, omitted) => ({ ...view, details, ...(omitted > 0 ? { diffsTrimmed: notes.trimmed(omitted) } : {}) });
    const leftOut = (details) => details.reduce((n, d) => n + d.diffs.filter((v) => v.note === notes.leftOut).length, 0);
    const fit = fitDiffs(view.details, (d) => renderFitted(template, withNote(d, leftOut(d)), sectionKeys, Infinity, size, moreNote, trimmedNote).text, limit, size, notes.leftOut);
    const r = renderFitted(template, withNote(fit.details, fit.omitted), sectionKeys, limit, size, moreNote, trimmedNote);
    return { text: r.text, omitted: r.omitted + fit.omitted };
}

;// CONCATENATED MODULE: ./lib/report/markdown/sections.js

/** Waves with more jobs than this get only the table, no diagram (Mermaid stays readable). */
const MAX_DIAGRAM_JOBS = 40;
function sections_failureSection(r) {
    if (r.failures.length === 0)
        return [];
    return [{
            title: `❌ Failures (${r.failures.length})`,
            columns: ['Job', 'Wave', 'Worker', 'Reason'],
            rows: r.failures.map((f) => [f.job || '(run)', f.wave !== undefined ? String(f.wave) : '', f.worker ?? '', f.reason]),
        }];
}
/** "restart ×2, start ×1": what a job does (or would do) to its allocations. */
function sections_actionCounts(j) {
    const counts = new Map();
    for (const a of j.allocations)
        if (a.action !== 'skip')
            counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
    return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ×${n}`).join(', ');
}
function waveSection(r) {
    if (r.jobs.length === 0)
        return [];
    const waves = [...new Set(r.jobs.map((j) => j.wave))].sort((a, b) => a - b);
    const rows = waves.map((w) => {
        const jobs = r.jobs.filter((j) => j.wave === w);
        const counts = new Map();
        for (const j of jobs)
            counts.set(j.status, (counts.get(j.status) ?? 0) + 1);
        const result = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]) => `${statusLabel(s)}: ${n}`).join(' · ');
        return [String(w), String(jobs.length), result];
    });
    return [{ title: 'Waves', columns: ['Wave', 'Jobs', 'Result'], rows, ...(r.jobs.length <= MAX_DIAGRAM_JOBS ? { diagram: waveDiagram(r, waves) } : {}) }];
}
/** A left-to-right flowchart: one box per wave, one node per job labelled with its status. */
function waveDiagram(r, waves) {
    const safe = (s) => s.replace(/[^A-Za-z0-9._ -]/g, '_');
    const lines = ['flowchart LR'];
    let n = 0;
    for (const w of waves) {
        lines.push(`  subgraph w${w}["wave ${w}"]`);
        for (const j of r.jobs.filter((x) => x.wave === w))
            lines.push(`    j${n++}["${safe(j.job)}<br/>${statusLabel(j.status)}"]`);
        lines.push('  end');
    }
    for (let i = 1; i < waves.length; i++)
        lines.push(`  w${waves[i - 1]} --> w${waves[i]}`);
    return lines.join('\n');
}
function jobRows(jobs) {
    return jobs.map((j) => [String(j.wave), j.job, statusLabel(j.status), formatDuration(j.durationMs), j.reason]);
}
function deploySections(r, waves = true) {
    const allocations = r.jobs.flatMap((j) => j.allocations.map((a) => [j.job, a.worker, a.action, outcomeLabel(a.outcome), a.batch ? String(a.batch) : '', formatDuration(a.durationMs), a.reason]));
    const out = [...(waves ? waveSection(r) : []), { title: 'Jobs', columns: ['Wave', 'Job', 'Status', 'Duration', 'Detail'], rows: jobRows(r.jobs) }];
    if (allocations.length > 0)
        out.push({ title: 'Allocations', columns: ['Job', 'Worker', 'Action', 'Outcome', 'Batch', 'Duration', 'Detail'], rows: allocations });
    if (r.reconcile.length > 0) {
        out.push({ title: 'Stopped and cleaned up', columns: ['Job', 'Worker', 'Action', 'Outcome', 'Detail'], rows: r.reconcile.map((x) => [x.job, x.worker, x.action, outcomeLabel(x.outcome), x.error ?? '']) });
    }
    return out;
}
function sections_planChanges(r) {
    const changing = r.jobs.filter((j) => j.status === 'planned');
    if (changing.length === 0)
        return [];
    return [{ title: 'Changes', columns: ['Wave', 'Job', 'Changes', 'Detail'], rows: changing.map((j) => [String(j.wave), j.job, sections_actionCounts(j), j.reason || reasons(j)]) }];
}
/** The distinct reasons of a job's changing allocations, e.g. "files changed: conf/app.conf". */
function reasons(j) {
    return [...new Set(j.allocations.filter((a) => a.action !== 'skip').map((a) => a.reason).filter((x) => x !== ''))].sort().join('; ');
}
/** Removed or disabled allocations that still run: the deploy's reconcile stops them (and cleans removed ones up). */
function sections_planStops(r) {
    if (r.reconcile.length === 0)
        return [];
    return [{ title: 'Stopped first (removed or disabled allocations)', columns: ['Job', 'Worker', 'Action'], rows: r.reconcile.map((x) => [x.job, x.worker, x.action]) }];
}
function driftSections(r) {
    const rows = r.jobs.flatMap((j) => j.allocations.filter((a) => a.outcome !== 'in-sync').map((a) => [j.job, a.worker, statusLabel(a.outcome), a.files && a.files.length > 0 ? a.files.join(', ') : a.reason]));
    const out = [];
    if (rows.length > 0)
        out.push({ title: 'Drift', columns: ['Job', 'Worker', 'Status', 'Files or detail'], rows });
    out.push({ title: 'Jobs', columns: ['Job', 'Status', 'Allocations', 'Detail'], rows: r.jobs.map((j) => [j.job, statusLabel(j.status), String(j.allocations.length), j.reason]) });
    if (r.correction)
        out.push({ title: 'Correction', columns: ['Wave', 'Job', 'Status', 'Duration', 'Detail'], rows: jobRows(r.correction) });
    return out;
}
/** A rollback: which release each allocation went back to, then its rollout as a deploy shows it. */
function rollbackSections(r) {
    const rows = (r.releases ?? []).map((x) => [x.job, x.worker, x.fromVersion, String(x.release), x.version, outcomeLabel(x.outcome)]);
    return [{ title: 'Releases', columns: ['Job', 'Worker', 'From version', 'Back to release', 'Version', 'Outcome'], rows }, ...deploySections(r, false)];
}
/** Every table of the job summary, in order. */
function sections_summarySections(r) {
    const body = r.command === 'deploy' ? deploySections(r)
        : r.command === 'rollback' ? rollbackSections(r)
            : r.command === 'plan' ? [...waveSection(r), ...sections_planChanges(r), ...sections_planStops(r)]
                : r.command === 'drift' ? driftSections(r)
                    : [];
    return [...sections_failureSection(r), ...body];
}

;// CONCATENATED MODULE: ./lib/report/markdown/comment.js
// The sticky PR comment of command plan. It starts with a hidden marker so the action finds and
// updates its own comment; GitHub refuses comments over 65,536 characters, so big plans are trimmed.





const COMMENT_LIMIT_CHARS = 64_000;
/** The hidden first line that identifies the comment of one bucket (state-name) on a pull request. */
function comment_commentMarker(bucketName) {
    return `<!-- maand/deploy plan: ${bucketName.replace(/[^A-Za-z0-9._-]/g, '_')} -->`;
}
function comment_renderComment(r, opts = {}) {
    const view = {
        marker: comment_commentMarker(r.bucketName),
        icon: r.verdict === 'no-changes' ? '✅' : VERDICT_ICON[r.verdict],
        headline: r.headline,
        facts: facts(r),
        runUrl: r.runUrl,
        notes: r.notes,
        sections: [...failureSection(r), ...planChanges(r), ...planStops(r)],
        details: planDetails(r.plan),
    };
    return renderPlanFitted(COMMENT_TEMPLATE, view, ['sections', 'details'], opts.limitChars ?? COMMENT_LIMIT_CHARS, chars, (n) => `… ${n} more rows not shown`, 'Trimmed: a comment is limited to 65,536 characters. The job summary of the workflow run has the full plan.', {
        leftOut: 'diff left out to fit the comment; the job summary has it',
        trimmed: (n) => `Trimmed: the ${plural(n, 'largest diff')} left out to stay under 65,536 characters. The job summary of the workflow run has every diff.`,
    });
}

;// CONCATENATED MODULE: ./lib/report/markdown/summary.js
// The job summary (GITHUB_STEP_SUMMARY) of any command, from the report model. GitHub refuses a step
// summary over 1 MiB, so big buckets show fewer table rows with a note saying where the rest is.






/** GitHub's limit is 1 MiB per step; the rest is head room for what other writers add. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
function summary_renderSummary(r, opts = {}) {
    const view = {
        icon: VERDICT_ICON[r.verdict],
        command: r.command,
        headline: r.headline,
        facts: facts(r),
        runUrl: r.runUrl,
        notes: r.notes,
        sections: summarySections(r),
        details: planDetails(r.plan),
    };
    return renderPlanFitted(SUMMARY_TEMPLATE, view, ['sections', 'details'], opts.limitBytes ?? SUMMARY_LIMIT_BYTES, utf8Bytes, (n) => `… ${n} more rows not shown`, 'Trimmed: the summary is limited to 1 MiB. The JSON file named by the plan output has every row.', {
        leftOut: 'diff left out to fit the summary; the JSON file named by the plan output has it',
        trimmed: (n) => `Trimmed: the ${plural(n, 'largest diff')} left out to stay under 1 MiB. The JSON file named by the plan output has every diff.`,
    });
}
function summary_renderErrorSummary(command, message) {
    return Mustache.render(ERROR_SUMMARY_TEMPLATE, { command, message }, {}, { escape: escapeMarkdown });
}

// EXTERNAL MODULE: ./lib/action/env.js
var env = __webpack_require__(63221);
;// CONCATENATED MODULE: ./lib/action/publish.js
// What a finished run leaves behind: outputs (fatal if they cannot be set), then the best-effort side
// effects — annotations, job summary, PR comment, drift issue — each degrading to a warning, all awaited.








async function publishOutcome(config, env, out, io) {
    for (const [name, value] of Object.entries(out.outputs))
        io.setOutput(name, value);
    annotate(io.log, out.report, out.warnings, out.failure !== undefined);
    const summary = renderSummary(out.report);
    try {
        await io.writeSummary(summary.text);
        if (summary.omitted > 0)
            io.log.info(`job summary: ${summary.omitted} table rows left out to stay under 1 MiB; ${out.resultFile} has all of them`);
    }
    catch (e) {
        io.log.warning(`could not write the job summary: ${errorText(e)}; the result is in ${out.resultFile}`);
    }
    const redact = io.redact ?? ((t) => t);
    if (config.comment)
        await postComment(config, env, out, io.log, redact);
    if (config.driftIssue)
        await keepDriftIssue(config, env, out, io.log, redact);
}
/** The issue body holds the drift report, sized well under GitHub's 65,536-character limit. */
const DRIFT_ISSUE_LIMIT_BYTES = 60_000;
async function keepDriftIssue(config, env, out, log, redact) {
    if (config.command !== 'drift')
        return log.info(`drift-issue: only command drift keeps a drift issue (this is command ${config.command})`);
    const found = out.driftedJobs.length > 0;
    // a check that failed or was cancelled proves nothing: the issue stays as it is
    if (!found && (out.cancelled || out.report.verdict === 'failed'))
        return log.info('drift-issue: the drift check did not finish; the drift issue is left as it is');
    if (!config.githubToken)
        return log.warning('drift-issue: github-token is empty; the drift issue is not updated (the report is in the job summary)');
    const run = runUrl(env);
    const update = found
        ? { drift: true, title: `maand: drift in ${config.state.name}`, body: redact(renderSummary(out.report, { limitBytes: DRIFT_ISSUE_LIMIT_BYTES }).text) }
        : { drift: false, comment: `No drift any more: ${run ? `[this run](${run})` : 'a drift check'} found every job of ${config.state.name} in sync.` };
    try {
        const r = await syncDriftIssue({ token: config.githubToken, repository: env.repository, apiUrl: env.apiUrl }, driftIssueMarker(config.state.name), update);
        log.info(r.action === 'none' ? 'drift issue: no drift and no open drift issue' : `drift issue ${r.action}: ${r.url ?? ''}`);
    }
    catch (e) {
        const hint = deniedByPermissions(e) ? ' (the workflow needs permissions: issues: write)' : '';
        log.warning(`could not update the drift issue: ${errorText(e)}${hint}; the drift report is in the job summary`);
    }
}
async function postComment(config, env, out, log, redact) {
    if (config.command !== 'plan')
        return log.info(`comment: only command plan comments on pull requests (this is command ${config.command})`);
    if (env.pullRequest === undefined)
        return log.warning(`comment: true, but event ${env.eventName || '(none)'} is not a pull request; no comment posted`);
    if (!config.githubToken)
        return log.warning('comment: github-token is empty; no comment posted (the plan is in the job summary)');
    const body = renderComment(out.report);
    try {
        const r = await upsertComment({ token: config.githubToken, repository: env.repository, issueNumber: env.pullRequest, apiUrl: env.apiUrl }, commentMarker(config.state.name), redact(body.text));
        log.info(`plan comment ${r.action}: ${r.url}`);
    }
    catch (e) {
        const hint = deniedByPermissions(e) ? ' (the workflow needs permissions: pull-requests: write)' : '';
        log.warning(`could not post the plan comment: ${errorText(e)}${hint}; the plan is in the job summary`);
    }
}
/** The message for core.setFailed of a run that stopped with an error (bad input, state, build). */
function failureMessage(e) {
    return (0,errors/* userMessage */.Rq)(e);
}
async function publishError(command, message, io) {
    try {
        await io.writeSummary(renderErrorSummary(command, message));
    }
    catch (e) {
        io.log.warning(`could not write the job summary: ${errorText(e)}`);
    }
}


/***/ })

};
