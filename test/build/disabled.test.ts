// disabled.json: draining allocations and enabling them again (build-and-catalog §4.5, §8.7, §12.4, §16.9 items 74-79).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const flags = (b: TestBucket) =>
  b.rows<{ job: string; worker_ip: string; disabled: number; removed: number }>('SELECT job, worker_ip, disabled, removed FROM allocations ORDER BY job, worker_ip');
const enabled = (b: TestBucket) => Number(b.scalar('SELECT COUNT(*) FROM allocations WHERE disabled = 0 AND removed = 0'));

async function oneWorkerOneJob(b: TestBucket): Promise<void> {
  b.workers([{ host: '10.0.0.1' }]);
  b.job('a', { version: '1.0.0', selectors: ['worker'] });
  await b.build();
}

test('a job listed without allocations is disabled entirely (37 live keys); an empty jobs map enables it again', () =>
  withBucket(async (b) => {
    await oneWorkerOneJob(b);
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{}}}' });
    await b.build();
    assert.equal(enabled(b), 0);
    assert.equal(b.liveKeyCount(), 37);
    assert.deepEqual(b.rows('SELECT name, disabled FROM cat_jobs'), [{ name: 'a', disabled: 1 }]);
    b.write({ 'workspace/disabled.json': '{"jobs":{}}' });
    await b.build();
    assert.equal(enabled(b), 1);
    assert.equal(b.liveKeyCount(), 38);
    assert.deepEqual(b.rows('SELECT name, disabled FROM cat_jobs'), [{ name: 'a', disabled: 0 }]);
  }));

test('unknown keys inside a job entry are ignored, so a workers list disables the whole job', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    b.job('a', { selectors: ['worker'] });
    for (const text of ['{"jobs":{"a":{"workers":["10.0.0.1"]}}}', '{"jobs":{"a":{"workers":[]}}}', '{"jobs":{"a":{"allocations":null}}}']) {
      b.write({ 'workspace/disabled.json': text });
      await b.build();
      assert.equal(enabled(b), 0, text);
    }
  }));

test('a listed worker disables every row on it, also a row that just became removed', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web', 'db'] }, { host: '10.0.0.2', labels: ['web'] }]);
    b.job('web', { selectors: ['web'] });
    b.job('db', { selectors: ['db'] });
    await b.build();
    b.workers([{ host: '10.0.0.1', labels: ['web'] }, { host: '10.0.0.2', labels: ['web'] }]);
    b.write({ 'workspace/disabled.json': '{"workers":["10.0.0.1","10.9.9.9"]}' });
    await b.build();
    assert.deepEqual(flags(b), [
      { job: 'db', worker_ip: '10.0.0.1', disabled: 1, removed: 1 },
      { job: 'web', worker_ip: '10.0.0.1', disabled: 1, removed: 0 },
      { job: 'web', worker_ip: '10.0.0.2', disabled: 0, removed: 0 },
    ]);
  }));

test('a listed allocation is disabled; when the file goes, it is enabled and its deploy hash forgets the previous state', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web'] }, { host: '10.0.0.2', labels: ['web'] }]);
    b.job('web', { version: '1.0.0' });
    await b.build();
    b.write({ 'workspace/disabled.json': '{"jobs":{"web":{"allocations":["10.0.0.1"]}}}' });
    await b.build();
    assert.deepEqual(flags(b).map((f) => [f.worker_ip, f.disabled]), [['10.0.0.1', 1], ['10.0.0.2', 0]]);
    const ids = Object.fromEntries(b.rows<{ worker_ip: string; alloc_id: string }>('SELECT worker_ip, alloc_id FROM allocations').map((r) => [r.worker_ip, r.alloc_id]));
    b.query((db) => {
      const ins = db.prepare("INSERT INTO hash (namespace, key, current_hash, previous_hash, current_files, previous_files) VALUES ('web_allocation', ?, 'h', 'h', '{}', '{}')");
      ins.run(ids['10.0.0.1']!);
      ins.run(ids['10.0.0.2']!);
    });
    b.remove('workspace/disabled.json');
    await b.build();
    assert.equal(enabled(b), 2);
    assert.deepEqual(b.rows("SELECT key, previous_hash, previous_files, current_hash FROM hash WHERE namespace = 'web_allocation' ORDER BY key = ?", ids['10.0.0.2']!), [
      { key: ids['10.0.0.1'], previous_hash: null, previous_files: null, current_hash: 'h' },
      { key: ids['10.0.0.2'], previous_hash: 'h', previous_files: '{}', current_hash: 'h' },
    ]);
  }));

test('a job whose only allocation is disabled has no active workers but keeps its KV namespace', () =>
  withBucket(async (b) => {
    await oneWorkerOneJob(b);
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{"allocations":["10.0.0.1"]}}}' });
    await b.build();
    const ns = b.kvNamespace('maand/job/a');
    assert.equal(ns['workers'], '');
    assert.equal(ns['workers_length'], '0');
    assert.equal(ns['worker_0'], undefined);
    assert.equal(ns['name'], 'a');
    assert.equal(b.kvGet('maand/bucket', 'activejobs'), '');
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'jobs'), '');
  }));

test('a disabled allocation keeps its index and peers in its namespace, and stale keys there are removed', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    b.job('a', { selectors: ['worker'] });
    await b.build();
    b.kvPut('maand/job/a/worker/10.0.0.2', { stale: 'x' });
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{"allocations":["10.0.0.2"]}}}' });
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.2'), { a_allocation_index: '1', peer_workers: '10.0.0.1' });
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.1'), { a_allocation_index: '0', peer_workers: '10.0.0.2' });
    assert.equal(b.kvGet('maand/job/a', 'workers'), '10.0.0.1');
  }));

test('a removed row keeps its stale disabled flag after disabled.json stops listing it', () =>
  withBucket(async (b) => {
    await oneWorkerOneJob(b);
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{}}}' });
    await b.build();
    b.job('a', { version: '1.0.0', selectors: ['gpu'] });
    b.remove('workspace/disabled.json');
    await b.build();
    assert.deepEqual(flags(b), [{ job: 'a', worker_ip: '10.0.0.1', disabled: 1, removed: 1 }]);
  }));

test('names and IPs in disabled.json that match nothing are ignored; invalid JSON fails the build', () =>
  withBucket(async (b) => {
    await oneWorkerOneJob(b);
    b.write({ 'workspace/disabled.json': '{"jobs":{"ghost":{}},"workers":["10.9.9.9"]}' });
    await b.build();
    assert.equal(enabled(b), 1);
    b.write({ 'workspace/disabled.json': '{"jobs":' });
    assert.match((await b.buildError()).message, /unexpected end of JSON input/);
  }));
