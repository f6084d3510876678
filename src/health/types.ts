// Shapes of health checks: what the caller passes, what comes back, the progress events.
import type { Duplex } from 'node:stream';
import { MaandError } from '../errors.ts';
import type { CommandRunResult, HookRunContext } from '../hooks/types.ts';
import type { SshProbeRunner } from './ssh-probe.ts';

export interface BastionRoute {
  behindBastion(ip: string): boolean;
  /** Brings up the bastions' masters in front of `ip` (so each open rides them, not a login of its own). */
  ready(ip: string): Promise<void>;
  /** A stream to host:port opened by the bastion in front of worker `ip`. */
  open(ip: string, host: string, port: number): Duplex;
}

export interface HealthContext extends HookRunContext {
  /** How ssh probes reach workers (the run's WorkerRemote.probe); without it an ssh probe fails clearly. */
  sshProbe?: SshProbeRunner;
  /**
   * Workers the runner has no route to (behind a bastion, issue 14): their tcp/http probes go
   * through the run's ssh connections instead of a direct connection.
   */
  bastionRoute?: BastionRoute;
  onHealth?: (e: HealthEvent) => void;
}

/** Wait mode (deploy, `--wait`): attempts × interval; overrides for the manifest's `wait` block. */
export interface WaitOptions {
  attempts?: number;
  intervalMs?: number;
}

export interface ProbeResult {
  job: string;
  worker: string;
  /** `checks[<i>]` of the manifest. */
  index: number;
  /** `tcp api_port`, `http api_port /health`, `ssh systemctl is-active x` */
  probe: string;
  ok: boolean;
  error?: string;
  durationMs: number;
}

export interface HealthAttempt {
  attempt: number;
  ok: boolean;
  probes: ProbeResult[];
  /** health_check commands of this attempt (none when a probe failed). */
  commands: CommandRunResult[];
  error?: string;
}

export type SkipReason = 'no active allocations' | 'no health_check config or commands';

export interface JobHealthResult {
  job: string;
  status: 'passed' | 'failed' | 'skipped';
  skipReason?: SkipReason;
  attempts: HealthAttempt[];
  /** `job <job>: <last attempt's error>` */
  error?: HealthCheckError;
}

export class HealthCheckError extends MaandError {
  override name = 'HealthCheckError';
  readonly job: string;
  constructor(job: string, message: string) {
    super('health check', message, undefined, { bare: true });
    this.job = job;
  }
}

export type HealthEvent =
  | { type: 'skipped'; job: string; reason: SkipReason }
  | { type: 'probe'; result: ProbeResult }
  | { type: 'attempt-failed'; job: string; attempt: number; attempts: number; error: string }
  | { type: 'passed'; job: string }
  | { type: 'failed'; job: string; error: string }
  | { type: 'workers-skipped' }
  | { type: 'workers-attempt-failed'; attempt: number; attempts: number; error: string }
  | { type: 'workers-passed' }
  | { type: 'workers-failed'; error: string };
