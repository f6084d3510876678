// What the deploy engine needs from the outside: remote execution on workers, hooks, health checks.
// The CLI wires the real implementations (src/remote, src/hooks, src/health); the engine knows only these.

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
