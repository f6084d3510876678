// Every command a job registers for one event, one command at a time in name order (decision
// Q13). The first failure stops the rest, except with `continueOnFailure` (post_build).
import { commandsFor } from './catalog.ts';
import { runJobCommand, type RunCommandOptions } from './runner.ts';
import type { CommandRunResult, EventRunResult, HookEvent, HookRunContext } from './types.ts';

export interface RunEventOptions extends Omit<RunCommandOptions, 'command'> {
  job: string;
  event: HookEvent;
  continueOnFailure?: boolean;
}

export async function runEventCommands(ctx: HookRunContext, o: RunEventOptions): Promise<EventRunResult> {
  const commands: CommandRunResult[] = [];
  for (const command of commandsFor(ctx.db, o.job, o.event)) {
    const r = await runJobCommand(ctx, { ...o, command });
    commands.push(r);
    if (!r.ok && (!o.continueOnFailure || ctx.signal?.aborted)) break;
  }
  const failures = commands.filter((c) => !c.ok);
  const base = { job: o.job, event: o.event, commands };
  if (failures.length === 0) return { ...base, ok: true };
  const error = failures.length === 1 ? failures[0]!.error! : new Error(failures.map((c) => c.error!.message).join('\n'));
  return { ...base, ok: false, error };
}
