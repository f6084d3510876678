// Build preconditions and workers.json (build-and-catalog §4.4, §8.3, §16.2 items 11-16, §16.3 items 17-26).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../../src/build/index.ts';
import { withBucket, withDir, type TestBucket } from '../helpers/bucket.ts';

const labelsOf = (b: TestBucket, ip: string) =>
  b.rows<{ label: string }>('SELECT l.label FROM worker_labels l JOIN worker w ON w.worker_id = l.worker_id WHERE w.worker_ip = ? ORDER BY l.label', ip).map((r) => r.label).join(',');
const positions = (b: TestBucket) => Object.fromEntries(b.rows<{ worker_ip: string; position: number }>('SELECT worker_ip, position FROM worker').map((r) => [r.worker_ip, r.position]));

test('given no database, when built, then the build fails with maand is not initialized', () =>
  withDir(async (root) => {
    await assert.rejects(build({ root }), { message: 'maand is not initialized: run maand init in the bucket directory' });
  }));

test('given a fresh bucket without workers or jobs, when built, then it succeeds and maand/worker holds the CA certificate', () =>
  withBucket(async (b) => {
    await b.build();
    assert.equal(b.kvGet('maand/worker', 'certs/ca.crt'), b.read('secrets/ca.crt').trim());
    assert.ok(b.kvGet('maand/worker', 'certs/ca.crt')!.length > 0);
  }));

test('given workers.json is deleted or [], when built, then the build succeeds with zero workers', () =>
  withBucket(async (b) => {
    b.remove('workspace/workers.json');
    assert.equal((await b.build()).workers, 0);
    b.workers([]);
    assert.equal((await b.build()).workers, 0);
    assert.equal(b.scalar('SELECT COUNT(*) FROM worker'), 0);
  }));

test('malformed workers.json files fail with invalid worker.json', () =>
  withBucket(async (b) => {
    const bad: Array<[string, RegExp]> = [
      ['', /^invalid worker\.json: unexpected end of JSON input/],
      ['{}', /^invalid worker\.json: json: cannot unmarshal object/],
      ['[{}]', /^invalid worker\.json: host attribute can't be empty/],
      ['[{"host":" "}]', /^invalid worker\.json: host attribute can't be empty/],
      ['[{"host":"10.0.0.1"},{"host":" 10.0.0.1 "}]', /^invalid worker\.json: duplicate host "10\.0\.0\.1"/],
      ['[{"host":"10.0.0.1","labels":[1]}]', /^invalid worker\.json: .*cannot unmarshal number/],
      ['[{"host":"10.0.0.1","memory":512}]', /^invalid worker\.json: .*cannot unmarshal number/],
      ['[{"host":"10.0.0.1","memory":"1 KB"}]', /^invalid worker\.json: worker 10\.0\.0\.1 unsupported memory unit "KB"$/],
      ['[{"host":"10.0.0.1","cpu":"2 hz"}]', /^invalid worker\.json: worker 10\.0\.0\.1 unsupported cpu unit "HZ"$/],
    ];
    for (const [text, re] of bad) {
      b.write({ 'workspace/workers.json': text });
      const err = await b.buildError();
      assert.match(err.message, re, text);
    }
  }));

test('a worker without labels has exactly the label worker', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.equal(labelsOf(b, '10.0.0.1'), 'worker');
  }));

test('labels are lower-cased, trimmed, stored with worker, and follow edits', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['a', 'Z '] }]);
    await b.build();
    assert.equal(labelsOf(b, '10.0.0.1'), 'a,worker,z');
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'labels'), 'a,worker,z');
    b.workers([{ host: '10.0.0.1', labels: ['a', 'v'] }]);
    await b.build();
    assert.equal(labelsOf(b, '10.0.0.1'), 'a,v,worker');
    b.workers([{ host: '10.0.0.1', labels: ['a'] }]);
    await b.build();
    assert.equal(labelsOf(b, '10.0.0.1'), 'a,worker');
    b.workers([{ host: '10.0.0.1', labels: ['b'] }]);
    await b.build();
    assert.equal(labelsOf(b, '10.0.0.1'), 'b,worker');
  }));

test('duplicate labels after normalization, including an explicit worker label, fail', () =>
  withBucket(async (b) => {
    for (const labels of [['a', 'a'], ['web', 'WEB'], ['worker']]) {
      b.workers([{ host: '10.0.0.1', labels }]);
      const err = await b.buildError();
      assert.ok(err.message.startsWith('invalid worker.json: worker 10.0.0.1 have duplicate labels'), err.message);
    }
  }));

test('tags follow the file exactly in worker_tags and KV, keys and values lower-cased', () =>
  withBucket(async (b) => {
    const tags = () => b.rows('SELECT key, value FROM worker_tags ORDER BY key');
    b.workers([{ host: '10.0.0.1', tags: { A: '1' } }]);
    await b.build();
    assert.deepEqual(tags(), [{ key: 'a', value: '1' }]);
    assert.deepEqual(b.kvNamespace('maand/worker/10.0.0.1/tags'), { a: '1' });
    b.workers([{ host: '10.0.0.1', tags: { a: '2', b: '2' } }]);
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/worker/10.0.0.1/tags'), { a: '2', b: '2' });
    b.workers([{ host: '10.0.0.1', tags: { b: '2', zone: ' US-East ' } }]);
    await b.build();
    assert.deepEqual(tags(), [{ key: 'b', value: '2' }, { key: 'zone', value: 'us-east' }]);
    assert.deepEqual(b.kvNamespace('maand/worker/10.0.0.1/tags'), { b: '2', zone: 'us-east' });
  }));

test('positions follow the array index through appends, inserts, removals and replacements', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.3' }]);
    await b.build();
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.3' }, { host: '10.0.0.4' }]);
    await b.build();
    assert.deepEqual(positions(b), { '10.0.0.1': 0, '10.0.0.3': 1, '10.0.0.4': 2 });
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }, { host: '10.0.0.3' }]);
    await b.build();
    assert.deepEqual(positions(b), { '10.0.0.1': 0, '10.0.0.2': 1, '10.0.0.3': 2 });
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.3' }]);
    await b.build();
    assert.deepEqual(positions(b), { '10.0.0.1': 0, '10.0.0.3': 1 });
    b.workers([{ host: '10.0.0.9' }, { host: '10.0.0.3' }]);
    await b.build();
    assert.deepEqual(positions(b), { '10.0.0.9': 0, '10.0.0.3': 1 });
  }));

test('an explicit position is honoured; equal positions keep workers.json order', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.3', position: 5 }, { host: '10.0.0.1', position: 5 }, { host: '10.0.0.2', position: -1 }]);
    await b.build();
    assert.equal(b.kvGet('maand/worker', 'worker_workers'), '10.0.0.2,10.0.0.3,10.0.0.1');
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'position'), '5');
  }));

test('worker cpu and memory are stored as number text and reset to 0 when removed', () =>
  withBucket(async (b) => {
    const cap = () => b.rows('SELECT available_memory_mb AS mem, available_cpu_mhz AS cpu FROM worker')[0];
    b.workers([{ host: '10.0.0.1', cpu: '100', memory: '23' }]);
    await b.build();
    assert.deepEqual(cap(), { mem: '23', cpu: '100' });
    b.workers([{ host: '10.0.0.1', cpu: '100 GHz', memory: '23 GB' }]);
    await b.build();
    assert.deepEqual(cap(), { mem: '23552', cpu: '100000' });
    b.workers([{ host: '10.0.0.1', cpu: '1 THz', memory: '1 tb' }]);
    await b.build();
    assert.deepEqual(cap(), { mem: '1.048576e+06', cpu: '1e+06' });
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.deepEqual(cap(), { mem: '0', cpu: '0' });
  }));

test('negative worker cpu or memory fails with invalid worker.json', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', cpu: '-1' }]);
    assert.equal((await b.buildError()).message, "invalid worker.json: worker 10.0.0.1, cpu can't be less than 0");
    b.workers([{ host: '10.0.0.1', memory: '-1' }]);
    assert.equal((await b.buildError()).message, "invalid worker.json: worker 10.0.0.1 memory can't be less than 0");
  }));

test('worker KV follows memory and cpu edits', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', memory: '10', cpu: '100' }]);
    await b.build();
    assert.deepEqual([b.kvGet('maand/worker/10.0.0.1', 'worker_memory_mb'), b.kvGet('maand/worker/10.0.0.1', 'worker_cpu_mhz')], ['10', '100']);
    b.workers([{ host: '10.0.0.1', memory: '20', cpu: '200' }]);
    await b.build();
    assert.deepEqual([b.kvGet('maand/worker/10.0.0.1', 'worker_memory_mb'), b.kvGet('maand/worker/10.0.0.1', 'worker_cpu_mhz')], ['20', '200']);
  }));

test('given one worker, then its KV namespace has the reference keys; a second worker gets allocation index 1', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    const ns = b.kvNamespace('maand/worker/10.0.0.1');
    assert.ok(ns['worker_id']!.length > 0);
    assert.deepEqual({ ...ns, worker_id: 'x' }, {
      worker_ip: '10.0.0.1', worker_id: 'x', labels: 'worker', worker_allocation_index: '0', worker_cpu_mhz: '0', worker_memory_mb: '0', jobs: '', position: '0',
    });
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    await b.build();
    assert.equal(b.kvGet('maand/worker/10.0.0.2', 'worker_allocation_index'), '1');
  }));

test('given two workers without labels, then maand/worker lists them and each is the other one\'s peer', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.3' }]);
    await b.build();
    const shared = b.kvNamespace('maand/worker');
    assert.equal(shared['worker_workers'], '10.0.0.1,10.0.0.3');
    assert.equal(shared['worker_workers_length'], '2');
    assert.equal(shared['worker_label_id'], 'b61822e8-357d-3aff-b7ea-accf348d9134');
    assert.equal(shared['worker_0'], '10.0.0.1');
    assert.equal(shared['worker_1'], '10.0.0.3');
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'worker_peers'), '10.0.0.3');
    assert.equal(b.kvGet('maand/worker/10.0.0.3', 'worker_peers'), '10.0.0.1');
    assert.equal(b.kvGet('maand/worker/10.0.0.3', 'worker_allocation_index'), '1');
    assert.notEqual(b.kvGet('maand/worker/10.0.0.1', 'worker_id'), b.kvGet('maand/worker/10.0.0.3', 'worker_id'));
  }));

test('a worker id is stable while the host stays and new when it is removed and re-added', () =>
  withBucket(async (b) => {
    const id = () => b.scalar("SELECT worker_id FROM worker WHERE worker_ip = '10.0.0.1'");
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    const first = id();
    assert.match(String(first), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    b.workers([{ host: '10.0.0.1', labels: ['x'] }]);
    await b.build();
    assert.equal(id(), first);
    b.workers([]);
    await b.build();
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.notEqual(id(), first);
  }));

test('a catalog worker missing from workers.json is reported as removed and its rows are deleted; tags of the others are stored', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.99', labels: ['x'], tags: { a: 'b' } }, { host: '10.0.0.1' }]);
    await b.build();
    b.workers([{ host: '10.0.0.1', tags: { rack: 'a1' } }]);
    const res = await b.build();
    assert.deepEqual(res.removedWorkers, ['10.0.0.99']);
    assert.deepEqual(b.rows('SELECT worker_ip FROM worker'), [{ worker_ip: '10.0.0.1' }]);
    assert.equal(b.scalar('SELECT COUNT(*) FROM worker_labels'), 1);
    assert.deepEqual(b.rows('SELECT key, value FROM worker_tags'), [{ key: 'rack', value: 'a1' }]);
  }));

test('hostname is trimmed and exposed in the worker namespace; a blank hostname has no key', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', hostname: ' worker-one ' }, { host: '10.0.0.2', hostname: ' ' }]);
    await b.build();
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'hostname'), 'worker-one');
    assert.equal(b.kvGet('maand/worker/10.0.0.2', 'hostname'), undefined);
  }));

test('workers.json fields match case-insensitively and unknown fields are ignored', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/workers.json': '[{"HOST":"10.0.0.1","Labels":["A"],"extra":{"x":1}}]' });
    await b.build();
    assert.equal(labelsOf(b, '10.0.0.1'), 'a,worker');
  }));

test('given a worker host that is a path, when built, then the build fails naming the host before anything uses it', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '../../../tmp/x' }]);
    assert.equal(
      (await b.buildError()).message,
      'invalid worker.json: worker host "../../../tmp/x" is not an IP address or DNS name (workers[1]); use an IPv4 or IPv6 address or a host name',
    );
  }));

test('given a worker host with shell syntax, when built, then the build fails naming it', () =>
  withBucket(async (b) => {
    b.workers([{ host: 'w$(id)' }]);
    assert.match((await b.buildError()).message, /^invalid worker\.json: worker host "w\$\(id\)" is not an IP address or DNS name/);
  }));
