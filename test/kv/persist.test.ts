import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inTransaction } from '../../src/catalog/db.ts';
import { KvStore } from '../../src/kv/index.ts';
import { insertRow, rowCount, rowsOf, tempDb } from './helpers.ts';

const NOW = 1714000000;

test('given a row v1 in the db, when loaded, then get returns it unchanged; after put v2 and persist the table holds two rows', () => {
  const db = tempDb();
  insertRow(db, { ns: 'ns', key: 'k', value: 'v1', version: 1 });
  const store = KvStore.load(db);
  assert.equal(store.get('ns', 'k'), 'v1');
  assert.equal(store.entry('ns', 'k')?.changed, false);
  store.put('ns', 'k', 'v2');
  inTransaction(db, () => store.persist(db, NOW));
  const rows = rowsOf(db, 'ns', 'k');
  assert.equal(rows.length, 2);
  assert.deepEqual([rows[1]!.version, rows[1]!.value], [2, 'v2']);
});

test('given rows old v1 and new v2, when loaded, then the entry is new at version 2', () => {
  const db = tempDb();
  insertRow(db, { ns: 'ns', key: 'k', value: 'new', version: 2 });
  insertRow(db, { ns: 'ns', key: 'k', value: 'old', version: 1 });
  const store = KvStore.load(db);
  assert.deepEqual([store.get('ns', 'k'), store.entry('ns', 'k')?.version], ['new', 2]);
});

test('given live v1, tombstone v2 and live v3 rows, when loaded, then the entry is live new at version 3', () => {
  const db = tempDb();
  insertRow(db, { ns: 'ns', key: 'k', value: 'old', version: 1 });
  insertRow(db, { ns: 'ns', key: 'k', value: 'old', version: 2, deleted: true });
  insertRow(db, { ns: 'ns', key: 'k', value: 'new', version: 3 });
  const entry = KvStore.load(db).entry('ns', 'k');
  assert.deepEqual([entry?.value, entry?.version, entry?.deleted], ['new', 3, false]);
});

test('a loaded tombstone stays deleted and its namespace stays known', () => {
  const db = tempDb();
  insertRow(db, { ns: 'ns', key: 'k', value: 'v', version: 2, deleted: true });
  const store = KvStore.load(db);
  assert.equal(store.tryGet('ns', 'k'), undefined);
  assert.deepEqual(store.namespaces(), ['ns']);
  store.delete('ns', 'k');
  assert.equal(store.entry('ns', 'k')?.version, 3);
});

test('a loaded entry keeps the created_date of its row as lastModified', () => {
  const db = tempDb();
  insertRow(db, { ns: 'ns', key: 'k', value: 'v', version: 1, created: 1700000000 });
  assert.equal(KvStore.load(db).entry('ns', 'k')?.lastModified, 1700000000);
});

test('given a store loaded in transaction T with a pending put, when T rolls back and the store persists in a new transaction, then the value is stored', () => {
  const db = tempDb();
  db.exec('BEGIN IMMEDIATE');
  const store = KvStore.load(db);
  store.put('ns', 'k', 'v');
  db.exec('ROLLBACK');
  inTransaction(db, () => store.persist(db, NOW));
  assert.equal(KvStore.load(db).get('ns', 'k'), 'v');
});

test('given a store loaded in an open transaction with a pending put, when persisted into it and committed, then nothing is pending and the value is stored', () => {
  const db = tempDb();
  db.exec('BEGIN IMMEDIATE');
  const store = KvStore.load(db);
  store.put('ns', 'k', 'v');
  store.persist(db, NOW);
  assert.equal(store.hasPendingChanges(), false);
  db.exec('COMMIT');
  assert.equal(KvStore.load(db).get('ns', 'k'), 'v');
});

test('persist writes one row per changed key with its final state, leaving gaps in versions', () => {
  const db = tempDb();
  const store = new KvStore();
  store.put('ns', 'a', '1');
  store.put('ns', 'a', '2');
  store.put('ns', 'a', '3');
  store.put('ns', 'b', 'x');
  assert.equal(store.persist(db, NOW), 2);
  assert.deepEqual(rowsOf(db, 'ns', 'a').map((r) => [r.version, r.value]), [[3, '3']]);
  assert.equal(rowCount(db), 2);
});

test('persist stores ttl and created_date as text with one timestamp per call', () => {
  const db = tempDb();
  const store = new KvStore();
  store.put('ns', 'a', '1');
  store.put('other', 'b', '2');
  store.persist(db, NOW);
  const rows = db.prepare('SELECT DISTINCT typeof(ttl) AS t1, ttl, typeof(created_date) AS t2, created_date FROM key_value').all();
  assert.deepEqual(rows.map((r) => ({ ...r })), [{ t1: 'text', ttl: '0', t2: 'text', created_date: '1714000000' }]);
});

test('after persist, entries are unchanged, carry the persist time, and a second persist writes nothing', () => {
  const db = tempDb();
  const store = new KvStore();
  store.put('ns', 'a', '1');
  store.persist(db, NOW);
  assert.deepEqual([store.entry('ns', 'a')?.changed, store.entry('ns', 'a')?.lastModified], [false, NOW]);
  assert.equal(store.persist(db, NOW + 1), 0);
  assert.equal(rowCount(db), 1);
});

test('deleting an already tombstoned key persists another tombstone row', () => {
  const db = tempDb();
  insertRow(db, { ns: 'maand/job/a/worker/10.0.0.1', key: 'current_version', value: '1', version: 2, deleted: true });
  const store = KvStore.load(db);
  store.delete('maand/job/a/worker/10.0.0.1', 'current_version');
  store.persist(db, NOW);
  const rows = rowsOf(db, 'maand/job/a/worker/10.0.0.1', 'current_version');
  assert.deepEqual(rows.map((r) => [r.version, r.deleted, r.value]), [[2, 1, '1'], [3, 1, '1']]);
});

test('an identical put after load persists nothing', () => {
  const db = tempDb();
  insertRow(db, { ns: 'ns', key: 'k', value: 'v', version: 4 });
  const store = KvStore.load(db);
  store.put('ns', 'k', 'v');
  assert.equal(store.hasPendingChanges(), false);
  assert.equal(store.persist(db, NOW), 0);
});

test('persist outside a transaction commits on its own', () => {
  const db = tempDb();
  const store = new KvStore();
  store.put('ns', 'k', 'v');
  store.persist(db, NOW);
  assert.equal(db.isTransaction, false);
  assert.equal(KvStore.load(db).get('ns', 'k'), 'v');
});

test('the cat_kv view shows the persisted max-version row of each key', () => {
  const db = tempDb();
  const store = new KvStore();
  store.put('ns', 'k', 'v1');
  store.persist(db, NOW);
  store.put('ns', 'k', 'v2');
  store.persist(db, NOW + 5);
  const rows = db.prepare('SELECT namespace, key, value, version, ttl, created_date, deleted FROM cat_kv').all();
  assert.deepEqual(rows.map((r) => ({ ...r })), [
    { namespace: 'ns', key: 'k', value: 'v2', version: 2, ttl: '0', created_date: String(NOW + 5), deleted: 0 },
  ]);
});
