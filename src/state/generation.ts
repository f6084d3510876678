// The generation the catalog last saw, kept in the free-form `hash` table (namespace `maand_state`,
// key `generation`, value in current_hash) so the schema does not change and old binaries ignore it.
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { bucketPaths } from '../bucket/paths.ts';
import { StateError } from './errors.ts';

const NS = 'maand_state';
const KEY = 'generation';

/** The generation recorded in the bucket's catalog; 0 when there is no catalog or no record. */
export function localGeneration(bucketRoot: string): number {
  return withCatalog(bucketRoot, (db) => readGeneration(db)) ?? 0;
}

/** Records `generation` in the bucket's catalog (after a successful save). */
export function setLocalGeneration(bucketRoot: string, generation: number): void {
  const done = withCatalog(bucketRoot, (db) => {
    writeGeneration(db, generation);
    return true;
  });
  if (!done) throw new StateError('config', `no catalog at ${bucketPaths(bucketRoot).db}: cannot record state generation ${generation}; run maand init first`);
}

/** The bucket id in the catalog, undefined when there is no catalog or no id yet. */
export function localBucketId(bucketRoot: string): string | undefined {
  return withCatalog(bucketRoot, (db) => readBucketId(db)) ?? undefined;
}

export function readGeneration(db: DatabaseSync): number {
  if (!hasTable(db, 'hash')) return 0;
  const row = db.prepare('SELECT current_hash FROM hash WHERE namespace = ? AND key = ?').get(NS, KEY) as { current_hash: string | null } | undefined;
  const n = Number(row?.current_hash ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export function writeGeneration(db: DatabaseSync, generation: number): void {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new StateError('config', `state generation must be a positive integer, got ${generation}`);
  db.prepare(
    'INSERT INTO hash (namespace, key, current_hash) VALUES (?, ?, ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash',
  ).run(NS, KEY, String(generation));
}

export function readBucketId(db: DatabaseSync): string | undefined {
  if (!hasTable(db, 'bucket')) return undefined;
  const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get() as { bucket_id: string | null } | undefined;
  return row?.bucket_id ?? undefined;
}

function hasTable(db: DatabaseSync, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Runs `fn` on the catalog with a 5 s busy timeout; undefined (fn not run) when there is no catalog. */
function withCatalog<T>(bucketRoot: string, fn: (db: DatabaseSync) => T): T | undefined {
  const file = bucketPaths(bucketRoot).db;
  if (!existsSync(file)) return undefined;
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { timeout: 5000 });
  } catch (e) {
    throw new StateError('config', `catalog ${file}: ${(e as Error).message}`);
  }
  try {
    return fn(db);
  } catch (e) {
    if (e instanceof StateError) throw e;
    throw new StateError('config', `catalog ${file}: ${(e as Error).message}`, { cause: e });
  } finally {
    db.close();
  }
}
