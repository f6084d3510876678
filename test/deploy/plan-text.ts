import { formatDryRun } from '../../src/report/dry-run.ts';
import type { DeployResult } from '../../src/deploy/result.ts';

export function planText(r: DeployResult): string {
  return formatDryRun(r.plans, r.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' })));
}
