// A run's I/O with its workers, in one object: first contact (prerequisites + bucket dir, memoised per
// worker for the whole run), rsync of staged trees, Makefile targets, plain scripts. Every method
// resolves to an error text instead of rejecting, so a worker that cannot be used fails only the jobs
// placed on it (decision Q4), and a call nobody awaits can never become an unhandled rejection.
import type { Db } from '../catalog/db.ts';
import { errorText, MaandError } from '../errors.ts';
import type { BucketRun, CatalogWorker } from '../run/lifecycle.ts';
import { sshSettings } from '../bucket/maand-conf.ts';
import type { LineSink, RemoteResult, WorkerRemote } from '../run/links.ts';
import { Coalescer } from './coalesce.ts';
import { bucketDir, checkWorker, lifecycleScript } from './commands.ts';
import type { DeployEvent } from './result.ts';
import type { StageArea } from './stage-area.ts';
import { workerFileData } from './worker-files.ts';
import { parseOutcomes, snapshotScript } from '../releases/commands.ts';
import { unreachableHint } from '../remote/errors.ts';

export interface TargetRequest {
  job: string;
  target: string;
  currentVersion: string;
  newVersion: string;
}

/** Work a job's next lifecycle call on a worker runs first, in the same ssh call (see lifecycleScript). */
export interface Prelude {
  script: string;
  /**
   * Told the prelude's `maand-release: <job> <code>` outcome (undefined: the call failed before it said);
   * an error text fails the allocation instead of make's outcome.
   */
  done(code: number | undefined, output: string): string | undefined;
}

export interface WorkerLinkInit {
  remote: WorkerRemote;
  db: Db;
  bucketId: string;
  workers: CatalogWorker[];
  useSudo: boolean;
  emit: (e: DeployEvent) => void;
  /** Where rsync sources are staged (deploy, drift). */
  stage?: StageArea;
  /** The update_seq the bucket-level files carry (the deploy bumps it mid-run). */
  updateSeq: () => number;
  /**
   * Retain what a job's rsync sent as release `id` on the worker (issue 13), keeping the newest `retain`
   * and the releases `keep` names for that worker and job; absent: no releases are written.
   */
  release?: { id: number; retain: number; keep: (ip: string, job: string) => number[] };
}

export class WorkerLink {
  private readonly init: WorkerLinkInit;
  private readonly workers: Map<string, CatalogWorker>;
  private readonly ready = new Map<string, Promise<string | undefined>>();
  /** Workers whose bucket-level files were sent in this run. */
  readonly refreshed = new Set<string>();
  private readonly fileSender = new Coalescer<string, string | undefined>((ip, jobs) => this.sendFiles(ip, jobs));
  private readonly targetRunner = new Coalescer<TargetRequest, string | undefined>((key, reqs) => this.runTargets(key, reqs));
  /** Preludes waiting for their job's next lifecycle call, by `ip\njob`. */
  private readonly preludes = new Map<string, Prelude>();
  /** `ip\njob` whose snapshot rides on the lifecycle call that follows the rsync. */
  private readonly lateSnapshots = new Set<string>();
  /** Release snapshots taken right after a worker's rsync; that worker's next lifecycle call waits for them. */
  private readonly snapshotsInFlight = new Map<string, Promise<void>>();

  /** The link of an opened run: its remote, catalog, workers and events; sudo per its maand.conf. */
  static forRun(r: BucketRun, opts: Pick<WorkerLinkInit, 'stage' | 'release'> & { updateSeq?: () => number } = {}): WorkerLink {
    return new WorkerLink({
      remote: r.links.remote, db: r.db, bucketId: r.bucketId, workers: r.workers, useSudo: sshSettings(r.conf).useSudo, emit: r.emit,
      updateSeq: opts.updateSeq ?? ((): number => r.updateSeq),
      ...(opts.stage ? { stage: opts.stage } : {}), ...(opts.release ? { release: opts.release } : {}),
    });
  }

  constructor(init: WorkerLinkInit) {
    this.init = init;
    this.workers = new Map(init.workers.map((w) => [w.ip, w]));
  }

  /**
   * First contact with a worker in this run: prerequisites + bucket dir. Memoised; an error text when the
   * worker cannot be used.
   */
  reach(ip: string): Promise<string | undefined> {
    let p = this.ready.get(ip);
    if (!p) {
      p = checkWorker((script) => this.run(ip, script), ip, this.init.bucketId, this.init.useSudo).catch((e: unknown) => `worker ${ip}: ${errorText(e)}`);
      this.ready.set(ip, p);
    }
    return p;
  }

  /**
   * First contact and `extra` in one round trip (or `extra` alone when the worker was reached before);
   * `extra` must exit 0. Its stdout, or the error text of the worker or of `extra`.
   */
  async reachWith(ip: string, extra: string): Promise<{ error?: string; stdout: string }> {
    if (this.ready.has(ip)) {
      const err = await this.reach(ip);
      if (err) return { error: err, stdout: '' };
      const r = await this.run(ip, extra);
      return r.exitCode === 0 ? { stdout: r.stdout } : { error: failureText(ip, r), stdout: r.stdout };
    }
    let stdout = '';
    const p = checkWorker(async (script) => {
      const r = await this.run(ip, script);
      stdout = r.stdout;
      return r;
    }, ip, this.init.bucketId, this.init.useSudo, extra).catch((e: unknown) => `worker ${ip}: ${errorText(e)}`);
    this.ready.set(ip, p);
    const error = await p;
    return error ? { error, stdout } : { stdout };
  }

  /** Runs `prelude` at the start of the job's next lifecycle call on the worker (Makefile target via runTarget). */
  beforeLifecycle(ip: string, job: string, prelude: Prelude): void {
    this.preludes.set(`${ip}\n${job}`, prelude);
  }

  /** Throws when nothing on this machine can reach any worker (key, ssh, rsync): one error for the run. */
  async requireTransport(): Promise<void> {
    const problem = await this.init.remote.preflight();
    if (problem !== undefined) throw new MaandError('workers unreachable', problem, undefined, { bare: true });
  }

  /** Starts first contact in the background (the outcome is memoised for whoever asks next). */
  warm(ip: string): void {
    this.reach(ip).catch(() => undefined);
  }

  /** Runs a bash script on a worker; a throw of the transport becomes a failed result. */
  async run(ip: string, script: string, opts: { env?: Record<string, string>; onLine?: LineSink; timeoutMs?: number } = {}): Promise<RemoteResult> {
    try {
      return await this.init.remote.run(ip, script, opts);
    } catch (e) {
      return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: ${errorText(e)}` };
    }
  }

  /**
   * Sends a job's staged tree to a worker; jobs asking at the same time share one rsync. `lifecycleFollows`:
   * a Makefile target of the job runs there next: the release snapshot starts at once in its own call, and
   * the lifecycle call on that worker waits for it (the tree is untouched in between, so the release is
   * exactly what make runs), so a later batch's snapshots are taken while earlier batches roll out.
   */
  sendJobFiles(ip: string, job: string, lifecycleFollows = false): Promise<string | undefined> {
    if (lifecycleFollows && this.init.release) this.lateSnapshots.add(`${ip}\n${job}`);
    return this.fileSender.submit(ip, job);
  }

  /** Runs a Makefile target of a job on a worker; same-time requests for one worker share one ssh call. */
  runTarget(ip: string, req: TargetRequest): Promise<string | undefined> {
    return this.targetRunner.submit(`${ip}\n${req.target}`, req);
  }

  /** rsync the staged tree of `jobs` (none: bucket-level files only) to one worker. */
  async rsyncTo(ip: string, jobs: string[], opts: { dryRun?: boolean; onLine?: LineSink } = {}): Promise<RemoteResult> {
    const w = this.workers.get(ip);
    const stage = this.init.stage;
    if (!stage) return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: this run stages no files` };
    try {
      const src = stage.rsyncSource(ip, w && workerFileData(this.init.db, this.init.bucketId, this.init.updateSeq(), w), jobs);
      const r = await this.init.remote.rsync(ip, src.dir, bucketDir(this.init.bucketId), src.filter, {
        onLine: opts.onLine ?? this.output(jobs.join(',') || undefined, ip, 'rsync'),
        ...(opts.dryRun ? { dryRun: true, itemize: true } : {}),
      });
      if (r.exitCode === 0 && !opts.dryRun) this.refreshed.add(ip);
      return r;
    } catch (e) {
      return { exitCode: -1, stdout: '', stderr: '', message: `worker ${ip}: rsync not started: ${errorText(e)}` };
    }
  }

  output(job: string | undefined, worker: string | undefined, source: 'rsync' | 'remote' = 'remote'): LineSink {
    return (stream, text) => this.init.emit({ type: 'output', ...(job ? { job } : {}), ...(worker ? { worker } : {}), stream, text, source });
  }

  private async sendFiles(ip: string, jobs: string[]): Promise<Array<string | undefined>> {
    const unique = [...new Set(jobs)].sort();
    const err = (await this.reach(ip)) ?? rsyncFailure(ip, await this.rsyncTo(ip, unique));
    if (err === undefined && unique.length > 0) {
      const late = unique.filter((job) => this.lateSnapshots.delete(`${ip}\n${job}`));
      if (late.length > 0) {
        const earlier = this.snapshotsInFlight.get(ip) ?? Promise.resolve();
        this.snapshotsInFlight.set(ip, Promise.all([earlier, this.retain(ip, late)]).then(() => undefined, () => undefined));
      }
      await this.retain(ip, unique.filter((job) => !late.includes(job)));
    }
    return jobs.map(() => err);
  }

  private snapshotScript(ip: string, jobs: string[]): string | undefined {
    const rel = this.init.release;
    return rel && snapshotScript(this.init.bucketId, rel.retain, jobs.map((job) => ({ job, id: rel.id, keep: rel.keep(ip, job) })));
  }

  /** Snapshots the jobs' live trees as this run's release; a failure is a warning (rollback checks releases first). */
  private async retain(ip: string, jobs: string[]): Promise<void> {
    const script = jobs.length > 0 ? this.snapshotScript(ip, jobs) : undefined;
    if (script === undefined) return;
    const r = await this.run(ip, script);
    const codes = parseOutcomes(r.stdout);
    for (const job of jobs) this.snapshotOutcome(ip, job, codes.get(job), codes.has(job) ? tail(r.stderr || r.stdout) : failureText(ip, r));
  }

  private snapshotOutcome(ip: string, job: string, code: number | undefined, output: string): void {
    if (code === 0) return;
    const why = code !== undefined ? `exit ${code}: ${output}` : output;
    this.init.emit({ type: 'warning', message: `job ${job} worker ${ip}: release ${this.init.release?.id ?? '?'} was not retained (${why}); maand rollback cannot return to it` });
  }

  private async runTargets(key: string, reqs: TargetRequest[]): Promise<Array<string | undefined>> {
    const ip = key.slice(0, key.indexOf('\n'));
    // the release of what make runs is taken before make (never rejects: a failed snapshot is a warning)
    await this.snapshotsInFlight.get(ip);
    const target = reqs[0]!.target;
    const jobs = reqs.map((r) => r.job);
    const results = new Map<string, number>();
    const preludes = new Map(jobs.flatMap((job) => {
      const p = this.preludes.get(`${ip}\n${job}`);
      this.preludes.delete(`${ip}\n${job}`);
      return p ? [[job, p] as const] : [];
    }));
    const said = new Map<string, number>();
    let current: string | undefined = jobs.length === 1 ? jobs[0] : undefined;
    const script = lifecycleScript(this.init.bucketId, target, reqs.map((r) => ({ ...r, ...(preludes.has(r.job) ? { prelude: preludes.get(r.job)!.script } : {}) })));
    const r = await this.run(ip, script, {
      onLine: (stream, text) => {
        const m = /^maand-runner: (begin|result) (\S+)(?: (-?\d+))?$/.exec(text);
        if (stream === 'stdout' && m) {
          if (m[1] === 'begin') current = m[2];
          else results.set(m[2]!, Number(m[3]));
          return;
        }
        const rel = stream === 'stdout' ? /^maand-release: (\S+) (-?\d+)$/.exec(text) : null;
        if (rel && preludes.has(rel[1]!)) return void said.set(rel[1]!, Number(rel[2]));
        this.output(current, ip)(stream, text);
      },
    });
    const preludeErrors = new Map([...preludes].map(([job, p]) => [job, p.done(said.get(job), said.has(job) ? tail(r.stderr || r.stdout) : failureText(ip, r))] as const));
    return jobs.map((job) => {
      const failed = preludeErrors.get(job);
      if (failed !== undefined) return failed;
      const code = results.get(job);
      if (code === 0) return undefined;
      if (code !== undefined) return `worker ${ip}: make ${target} failed for job ${job} (exit ${code}); see the output above`;
      return r.exitCode === 0 ? `worker ${ip}: job ${job}: ${target} did not report a result` : failureText(ip, r);
    });
  }
}

/** The error text of an rsync result, undefined when it succeeded. */
export function rsyncFailure(ip: string, r: RemoteResult): string | undefined {
  if (r.exitCode === 0) return undefined;
  return r.message ?? `worker ${ip}: rsync failed (exit ${r.exitCode}): ${tail(r.stderr || r.stdout)}`;
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
  if (exitCode === 255) return `worker ${ip} unreachable (ssh exit 255): ${tail(output) || 'no output'}; ${unreachableHint(output)}`;
  return `worker ${ip}: command execution failed (exit ${exitCode})${output.trim() ? `: ${tail(output)}` : ''}`;
}
