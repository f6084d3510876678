// The signed-URL side of the Actions services: an Azure-blob-like store. Uploads come as one
// `PUT` (x-ms-blob-type: BlockBlob) or as `PUT ?comp=block&blockid=` pieces committed by
// `PUT ?comp=blocklist`; downloads are plain `GET`s.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BlobStore {
  readonly blobs = new Map<string, Buffer>();
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private readonly types = new Map<string, string>();

  /** Handles `/blob/...` requests; false when the path is not a blob path. */
  handle(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): boolean {
    if (!url.pathname.startsWith('/blob/')) return false;
    if (url.searchParams.get('sig') !== 'stand-in') return reply(res, 403, 'bad signature');
    const path = url.pathname;
    if (req.method === 'GET') {
      const blob = this.blobs.get(path);
      if (blob === undefined) return reply(res, 404, 'no such blob');
      res.writeHead(200, { 'content-type': this.types.get(path) ?? 'application/octet-stream', 'content-length': blob.length });
      res.end(blob);
      return true;
    }
    if (req.method !== 'PUT') return reply(res, 405, 'method not allowed');
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const pieces = this.blocks.get(path) ?? new Map<string, Buffer>();
      pieces.set(url.searchParams.get('blockid') ?? '', body);
      this.blocks.set(path, pieces);
    } else if (comp === 'blocklist') {
      const pieces = this.blocks.get(path) ?? new Map<string, Buffer>();
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
      if (ids.some((id) => !pieces.has(id))) return reply(res, 400, 'unknown block');
      this.commit(path, Buffer.concat(ids.map((id) => pieces.get(id)!)), req.headers['x-ms-blob-content-type']);
      this.blocks.delete(path);
    } else if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      this.commit(path, body, req.headers['x-ms-blob-content-type']);
    } else return reply(res, 400, `unsupported blob request comp=${comp}`);
    res.writeHead(201, { etag: `"${Date.now()}"`, 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'stand-in', 'x-ms-version': '2024-11-04', 'x-ms-request-server-encrypted': 'true' });
    res.end();
    return true;
  }

  private commit(path: string, data: Buffer, type: string | string[] | undefined): void {
    this.blobs.set(path, data);
    if (typeof type === 'string') this.types.set(path, type);
  }
}

export function reply(res: ServerResponse, status: number, body: unknown): true {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  res.end(text);
  return true;
}
