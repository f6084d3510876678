// Build step 7: deployment_seq = length of the longest demand chain; cycles are errors (§8.9).
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';

export function computeDeploymentSeq(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT job, demand_job FROM job_commands ORDER BY job, demand_job').all() as Array<{ job: string; demand_job: string }>;
  const edges = new Map<string, Set<string>>();
  const hasRoot = new Set<string>();
  for (const r of rows) {
    if (!edges.has(r.job)) edges.set(r.job, new Set());
    if (r.demand_job === '') hasRoot.add(r.job);
    else edges.get(r.job)!.add(r.demand_job);
  }
  detectCycle(edges);
  // Reference semantics: level 0 for a job with a command row without demand; l+1 for every level l
  // of each demanded job; seq = the maximum level produced (undefined when none is).
  const memo = new Map<string, number | undefined>();
  const level = (job: string): number | undefined => {
    if (memo.has(job)) return memo.get(job);
    let best: number | undefined = hasRoot.has(job) ? 0 : undefined;
    for (const up of edges.get(job) ?? []) {
      const l = level(up);
      if (l !== undefined) best = Math.max(best ?? 0, l + 1);
    }
    memo.set(job, best);
    return best;
  };
  const seq = new Map<string, number>();
  const update = db.prepare('UPDATE allocations SET deployment_seq = ? WHERE job = ?');
  for (const job of [...edges.keys()].sort()) {
    const l = level(job);
    if (l === undefined) continue;
    seq.set(job, l);
    update.run(l, job);
  }
  return seq;
}

function detectCycle(edges: Map<string, Set<string>>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (job: string): void => {
    state.set(job, 'visiting');
    stack.push(job);
    for (const up of [...(edges.get(job) ?? [])].sort()) {
      if (state.get(up) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(up)), up];
        throw new MaandError('circular job command dependency', `${cycle.join(' -> ')} (remove one of these demands)`);
      }
      if (!state.has(up)) visit(up);
    }
    stack.pop();
    state.set(job, 'done');
  };
  for (const job of [...edges.keys()].sort()) if (!state.has(job)) visit(job);
}
