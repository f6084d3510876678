// maand job-command client library for TypeScript/JavaScript hooks (Node.js 24 or Bun).
//
// Reads the allocation's environment and calls the maand runtime API (KV, demands, semaphores).
// HTTP helpers resolve to a fetch `Response`. The API address and token come from
// JOB_COMMAND_API_HOST, JOB_COMMAND_API_PORT and JOB_COMMAND_API_TOKEN, which maand sets for every
// hook run. Written in erasable TypeScript only, so Node runs it without a build step.

type Env = Record<string, string | undefined>;
type Body = Record<string, unknown>;

function env(name: string): string | undefined {
  return ((globalThis as { process?: { env: Env } }).process?.env ?? {})[name];
}

function baseUrl(): string {
  return `http://${env('JOB_COMMAND_API_HOST') || '127.0.0.1'}:${env('JOB_COMMAND_API_PORT') || '8080'}`;
}

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'X-ALLOCATION-ID': env('ALLOCATION_ID') ?? '',
    COMMAND: env('COMMAND') ?? '',
    EVENT: env('EVENT') ?? '',
  };
  const token = env('JOB_COMMAND_API_TOKEN');
  if (token) h['Authorization'] = `Bearer ${token}`;
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

/** The runtime API answers at once except a semaphore acquire (which passes its own, longer limit). */
const DEFAULT_TIMEOUT_MS = 60_000;

async function request(method: string, path: string, body?: Body, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<Response> {
  const url = baseUrl() + path;
  const data = body === undefined ? undefined : JSON.stringify(body);
  const signal = AbortSignal.timeout(timeoutMs);
  if ((globalThis as { Bun?: unknown }).Bun !== undefined) {
    return fetch(url, { method, headers: headers(data !== undefined), body: data, signal });
  }
  // Node's fetch refuses a body on GET, and the API reads GET bodies: use node:http there.
  const http = await import('node:http');
  const bytes = data === undefined ? undefined : new TextEncoder().encode(data);
  return new Promise<Response>((resolve, reject) => {
    const h: Record<string, string> = headers(bytes !== undefined);
    if (bytes !== undefined) h['Content-Length'] = String(bytes.length);
    const req = http.request(url, { method, headers: h, signal }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: Uint8Array) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, item);
        }
        const size = chunks.reduce((n, c) => n + c.length, 0);
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        resolve(new Response(size === 0 ? null : all, { status: res.statusCode ?? 500, statusText: res.statusMessage ?? '', headers: out }));
      });
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

// --- allocation environment --------------------------------------------------------------------

export function allocationId(): string | undefined {
  return env('ALLOCATION_ID');
}

export function allocationIp(): string | undefined {
  return env('ALLOCATION_IP');
}

export function allocationIndex(): string | undefined {
  return env('ALLOCATION_INDEX');
}

export function isAllocationDisabled(): boolean {
  return env('DISABLED') === '1';
}

export function commandEvent(): string | undefined {
  return env('EVENT');
}

export function commandName(): string | undefined {
  return env('COMMAND');
}

export function jobName(): string | undefined {
  return env('JOB');
}

// --- runtime API -------------------------------------------------------------------------------

export function getStoreValue(namespace: string, key: string): Promise<Response> {
  return request('GET', '/kv', { namespace, key });
}

/** The value, or an Error for a non-2xx answer or a response without `value`. */
export async function getKvValue(namespace: string, key: string): Promise<string> {
  const res = await getStoreValue(namespace, key);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET /kv ${namespace} ${key}: ${res.status} ${text.trim()}`);
  const value = (JSON.parse(text) as { value?: string }).value;
  if (value === undefined) throw new Error(`GET /kv ${namespace} ${key}: no value`);
  return value;
}

export function putRolloutOrder(order: string | string[]): Promise<Response> {
  const value = Array.isArray(order) ? order.map((x) => String(x)).filter((x) => x !== '').join(',') : order;
  return request('PUT', '/kv', { namespace: `maand/job/${jobName()}`, key: 'rollout_order', value });
}

/** Alias of putRolloutOrder (real jobs call it by this name). */
export function putDeployOrder(order: string | string[]): Promise<Response> {
  return putRolloutOrder(order);
}

export function getRolloutOrder(): Promise<Response> {
  return getStoreValue(`maand/job/${jobName()}`, 'rollout_order');
}

export function putJobVariable(key: string, value: string): Promise<Response> {
  return request('PUT', '/kv', { namespace: `vars/job/${jobName()}`, key, value });
}

export function putJobSecret(key: string, value: string): Promise<Response> {
  return request('PUT', '/kv/secret', { namespace: `secrets/job/${jobName()}`, key, value });
}

export function listJobKeys(namespace?: string): Promise<Response> {
  return request('GET', '/kv/keys', namespace ? { namespace } : {});
}

export function deleteJobVariable(key: string): Promise<Response> {
  return request('DELETE', '/kv', { namespace: `vars/job/${jobName()}`, key });
}

export function deleteJobSecret(key: string): Promise<Response> {
  return request('DELETE', '/kv/secret', { namespace: `secrets/job/${jobName()}`, key });
}

export function listCommandDemands(): Promise<Response> {
  return request('GET', '/demands');
}

export function acquireSemaphore(name: string, capacity = 1, timeoutSeconds = 600): Promise<Response> {
  return request('POST', '/semaphore/acquire', { name, capacity, timeout_seconds: timeoutSeconds }, (timeoutSeconds + 30) * 1000);
}

export function releaseSemaphore(name: string): Promise<Response> {
  return request('POST', '/semaphore/release', { name });
}

export function semaphoreStatus(name: string): Promise<Response> {
  return request('GET', `/semaphore/status?name=${encodeURIComponent(name)}`);
}

// --- backward-compatible aliases ---------------------------------------------------------------

export const getAllocationId = allocationId;
export const getAllocationIp = allocationIp;
export const getAllocationIndex = allocationIndex;
export const getEvent = commandEvent;
export const getCommand = commandName;
export const getJob = jobName;
export const kvGet = getStoreValue;
export const kvPut = putJobVariable;
export const kvPutSecret = putJobSecret;
export const getDemands = listCommandDemands;
