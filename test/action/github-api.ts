// A loopback stand-in for the GitHub REST endpoints the action calls, enough for @actions/github's
// Octokit pointed at it through GITHUB_API_URL: issue comments (list with pagination, create, update),
// deployments and deployment statuses (create, list), and issues (list with pagination, create, update).
// Every request is recorded with its body; `deny` answers a family of routes 403, as GitHub does for a
// token without that permission.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const REPO = '/repos/acme/infra';

export interface StoredComment {
  id: number;
  /** The issue or pull request the comment is on. */
  issue: number;
  body: string;
  user: { login: string };
}

export interface StoredStatus {
  id: number;
  state: string;
  description?: string;
  log_url?: string;
  environment_url?: string;
}

export interface StoredDeployment {
  id: number;
  ref: string;
  task: string;
  environment: string;
  auto_merge: boolean;
  required_contexts: string[];
  payload: unknown;
  description?: string;
  statuses: StoredStatus[];
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
}

export interface ApiRequest {
  method: string;
  path: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}

export type RouteFamily = 'comments' | 'deployments' | 'issues';

type Reply = [number, unknown, Record<string, string>];

export class GitHubApi {
  readonly comments: StoredComment[] = [];
  readonly deployments: StoredDeployment[] = [];
  readonly issues: StoredIssue[] = [];
  readonly requests: ApiRequest[] = [];
  /** Route families answered 403 "Resource not accessible by integration". */
  readonly deny = new Set<RouteFamily>();
  #server: Server | undefined;
  #nextId = 1000;
  url = '';

  /** Comments written by people before the action runs (forces the lookup past page 1). */
  seed(count: number): void {
    for (let i = 0; i < count; i++) this.comments.push({ id: this.#nextId++, issue: 7, body: `review comment ${i}`, user: { login: 'someone' } });
  }

  /** Issues written by people before the action runs. */
  seedIssues(count: number): void {
    for (let i = 0; i < count; i++) this.issues.push({ number: this.issues.length + 1, title: `issue ${i}`, body: `some issue ${i}`, state: i % 2 === 0 ? 'open' : 'closed' });
  }

  /** The requests sent since `from`, as `METHOD /path` without the query. */
  calls(from = 0): string[] {
    return this.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`);
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

  async #handle(req: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    this.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, auth: req.headers.authorization, body });
    const route = `${req.method} ${url.pathname.startsWith(REPO) ? url.pathname.slice(REPO.length) : url.pathname}`;
    const family: RouteFamily | undefined = /\/comments/.test(route) ? 'comments' : /\/deployments/.test(route) ? 'deployments' : /\/issues/.test(route) ? 'issues' : undefined;
    if (family && this.deny.has(family)) return [403, { message: 'Resource not accessible by integration' }, {}];
    return this.#comments(route, url, body) ?? this.#deployments(route, body) ?? this.#issues(route, url, body) ?? [404, { message: `Not Found: ${route}` }, {}];
  }

  #comments(route: string, url: URL, body: Record<string, unknown>): Reply | undefined {
    const html = (c: StoredComment): string => `https://github.com/acme/infra/${c.issue === 7 ? 'pull' : 'issues'}/${c.issue}#issuecomment-${c.id}`;
    const view = (c: StoredComment): unknown => ({ ...c, html_url: html(c) });
    let m = /^(GET|POST) \/issues\/(\d+)\/comments$/.exec(route);
    const issue = Number(m?.[2]);
    // pull request 7 and the action's own issues exist; anything else is 404 (e.g. a token of another repository)
    if (m && issue !== 7 && !this.issues.some((i) => i.number === issue)) return [404, { message: 'Not Found' }, {}];
    if (m?.[1] === 'GET') return this.#page(url, this.comments.filter((c) => c.issue === issue).map(view));
    if (m?.[1] === 'POST') {
      const c = { id: this.#nextId++, issue, body: String(body['body'] ?? ''), user: { login: 'github-actions[bot]' } };
      this.comments.push(c);
      return [201, view(c), {}];
    }
    m = /^PATCH \/issues\/comments\/(\d+)$/.exec(route);
    if (m) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return [404, { message: 'Not Found' }, {}];
      c.body = String(body['body'] ?? '');
      return [200, view(c), {}];
    }
    return undefined;
  }

  #deployments(route: string, body: Record<string, unknown>): Reply | undefined {
    if (route === 'GET /deployments') return [200, [...this.deployments].reverse().map(({ statuses: _, ...d }) => d), {}];
    if (route === 'POST /deployments') {
      const d: StoredDeployment = {
        id: this.#nextId++, ref: String(body['ref']), task: String(body['task'] ?? 'deploy'), environment: String(body['environment'] ?? 'production'),
        auto_merge: body['auto_merge'] !== false, required_contexts: (body['required_contexts'] as string[] | undefined) ?? ['ci'], payload: body['payload'] ?? {},
        ...(typeof body['description'] === 'string' ? { description: body['description'] } : {}), statuses: [],
      };
      this.deployments.push(d);
      const { statuses: _, ...view } = d;
      return [201, view, {}];
    }
    const m = /^(GET|POST) \/deployments\/(\d+)\/statuses$/.exec(route);
    if (!m) return undefined;
    const d = this.deployments.find((x) => x.id === Number(m[2]));
    if (!d) return [404, { message: 'Not Found' }, {}];
    if (m[1] === 'GET') return [200, [...d.statuses].reverse(), {}];
    const s: StoredStatus = { id: this.#nextId++, state: String(body['state']) };
    for (const k of ['description', 'log_url', 'environment_url'] as const) if (typeof body[k] === 'string') s[k] = body[k];
    d.statuses.push(s);
    return [201, s, {}];
  }

  #issues(route: string, url: URL, body: Record<string, unknown>): Reply | undefined {
    const view = (i: StoredIssue): unknown => ({ ...i, html_url: `https://github.com/acme/infra/issues/${i.number}` });
    if (route === 'GET /issues') {
      const state = url.searchParams.get('state') ?? 'open';
      return this.#page(url, this.issues.filter((i) => state === 'all' || i.state === state).map(view));
    }
    if (route === 'POST /issues') {
      const i: StoredIssue = { number: this.issues.length + 1, title: String(body['title']), body: String(body['body'] ?? ''), state: 'open' };
      this.issues.push(i);
      return [201, view(i), {}];
    }
    const m = /^PATCH \/issues\/(\d+)$/.exec(route);
    if (!m) return undefined;
    const i = this.issues.find((x) => x.number === Number(m[1]));
    if (!i) return [404, { message: 'Not Found' }, {}];
    if (typeof body['title'] === 'string') i.title = body['title'];
    if (typeof body['body'] === 'string') i.body = body['body'];
    if (body['state'] === 'open' || body['state'] === 'closed') i.state = body['state'];
    if ('state_reason' in body) i.state_reason = body['state_reason'] as string | null;
    return [200, view(i), {}];
  }

  /** One page of a list, with GitHub's Link header for the next and last pages. */
  #page(url: URL, all: unknown[]): Reply {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const at = (n: number): string => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(n));
      return `${this.url}${u.pathname}${u.search}`;
    };
    const headers: Record<string, string> = page < last ? { link: `<${at(page + 1)}>; rel="next", <${at(last)}>; rel="last"` } : {};
    return [200, all.slice((page - 1) * perPage, page * perPage), headers];
  }
}
