// Staging a job tree for one allocation (deploy spec §8): catalog files, client libraries, rendered
// .tpl files and certificates, under tmp/stage/<ip>/jobs/<job>/ — the rsync source and the hashed tree.
// Hook workspaces live elsewhere (tmp/workers/…), so hooks never change the plan hash (decision Q12).
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { jobFileRows, type JobFileRow } from '../catalog/job-files.ts';
import { allocationNamespace, namespacesForAllocation, readPlain, upstreamJobs, type KvStore } from '../kv/index.ts';
import { decodeGoString, goStruct, parseTemplate, redactSecrets, renderBytes, maandFuncs } from '../template/index.ts';
import { assetPath } from '../util/assets.ts';
import { byteCompare } from '../util/go-json.ts';
import { bucketDir, jobDir } from './commands.ts';
import { templateKv } from './template-kv.ts';
import { jobFileMode, LEGACY_JOB_FILE_MODE, LEGACY_RENDERED_MODE, PRIVATE_KEY_MODE, RENDERED_MODE } from './file-modes.ts';
import { prometheusRules, ruleFiles, scrapeConfigs } from '../prometheus/server.ts';
import type { AllocState } from './alloc-state.ts';
import type { TreeHash } from './tree-hash.ts';
import { emptyTree, hashJobTree, putFile, readAsset, type JobTree } from './job-tree.ts';

export interface StagedTree extends TreeHash {
  tree: JobTree;
}

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

/** Builds the job tree for one allocation in memory. Throws MaandError naming the file. */
export function buildJobTree(db: Db, kv: KvStore, ctx: AllocationContext, rows: JobFileRow[] = jobFileRows(db, ctx.job)): JobTree {
  const tree = emptyTree();
  const prefix = `${ctx.job}/`;
  for (const r of rows) {
    if (!r.path.startsWith(prefix)) continue;
    const rel = r.path.slice(prefix.length);
    if (rel === '_prometheus' || rel.startsWith('_prometheus/')) continue;
    if (r.isdir) tree.dirs.add(rel);
    else {
      const data = r.content ?? new Uint8Array(0);
      if (r.link !== null) putFile(tree, rel, data, LEGACY_JOB_FILE_MODE, LEGACY_JOB_FILE_MODE, r.link);
      else putFile(tree, rel, data, jobFileMode(r.mode, data), LEGACY_JOB_FILE_MODE);
    }
  }
  if (tree.dirs.has('_modules')) for (const lib of ['maand.py', 'maand.ts']) putFile(tree, `_modules/${lib}`, readAsset(assetPath(lib)), LEGACY_RENDERED_MODE);
  renderTemplates(db, kv, tree, ctx);
  prometheusRules(db, ctx.job, tree, ctx.workerIp);
  addCerts(db, kv, tree, ctx);
  return tree;
}


function renderTemplates(db: Db, kv: KvStore, tree: JobTree, ctx: AllocationContext): void {
  const templates = [...tree.files.keys()].filter((p) => p.endsWith('.tpl')).sort(byteCompare);
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
    const text = decodeGoString(tree.files.get(rel)!.data); // Go keeps a .tpl's invalid bytes
    let tpl;
    try {
      tpl = parseTemplate('template', text, funcs);
    } catch (e) {
      throw new MaandError('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: parse template ${rel}: ${(e as Error).message}`);
    }
    let out: Buffer;
    try {
      out = renderBytes(tpl, data);
    } catch (e) {
      // the error may quote a value the template read with getSecret: it reaches logs, summaries and JSON
      const msg = redactSecrets(e instanceof Error ? e.message : String(e), kv.knownSecrets());
      throw new MaandError('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: execute template ${rel}: ${msg}`);
    }
    putFile(tree, rel.slice(0, -'.tpl'.length), out, RENDERED_MODE, LEGACY_RENDERED_MODE);
  }
}

function addCerts(db: Db, kv: KvStore, tree: JobTree, ctx: AllocationContext): void {
  tree.dirs.add('certs');
  const names = (db.prepare('SELECT c.name AS name FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(ctx.job) as Array<{ name: string }>).map((r) => r.name);
  const ns = allocationNamespace(ctx.job, ctx.workerIp);
  for (const name of names) {
    for (const [ext, mode] of [['crt', LEGACY_RENDERED_MODE], ['key', PRIVATE_KEY_MODE]] as const) {
      const v = readPlain(kv, ns, `certs/${name}.${ext}`);
      if (v === undefined) throw new MaandError('invalid job', `job ${ctx.job} worker ${ctx.workerIp}: certificate ${name}.${ext} is missing in KV ${ns} (run maand build)`);
      putFile(tree, `certs/${name}.${ext}`, v, mode);
    }
  }
  const ca = kv.tryGet('maand/worker', 'certs/ca.crt');
  if (ca === undefined) throw new MaandError('invalid job', `job ${ctx.job}: the bucket CA is missing in KV maand/worker certs/ca.crt (run maand build)`);
  putFile(tree, 'certs/ca.crt', ca, LEGACY_RENDERED_MODE);
}

/** Builds (in memory) every given allocation's tree whose worker is in the catalog; hash and tree per alloc id. */
export function stageActive(
  db: Db, kv: KvStore, workers: ReadonlyMap<string, { workerId: string; labels: string[] }>, bucketId: string, updateSeq: number,
  job: string, allocs: AllocState[],
): Map<string, StagedTree> {
  const upstream = upstreamJobs(db, job);
  const rows = jobFileRows(db, job);
  const staged = new Map<string, StagedTree>();
  for (const a of allocs) {
    const w = workers.get(a.workerIp);
    if (!w) continue;
    const tree = buildJobTree(db, kv, {
      allocId: a.allocId, job, workerIp: a.workerIp, workerId: w.workerId, labels: w.labels, bucketId, updateSeq,
      currentVersion: a.currentVersion, newVersion: a.newVersion, readable: namespacesForAllocation({ job, workerIp: a.workerIp, upstreamJobs: upstream }),
    }, rows);
    staged.set(a.allocId, { ...hashJobTree(tree), tree });
  }
  return staged;
}
