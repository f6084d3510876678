// Certificate metrics (kv spec §6.7): the series collected from a real built bucket, and where and
// how they are pushed (the bucket's own `prometheus` job, its admin credentials).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { newBucket, withBucket, type TestBucket } from '../helpers/bucket.ts';
import { certSeries, listCertMetrics, prometheusBasicAuth, prometheusWriteUrl, type CertMetric } from '../../src/certs/metrics.ts';
import { MetricsError } from '../../src/metrics/errors.ts';
import { DAY_MS } from './helpers.ts';

const PROM = { 'prometheus.yml': 'global: {}\n' };
const PROM_MANIFEST = { version: '1.0.0', selectors: ['worker'], resources: { ports: { prometheus_port_http: 39090 } } };

let b: TestBucket;
let caPem: string;
let caNotAfter: Date;
let leafNotAfter: Date;
before(async () => {
  b = await newBucket();
  b.workers([{ host: '10.0.0.2' }, { host: '10.0.0.1' }]);
  b.job('api', { version: '1.0.0', selectors: ['worker'], certs: { tls: { one: true, subject: { common_name: 'api.local' } } } });
  b.job('prometheus', PROM_MANIFEST, PROM);
  await b.build();
  caPem = b.read('secrets/ca.crt');
  caNotAfter = new Date(new X509Certificate(caPem).validTo);
  leafNotAfter = new Date(new X509Certificate(b.kvGet('maand/job/api/worker/10.0.0.1', 'certs/tls.crt')!).validTo);
});
after(() => b.cleanup());

function bucketId(): string {
  return b.rows<{ bucket_id: string }>('SELECT bucket_id FROM bucket')[0]!.bucket_id;
}

test('given fresh certificates, the CA comes first and then every job certificate by worker, all ok', () => {
  const now = new Date(leafNotAfter.getTime() - 30 * DAY_MS);
  const leaf = (worker: string): CertMetric => ({ scope: 'job', job: 'api', worker, cert: 'tls', commonName: 'api.local', status: 'ok', notAfter: leafNotAfter });
  assert.deepEqual(listCertMetrics(b.kv(), caPem, 0, now), [
    { scope: 'ca', job: '', worker: '', cert: 'ca', commonName: bucketId(), status: 'ok', notAfter: caNotAfter },
    leaf('10.0.0.1'),
    leaf('10.0.0.2'),
  ]);
});

test('given a time inside the renewal buffer, the leaf certificates are expiring and the CA is ok', () => {
  const now = new Date(leafNotAfter.getTime() - 5 * DAY_MS);
  const statuses = listCertMetrics(b.kv(), caPem, 10, now).map((m) => `${m.scope}:${m.worker}:${m.status}`);
  assert.deepEqual(statuses, ['ca::ok', 'job:10.0.0.1:expiring', 'job:10.0.0.2:expiring']);
});

test('given a time after every notAfter, the CA and the leaf certificates are expired', () => {
  const now = new Date(caNotAfter.getTime() + DAY_MS);
  assert.deepEqual(listCertMetrics(b.kv(), caPem, 0, now).map((m) => m.status), ['expired', 'expired', 'expired']);
});

test('without a CA PEM only the job certificates are listed', () => {
  assert.deepEqual(listCertMetrics(b.kv(), undefined, 0, new Date()).map((m) => m.scope), ['job', 'job']);
});

test('an unparsable certificate is listed as invalid and deleted or non-.crt keys are not listed', () => {
  const kv = b.kv();
  kv.put('maand/job/web/worker/10.0.0.3', 'certs/broken.crt', 'not a certificate');
  kv.put('maand/job/web/worker/10.0.0.3', 'certs/broken.key', 'not a key');
  kv.put('maand/job/web/worker/10.0.0.3', 'certs/gone.crt', 'x');
  kv.delete('maand/job/web/worker/10.0.0.3', 'certs/gone.crt');
  kv.put('maand/job/web', 'certs/x.crt', 'not an allocation namespace');
  const web = listCertMetrics(kv, undefined, 0, new Date()).filter((m) => m.job === 'web');
  assert.deepEqual(web, [{ scope: 'job', job: 'web', worker: '10.0.0.3', cert: 'broken', commonName: '', status: 'invalid' }]);
});

test('each certificate gives not_after, expiring and expired gauges at the given time; invalid ones have no not_after', () => {
  const now = new Date(Date.UTC(2030, 0, 1));
  const labels = (name: string, rest: Record<string, string>): Array<{ name: string; value: string }> => [
    { name: '__name__', value: name },
    ...Object.entries(rest).map(([n, value]) => ({ name: n, value })),
  ];
  const ca = { cert: 'ca', common_name: 'b1', job: '', scope: 'ca', status: 'expiring', worker: '' };
  const bad = { cert: 'tls', common_name: '', job: 'api', scope: 'job', status: 'invalid', worker: '10.0.0.1' };
  const t = now.getTime();
  const series = certSeries(
    [
      { scope: 'ca', job: '', worker: '', cert: 'ca', commonName: 'b1', status: 'expiring', notAfter: new Date(Date.UTC(2030, 0, 2, 0, 0, 0, 900)) },
      { scope: 'job', job: 'api', worker: '10.0.0.1', cert: 'tls', commonName: '', status: 'invalid' },
    ],
    now,
  );
  assert.deepEqual(series, [
    { labels: labels('maand_cert_not_after_seconds', ca), samples: [{ value: Date.UTC(2030, 0, 2) / 1000, timestampMs: t }] },
    { labels: labels('maand_cert_expiring', ca), samples: [{ value: 1, timestampMs: t }] },
    { labels: labels('maand_cert_expired', ca), samples: [{ value: 0, timestampMs: t }] },
    { labels: labels('maand_cert_expiring', bad), samples: [{ value: 0, timestampMs: t }] },
    { labels: labels('maand_cert_expired', bad), samples: [{ value: 0, timestampMs: t }] },
  ]);
});

test('the remote-write URL is the prometheus_port_http port on the first non-removed prometheus allocation by IP', () => {
  assert.equal(b.query((db) => prometheusWriteUrl(db)), 'http://10.0.0.1:39090/api/v1/write');
});

test('given a prometheus job without prometheus.yml, there is no remote-write URL', () =>
  withBucket(async (tb) => {
    tb.workers([{ host: '10.0.0.1' }]);
    tb.job('prometheus', PROM_MANIFEST);
    await tb.build();
    assert.equal(tb.query((db) => prometheusWriteUrl(db)), undefined);
  }));

test('given prometheus.yml in a job not named prometheus, there is no remote-write URL', () =>
  withBucket(async (tb) => {
    tb.workers([{ host: '10.0.0.1' }]);
    tb.job('metrics', { version: '1.0.0', selectors: ['worker'] }, PROM);
    await tb.build();
    assert.equal(tb.query((db) => prometheusWriteUrl(db)), undefined);
  }));

test('given the prometheus job only has removed allocations, there is no remote-write URL', () =>
  withBucket(async (tb) => {
    tb.workers([{ host: '10.0.0.1', labels: ['prometheus'] }, { host: '10.0.0.2' }]);
    tb.job('prometheus', { ...PROM_MANIFEST, selectors: ['prometheus'] }, PROM);
    await tb.build();
    tb.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    await tb.build();
    assert.deepEqual(tb.rows("SELECT worker_ip, removed FROM allocations WHERE job = 'prometheus'"), [{ worker_ip: '10.0.0.1', removed: 1 }]);
    assert.equal(tb.query((db) => prometheusWriteUrl(db)), undefined);
  }));

test('given a prometheus server without a prometheus_port_http port, the URL lookup fails and names the port', () =>
  withBucket(async (tb) => {
    tb.workers([{ host: '10.0.0.1' }]);
    tb.job('prometheus', { version: '1.0.0', selectors: ['worker'] }, PROM);
    await tb.build();
    assert.throws(() => tb.query((db) => prometheusWriteUrl(db)), { name: 'MetricsError', message: /job prometheus has no port prometheus_port_http/ });
  }));

test('given no admin credentials for prometheus, the push uses no authentication', () => {
  assert.equal(prometheusBasicAuth(b.kv()), undefined);
});

test('given admin_username and admin_password in secrets/job/prometheus, the push uses them for basic auth', () =>
  withBucket(async (tb) => {
    await tb.build();
    tb.kvPutSecret('secrets/job/prometheus', { admin_username: 'admin', admin_password: ' s3cret ' });
    assert.deepEqual(prometheusBasicAuth(tb.kv()), { username: 'admin', password: ' s3cret ' });
  }));

test('given only admin_username for prometheus, the push fails with the reference message', () =>
  withBucket(async (tb) => {
    await tb.build();
    tb.kvPutSecret('secrets/job/prometheus', { admin_username: 'admin' });
    assert.throws(() => prometheusBasicAuth(tb.kv()), (e: unknown) => {
      assert.ok(e instanceof MetricsError);
      assert.equal(e.message, 'prometheus remote write requires both admin_username and admin_password in secrets/job/prometheus');
      return true;
    });
  }));
