import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KvStore, KvError } from '../../src/kv/index.ts';

const NS = 'vars/job/api';

function kvError(kind: KvError['kind'], message: string) {
  return (e: unknown) => e instanceof KvError && e.kind === kind && e.message === message;
}

test('given an empty store, when a key is put, then get returns it at version 1 and it is changed', () => {
  const store = new KvStore();
  assert.equal(store.put(NS, 'k', 'v1'), true);
  assert.equal(store.get(NS, 'k'), 'v1');
  assert.deepEqual(store.entry(NS, 'k'), { value: 'v1', version: 1, ttl: 0, deleted: false, changed: true, lastModified: 0 });
});

test('when a key is put with a different value, then its version grows by one', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'v1');
  store.put(NS, 'k', 'v2');
  assert.equal(store.get(NS, 'k'), 'v2');
  assert.equal(store.entry(NS, 'k')?.version, 2);
});

test('when an identical value is put again, then nothing changes and no version is added', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'same');
  assert.equal(store.put(NS, 'k', ' same '), false);
  assert.equal(store.entry(NS, 'k')?.version, 1);
});

test('given a stored key, when it is deleted, then get fails with the not-found text and keys is empty', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'v');
  store.delete(NS, 'k');
  assert.throws(() => store.get(NS, 'k'), kvError('not-found', 'key not found or deleted'));
  assert.equal(store.tryGet(NS, 'k'), undefined);
  assert.deepEqual(store.keys(NS), []);
});

test('given put old then delete, when put new, then the key is live with value new at version 3', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'old');
  store.delete(NS, 'k');
  store.put(NS, 'k', 'new');
  assert.equal(store.get(NS, 'k'), 'new');
  assert.equal(store.entry(NS, 'k')?.version, 3);
});

test('reviving a tombstoned key with its old value still creates a new version', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'v');
  store.delete(NS, 'k');
  assert.equal(store.put(NS, 'k', 'v'), true);
  assert.deepEqual([store.get(NS, 'k'), store.entry(NS, 'k')?.version], ['v', 3]);
});

test('a tombstone keeps the value it replaced', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'v');
  store.delete(NS, 'k');
  assert.deepEqual(store.entry(NS, 'k'), { value: 'v', version: 2, ttl: 0, deleted: true, changed: true, lastModified: 0 });
});

test('given a value with surrounding whitespace, when put, then the stored value is trimmed', () => {
  const store = new KvStore();
  store.put(NS, 'k', '  spaced  ');
  assert.equal(store.get(NS, 'k'), 'spaced');
});

test('put trims Unicode whitespace like Go (NBSP, NEL) but keeps a byte-order mark', () => {
  const store = new KvStore();
  store.put(NS, 'a', '\u00a0\u0085x\u3000\n');
  store.put(NS, 'b', '\ufeffy');
  assert.equal(store.get(NS, 'a'), 'x');
  assert.equal(store.get(NS, 'b'), '\ufeffy');
});

test('a whitespace-only put stores the empty string', () => {
  const store = new KvStore();
  store.put(NS, 'k', ' \t\n');
  assert.equal(store.get(NS, 'k'), '');
});

test('given a new store, then it has no pending changes; after one put it has', () => {
  const store = new KvStore();
  assert.equal(store.hasPendingChanges(), false);
  store.put(NS, 'k', 'v');
  assert.equal(store.hasPendingChanges(), true);
});

test('get on an unknown namespace fails with the not-found text', () => {
  assert.throws(() => new KvStore().get('nope', 'k'), kvError('not-found', 'key not found or deleted'));
});

test('delete in a namespace never seen fails with the namespace text', () => {
  assert.throws(() => new KvStore().delete('vars/job/x', 'k'), kvError('namespace-not-found', 'namespace not found: vars/job/x'));
});

test('delete of an unknown key in a known namespace fails with the not-found text', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'v');
  assert.throws(() => store.delete(NS, 'other'), kvError('not-found', 'key not found or deleted'));
});

test('deleting an already deleted key tombstones it again with a new version', () => {
  const store = new KvStore();
  store.put(NS, 'k', 'v');
  store.delete(NS, 'k');
  store.delete(NS, 'k');
  assert.deepEqual([store.entry(NS, 'k')?.deleted, store.entry(NS, 'k')?.version], [true, 3]);
});

test('keys lists the live keys sorted', () => {
  const store = new KvStore();
  for (const k of ['worker_1', 'b', 'worker_0', 'A', 'a', 'gone']) store.put(NS, k, 'x');
  store.delete(NS, 'gone');
  assert.deepEqual(store.keys(NS), ['A', 'a', 'b', 'worker_0', 'worker_1']);
});

test('keys of an unknown namespace is empty', () => {
  assert.deepEqual(new KvStore().keys('nope'), []);
});

test('namespaces lists every namespace written, sorted, also fully tombstoned ones', () => {
  const store = new KvStore();
  store.put('maand/worker/10.0.0.1', 'k', 'v');
  store.put('maand/bucket', 'k', 'v');
  store.put('maand/worker', 'k', 'v');
  store.delete('maand/worker', 'k');
  assert.deepEqual(store.namespaces(), ['maand/bucket', 'maand/worker', 'maand/worker/10.0.0.1']);
});

test('purgeNamespace tombstones live keys only and leaves dead keys at their version', () => {
  const store = new KvStore();
  store.put(NS, 'a', '1');
  store.put(NS, 'b', '2');
  store.delete(NS, 'b');
  assert.equal(store.purgeNamespace(NS), 1);
  assert.deepEqual(store.keys(NS), []);
  assert.equal(store.entry(NS, 'a')?.version, 2);
  assert.equal(store.entry(NS, 'b')?.version, 2);
});

test('purgeNamespace of an unknown namespace is a no-op', () => {
  const store = new KvStore();
  assert.equal(store.purgeNamespace('nope'), 0);
  assert.equal(store.hasPendingChanges(), false);
});

test('namespaces are flat: a parent path and a child path are unrelated', () => {
  const store = new KvStore();
  store.put('maand/worker/10.0.0.1', 'k', 'v');
  assert.deepEqual(store.keys('maand/worker'), []);
  assert.throws(() => store.delete('maand/worker', 'k'), KvError);
});
