// A store reports each secret plaintext the first time it encrypts or decrypts it (the Action masks what
// it is told) and remembers them, so error texts can be cleaned of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { KvStore } from '../../src/kv/index.ts';
import { tempDb } from './helpers.ts';

test('given a listener, when a secret is put, then the listener is told its plaintext before the put returns', () => {
  const told: string[] = [];
  const kv = new KvStore({ key: randomBytes(32), onSecret: (v) => told.push(v) });
  kv.putSecret('secrets/job/api', 'db_password', 'hunter2-from-a-hook');
  assert.deepEqual(told, ['hunter2-from-a-hook']);
});

test('given secrets stored earlier, when they are decrypted twice, then the listener is told each once and plain values never', () => {
  const db = tempDb();
  const key = randomBytes(32);
  const writer = new KvStore({ key });
  writer.putSecret('secrets/job/api', 'a', 'first-secret-value');
  writer.putSecret('secrets/job/api', 'b', 'second-secret-value');
  writer.put('vars/job/api', 'region', 'eu-west-1');
  writer.persist(db);
  const told: string[] = [];
  const kv = KvStore.load(db, { key, onSecret: (v) => told.push(v) });
  assert.deepEqual(told, [], 'loading decrypts nothing');
  for (const k of ['b', 'a', 'b']) kv.getSecret('secrets/job/api', k);
  kv.get('vars/job/api', 'region');
  assert.deepEqual(told, ['second-secret-value', 'first-secret-value']);
  assert.deepEqual(kv.knownSecrets(), ['second-secret-value', 'first-secret-value']);
});
