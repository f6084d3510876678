// A stand-in for the GitHub Actions services on 127.0.0.1, speaking what @actions/cache (cache service
// v2) and @actions/artifact use: twirp JSON (`POST /twirp/github.actions.results.api.v1.<Service>/<Method>`),
// signed blob URLs (BlobStore) and the REST artifact list and zip download.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobStore, reply } from './blob-store.ts';

const TWIRP = '/twirp/github.actions.results.api.v1.';
export const API_TOKEN = 'ghs_stand-in-token';

interface CacheEntry {
  key: string;
  version: string;
  blob: string;
  seq: number;
  finalized: boolean;
}

interface Artifact {
  id: number;
  name: string;
  runId: number;
  blob: string;
  createdAt: string;
  finalized: boolean;
  headRepositoryId: number;
}

export class ActionsService {
  readonly blobs = new BlobStore();
  readonly cache: CacheEntry[] = [];
  readonly artifacts: Artifact[] = [];
  readonly runtimeToken: string;
  /** The run whose uploads the service records (the runtime token's run). */
  run = { id: 1000, headRepositoryId: 1 };
  /** Answer every cache lookup with this HTTP status (to test failing services). */
  failCacheLookups: number | undefined;
  private seq = 0;
  private server: Server | undefined;
  url = '';

  constructor() {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    this.runtimeToken = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.GenericRead Actions.Results:run-backend-id:job-backend-id' })}.sig`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.route(req, new URL(req.url ?? '/', this.url), Buffer.concat(chunks), res);
        } catch (e) {
          reply(res, 500, { code: 'internal', msg: String(e) });
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private route(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): void {
    if (this.blobs.handle(req, url, body, res)) return;
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      if (req.headers.authorization !== `Bearer ${this.runtimeToken}`) return void reply(res, 401, { code: 'unauthenticated', msg: 'bad runtime token' });
      const [service, method] = url.pathname.slice(TWIRP.length).split('/');
      const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      const out = service === 'CacheService' ? this.cacheRpc(method!, input) : service === 'ArtifactService' ? this.artifactRpc(method!, input) : undefined;
      if (out === undefined) return void reply(res, 404, { code: 'bad_route', msg: `no ${service}/${method}` });
      return void reply(res, out.status ?? 200, out.body);
    }
    const rest = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts(?:\/(\d+)\/zip)?$/);
    if (req.method === 'GET' && rest) {
      if (req.headers.authorization !== `Bearer ${API_TOKEN}` && req.headers.authorization !== `token ${API_TOKEN}`) return void reply(res, 401, { message: 'Bad credentials' });
      if (rest[3] === undefined) return void reply(res, 200, this.listArtifacts(url.searchParams.get('name')));
      const a = this.artifacts.find((x) => x.id === Number(rest[3]) && x.finalized);
      if (a === undefined) return void reply(res, 404, { message: 'Not Found' });
      res.writeHead(302, { location: this.signed(a.blob) });
      return void res.end();
    }
    reply(res, 404, `stand-in has no ${req.method} ${url.pathname}`);
  }

  private signed(blob: string): string {
    return `${this.url}${blob}?sig=stand-in`;
  }

  private cacheRpc(method: string, input: Record<string, unknown>): { status?: number; body: unknown } | undefined {
    const key = String(input.key ?? '');
    const version = String(input.version ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        if (this.cache.some((e) => e.key === key && e.version === version))
          return { status: 409, body: { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' } };
        const entry = { key, version, blob: `/blob/acct/cache/${++this.seq}`, seq: this.seq, finalized: false };
        this.cache.push(entry);
        return { body: { ok: true, signed_upload_url: this.signed(entry.blob) } };
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = this.cache.find((e) => e.key === key && e.version === version && !e.finalized);
        if (entry === undefined || !this.blobs.blobs.has(entry.blob)) return { body: { ok: false, message: 'no upload to finalize' } };
        entry.finalized = true;
        return { body: { ok: true, entry_id: String(entry.seq) } };
      }
      case 'GetCacheEntryDownloadURL': {
        if (this.failCacheLookups !== undefined) return { status: this.failCacheLookups, body: { code: 'unavailable', msg: 'stand-in failure' } };
        const live = this.cache.filter((e) => e.finalized && e.version === version);
        const exact = live.find((e) => e.key === key);
        const byPrefix = ((input.restore_keys as string[] | undefined) ?? []).map((p) => live.filter((e) => e.key.startsWith(p)).sort((a, b) => b.seq - a.seq)[0]);
        const hit = exact ?? byPrefix.find((e) => e !== undefined);
        return { body: hit === undefined ? { ok: false } : { ok: true, signed_download_url: this.signed(hit.blob), matched_key: hit.key } };
      }
    }
    return undefined;
  }

  private artifactRpc(method: string, input: Record<string, unknown>): { status?: number; body: unknown } | undefined {
    const name = String(input.name ?? '');
    switch (method) {
      case 'CreateArtifact': {
        if (this.artifacts.some((a) => a.name === name && a.runId === this.run.id))
          return { status: 409, body: { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' } };
        const id = ++this.seq;
        const createdAt = new Date(Date.UTC(2030, 0, 1, 0, 0, id)).toISOString();
        this.artifacts.push({ id, name, runId: this.run.id, blob: `/blob/acct/artifacts/${id}.zip`, createdAt, finalized: false, headRepositoryId: this.run.headRepositoryId });
        return { body: { ok: true, signed_upload_url: this.signed(`/blob/acct/artifacts/${id}.zip`) } };
      }
      case 'FinalizeArtifact': {
        const a = this.artifacts.find((x) => x.name === name && x.runId === this.run.id && !x.finalized);
        if (a === undefined || !this.blobs.blobs.has(a.blob)) return { body: { ok: false } };
        a.finalized = true;
        return { body: { ok: true, artifact_id: String(a.id) } };
      }
    }
    return undefined;
  }

  private listArtifacts(name: string | null): unknown {
    const found = this.artifacts
      .filter((a) => a.finalized && (name === null || a.name === name))
      .sort((a, b) => b.id - a.id)
      .map((a) => ({
        id: a.id,
        name: a.name,
        size_in_bytes: this.blobs.blobs.get(a.blob)?.length ?? 0,
        expired: false,
        created_at: a.createdAt,
        workflow_run: { id: a.runId, repository_id: 1, head_repository_id: a.headRepositoryId, head_branch: 'main', head_sha: '0'.repeat(40) },
      }));
    return { total_count: found.length, artifacts: found };
  }
}

/** Points the @actions libraries at `service` the way a runner's environment does. */
export function runnerEnv(service: ActionsService, dirs: { workspace: string; temp: string }): void {
  Object.assign(process.env, {
    ACTIONS_RESULTS_URL: `${service.url}/`,
    ACTIONS_RUNTIME_TOKEN: service.runtimeToken,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    GITHUB_API_URL: service.url,
    GITHUB_WORKSPACE: dirs.workspace,
    RUNNER_TEMP: dirs.temp,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  });
  delete process.env.GITHUB_SERVER_URL;
  delete process.env.ACTIONS_CACHE_URL;
  process.chdir(dirs.workspace);
}
