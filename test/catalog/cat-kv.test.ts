// `maand cat kv` and `maand cat kv get` over a built catalog (kv-templates-hooks-health-certs §1.6, §10.12 item 113).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catKv, catKvGet } from '../../src/cat/kv.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

async function vaultBucket(b: TestBucket): Promise<void> {
  b.workers([{ host: '10.0.0.1' }]);
  const cmd = (demands?: object) => ({ executed_on: ['cli'], ...(demands ? { demands } : {}) });
  b.job('postgres', { version: '1.0.0', selectors: ['worker'], commands: { command_ready: cmd() } }, { '_modules/command_ready.py': '' });
  b.job('vault', { version: '1.0.0', selectors: ['worker'], commands: { command_init: cmd({ job: 'postgres', command: 'command_ready' }) } }, { '_modules/command_init.py': '' });
  b.job('api', { version: '1.0.0', selectors: ['worker'] }, { 'vars.toml': 'a = "1"\n' });
  b.job('gone', { version: '1.0.0', selectors: ['worker'] });
  await b.build();
  b.job('gone', { version: '1.0.0', selectors: ['nowhere'] });
  await b.build();
  b.kvPut('vars/job/postgres', { dsn: 'pg' });
  b.kvPutSecret('secrets/job/vault', { root_token: 's3cret' });
  b.kvPut('vars/job/vault', { old: 'x' });
  b.query((db) => db.prepare("INSERT INTO key_value VALUES ('old', '', 'vars/job/vault', 2, '0', '1', 1)").run());
}

test('cat kv get prints a secret as [encrypted], and decrypted with --reveal', () =>
  withBucket(async (b) => {
    await vaultBucket(b);
    b.query((db) => {
      assert.equal(catKvGet(db, b.root, 'secrets/job/vault', 'root_token', false), '[encrypted]');
      assert.equal(catKvGet(db, b.root, 'secrets/job/vault', 'root_token', true), 's3cret');
      assert.equal(catKvGet(db, b.root, 'maand/job/vault', 'name', false), 'vault');
      assert.throws(() => catKvGet(db, b.root, 'vars/job/vault', 'old', false), /key not found: namespace vars\/job\/vault, key old/);
    });
  }));

test('cat kv --active over only deleted keys is not found, --deleted finds them, both together is an error', () =>
  withBucket(async (b) => {
    await vaultBucket(b);
    b.query((db) => {
      assert.throws(() => catKv(db, { namespace: 'vars/job/vault', active: true }), /not found/);
      assert.deepEqual(catKv(db, { namespace: 'vars/job/vault', deleted: true }).rows.map((r) => r.slice(0, 2)), [['vars/job/vault', 'old']]);
      assert.throws(() => catKv(db, { active: true, deleted: true }), /--active and --deleted/);
    });
  }));

test('cat kv --jobs lists the job\'s readable namespaces, upstream vars included, other jobs\' vars not', () =>
  withBucket(async (b) => {
    await vaultBucket(b);
    b.query((db) => {
      const namespaces = new Set(catKv(db, { jobs: ['vault'] }).rows.map((r) => String(r[0])));
      assert.ok(namespaces.has('vars/job/postgres'));
      assert.ok(namespaces.has('secrets/job/vault'));
      assert.ok(namespaces.has('maand/job/vault/worker/10.0.0.1'));
      assert.ok(!namespaces.has('vars/job/api'));
      assert.throws(() => catKv(db, { jobs: ['gone'] }), /not found/);
    });
  }));
