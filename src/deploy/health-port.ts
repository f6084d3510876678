// HealthPort over src/health: probes and health_check hooks of one job, in wait mode.
import type { MaandConf } from '../bucket/maand-conf.ts';
import { checkJobHealth, formatHealthEvent, sshTargetFor, type HealthContext, type SshRunner } from '../health/index.ts';
import type { HookRunContext } from '../hooks/types.ts';
import type { SshAccess } from './openssh-remote.ts';
import type { HealthPort } from './ports.ts';

/** `sshRunner`: how ssh probes reach workers (the deploy passes its ControlMaster executor). */
export function healthPort(ctx: HookRunContext, conf: MaandConf, access: SshAccess, print: (line: string) => void, sshRunner?: SshRunner): HealthPort {
  const known = access.knownHostsFile ? [access.knownHostsFile, ...(access.extraKnownHostsFiles ?? [])] : undefined;
  const hctx: HealthContext = {
    ...ctx,
    ssh: sshTargetFor(ctx.root, conf, {
      hostKeyPolicy: access.hostKeyPolicy,
      ...(known ? { knownHostsFiles: known } : {}),
      ...(access.keyFile ? { keyPath: access.keyFile } : {}),
    }),
    ...(sshRunner ? { sshRunner } : {}),
    onHealth: (e) => {
      const line = formatHealthEvent(e);
      if (line) print(line);
    },
  };
  return {
    async check(job) {
      const r = await checkJobHealth(hctx, job, { wait: true });
      if (r.status === 'failed') return { ok: false, error: r.error?.message ?? `job ${job}: health check failed` };
      return { ok: true, ...(r.status === 'skipped' ? { skipped: true } : {}) };
    },
  };
}
