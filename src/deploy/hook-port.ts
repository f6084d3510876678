// HookPort and HealthPort over src/hooks and src/health for one deploy run.
import type { HookEvent, HookRunContext } from '../hooks/types.ts';
import { runEventCommands } from '../hooks/event.ts';
import type { HookPort } from '../run/links.ts';
import { Mutex } from './coalesce.ts';
import { commandsFor } from '../hooks/catalog.ts';

/** Hooks of concurrent jobs run one event at a time: a failed hook's KV revert must not undo another's writes. */
export function hookPort(ctx: HookRunContext): HookPort {
  const mutex = new Mutex();
  return {
    async run(job, event, allocations, opts) {
      if (allocations.length === 0 || commandsFor(ctx.db, job, event).length === 0) return { ok: true };
      const r = await mutex.lock(() => runEventCommands(ctx, {
        job,
        event: event as HookEvent,
        workers: allocations.map((a) => a.workerIp),
        concurrency: opts.concurrency,
        ...(opts.env ? { extraEnv: opts.env } : {}),
      }));
      if (r.ok) return { ok: true };
      // The last output line of each failed hook usually says why (a traceback's last line, a message).
      const why = r.commands
        .flatMap((c) => c.allocations)
        .filter((a) => !a.ok)
        .map((a) => `${a.worker}: ${lastLine(a.outputTail)}`)
        .filter((s) => !s.endsWith(': '));
      const base = r.error?.message ?? `job ${job}: ${event} hooks failed`;
      return { ok: false, error: why.length > 0 ? `${base}; last output: ${why.join('; ')}` : base };
    },
  };
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const last = lines.at(-1) ?? '';
  return last.length > 300 ? `${last.slice(0, 297)}...` : last;
}
