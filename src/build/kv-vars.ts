// Build step 8: KV written from the catalog — workers, jobs, shared worker, bucket (§9.2-9.7, §9.9).
import { readJobVars } from '../bucket/vars-toml.ts';
import { allocations, workerLabels, workersByPosition, type WorkerRow } from '../catalog/queries.ts';
import {
  allocationNamespace, bucketJobVarsNamespace, fullSync, jobNamespace, jobSecretsNamespace, jobVarsNamespace, mergeInto, purge,
  workerNamespace, workerTagsNamespace,
} from '../kv/index.ts';
import { readFileSync } from 'node:fs';
import { MaandError } from '../errors.ts';
import { stableId } from '../util/stable-id.ts';
import type { BuildContext } from './context.ts';

type Alloc = ReturnType<typeof allocations>[number];

export function writeKvVariables(ctx: BuildContext): void {
  const workers = workersByPosition(ctx.db);
  const labels = workerLabels(ctx.db);
  const allocs = allocations(ctx.db);
  writeWorkerNamespaces(ctx, workers, labels, allocs);
  for (const ip of ctx.removedWorkers) {
    purge(ctx.kv, workerNamespace(ip));
    for (const a of allocs) if (a.worker_ip === ip) purge(ctx.kv, allocationNamespace(a.job, ip));
  }
  writeJobNamespaces(ctx, allocs);
  writeSharedWorkerNamespace(ctx, workers, labels);
  fullSync(ctx.kv, 'vars/bucket', ctx.bucketConf);
  writeBucketNamespace(ctx, allocs);
}

/** Workers carrying each label, in position order. */
function labelMembers(workers: WorkerRow[], labels: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of workers) for (const l of labels.get(w.worker_ip) ?? []) out.set(l, [...(out.get(l) ?? []), w.worker_ip]);
  return out;
}

function writeWorkerNamespaces(ctx: BuildContext, workers: WorkerRow[], labels: Map<string, string[]>, allocs: Alloc[]): void {
  const members = labelMembers(workers, labels);
  const hostnames = new Map(ctx.workers.map((w) => [w.host, w.hostname]));
  const tags = new Map(ctx.workers.map((w) => [w.host, w.tags]));
  for (const w of workers) {
    const own = [...(labels.get(w.worker_ip) ?? [])].sort();
    const kv: Record<string, string> = {
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
      if (peers.length > 0) kv[`${l}_peers`] = peers.join(',');
      kv[`${l}_allocation_index`] = String(list.indexOf(w.worker_ip));
    }
    const hostname = hostnames.get(w.worker_ip) ?? '';
    if (hostname !== '') kv['hostname'] = hostname;
    fullSync(ctx.kv, workerNamespace(w.worker_ip), kv);
    fullSync(ctx.kv, workerTagsNamespace(w.worker_ip), Object.fromEntries(tags.get(w.worker_ip) ?? new Map()));
  }
}

function writeJobNamespaces(ctx: BuildContext, allocs: Alloc[]): void {
  const jobRows = ctx.db.prepare('SELECT * FROM job ORDER BY name').all() as Array<Record<string, string | number>>;
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
    const bothZero = (a: unknown, b: unknown): boolean => a === '0' && b === '0';
    const kv: Record<string, string> = {
      job_id: stableId(job),
      name: job,
      job_name: job,
      version: normalized(String(row['version'])),
      selectors: (selectors.all(row['job_id']!) as Array<{ selector: string }>).map((s) => s.selector).join(','),
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
  for (const job of ctx.removedJobs) purgeJob(ctx, job, allocs.filter((a) => a.job === job));
}

function normalized(v: string): string {
  const t = v.trim();
  return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}

function purgeJob(ctx: BuildContext, job: string, rows: Alloc[]): void {
  purge(ctx.kv, jobNamespace(job));
  purge(ctx.kv, bucketJobVarsNamespace(job));
  for (const a of rows) purge(ctx.kv, allocationNamespace(job, a.worker_ip));
  if (ctx.purgeJobKv) {
    purge(ctx.kv, jobVarsNamespace(job));
    purge(ctx.kv, jobSecretsNamespace(job));
  }
}

function writeSharedWorkerNamespace(ctx: BuildContext, workers: WorkerRow[], labels: Map<string, string[]>): void {
  const kv: Record<string, string> = {};
  const members = labelMembers(workers, labels);
  for (const l of [...members.keys()].sort()) {
    const list = members.get(l)!;
    kv[`${l}_label_id`] = stableId(l);
    kv[`${l}_workers`] = list.join(',');
    kv[`${l}_workers_length`] = String(list.length);
    list.forEach((ip, i) => (kv[`${l}_${i}`] = ip));
  }
  try {
    kv['certs/ca.crt'] = readFileSync(ctx.paths.caCrt, 'utf8');
  } catch {
    throw new MaandError('unexpected error', 'unable to read ca.crt (secrets/ca.crt is missing; restore it or run maand init)');
  }
  fullSync(ctx.kv, 'maand/worker', kv);
}

function writeBucketNamespace(ctx: BuildContext, allocs: Alloc[]): void {
  const jobs = (ctx.db.prepare('SELECT name, job_id FROM job ORDER BY name').all() as Array<{ name: string; job_id: string }>);
  const activeJobs = jobs.filter((j) => allocs.some((a) => a.job === j.name && a.removed === 0 && a.disabled === 0));
  const kv: Record<string, string> = {};
  const portsOf = ctx.db.prepare('SELECT name, port FROM job_ports WHERE job_id = ? ORDER BY name');
  for (const j of activeJobs) for (const p of portsOf.all(j.job_id) as Array<{ name: string; port: number }>) kv[p.name] = String(p.port);
  kv['bucket_id'] = ctx.bucketId;
  kv['jobs'] = jobs.map((j) => j.name).join(',');
  kv['activejobs'] = activeJobs.map((j) => j.name).join(',');
  fullSync(ctx.kv, 'maand/bucket', kv);
}
