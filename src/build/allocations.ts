// Build steps 5-6: placement by labels, removed/disabled flags, re-enable, min_allocations_count (§8.7-8.8).
import { MaandError } from '../errors.ts';
import { readDisabledJson } from '../bucket/disabled-json.ts';
import { normalizedVersion } from '../bucket/version.ts';
import { workerLabels, workersByPosition } from '../catalog/queries.ts';
import { stableId } from '../util/stable-id.ts';
import type { BuildContext } from './context.ts';

export function syncAllocations(ctx: BuildContext): void {
  const { db } = ctx;
  const disabledBefore = new Set(
    (db.prepare('SELECT worker_ip, job FROM allocations WHERE disabled = 1 AND removed = 0').all() as Array<{ worker_ip: string; job: string }>).map((r) => `${r.worker_ip}\n${r.job}`),
  );
  const jobs = db.prepare('SELECT name, version, job_id FROM job ORDER BY name').all() as Array<{ name: string; version: string; job_id: string }>;
  const selectors = new Map<string, string[]>();
  for (const r of db.prepare('SELECT job_id, selector FROM job_selectors').all() as Array<{ job_id: string; selector: string }>) {
    selectors.set(r.job_id, [...(selectors.get(r.job_id) ?? []), r.selector]);
  }
  const labels = workerLabels(db);
  const existingIds = new Map(
    (db.prepare('SELECT worker_ip, job, alloc_id FROM allocations').all() as Array<{ worker_ip: string; job: string; alloc_id: string }>).map((r) => [`${r.worker_ip}\n${r.job}`, r.alloc_id]),
  );
  const upsert = db.prepare('INSERT OR REPLACE INTO allocations (alloc_id, worker_ip, job, disabled, removed, deployment_seq, new_version) VALUES (?, ?, ?, 0, 0, 0, ?)');
  const markRemoved = db.prepare('UPDATE allocations SET removed = 1 WHERE worker_ip = ? AND job = ?');

  for (const w of workersByPosition(db)) {
    const have = new Set(labels.get(w.worker_ip) ?? []);
    const matching = new Set<string>();
    for (const j of jobs) {
      const sel = [...new Set(selectors.get(j.job_id) ?? [])];
      if (sel.length > 0 && sel.every((s) => have.has(s))) {
        matching.add(j.name);
        const id = existingIds.get(`${w.worker_ip}\n${j.name}`) ?? stableId(`${j.name}|${w.worker_ip}`);
        upsert.run(id, w.worker_ip, j.name, normalizedVersion(j.version === 'unknown' ? '' : j.version));
      }
    }
    for (const r of db.prepare('SELECT job FROM allocations WHERE worker_ip = ?').all(w.worker_ip) as Array<{ job: string }>) {
      if (!matching.has(r.job)) markRemoved.run(w.worker_ip, r.job);
    }
  }
  db.exec('UPDATE allocations SET removed = 1 WHERE worker_ip NOT IN (SELECT worker_ip FROM worker)');

  // Every matching row was just upserted with disabled = 0; removed rows keep their stale flag (§13 Q29).
  const disabled = readDisabledJson(ctx.paths.disabledJson);
  const disableWorker = db.prepare('UPDATE allocations SET disabled = 1 WHERE worker_ip = ?');
  for (const ip of disabled.workers) disableWorker.run(ip);
  for (const [job, ips] of disabled.jobs) {
    if (ips.length === 0) db.prepare('UPDATE allocations SET disabled = 1 WHERE job = ?').run(job);
    else for (const ip of ips) db.prepare('UPDATE allocations SET disabled = 1 WHERE job = ? AND worker_ip = ?').run(job, ip);
  }

  const clear = db.prepare("UPDATE hash SET previous_hash = NULL, previous_files = NULL WHERE namespace = ? AND key = ?");
  for (const r of db.prepare('SELECT alloc_id, worker_ip, job FROM allocations WHERE disabled = 0 AND removed = 0').all() as Array<{ alloc_id: string; worker_ip: string; job: string }>) {
    if (disabledBefore.has(`${r.worker_ip}\n${r.job}`)) clear.run(`${r.job}_allocation`, r.alloc_id);
  }
}

export function checkMinAllocations(ctx: BuildContext): void {
  const lines: string[] = [];
  for (const job of ctx.jobs) {
    const min = ctx.manifests.get(job)!.min_allocations_count;
    if (min <= 0) continue;
    const { n } = ctx.db.prepare('SELECT COUNT(*) AS n FROM allocations WHERE job = ? AND removed = 0').get(job) as { n: number };
    if (n < min) lines.push(`job ${job} has ${n} allocation(s), min_allocations_count is ${min}`);
  }
  if (lines.length > 0) {
    const e = new MaandError('missing allocations');
    e.message = `missing allocations\n${lines.join('\n')}`;
    throw e;
  }
}
