// History purge (spec kv §1.7): drop old versions of keys whose latest row is older than the
// retention window; a key whose latest row is such an old tombstone disappears entirely.
import type { DatabaseSync } from 'node:sqlite';

/** Versions kept below the latest one: a live key keeps L−7 … L. */
export const MAX_VERSIONS_TO_KEEP = 7;

/*
 * `latest.created_date` is the TEXT column itself, so `< ?` compares the way the reference's
 * query does (SQLite applies TEXT affinity to the bound number; equal to numeric order for
 * 10-digit Unix times). MATERIALIZED keeps the GROUP BY to one pass instead of one per row.
 */
const PURGE = `
WITH latest AS MATERIALIZED (
  SELECT namespace, key, MAX(version) AS version, created_date, deleted
  FROM key_value GROUP BY namespace, key
)
DELETE FROM key_value WHERE rowid IN (
  SELECT r.rowid FROM key_value r
  JOIN latest l ON l.namespace = r.namespace AND l.key = r.key
  WHERE l.created_date < ? AND (r.version < l.version - ${MAX_VERSIONS_TO_KEEP} OR l.deleted = 1)
)`;

/**
 * Runs inside the caller's transaction (build, gc). Negative `retainDays` counts as 0.
 * Returns the number of rows deleted.
 */
export function purgeStaleVersions(db: DatabaseSync, retainDays: number, nowUnixSeconds: number): number {
  const days = Math.max(0, Math.trunc(retainDays));
  const cutoff = Math.trunc(nowUnixSeconds) - days * 86400;
  return Number(db.prepare(PURGE).run(cutoff).changes);
}
