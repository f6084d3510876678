// Shared shapes of the hooks module: what a caller passes in (HookRunContext) and what comes back
// (results and progress events). The module never prints; output and progress go to callbacks.
import type { Db } from '../catalog/db.ts';
import type { HookEvent } from '../bucket/commands.ts';
import type { KvStore } from '../kv/index.ts';

export type { HookEvent } from '../bucket/commands.ts';

/** What one hook process may act as: its allocation, event and command (the token binds them). */
export interface HookGrant {
  allocId: string;
  event: string;
  command: string;
}

/** The token of one running hook; `close` revokes it (later requests with it are 401). */
export interface HookSession {
  readonly token: string;
  close(): void;
}

/** Where hooks reach the runtime API; `startRuntimeApi` returns one. */
export interface RuntimeApiEndpoint {
  readonly host: string;
  readonly port: number;
  /**
   * Mints the token of one hook process, bound to its allocation, event and command: a request
   * with it for another allocation, or a namespace outside the job's grants, is refused (403) and
   * reported through `onRefused` (the runner shows it with the hook's output).
   */
  openHook(grant: HookGrant, onRefused?: (refusal: string) => void): HookSession;
  /** Drops every semaphore hold of the allocation for the event (called when its hook exits). */
  releaseHolds?(allocId: string, event: string): void;
  /** Returns and forgets what the API refused this allocation since the last call (for error texts). */
  takeRejections?(allocId: string): string[];
}

/** One line a hook printed (without the newline). */
export interface HookOutputLine {
  job: string;
  worker: string;
  event: HookEvent;
  command: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Everything a hook run needs from its caller (deploy, build, `maand jobcommand`, health checks). */
export interface HookRunContext {
  /** Absolute bucket root. */
  root: string;
  db: Db;
  /** The run's session store; the runtime API reads and writes the same object. */
  kv: KvStore;
  api: RuntimeApiEndpoint;
  /** Base environment of every hook (the entry layer passes process.env). Default: none. */
  env?: Readonly<Record<string, string | undefined>>;
  runtimes?: HookRuntimes;
  onOutput?: (line: HookOutputLine) => void;
  onProgress?: (e: HookProgress) => void;
  /** Abort: running hooks get SIGTERM (SIGKILL 5 s later), nothing new starts. */
  signal?: AbortSignal;
  /** How much of each allocation's output the result keeps (the tail). Default 64 KiB. */
  outputTailBytes?: number;
}

export interface HookRuntimes {
  /** Interpreter for `.ts`/`.js` hooks. Default `node`. */
  script?: 'node' | 'bun';
  /** Node.js binary. Default: process.execPath (the Node that runs maand; it strips TS types). */
  node?: string;
  /** Bun binary when `script` is `bun`. Default `bun` from PATH. */
  bun?: string;
}

/** The outcome of one hook process (one allocation). */
export interface AllocationRunResult {
  job: string;
  command: string;
  event: HookEvent;
  worker: string;
  allocId: string;
  ok: boolean;
  /** Process exit code; -1 when killed by a signal; null when it never started. */
  exitCode: number | null;
  timedOut: boolean;
  /** Per-worker error text (`command execution failed (exit 1)`, …) when not ok. */
  error?: string;
  durationMs: number;
  /** The last `outputTailBytes` of the output, stdout and stderr lines interleaved. */
  outputTail: string;
}

/** One command of one job for one event, over its workers. */
export interface CommandRunResult {
  job: string;
  command: string;
  event: HookEvent;
  ok: boolean;
  /** Per allocation, in launch (worker list) order; empty when setup failed. */
  allocations: AllocationRunResult[];
  error?: Error;
  /** KV writes of the run were reverted because it failed. */
  kvReverted: boolean;
}

/** Several commands of one job for one event, sorted by name. */
export interface EventRunResult {
  job: string;
  event: HookEvent;
  ok: boolean;
  commands: CommandRunResult[];
  /** The first failure (or, with `continueOnFailure`, every failure joined by newlines). */
  error?: Error;
}

export type HookProgress =
  | { type: 'command-start'; job: string; command: string; event: HookEvent; workers: string[] }
  | { type: 'allocation-start'; job: string; command: string; event: HookEvent; worker: string; script: string }
  | { type: 'allocation-end'; result: AllocationRunResult }
  | { type: 'command-end'; result: CommandRunResult };
