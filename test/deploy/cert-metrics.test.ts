// The certificate-metrics push at the end of a real deploy (deploy spec §3 step 13, §16.2): a
// remote-write receiver listens on the prometheus worker's own loopback IP and port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployFixture, type DeployFixture } from './fixture.ts';
import { startReceiver, type Reply, type WriteReceiver } from '../metrics/server.ts';

let f: DeployFixture;
let receiver: WriteReceiver;
const replies: Reply[] = [{ status: 204 }];

before(async () => {
  f = await deployFixture('127.0.63', 1);
  const ip = f.workers.ips[0]!;
  receiver = await startReceiver(replies, { host: ip });
  const port = Number(new URL(receiver.url).port);
  f.bucket.workers([{ host: ip }]);
  f.bucket.job('prometheus', { version: '1.0.0', selectors: ['worker'], resources: { ports: { prometheus_port_http: port } }, certs: { server: { one: true, subject: { common_name: 'prom.local' } } } }, {
    'prometheus.yml': 'global: {}\n',
  });
  await f.bucket.build();
});
after(async () => {
  await receiver.close();
  await f.close();
});

test('given a dry-run, no certificate metrics are pushed', async () => {
  const r = await f.deploy({ dryRun: true });
  assert.equal(r.certMetrics, undefined);
  assert.equal(receiver.requests.length, 0);
});

test('given a bucket with a prometheus server, when deployed, then the CA and job certificate gauges reach its remote-write endpoint', async () => {
  const r = await f.deploy();
  const ip = f.workers.ips[0]!;
  assert.deepEqual(r.failedJobs, []);
  assert.deepEqual(r.certMetrics, { url: receiver.url, series: 6 });
  assert.equal(receiver.requests.length, 1);
  const got = receiver.requests[0]!.series.map((s) => {
    const l = Object.fromEntries(s.labels);
    return `${l['__name__']} ${l['scope']} ${l['job']} ${l['worker']} ${l['cert']} ${l['status']}`;
  });
  assert.deepEqual(got, [
    'maand_cert_not_after_seconds ca   ca ok',
    'maand_cert_expiring ca   ca ok',
    'maand_cert_expired ca   ca ok',
    `maand_cert_not_after_seconds job prometheus ${ip} server ok`,
    `maand_cert_expiring job prometheus ${ip} server ok`,
    `maand_cert_expired job prometheus ${ip} server ok`,
  ]);
  assert.equal(Object.fromEntries(receiver.requests[0]!.series[3]!.labels)['common_name'], 'prom.local');
});

test('given the endpoint rejects the push, the deploy still succeeds and reports a cert metrics warning', async () => {
  replies.splice(0, replies.length, { status: 400, body: 'rejected' });
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  assert.deepEqual(r.errors, []);
  assert.equal(r.certMetrics?.error, 'remote write status 400 Bad Request: rejected');
  const warnings = f.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
  assert.deepEqual(warnings, ['cert metrics: remote write status 400 Bad Request: rejected']);
});
