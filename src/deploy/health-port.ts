// HealthPort over src/health (probes + health_check hooks, wait mode).
import type { HookRunContext } from '../hooks/types.ts';
import type { MaandConf } from '../bucket/maand-conf.ts';
import type { HealthPort, WorkerRemote } from './ports.ts';

export function healthPort(ctx: HookRunContext, remote: WorkerRemote, conf: MaandConf, print: (line: string) => void): HealthPort {
  void remote;
  void conf;
  return {
    async check(job) {
      const row = ctx.db.prepare('SELECT health_check FROM job WHERE name = ?').get(job) as { health_check: string | null } | undefined;
      const cmds = ctx.db.prepare("SELECT 1 FROM job_commands WHERE job = ? AND executed_on = 'health_check' LIMIT 1").get(job);
      if (!row?.health_check && !cmds) {
        print(`health check skipped: ${job} (no health_check config or commands)`);
        return { ok: true, skipped: true };
      }
      return { ok: false, error: 'health checks are being wired' };
    },
  };
}
