// `maand cat <view>`: read-only queries over the catalog views (§7.3).
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { VIEWS } from '../catalog/schema.ts';
import type { Cell } from '../report/table.ts';

export const CAT_VIEWS = ['workers', 'jobs', 'allocations', 'job_commands', 'deployments'] as const;
export type CatView = (typeof CAT_VIEWS)[number];

export interface CatResult {
  columns: string[];
  rows: Cell[][];
}

/** Rows of `cat_<view>`, optionally restricted to some jobs (views that have a job column). */
export function catView(db: Db, view: CatView, jobs: string[] = []): CatResult {
  const name = `cat_${view}`;
  const def = VIEWS[name];
  if (!def) throw new MaandError('invalid argument', `unknown view ${view}; use one of ${CAT_VIEWS.join(', ')}`);
  const jobCol = def.columns.includes('job') ? 'job' : view === 'jobs' ? 'name' : undefined;
  let sql = `SELECT ${def.columns.join(', ')} FROM ${name}`;
  if (jobs.length > 0) {
    if (!jobCol) throw new MaandError('invalid argument', `--jobs does not apply to cat ${view}`);
    sql += ` WHERE ${jobCol} IN (${jobs.map(() => '?').join(', ')})`;
  }
  const rows = db.prepare(sql).all(...jobs) as Array<Record<string, Cell>>;
  return { columns: def.columns, rows: rows.map((r) => def.columns.map((c) => r[c])) };
}
