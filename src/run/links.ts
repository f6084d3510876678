// What a run needs from the outside: remote execution on workers, hooks, health checks. The entry
// layers wire the real implementations (src/deploy/connect.ts over src/remote, src/hooks, src/health);
// the engine knows only these shapes.
import type { MaandConf } from '../bucket/maand-conf.ts';
import type { Db } from '../catalog/db.ts';
import type { DeployEvent } from '../deploy/result.ts';
import type { BastionRoute } from '../health/types.ts';
import type { HookRunContext } from '../hooks/types.ts';
import type { KvStore } from '../kv/index.ts';

export interface RemoteResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** A complete explanation (what failed, on which worker, what to do) when the executor has one. */
  message?: string;
}

export interface LineSink {
  (stream: 'stdout' | 'stderr', text: string): void;
}

export interface WorkerRemote {
  /** Runs a bash script on the worker (sudo per maand.conf); a non-zero exit is returned, not thrown. */
  run(ip: string, script: string, opts?: { env?: Record<string, string>; onLine?: LineSink; timeoutMs?: number }): Promise<RemoteResult>;
  /** rsync `localDir/` to `remoteDir` on the worker with the deploy options and a merge filter file. */
  rsync(ip: string, localDir: string, remoteDir: string, filterFile: string, opts?: { onLine?: LineSink; dryRun?: boolean; itemize?: boolean }): Promise<RemoteResult>;
  /**
   * What on this machine stops every worker from being reached (the ssh key, `ssh` or `rsync` missing),
   * or a bastion in front of the workers that cannot be reached (issue 14), checked before the run's
   * first change to a worker; undefined when nothing does.
   */
  preflight(): Promise<string | undefined>;
  /** A health check's ssh probe: `command` as written (sudo per maand.conf), killed at `timeoutMs`. */
  probe(ip: string, command: string, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<RemoteResult & { timedOut: boolean }>;
  /** How tcp/http probes reach workers behind a bastion (issue 14); unset: every worker directly. */
  bastionRoute?: BastionRoute;
  close(): Promise<void>;
}

export interface HookAllocation {
  allocId: string;
  workerIp: string;
}

export interface HookOutcome {
  ok: boolean;
  /** `job <job> command <name> failed: <ip>: <err>; …` */
  error?: string;
}

export interface HookPort {
  /** Runs every command of `event` for the job (sorted by name, first failure stops the rest). */
  run(job: string, event: string, allocations: HookAllocation[], opts: { env?: Record<string, string>; concurrency: number }): Promise<HookOutcome>;
}

export interface HealthPort {
  /** Health check of the job in wait mode (probes + health_check hooks) over its active allocations. */
  check(job: string): Promise<HookOutcome & { skipped?: boolean }>;
}

/** What `connect` is given: the opened bucket of the run. */
export interface RunInfo {
  root: string;
  conf: MaandConf;
  db: Db;
  kv: KvStore;
  bucketId: string;
  emit: (e: DeployEvent) => void;
  signal?: AbortSignal;
}

/** A run's links to the outside; `close` ends them (ssh masters, the runtime API). */
export interface RunLinks {
  remote: WorkerRemote;
  hooks: HookPort;
  health: HealthPort;
  /** The hooks' context, for commands that run hooks directly (`maand health`, `maand jobcommand`). */
  hookContext: HookRunContext;
  close(): Promise<void>;
}

export type Connect = (run: RunInfo) => Promise<RunLinks>;
