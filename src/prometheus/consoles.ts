// Prometheus consoles staged into the server job's tree (deploy spec §8.4): every job's Markdown runbooks
// rendered to HTML and its dashboards copied verbatim, each set with an index page and a style sheet.
// Prometheus runs every file under consoles/ through Go's html/template, so generated pages write `{`
// as a character reference: a runbook quoting `{{ $labels.job }}` must not become a template action.
import MarkdownIt, { type Token } from 'markdown-it';
import type { Db } from '../catalog/db.ts';
import { byteCompare } from '../util/go-json.ts';
import { isIgnoreFile, listedDashboards } from './dashboard-ignore.ts';
import { putFile, type JobTree } from '../deploy/job-tree.ts';

interface PromFile {
  job: string;
  /** Path below `<job>/_prometheus/<kind>/`. */
  rel: string;
  content: Uint8Array;
}

/** Regular files under every job's `_prometheus/<kind>/`, sorted by job then path (byte order). */
function prometheusFiles(db: Db, kind: 'runbooks' | 'dashboards'): PromFile[] {
  const rows = db
    .prepare('SELECT j.name AS job, f.path AS path, f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE f.isdir = 0 AND instr(f.path, ?) > 0')
    .all(`/_prometheus/${kind}/`) as Array<{ job: string; path: string; content: Uint8Array | null }>;
  const out: PromFile[] = [];
  for (const r of rows) {
    const prefix = `${r.job}/_prometheus/${kind}/`;
    if (r.path.startsWith(prefix)) out.push({ job: r.job, rel: r.path.slice(prefix.length), content: r.content ?? new Uint8Array(0) });
  }
  return out.sort((a, b) => byteCompare(a.job, b.job) || byteCompare(a.rel, b.rel));
}

export const CONSOLE_CSS = `body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
nav { margin-bottom: 1.5rem; }
h1, h2, h3 { line-height: 1.25; }
pre, code { font-family: ui-monospace, monospace; background: #f6f8fa; }
pre { padding: 0.75rem; overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; }
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"'{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A URL path for a `/`-separated relative path, each segment percent-encoded, then HTML-escaped. */
function href(rel: string): string {
  return escapeHtml(rel.split('/').map(encodeURIComponent).join('/'));
}

function page(title: string, css: string, body: string): string {
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
function indexPage(title: string, entries: Array<{ job: string; path: string; text: string }>): string {
  const parts = [`<h1>${escapeHtml(title)}</h1>\n`];
  let job: string | undefined;
  for (const e of entries) {
    if (e.job !== job) {
      if (job !== undefined) parts.push('</ul>\n');
      parts.push(`<h2>${escapeHtml(e.job)}</h2>\n<ul>\n`);
      job = e.job;
    }
    parts.push(`<li><a href="${href(`${e.job}/${e.path}`)}">${escapeHtml(e.text)}</a></li>\n`);
  }
  parts.push(job === undefined ? '<p>Nothing is listed.</p>\n' : '</ul>\n');
  return page(title, 'style.css', parts.join(''));
}

const RUNBOOK_NAV = '<nav><a href="../index.html">All runbooks</a></nav>\n';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The plain text of the first heading, if any. */
function firstHeading(tokens: Token[]): string | undefined {
  const i = tokens.findIndex((t) => t.type === 'heading_open');
  const inline = i < 0 ? undefined : tokens[i + 1];
  if (!inline || inline.type !== 'inline') return undefined;
  const text = (inline.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').trim();
  return text === '' ? undefined : text;
}

function addRunbooks(db: Db, tree: JobTree): void {
  const runbooks = prometheusFiles(db, 'runbooks')
    .filter((f) => !f.rel.includes('/') && f.rel.endsWith('.md') && f.rel !== '.md')
    .map((f) => ({ ...f, slug: f.rel.slice(0, -'.md'.length) }))
    .sort((a, b) => byteCompare(a.job, b.job) || byteCompare(a.slug, b.slug));
  if (runbooks.length === 0) return;
  const entries: Array<{ job: string; path: string; text: string }> = [];
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

function addDashboards(db: Db, tree: JobTree): void {
  const files = prometheusFiles(db, 'dashboards');
  if (!files.some((f) => !isIgnoreFile(f.rel))) return;
  const byJob = new Map<string, Map<string, Uint8Array>>();
  for (const f of files) {
    if (!byJob.has(f.job)) byJob.set(f.job, new Map());
    byJob.get(f.job)!.set(f.rel, f.content);
    if (!isIgnoreFile(f.rel)) putFile(tree, `consoles/dashboards/${f.job}/${f.rel}`, f.content, 0o644);
  }
  const entries: Array<{ job: string; path: string; text: string }> = [];
  for (const [job, jobFiles] of byJob) for (const rel of listedDashboards(jobFiles)) entries.push({ job, path: rel, text: rel });
  putFile(tree, 'consoles/dashboards/style.css', CONSOLE_CSS, 0o644);
  putFile(tree, 'consoles/dashboards/index.html', indexPage('Dashboards', entries), 0o644);
}

/** Adds consoles/runbooks/ and consoles/dashboards/ to a Prometheus server job's tree (each only when non-empty). */
export function prometheusConsoles(db: Db, tree: JobTree): void {
  addRunbooks(db, tree);
  addDashboards(db, tree);
}
