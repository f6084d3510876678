// The plan as one document (schema 1, docs/plan.md): what `maand deploy --dry-run --json` prints and the
// Action's `plan` output file holds; the CLI's --diff text and the Markdown diffs are rendered from it.
// Identical diffs of a job's allocations appear once, with the list of workers.
import type { FileChange } from '../deploy/plan.ts';
import { plannedStops, type DeployResult } from '../deploy/result.ts';
import { byteCompare } from '../util/go-json.ts';

export interface PlanFile {
  path: string;
  change: FileChange['change'];
  size: number | null;
  previous_size: number | null;
}

export interface PlanAllocation {
  worker: string;
  alloc_id: string;
  action: string;
  reason: string;
  disabled: boolean;
  previous_hash: string;
  current_hash: string;
  matched: string[];
  files: PlanFile[];
}

export interface PlanDiff {
  path: string;
  change: FileChange['change'];
  size: number | null;
  previous_size: number | null;
  workers: string[];
  diff: string | null;
  note: string | null;
}

export interface PlanJob {
  job: string;
  wave: number;
  status: 'deploy' | 'up-to-date' | 'failed' | 'blocked';
  reason: string;
  allocations: PlanAllocation[];
  diffs: PlanDiff[];
}

export interface PlanReconcile {
  job: string;
  worker: string;
  action: 'stop' | 'stop and clean up';
}

export interface PlanDocument {
  schema: 1;
  bucket_id: string;
  update_seq: number;
  deployment_required: boolean;
  reconcile: PlanReconcile[];
  jobs: PlanJob[];
}

export function planDocument(r: DeployResult): PlanDocument {
  const jobs: PlanJob[] = r.plans.map((p) => {
    const allocations = p.allocations.map((a) => ({
      worker: a.workerIp, alloc_id: a.allocId, action: a.action, reason: a.reason, disabled: a.disabled,
      previous_hash: a.previousHash, current_hash: a.currentHash, matched: [...a.matched],
      files: (a.files ?? []).map((f) => ({ path: f.path, change: f.change, size: f.size, previous_size: f.previousSize })),
    }));
    return { job: p.job, wave: p.seq, status: p.needsRollout ? 'deploy' : 'up-to-date', reason: p.reason, allocations, diffs: groupDiffs(p.allocations) };
  });
  for (const j of r.jobs) {
    if (j.status === 'failed' || j.status === 'blocked') jobs.push({ job: j.job, wave: j.seq, status: j.status, reason: j.error ?? j.reason, allocations: [], diffs: [] });
  }
  jobs.sort((a, b) => a.wave - b.wave || byteCompare(a.job, b.job));
  const reconcile = plannedStops(r).map((s) => ({ job: s.job, worker: s.workerIp, action: s.cleanup ? 'stop and clean up' as const : 'stop' as const }));
  return {
    schema: 1, bucket_id: r.bucketId, update_seq: r.updateSeq,
    deployment_required: jobs.some((j) => j.status === 'deploy') || reconcile.length > 0, reconcile, jobs,
  };
}

function groupDiffs(allocs: Array<{ workerIp: string; files?: FileChange[] }>): PlanDiff[] {
  const groups = new Map<string, PlanDiff>();
  for (const a of allocs) {
    for (const f of a.files ?? []) {
      const key = JSON.stringify([f.path, f.change, f.size, f.previousSize, f.diff, f.note]);
      const g = groups.get(key) ?? { path: f.path, change: f.change, size: f.size, previous_size: f.previousSize, workers: [], diff: f.diff, note: f.note };
      g.workers.push(a.workerIp);
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) g.workers.sort(byteCompare);
  return [...groups.values()].sort((a, b) => byteCompare(a.path, b.path) || byteCompare(a.workers[0]!, b.workers[0]!));
}

/** The jobs with something to show: a rollout, or a failure. */
export function changedJobs(doc: PlanDocument): PlanJob[] {
  return doc.jobs.filter((j) => j.status !== 'up-to-date');
}

/** "conf/app.conf changed on 10.0.0.1, 10.0.0.2 (12 → 14 bytes)" */
export function diffTitle(d: PlanDiff): string {
  const sizes = d.change === 'added' ? `${d.size} bytes` : d.change === 'removed' ? (d.previous_size === null ? '' : `was ${d.previous_size} bytes`) : `${d.previous_size ?? '?'} → ${d.size} bytes`;
  return `${d.path} ${d.change} on ${d.workers.join(', ')}${sizes ? ` (${sizes})` : ''}`;
}
