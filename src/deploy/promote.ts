// A deploy's promotion of one allocation: the hash row (alloc-state.ts) and, in a recorded run, the
// history row saying the allocation now runs this run's release (what `maand rollback` goes back to).
import type { Db } from '../catalog/db.ts';
import { recordRelease, releaseAt } from '../history/store.ts';
import { promote } from './alloc-state.ts';

export function promoteStaged(db: Db, job: string, allocId: string, deployId: number | undefined): void {
  promote(db, job, allocId);
  if (deployId === undefined) return;
  const r = db
    .prepare(`SELECT a.worker_ip, h.previous_hash, h.previous_files, h.current_version FROM allocations a JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id WHERE a.job = ? AND a.alloc_id = ?`)
    .get(job, allocId) as { worker_ip: string; previous_hash: string | null; previous_files: string | null; current_version: string | null } | undefined;
  if (!r || !r.previous_hash) return;
  // unchanged bytes (a version-only restart, --force, job_control over every allocation): the release
  // it ran keeps naming them, as this run may have retained no new one there
  const before = releaseAt(db, job, allocId, deployId);
  const releaseId = before && before.hash === r.previous_hash ? before.releaseId : deployId;
  recordRelease(db, { deployId, job, allocId, workerIp: r.worker_ip, releaseId, hash: r.previous_hash, files: r.previous_files, version: r.current_version ?? '0.0.0' });
}
