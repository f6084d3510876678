// `maand cat history`: the recorded runs, newest first (issue 13). A catalog without the history tables
// (the reference's, or one older than them) has an empty history.
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { listRuns, type RunRow } from '../history/store.ts';
import type { CatResult } from './views.ts';

const COLUMNS = ['deploy_id', 'started_at', 'duration_s', 'command', 'outcome', 'trigger', 'commit', 'jobs'];

export interface CatHistoryOptions {
  jobs?: string[];
  limit?: number;
}

export function historyRuns(db: Db, opts: CatHistoryOptions): RunRow[] {
  if (opts.limit !== undefined && (!Number.isInteger(opts.limit) || opts.limit < 1)) throw new MaandError('invalid argument', `--limit must be a whole number of runs, 1 or more (got ${opts.limit})`);
  return listRuns(db, { ...(opts.jobs ? { jobs: opts.jobs } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}) });
}

/** One line per run; a job shows as `name@version(allocations changed)` with its outcome when it failed. */
export function catHistory(db: Db, opts: CatHistoryOptions): CatResult {
  const runs = historyRuns(db, opts);
  return {
    columns: COLUMNS,
    rows: runs.map((r) => [
      r.deployId, r.startedAt, r.durationMs === null ? '' : (r.durationMs / 1000).toFixed(1), r.command, r.outcome, r.trigger, r.gitCommit.slice(0, 12),
      r.jobs.map((j) => `${j.job}@${j.version}(${j.allocationsChanged})${j.outcome === 'ok' ? '' : ` ${j.outcome}`}`).join(', '),
    ]),
  };
}
