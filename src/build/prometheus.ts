// Build step 11: the Prometheus catalog in KV maand/prometheus (§8.13). Only meaningful when some job
// ships prometheus.yml(.tpl); then every job's _prometheus/ content is validated and collected.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { MaandError } from '../errors.ts';
import { readText } from '../bucket/read-file.ts';
import { fullSync, jobNamespace, PROMETHEUS_NS } from '../kv/index.ts';
import { goJson } from '../util/go-json.ts';
import type { BuildContext } from './context.ts';
import { quoted } from '../util/quoted.ts';
import { redactSecrets } from '../template/index.ts';

const SD_KEYS = [
  'kubernetes_sd_configs', 'dns_sd_configs', 'file_sd_configs', 'consul_sd_configs', 'ecs_sd_configs', 'ec2_sd_configs',
  'openstack_sd_configs', 'azure_sd_configs', 'gce_sd_configs', 'hetzner_sd_configs', 'ionos_sd_configs', 'linode_sd_configs',
  'digitalocean_sd_configs', 'docker_sd_configs', 'dockerswarm_sd_configs', 'eureka_sd_configs', 'http_sd_configs', 'kuma_sd_configs',
  'marathon_sd_configs', 'nerve_sd_configs', 'serverset_sd_configs', 'triton_sd_configs', 'uyuni_sd_configs',
];

function invalid(detail: string): MaandError {
  return new MaandError('invalid job', detail);
}

/** Renders `_prometheus/scrape.yaml.tpl` for a job; injected so this step does not depend on the engine. */
export type ScrapeRenderer = (job: string, text: string) => string;

export function buildPrometheusCatalog(ctx: BuildContext, renderScrape: ScrapeRenderer): void {
  const dirOf = (job: string): string => join(ctx.paths.jobsDir, job);
  const hasServer = ctx.jobs.some((j) => existsSync(join(dirOf(j), 'prometheus.yml')) || existsSync(join(dirOf(j), 'prometheus.yml.tpl')));
  if (!hasServer) {
    fullSync(ctx.kv, PROMETHEUS_NS, { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
    return;
  }
  const active = new Set((ctx.db.prepare('SELECT DISTINCT job FROM allocations WHERE removed = 0 AND disabled = 0').all() as Array<{ job: string }>).map((r) => r.job));
  const desired: Record<string, string> = {};
  const alertOwners = new Map<string, string>();
  const jobNames = new Map<string, string>();
  const scrapeJobs: string[] = [];
  const allItems: unknown[] = [];
  for (const job of ctx.jobs) {
    const dir = dirOf(job);
    if (existsSync(join(dir, 'prometheus.yml')) && existsSync(join(dir, 'prometheus.yml.tpl')))
      throw invalid(`job ${job} cannot define both prometheus.yml and prometheus.yml.tpl`);
    const prom = join(dir, '_prometheus');
    if (existsSync(join(prom, 'scrape.yaml')) && existsSync(join(prom, 'scrape.yaml.tpl')))
      throw invalid(`job ${job} cannot define both scrape.yaml and scrape.yaml.tpl`);
    const runbooks = new Set(regularFiles(join(prom, 'runbooks')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)));
    for (const f of regularFiles(join(prom, 'alerts')).filter((f) => /\.ya?ml$/.test(f)))
      validateAlerts(job, f, readText(join(prom, 'alerts', f), `workspace/jobs/${job}/_prometheus/alerts/${f}`), runbooks, alertOwners);
    let text: string | undefined;
    if (existsSync(join(prom, 'scrape.yaml.tpl'))) {
      const source = readText(join(prom, 'scrape.yaml.tpl'), `workspace/jobs/${job}/_prometheus/scrape.yaml.tpl`);
      try {
        text = renderScrape(job, source);
      } catch (e) {
        // the error may quote a secret the template read: it reaches logs, summaries and JSON
        throw invalid(`job ${job} scrape.yaml.tpl: ${redactSecrets((e as Error).message, ctx.kv.knownSecrets())}`);
      }
    } else if (existsSync(join(prom, 'scrape.yaml'))) text = readText(join(prom, 'scrape.yaml'), `workspace/jobs/${job}/_prometheus/scrape.yaml`);
    if (text === undefined) continue;
    const items = parseScrapeItems(job, text);
    let usesPlaceholder = false;
    const ports = new Set((ctx.db.prepare('SELECT p.name AS name FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ?').all(job) as Array<{ name: string }>).map((r) => r.name));
    for (const item of items) {
      const name = item['job_name'] === 'maand:job' ? job : String(item['job_name']);
      const owner = jobNames.get(name);
      if (owner !== undefined) throw invalid(`duplicate prometheus job_name ${quoted(name)} (jobs ${owner} and ${job})`);
      jobNames.set(name, job);
      for (const target of targetsOf(item)) {
        if (!target.startsWith('maand:port/')) continue;
        usesPlaceholder = true;
        resolvePortName(job, target.slice('maand:port/'.length).split('/')[0]!, ports);
      }
    }
    const firstName = items[0]!['job_name'] === 'maand:job' ? job : String(items[0]!['job_name']);
    ctx.kv.put(jobNamespace(job), 'job_name', firstName);
    desired[`scrape/${job}`] = goJson(items);
    if (usesPlaceholder && !active.has(job)) continue;
    scrapeJobs.push(job);
    allItems.push(...items);
  }
  desired['scrape_configs'] = goJson(allItems);
  desired['scrape_jobs'] = scrapeJobs.sort().join(',');
  desired['scrape_jobs_length'] = String(scrapeJobs.length);
  fullSync(ctx.kv, PROMETHEUS_NS, desired);
}

/** More values than any scrape config or rule file needs; aliases of aliases grow past it exponentially. */
const MAX_YAML_VALUES = 100_000;

function loadYaml(where: string, text: string): unknown {
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    throw invalid(`${where}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (exceedsValues(doc, MAX_YAML_VALUES))
    throw invalid(`${where} expands to more than ${MAX_YAML_VALUES} values (YAML aliases repeat what they point to; write the values out)`);
  return doc;
}

/** True when walking `doc` (an alias counted each time it is used, as JSON output repeats it) visits more than `max` values. */
function exceedsValues(doc: unknown, max: number): boolean {
  const stack = [doc];
  let seen = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++seen > max) return true;
    if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

function regularFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

function parseScrapeItems(job: string, text: string): Array<Record<string, unknown>> {
  if (text.trim() === '') throw invalid(`job ${job} scrape config is empty`);
  const doc = loadYaml(`job ${job} scrape config`, text);
  if (!Array.isArray(doc) || doc.length === 0) throw invalid(`job ${job} scrape config must be a non-empty YAML list of scrape configs`);
  return doc.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(`job ${job} scrape config item ${i} must be a mapping`);
    const rec = item as Record<string, unknown>;
    const sd = SD_KEYS.find((k) => k in rec);
    if (sd) throw invalid(`job ${job} scrape config item ${i} uses ${sd}; maand provides targets with static_configs and maand:port/<port> placeholders`);
    if (typeof rec['job_name'] !== 'string' || rec['job_name'].trim() === '') throw invalid(`job ${job} scrape config item ${i} needs a job_name`);
    return rec;
  });
}

function targetsOf(item: Record<string, unknown>): string[] {
  const out: string[] = [];
  const statics = item['static_configs'];
  if (!Array.isArray(statics)) return out;
  for (const s of statics) {
    const t = (s as Record<string, unknown> | null)?.['targets'];
    if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') out.push(x);
  }
  return out;
}

export function resolvePortName(job: string, port: string, ports: Set<string>): string {
  if (port === '_implicit') {
    if (ports.has(`${job}_metrics_port`)) return `${job}_metrics_port`;
    if (ports.has('metrics_port')) return 'metrics_port';
    const cands = [...ports].filter((p) => p.endsWith('_metrics_port'));
    if (cands.length !== 1) throw invalid(`job ${job} maand:port/_implicit needs exactly one port named ${job}_metrics_port, metrics_port or *_metrics_port (found ${cands.length})`);
    return cands[0]!;
  }
  if (!ports.has(port)) throw invalid(`job ${job} scrape target port ${quoted(port)} is not declared in resources.ports`);
  return port;
}

function validateAlerts(job: string, file: string, text: string, runbooks: Set<string>, owners: Map<string, string>): void {
  const where = `job ${job} alerts/${file}`;
  if (text.trim() === '') throw invalid(`${where} is empty`);
  const doc = loadYaml(where, text);
  const groups = (doc as Record<string, unknown> | null)?.['groups'];
  if (!Array.isArray(groups) || groups.length === 0) throw invalid(`${where} needs a non-empty groups list`);
  for (const g of groups as Array<Record<string, unknown>>) {
    if (typeof g?.['name'] !== 'string' || g['name'].trim() === '') throw invalid(`${where}: every group needs a name`);
    for (const r of (Array.isArray(g['rules']) ? g['rules'] : []) as Array<Record<string, unknown>>) {
      const alert = typeof r?.['alert'] === 'string' ? r['alert'].trim() : '';
      const record = typeof r?.['record'] === 'string' ? r['record'].trim() : '';
      if ((alert === '') === (record === '')) throw invalid(`${where}: every rule needs exactly one of alert or record`);
      if (typeof r['expr'] !== 'string' && typeof r['expr'] !== 'number') throw invalid(`${where}: rule ${alert || record} needs an expr`);
      if (String(r['expr']).trim() === '') throw invalid(`${where}: rule ${alert || record} needs an expr`);
      if (alert === '') continue;
      const runbook = (r['annotations'] as Record<string, unknown> | undefined)?.['runbook'];
      if (typeof runbook === 'string' && runbook !== '' && !runbooks.has(runbook)) throw invalid(`${where}: alert ${alert} references missing runbook ${runbook} (add _prometheus/runbooks/${runbook}.md)`);
      const owner = owners.get(alert);
      if (owner !== undefined) throw invalid(`duplicate alert name ${quoted(alert)} (jobs ${owner} and ${job})`);
      owners.set(alert, job);
    }
  }
}
