// Live progress and the final summary of a real deploy, for a terminal or a CI log.
import type { DeployEvent, DeployResult } from '../deploy/result.ts';

export function formatEvent(e: DeployEvent): string | undefined {
  switch (e.type) {
    case 'phase':
      return e.phase === 'wave' ? `== deployment sequence ${e.seq}` : e.phase === 'reconcile' ? undefined : '== refreshing worker files';
    case 'job-skipped':
      return `  ${e.job}: unchanged (${e.reason})`;
    case 'job-started':
      return `  ${e.job}: rolling out`;
    case 'batch-started':
      return `  ${e.job}: ${e.action} batch ${e.index + 1}/${e.count} on ${e.workers.join(', ')}`;
    case 'batch-promoted':
      return `  ${e.job}: promoted ${e.workers.join(', ')}`;
    case 'job-finished':
      return e.result.status === 'failed' || e.result.status === 'blocked'
        ? `  ${e.result.job}: FAILED: ${e.result.error ?? e.result.reason}`
        : `  ${e.result.job}: ${e.result.status} in ${(e.result.durationMs / 1000).toFixed(1)}s`;
    case 'reconcile':
      return `  reconcile: ${e.result.action} ${e.result.job ? `${e.result.job} ` : ''}on ${e.result.workerIp}: ${e.result.outcome}${e.result.error ? ` (${e.result.error})` : ''}`;
    case 'output':
      return `${[e.job, e.worker].filter(Boolean).join('@') || '-'} ${e.stream === 'stdout' ? '|' : '!'} ${e.text}`;
    case 'health':
      // a job without checks says nothing; the log file keeps it
      if (e.status === 'skipped') return undefined;
      // a failure's reason follows in the job's FAILED line
      return `  ${e.job}: health check ${e.status === 'retrying' ? `failed (${firstLine(e.detail, 200)}), retrying` : e.status}`;
    case 'warning':
      return `warning: ${e.message}`;
    default:
      return undefined;
  }
}

export function formatSummary(r: DeployResult): string {
  const by = (s: string): string[] => r.jobs.filter((j) => j.status === s).map((j) => j.job);
  const deployed = by('deployed');
  const unchanged = by('unchanged');
  const parts = [
    `deploy ${r.failedJobs.length > 0 ? 'finished with failures' : 'ok'} in ${(r.durationMs / 1000).toFixed(1)}s`,
    `deployed: ${deployed.length ? deployed.join(', ') : 'none'}`,
    `unchanged: ${unchanged.length ? unchanged.join(', ') : 'none'}`,
  ];
  if (r.reconcile.length > 0) parts.push(`stopped/cleaned: ${r.reconcile.filter((x) => x.outcome === 'ok').length}`);
  if (r.failedJobs.length > 0) parts.push(`failed: ${r.failedJobs.join(', ')}`);
  if (r.updateSeqBumped) parts.push(`update_seq: ${r.updateSeq}`);
  if (r.certMetrics && !r.certMetrics.error) parts.push(`cert metrics: ${r.certMetrics.series} series pushed`);
  return `${parts.join('; ')}\n`;
}

/** One line a hook printed, as the CLI and the Action show it. */
export function formatHookLine(l: { job: string; worker: string; event: string; command: string; stream: 'stdout' | 'stderr'; text: string }): string {
  return `${l.job}@${l.worker} [${l.event} ${l.command}] ${l.stream === 'stdout' ? '|' : '!'} ${l.text}`;
}

function firstLine(text: string, max: number): string {
  const line = text.split('\n')[0]!.trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
