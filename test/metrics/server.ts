// A stand-in for Prometheus' remote-write receiver on a loopback address: records every request and
// answers from a script (one reply per request, the last one repeated).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeBody, type DecodedSeries } from './decode.ts';

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  series: DecodedSeries[];
}

/** `hang` never answers (the client's timeout has to fire). */
export type Reply = { status: number; body?: string } | 'hang';

export interface WriteReceiver {
  url: string;
  requests: Received[];
  close(): Promise<void>;
}

export async function startReceiver(replies: Reply[], opts: { host?: string; port?: number } = {}): Promise<WriteReceiver> {
  const requests: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, series: decodeBody(new Uint8Array(Buffer.concat(chunks))) });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? { status: 204 };
      if (reply === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(reply.status, { 'Content-Type': 'text/plain' });
      res.end(reply.body ?? '');
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/api/v1/write`,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
