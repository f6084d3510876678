// The dry-run report (deploy spec §16.4), one line per allocation with the reason appended.
import type { JobPlan } from '../deploy/plan.ts';

const LABEL: Record<string, string> = { start: 'start  ', restart: 'restart', reload: 'reload ', sync: 'sync   ', skip: 'skip   ', stop: 'stop   ' };

/** `stops`: what reconcile would stop (and clean up) first; the same plan the Action's `plan` shows. */
export function formatDryRun(plans: JobPlan[], failures: Array<{ job: string; error: string }> = [], stops: Array<{ job: string; workerIp: string; cleanup: boolean }> = []): string {
  if (plans.length === 0 && failures.length === 0 && stops.length === 0) return 'deploy dry-run: no jobs matched\n';
  const required = plans.some((p) => p.needsRollout) || stops.length > 0;
  const lines = [`deploy dry-run: ${required ? 'deployment required' : 'no deployment required'}`, ''];
  if (stops.length > 0) {
    lines.push('reconcile (removed or disabled allocations that still run):');
    for (const s of stops) lines.push(`  job ${JSON.stringify(s.job)}: ${s.workerIp}  stop${s.cleanup ? ' and clean up' : ''}`);
  }
  let seq: number | undefined;
  for (const p of plans) {
    if (p.seq !== seq) {
      seq = p.seq;
      lines.push(`deployment sequence ${seq}:`);
    }
    if (!p.needsRollout) {
      lines.push(`  job ${JSON.stringify(p.job)}: skip (${p.reason || 'no rollout needed'})`);
      continue;
    }
    lines.push(`  job ${JSON.stringify(p.job)}: deploy required${p.marker ? ` (${p.reason})` : ''}`);
    for (const a of p.allocations) {
      const label = LABEL[a.action] ?? a.action;
      let detail: string;
      if (a.action === 'start') detail = a.currentHash ? `current_hash=${a.currentHash}` : '(no hash row yet)';
      else if (a.action === 'skip') detail = `hash=${a.currentHash}`;
      else if (a.action === 'stop') detail = `previous_hash=${a.previousHash}`;
      else detail = `previous_hash=${a.previousHash} current_hash=${a.currentHash}${a.matched.length > 0 ? ` matched=${a.matched.join(',')}` : ''}`;
      lines.push(`    ${a.workerIp}  ${label} ${detail}  # ${a.reason}`);
    }
  }
  for (const f of failures) lines.push(`  job ${JSON.stringify(f.job)}: plan failed: ${f.error}`);
  return `${lines.join('\n')}\n`;
}
