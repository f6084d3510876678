// A job's stored files (job_files). `mode` and `link` are columns maand added after the reference: a
// catalog the reference built has neither.
import type { Db } from './db.ts';
import { tableColumns } from './schema.ts';

export interface JobFileRow {
  /** `<job>` or `<job>/sub/file`. */
  path: string;
  content: Uint8Array | null;
  isdir: number;
  /** Permission bits of the workspace file; null when the reference (or an older maand) built it. */
  mode: number | null;
  /** A symlink's target text (content then holds what it points to); null for other files. */
  link: string | null;
}

/** The job's rows, directories first, then by path. */
export function jobFileRows(db: Db, job: string): JobFileRow[] {
  const cols = tableColumns(db, 'job_files');
  const mode = cols.includes('mode') ? 'f.mode' : 'NULL';
  const link = cols.includes('link') ? 'f.link' : 'NULL';
  return db
    .prepare(`SELECT f.path AS path, f.content AS content, f.isdir AS isdir, ${mode} AS mode, ${link} AS link FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? ORDER BY f.isdir DESC, f.path`)
    .all(job) as unknown as JobFileRow[];
}
