import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KvError, KvStore } from '../../src/kv/index.ts';
import { rowCount, tempDb } from './helpers.ts';

function seeded(): KvStore {
  const store = new KvStore();
  store.put('vars/job/api', 'kept', 'v1');
  store.persist(tempDb(), 1714000000);
  return store;
}

test('given a snapshot, when restored, then puts, deletes and new namespaces made since are undone', () => {
  const store = seeded();
  const snap = store.snapshot();
  store.put('vars/job/api', 'kept', 'v2');
  store.put('vars/job/api', 'added', 'x');
  store.put('vars/job/new', 'k', 'y');
  store.delete('vars/job/api', 'kept');
  assert.equal(store.restore(snap), true);
  assert.equal(store.get('vars/job/api', 'kept'), 'v1');
  assert.equal(store.entry('vars/job/api', 'kept')?.version, 1);
  assert.equal(store.tryGet('vars/job/api', 'added'), undefined);
  assert.deepEqual(store.namespaces(), ['vars/job/api']);
  assert.throws(() => store.delete('vars/job/new', 'k'), (e: unknown) => e instanceof KvError && e.kind === 'namespace-not-found');
});

test('after a restore, the discarded writes are no longer pending and persist writes nothing', () => {
  const store = seeded();
  const snap = store.snapshot();
  store.put('vars/job/api', 'kept', 'v2');
  store.restore(snap);
  assert.equal(store.hasPendingChanges(), false);
  const db = tempDb();
  assert.equal(store.persist(db), 0);
  assert.equal(rowCount(db), 0);
});

test('a restore keeps writes that were pending before the snapshot', () => {
  const store = seeded();
  store.put('vars/job/api', 'before', '1');
  const snap = store.snapshot();
  store.put('vars/job/api', 'before', '2');
  store.restore(snap);
  assert.deepEqual([store.get('vars/job/api', 'before'), store.entry('vars/job/api', 'before')?.changed], ['1', true]);
  assert.equal(store.hasPendingChanges(), true);
});

test('a released snapshot keeps its changes and can no longer be restored', () => {
  const store = seeded();
  const snap = store.snapshot();
  store.put('vars/job/api', 'k', 'v');
  store.release(snap);
  assert.equal(store.restore(snap), false);
  assert.equal(store.get('vars/job/api', 'k'), 'v');
});

test('restoring an inner snapshot keeps the outer one usable', () => {
  const store = seeded();
  const outer = store.snapshot();
  store.put('vars/job/api', 'a', '1');
  const inner = store.snapshot();
  store.put('vars/job/api', 'b', '2');
  store.restore(inner);
  assert.deepEqual(store.keys('vars/job/api'), ['a', 'kept']);
  store.restore(outer);
  assert.deepEqual(store.keys('vars/job/api'), ['kept']);
});

test('restoring an outer snapshot also ends the inner one', () => {
  const store = seeded();
  const outer = store.snapshot();
  const inner = store.snapshot();
  store.put('vars/job/api', 'a', '1');
  store.restore(outer);
  assert.equal(store.restore(inner), false);
});

test('persist ends open snapshots', () => {
  const store = seeded();
  const snap = store.snapshot();
  store.put('vars/job/api', 'k', 'v');
  store.persist(tempDb(), 1714000000);
  assert.equal(store.restore(snap), false);
  assert.equal(store.get('vars/job/api', 'k'), 'v');
});
