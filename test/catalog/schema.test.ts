// The SQLite catalog: schema, views, migration and the version gate (build-and-catalog §7, §16.1 items 8-10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { initBucket } from '../../src/init/index.ts';
import { checkSchema } from '../../src/catalog/gate.ts';
import { migrate, VIEWS } from '../../src/catalog/schema.ts';
import { inTransaction } from '../../src/catalog/db.ts';
import { bucketAt, withBucket, withDir, type TestBucket } from '../helpers/bucket.ts';

const UPGRADE = 'database schema upgrade required: run maand init in the bucket directory (';

function gateError(b: TestBucket): string {
  return b.query((db) => {
    try {
      checkSchema(db);
    } catch (e) {
      return (e as Error).message;
    }
    return 'passed';
  });
}

test('after init, every catalog view exists and migrating again inside a transaction keeps version 1', () =>
  withBucket((b) => {
    const views = b.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").map((r) => r.name);
    assert.deepEqual(views, ['cat_allocations', 'cat_deployments', 'cat_job_commands', 'cat_jobs', 'cat_kv', 'cat_workers']);
    b.query((db) => inTransaction(db, () => migrate(db)));
    assert.equal(b.scalar('SELECT version FROM schema_version'), 1);
    assert.equal(gateError(b), 'passed');
  }));

test('given the stored schema version is 4, then the gate asks for an upgrade, and after init the version is 1 and the gate passes', () =>
  withBucket(async (b) => {
    b.query((db) => db.exec('UPDATE schema_version SET version = 4; DROP VIEW cat_deployments'));
    assert.equal(gateError(b), `${UPGRADE}database schema upgrade required: database schema version 4, binary expects 1; run maand init to upgrade)`);
    await initBucket({ root: b.root, caKeyBits: 1024 });
    assert.equal(b.scalar('SELECT version FROM schema_version'), 1);
    assert.equal(b.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'view' AND name = 'cat_deployments'"), 1);
    assert.equal(gateError(b), 'passed');
  }));

test('given a stored schema version above 4, then the gate says the database is newer than this binary', () =>
  withBucket((b) => {
    b.query((db) => db.exec('UPDATE schema_version SET version = 5'));
    assert.equal(
      gateError(b),
      'database schema is newer than this maand binary: database schema version 5 is newer than this binary supports (1); upgrade the maand binary',
    );
  }));

test('given schema versions 0, 2 and 3, then the gate asks for an upgrade naming the version', () =>
  withBucket((b) => {
    for (const v of [0, 2, 3]) {
      b.query((db) => db.exec(`UPDATE schema_version SET version = ${v}`));
      assert.equal(gateError(b), `${UPGRADE}database schema upgrade required: database schema version ${v}, binary expects 1; run maand init to upgrade)`);
    }
  }));

test('given a required column is missing, then the gate names the table and column', () =>
  withBucket((b) => {
    b.query((db) => db.exec('DROP VIEW cat_jobs; ALTER TABLE job DROP COLUMN restart_globs'));
    assert.equal(gateError(b), `${UPGRADE}table job is missing column restart_globs; run maand init to upgrade)`);
  }));

test('given a catalog view is missing, then the gate names the view', () =>
  withBucket((b) => {
    b.query((db) => db.exec('DROP VIEW cat_kv'));
    assert.equal(gateError(b), `${UPGRADE}catalog view cat_kv is missing; run maand init to upgrade)`);
  }));

test('given a build with an outdated schema, then the build fails with the gate error and changes nothing', () =>
  withBucket(async (b) => {
    b.query((db) => db.exec('UPDATE schema_version SET version = 2'));
    const before = b.dbBytes();
    const err = await b.buildError();
    assert.ok(err.message.startsWith(UPGRADE), err.message);
    assert.deepEqual(b.dbBytes(), before);
  }));

test('a fresh database has the 18 job columns, including the two legacy ones, with their declared types', () =>
  withBucket((b) => {
    const cols = b.rows<{ name: string; type: string; notnull: number; dflt_value: string | null }>('PRAGMA table_info(job)');
    assert.deepEqual(cols.map((c) => `${c.name} ${c.type}`), [
      'job_id TEXT', 'name TEXT', 'version TEXT', 'min_memory_mb TEXT', 'max_memory_mb TEXT', 'current_memory_mb TEXT',
      'current_memory_source TEXT', 'min_cpu_mhz TEXT', 'max_cpu_mhz TEXT', 'current_cpu_mhz TEXT', 'current_cpu_source TEXT',
      'max_concurrent_upgrades INT', 'max_concurrent_starts INT', 'restart_policy TEXT', 'restart_globs TEXT', 'health_check TEXT',
      'update_parallel_count INT', 'deploy_parallel_count INT',
    ]);
    const legacy = cols.filter((c) => c.name.endsWith('_parallel_count')).map((c) => [c.notnull, c.dflt_value]);
    assert.deepEqual(legacy, [[1, '1'], [1, '0']]);
  }));

test('the other tables have the reference column lists and declared types', () =>
  withBucket((b) => {
    const shape = (t: string) => b.rows<{ name: string; type: string }>(`PRAGMA table_info(${t})`).map((c) => `${c.name} ${c.type}`).join(', ');
    assert.equal(shape('bucket'), 'bucket_id TEXT, update_seq INT');
    assert.equal(shape('worker'), 'worker_id TEXT, worker_ip TEXT, available_memory_mb TEXT, available_cpu_mhz TEXT, position INT');
    assert.equal(shape('worker_labels'), 'worker_id TEXT, label TEXT');
    assert.equal(shape('worker_tags'), 'worker_id TEXT, key TEXT, value TEXT');
    assert.equal(shape('allocations'), 'alloc_id TEXT, worker_ip TEXT, job TEXT, disabled INT, removed INT, deployment_seq INT, new_version TEXT');
    assert.equal(shape('job_selectors'), 'job_id TEXT, selector TEXT');
    assert.equal(shape('job_ports'), 'job_id TEXT, name TEXT, port INT');
    assert.equal(shape('job_certs'), 'job_id TEXT, name TEXT, pkcs8 INT, one INT, subject TEXT');
    assert.equal(shape('job_files'), 'job_id TEXT, path TEXT, content BLOB, isdir BOOL, mode INT, link TEXT'); // mode, link: maand's own (issue 15)
    assert.equal(shape('job_commands'), 'job_id TEXT, job TEXT, name TEXT, executed_on TEXT, demand_job TEXT, demand_command TEXT, demand_config TEXT');
    assert.equal(shape('key_value'), 'key TEXT, value TEXT, namespace TEXT, version INT, ttl TEXT, created_date TEXT, deleted INT');
    assert.equal(shape('hash'), 'namespace TEXT, key TEXT, current_hash TEXT, previous_hash TEXT, current_files TEXT, previous_files TEXT, current_version TEXT');
    assert.equal(shape('schema_version'), 'id INTEGER, version INTEGER');
  }));

test('every view has the documented columns', () =>
  withBucket((b) => {
    for (const [view, def] of Object.entries(VIEWS)) {
      assert.deepEqual(b.rows<{ name: string }>(`PRAGMA table_info(${view})`).map((c) => c.name), def.columns, view);
    }
    assert.deepEqual(VIEWS['cat_jobs']!.columns, ['job_id', 'name', 'version', 'disabled', 'deployment_seq', 'selectors', 'current_memory_mb', 'current_memory_source', 'current_cpu_mhz', 'current_cpu_source']);
    assert.deepEqual(VIEWS['cat_deployments']!.columns, ['alloc_id', 'worker_ip', 'job', 'disabled', 'removed', 'current_hash', 'previous_hash', 'current_version', 'new_version']);
  }));

test('after building a job demo, cat_jobs has one row named demo', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['demo'] }]);
    b.job('demo', { version: '1.0.0' });
    await b.build();
    assert.deepEqual(b.rows('SELECT name FROM cat_jobs'), [{ name: 'demo' }]);
  }));

test('cat_deployments shows missing hash values as empty strings', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { version: '1.0.0', selectors: ['worker'] });
    await b.build();
    assert.deepEqual(b.rows('SELECT job, worker_ip, current_hash, previous_hash, current_version, new_version FROM cat_deployments'), [
      { job: 'a', worker_ip: '10.0.0.1', current_hash: '', previous_hash: '', current_version: '', new_version: '1.0.0' },
    ]);
  }));

test('cat_workers joins labels and shows the zone tag; cat_allocations shows the zone of the worker', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web'], tags: { zone: 'EU-1' } }, { host: '10.0.0.2' }]);
    b.job('a', { selectors: ['worker'] });
    await b.build();
    assert.deepEqual(b.rows('SELECT worker_ip, labels, zone, position FROM cat_workers'), [
      { worker_ip: '10.0.0.1', labels: 'web,worker', zone: 'eu-1', position: 0 },
      { worker_ip: '10.0.0.2', labels: 'worker', zone: null, position: 1 },
    ]);
    assert.deepEqual(b.rows('SELECT worker_ip, zone FROM cat_allocations'), [
      { worker_ip: '10.0.0.1', zone: 'eu-1' },
      { worker_ip: '10.0.0.2', zone: null },
    ]);
  }));

test('cat_kv shows the latest version of each key, secrets as [encrypted] and long values cut at 50 characters', () =>
  withBucket(async (b) => {
    await b.build();
    b.kvPut('vars/job/a', { long: 'x'.repeat(60), short: 'v1' });
    b.kvPut('vars/job/a', { short: 'v2' });
    b.query((db) => db.prepare("INSERT INTO key_value VALUES ('s', 'enc:v1:abc', 'secrets/job/a', 1, '0', '1', 0)").run());
    const rows = b.rows<{ key: string; value: string; version: number }>("SELECT key, value, version FROM cat_kv WHERE namespace IN ('vars/job/a', 'secrets/job/a')");
    assert.deepEqual(rows, [
      { key: 's', value: '[encrypted]', version: 1 },
      { key: 'long', value: `${'x'.repeat(50)}...`, version: 1 },
      { key: 'short', value: 'v2', version: 2 },
    ]);
  }));

// A maand.db as an early reference release wrote it: the job table still has the legacy parallel
// columns, later columns and all views are missing, and there is no schema_version table.
const OLD_SCHEMA = `
CREATE TABLE bucket (bucket_id TEXT, update_seq INT);
CREATE TABLE worker (worker_id TEXT, worker_ip TEXT, available_memory_mb TEXT, available_cpu_mhz TEXT, position INT, PRIMARY KEY (worker_ip));
CREATE TABLE worker_labels (worker_id TEXT, label TEXT);
CREATE TABLE worker_tags (worker_id TEXT, key TEXT, value TEXT);
CREATE TABLE allocations (alloc_id TEXT, worker_ip TEXT, job TEXT, disabled INT, removed INT, deployment_seq INT, PRIMARY KEY (worker_ip, job));
CREATE TABLE job (job_id TEXT, name TEXT, version TEXT, min_memory_mb TEXT, max_memory_mb TEXT, current_memory_mb TEXT, min_cpu_mhz TEXT, max_cpu_mhz TEXT, current_cpu_mhz TEXT, update_parallel_count INT NOT NULL DEFAULT 1, deploy_parallel_count INT NOT NULL DEFAULT 0, PRIMARY KEY (name));
CREATE TABLE job_selectors (job_id TEXT, selector TEXT);
CREATE TABLE job_ports (job_id TEXT, name TEXT, port INT);
CREATE TABLE job_certs (job_id TEXT, name TEXT, pkcs8 INT, one INT, subject TEXT);
CREATE TABLE job_files (job_id TEXT, path TEXT, content BLOB, isdir BOOL);
CREATE TABLE job_commands (job_id TEXT, job TEXT, name TEXT, executed_on TEXT, demand_job TEXT, demand_command TEXT, demand_config TEXT);
CREATE TABLE key_value (key TEXT, value TEXT, namespace TEXT, version INT, ttl TEXT, created_date TEXT, deleted INT);
CREATE TABLE hash (namespace TEXT, key TEXT, current_hash TEXT, previous_hash TEXT, PRIMARY KEY (namespace, key));
CREATE VIEW cat_hashes AS SELECT * FROM hash;
INSERT INTO bucket VALUES ('11111111-2222-4333-8444-555555555555', 7);
INSERT INTO worker VALUES ('w-1', '10.0.0.1', '0', '0', 0);
INSERT INTO worker_labels VALUES ('w-1', 'worker');
INSERT INTO job VALUES ('0cc175b9-c0f1-36a8-b1c3-99e269772661', 'a', '1.0.0', '0', '0', '0', '0', '0', '0', 3, 2);
INSERT INTO job_selectors VALUES ('0cc175b9-c0f1-36a8-b1c3-99e269772661', 'worker');
INSERT INTO job_ports VALUES ('0cc175b9-c0f1-36a8-b1c3-99e269772661', 'a_port', 30005);
INSERT INTO allocations VALUES ('alloc-1', '10.0.0.1', 'a', 0, 0, 0);
INSERT INTO hash VALUES ('a_allocation', 'alloc-1', 'h1', 'h1');
INSERT INTO key_value VALUES ('k', 'v', 'vars/job/a', 1, '0', '1700000000', 0);
`;

function writeOldDb(root: string, withVersionTable: boolean): void {
  mkdirSync(join(root, 'data'), { recursive: true });
  const db = new DatabaseSync(join(root, 'data/maand.db'));
  db.exec(OLD_SCHEMA);
  if (withVersionTable) db.exec('CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1, 0);');
  db.close();
}

for (const withVersionTable of [false, true]) {
  const label = withVersionTable ? 'schema version 0' : 'no schema_version table';
  test(`given a reference maand.db with the old job columns and ${label}, when init runs, then the data is kept, columns are migrated and the gate passes`, () =>
    withDir(async (root) => {
      writeOldDb(root, withVersionTable);
      const b = bucketAt(root);
      assert.equal(gateError(b), `${UPGRADE}database schema upgrade required: database schema version 0, binary expects 1; run maand init to upgrade)`);
      const res = await initBucket({ root, caKeyBits: 1024 });
      assert.equal(res.created, false);
      assert.equal(res.bucketId, '11111111-2222-4333-8444-555555555555');
      assert.equal(gateError(b), 'passed');
      assert.equal(b.scalar('SELECT version FROM schema_version'), 1);
      assert.deepEqual(b.rows('SELECT bucket_id, update_seq FROM bucket'), [{ bucket_id: '11111111-2222-4333-8444-555555555555', update_seq: 7 }]);
      assert.deepEqual(
        b.rows('SELECT name, max_concurrent_upgrades, max_concurrent_starts, restart_policy, restart_globs, current_memory_source, current_cpu_source, health_check FROM job'),
        [{ name: 'a', max_concurrent_upgrades: 3, max_concurrent_starts: 2, restart_policy: 'always', restart_globs: '[]', current_memory_source: 'manifest', current_cpu_source: 'manifest', health_check: null }],
      );
      assert.deepEqual(b.rows('SELECT alloc_id, new_version FROM allocations'), [{ alloc_id: 'alloc-1', new_version: null }]);
      assert.deepEqual(b.rows('SELECT current_hash, previous_hash, current_files, previous_files, current_version FROM hash'), [
        { current_hash: 'h1', previous_hash: 'h1', current_files: null, previous_files: null, current_version: null },
      ]);
      assert.deepEqual(b.rows('SELECT key, value FROM key_value'), [{ key: 'k', value: 'v' }]);
      assert.equal(b.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cat_hashes'"), 0);
      assert.equal(b.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'view'"), 6);
    }));
}

test('given a migrated reference maand.db, when the same workspace is built, then worker id, allocation id, port and KV survive', () =>
  withDir(async (root) => {
    writeOldDb(root, false);
    await initBucket({ root, caKeyBits: 1024 });
    const b = bucketAt(root);
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { version: '1.0.0', selectors: ['worker'], resources: { ports: { a_port: {} } } });
    await b.build();
    assert.deepEqual(b.rows('SELECT worker_id FROM worker'), [{ worker_id: 'w-1' }]);
    assert.deepEqual(b.rows('SELECT alloc_id, new_version, removed FROM allocations'), [{ alloc_id: 'alloc-1', new_version: '1.0.0', removed: 0 }]);
    assert.deepEqual(b.rows('SELECT name, port FROM job_ports'), [{ name: 'a_port', port: 30005 }]);
    assert.equal(b.kvGet('vars/job/a', 'k'), 'v');
    assert.equal(b.kvGet('maand/bucket', 'bucket_id'), '11111111-2222-4333-8444-555555555555');
  }));

test('given a catalog whose bucket id is not a UUID, when a command opens it, then the gate refuses it naming the value', () =>
  withBucket((b) => {
    b.query((db) => db.exec("UPDATE bucket SET bucket_id = 'x; rm -rf /'"));
    assert.throws(() => b.query((db) => checkSchema(db)), {
      message: 'database error: bucket_id "x; rm -rf /" in data/maand.db is not a UUID; the catalog was altered: restore it from a backup or the saved state',
    });
  }));
