// The schema-version gate every command but `init` passes first (§7.5).
import { MaandError } from '../errors.ts';
import { isBucketId } from '../bucket/identifiers.ts';
import type { Db } from './db.ts';
import { REQUIRED_COLUMNS, SCHEMA_VERSION, tableColumns, VIEWS } from './schema.ts';

function upgrade(detail: string): MaandError {
  return new MaandError('database schema upgrade required', `run maand init in the bucket directory (${detail})`);
}

export function checkSchema(db: Db): void {
  const version = storedVersion(db);
  if (version > 4 && version !== SCHEMA_VERSION)
    throw new MaandError('database schema is newer than this maand binary', `database schema version ${version} is newer than this binary supports (${SCHEMA_VERSION}); upgrade the maand binary`);
  if (version !== SCHEMA_VERSION)
    throw upgrade(`database schema upgrade required: database schema version ${version}, binary expects ${SCHEMA_VERSION}; run maand init to upgrade`);
  for (const [table, cols] of Object.entries(REQUIRED_COLUMNS)) {
    const have = tableColumns(db, table);
    for (const c of cols) if (!have.includes(c)) throw upgrade(`table ${table} is missing column ${c}; run maand init to upgrade`);
  }
  for (const [view, { columns }] of Object.entries(VIEWS)) {
    const have = tableColumns(db, view);
    if (have.length === 0) throw upgrade(`catalog view ${view} is missing; run maand init to upgrade`);
    for (const c of columns) if (!have.includes(c)) throw upgrade(`catalog view ${view} is missing column ${c}; run maand init to upgrade`);
  }
  checkBucketId(db);
}

/** The bucket id names /opt/worker/<id> on every worker: a catalog carrying anything but a UUID is refused. */
function checkBucketId(db: Db): void {
  const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get() as { bucket_id: unknown } | undefined;
  if (row === undefined || row.bucket_id === null || row.bucket_id === '') return;
  if (typeof row.bucket_id !== 'string' || !isBucketId(row.bucket_id))
    throw new MaandError('database error', `bucket_id ${JSON.stringify(String(row.bucket_id))} in data/maand.db is not a UUID; the catalog was altered: restore it from a backup or the saved state`);
}

/** The stored schema version; a database written before versioning (no table or row) is version 0. */
export function storedVersion(db: Db): number {
  if (tableColumns(db, 'schema_version').length === 0) return 0;
  const row = db.prepare('SELECT version FROM schema_version WHERE id = 1').get() as { version: number } | undefined;
  return row?.version ?? 0;
}
