// Opening the catalog and running work in one transaction.
import { DatabaseSync } from 'node:sqlite';
import { existsSync } from 'node:fs';
import { MaandError } from '../errors.ts';

export type Db = DatabaseSync;

/**
 * Opens (creating when `create`) the catalog with the reference's settings: WAL, 5 s busy timeout.
 * synchronous=NORMAL: in WAL mode a commit survives a crash of maand itself (what the deploy's
 * checkpoints guard against) without an fsync per commit; only a power loss can drop the last ones.
 */
export function openDb(file: string, opts: { create?: boolean } = {}): Db {
  if (!opts.create && !existsSync(file)) throw new MaandError('maand is not initialized', 'run maand init in the bucket directory');
  try {
    const db = new DatabaseSync(file, { timeout: 5000 });
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    return db;
  } catch (e) {
    throw new MaandError('database error', `${file}: ${(e as Error).message}`);
  }
}

/** Runs `fn` inside BEGIN IMMEDIATE … COMMIT; any throw rolls back and rethrows. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = fn();
    db.exec('COMMIT');
    return out;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/**
 * Async variant: the transaction stays open across awaits (the bucket lock keeps other writers out).
 * `commit` decides from the result whether to commit or roll back without an error.
 */
export async function inTransactionAsync<T>(db: Db, fn: () => Promise<T>, commit: (result: T) => boolean = () => true): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = await fn();
    db.exec(commit(out) ? 'COMMIT' : 'ROLLBACK');
    return out;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** A SQLite failure becomes `database error: <driver text>` (§14); any other error passes through. */
export function asDatabaseError(e: unknown): unknown {
  if (e instanceof MaandError || !(e instanceof Error)) return e;
  if ((e as Error & { code?: unknown }).code !== 'ERR_SQLITE_ERROR') return e;
  return new MaandError('database error', e.message);
}
