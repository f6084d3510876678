// The per-allocation hook workspace (spec kv §3.3): tmp/workers/<ip>/jobs/<job>/ under the bucket
// root (maand.py's find_bucket_root relies on that), filled from the catalog copy of the job, the
// client libraries and the allocation's certificates. Files of an earlier staging in the same run
// (rendered templates, certs/) stay.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../catalog/db.ts';
import { allocationNamespace, CERTS_KEY_PREFIX, readPlain, WORKERS_NS, type KvStore } from '../kv/index.ts';
import { assetPath } from '../util/assets.ts';
import { jobFiles, type CatalogFile } from './catalog.ts';
import { JobCommandError } from './errors.ts';

export const CLIENT_LIBRARIES = ['maand.py', 'maand.ts'] as const;

export interface WorkspaceOptions {
  root: string;
  db: Db;
  kv: KvStore;
  job: string;
  workerIp: string;
  /** `full` copies every job file; `health-fast` only `_modules/<command>.*` (health_check). */
  variant: 'full' | 'health-fast';
  command: string;
  /** Event, for error texts only. */
  event?: string;
}

/** `<root>/tmp/workers/<ip>/jobs/<job>` — shared with deploy staging. */
export function jobWorkspaceDir(root: string, workerIp: string, job: string): string {
  return join(root, 'tmp', 'workers', workerIp, 'jobs', job);
}

/** Prepares the workspace and returns its `_modules` directory (the hook's cwd). */
export function prepareHookWorkspace(o: WorkspaceOptions): string {
  const where = { job: o.job, command: o.command, event: o.event ?? '' };
  const dir = jobWorkspaceDir(o.root, o.workerIp, o.job);
  const modules = join(dir, '_modules');
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of selectFiles(o)) {
      const rel = f.path.slice(o.job.length + 1);
      const target = join(dir, rel);
      if (f.isdir) mkdirSync(target, { recursive: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, f.content, { mode: 0o777 });
      }
    }
    mkdirSync(modules, { recursive: true });
    writeClientLibraries(modules);
    writeCerts(o, join(modules, 'certs'));
  } catch (e) {
    if (e instanceof JobCommandError) throw e;
    throw new JobCommandError('workspace', where, `job ${o.job} command ${o.command} worker ${o.workerIp}: preparing the hook workspace ${dir}: ${(e as Error).message}`);
  }
  return modules;
}

/** Writes `maand.py` and `maand.ts` (0644) into `modulesDir`. */
export function writeClientLibraries(modulesDir: string): void {
  for (const name of CLIENT_LIBRARIES) {
    const target = join(modulesDir, name);
    writeFileSync(target, clientLibrary(name));
    chmodSync(target, 0o644);
  }
}

const libraryCache = new Map<string, Buffer>();

/** The bytes of a shipped client library (part of the deploy plan hash). */
export function clientLibrary(name: (typeof CLIENT_LIBRARIES)[number]): Buffer {
  let bytes = libraryCache.get(name);
  if (bytes === undefined) libraryCache.set(name, (bytes = readFileSync(assetPath(name))));
  return bytes;
}

function selectFiles(o: WorkspaceOptions): CatalogFile[] {
  const rel = (f: CatalogFile): string => f.path.slice(o.job.length + 1);
  const all = jobFiles(o.db, o.job).filter((f) => f.path.startsWith(`${o.job}/`) && safeRelative(rel(f)));
  if (o.variant === 'full') return all.filter((f) => rel(f) !== '_prometheus' && !rel(f).startsWith('_prometheus/'));
  const prefix = `${o.job}/_modules/${o.command}.`;
  const own = all.filter((f) => !f.isdir && f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('/'));
  if (own.length === 0)
    throw new JobCommandError('script', { job: o.job, command: o.command, event: o.event ?? '' }, `job command file not found: job ${o.job} command ${o.command} module not in job_files (run maand build)`);
  return own;
}

function writeCerts(o: WorkspaceOptions, certsDir: string): void {
  mkdirSync(certsDir, { recursive: true });
  const ns = allocationNamespace(o.job, o.workerIp);
  for (const key of o.kv.keys(ns)) {
    if (!key.startsWith(CERTS_KEY_PREFIX) || !safeRelative(key.slice(CERTS_KEY_PREFIX.length))) continue;
    const target = join(certsDir, key.slice(CERTS_KEY_PREFIX.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readPlain(o.kv, ns, key) ?? '');
    chmodSync(target, key.endsWith('.key') ? 0o600 : 0o644);
  }
  const ca = join(certsDir, 'ca.crt');
  if (existsSync(ca)) return;
  const pem = o.kv.tryGet(WORKERS_NS, 'certs/ca.crt');
  if (pem === undefined)
    throw new JobCommandError('workspace', { job: o.job, command: o.command, event: o.event ?? '' }, `job ${o.job} command ${o.command} worker ${o.workerIp}: certs/ca.crt in ${WORKERS_NS}: key not found or deleted (run maand build)`);
  writeFileSync(ca, pem, { mode: 0o644 });
}

/** A relative path without empty, `.` or `..` segments (catalog and KV data never escape the workspace). */
function safeRelative(rel: string): boolean {
  return rel !== '' && !rel.startsWith('/') && rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}
