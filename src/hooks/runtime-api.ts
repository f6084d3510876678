// The runtime HTTP API hooks call back into (spec kv §3.9, decision Q23): one server per run on
// 127.0.0.1 and an ephemeral port, guarded by a random per-run token, so several runs on one
// machine never collide and no other local process can use a run's API. It reads and writes the
// run's KvStore itself: a value a pre_deploy hook puts is what a later template render reads.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';
import { allocationById } from './catalog.ts';
import { HttpFailure, readBody, sendText } from './http-io.ts';
import { ROUTES, type Caller, type HandlerDeps } from './runtime-handlers.ts';
import { SemaphoreTable } from './semaphores.ts';
import type { RuntimeApiEndpoint } from './types.ts';

export interface RuntimeApiOptions {
  db: Db;
  /** The run's session store (or a getter, when the caller swaps stores between phases). */
  kv: KvStore | (() => KvStore);
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: 32 random bytes, hex. */
  token?: string;
}

export interface RuntimeApi extends RuntimeApiEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  enterHook(allocId: string, event: string): () => void;
  releaseHolds(allocId: string, event: string): void;
  takeRejections(allocId: string): string[];
  /** Stops listening and drops open connections (waiting semaphore acquires end). */
  close(): Promise<void>;
}

const MAX_REJECTIONS = 10;

export async function startRuntimeApi(o: RuntimeApiOptions): Promise<RuntimeApi> {
  const host = o.host ?? '127.0.0.1';
  const token = o.token ?? randomBytes(32).toString('hex');
  const semaphores = new SemaphoreTable();
  const rejections = new Map<string, string[]>();
  /** allocation id → events of its hooks running now */
  const running = new Map<string, string[]>();
  const deps: HandlerDeps = {
    db: o.db,
    kv: typeof o.kv === 'function' ? o.kv : () => o.kv as KvStore,
    semaphores,
    refuse(caller: Caller, what: string, message: string) {
      const list = rejections.get(caller.allocId) ?? [];
      if (list.length < MAX_REJECTIONS) list.push(`${what}: ${message}`);
      rejections.set(caller.allocId, list);
    },
  };
  const server = createServer((req, res) => {
    handle(deps, token, running, req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    token,
    url: `http://${host}:${port}`,
    enterHook(allocId, event) {
      running.set(allocId, [...(running.get(allocId) ?? []), event]);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const rest = running.get(allocId) ?? [];
        rest.splice(rest.indexOf(event), 1);
        if (rest.length === 0) running.delete(allocId);
      };
    },
    releaseHolds: (allocId, event) => semaphores.releaseAll(allocId, event),
    takeRejections(allocId) {
      const list = rejections.get(allocId) ?? [];
      rejections.delete(allocId);
      return list;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(deps: HandlerDeps, token: string, running: Map<string, string[]>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!authorized(req, token)) return sendText(res, 401, 'Unauthorized: missing or wrong runtime API token (send JOB_COMMAND_API_TOKEN as Authorization: Bearer)');
  const url = new URL(req.url ?? '/', 'http://runtime-api');
  const routes = ROUTES[url.pathname];
  if (routes === undefined) return sendText(res, 404, '404 page not found');
  const route = routes.find((r) => r.method === req.method);
  if (route === undefined) return sendText(res, 405, '');
  const allocId = header(req, 'x-allocation-id');
  if (allocId === '') return sendText(res, 400, 'X-ALLOCATION-ID header is missing');
  let alloc;
  try {
    alloc = allocationById(deps.db, allocId);
  } catch {
    return sendText(res, 500, 'Internal server error');
  }
  if (alloc === undefined) return sendText(res, 404, 'Invalid allocation ID');
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  try {
    const body = route.body ? await readBody(req) : '';
    const claimed = header(req, 'event');
    const events = running.get(allocId);
    const event = events === undefined || events.includes(claimed) ? claimed : events[0]!;
    const caller: Caller = { allocId, job: alloc.job, workerIp: alloc.workerIp, event, command: header(req, 'command') };
    await route.handler(deps, { caller, body, query: url.searchParams, res, signal: gone.signal });
  } catch (e) {
    if (!(e instanceof HttpFailure)) throw e;
    if (!res.headersSent && !res.destroyed) sendText(res, e.status, e.message);
  }
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

function authorized(req: IncomingMessage, token: string): boolean {
  const auth = header(req, 'authorization');
  const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : header(req, 'x-maand-token').trim();
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
