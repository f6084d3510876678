// A worker's own bastion chain (workers.json "proxy_jump", issue 14) in the catalog: a nullable
// column worker.proxy_jump added by the build. NULL (and a catalog without the column, e.g. the
// reference's maand.db) means "not set": the run's default applies; '' means connect directly.
import type { Db } from './db.ts';
import { tableColumns } from './schema.ts';

const COLUMN = 'proxy_jump';

function hasColumn(db: Db): boolean {
  return tableColumns(db, 'worker').includes(COLUMN);
}

/** Records each worker's proxy_jump (undefined: NULL); adds the column on first use. */
export function storeWorkerProxyJumps(db: Db, workers: ReadonlyArray<{ host: string; proxyJump?: string }>): void {
  if (!hasColumn(db)) {
    // a catalog that never had a worker with its own proxy_jump stays as the reference wrote it
    if (workers.every((w) => w.proxyJump === undefined)) return;
    db.exec(`ALTER TABLE worker ADD COLUMN ${COLUMN} TEXT`);
  }
  const set = db.prepare(`UPDATE worker SET ${COLUMN} = ? WHERE worker_ip = ?`);
  for (const w of workers) set.run(w.proxyJump ?? null, w.host);
}

/** Every catalog worker → its own proxy_jump (undefined: not set), sorted by worker_ip. */
export function workerProxyJumps(db: Db): Map<string, string | undefined> {
  const column = hasColumn(db) ? COLUMN : 'NULL';
  const rows = db.prepare(`SELECT worker_ip, ${column} AS proxy FROM worker ORDER BY worker_ip`).all() as Array<{ worker_ip: string; proxy: string | null }>;
  return new Map(rows.map((r) => [r.worker_ip, r.proxy ?? undefined]));
}
