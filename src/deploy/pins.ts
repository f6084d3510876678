// Rollback pins (issue 13, Q34): an allocation a rollback took back stays there while the workspace still
// renders the release it was rolled back from. A different staged tree, or `deploy --force` of the job,
// ends the pin (dry runs only show it).
import type { Db } from '../catalog/db.ts';
import { hasHistory } from '../history/store.ts';
import type { DeployContext } from './context.ts';
import type { JobPlan } from './plan.ts';

export interface Pin {
  rollbackId: number;
  pinnedHash: string;
}

export function pinOf(db: Db, job: string, allocId: string): Pin | undefined {
  if (!hasHistory(db)) return undefined;
  const r = db.prepare('SELECT rollback_id, pinned_hash FROM rollback_pin WHERE job = ? AND alloc_id = ?').get(job, allocId) as { rollback_id: number; pinned_hash: string } | undefined;
  return r ? { rollbackId: Number(r.rollback_id), pinnedHash: r.pinned_hash } : undefined;
}

export function setPin(db: Db, job: string, allocId: string, pin: Pin): void {
  db.prepare('INSERT INTO rollback_pin (job, alloc_id, rollback_id, pinned_hash) VALUES (?, ?, ?, ?) ON CONFLICT(job, alloc_id) DO UPDATE SET rollback_id = excluded.rollback_id, pinned_hash = excluded.pinned_hash').run(
    job, allocId, pin.rollbackId, pin.pinnedHash,
  );
}

export function dropPin(db: Db, job: string, allocId: string): void {
  if (hasHistory(db)) db.prepare('DELETE FROM rollback_pin WHERE job = ? AND alloc_id = ?').run(job, allocId);
}

/** Skips the pinned allocations of a job's plan, and ends the pins the workspace or --force released. */
export function applyPins(ctx: DeployContext, plan: JobPlan): void {
  const released: string[] = [];
  const ids = new Set<number>();
  for (const a of plan.allocations) {
    if (a.disabled) continue;
    const pin = pinOf(ctx.db, plan.job, a.allocId);
    if (!pin) continue;
    if (ctx.flags.force || a.currentHash !== pin.pinnedHash) {
      released.push(a.allocId);
      continue;
    }
    a.action = 'skip';
    a.reason = `pinned by rollback ${pin.rollbackId}`;
    ids.add(pin.rollbackId);
  }
  if (released.length > 0 && !ctx.flags.dryRun) ctx.checkpoint(() => released.forEach((id) => dropPin(ctx.db, plan.job, id)));
  if (ids.size === 0) return;
  plan.needsRollout = plan.allocations.some((a) => a.action !== 'skip') || plan.marker !== undefined;
  if (!plan.needsRollout) plan.reason = `pinned by rollback ${[...ids].sort((x, y) => x - y).join(', ')}`;
}
