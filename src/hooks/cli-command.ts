// `maand jobcommand <command> [job] [--concurrency N]` (spec kv §3.6 `cli`): the command on every
// job registering it for `cli` (alphabetical), or on one job. A failing job does not stop the next.
import { MaandError } from '../errors.ts';
import { isRegistered, jobsRegistering } from './catalog.ts';
import { commandNotRegistered, notRegistered } from './errors.ts';
import { runJobCommand } from './runner.ts';
import type { CommandRunResult, HookRunContext } from './types.ts';

export interface CliCommandOptions {
  command: string;
  job?: string;
  /** Default 1. */
  concurrency?: number;
}

export interface CliCommandResult {
  ok: boolean;
  runs: CommandRunResult[];
  /** Every failed job's error, joined by newlines. */
  error?: Error;
}

/** Setup errors (bad concurrency, unknown command or job) throw before any hook runs. */
export async function runCliCommand(ctx: HookRunContext, o: CliCommandOptions): Promise<CliCommandResult> {
  const concurrency = o.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new MaandError('invalid argument', 'concurrency must be at least 1');
  let jobs: string[];
  if (o.job !== undefined) {
    if (!isRegistered(ctx.db, o.job, o.command, 'cli')) throw notRegistered(o.job, o.command, 'cli');
    jobs = [o.job];
  } else {
    jobs = jobsRegistering(ctx.db, o.command, 'cli');
    if (jobs.length === 0) throw commandNotRegistered(o.command, 'cli');
  }
  const runs: CommandRunResult[] = [];
  for (const job of jobs) runs.push(await runJobCommand(ctx, { job, command: o.command, event: 'cli', concurrency }));
  const failed = runs.filter((r) => !r.ok);
  if (failed.length === 0) return { ok: true, runs };
  return { ok: false, runs, error: failed.length === 1 ? failed[0]!.error! : new Error(failed.map((r) => r.error!.message).join('\n')) };
}
