// Leaf certificates of one per-allocation cert through its life: create, reuse, renew, regenerate, drop
// (build-and-catalog §10, §16.12 items 109-113, 115-120; kv-templates-hooks-health-certs §6.4, §10.11).
// Leaf keys are RSA-4096 (about a second each), so one bucket walks through every scenario in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generateCa } from '../../src/certs/ca.ts';
import { certNeedsRenewal } from '../../src/certs/inspect.ts';
import { readMaandConf } from '../../src/bucket/maand-conf.ts';
import type { BuildEvent } from '../../src/build/index.ts';
import { md5Hex } from '../../src/util/stable-id.ts';
import { MaandError } from '../../src/errors.ts';
import { withBucket, withDir } from '../helpers/bucket.ts';

const NS = 'maand/job/a/worker/10.0.0.1';
const DAY = 86400000;

test('a per-allocation certificate is created, reused, renewed, regenerated for a new CA and dropped with the manifest entry', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { version: '1.0.0', selectors: ['worker'], certs: { a: { subject: { common_name: 'api.local' } } } });

    // Created: files under tmp/ while the build runs (key 0600), PEMs in KV afterwards.
    const seen: string[] = [];
    const onEvent = (e: BuildEvent): void => {
      if (e.type !== 'cert-generated') return;
      const dir = join(b.root, 'tmp/workers/10.0.0.1/jobs/a/certs');
      seen.push(`${e.job}/${e.cert}:${e.workers.join(',')}`);
      assert.equal(statSync(join(dir, 'a.key')).mode & 0o777, 0o600);
      assert.equal(statSync(join(dir, 'a.crt')).mode & 0o777, 0o644);
    };
    const first = await b.build({ onEvent });
    assert.deepEqual(seen, ['a/a:10.0.0.1']);
    assert.equal(first.certsGenerated, 1);
    assert.equal(existsSync(join(b.root, 'tmp')), false);
    const crt = b.kvGet(NS, 'certs/a.crt')!;
    const key = b.kvPlain(NS, 'certs/a.key')!;
    assert.match(crt, /^-----BEGIN CERTIFICATE-----\n[\s\S]*-----END CERTIFICATE-----$/);
    assert.match(key, /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]*-----END RSA PRIVATE KEY-----$/);
    const x = new X509Certificate(crt);
    const ca = new X509Certificate(b.read('secrets/ca.crt'));
    assert.equal(x.subject, 'CN=api.local');
    assert.equal(x.subjectAltName, 'IP Address:127.0.0.1, IP Address:10.0.0.1');
    assert.equal(x.ca, false);
    assert.equal(x.keyUsage, undefined, 'no extended key usage');
    assert.ok(x.verify(ca.publicKey));
    assert.equal((Date.parse(x.validTo) - Date.parse(x.validFrom)) / DAY, 60);
    assert.equal(x.publicKey.asymmetricKeyDetails?.modulusLength, 4096);
    const certsHash = b.rows("SELECT current_hash, previous_hash FROM hash WHERE namespace = 'build_certs' AND key = 'a'")[0]!;
    assert.equal(certsHash['current_hash'], certsHash['previous_hash']);

    // Reused: unchanged builds return the stored strings without a new version.
    const version = b.kvVersion(NS, 'certs/a.crt');
    for (let i = 0; i < 2; i++) assert.equal((await b.build()).certsGenerated, 0);
    assert.equal(b.kvGet(NS, 'certs/a.crt'), crt);
    assert.equal(b.kvPlain(NS, 'certs/a.key'), key);
    assert.equal(b.kvVersion(NS, 'certs/a.crt'), version);

    // A PEM block that is not a certificate fails the build and changes nothing.
    b.kvPut(NS, { 'certs/a.crt': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' });
    const before = b.dbBytes();
    assert.match((await b.buildError()).message, /^unexpected error: /);
    assert.deepEqual(b.dbBytes(), before);

    // Text without any PEM block just counts as "needs a new certificate".
    b.kvPut(NS, { 'certs/a.crt': 'not-a-pem' });
    assert.equal((await b.build()).certsGenerated, 1);
    const afterNotPem = b.kvGet(NS, 'certs/a.crt')!;
    assert.notEqual(afterNotPem, crt);

    // A missing key needs a new certificate.
    b.query((db) => db.prepare("INSERT INTO key_value VALUES ('certs/a.key', '', ?, 99, '0', '1', 1)").run(NS));
    assert.equal((await b.build()).certsGenerated, 1);
    assert.notEqual(b.kvGet(NS, 'certs/a.crt'), afterNotPem);

    // A renewal buffer as long as the lifetime renews on the next build.
    b.write({ 'maand.conf': 'certs_ttl = 60\ncerts_renewal_buffer = 60\n' });
    const beforeRenewal = b.kvGet(NS, 'certs/a.crt');
    assert.equal((await b.build()).certsGenerated, 1);
    assert.notEqual(b.kvGet(NS, 'certs/a.crt'), beforeRenewal);
    b.write({ 'maand.conf': 'certs_ttl = 60\ncerts_renewal_buffer = 0\n' });

    // A replaced CA regenerates the certificate, signed by the new CA.
    const oldCaHash = md5Hex(b.read('secrets/ca.crt'));
    const newCa = await generateCa('replacement', { keyBits: 1024 });
    b.write({ 'secrets/ca.crt': newCa.certPem, 'secrets/ca.key': newCa.keyPem });
    const beforeCa = b.kvGet(NS, 'certs/a.crt');
    assert.equal((await b.build()).certsGenerated, 1);
    const caHash = b.rows("SELECT current_hash, previous_hash FROM hash WHERE namespace = 'build' AND key = 'ca'")[0]!;
    assert.notEqual(caHash['current_hash'], oldCaHash);
    assert.deepEqual(caHash, { current_hash: md5Hex(newCa.certPem), previous_hash: md5Hex(newCa.certPem) });
    assert.notEqual(b.kvGet(NS, 'certs/a.crt'), beforeCa);
    assert.ok(new X509Certificate(b.kvGet(NS, 'certs/a.crt')!).verify(new X509Certificate(newCa.certPem).publicKey));
    assert.equal(b.kvGet('maand/worker', 'certs/ca.crt'), newCa.certPem.trim());

    // Removing certs from the manifest drops the PEMs and keeps the allocation keys.
    b.job('a', { version: '1.0.0', selectors: ['worker'] });
    assert.equal((await b.build()).certsGenerated, 0);
    assert.deepEqual(b.kvNamespace(NS), { a_allocation_index: '0', peer_workers: '' });
  }));

test('given an empty CA, a build that must generate a certificate fails with unexpected error', () =>
  withBucket(async (b) => {
    b.write({ 'secrets/ca.crt': '', 'secrets/ca.key': '' });
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { selectors: ['worker'], certs: { a: {} } });
    assert.equal((await b.buildError()).message, 'unexpected error: decoding ca.crt: no PEM block found');
    b.job('a', { selectors: ['worker'] });
    await b.build();
  }));

test('given a worker host that is not an IP, a certificate for it fails before any key is generated', () =>
  withBucket(async (b) => {
    b.workers([{ host: 'worker-a.example' }]);
    b.job('a', { selectors: ['worker'], certs: { a: {} } });
    const err = await b.buildError();
    assert.ok(err instanceof MaandError && err.code === 'invalid worker.json', err.message);
    assert.equal(err.message, 'invalid worker.json: worker "worker-a.example" is not an IP address, but job a has certificates for it (certificates carry IP SANs only; list the worker by its IP in workspace/workers.json)');
  }));

test('given secrets/ca.crt is missing, the build fails with unable to read ca.crt', () =>
  withBucket(async (b) => {
    b.remove('secrets/ca.crt');
    assert.ok((await b.buildError()).message.startsWith('unexpected error: unable to read ca.crt'));
  }));

test('renewal: expired or inside the buffer renews, otherwise keeps (buffer 0 means only after expiry)', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  assert.equal(certNeedsRenewal(at(-DAY), 30, now), true);
  assert.equal(certNeedsRenewal(at(10 * DAY), 30, now), true);
  assert.equal(certNeedsRenewal(at(90 * DAY), 30, now), false);
  assert.equal(certNeedsRenewal(at(10 * DAY), 0, now), false);
  assert.equal(certNeedsRenewal(at(-3600000), 0, now), true);
  assert.equal(certNeedsRenewal(at(59 * DAY), 61, now), true);
  assert.equal(certNeedsRenewal(now, 0, now), true);
});

test('certificate lifetime is 60 days when maand.conf exists without certs_ttl, and 0 when maand.conf is absent', () =>
  withDir((root) => {
    assert.equal(readMaandConf(join(root, 'maand.conf')).certs_ttl, 0);
    const b = join(root, 'maand.conf');
    writeFileSync(b, 'certs_ttl = 0\n');
    assert.equal(readMaandConf(b).certs_ttl, 60);
    writeFileSync(b, 'certs_ttl = -5\ncerts_renewal_buffer = -1\n');
    assert.deepEqual([readMaandConf(b).certs_ttl, readMaandConf(b).certs_renewal_buffer], [-5, -1]);
  }));
