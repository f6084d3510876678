// Build step 2: workers.json → worker, worker_labels, worker_tags (§8.3).
import { goFloat } from '../util/go-format.ts';
import { randomId } from '../util/stable-id.ts';
import type { BuildContext } from './context.ts';
import { storeWorkerProxyJumps } from '../catalog/worker-proxy.ts';

export function syncWorkers(ctx: BuildContext): void {
  const { db } = ctx;
  const existing = new Map((db.prepare('SELECT worker_ip, worker_id FROM worker').all() as Array<{ worker_ip: string; worker_id: string }>).map((r) => [r.worker_ip, r.worker_id]));
  const upsert = db.prepare('INSERT OR REPLACE INTO worker (worker_id, worker_ip, available_memory_mb, available_cpu_mhz, position) VALUES (?, ?, ?, ?, ?)');
  const delLabels = db.prepare('DELETE FROM worker_labels WHERE worker_id = ?');
  const addLabel = db.prepare('INSERT INTO worker_labels (worker_id, label) VALUES (?, ?)');
  const delTags = db.prepare('DELETE FROM worker_tags WHERE worker_id = ?');
  const addTag = db.prepare('INSERT INTO worker_tags (worker_id, key, value) VALUES (?, ?, ?)');
  const delWorker = db.prepare('DELETE FROM worker WHERE worker_ip = ?');

  // Delete then re-insert in file order, so rowid order = workers.json order (position tie-breaker).
  for (const w of ctx.workers) delWorker.run(w.host);
  for (const w of ctx.workers) {
    const id = existing.get(w.host) ?? randomId();
    upsert.run(id, w.host, goFloat(w.memoryMb), goFloat(w.cpuMhz), w.position);
    delLabels.run(id);
    for (const label of w.labels) addLabel.run(id, label);
    delTags.run(id);
    for (const [k, v] of [...w.tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) addTag.run(id, k, v);
  }
  storeWorkerProxyJumps(db, ctx.workers);
  const inFile = new Set(ctx.workers.map((w) => w.host));
  ctx.removedWorkers = [...existing.keys()].filter((ip) => !inFile.has(ip)).sort();
  for (const ip of ctx.removedWorkers) {
    const id = existing.get(ip)!;
    delLabels.run(id);
    delTags.run(id);
    delWorker.run(ip);
  }
}
