// Prometheus remote-write 0.1.0 client (kv spec §6.7): one snappy-compressed protobuf POST, retried
// with backoff because Prometheus may not accept writes right after its own rollout.
import { STATUS_CODES } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { compress } from 'snappyjs';
import { MetricsError, RemoteWriteError } from './errors.ts';
import { encodeWriteRequest, type TimeSeries } from './protobuf.ts';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 15_000;
/** Enough of an error body to explain a rejection (the reference reads 4 KiB too). */
const ERROR_BODY_LIMIT = 4096;

export interface BasicAuth {
  username: string;
  password: string;
}

export interface RetryNotice {
  attempt: number;
  attempts: number;
  error: string;
  delayMs: number;
}

export interface RemoteWriteOptions {
  /** `http://<host>:<port>/api/v1/write`. */
  url: string;
  basicAuth?: BasicAuth;
  /** Cancels the push, also between attempts; no further attempt is made. */
  signal?: AbortSignal;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Default 5. */
  attempts?: number;
  /** Waits between attempts; tests pass one that returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before each wait, so the caller can say why the push is taking time. */
  onRetry?: (n: RetryNotice) => void;
}

export interface RemoteWriteResult {
  /** How many attempts it took (1 when the first one was accepted). */
  attempts: number;
}

/** The wait after failed attempt `attempt` (1-based): 2 s doubling, capped at 15 s. */
export function backoffMs(attempt: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
}

/** Pushes `series`; throws the last RemoteWriteError, or a MetricsError when cancelled. */
export async function remoteWrite(series: readonly TimeSeries[], opts: RemoteWriteOptions): Promise<RemoteWriteResult> {
  const body = compress(encodeWriteRequest(series));
  const attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
  const sleep = opts.sleep ?? ((ms: number, signal?: AbortSignal): Promise<void> => delay(ms, undefined, signal ? { signal } : {}));
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw cancelled();
    try {
      await postOnce(body, opts);
      return { attempts: attempt };
    } catch (e) {
      if (opts.signal?.aborted) throw cancelled();
      if (!(e instanceof RemoteWriteError) || !e.retryable || attempt >= attempts) throw e;
      const delayMs = backoffMs(attempt);
      opts.onRetry?.({ attempt, attempts, error: e.message, delayMs });
      try {
        await sleep(delayMs, opts.signal);
      } catch {
        throw cancelled();
      }
    }
  }
}

function cancelled(): MetricsError {
  return new MetricsError('remote write cancelled');
}

async function postOnce(body: Uint8Array, opts: RemoteWriteOptions): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-protobuf',
    'Content-Encoding': 'snappy',
    'X-Prometheus-Remote-Write-Version': '0.1.0',
  };
  if (opts.basicAuth) headers['Authorization'] = `Basic ${Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString('base64')}`;
  let res: Response;
  try {
    res = await fetch(opts.url, { method: 'POST', headers, body, signal });
  } catch (e) {
    if (timeout.aborted) throw new RemoteWriteError(`remote write request: no response within ${timeoutMs / 1000}s from ${opts.url}`);
    throw new RemoteWriteError(`remote write request: ${networkText(e)}`);
  }
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel().catch(() => undefined);
    return;
  }
  const text = await readLimited(res, ERROR_BODY_LIMIT);
  const status = `${res.status} ${STATUS_CODES[res.status] ?? ''}`.trimEnd();
  throw new RemoteWriteError(`remote write status ${status}${text ? `: ${text}` : ''}`, res.status);
}

/** fetch hides the socket error in `cause` ("fetch failed" alone says nothing). */
function networkText(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/** The first `limit` bytes of the body, trimmed; a body that breaks off yields what arrived. */
async function readLimited(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // keep the partial body
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8').trim();
}
