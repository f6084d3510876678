// Build step 3: workspace jobs → job, job_selectors, job_ports, job_commands, job_files, job_certs (§8.4).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MaandError } from '../errors.ts';
import { jobsConfFileName, portPool, readBucketConf, readJobsConf } from '../bucket/bucket-conf.ts';
import { checkDemandPair, findCommandScript, validateCommand } from '../bucket/commands.ts';
import { discoverJobs, readManifestText, walkJobFiles } from '../bucket/jobs.ts';
import { decodeManifest, type Manifest } from '../bucket/manifest.ts';
import {
  checkMinAllocations, effectiveSelectors, healthCheckJson, reservation, resourceBounds, restartPolicy, validateHealthCheck,
} from '../bucket/manifest-rules.ts';
import { storedVersion } from '../bucket/version.ts';
import { certsHash } from '../certs/certs-json.ts';
import { goFloat } from '../util/go-format.ts';
import { goJson } from '../util/go-json.ts';
import { ensureJobFileColumns } from '../catalog/schema.ts';
import { stableId } from '../util/stable-id.ts';
import type { BuildContext } from './context.ts';
import { PortAllocator } from './ports.ts';

/** Pre-scan: decode every manifest (a syntax error anywhere fails early) and check the pool. */
export function prescanJobs(ctx: BuildContext): PortAllocator {
  ctx.jobs = discoverJobs(ctx.paths);
  for (const job of ctx.jobs) ctx.manifests.set(job, decodeManifest(job, readManifestText(ctx.paths, job)));
  ctx.bucketConf = readBucketConf(ctx.paths);
  // The reference reads the job settings file per job, so a bucket without jobs never reads it.
  ctx.jobsConf = ctx.jobs.length > 0 ? readJobsConf(ctx.paths, ctx.conf.job_config_selector) : { fileName: jobsConfFileName(ctx.conf.job_config_selector), sections: new Map() };
  const pool = portPool(ctx.bucketConf);
  const existing = new Map<string, Map<string, number>>();
  for (const r of ctx.db.prepare('SELECT j.name AS job, p.name AS name, p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id').all() as Array<{ job: string; name: string; port: number }>) {
    if (!existing.has(r.job)) existing.set(r.job, new Map());
    existing.get(r.job)!.set(r.name, r.port);
  }
  return new PortAllocator(pool, existing);
}

export function syncJobs(ctx: BuildContext, ports: PortAllocator): void {
  ensureJobFileColumns(ctx.db);
  for (const job of ctx.jobs) syncJob(ctx, ports, job, ctx.manifests.get(job)!);
  removeJobs(ctx);
}

function syncJob(ctx: BuildContext, ports: PortAllocator, job: string, m: Manifest): void {
  const { db } = ctx;
  const jobId = stableId(job);
  for (const t of ['job_selectors', 'job_commands', 'job_files', 'job_certs']) db.prepare(`DELETE FROM ${t} WHERE job_id = ?`).run(jobId);
  const cpu = resourceBounds(job, m, 'cpu');
  const mem = resourceBounds(job, m, 'memory');
  const section = ctx.jobsConf.sections.get(job);
  const memRes = reservation(job, 'memory', mem, section, ctx.jobsConf.fileName);
  const cpuRes = reservation(job, 'cpu', cpu, section, ctx.jobsConf.fileName);
  validateHealthCheck(job, m);
  const { policy, globsJson } = restartPolicy(job, m);
  checkMinAllocations(job, m);
  const dir = join(ctx.paths.jobsDir, job);
  if (existsSync(join(dir, 'prometheus.yml')) && existsSync(join(dir, 'prometheus.yml.tpl')))
    throw new MaandError('invalid job', `job ${job} cannot define both prometheus.yml and prometheus.yml.tpl`);

  db.prepare(
    `INSERT OR REPLACE INTO job (job_id, name, version, min_memory_mb, max_memory_mb, current_memory_mb, current_memory_source,
      min_cpu_mhz, max_cpu_mhz, current_cpu_mhz, current_cpu_source, max_concurrent_upgrades, max_concurrent_starts,
      restart_policy, restart_globs, health_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    jobId, job, storedVersion(m.version), goFloat(memRes.min), goFloat(memRes.max), goFloat(memRes.current), memRes.source,
    goFloat(cpuRes.min), goFloat(cpuRes.max), goFloat(cpuRes.current), cpuRes.source,
    m.max_concurrent_upgrades <= 0 ? 1 : m.max_concurrent_upgrades, Math.max(0, m.max_concurrent_starts),
    policy, globsJson, healthCheckJson(m.health_check),
  );
  const addSelector = db.prepare('INSERT INTO job_selectors (job_id, selector) VALUES (?, ?)');
  for (const s of effectiveSelectors(job, m)) addSelector.run(jobId, s);

  db.prepare('DELETE FROM job_ports WHERE job_id = ?').run(jobId);
  const addPort = db.prepare('INSERT INTO job_ports (job_id, name, port) VALUES (?, ?, ?)');
  for (const [name, n] of ports.assign(job, m.ports)) addPort.run(jobId, name, n);

  const addCommand = db.prepare('INSERT INTO job_commands (job_id, job, name, executed_on, demand_job, demand_command, demand_config) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const name of [...m.commands.keys()].sort()) {
    const c = m.commands.get(name)!;
    validateCommand(job, name, c);
    checkDemandPair(job, name, c);
    findCommandScript(ctx.paths.root, dir, job, name);
    const config = goJson(c.demands.config);
    for (const event of c.executed_on) addCommand.run(jobId, job, name, event, c.demands.job, c.demands.command, config);
  }
  if (!existsSync(join(dir, 'Makefile')) && !existsSync(join(dir, 'Makefile.tpl')))
    throw new MaandError('invalid job', `job ${job}, Makefile or Makefile.tpl not found`);
  for (const reserved of ['data', 'logs', 'bin']) {
    if (existsSync(join(dir, reserved))) throw new MaandError('invalid job', `job ${job}, ${reserved} directory is reserved (maand creates it on workers; rename yours)`);
  }
  const addFile = db.prepare('INSERT INTO job_files (job_id, path, content, isdir, mode, link) VALUES (?, ?, ?, ?, ?, ?)');
  for (const f of walkJobFiles(ctx.paths.jobsDir, job)) addFile.run(jobId, f.path, f.content, f.isdir ? 1 : 0, f.mode, f.link);

  db.prepare("INSERT INTO hash (namespace, key, current_hash) VALUES ('build_certs', ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash").run(job, certsHash(m.certs === undefined ? undefined : Object.fromEntries([...m.certs].map(([n, c]) => [n, { pkcs8: c.pkcs8, one: c.one, subject: { common_name: c.common_name } }]))));
  const addCert = db.prepare('INSERT INTO job_certs (job_id, name, pkcs8, one, subject) VALUES (?, ?, ?, ?, ?)');
  for (const [name, c] of [...(m.certs ?? new Map())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    addCert.run(jobId, name, c.pkcs8 ? 1 : 0, c.one ? 1 : 0, goJson({ common_name: c.common_name }));
}

function removeJobs(ctx: BuildContext): void {
  const { db } = ctx;
  const inWorkspace = new Set(ctx.jobs);
  const catalog = (db.prepare('SELECT name, job_id FROM job ORDER BY name').all() as Array<{ name: string; job_id: string }>).filter((r) => !inWorkspace.has(r.name));
  ctx.removedJobs = catalog.map((r) => r.name);
  for (const { name, job_id } of catalog) {
    for (const t of ['job_ports', 'job_selectors', 'job_commands', 'job_files', 'job_certs']) db.prepare(`DELETE FROM ${t} WHERE job_id = ?`).run(job_id);
    db.prepare('DELETE FROM job WHERE name = ?').run(name);
    db.prepare("DELETE FROM hash WHERE namespace = 'build_certs' AND key = ?").run(name);
  }
}
