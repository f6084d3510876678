// Shared and per-allocation certificates across several allocations (build-and-catalog §10.1, §10.4, §12.1,
// §16.12 items 114, 115, 119; kv-templates-hooks-health-certs §10.11 items 96, 98, 99, 104).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { withBucket } from '../helpers/bucket.ts';

const ns = (ip: string) => `maand/job/api/worker/${ip}`;
const certKeys = (kv: Record<string, string>) => Object.fromEntries(Object.entries(kv).filter(([k]) => k.startsWith('certs/')));

test('a shared certificate is one PEM pair for every allocation, per-allocation ones differ; disabling keeps them, removal drops them', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.2' }, { host: '10.0.0.1' }]);
    b.job('api', {
      version: '1.0.0',
      selectors: ['worker'],
      certs: { shared: { one: true, pkcs8: true, subject: { common_name: 'api' } }, tls: { pkcs8: false } },
    });
    const events: string[] = [];
    const first = await b.build({ onEvent: (e) => e.type === 'cert-generated' && events.push(`${e.cert}:${e.workers.join(',')}`) });
    assert.equal(first.certsGenerated, 3);
    assert.deepEqual(events.sort(), ['shared:10.0.0.1,10.0.0.2', 'tls:10.0.0.1', 'tls:10.0.0.2']);

    const [one, two] = [b.kvNamespace(ns('10.0.0.1')), b.kvNamespace(ns('10.0.0.2'))];
    assert.equal(one['certs/shared.crt'], two['certs/shared.crt']);
    assert.equal(b.kvPlain(ns('10.0.0.1'), 'certs/shared.key'), b.kvPlain(ns('10.0.0.2'), 'certs/shared.key'));
    assert.match(b.kvPlain(ns('10.0.0.1'), 'certs/shared.key')!, /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(new X509Certificate(one['certs/shared.crt']!).subjectAltName, 'IP Address:127.0.0.1, IP Address:10.0.0.1, IP Address:10.0.0.2');
    assert.notEqual(one['certs/tls.crt'], two['certs/tls.crt']);
    assert.match(b.kvPlain(ns('10.0.0.2'), 'certs/tls.key')!, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.equal(new X509Certificate(two['certs/tls.crt']!).subjectAltName, 'IP Address:127.0.0.1, IP Address:10.0.0.2');
    assert.equal(new X509Certificate(two['certs/tls.crt']!).subject ?? '', '');
    assert.deepEqual(b.rows('SELECT name, pkcs8, one, subject FROM job_certs ORDER BY name'), [
      { name: 'shared', pkcs8: 1, one: 1, subject: '{"common_name":"api"}' },
      { name: 'tls', pkcs8: 0, one: 0, subject: '{"common_name":""}' },
    ]);

    // A disabled allocation still holds its certificates; nothing is regenerated.
    b.write({ 'workspace/disabled.json': '{"jobs":{"api":{"allocations":["10.0.0.2"]}}}' });
    assert.equal((await b.build()).certsGenerated, 0);
    assert.ok(b.kvNamespace(ns('10.0.0.2'))['certs/tls.crt'] === two['certs/tls.crt'], 'disabled allocation keeps its certificate');
    assert.equal(b.kvGet(ns('10.0.0.2'), 'api_allocation_index'), '0');

    // A removed worker loses its namespace; the survivor keeps its PEMs (the shared SANs stay as they were).
    b.remove('workspace/disabled.json');
    b.workers([{ host: '10.0.0.1' }]);
    assert.equal((await b.build()).certsGenerated, 0);
    assert.deepEqual(b.kvNamespace(ns('10.0.0.2')), {});
    assert.ok(JSON.stringify(certKeys(b.kvNamespace(ns('10.0.0.1')))) === JSON.stringify(certKeys(one)), 'survivor keeps its PEMs');
    assert.equal(b.kvGet(ns('10.0.0.1'), 'peer_workers'), '');

    // Without non-removed allocations every certs/* key goes.
    b.workers([]);
    assert.equal((await b.build()).certsGenerated, 0);
    assert.deepEqual(b.kvNamespace(ns('10.0.0.1')), {});
    assert.equal(b.scalar("SELECT COUNT(*) FROM cat_kv WHERE namespace LIKE 'maand/job/api/worker/%' AND deleted = 0"), 0);
  }));
