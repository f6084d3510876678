// tcp and http probes, run from the machine running maand (spec kv §5.3/§5.4). Each returns the
// reference's error text, or undefined when healthy.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, isIPv6 } from 'node:net';

export const MAX_REDIRECTS = 10;

export function hostPort(ip: string, port: number): string {
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** TCP connect within `timeoutMs`, then close. */
export function tcpProbe(ip: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<string | undefined> {
  const where = `tcp ${hostPort(ip, port)}`;
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port, signal });
    const timer = setTimeout(() => done(`i/o timeout after ${timeoutMs}ms`), timeoutMs);
    const done = (err?: string): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(err === undefined ? undefined : `${where}: ${err}`);
    };
    socket.once('connect', () => done());
    socket.once('error', (e) => done(e.name === 'AbortError' ? 'cancelled' : e.message));
  });
}

export interface HttpProbeSpec {
  ip: string;
  port: number;
  path: string;
  scheme: string;
  expectStatus: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** GET with redirects (≤ 10) and the body drained, all within the timeout; the final status must match. */
export async function httpProbe(s: HttpProbeSpec): Promise<string | undefined> {
  const url = `${s.scheme}://${hostPort(s.ip, s.port)}${s.path}`;
  const signals = [AbortSignal.timeout(s.timeoutMs), ...(s.signal ? [s.signal] : [])];
  const signal = AbortSignal.any(signals);
  try {
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      const res = await get(current, signal);
      const location = res.headers.location;
      if (res.statusCode !== undefined && [301, 302, 303, 307, 308].includes(res.statusCode) && location !== undefined) {
        if (hop >= MAX_REDIRECTS) return `http ${url}: stopped after ${MAX_REDIRECTS} redirects`;
        current = new URL(location, current);
        continue;
      }
      const got = res.statusCode ?? 0;
      return got === s.expectStatus ? undefined : `http ${url}: status ${got} want ${s.expectStatus}`;
    }
  } catch (e) {
    const timedOut = signals[0]!.aborted;
    return `http ${url}: ${timedOut ? `timeout after ${s.timeoutMs}ms` : (e as Error).message}`;
  }
}

/** One GET whose body is fully read (so keep-alive and the timeout cover the whole exchange). */
function get(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', signal, agent: false }, (res) => {
      res.on('error', reject);
      res.on('end', () => resolve(res));
      res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}
