// What was last deployed to each allocation, file by file, so a plan can diff the rendered result
// against it (issue 12). Text files up to 64 KiB keep their (redacted) text, deduplicated by digest;
// larger or binary files keep size and digest only. The rows of a deploy are written as `staged`
// when its hashes are stored, and become `deployed` when the batch is promoted. Catalogs created
// before these tables (or by the reference) have none: readers then get `undefined`, never an error.
import { createHash } from 'node:crypto';
import type { Db } from '../catalog/db.ts';
import { tablesExist } from '../catalog/schema.ts';

export const MAX_TEXT_BYTES = 64 * 1024;

export const CONTENT_TABLES = [
  'CREATE TABLE IF NOT EXISTS deployed_text (text_id TEXT PRIMARY KEY, text TEXT NOT NULL)',
  `CREATE TABLE IF NOT EXISTS deployed_file (namespace TEXT NOT NULL, key TEXT NOT NULL, slot TEXT NOT NULL, path TEXT NOT NULL,
    digest TEXT NOT NULL, size INT NOT NULL, text_id TEXT, PRIMARY KEY (namespace, key, slot, path))`,
  'CREATE INDEX IF NOT EXISTS deployed_file_text ON deployed_file (text_id)',
];

/** Called by the schema upgrade (`maand init`). */
export function ensureContentTables(db: Db): void {
  for (const ddl of CONTENT_TABLES) db.exec(ddl);
}

export interface RecordedFile {
  path: string;
  /** The file digest of hash.current_files. */
  digest: string;
  size: number;
  /** Redacted text; absent for binary or large files. */
  text?: string;
}

type Slot = 'staged' | 'deployed';

function hasTables(db: Db): boolean {
  return tablesExist(db, ['deployed_text', 'deployed_file']);
}

const ns = (job: string): string => `${job}_allocation`;

/** The file as it will be kept: text (UTF-8 without NUL, up to 64 KiB) or size and digest only. */
export function isText(data: Uint8Array): boolean {
  if (data.length > MAX_TEXT_BYTES || data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Replaces the allocation's `staged` (or `deployed`) rows; no-op on a catalog without the tables. */
export function recordFiles(db: Db, job: string, allocId: string, slot: Slot, files: RecordedFile[]): void {
  if (!hasTables(db)) return;
  const before = textIds(db, job, allocId, slot);
  db.prepare('DELETE FROM deployed_file WHERE namespace = ? AND key = ? AND slot = ?').run(ns(job), allocId, slot);
  const putText = db.prepare('INSERT OR IGNORE INTO deployed_text (text_id, text) VALUES (?, ?)');
  const putFile = db.prepare('INSERT INTO deployed_file (namespace, key, slot, path, digest, size, text_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const f of files) {
    let id: string | null = null;
    if (f.text !== undefined) {
      id = createHash('sha256').update(f.text).digest('hex');
      putText.run(id, f.text);
    }
    putFile.run(ns(job), allocId, slot, f.path, f.digest, f.size, id);
  }
  dropUnused(db, before);
}

/** The batch now runs what was staged for it: its staged rows become the deployed ones. */
export function promoteFiles(db: Db, job: string, allocId: string): void {
  if (!hasTables(db)) return;
  const staged = db.prepare("SELECT COUNT(*) AS n FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'staged'").get(ns(job), allocId) as { n: number };
  if (Number(staged.n) === 0) return; // nothing recorded for this tree: keep what is known
  const before = textIds(db, job, allocId, 'deployed');
  db.prepare("DELETE FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'deployed'").run(ns(job), allocId);
  db.prepare("UPDATE deployed_file SET slot = 'deployed' WHERE namespace = ? AND key = ? AND slot = 'staged'").run(ns(job), allocId);
  dropUnused(db, before);
}

/** The allocation is gone: forget its files. */
export function dropFiles(db: Db, job: string, allocId: string): void {
  if (!hasTables(db)) return;
  const before = [...textIds(db, job, allocId, 'staged'), ...textIds(db, job, allocId, 'deployed')];
  db.prepare('DELETE FROM deployed_file WHERE namespace = ? AND key = ?').run(ns(job), allocId);
  dropUnused(db, before);
}

/** The texts the allocation's rows of `slot` refer to. */
function textIds(db: Db, job: string, allocId: string, slot: Slot): string[] {
  const rows = db.prepare('SELECT DISTINCT text_id FROM deployed_file WHERE namespace = ? AND key = ? AND slot = ? AND text_id IS NOT NULL').all(ns(job), allocId, slot) as Array<{ text_id: string }>;
  return rows.map((r) => r.text_id);
}

/**
 * Drops the texts among `ids` no row refers to any more. Only the texts the caller's rows referred to
 * can have lost their last reference: checking those (by index) instead of every text keeps a deploy
 * of many allocations linear.
 */
function dropUnused(db: Db, ids: Iterable<string>): void {
  const drop = db.prepare('DELETE FROM deployed_text WHERE text_id = ? AND NOT EXISTS (SELECT 1 FROM deployed_file WHERE text_id = ?)');
  for (const id of new Set(ids)) drop.run(id, id);
}

/** What was last deployed to the allocation, by path; undefined when nothing was recorded (or no tables). */
export function deployedFiles(db: Db, job: string, allocId: string): Map<string, RecordedFile> | undefined {
  if (!hasTables(db)) return undefined;
  const rows = db.prepare(
    `SELECT f.path, f.digest, f.size, t.text FROM deployed_file f LEFT JOIN deployed_text t ON t.text_id = f.text_id
     WHERE f.namespace = ? AND f.key = ? AND f.slot = 'deployed' ORDER BY f.path`,
  ).all(ns(job), allocId) as Array<{ path: string; digest: string; size: number; text: string | null }>;
  if (rows.length === 0) return undefined;
  return new Map(rows.map((r) => [r.path, { path: r.path, digest: r.digest, size: Number(r.size), ...(r.text === null ? {} : { text: r.text }) }]));
}

/** Whether the allocation has `deployed` rows (cheap: used to decide whether to record an unchanged tree). */
export function hasDeployedFiles(db: Db, job: string, allocId: string): boolean {
  if (!hasTables(db)) return false;
  return db.prepare("SELECT 1 FROM deployed_file WHERE namespace = ? AND key = ? AND slot = 'deployed' LIMIT 1").get(ns(job), allocId) !== undefined;
}
