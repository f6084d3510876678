// The remote-write client against a real HTTP receiver on 127.0.0.1: wire format, headers, retries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { backoffMs, remoteWrite, type RemoteWriteOptions } from '../../src/metrics/remote-write.ts';
import { MetricsError, RemoteWriteError } from '../../src/metrics/errors.ts';
import type { TimeSeries } from '../../src/metrics/protobuf.ts';
import { startReceiver, type Reply, type WriteReceiver } from './server.ts';

const TS = Date.UTC(2030, 5, 1, 12, 0, 0, 250);
const SERIES: TimeSeries[] = [
  { labels: [{ name: 'scope', value: 'ca' }, { name: '__name__', value: 'maand_cert_expired' }], samples: [{ value: 0, timestampMs: TS }] },
  { labels: [{ name: '__name__', value: 'maand_cert_not_after_seconds' }, { name: 'scope', value: 'ca' }], samples: [{ value: 1900000000, timestampMs: TS }] },
];

/** Runs `fn` with a receiver answering `replies`, recording the waits instead of sleeping. */
async function withReceiver(replies: Reply[], fn: (r: WriteReceiver, opts: RemoteWriteOptions, sleeps: number[]) => Promise<void>): Promise<void> {
  const r = await startReceiver(replies);
  const sleeps: number[] = [];
  try {
    await fn(r, { url: r.url, sleep: async (ms) => void sleeps.push(ms) }, sleeps);
  } finally {
    await r.close();
  }
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

test('the body is a snappy-compressed WriteRequest with sorted labels, the values and the timestamps', () =>
  withReceiver([{ status: 204 }], async (r, opts) => {
    assert.deepEqual(await remoteWrite(SERIES, opts), { attempts: 1 });
    assert.equal(r.requests.length, 1);
    assert.equal(r.requests[0]!.method, 'POST');
    assert.equal(r.requests[0]!.path, '/api/v1/write');
    assert.deepEqual(r.requests[0]!.series, [
      { labels: [['__name__', 'maand_cert_expired'], ['scope', 'ca']], samples: [{ value: 0, timestampMs: TS }] },
      { labels: [['__name__', 'maand_cert_not_after_seconds'], ['scope', 'ca']], samples: [{ value: 1900000000, timestampMs: TS }] },
    ]);
  }));

test('the request carries the remote-write 0.1.0 headers and no authorization by default', () =>
  withReceiver([{ status: 200 }], async (r, opts) => {
    await remoteWrite(SERIES, opts);
    const h = r.requests[0]!.headers;
    assert.equal(h['content-type'], 'application/x-protobuf');
    assert.equal(h['content-encoding'], 'snappy');
    assert.equal(h['x-prometheus-remote-write-version'], '0.1.0');
    assert.equal(h['authorization'], undefined);
  }));

test('given basic auth credentials, the request carries a Basic authorization header', () =>
  withReceiver([{ status: 204 }], async (r, opts) => {
    await remoteWrite(SERIES, { ...opts, basicAuth: { username: 'admin', password: 'p:ss' } });
    assert.equal(r.requests[0]!.headers['authorization'], `Basic ${Buffer.from('admin:p:ss').toString('base64')}`);
  }));

test('given a 503 and then a success, the push is retried once after 2 s and succeeds', () =>
  withReceiver([{ status: 503, body: 'starting' }, { status: 204 }], async (r, opts, sleeps) => {
    const notices: string[] = [];
    const res = await remoteWrite(SERIES, { ...opts, onRetry: (n) => notices.push(`${n.attempt}/${n.attempts} ${n.error} ${n.delayMs}`) });
    assert.deepEqual(res, { attempts: 2 });
    assert.equal(r.requests.length, 2);
    assert.deepEqual(sleeps, [2000]);
    assert.deepEqual(notices, ['1/5 remote write status 503 Service Unavailable: starting 2000']);
  }));

test('given a 400, the push is not retried and the error names the status and the body', () =>
  withReceiver([{ status: 400, body: 'out of order sample\n' }], async (r, opts, sleeps) => {
    const err = await rejection(remoteWrite(SERIES, opts));
    assert.ok(err instanceof RemoteWriteError);
    assert.equal(err.message, 'remote write status 400 Bad Request: out of order sample');
    assert.equal(err.status, 400);
    assert.equal(r.requests.length, 1);
    assert.deepEqual(sleeps, []);
  }));

test('given a bad status with an empty body, the error is the status alone', () =>
  withReceiver([{ status: 401 }], async (_r, opts) => {
    assert.equal((await rejection(remoteWrite(SERIES, opts))).message, 'remote write status 401 Unauthorized');
  }));

test('given 429 on every attempt, the push is tried 5 times with waits doubling from 2 s and capped at 15 s', () =>
  withReceiver([{ status: 429 }], async (r, opts, sleeps) => {
    const err = await rejection(remoteWrite(SERIES, opts));
    assert.equal(err.message, 'remote write status 429 Too Many Requests');
    assert.equal(r.requests.length, 5);
    assert.deepEqual(sleeps, [2000, 4000, 8000, 15000]);
  }));

test('the backoff after attempt n is 2 s doubling, never more than 15 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map(backoffMs), [2000, 4000, 8000, 15000, 15000, 15000]);
});

test('given a closed port, the push is tried 5 times and fails with the network error', async () => {
  const port = await closedPort();
  const sleeps: number[] = [];
  const err = await rejection(remoteWrite(SERIES, { url: `http://127.0.0.1:${port}/api/v1/write`, sleep: async (ms) => void sleeps.push(ms) }));
  assert.ok(err instanceof RemoteWriteError);
  assert.match(err.message, /^remote write request: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  assert.equal(sleeps.length, 4);
});

test('given a receiver that does not answer in time, the attempt times out and the next one succeeds', () =>
  withReceiver(['hang', { status: 204 }], async (r, opts) => {
    assert.deepEqual(await remoteWrite(SERIES, { ...opts, timeoutMs: 200 }), { attempts: 2 });
    assert.equal(r.requests.length, 2);
  }));

test('given a receiver that never answers, the error says no response came in time', () =>
  withReceiver(['hang'], async (_r, opts) => {
    const err = await rejection(remoteWrite(SERIES, { ...opts, timeoutMs: 100, attempts: 2 }));
    assert.equal(err.message, `remote write request: no response within 0.1s from ${opts.url}`);
  }));

test('given the caller cancels while waiting to retry, no further attempt is made', () =>
  withReceiver([{ status: 503 }], async (r, opts) => {
    const ctl = new AbortController();
    const err = await rejection(remoteWrite(SERIES, { ...opts, signal: ctl.signal, sleep: async () => ctl.abort() }));
    assert.ok(err instanceof MetricsError && !(err instanceof RemoteWriteError));
    assert.equal(err.message, 'remote write cancelled');
    assert.equal(r.requests.length, 1);
  }));

test('given an already cancelled signal, nothing is sent', () =>
  withReceiver([{ status: 204 }], async (r, opts) => {
    const err = await rejection(remoteWrite(SERIES, { ...opts, signal: AbortSignal.abort() }));
    assert.equal(err.message, 'remote write cancelled');
    assert.equal(r.requests.length, 0);
  }));

/** A port that was just free on 127.0.0.1 (listened on, then closed). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
