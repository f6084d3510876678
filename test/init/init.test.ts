// `maand init` (spec build-and-catalog §3, §16.1 items 1-7, §17.4; decision Q26).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { initBucket } from '../../src/init/index.ts';
import { bucketPaths } from '../../src/bucket/paths.ts';
import { portPool, readBucketConf } from '../../src/bucket/bucket-conf.ts';
import { readMaandConf } from '../../src/bucket/maand-conf.ts';
import { bucketAt, withDir } from '../helpers/bucket.ts';

const init = (root: string) => initBucket({ root, caKeyBits: 1024 });

test('given an empty directory, when init runs, then maand.db exists with schema version 1 and the bucket and schema_version tables', () =>
  withDir(async (root) => {
    const res = await init(root);
    assert.equal(res.created, true);
    assert.ok(existsSync(join(root, 'data/maand.db')));
    const b = bucketAt(root);
    assert.equal(b.scalar('SELECT version FROM schema_version WHERE id = 1'), 1);
    const tables = b.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name);
    assert.ok(tables.includes('bucket'));
    assert.ok(tables.includes('schema_version'));
  }));

test('given an initialized bucket, when init runs three more times, then bucket_id, schema version and the CA files are unchanged', () =>
  withDir(async (root) => {
    const first = await init(root);
    const crt = readFileSync(join(root, 'secrets/ca.crt'));
    const key = readFileSync(join(root, 'secrets/ca.key'));
    const kvKey = readFileSync(join(root, 'secrets/kv.key'));
    for (let i = 0; i < 3; i++) {
      const again = await init(root);
      assert.equal(again.created, false);
      assert.equal(again.bucketId, first.bucketId);
    }
    const b = bucketAt(root);
    assert.deepEqual(b.rows('SELECT bucket_id, update_seq FROM bucket'), [{ bucket_id: first.bucketId, update_seq: 0 }]);
    assert.equal(b.scalar('SELECT version FROM schema_version'), 1);
    assert.deepEqual(readFileSync(join(root, 'secrets/ca.crt')), crt);
    assert.deepEqual(readFileSync(join(root, 'secrets/ca.key')), key);
    assert.deepEqual(readFileSync(join(root, 'secrets/kv.key')), kvKey);
  }));

test('given workers.json and a custom bucket.conf but no database, when init runs, then a bucket id is created and bucket.conf keeps its exact content', () =>
  withDir(async (root) => {
    const conf = '# mine\nport_min = "31000"\nport_max = "31010"\na = "1"\n';
    mkdirSync(join(root, 'workspace'), { recursive: true });
    writeFileSync(join(root, 'workspace/bucket.conf'), conf);
    writeFileSync(join(root, 'workspace/workers.json'), '[{"host":"10.0.0.1"}]');
    const res = await init(root);
    assert.match(res.bucketId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(readFileSync(join(root, 'workspace/bucket.conf'), 'utf8'), conf);
    assert.equal(readFileSync(join(root, 'workspace/workers.json'), 'utf8'), '[{"host":"10.0.0.1"}]');
  }));

test('after init, the whole bucket layout exists', () =>
  withDir(async (root) => {
    await init(root);
    for (const p of ['tmp', 'workspace/workers.json', 'workspace/jobs', 'workspace/bucket.conf', 'maand.conf', 'secrets/ca.key', 'secrets/ca.crt', 'secrets/kv.key', 'logs', 'data', 'data/maand.db'])
      assert.ok(existsSync(join(root, p)), p);
  }));

test('init never creates an SSH key', () =>
  withDir(async (root) => {
    await init(root);
    assert.equal(existsSync(join(root, 'secrets/worker.key')), false);
  }));

test('given only secrets/ca.crt, when init runs, then it fails because the bucket CA is incomplete', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'secrets'), { recursive: true });
    writeFileSync(join(root, 'secrets/ca.crt'), 'x');
    await assert.rejects(init(root), { message: 'bucket CA is incomplete: secrets must contain both ca.crt and ca.key' });
  }));

test('given only secrets/ca.key, when init runs, then it fails because the bucket CA is incomplete', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'secrets'), { recursive: true });
    writeFileSync(join(root, 'secrets/ca.key'), 'x');
    await assert.rejects(init(root), /CA is incomplete/);
  }));

test('given empty ca.crt and ca.key files, when init runs, then it succeeds and leaves both files empty', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'secrets'), { recursive: true });
    writeFileSync(join(root, 'secrets/ca.crt'), '');
    writeFileSync(join(root, 'secrets/ca.key'), '');
    await init(root);
    assert.equal(statSync(join(root, 'secrets/ca.crt')).size, 0);
    assert.equal(statSync(join(root, 'secrets/ca.key')).size, 0);
  }));

test('after init, bucket.conf holds port_min and port_max and the pool is 30000-39999', () =>
  withDir(async (root) => {
    await init(root);
    const text = readFileSync(join(root, 'workspace/bucket.conf'), 'utf8');
    assert.match(text, /port_min/);
    assert.match(text, /port_max/);
    assert.deepEqual(portPool(readBucketConf(bucketPaths(root))), { min: 30000, max: 39999 });
  }));

test('init writes the default files with the exact reference content', () =>
  withDir(async (root) => {
    await init(root);
    assert.equal(readFileSync(join(root, 'workspace/bucket.conf'), 'utf8'), 'port_min = "30000"\nport_max = "39999"\n');
    assert.equal(readFileSync(join(root, 'workspace/workers.json'), 'utf8'), '[]');
    assert.equal(
      readFileSync(join(root, 'maand.conf'), 'utf8'),
      "use_sudo = true\nssh_user = 'agent'\nssh_key = 'worker.key'\nssh_port = 0\ncerts_ttl = 60\ncerts_renewal_buffer = 0\n",
    );
    assert.deepEqual(readMaandConf(join(root, 'maand.conf')), {
      use_sudo: true, ssh_user: 'agent', ssh_key: 'worker.key', ssh_port: 0, certs_ttl: 60, certs_renewal_buffer: 0, job_config_selector: '', log_format: '', hook_env: [], ssh_proxy_jump: '', ssh_max_startups: 0,
      history_retain: 500, retain_releases: 3,
    });
  }));

test('given an existing maand.conf, when a new bucket is initialized, then maand.conf is not touched', () =>
  withDir(async (root) => {
    writeFileSync(join(root, 'maand.conf'), 'ssh_user = "deploy"\n');
    await init(root);
    assert.equal(readFileSync(join(root, 'maand.conf'), 'utf8'), 'ssh_user = "deploy"\n');
  }));

test('given an initialized bucket whose maand.conf was deleted, when init runs again, then maand.conf is not re-created', () =>
  withDir(async (root) => {
    await init(root);
    rmSync(join(root, 'maand.conf'));
    await init(root);
    assert.equal(existsSync(join(root, 'maand.conf')), false);
  }));

test('secret files are 0600 in a 0700 secrets directory (decision Q26)', () =>
  withDir(async (root) => {
    await init(root);
    const mode = (p: string) => statSync(join(root, p)).mode & 0o777;
    assert.equal(mode('secrets'), 0o700);
    assert.equal(mode('secrets/ca.key'), 0o600);
    assert.equal(mode('secrets/kv.key'), 0o600);
    assert.equal(statSync(join(root, 'secrets/kv.key')).size, 32);
  }));

test('the generated CA is a self-signed CA certificate whose only subject field is CN = bucket id, valid for 3650 days', () =>
  withDir(async (root) => {
    const { bucketId } = await init(root);
    const pem = readFileSync(join(root, 'secrets/ca.crt'), 'utf8');
    assert.match(pem, /^-----BEGIN CERTIFICATE-----\n/);
    assert.match(readFileSync(join(root, 'secrets/ca.key'), 'utf8'), /^-----BEGIN RSA PRIVATE KEY-----\n/);
    const cert = new X509Certificate(pem);
    assert.equal(cert.subject, `CN=${bucketId}`);
    assert.equal(cert.issuer, `CN=${bucketId}`);
    assert.equal(cert.ca, true);
    assert.ok(cert.verify(cert.publicKey));
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86400000;
    assert.ok(Math.abs(days - 3650) < 1, `validity ${days} days`);
  }));

test('given a bucket.conf with a variable before init, when built, then vars/bucket holds it', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'workspace'), { recursive: true });
    writeFileSync(join(root, 'workspace/bucket.conf'), 'a = "1"\n');
    await init(root);
    const b = bucketAt(root);
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket'), { a: '1' });
  }));

test('given workers.json with one host before init, when init and build run, then one worker row exists', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'workspace'), { recursive: true });
    writeFileSync(join(root, 'workspace/workers.json'), '[{"host":"10.0.0.1"}]');
    await init(root);
    const b = bucketAt(root);
    await b.build();
    assert.deepEqual(b.rows('SELECT worker_ip FROM worker'), [{ worker_ip: '10.0.0.1' }]);
  }));

test('given a bucket.jobs.conf before init, when built, then its section reaches vars/bucket/job/<job>', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'workspace'), { recursive: true });
    writeFileSync(join(root, 'workspace/bucket.jobs.conf'), '[a]\ntest = "1"\n');
    await init(root);
    const b = bucketAt(root);
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { selectors: ['worker'] });
    await b.build();
    assert.equal(b.kvGet('vars/bucket/job/a', 'test'), '1');
  }));
