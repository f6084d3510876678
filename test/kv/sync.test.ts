import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { InternalError } from '../../src/errors.ts';
import { allocSync, certSync, fullSync, isEncrypted, KvStore, mergeInto, purge, readPlain } from '../../src/kv/index.ts';

const ALLOC = 'maand/job/api/worker/10.0.0.1';

function versions(store: KvStore, ns: string): Record<string, number> {
  return Object.fromEntries(store.keys(ns).map((k) => [k, store.entry(ns, k)!.version]));
}

test('full sync removes a stale key and keeps the desired one', () => {
  const store = new KvStore();
  store.put('maand/bucket', 'stale', 'x');
  store.put('maand/bucket', 'bucket_id', 'b1');
  fullSync(store, 'maand/bucket', { bucket_id: 'b1', jobs: 'api' });
  assert.deepEqual(store.keys('maand/bucket'), ['bucket_id', 'jobs']);
  assert.equal(store.entry('maand/bucket', 'stale')?.deleted, true);
});

test('full sync with unchanged values reports no change and adds no versions', () => {
  const store = new KvStore();
  fullSync(store, 'maand/bucket', { a: '1', b: '2' });
  assert.equal(fullSync(store, 'maand/bucket', { b: '2', a: '1' }), false);
  assert.deepEqual(versions(store, 'maand/bucket'), { a: 1, b: 1 });
});

test('full sync to an empty set empties the namespace', () => {
  const store = new KvStore();
  fullSync(store, 'vars/bucket', { a: '1' });
  assert.equal(fullSync(store, 'vars/bucket', {}), true);
  assert.deepEqual(store.keys('vars/bucket'), []);
});

test('full sync to an empty set of an unknown namespace does nothing', () => {
  const store = new KvStore();
  assert.equal(fullSync(store, 'vars/bucket', {}), false);
  assert.deepEqual(store.namespaces(), []);
});

test('full sync accepts a Map of desired values', () => {
  const store = new KvStore();
  fullSync(store, 'maand/worker/10.0.0.1/tags', new Map([['zone', 'a']]));
  assert.equal(store.get('maand/worker/10.0.0.1/tags', 'zone'), 'a');
});

test('alloc sync keeps certs/* and version, drops other stale keys', () => {
  const store = new KvStore();
  for (const [k, v] of Object.entries({ 'certs/tls.crt': 'CRT', version: '1.0.0', stale: 'x', api_allocation_index: '1' }))
    store.put(ALLOC, k, v);
  allocSync(store, ALLOC, { api_allocation_index: '0', peer_workers: '' });
  assert.deepEqual(store.keys(ALLOC), ['api_allocation_index', 'certs/tls.crt', 'peer_workers', 'version']);
  assert.equal(store.get(ALLOC, 'api_allocation_index'), '0');
});

test('cert sync leaves the index and peers untouched at the same versions', () => {
  const store = new KvStore({ key: randomBytes(32) });
  allocSync(store, ALLOC, { api_allocation_index: '0', peer_workers: '10.0.0.2' });
  store.put(ALLOC, 'certs/old.crt', 'OLD');
  certSync(store, ALLOC, { 'certs/tls.crt': 'CRT', 'certs/tls.key': 'KEY' });
  assert.deepEqual(store.keys(ALLOC), ['api_allocation_index', 'certs/tls.crt', 'certs/tls.key', 'peer_workers']);
  assert.deepEqual([versions(store, ALLOC).api_allocation_index, versions(store, ALLOC).peer_workers], [1, 1]);
});

test('cert sync with no certs removes every certs/* key and nothing else', () => {
  const store = new KvStore();
  store.put(ALLOC, 'certs/tls.crt', 'CRT');
  store.put(ALLOC, 'version', '1');
  certSync(store, ALLOC, {});
  assert.deepEqual(store.keys(ALLOC), ['version']);
});

test('cert sync rejects a desired key outside certs/', () => {
  assert.throws(() => certSync(new KvStore(), ALLOC, { version: '1' }), InternalError);
});

test('merge puts keys and never deletes', () => {
  const store = new KvStore();
  store.put('vars/job/api', 'from_hook', 'x');
  mergeInto(store, 'vars/job/api', { a: '1' });
  assert.deepEqual(store.keys('vars/job/api'), ['a', 'from_hook']);
});

test('purge tombstones every live key of the namespace', () => {
  const store = new KvStore();
  mergeInto(store, 'vars/job/api', { a: '1', b: '2' });
  assert.equal(purge(store, 'vars/job/api'), true);
  assert.deepEqual(store.keys('vars/job/api'), []);
  assert.equal(purge(store, 'vars/job/api'), false);
});

test('sync trims desired values like any put', () => {
  const store = new KvStore();
  fullSync(store, 'maand/worker', { 'certs/ca.crt': '-----PEM-----\n' });
  assert.equal(store.get('maand/worker', 'certs/ca.crt'), '-----PEM-----');
});

test('cert sync stores a private key encrypted, and the same key again is no new version', () => {
  const store = new KvStore({ key: randomBytes(32) });
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n';
  certSync(store, ALLOC, { 'certs/tls.crt': 'CRT', 'certs/tls.key': pem });
  assert.ok(isEncrypted(store.get(ALLOC, 'certs/tls.key')));
  assert.equal(readPlain(store, ALLOC, 'certs/tls.key'), pem.trim(), 'stored trimmed, as a plain put would');
  assert.equal(store.get(ALLOC, 'certs/tls.crt'), 'CRT', 'the certificate is public');
  certSync(store, ALLOC, { 'certs/tls.crt': 'CRT', 'certs/tls.key': pem });
  assert.deepEqual(versions(store, ALLOC), { 'certs/tls.crt': 1, 'certs/tls.key': 1 });
});

test('cert sync re-stores a plaintext key of an older maand encrypted, as its next version', () => {
  const store = new KvStore({ key: randomBytes(32) });
  store.put(ALLOC, 'certs/tls.key', 'PLAIN KEY');
  assert.equal(readPlain(store, ALLOC, 'certs/tls.key'), 'PLAIN KEY', 'an unmigrated key reads as it is');
  certSync(store, ALLOC, { 'certs/tls.key': 'PLAIN KEY' });
  assert.ok(isEncrypted(store.get(ALLOC, 'certs/tls.key')));
  assert.equal(store.entry(ALLOC, 'certs/tls.key')!.version, 2);
  assert.equal(readPlain(store, ALLOC, 'certs/tls.key'), 'PLAIN KEY');
});
