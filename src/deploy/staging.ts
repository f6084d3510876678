// Staging a job tree for one allocation (deploy spec §8): catalog files, client libraries, rendered
// .tpl files and certificates, under tmp/stage/<ip>/jobs/<job>/ — the rsync source and the hashed tree.
// Hook workspaces live elsewhere (tmp/workers/…), so hooks never change the plan hash (decision Q12).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { allocationNamespace, namespacesForAllocation, upstreamJobs, type KvStore } from '../kv/index.ts';
import { goStruct, parseTemplate, render, maandFuncs, TemplateError } from '../template/index.ts';
import { assetPath } from '../util/assets.ts';
import { byteCompare } from '../util/go-json.ts';
import { bucketDir, jobDir } from './commands.ts';
import { templateKv } from './template-kv.ts';
import { assemblePrometheusRules, ruleFiles, scrapeConfigs } from './prometheus.ts';
import type { AllocState } from './state.ts';
import { hashTree, type TreeHash } from './tree-hash.ts';

export interface AllocationContext {
  allocId: string;
  job: string;
  workerIp: string;
  workerId: string;
  labels: string[];
  bucketId: string;
  updateSeq: number;
  currentVersion: string;
  newVersion: string;
  /** Namespaces this allocation may read. */
  readable: string[];
}

export function stageRoot(bucketRoot: string, ip: string): string {
  return join(bucketRoot, 'tmp', 'stage', ip);
}

/** Writes the job tree for one allocation and returns its directory. Throws MaandError naming the file. */
export function stageJob(db: Db, kv: KvStore, bucketRoot: string, ctx: AllocationContext): string {
  const dest = join(stageRoot(bucketRoot, ctx.workerIp), 'jobs');
  const jobRoot = join(dest, ctx.job);
  mkdirSync(jobRoot, { recursive: true });
  const rows = db
    .prepare('SELECT f.path AS path, f.content AS content, f.isdir AS isdir FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? ORDER BY f.isdir DESC, f.path')
    .all(ctx.job) as Array<{ path: string; content: Uint8Array | null; isdir: number }>;
  for (const r of rows) {
    if (r.path.includes('/_prometheus/') || r.path.endsWith('/_prometheus')) continue;
    const p = join(dest, r.path);
    if (r.isdir) mkdirSync(p, { recursive: true, mode: 0o755 });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, r.content ?? new Uint8Array(0), { mode: 0o755 });
    }
  }
  if (existsSync(join(jobRoot, '_modules'))) {
    for (const lib of ['maand.py', 'maand.ts']) copyFileSync(assetPath(lib), join(jobRoot, '_modules', lib));
  }
  renderTemplates(db, kv, jobRoot, ctx);
  assemblePrometheusRules(db, ctx.job, jobRoot);
  writeCerts(db, kv, jobRoot, ctx);
  return jobRoot;
}

function listTemplates(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const ent of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => byteCompare(a.name, b.name))) {
    const childRel = rel === '' ? ent.name : `${rel}/${ent.name}`;
    if (ent.isDirectory()) out.push(...listTemplates(root, childRel));
    else if (ent.name.endsWith('.tpl')) out.push(childRel);
  }
  return out;
}

function renderTemplates(db: Db, kv: KvStore, jobRoot: string, ctx: AllocationContext): void {
  const templates = listTemplates(jobRoot);
  if (templates.length === 0) return;
  const funcs = maandFuncs({ job: ctx.job, kv: templateKv(kv, ctx.job, ctx.readable), scrapeConfigs: () => scrapeConfigs(db, kv), ruleFiles: () => ruleFiles(db) });
  const data = goStruct('deploy.TemplateData', {
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
    WorkerData: goStruct('data.WorkerData', { BucketID: ctx.bucketId, WorkerID: ctx.workerId, WorkerIP: ctx.workerIp, Labels: [...ctx.labels].sort(), UpdateSeq: ctx.updateSeq }),
  });
  for (const rel of templates) {
    const text = readFileSync(join(jobRoot, rel), 'utf8');
    let tpl;
    try {
      tpl = parseTemplate('template', text, funcs);
    } catch (e) {
      throw new MaandError('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: parse template ${rel}: ${(e as Error).message}`);
    }
    let out: string;
    try {
      out = render(tpl, data);
    } catch (e) {
      const msg = e instanceof TemplateError || e instanceof Error ? e.message : String(e);
      throw new MaandError('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: execute template ${rel}: ${msg}`);
    }
    writeFileSync(join(jobRoot, rel.slice(0, -'.tpl'.length)), out, { mode: 0o644 });
  }
}

function writeCerts(db: Db, kv: KvStore, jobRoot: string, ctx: AllocationContext): void {
  const certsDir = join(jobRoot, 'certs');
  mkdirSync(certsDir, { recursive: true, mode: 0o755 });
  const names = (db.prepare('SELECT c.name AS name FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(ctx.job) as Array<{ name: string }>).map((r) => r.name);
  const ns = allocationNamespace(ctx.job, ctx.workerIp);
  for (const name of names) {
    for (const [ext, mode] of [['crt', 0o644], ['key', 0o600]] as const) {
      const v = kv.tryGet(ns, `certs/${name}.${ext}`);
      if (v === undefined) throw new MaandError('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: certificate ${name}.${ext} is missing in KV ${ns} (run maand build)`);
      const file = join(certsDir, `${name}.${ext}`);
      writeFileSync(file, v, { mode });
      chmodSync(file, mode);
    }
  }
  const ca = kv.tryGet('maand/worker', 'certs/ca.crt');
  if (ca === undefined) throw new MaandError('invalid job', `job ${ctx.job}: the bucket CA is missing in KV maand/worker certs/ca.crt (run maand build)`);
  writeFileSync(join(certsDir, 'ca.crt'), ca, { mode: 0o644 });
}

/** Stages every given allocation whose worker is in the catalog; returns the tree hash per alloc id. */
export function stageActive(
  db: Db, kv: KvStore, bucketRoot: string, workers: ReadonlyMap<string, { workerId: string; labels: string[] }>, bucketId: string, updateSeq: number,
  job: string, allocs: AllocState[],
): Map<string, TreeHash> {
  const upstream = upstreamJobs(db, job);
  const staged = new Map<string, TreeHash>();
  for (const a of allocs) {
    const w = workers.get(a.workerIp);
    if (!w) continue;
    const dir = stageJob(db, kv, bucketRoot, {
      allocId: a.allocId, job, workerIp: a.workerIp, workerId: w.workerId, labels: w.labels, bucketId, updateSeq,
      currentVersion: a.currentVersion, newVersion: a.newVersion, readable: namespacesForAllocation({ job, workerIp: a.workerIp, upstreamJobs: upstream }),
    });
    staged.set(a.allocId, hashTree(dir));
  }
  return staged;
}
