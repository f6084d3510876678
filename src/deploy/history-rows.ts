// What a deploy writes to the deploy history besides its promotions: one row per job it rolled out, and
// which releases each worker must keep when it retains this run's.
import { createHash } from 'node:crypto';
import type { Db } from '../catalog/db.ts';
import { releasesOf, type JobHistory } from '../history/store.ts';
import { isActive, jobAllocations } from './alloc-state.ts';
import type { JobResult } from './result.ts';

/** The hash of a job's plan: its allocations' staged hash when they agree, else a digest of them all. */
export function jobPlanHash(db: Db, job: string): string {
  const rows = jobAllocations(db, job).filter(isActive).map((a) => `${a.allocId} ${a.currentHash ?? ''}`).sort();
  const hashes = [...new Set(rows.map((r) => r.slice(r.indexOf(' ') + 1)))];
  if (hashes.length === 1) return hashes[0]!;
  return createHash('md5').update(rows.join('\n')).digest('hex');
}

export function jobVersion(db: Db, job: string): string {
  return (db.prepare('SELECT version FROM job WHERE name = ?').get(job) as { version: string | null } | undefined)?.version ?? '';
}

export function jobHistory(db: Db, r: JobResult): JobHistory {
  return {
    job: r.job,
    version: jobVersion(db, r.job),
    planHash: jobPlanHash(db, r.job),
    allocationsChanged: r.allocations.filter((a) => a.outcome === 'ok' && a.action !== 'skip').length,
    outcome: r.status !== 'failed' ? 'ok' : r.reason === 'cancelled' || /cancelled/.test(r.error ?? '') ? 'cancelled' : 'failed',
  };
}

/**
 * Retention of this run's releases: the newest `retain`, plus on each worker the release the allocation
 * runs and the one it ran before (pruning never removes those, issue 13).
 */
export function retention(db: Db, deployId: number, retain: number): { id: number; retain: number; keep: (ip: string, job: string) => number[] } {
  return {
    id: deployId,
    retain,
    keep: (ip, job) => {
      const alloc = db.prepare('SELECT alloc_id FROM allocations WHERE job = ? AND worker_ip = ?').get(job, ip) as { alloc_id: string } | undefined;
      if (!alloc) return [];
      return [...new Set(releasesOf(db, job, alloc.alloc_id).map((x) => x.releaseId))].slice(0, 2);
    },
  };
}
