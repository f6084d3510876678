// The endpoints of the runtime API (spec kv §3.9.3): status codes and texts are the reference's,
// except that a namespace outside the job's grants is 403 (the reference said 400; issue 15).
// Permissions come from the KV access rules; the caller (job J on worker W, event, command) is
// the hook the request's token was minted for.
import type { ServerResponse } from 'node:http';
import type { Db } from '../catalog/db.ts';
import {
  canRead, canWrite, isKvError, jobSecretsNamespace, jobVarsNamespace, namespacesForAllocation, readPlain, upstreamJobs,
  type KvStore,
} from '../kv/index.ts';
import { demandsOn } from './catalog.ts';
import { decodeStruct, HttpFailure, sendJson, sendText, type FieldKind } from './http-io.ts';
import { normalizeCapacity, normalizeTimeoutSeconds, type SemaphoreTable } from './semaphores.ts';

export interface Caller {
  allocId: string;
  job: string;
  workerIp: string;
  /** The hook's event (decides the health_check write ban and the rollout_order permission). */
  event: string;
  /** The hook's command (selects /demands). */
  command: string;
  /** Where the hook's refusals are reported as they happen. */
  onRefused?: (refusal: string) => void;
}

export interface HandlerDeps {
  db: Db;
  kv(): KvStore;
  semaphores: SemaphoreTable;
  /** Remembers a refusal for the caller's error text. */
  refuse(caller: Caller, what: string, message: string): void;
}

export interface Request {
  caller: Caller;
  body: string;
  query: URLSearchParams;
  res: ServerResponse;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

export type Handler = (deps: HandlerDeps, r: Request) => Promise<void> | void;

const REQUIRED = 'Both namespace and key are required';
const UNAUTHORIZED = 'Invalid or unauthorized namespace';
const HEALTH_WRITE = 'KV writes are not allowed during health_check';
const NOT_FOUND = 'KV get operation failed';
const INTERNAL = 'Internal server error';

function kvFields(body: string, withValue: boolean): { namespace: string; key: string; value: string } {
  const fields: Record<string, FieldKind> = withValue ? { namespace: 'string', key: 'string', value: 'string' } : { namespace: 'string', key: 'string' };
  const b = decodeStruct(body, fields);
  const out = { namespace: String(b['namespace']), key: String(b['key']), value: withValue ? String(b['value']) : '' };
  if (out.namespace === '' || out.key === '' || (withValue && out.value === '')) throw new HttpFailure(400, REQUIRED);
  return out;
}

function refuse(deps: HandlerDeps, r: Request, op: string, ns: string, key: string, status: number, message: string): never {
  deps.refuse(r.caller, `${op} ${ns} ${key}`.trim(), message);
  throw new HttpFailure(status, message);
}

const getKv: Handler = (deps, r) => {
  const { namespace: ns, key } = kvFields(r.body, false);
  const { job, workerIp } = r.caller;
  if (!canRead(namespacesForAllocation({ job, workerIp, upstreamJobs: upstreamJobs(deps.db, job) }), ns))
    refuse(deps, r, 'GET /kv', ns, key, 403, UNAUTHORIZED);
  const kv = deps.kv();
  if (kv.tryGet(ns, key) === undefined) throw new HttpFailure(404, NOT_FOUND);
  let value: string;
  try {
    value = readPlain(kv, ns, key)!;
  } catch {
    throw new HttpFailure(500, INTERNAL);
  }
  sendJson(r.res, value === '' ? { namespace: ns, key } : { namespace: ns, key, value });
};

function writer(op: 'put' | 'delete', secret: boolean): Handler {
  const label = `${op === 'put' ? 'PUT' : 'DELETE'} /kv${secret ? '/secret' : ''}`;
  return (deps, r) => {
    const { namespace: ns, key, value } = kvFields(r.body, op === 'put');
    const verdict = canWrite({ job: r.caller.job, event: r.caller.event, ns, key, secret, op });
    if (verdict === 'forbidden-namespace') refuse(deps, r, label, ns, key, 403, UNAUTHORIZED);
    if (verdict === 'health-check-write') refuse(deps, r, label, ns, key, 400, HEALTH_WRITE);
    const kv = deps.kv();
    try {
      if (op === 'delete') kv.delete(ns, key);
      else if (secret) kv.putSecret(ns, key, value);
      else kv.put(ns, key, value);
    } catch (e) {
      if (isKvError(e, 'not-found')) throw new HttpFailure(404, NOT_FOUND);
      throw new HttpFailure(500, INTERNAL); // unknown namespace (reference quirk), missing kv.key
    }
    sendText(r.res, 200, '');
  };
}

const listKeys: Handler = (deps, r) => {
  const ns = decodeStruct(r.body, { namespace: 'string' }).namespace as string;
  const own = [jobSecretsNamespace(r.caller.job), jobVarsNamespace(r.caller.job)]; // sorted, as Go encodes a map
  if (ns !== '' && !own.includes(ns)) refuse(deps, r, 'GET /kv/keys', ns, '', 403, UNAUTHORIZED);
  const kv = deps.kv();
  const namespaces: Record<string, string[]> = {};
  for (const n of own) if (ns === '' || ns === n) namespaces[n] = kv.keys(n);
  sendJson(r.res, { namespaces });
};

const demands: Handler = (deps, r) => {
  const out = demandsOn(deps.db, r.caller.job, r.caller.command).map((d) => {
    let config: unknown;
    try {
      config = d.demandConfig === '' ? null : sortKeysDeep(JSON.parse(d.demandConfig));
    } catch {
      throw new HttpFailure(500, INTERNAL);
    }
    return { job: d.job, command: d.command, demand_config: config };
  });
  sendJson(r.res, out);
};

const acquire: Handler = async (deps, r) => {
  const b = decodeStruct(r.body, { name: 'string', capacity: 'int', timeout_seconds: 'int' });
  const name = b.name as string;
  if (name === '') throw new HttpFailure(400, REQUIRED);
  const capacity = normalizeCapacity(b.capacity as number);
  const timeoutMs = normalizeTimeoutSeconds(b.timeout_seconds as number) * 1000;
  await deps.semaphores.acquire({ job: r.caller.job, event: r.caller.event, name }, r.caller.allocId, capacity, timeoutMs, r.signal);
  sendJson(r.res, { name, allocation_id: r.caller.allocId, capacity, acquired: true });
};

const release: Handler = (deps, r) => {
  const name = decodeStruct(r.body, { name: 'string' }).name as string;
  if (name === '') throw new HttpFailure(400, REQUIRED);
  deps.semaphores.release({ job: r.caller.job, event: r.caller.event, name }, r.caller.allocId);
  sendText(r.res, 200, '');
};

const status: Handler = (deps, r) => {
  const name = r.query.get('name') ?? '';
  if (name === '') throw new HttpFailure(400, REQUIRED);
  sendJson(r.res, deps.semaphores.status({ job: r.caller.job, event: r.caller.event, name }));
};

export interface Route {
  method: string;
  /** Whether the JSON body is read (GET /demands and the status endpoint read none). */
  body: boolean;
  handler: Handler;
}

export const ROUTES: Record<string, Route[]> = {
  '/kv': [
    { method: 'GET', body: true, handler: getKv },
    { method: 'PUT', body: true, handler: writer('put', false) },
    { method: 'DELETE', body: true, handler: writer('delete', false) },
  ],
  '/kv/keys': [{ method: 'GET', body: true, handler: listKeys }],
  '/kv/secret': [
    { method: 'PUT', body: true, handler: writer('put', true) },
    { method: 'DELETE', body: true, handler: writer('delete', true) },
  ],
  '/demands': [{ method: 'GET', body: false, handler: demands }],
  '/semaphore/acquire': [{ method: 'POST', body: true, handler: acquire }],
  '/semaphore/release': [{ method: 'POST', body: true, handler: release }],
  '/semaphore/status': [{ method: 'GET', body: false, handler: status }],
};

/** Objects with sorted keys at every level (Go encodes maps sorted). */
function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeysDeep((v as Record<string, unknown>)[k])]));
}
