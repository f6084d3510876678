// Shared fixtures for the KV tests: a migrated catalog in a temp dir, raw row reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, inTransaction, type Db } from '../../src/catalog/db.ts';
import { migrate } from '../../src/catalog/schema.ts';

const created: string[] = [];
// every test file runs in its own process: remove its temp dirs when it ends
process.on('exit', () => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maand-kv-'));
  created.push(dir);
  return dir;
}

/** A fresh catalog with every table (`maand.db` in a temp dir). */
export function tempDb(): Db {
  const db = openDb(join(tempDir(), 'maand.db'), { create: true });
  inTransaction(db, () => migrate(db));
  return db;
}

export interface Row {
  key: string;
  value: string;
  namespace: string;
  version: number;
  ttl: string;
  created_date: string;
  deleted: number;
}

/** Rows of (ns, key) by version. */
export function rowsOf(db: Db, ns: string, key: string): Row[] {
  return db
    .prepare('SELECT key, value, namespace, version, ttl, created_date, deleted FROM key_value WHERE namespace = ? AND key = ? ORDER BY version, rowid')
    .all(ns, key) as unknown as Row[];
}

/** Appends a raw row, as the reference (or an older build) would have written it. */
export function insertRow(db: Db, r: { ns: string; key: string; value: string; version: number; deleted?: boolean; created?: number }): void {
  db.prepare('INSERT INTO key_value (key, value, namespace, version, ttl, created_date, deleted) VALUES (?, ?, ?, ?, 0, ?, ?)').run(
    r.key, r.value, r.ns, r.version, r.created ?? 1714000000, r.deleted ? 1 : 0,
  );
}

export function rowCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM key_value').get() as { n: number }).n;
}
