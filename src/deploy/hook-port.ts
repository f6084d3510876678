// HookPort and HealthPort over src/hooks and src/health for one deploy run.
import type { HookEvent, HookRunContext } from '../hooks/types.ts';
import { runEventCommands } from '../hooks/event.ts';
import type { HookPort } from './ports.ts';

export function hookPort(ctx: HookRunContext): HookPort {
  return {
    async run(job, event, allocations, opts) {
      if (allocations.length === 0) return { ok: true };
      const r = await runEventCommands(ctx, {
        job,
        event: event as HookEvent,
        workers: allocations.map((a) => a.workerIp),
        concurrency: opts.concurrency,
        ...(opts.env ? { extraEnv: opts.env } : {}),
      });
      return r.ok ? { ok: true } : { ok: false, error: r.error?.message ?? `job ${job}: ${event} hooks failed` };
    },
  };
}
