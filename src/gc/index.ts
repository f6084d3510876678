// `maand gc`: forget removed allocations (rows, hash rows, their KV) once deploy has stopped and cleaned
// them, then purge old KV history (kv spec §1.11, §1.7) and deploy runs beyond history_retain.
import { bucketPaths } from '../bucket/paths.ts';
import { readMaandConf } from '../bucket/maand-conf.ts';
import { purgeHistory } from '../history/store.ts';
import { inTransaction, openDb } from '../catalog/db.ts';
import { checkSchema } from '../catalog/gate.ts';
import { acquireBucketLock } from '../bucket/lock.ts';
import {
  allocationNamespace, bucketJobVarsNamespace, jobNamespace, jobSecretsNamespace, jobVarsNamespace, KvStore, loadKvKey, purge, purgeStaleVersions,
  workerNamespace, workerTagsNamespace,
} from '../kv/index.ts';

export interface GcResult {
  removedAllocations: number;
  purgedNamespaces: string[];
  historyRowsDeleted: number;
  /** Deploy history runs beyond maand.conf's history_retain. */
  deployRunsDeleted: number;
}

export function gc(opts: { root: string; retainDays?: number; now?: number }): GcResult {
  const release = acquireBucketLock(opts.root, 'gc');
  try {
    return gcLocked(opts);
  } finally {
    release();
  }
}

function gcLocked(opts: { root: string; retainDays?: number; now?: number }): GcResult {
  const paths = bucketPaths(opts.root);
  const db = openDb(paths.db);
  try {
    checkSchema(db);
    const now = opts.now ?? Math.floor(Date.now() / 1000);
    const kv = KvStore.load(db, { key: () => loadKvKey(paths.root) });
    const removed = db.prepare('SELECT alloc_id, worker_ip, job FROM allocations WHERE removed = 1 ORDER BY job, worker_ip').all() as Array<{ alloc_id: string; worker_ip: string; job: string }>;
    const catalogWorkers = new Set((db.prepare('SELECT worker_ip FROM worker').all() as Array<{ worker_ip: string }>).map((r) => r.worker_ip));
    const purged = new Set<string>();
    const purgeNs = (ns: string): void => {
      if (purge(kv, ns)) purged.add(ns);
    };
    for (const a of removed) {
      purgeNs(allocationNamespace(a.job, a.worker_ip));
      if (!catalogWorkers.has(a.worker_ip)) {
        purgeNs(workerNamespace(a.worker_ip));
        purgeNs(workerTagsNamespace(a.worker_ip));
      }
    }
    for (const job of [...new Set(removed.map((a) => a.job))]) {
      const active = db.prepare('SELECT COUNT(*) AS n FROM allocations WHERE job = ? AND removed = 0 AND disabled = 0').get(job) as { n: number };
      if (active.n > 0) continue;
      for (const ns of [jobNamespace(job), bucketJobVarsNamespace(job), jobVarsNamespace(job), jobSecretsNamespace(job)]) purgeNs(ns);
    }
    return inTransaction(db, () => {
      const delHash = db.prepare('DELETE FROM hash WHERE namespace = ? AND key = ?');
      for (const a of removed) delHash.run(`${a.job}_allocation`, a.alloc_id);
      db.exec('DELETE FROM allocations WHERE removed = 1');
      kv.persist(db, now);
      const historyRowsDeleted = purgeStaleVersions(db, Math.max(0, opts.retainDays ?? 0), now);
      const deployRunsDeleted = purgeHistory(db, readMaandConf(paths.maandConf).history_retain);
      return { removedAllocations: removed.length, purgedNamespaces: [...purged].sort(), historyRowsDeleted, deployRunsDeleted };
    });
  } finally {
    db.close();
  }
}
