// `maand cat deployments`: every allocation with its deploy state and what the next deploy does to it
// (deploy spec §24).
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { allAllocations, type AllocState } from '../deploy/alloc-state.ts';
import type { CatResult } from './views.ts';
import { pinOf } from '../deploy/pins.ts';

const COLUMNS = ['job', 'worker_ip', 'alloc_id', 'rollout', 'current_hash', 'previous_hash', 'current_version', 'new_version', 'disabled', 'removed'];

export function rolloutState(a: AllocState, pinned = false): string {
  const prev = a.previousHash ?? '';
  const cur = a.currentHash ?? '';
  const versionDiffers = a.currentVersion !== a.newVersion;
  if (a.removed) return 'removed';
  // a rollback's pin holds until a deploy stages a different tree than the one it rolled back from (pins.ts)
  if (pinned && !a.disabled) return 'pinned';
  if (a.disabled) return (prev !== '' && prev !== cur) || versionDiffers ? 'disabled_restart' : 'disabled';
  if (prev === '') return 'new';
  if (prev === '__maand_health_failed__') return 'health_failed';
  if (prev !== cur || versionDiffers) return 'restart';
  return 'promoted';
}

export function catDeployments(db: Db, opts: { jobs?: string[]; workers?: string[]; active?: boolean }): CatResult {
  let rows = allAllocations(db).sort((a, b) => (a.job === b.job ? (a.workerIp < b.workerIp ? -1 : 1) : a.job < b.job ? -1 : 1));
  const jobs = opts.jobs ?? [];
  const workers = opts.workers ?? [];
  if (jobs.length > 0 && !rows.some((r) => jobs.includes(r.job))) throw new MaandError('invalid argument', `invalid input, jobs [${jobs.join(' ')}]: no allocation of these jobs`);
  if (workers.length > 0 && !rows.some((r) => workers.includes(r.workerIp))) throw new MaandError('invalid argument', `invalid input, workers [${workers.join(' ')}]: no allocation on these workers`);
  if (jobs.length > 0) rows = rows.filter((r) => jobs.includes(r.job));
  if (workers.length > 0) rows = rows.filter((r) => workers.includes(r.workerIp));
  if (opts.active) rows = rows.filter((r) => !r.removed && !r.disabled);
  if (rows.length === 0) throw new MaandError('invalid argument', 'not found: deployments (run maand build, then maand deploy)');
  return {
    columns: COLUMNS,
    rows: rows.map((a) => [a.job, a.workerIp, a.allocId, rolloutState(a, pinOf(db, a.job, a.allocId) !== undefined), a.currentHash ?? '', a.previousHash ?? '', a.currentVersion, a.newVersion, a.disabled ? 1 : 0, a.removed ? 1 : 0]),
  };
}
