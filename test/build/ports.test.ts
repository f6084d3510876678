// Ports: the pool, the allocator and the KV they feed (build-and-catalog §4.2, §6.4, §8.5, §16.7 items 61-69).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PortAllocator } from '../../src/build/ports.ts';
import { portPool } from '../../src/bucket/bucket-conf.ts';
import type { PortDecl } from '../../src/bucket/manifest.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const P: PortDecl = { kind: 'provisioned' };
const fixed = (port: number): PortDecl => ({ kind: 'fixed', port });
const decl = (entries: Record<string, PortDecl>) => new Map(Object.entries(entries));
const existing = (jobs: Record<string, Record<string, number>>) => new Map(Object.entries(jobs).map(([j, p]) => [j, new Map(Object.entries(p))]));
const ports = (b: TestBucket) => Object.fromEntries(b.rows<{ name: string; port: number }>('SELECT name, port FROM job_ports').map((r) => [r.name, r.port]));
const withPorts = (p: Record<string, unknown>) => ({ selectors: ['worker'], resources: { ports: p } });

test('a provisioned port gets a number exposed in maand/bucket, stable across rebuilds; a new one gets another number; a dropped one leaves KV', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', withPorts({ web_port: {} }));
    await b.build();
    const first = b.kvGet('maand/bucket', 'web_port');
    assert.equal(first, '30000');
    await b.build();
    assert.equal(b.kvGet('maand/bucket', 'web_port'), first);
    b.job('a', withPorts({ web_port: {}, web_port2: {} }));
    await b.build();
    assert.equal(b.kvGet('maand/bucket', 'web_port'), first);
    assert.equal(b.kvGet('maand/bucket', 'web_port2'), '30001');
    b.job('a', withPorts({ web_port2: {} }));
    await b.build();
    assert.equal(b.kvGet('maand/bucket', 'web_port'), undefined);
    assert.equal(b.kvGet('maand/bucket', 'web_port2'), '30001');
  }));

test('given a one-port pool, a second job asking for a port exhausts it', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.conf': 'port_min = "30000"\nport_max = "30000"\n' });
    b.job('a', withPorts({ a_port: {} }));
    await b.build();
    b.job('b', withPorts({ b_port: {} }));
    assert.ok((await b.buildError()).message.startsWith('port range exhausted: no free ports in range 30000-30000'));
  }));

test('a port name with upper case or dashes is an invalid port key format', () =>
  withBucket(async (b) => {
    b.job('a', withPorts({ 'Bad-Port': {} }));
    assert.ok((await b.buildError()).message.startsWith('invalid manifest.json: job a\ninvalid port key format: port name "Bad-Port"'));
  }));

test('two provisioned ports in one job, or in two jobs, get distinct numbers', () =>
  withBucket(async (b) => {
    b.job('a', withPorts({ p1: {}, p2: {} }));
    b.job('b', withPorts({ p3: {} }));
    await b.build();
    assert.deepEqual(ports(b), { p1: 30000, p2: 30001, p3: 30002 });
  }));

test('a fixed port keeps its number, a provisioned one gets another, both stable and in KV', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('api', withPorts({ api_http_port: 30010, api_metrics_port: {} }));
    for (let i = 0; i < 3; i++) {
      await b.build();
      assert.deepEqual(ports(b), { api_http_port: 30010, api_metrics_port: 30000 });
      assert.equal(b.kvGet('maand/bucket', 'api_http_port'), '30010');
      assert.equal(b.kvGet('maand/bucket', 'api_metrics_port'), '30000');
    }
  }));

test('a fixed port outside the pool changed to {} gets a pool number', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', withPorts({ p: 9500 }));
    await b.build();
    assert.equal(b.kvGet('maand/bucket', 'p'), '9500');
    b.job('a', withPorts({ p: {} }));
    await b.build();
    assert.equal(b.kvGet('maand/bucket', 'p'), '30000');
  }));

test('two jobs with the same fixed number collide', () =>
  withBucket(async (b) => {
    b.job('a', withPorts({ p: 30010 }));
    b.job('b', withPorts({ q: 30010 }));
    assert.ok((await b.buildError()).message.startsWith('port collision: port 30010 (job b port "q")'));
  }));

test('ports stay the same after adding an unrelated file to a job', () =>
  withBucket(async (b) => {
    b.job('a', withPorts({ p: {}, q: {} }));
    b.job('b', withPorts({ r: {} }));
    await b.build();
    const before = ports(b);
    b.write({ 'workspace/jobs/a/notes.txt': 'x' });
    await b.build();
    assert.deepEqual(ports(b), before);
  }));

test('a new port skips numbers of jobs processed later and of jobs removed in the same build', () =>
  withBucket(async (b) => {
    b.job('z', withPorts({ z_port: {} }));
    b.job('y', withPorts({ y_port: {} }));
    await b.build();
    assert.deepEqual(ports(b), { y_port: 30000, z_port: 30001 });
    b.remove('workspace/jobs/y');
    b.job('a', withPorts({ a_port: {} }));
    await b.build();
    assert.deepEqual(ports(b), { a_port: 30002, z_port: 30001 });
    b.job('c', withPorts({ c_port: {} }));
    await b.build();
    assert.equal(ports(b)['c_port'], 30000);
  }));

test('ports of a job without an active allocation are not in maand/bucket; the same name in two jobs is one global key', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', withPorts({ http_port: 9090 }));
    b.job('b', { selectors: ['nowhere'], resources: { ports: { other_port: {} } } });
    b.job('c', withPorts({ http_port: 9091, jobs: 1 }));
    await b.build();
    assert.equal(b.kvGet('maand/bucket', 'http_port'), '9091');
    assert.equal(b.kvGet('maand/bucket', 'other_port'), undefined);
    assert.equal(b.kvGet('maand/bucket', 'jobs'), 'a,b,c');
  }));

test('the pool comes from bucket.conf, blank values mean the defaults, and bad values fail every build', () =>
  withBucket(async (b) => {
    assert.deepEqual(portPool({}), { min: 30000, max: 39999 });
    assert.deepEqual(portPool({ port_min: ' ', port_max: ' +40000 ' }), { min: 30000, max: 40000 });
    const bad: Array<[string, string]> = [
      ['port_min = "abc"\n', 'invalid port range in bucket.conf: port_min "abc"'],
      ['port_max = "1.5"\n', 'invalid port range in bucket.conf: port_max "1.5"'],
      ['port_min = "0"\n', 'invalid port range in bucket.conf: port_min=0 port_max=39999'],
      ['port_max = "65536"\n', 'invalid port range in bucket.conf: port_min=30000 port_max=65536'],
      ['port_min = "40000"\nport_max = "30000"\n', 'invalid port range in bucket.conf: port_min=40000 port_max=30000'],
    ];
    for (const [text, msg] of bad) {
      b.write({ 'workspace/bucket.conf': text });
      assert.equal((await b.buildError()).message, msg);
    }
  }));

test('allocator: an existing in-pool number is reused', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({ a: { p: 30005 } }));
  assert.deepEqual(a.assign('a', decl({ p: P })), [['p', 30005]]);
});

test('allocator: the next provisioned port gets the lowest free number', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({ a: { p: 30001 } }));
  assert.deepEqual(a.assign('b', decl({ q: P })), [['q', 30000]]);
  assert.deepEqual(a.assign('a', decl({ p: P })), [['p', 30001]]);
  assert.deepEqual(a.assign('c', decl({ r: P })), [['r', 30002]]);
});

test('allocator: a released name frees its number for another job', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({ a: { p: 30000 } }));
  assert.deepEqual(a.assign('a', decl({})), []);
  assert.deepEqual(a.assign('b', decl({ q: P })), [['q', 30000]]);
});

test('allocator: a full pool is exhausted', () => {
  const a = new PortAllocator({ min: 30000, max: 30000 }, existing({ a: { p: 30000 } }));
  assert.throws(() => a.assign('b', decl({ q: P })), (e: Error) => e.message.startsWith('port range exhausted: no free ports in range 30000-30000'));
});

test('allocator: the same fixed number for the same job and name is fine, for another job a collision', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({ a: { p: 5432 } }));
  assert.deepEqual(a.assign('a', decl({ p: fixed(5432) })), [['p', 5432]]);
  assert.throws(() => a.assign('b', decl({ q: fixed(5432) })), (e: Error) => e.message.startsWith('port collision: port 5432 (job b port "q")'));
});

test('allocator: changing a fixed number frees the old one', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({ a: { p: 30000 } }));
  assert.deepEqual(a.assign('a', decl({ p: fixed(6000) })), [['p', 6000]]);
  assert.deepEqual(a.assign('b', decl({ q: fixed(30000) })), [['q', 30000]]);
});

test('allocator: a fixed port outside the pool leaves the pool free', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({}));
  assert.deepEqual(a.assign('a', decl({ db: fixed(5432) })), [['db', 5432]]);
  assert.deepEqual(a.assign('b', decl({ q: P })), [['q', 30000]]);
});

test('allocator: an out-of-pool provisioned number is replaced by a pool number that then stays', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({ a: { p: 9500 } }));
  assert.deepEqual(a.assign('a', decl({ p: P })), [['p', 30000]]);
  assert.deepEqual(a.assign('a', decl({ p: P })), [['p', 30000]]);
});

test('allocator: a narrowed pool moves a provisioned port into it', () => {
  const a = new PortAllocator({ min: 30000, max: 30000 }, existing({ a: { p: 30001 } }));
  assert.deepEqual(a.assign('a', decl({ p: P })), [['p', 30000]]);
});

test('allocator: names are resolved in byte order, so lower names get lower numbers', () => {
  const a = new PortAllocator({ min: 30000, max: 30010 }, existing({}));
  assert.deepEqual(a.assign('a', decl({ b_port: P, B_port: P, a_port: P })), [['B_port', 30000], ['a_port', 30001], ['b_port', 30002]]);
});
