// Errors of job-command runs. src/errors.ts has no codes for them yet, so they are classified by
// `kind` here; the message keeps the reference texts (spec kv §9 "Hook run").
import { MaandError } from '../errors.ts';

export type JobCommandErrorKind =
  /** `job "<j>" command "<n>" is not registered for event "<e>"` */
  | 'not-registered'
  /** no script, several scripts, or the health-fast module missing from job_files */
  | 'script'
  /** `host prerequisites not met: <tool>` */
  | 'prerequisites'
  /** preparing tmp/workers/<ip>/jobs/<job>/ failed (certs missing from KV, disk errors) */
  | 'workspace'
  /** at least one allocation's hook failed: `job <j> command <n> failed: <ip>: <err>; …` */
  | 'failed'
  /** the run was cancelled before or while it ran */
  | 'cancelled';

export class JobCommandError extends MaandError {
  override name = 'JobCommandError';
  readonly kind: JobCommandErrorKind;
  readonly job: string;
  readonly command: string;
  readonly event: string;
  constructor(kind: JobCommandErrorKind, where: { job: string; command: string; event: string }, message: string) {
    super('job command', message, undefined, { bare: true });
    this.kind = kind;
    this.job = where.job;
    this.command = where.command;
    this.event = where.event;
  }
}

export function isJobCommandError(e: unknown, kind?: JobCommandErrorKind): e is JobCommandError {
  return e instanceof JobCommandError && (kind === undefined || e.kind === kind);
}

export function notRegistered(job: string, command: string, event: string): JobCommandError {
  return new JobCommandError('not-registered', { job, command, event }, `job "${job}" command "${command}" is not registered for event "${event}"`);
}

/** `maand jobcommand <c>` without a job: no job registers the command. */
export function commandNotRegistered(command: string, event: string): JobCommandError {
  return new JobCommandError('not-registered', { job: '', command, event }, `command "${command}" is not registered for event "${event}"`);
}
