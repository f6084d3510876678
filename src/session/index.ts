// One command's session with a bucket: catalog, KV session store, runtime API, hook context.
// `maand health` and `maand jobcommand` use it; deploy and build manage their own phases.
import { bucketPaths, type BucketPaths } from '../bucket/paths.ts';
import { readMaandConf, type MaandConf } from '../bucket/maand-conf.ts';
import { openDb, type Db } from '../catalog/db.ts';
import { checkSchema } from '../catalog/gate.ts';
import { KvStore, loadKvKey } from '../kv/index.ts';
import { startRuntimeApi } from '../hooks/runtime-api.ts';
import type { HookOutputLine, HookRunContext } from '../hooks/types.ts';
import { withBucketLock } from '../bucket/lock.ts';

export interface SessionOptions {
  root: string;
  env?: Readonly<Record<string, string | undefined>>;
  onOutput?: (line: HookOutputLine) => void;
  signal?: AbortSignal;
  /** What the bucket lock says is running (default `jobcommand`). */
  command?: string;
}

export interface Session {
  paths: BucketPaths;
  conf: MaandConf;
  db: Db;
  kv: KvStore;
  hooks: HookRunContext;
}

/** Runs `fn` in a session; KV written by hooks is committed only when `commit` says so. */
export function withSession<T>(o: SessionOptions, fn: (s: Session) => Promise<T>, commit: (result: T) => boolean = () => false): Promise<T> {
  return withBucketLock(o.root, o.command ?? 'jobcommand', () => sessionLocked(o, fn, commit));
}

async function sessionLocked<T>(o: SessionOptions, fn: (s: Session) => Promise<T>, commit: (result: T) => boolean): Promise<T> {
  const paths = bucketPaths(o.root);
  const conf = readMaandConf(paths.maandConf);
  const db = openDb(paths.db);
  try {
    checkSchema(db);
    const kv = KvStore.load(db, { key: () => loadKvKey(paths.root) });
    const api = await startRuntimeApi({ db, kv });
    try {
      const hooks: HookRunContext = {
        root: paths.root, db, kv, api,
        ...(o.env ? { env: o.env } : {}),
        ...(o.onOutput ? { onOutput: o.onOutput } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      };
      const result = await fn({ paths, conf, db, kv, hooks });
      if (commit(result) && kv.hasPendingChanges()) {
        db.exec('BEGIN IMMEDIATE');
        kv.persist(db);
        db.exec('COMMIT');
      }
      return result;
    } finally {
      await api.close();
    }
  } finally {
    db.close();
  }
}
