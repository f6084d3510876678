import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KvError, KvSession } from '../../src/kv/index.ts';
import { tempDb } from './helpers.ts';

test('given no loaded store, when requiring the session store, then "kv store not initialized" is thrown', () => {
  assert.throws(
    () => new KvSession().require(),
    (e: unknown) => e instanceof KvError && e.kind === 'not-initialized' && e.message === 'kv store not initialized',
  );
});

test('given a loaded session, when requiring the store, then the same store is returned each time', () => {
  const session = new KvSession();
  const store = session.load(tempDb());
  assert.equal(session.loaded, true);
  assert.equal(session.require(), store);
});
