// HealthPort over src/health: probes and health_check hooks of one job, in wait mode.
import { checkJobHealth, type HealthContext, type HealthEvent } from '../health/index.ts';
import type { HealthPort } from '../run/links.ts';
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

/** The deploy's health checks: `ctx` carries the hooks' context and the run's ssh probe. */
export function healthPort(ctx: Omit<HealthContext, 'onHealth'>, emit: (e: DeployEvent) => void): HealthPort {
  const hctx: HealthContext = {
    ...ctx,
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
