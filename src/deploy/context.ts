// Everything one deploy run shares: catalog, KV session, workers, remote access, hooks, results.
import type { Db } from '../catalog/db.ts';
import type { BucketPaths } from '../bucket/paths.ts';
import type { KvStore } from '../kv/index.ts';
import { bucketDir, checkWorker } from './commands.ts';
import type { HealthPort, HookPort, WorkerRemote } from './ports.ts';
import type { DeployEvent, DeployResult } from './result.ts';
import type { StageArea } from './stage-area.ts';
import { workerFileData } from './worker-files.ts';
import { Coalescer } from './coalesce.ts';
import { lifecycleScript } from './commands.ts';

export interface CatalogWorker {
  workerId: string;
  ip: string;
  position: number;
  labels: string[];
}

export interface DeployFlags {
  dryRun: boolean;
  force: boolean;
  syncOnly: boolean;
  /** Trimmed job names; empty = all. */
  jobs: string[];
}

export class DeployContext {
  readonly paths: BucketPaths;
  readonly db: Db;
  readonly kv: KvStore;
  readonly bucketId: string;
  updateSeq: number;
  updateSeqBumped = false;
  readonly workers: Map<string, CatalogWorker>;
  readonly flags: DeployFlags;
  readonly remote: WorkerRemote;
  readonly hooks: HookPort;
  readonly health: HealthPort;
  readonly result: DeployResult;
  readonly signal: AbortSignal | undefined;
  /** This run's staging directory (rsync sources, filter files). */
  readonly stage: StageArea;
  private readonly emitFn: (e: DeployEvent) => void;
  private readonly ready = new Map<string, Promise<string | undefined>>();
  /** Workers whose bucket-level files were sent in this run. */
  readonly refreshed = new Set<string>();
  private useSudo = false;
  private readonly fileSender = new Coalescer<string, string | undefined>((ip, jobs) => this.sendFiles(ip, jobs));
  private readonly targetRunner = new Coalescer<TargetRequest, string | undefined>((key, reqs) => this.runTargets(key, reqs));

  constructor(init: {
    paths: BucketPaths; db: Db; kv: KvStore; bucketId: string; updateSeq: number; workers: CatalogWorker[]; flags: DeployFlags;
    remote: WorkerRemote; hooks: HookPort; health: HealthPort; result: DeployResult; signal?: AbortSignal; emit: (e: DeployEvent) => void; stage: StageArea;
  }) {
    this.paths = init.paths;
    this.db = init.db;
    this.kv = init.kv;
    this.bucketId = init.bucketId;
    this.updateSeq = init.updateSeq;
    this.workers = new Map(init.workers.map((w) => [w.ip, w]));
    this.flags = init.flags;
    this.remote = init.remote;
    this.hooks = init.hooks;
    this.health = init.health;
    this.result = init.result;
    this.signal = init.signal;
    this.stage = init.stage;
    this.emitFn = init.emit;
  }

  setUseSudo(useSudo: boolean): void {
    this.useSudo = useSudo;
  }

  /** Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. */
  sendJobFiles(ip: string, job: string): Promise<string | undefined> {
    return this.fileSender.submit(ip, job);
  }

  /** Runs a Makefile target of a job on a worker; same-time requests for one worker share one ssh call. */
  runTarget(ip: string, req: TargetRequest): Promise<string | undefined> {
    return this.targetRunner.submit(`${ip}\n${req.target}`, req);
  }

  private async sendFiles(ip: string, jobs: string[]): Promise<Array<string | undefined>> {
    const unique = [...new Set(jobs)].sort();
    const err = (await this.ensureWorker(ip, this.useSudo)) ?? (await this.rsyncTo(ip, unique));
    return jobs.map(() => err);
  }

  private async runTargets(key: string, reqs: TargetRequest[]): Promise<Array<string | undefined>> {
    const ip = key.slice(0, key.indexOf('\n'));
    const target = reqs[0]!.target;
    const jobs = reqs.map((r) => r.job);
    const results = new Map<string, number>();
    let current: string | undefined = jobs.length === 1 ? jobs[0] : undefined;
    const r = await this.remote.run(ip, lifecycleScript(this.bucketId, target, reqs), {
      onLine: (stream, text) => {
        const m = /^maand-runner: (begin|result) (\S+)(?: (-?\d+))?$/.exec(text);
        if (stream === 'stdout' && m) {
          if (m[1] === 'begin') current = m[2];
          else results.set(m[2]!, Number(m[3]));
          return;
        }
        this.output(current, ip)(stream, text);
      },
    });
    return jobs.map((job) => {
      const code = results.get(job);
      if (code === 0) return undefined;
      if (code !== undefined) return `worker ${ip}: make ${target} failed for job ${job} (exit ${code}); see the output above`;
      return r.exitCode === 0 ? `worker ${ip}: job ${job}: ${target} did not report a result` : failureText(ip, r);
    });
  }

  emit(e: DeployEvent): void {
    this.emitFn(e);
  }

  get cancelled(): boolean {
    return this.signal?.aborted ?? false;
  }

  /** Writes pending KV and `fn`'s catalog changes in one committed transaction (a checkpoint, Q6). */
  checkpoint(fn?: () => void): void {
    if (this.flags.dryRun) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      fn?.();
      this.kv.persist(this.db);
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  output(job: string | undefined, worker: string | undefined, source: 'rsync' | 'remote' = 'remote') {
    return (stream: 'stdout' | 'stderr', text: string): void => this.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text, source });
  }

  /**
   * First contact with a worker in this run: prerequisites + bucket dir. Memoized; returns an error
   * text when the worker cannot be used (so only the jobs placed on it fail, decision Q4).
   */
  ensureWorker(ip: string, useSudo: boolean = this.useSudo): Promise<string | undefined> {
    let p = this.ready.get(ip);
    if (!p) {
      p = checkWorker((script) => this.remote.run(ip, script), ip, this.bucketId, useSudo);
      this.ready.set(ip, p);
    }
    return p;
  }

  /** rsync the staged tree of `jobs` (none: bucket-level files only) to one worker. */
  async rsyncTo(ip: string, jobs: string[]): Promise<string | undefined> {
    const w = this.workers.get(ip);
    const src = this.stage.rsyncSource(ip, w && workerFileData(this.db, this.bucketId, this.updateSeq, { ...w, ip }), jobs);
    const r = await this.remote.rsync(ip, src.dir, bucketDir(this.bucketId), src.filter, { onLine: this.output(jobs.join(',') || undefined, ip, 'rsync') });
    if (r.exitCode !== 0) return r.message ?? `worker ${ip}: rsync failed (exit ${r.exitCode}): ${tail(r.stderr || r.stdout)}`;
    this.refreshed.add(ip);
    return undefined;
  }
}

export interface TargetRequest {
  job: string;
  target: string;
  currentVersion: string;
  newVersion: string;
}

export function tail(text: string, max = 400): string {
  const t = text.trim();
  return t.length > max ? `…${t.slice(-max)}` : t;
}

/** The failure text of a remote result: the executor's explanation, else exit code and output tail. */
export function failureText(ip: string, r: { exitCode: number; stdout: string; stderr: string; message?: string }): string {
  return r.message ?? remoteFailure(ip, r.exitCode, r.stderr || r.stdout);
}

export function remoteFailure(ip: string, exitCode: number, output: string): string {
  if (exitCode === 255) return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; check the host, its ssh_port and known_hosts, then run maand deploy again`;
  return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}
