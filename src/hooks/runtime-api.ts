// The runtime HTTP API hooks call back into (spec kv §3.9, decision Q23): one server per run on
// 127.0.0.1 and an ephemeral port. Every hook process gets its own random token, minted when it
// starts and revoked when it ends, bound to its allocation, event and command (issue 15): the
// X-ALLOCATION-ID header cannot make it act as another job, and no other local process (nor a
// hook after it ended) can use the API. There is no run-level token: only hooks call the API. It
// reads and writes the run's KvStore itself: a value a pre_deploy hook puts is what a later
// template render reads.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';
import { InternalError } from '../errors.ts';
import { allocationById } from './catalog.ts';
import { HttpFailure, readBody, sendText } from './http-io.ts';
import { ROUTES, type Caller, type HandlerDeps } from './runtime-handlers.ts';
import { SemaphoreTable } from './semaphores.ts';
import type { HookGrant, HookSession, RuntimeApiEndpoint } from './types.ts';

export interface RuntimeApiOptions {
  db: Db;
  /** The run's session store (or a getter, when the caller swaps stores between phases). */
  kv: KvStore | (() => KvStore);
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RuntimeApi extends RuntimeApiEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  releaseHolds(allocId: string, event: string): void;
  takeRejections(allocId: string): string[];
  /** Stops listening and drops open connections (waiting semaphore acquires end). */
  close(): Promise<void>;
}

const MAX_REJECTIONS = 10;

export async function startRuntimeApi(o: RuntimeApiOptions): Promise<RuntimeApi> {
  const host = o.host ?? '127.0.0.1';
  const semaphores = new SemaphoreTable();
  const rejections = new Map<string, string[]>();
  /** token → the hook it was minted for (whom it acts as); removed when the hook ends */
  const grants = new Map<string, Caller>();
  const deps: HandlerDeps = {
    db: o.db,
    kv: typeof o.kv === 'function' ? o.kv : () => o.kv as KvStore,
    semaphores,
    refuse(caller: Caller, what: string, message: string) {
      const refusal = `${what}: ${message}`;
      const list = rejections.get(caller.allocId) ?? [];
      if (list.length < MAX_REJECTIONS) list.push(refusal);
      rejections.set(caller.allocId, list);
      caller.onRefused?.(refusal);
    },
  };
  const server = createServer((req, res) => {
    handle(deps, grants, req, res).catch(() => {
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
    url: `http://${host}:${port}`,
    openHook: (grant, onRefused) => openHook(o.db, grants, grant, onRefused),
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

function openHook(db: Db, grants: Map<string, Caller>, g: HookGrant, onRefused?: (refusal: string) => void): HookSession {
  const alloc = allocationById(db, g.allocId);
  if (alloc === undefined) throw new InternalError(`runtime API: no allocation ${g.allocId} to mint a hook token for`);
  const token = randomBytes(32).toString('hex');
  grants.set(token, { allocId: g.allocId, job: alloc.job, workerIp: alloc.workerIp, event: g.event, command: g.command, ...(onRefused ? { onRefused } : {}) });
  return { token, close: () => void grants.delete(token) };
}

async function handle(deps: HandlerDeps, grants: Map<string, Caller>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // whom the token was minted for; event and command never come from headers (a hook cannot lift the health_check write ban)
  const caller = grantOf(req, grants);
  if (caller === undefined) return sendText(res, 401, 'Unauthorized: missing, wrong or expired runtime API token (send JOB_COMMAND_API_TOKEN as Authorization: Bearer)');
  const url = new URL(req.url ?? '/', 'http://runtime-api');
  const routes = ROUTES[url.pathname];
  if (routes === undefined) return sendText(res, 404, '404 page not found');
  const route = routes.find((r) => r.method === req.method);
  if (route === undefined) return sendText(res, 405, '');
  const allocId = header(req, 'x-allocation-id');
  if (allocId === '') return sendText(res, 400, 'X-ALLOCATION-ID header is missing');
  if (allocId !== caller.allocId) {
    const message = `Forbidden: this token belongs to a hook of job ${caller.job}; X-ALLOCATION-ID ${allocId} is not its allocation`;
    deps.refuse(caller, `${req.method ?? ''} ${url.pathname}`, message);
    return sendText(res, 403, message);
  }
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  try {
    const body = route.body ? await readBody(req) : '';
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

/** The grant of the request's token (Authorization: Bearer, or X-MAAND-TOKEN), compared in constant time. */
function grantOf(req: IncomingMessage, grants: Map<string, Caller>): Caller | undefined {
  const auth = header(req, 'authorization');
  const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : header(req, 'x-maand-token').trim());
  for (const [token, grant] of grants) {
    const b = Buffer.from(token);
    if (given.length === b.length && timingSafeEqual(given, b)) return grant;
  }
  return undefined;
}
