import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inTransaction } from '../../src/catalog/db.ts';
import { purgeStaleVersions } from '../../src/kv/index.ts';
import { insertRow, rowsOf, tempDb } from './helpers.ts';

const NOW = 1714000000;
const DAY = 86400;

function seed(db: ReturnType<typeof tempDb>, key: string, versions: number, opts: { created: number; lastDeleted?: boolean }) {
  for (let v = 1; v <= versions; v++)
    insertRow(db, { ns: 'ns', key, value: `v${v}`, version: v, created: opts.created, deleted: v === versions && opts.lastDeleted === true });
}

test('given 10 versions created 48 h ago ending in a tombstone, when purging with 0 retain days, then every row of the key goes', () => {
  const db = tempDb();
  seed(db, 'k', 10, { created: NOW - 2 * DAY, lastDeleted: true });
  const deleted = inTransaction(db, () => purgeStaleVersions(db, 0, NOW));
  assert.equal(deleted, 10);
  assert.deepEqual(rowsOf(db, 'ns', 'k'), []);
});

test('an old live key keeps its latest 8 versions', () => {
  const db = tempDb();
  seed(db, 'k', 12, { created: NOW - 30 * DAY });
  purgeStaleVersions(db, 7, NOW);
  assert.deepEqual(rowsOf(db, 'ns', 'k').map((r) => r.version), [5, 6, 7, 8, 9, 10, 11, 12]);
});

test('a key whose latest row is inside the retention window keeps all history', () => {
  const db = tempDb();
  seed(db, 'k', 12, { created: NOW - 30 * DAY });
  insertRow(db, { ns: 'ns', key: 'k', value: 'fresh', version: 13, created: NOW - DAY });
  purgeStaleVersions(db, 7, NOW);
  assert.equal(rowsOf(db, 'ns', 'k').length, 13);
});

test('a recent tombstone is kept with its history', () => {
  const db = tempDb();
  seed(db, 'k', 3, { created: NOW - 3 * DAY, lastDeleted: true });
  purgeStaleVersions(db, 7, NOW);
  assert.equal(rowsOf(db, 'ns', 'k').length, 3);
});

test('purge decides per (namespace, key): another namespace with the same key is untouched', () => {
  const db = tempDb();
  seed(db, 'k', 2, { created: NOW - 30 * DAY, lastDeleted: true });
  insertRow(db, { ns: 'other', key: 'k', value: 'x', version: 1, created: NOW - 30 * DAY });
  purgeStaleVersions(db, 7, NOW);
  assert.deepEqual([rowsOf(db, 'ns', 'k').length, rowsOf(db, 'other', 'k').length], [0, 1]);
});

test('negative retain days count as zero', () => {
  const db = tempDb();
  seed(db, 'k', 1, { created: NOW - 10, lastDeleted: true });
  assert.equal(purgeStaleVersions(db, -3, NOW), 1);
});

test('created_date is compared as text, the way SQLite compares the reference column', () => {
  const db = tempDb();
  // '999' sorts after '1000' as text, so this tombstone does not count as older than the cutoff.
  seed(db, 'k', 1, { created: 999, lastDeleted: true });
  assert.equal(purgeStaleVersions(db, 0, 1000), 0);
});
