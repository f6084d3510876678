// Placement by labels and the allocation rows (build-and-catalog §8.7, §12, §16.8 items 70-73).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const allocs = (b: TestBucket) =>
  b.rows<{ worker_ip: string; job: string; removed: number; disabled: number; new_version: string }>(
    'SELECT worker_ip, job, removed, disabled, new_version FROM allocations ORDER BY job, worker_ip',
  );
const counts = (b: TestBucket, job: string) =>
  b.rows<{ active: number; removed: number }>(
    'SELECT SUM(removed = 0 AND disabled = 0) AS active, SUM(removed = 1) AS removed FROM allocations WHERE job = ?',
    job,
  )[0]!;

test('a job lands on a worker only while the worker carries every selector; the same row comes back', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { version: '1.0.0', selectors: ['worker'] });
    await b.build();
    const id = b.scalar('SELECT alloc_id FROM allocations');
    assert.deepEqual(counts(b, 'a'), { active: 1, removed: 0 });
    b.job('a', { version: '1.0.0', selectors: ['worker', 'gpu'] });
    await b.build();
    assert.deepEqual(counts(b, 'a'), { active: 0, removed: 1 });
    b.workers([{ host: '10.0.0.1', labels: ['gpu'] }]);
    await b.build();
    assert.deepEqual(counts(b, 'a'), { active: 1, removed: 0 });
    assert.equal(b.scalar('SELECT COUNT(*) FROM allocations'), 1);
    assert.equal(b.scalar('SELECT alloc_id FROM allocations'), id);
  }));

test('a worker losing a label removes the allocation; restoring the label restores it; other labels do not match', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['a'] }, { host: '10.0.0.2', labels: ['a'] }]);
    b.job('a', { version: '1.0.0' });
    await b.build();
    assert.deepEqual(counts(b, 'a'), { active: 2, removed: 0 });
    b.workers([{ host: '10.0.0.1', labels: ['a'] }, { host: '10.0.0.2' }]);
    await b.build();
    assert.deepEqual(counts(b, 'a'), { active: 1, removed: 1 });
    b.workers([{ host: '10.0.0.1', labels: ['a'] }, { host: '10.0.0.2', labels: ['a'] }]);
    await b.build();
    assert.deepEqual(counts(b, 'a'), { active: 2, removed: 0 });
    b.workers([{ host: '10.0.0.1', labels: ['a'] }, { host: '10.0.0.2', labels: ['a'] }, { host: '10.0.0.3', labels: ['b'] }]);
    await b.build();
    assert.deepEqual(counts(b, 'a'), { active: 2, removed: 0 });
  }));

test('labels moving between workers move allocations: the old row is removed and a new one appears', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web', 'db'] }]);
    b.job('web', { version: '1.0.0', selectors: ['web'] });
    b.job('db', { version: '1.0.0', selectors: ['db'] });
    await b.build();
    b.workers([{ host: '10.0.0.1', labels: ['web'] }, { host: '10.0.0.2', labels: ['db'] }]);
    await b.build();
    assert.deepEqual(allocs(b), [
      { worker_ip: '10.0.0.1', job: 'db', removed: 1, disabled: 0, new_version: '1.0.0' },
      { worker_ip: '10.0.0.2', job: 'db', removed: 0, disabled: 0, new_version: '1.0.0' },
      { worker_ip: '10.0.0.1', job: 'web', removed: 0, disabled: 0, new_version: '1.0.0' },
    ]);
  }));

test('a new worker with the label gets an active row with the job\'s normalized version', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web'] }]);
    b.job('web', { version: '2.0.0' });
    b.job('plain', { selectors: ['worker'] });
    b.job('spaced', { version: ' v3 ', selectors: ['worker'] });
    await b.build();
    assert.deepEqual(allocs(b).map((a) => [a.job, a.new_version]), [['plain', '0.0.0'], ['spaced', 'v3'], ['web', '2.0.0']]);
    b.workers([{ host: '10.0.0.1', labels: ['web'] }, { host: '10.0.0.2', labels: ['web'] }]);
    await b.build();
    assert.deepEqual(allocs(b).filter((a) => a.job === 'web').map((a) => [a.worker_ip, a.removed, a.new_version]), [['10.0.0.1', 0, '2.0.0'], ['10.0.0.2', 0, '2.0.0']]);
  }));

test('allocation ids are StableID(job|ip)', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['api', 'web'] }]);
    b.job('api', {});
    b.job('web', {});
    await b.build();
    assert.deepEqual(b.rows('SELECT job, alloc_id FROM allocations ORDER BY job'), [
      { job: 'api', alloc_id: '67b5a127-3e36-3801-90b6-1bf413398655' },
      { job: 'web', alloc_id: '2b769b9d-635b-38d7-8645-da51156922a4' },
    ]);
  }));

test('selectors are case-sensitive while worker labels are lower-cased, so an upper-case selector never matches', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['GPU'] }]);
    b.job('a', { selectors: ['GPU'] });
    b.job('Web', {});
    b.job('b', { selectors: ['gpu'] });
    await b.build();
    assert.deepEqual(allocs(b).map((a) => a.job), ['b']);
  }));

test('a job whose selectors are all empty strings is never placed', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { selectors: [''] });
    await b.build();
    assert.equal(b.scalar('SELECT COUNT(*) FROM allocations'), 0);
    assert.equal(b.scalar('SELECT COUNT(*) FROM job_selectors'), 0);
  }));

test('rows of a removed worker and of a removed job become removed, keeping their version and flags', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    b.job('a', { version: '1.0.0', selectors: ['worker'] });
    b.job('b', { version: '1.0.0', selectors: ['worker'] });
    await b.build();
    b.workers([{ host: '10.0.0.1' }]);
    b.remove('workspace/jobs/b');
    b.job('a', { version: '2.0.0', selectors: ['worker'] });
    const res = await b.build();
    assert.deepEqual(allocs(b).map((a) => [a.job, a.worker_ip, a.removed, a.new_version]), [
      ['a', '10.0.0.1', 0, '2.0.0'],
      ['a', '10.0.0.2', 1, '1.0.0'],
      ['b', '10.0.0.1', 1, '1.0.0'],
      ['b', '10.0.0.2', 1, '1.0.0'],
    ]);
    assert.deepEqual(res.allocations, { active: 1, disabled: 0, removed: 3 });
  }));

test('min_allocations_count counts non-removed rows, disabled ones included, and lists every short job', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['api', 'db'] }]);
    b.job('api', { min_allocations_count: 2 });
    b.job('db', { min_allocations_count: 3 });
    b.job('ok', { selectors: ['worker'], min_allocations_count: 1 });
    assert.equal(
      (await b.buildError()).message,
      'missing allocations\njob api has 1 allocation(s), min_allocations_count is 2\njob db has 1 allocation(s), min_allocations_count is 3',
    );
    b.job('api', { min_allocations_count: 1 });
    b.job('db', { min_allocations_count: 1 });
    b.write({ 'workspace/disabled.json': '{"workers":["10.0.0.1"]}' });
    await b.build();
  }));

test('a negative min_allocations_count is an invalid manifest', () =>
  withBucket(async (b) => {
    b.job('a', { min_allocations_count: -1 });
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a min_allocations_count must be >= 0');
  }));
