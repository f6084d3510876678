// Build step 10: allocation namespaces maand/job/<job>/worker/<ip> (§9.8).
import { allocations } from '../catalog/queries.ts';
import { allocationNamespace, allocSync, purge } from '../kv/index.ts';
import type { BuildContext } from './context.ts';

export function writeAllocationVariables(ctx: BuildContext): void {
  const byJob = new Map<string, ReturnType<typeof allocations>>();
  for (const a of allocations(ctx.db)) byJob.set(a.job, [...(byJob.get(a.job) ?? []), a]);
  const catalogJobs = new Set(ctx.jobs);
  for (const [job, rows] of [...byJob].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!catalogJobs.has(job)) {
      for (const r of rows) purge(ctx.kv, allocationNamespace(job, r.worker_ip));
      continue;
    }
    // allocations() orders by worker position, then IP; removed workers (no position) come last.
    const live = rows.filter((r) => r.removed === 0).map((r) => r.worker_ip);
    live.forEach((ip, i) => {
      allocSync(ctx.kv, allocationNamespace(job, ip), {
        [`${job}_allocation_index`]: String(i),
        peer_workers: live.filter((p) => p !== ip).join(','),
      });
    });
    for (const r of rows) if (r.removed === 1) purge(ctx.kv, allocationNamespace(job, r.worker_ip));
  }
}
