// Build step 18: post_build job commands (§11). Hooks arrive with the hooks module; until then a
// bucket that declares them fails loudly after the catalog commit instead of silently skipping them.
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';

export function postBuildCommands(db: Db): void {
  const rows = db
    .prepare(
      `SELECT DISTINCT c.job AS job, c.name AS name FROM job_commands c
       WHERE c.executed_on = 'post_build' AND EXISTS (SELECT 1 FROM allocations a WHERE a.job = c.job AND a.removed = 0 AND a.disabled = 0)
       ORDER BY c.job, c.name`,
    )
    .all() as Array<{ job: string; name: string }>;
  if (rows.length === 0) return;
  const list = rows.map((r) => `job ${r.job} command ${r.name}`).join(', ');
  throw new MaandError('post_build', `${list}: running post_build hooks is not supported yet by this maand; the catalog was built, remove post_build from executed_on to build without it`);
}
