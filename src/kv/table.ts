// Row I/O for the append-only `key_value` table (spec kv §1.4).
import type { DatabaseSync } from 'node:sqlite';
import type { Entry } from './undo.ts';

/**
 * The max-version row of every (namespace, key), tombstones included; on a version tie the later
 * row wins. One full scan beats GROUP BY (no sort) while history stays short, as purge keeps it.
 */
export function loadEntries(db: DatabaseSync): Map<string, Map<string, Entry>> {
  const stmt = db.prepare('SELECT namespace, key, value, version, ttl, created_date, deleted FROM key_value');
  stmt.setReturnArrays(true);
  const data = new Map<string, Map<string, Entry>>();
  for (const row of stmt.all() as unknown as unknown[][]) {
    const ns = text(row[0]);
    const key = text(row[1]);
    const version = int(row[3]);
    let keys = data.get(ns);
    if (keys === undefined) data.set(ns, (keys = new Map()));
    const prev = keys.get(key);
    if (prev !== undefined && prev.version > version) continue;
    keys.set(key, {
      ns,
      key,
      value: text(row[2]),
      version,
      ttl: int(row[4]),
      deleted: int(row[6]) !== 0,
      changed: false,
      lastModified: int(row[5]),
    });
  }
  return data;
}

const INSERT =
  'INSERT INTO key_value (key, value, namespace, version, ttl, created_date, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** Appends `rows` with one timestamp; ttl and created_date are bound as text like the reference stores them. */
export function insertRows(db: DatabaseSync, rows: readonly Entry[], now: number): void {
  const own = !db.isTransaction;
  if (own) db.exec('BEGIN IMMEDIATE');
  try {
    const stmt = db.prepare(INSERT);
    const created = String(now);
    for (const e of rows) stmt.run(e.key, e.value, e.ns, e.version, String(e.ttl), created, e.deleted ? 1 : 0);
    if (own) db.exec('COMMIT');
  } catch (err) {
    if (own && db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function int(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'bigint') return Number(v);
  const n = Number.parseInt(text(v), 10);
  return Number.isNaN(n) ? 0 : n;
}
