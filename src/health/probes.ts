// tcp and http probes, run from the machine running maand (spec kv §5.3/§5.4). Each returns the
// reference's error text, or undefined when healthy.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, isIP, isIPv6 } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

/** Opens a byte stream to host:port some other way than a direct TCP connection (through a bastion). */
export type StreamOpener = (host: string, port: number) => Duplex;

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
  /** Reach the worker through this stream instead of a TCP connection from here (issue 14). */
  open?: StreamOpener;
}

/** GET with redirects (≤ 10) and the body drained, all within the timeout; the final status must match. */
export async function httpProbe(s: HttpProbeSpec): Promise<string | undefined> {
  const url = `${s.scheme}://${hostPort(s.ip, s.port)}${s.path}`;
  const signals = [AbortSignal.timeout(s.timeoutMs), ...(s.signal ? [s.signal] : [])];
  const signal = AbortSignal.any(signals);
  try {
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      const res = await get(current, signal, s.open);
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
function get(url: URL, signal: AbortSignal, open?: StreamOpener): Promise<IncomingMessage> {
  const https = url.protocol === 'https:';
  const request = https ? httpsRequest : httpRequest;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || (https ? 443 : 80));
  // through a bastion: HTTP (and TLS, verified as usual) over the forwarded stream
  const createConnection = open === undefined ? undefined : (): Duplex => {
    const stream = open(host, port);
    return https ? tlsConnect({ socket: stream, ...(isIP(host) === 0 ? { servername: host } : {}) }) : stream;
  };
  return new Promise((resolve, reject) => {
    // createConnection is only used without an agent; agent: false otherwise (no keep-alive pool)
    const how = createConnection === undefined ? { agent: false as const } : { createConnection };
    const req = request(url, { method: 'GET', signal, ...how }, (res) => {
      res.on('error', reject);
      res.on('end', () => resolve(res));
      res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The tcp probe of a worker the runner has no route to: the connect runs on the worker itself
 * (bash's /dev/tcp, over the run's ssh connection), so it tests the same address and port.
 */
export async function tcpProbeOnWorker(
  ip: string, port: number, timeoutMs: number,
  run: (command: string) => Promise<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean; message?: string }>,
): Promise<string | undefined> {
  const where = `tcp ${hostPort(ip, port)}`;
  const host = isIPv6(ip) ? `[${ip}]` : ip;
  const r = await run(`exec 3<>/dev/tcp/${host}/${port}`);
  if (r.exitCode === 0 && !r.timedOut) return undefined;
  if (r.timedOut) return `${where}: i/o timeout after ${timeoutMs}ms`;
  if (r.message !== undefined) return `${where}: ${r.message}`;
  const line = r.stderr.split('\n').find((l) => l.includes('connect:')) ?? r.stderr.trim();
  return `${where}: ${line.replace(/^.*connect: /, 'connect: ')}`;
}
