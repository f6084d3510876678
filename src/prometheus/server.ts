// Prometheus support at deploy time (kv spec §2.8, deploy spec §8.4): the `scrapeConfigs` and
// `ruleFiles` template functions, and the alert rules (with runbook links) and consoles staged into the
// Prometheus server job's tree.
import yaml from 'js-yaml';
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';
import { resolvePortName } from '../build/prometheus.ts';
import { putFile, type JobTree } from '../deploy/job-tree.ts';
import { prometheusConsoles } from './consoles.ts';

type Item = Record<string, unknown>;

function activeIps(db: Db, job: string): string[] {
  return (db.prepare('SELECT a.worker_ip AS ip FROM allocations a LEFT JOIN worker w ON w.worker_ip = a.worker_ip WHERE a.job = ? AND a.removed = 0 AND a.disabled = 0 ORDER BY w.position, a.worker_ip').all(job) as Array<{ ip: string }>).map((r) => r.ip);
}

function ports(db: Db, job: string): Map<string, number> {
  return new Map((db.prepare('SELECT p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ?').all(job) as Array<{ name: string; port: number }>).map((r) => [r.name, r.port]));
}

/** Expands one job's scrape items; undefined when a static block ends up without targets. */
function expand(db: Db, job: string, items: Item[]): Item[] | undefined {
  const ips = activeIps(db, job);
  const portMap = ports(db, job);
  const out: Item[] = [];
  for (const raw of items) {
    const item = structuredClone(raw);
    if (item['job_name'] === 'maand:job') item['job_name'] = job;
    const statics = item['static_configs'];
    if (!Array.isArray(statics) || statics.length === 0) throw new MaandError('invalid job', `job ${job} scrape config needs a non-empty static_configs list`);
    for (const block of statics as Item[]) {
      const labels = block['labels'] as Record<string, unknown> | undefined;
      if (labels) for (const k of Object.keys(labels)) if (labels[k] === 'maand:job') labels[k] = job;
      const targets = block['targets'];
      if (!Array.isArray(targets) || targets.length === 0) throw new MaandError('invalid job', `job ${job} scrape config static_configs need targets`);
      const expanded: string[] = [];
      for (const t of targets as unknown[]) {
        if (typeof t !== 'string') throw new MaandError('invalid job', `job ${job} scrape target must be a string`);
        if (!t.startsWith('maand:port/')) {
          expanded.push(t);
          continue;
        }
        const [portRef, onlyIp] = t.slice('maand:port/'.length).split('/') as [string, string | undefined];
        const name = resolvePortName(job, portRef, new Set(portMap.keys()));
        const port = portMap.get(name);
        if (port === undefined) throw new MaandError('invalid job', `job ${job} port ${name} has no number assigned (run maand build)`);
        if (onlyIp !== undefined) {
          if (!ips.includes(onlyIp)) throw new MaandError('invalid job', `worker "${onlyIp}" is not an active allocation for job ${job}`);
          expanded.push(`${onlyIp}:${port}`);
        } else expanded.push(...ips.map((ip) => `${ip}:${port}`));
      }
      if (expanded.length === 0) return undefined;
      block['targets'] = expanded;
    }
    out.push(item);
  }
  return out;
}

/** `scrapeConfigs`: the expanded scrape items as YAML lines indented to follow `scrape_configs:`. */
export function scrapeConfigs(db: Db, kv: KvStore): string {
  const jobs = (kv.tryGet('maand/prometheus', 'scrape_jobs') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const items: Item[] = [];
  for (const job of jobs) {
    const raw = kv.tryGet('maand/prometheus', `scrape/${job}`);
    if (raw === undefined) throw new MaandError('invalid job', `maand/prometheus scrape/${job} is missing (run maand build)`);
    const expanded = expand(db, job, JSON.parse(raw) as Item[]);
    if (expanded) items.push(...expanded);
  }
  if (items.length === 0) return '';
  const text = yaml.dump(items, { sortKeys: true, indent: 2, lineWidth: -1, noRefs: true });
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => `\n  ${l}`).join('');
}

interface AlertFile {
  job: string;
  path: string;
  content: Uint8Array;
}

function alertFiles(db: Db): AlertFile[] {
  return (db
    .prepare("SELECT j.name AS job, f.path AS path, f.content AS content FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE f.isdir = 0 AND f.path LIKE '%/_prometheus/alerts/%' ORDER BY j.name, f.path")
    .all() as Array<{ job: string; path: string; content: Uint8Array }>)
    .filter((r) => /\.ya?ml$/.test(r.path));
}

export function hasPrometheusServer(db: Db): boolean {
  return db.prepare("SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = 'prometheus' AND f.isdir = 0 AND f.path IN ('prometheus/prometheus.yml', 'prometheus/prometheus.yml.tpl') LIMIT 1").get() !== undefined;
}

/** `ruleFiles`: a `rule_files:` block listing maand's certificate rules and every job's alert files. */
export function ruleFiles(db: Db): string {
  const alerts = alertFiles(db);
  const server = hasPrometheusServer(db);
  if (alerts.length === 0 && !server) return '';
  const lines = ['rule_files:'];
  if (server) lines.push('  - rules/maand/certs.yaml');
  for (const a of alerts) lines.push(`  - rules/${a.job}/${a.path.slice(a.path.lastIndexOf('/') + 1)}`);
  return `${lines.join('\n')}\n`;
}

export const CERT_RULES = `groups:
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
function runbookBase(db: Db, workerIp: string, where: string): string {
  const port = ports(db, 'prometheus').get('prometheus_port_http');
  if (port === undefined) {
    const exists = db.prepare("SELECT 1 FROM job WHERE name = 'prometheus'").get() !== undefined;
    const missing = exists ? 'job prometheus declares no port prometheus_port_http' : 'there is no job named prometheus';
    throw new MaandError('invalid job', `${where} links a runbook, but ${missing} to serve it (declare resources.ports.prometheus_port_http in workspace/jobs/prometheus/manifest.json, then run maand build)`);
  }
  return `http://${workerIp.includes(':') ? `[${workerIp}]` : workerIp}:${port}/consoles/runbooks`;
}

/**
 * The alert file with `annotations.runbook_url` added to every alert rule whose `runbook` names a slug,
 * re-emitted in source key order; undefined when no rule names a runbook (the file is copied verbatim).
 */
function withRunbookUrls(a: AlertFile, base: (where: string) => string): string | undefined {
  const text = Buffer.from(a.content).toString('utf8');
  if (!text.includes('runbook')) return undefined;
  const where = `job ${a.job} ${a.path.slice(a.job.length + 1)}`;
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    throw new MaandError('invalid job', `${where}: ${(e as Error).message.split('\n')[0]} (fix it, then run maand build)`);
  }
  let changed = false;
  const groups = (doc as Item | null)?.['groups'];
  for (const g of Array.isArray(groups) ? (groups as Array<Item | null>) : []) {
    const rules = g?.['rules'];
    for (const r of Array.isArray(rules) ? (rules as Array<Item | null>) : []) {
      const annotations = r?.['annotations'] as Item | null | undefined;
      const slug = annotations?.['runbook'];
      if (typeof r?.['alert'] !== 'string' || typeof slug !== 'string' || slug === '') continue;
      annotations!['runbook_url'] = `${base(`${where} alert ${r['alert']}`)}/${encodeURIComponent(a.job)}/${encodeURIComponent(slug)}.html`;
      changed = true;
    }
  }
  return changed ? yaml.dump(doc, { lineWidth: -1, noRefs: true }) : undefined;
}

/**
 * For a job shipping prometheus.yml(.tpl): rules/maand/certs.yaml, rules/<job>/<file> for every alert file
 * (runbook links pointing at `workerIp`), and the runbook and dashboard consoles.
 */
export function prometheusRules(db: Db, job: string, tree: JobTree, workerIp: string): void {
  const ships = db.prepare("SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.isdir = 0 AND f.path IN (? || '/prometheus.yml', ? || '/prometheus.yml.tpl') LIMIT 1").get(job, job, job);
  if (ships === undefined) return;
  putFile(tree, 'rules/maand/certs.yaml', CERT_RULES, 0o644);
  let base: string | undefined;
  const lazyBase = (where: string): string => (base ??= runbookBase(db, workerIp, where));
  for (const a of alertFiles(db)) putFile(tree, `rules/${a.job}/${a.path.slice(a.path.lastIndexOf('/') + 1)}`, withRunbookUrls(a, lazyBase) ?? a.content, 0o644);
  prometheusConsoles(db, tree);
}
