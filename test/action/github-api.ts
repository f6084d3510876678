// A loopback stand-in for the three GitHub REST endpoints of issue comments (list with pagination,
// create, update), enough for @actions/github's Octokit pointed at it through GITHUB_API_URL.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface ApiRequest {
  method: string;
  path: string;
  auth: string | undefined;
}

export class GitHubApi {
  readonly comments: StoredComment[] = [];
  readonly requests: ApiRequest[] = [];
  #server: Server | undefined;
  #nextId = 1000;
  url = '';

  /** Comments written by people before the action runs (forces the lookup past page 1). */
  seed(count: number): void {
    for (let i = 0; i < count; i++) this.comments.push({ id: this.#nextId++, body: `review comment ${i}`, user: { login: 'someone' } });
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      this.#handle(req).then(
        ([status, body, headers]) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: String(e) }));
        },
      );
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  async #handle(req: IncomingMessage): Promise<[number, unknown, Record<string, string>]> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, auth: req.headers.authorization });
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body?: string }) : {};
    const html = (id: number): string => `https://github.com/acme/infra/pull/7#issuecomment-${id}`;
    const view = (c: StoredComment): unknown => ({ ...c, html_url: html(c.id) });
    let m = /^\/repos\/acme\/infra\/issues\/7\/comments$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const items = this.comments.slice((page - 1) * perPage, page * perPage).map(view);
      const last = Math.max(1, Math.ceil(this.comments.length / perPage));
      const headers: Record<string, string> = page < last ? { link: `<${this.url}/repos/acme/infra/issues/7/comments?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}/repos/acme/infra/issues/7/comments?per_page=${perPage}&page=${last}>; rel="last"` } : {};
      return [200, items, headers];
    }
    if (m && req.method === 'POST') {
      const c = { id: this.#nextId++, body: body.body ?? '', user: { login: 'github-actions[bot]' } };
      this.comments.push(c);
      return [201, view(c), {}];
    }
    m = /^\/repos\/acme\/infra\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m && req.method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return [404, { message: 'Not Found' }, {}];
      c.body = body.body ?? '';
      return [200, view(c), {}];
    }
    return [404, { message: `Not Found: ${req.method} ${url.pathname}` }, {}];
  }
}
