// HealthPort over src/health: probes and health_check hooks of one job, in wait mode.
import type { MaandConf } from '../bucket/maand-conf.ts';
import { checkJobHealth, sshTargetFor, type HealthContext, type HealthEvent, type SshRunner } from '../health/index.ts';
import type { HookRunContext } from '../hooks/types.ts';
import type { SshAccess } from './openssh-remote.ts';
import type { HealthPort } from './ports.ts';
import type { DeployEvent } from './result.ts';

/** A job's health-check progress as a deploy event (probe results are summed up by passed/failed). */
function deployEventOf(e: HealthEvent): DeployEvent | undefined {
  switch (e.type) {
    case 'skipped':
      return { type: 'health', job: e.job, status: 'skipped', detail: e.reason };
    case 'attempt-failed':
      return { type: 'health', job: e.job, status: 'retrying', detail: `attempt ${e.attempt}/${e.attempts}: ${e.error}` };
    case 'passed':
      return { type: 'health', job: e.job, status: 'passed', detail: '' };
    case 'failed':
      return { type: 'health', job: e.job, status: 'failed', detail: e.error };
    default:
      return undefined;
  }
}

/** `sshRunner`: how ssh probes reach workers (the deploy passes its ControlMaster executor). */
export function healthPort(ctx: HookRunContext, conf: MaandConf, access: SshAccess, emit: (e: DeployEvent) => void, sshRunner?: SshRunner): HealthPort {
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
      const d = deployEventOf(e);
      if (d) emit(d);
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
