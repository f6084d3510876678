// A built bucket with an open catalog, its session KV store and a running runtime API: the
// context a deploy or build gives the hooks module.
import { join } from 'node:path';
import { newBucket, type TestBucket } from '../helpers/bucket.ts';
import { openDb, type Db } from '../../src/catalog/db.ts';
import { isMaandError } from '../../src/errors.ts';
import { KvStore, loadKvKey } from '../../src/kv/index.ts';
import { startRuntimeApi, type RuntimeApi } from '../../src/hooks/runtime-api.ts';
import type { HookOutputLine, HookProgress, HookRunContext } from '../../src/hooks/types.ts';

export interface JobFixture {
  manifest: object;
  /** Files relative to the job directory (`_modules/command_x.py`). */
  files?: Record<string, string>;
}

export interface HookFixture {
  bucket: TestBucket;
  root: string;
  db: Db;
  kv: KvStore;
  api: RuntimeApi;
  ctx: HookRunContext;
  lines: HookOutputLine[];
  progress: HookProgress[];
  /** Output text of one worker, stdout and stderr lines in order. */
  output(worker?: string): string;
  close(): Promise<void>;
}

/** Builds a bucket from `workers` (IPs) and `jobs`; post_build hooks do not run during the build. */
export async function hookFixture(workers: string[], jobs: Record<string, JobFixture>, files: Record<string, string> = {}): Promise<HookFixture> {
  const bucket = await newBucket();
  bucket.workers(workers.map((host) => ({ host })));
  for (const [name, j] of Object.entries(jobs)) bucket.job(name, j.manifest, j.files ?? {});
  bucket.write(files);
  await buildIgnoringPostBuild(bucket);
  return openFixture(bucket);
}

/** Builds; a post_build failure of the build step itself is ignored (tests run post_build on their own). */
export async function buildIgnoringPostBuild(bucket: TestBucket): Promise<void> {
  try {
    await bucket.build();
  } catch (e) {
    if (!(isMaandError(e) && e.code === 'post_build')) throw e;
  }
}

export async function openFixture(bucket: TestBucket): Promise<HookFixture> {
  const db = openDb(join(bucket.root, 'data', 'maand.db'));
  const kv = KvStore.load(db, { key: () => loadKvKey(bucket.root) });
  const api = await startRuntimeApi({ db, kv });
  const lines: HookOutputLine[] = [];
  const progress: HookProgress[] = [];
  const ctx: HookRunContext = {
    root: bucket.root, db, kv, api, env: process.env,
    onOutput: (l) => lines.push(l),
    onProgress: (p) => progress.push(p),
  };
  return {
    bucket, root: bucket.root, db, kv, api, ctx, lines, progress,
    output: (worker) => lines.filter((l) => worker === undefined || l.worker === worker).map((l) => l.text).join('\n'),
    async close() {
      await api.close();
      db.close();
      bucket.cleanup();
    },
  };
}

/** A manifest registering `commands` (name → events). */
export function manifestWith(commands: Record<string, string[]>, extra: object = {}): object {
  return {
    version: '1.0.0',
    selectors: ['worker'],
    commands: Object.fromEntries(Object.entries(commands).map(([n, events]) => [n, { executed_on: events }])),
    ...extra,
  };
}

/** Calls the runtime API as a hook would. */
export async function call(
  api: RuntimeApi,
  method: string,
  path: string,
  o: {
    alloc?: string; event?: string; command?: string; body?: unknown; token?: string | null; headers?: Record<string, string>;
    /** The allocation the minted token is for (default `alloc`). */
    as?: string;
  } = {},
): Promise<{ status: number; text: string; json(): unknown }> {
  // unless the test brings its own, a token as the runner mints one for a hook: this allocation, event and command
  const session = o.token === undefined ? api.openHook({ allocId: o.as ?? o.alloc ?? '', event: o.event ?? 'cli', command: o.command ?? '' }) : undefined;
  try {
    return await send(api, method, path, { ...o, token: session?.token ?? o.token ?? null });
  } finally {
    session?.close();
  }
}

async function send(
  api: RuntimeApi,
  method: string,
  path: string,
  o: { alloc?: string; event?: string; command?: string; body?: unknown; token: string | null; headers?: Record<string, string> },
): Promise<{ status: number; text: string; json(): unknown }> {
  const { request } = await import('node:http');
  const headers: Record<string, string> = { ...o.headers };
  if (o.token !== null) headers['Authorization'] = `Bearer ${o.token}`;
  if (o.alloc !== undefined) headers['X-ALLOCATION-ID'] = o.alloc;
  if (o.event !== undefined) headers['EVENT'] = o.event;
  if (o.command !== undefined) headers['COMMAND'] = o.command;
  const data = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  if (data !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(data)); // Node sends a GET body only with a length
  }
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) as unknown });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** The allocation id of `job` on `ip`. */
export function allocId(db: Db, job: string, ip: string): string {
  const row = db.prepare('SELECT alloc_id FROM allocations WHERE job = ? AND worker_ip = ?').get(job, ip) as { alloc_id: string } | undefined;
  if (row === undefined) throw new Error(`no allocation of ${job} on ${ip}`);
  return row.alloc_id;
}
