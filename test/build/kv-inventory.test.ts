// The live-key inventory of build-written KV (build-and-catalog §9.12, §16.11 item 107): exact counts of
// live keys in cat_kv for the reference scenarios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const job = (b: TestBucket, name = 'a', extra: object = {}) => b.job(name, { version: '1.0.0', selectors: ['worker'], ...extra });

test('live-key inventory: 7 keys for an empty bucket with an empty bucket.conf, 9 with the default pool', () =>
  withBucket(async (b) => {
    await b.build();
    assert.equal(b.liveKeyCount(), 9);
    b.write({ 'workspace/bucket.conf': '' });
    await b.build();
    assert.equal(b.liveKeyCount(), 7);
    assert.deepEqual(b.kvNamespace('maand/bucket'), { activejobs: '', bucket_id: b.scalar('SELECT bucket_id FROM bucket'), jobs: '' });
    assert.deepEqual(b.kvNamespace('maand/prometheus'), { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
  }));

test('live-key inventory: a job without workers gives 23 keys, removing it gives 9', () =>
  withBucket(async (b) => {
    job(b);
    await b.build();
    assert.equal(b.liveKeyCount(), 23);
    assert.equal(Object.keys(b.kvNamespace('maand/job/a')).length, 14);
    assert.equal(b.kvGet('maand/job/a', 'worker_0'), undefined);
    b.remove('workspace/jobs/a');
    await b.build();
    assert.equal(b.liveKeyCount(), 9);
  }));

test('live-key inventory: one worker gives 21 keys, with a job on it 38, after removing the job 21', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.equal(b.liveKeyCount(), 21);
    assert.equal(Object.keys(b.kvNamespace('maand/worker')).length, 5);
    assert.equal(Object.keys(b.kvNamespace('maand/worker/10.0.0.1')).length, 8);
    job(b);
    await b.build();
    assert.equal(b.liveKeyCount(), 38);
    assert.equal(Object.keys(b.kvNamespace('maand/job/a')).length, 15);
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.1'), { a_allocation_index: '0', peer_workers: '' });
    b.remove('workspace/jobs/a');
    await b.build();
    assert.equal(b.liveKeyCount(), 21);
  }));

test('live-key inventory: deleting workers.json under a placed job leaves 9 keys, and deleting the job then keeps 9', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b);
    await b.build();
    assert.equal(b.liveKeyCount(), 38);
    b.remove('workspace/workers.json');
    await b.build();
    assert.equal(b.liveKeyCount(), 9);
    b.remove('workspace/jobs/a');
    await b.build();
    assert.equal(b.liveKeyCount(), 9);
  }));

test('live-key inventory: a job whose only allocation is removed by its selectors leaves 21 keys', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b);
    await b.build();
    job(b, 'a', { selectors: ['gpu'] });
    await b.build();
    assert.equal(b.liveKeyCount(), 21);
  }));
