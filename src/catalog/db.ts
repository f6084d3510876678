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
  let db: Db | undefined;
  try {
    db = new DatabaseSync(file, { timeout: 5000 });
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    return db;
  } catch (e) {
    if (db?.isOpen) db.close();
    const known = catalogError(e, file);
    throw known instanceof MaandError ? known : new MaandError('database error', `${file}: ${(e as Error).message}`);
  }
}

/**
 * Fails now, before a run changes anything, when the catalog cannot be written: read-only (file,
 * folder or file system), or another process holds its write lock past the busy timeout.
 */
export function assertWritable(db: Db, file: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    // a read-only file still grants the write lock: rewriting a header field proves a write goes through
    const { user_version: v } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    db.exec(`PRAGMA user_version = ${Number(v)}`);
    db.exec('ROLLBACK');
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw catalogError(e, file);
  }
}

/** SQLite result codes (primary) that say what is wrong with the catalog file itself. */
const CATALOG_PROBLEMS: Record<number, string> = {
  5: 'is locked by another process; wait for it to finish (or stop it), then run again',
  6: 'is locked by another process; wait for it to finish (or stop it), then run again',
  8: 'is read-only; make the file and its folder writable for this user, then run again',
  10: 'could not be read or written (I/O error); check the disk, then run again',
  11: 'is damaged; restore it from a backup or the saved state',
  13: 'cannot grow: the disk is full; free space, then run again',
  14: 'cannot be opened; check that the file and its folder exist and are accessible',
  26: 'is not a SQLite database (damaged or overwritten); restore it from a backup or the saved state',
};

/**
 * A SQLite failure of the catalog file itself (locked, read-only, damaged, disk full) as `database
 * error: catalog <file> <what is wrong and what to do> (<driver text>)`; any other error (a bug, such
 * as a constraint violation) passes through.
 */
export function catalogError(e: unknown, file: string): unknown {
  if (e instanceof MaandError || !(e instanceof Error)) return e;
  const err = e as Error & { code?: unknown; errcode?: unknown };
  if (err.code !== 'ERR_SQLITE_ERROR') return e;
  const problem = typeof err.errcode === 'number' ? CATALOG_PROBLEMS[err.errcode & 0xff] : undefined;
  return problem === undefined ? e : new MaandError('database error', `catalog ${file} ${problem} (${err.message})`);
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
