// Memory/CPU: manifest bounds, bucket.jobs*.conf reservations, worker capacity (build-and-catalog §6.3, §8.12, §16.5 items 40-49).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const jobRow = (b: TestBucket) =>
  b.rows<Record<string, string>>("SELECT min_cpu_mhz, max_cpu_mhz, current_cpu_mhz, min_memory_mb, max_memory_mb, current_memory_mb FROM job WHERE name = 'a'")[0];
const res = (memory: object, cpu: object = {}) => ({ version: '1.0.0', selectors: ['worker'], resources: { memory, cpu } });

test('manifest bounds with units are stored in MHz and MB; plain numbers as they are', () =>
  withBucket(async (b) => {
    b.job('a', res({ min: '12 GB', max: '24 GB' }, { min: '12 Ghz', max: '23 Ghz' }));
    await b.build();
    assert.deepEqual(jobRow(b), { min_cpu_mhz: '12000', max_cpu_mhz: '23000', current_cpu_mhz: '23000', min_memory_mb: '12288', max_memory_mb: '24576', current_memory_mb: '24576' });
    b.job('a', res({ min: '12', max: '24' }, { min: '12', max: '23' }));
    await b.build();
    assert.deepEqual(jobRow(b), { min_cpu_mhz: '12', max_cpu_mhz: '23', current_cpu_mhz: '23', min_memory_mb: '12', max_memory_mb: '24', current_memory_mb: '24' });
  }));

test('only a min bound makes max equal to min in the catalog and in KV', () =>
  withBucket(async (b) => {
    b.job('a', res({ min: '12 GB' }, { min: '12 Ghz' }));
    await b.build();
    const ns = b.kvNamespace('maand/job/a');
    assert.deepEqual([ns['min_cpu_mhz'], ns['max_cpu_mhz'], ns['cpu']], ['12000', '12000', '12000']);
    assert.deepEqual([ns['min_memory_mb'], ns['max_memory_mb'], ns['memory']], ['12288', '12288', '12288']);
  }));

test('equal or increasing bounds pass; min above max fails for cpu and for memory', () =>
  withBucket(async (b) => {
    for (const max of ['12', '13']) {
      b.job('a', res({ min: '12', max }, { min: '12', max }));
      await b.build();
    }
    b.job('a', res({}, { min: '12', max: '11' }));
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a minCPUMhz > maxCPUMhz');
    b.job('a', res({}, { min: '500', max: '100' }));
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a minCPUMhz > maxCPUMhz');
    b.job('a', res({ min: '12', max: '11' }));
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a minMemoryMb > maxMemoryMb');
    b.job('a', res({ min: '12', max: '11' }, { min: '12', max: '11' }));
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a minCPUMhz > maxCPUMhz');
  }));

test('without a reservation the job reserves its max bound on the worker', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', cpu: '12', memory: '12' }]);
    b.job('a', res({ min: '12', max: '12' }, { min: '12', max: '12' }));
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'cpu'), '12');
    assert.equal(b.kvGet('maand/job/a', 'memory'), '12');
    b.job('a', res({ min: '11', max: '12' }));
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'memory'), '12');
  }));

test('without manifest bounds a reservation sets min, max and current; vars/bucket/job keeps the raw values', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "12"\ncpu = "112"\n' });
    b.job('a', { selectors: ['worker'] });
    await b.build();
    const ns = b.kvNamespace('maand/job/a');
    assert.deepEqual(
      [ns['memory'], ns['min_memory_mb'], ns['max_memory_mb'], ns['cpu'], ns['min_cpu_mhz'], ns['max_cpu_mhz']],
      ['12', '12', '12', '112', '112', '112'],
    );
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), { cpu: '112', memory: '12' });
    assert.deepEqual(b.rows("SELECT current_memory_source AS m, current_cpu_source AS c FROM job"), [{ m: 'bucket.jobs.conf', c: 'bucket.jobs.conf' }]);
  }));

test('a reservation with units is converted in maand/job and kept raw in vars/bucket/job', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "1 GB"\ncpu = "1 GHZ"\n' });
    b.job('a', { selectors: ['worker'] });
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'memory'), '1024');
    assert.equal(b.kvGet('maand/job/a', 'cpu'), '1000');
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), { cpu: '1 GHZ', memory: '1 GB' });
  }));

test('a reservation outside the manifest bounds is an unsupported resource configuration', () =>
  withBucket(async (b) => {
    b.job('a', res({ min: '128 mb', max: '256 mb' }, { min: '1 ghz', max: '2 ghz' }));
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "512 mb"\n' });
    assert.equal((await b.buildError()).message, 'unsupported resource configuration: bucket.jobs.conf, job a max_memory_mb 256.00 mb, requested 512.00 mb');
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "64 mb"\n' });
    assert.equal((await b.buildError()).message, 'unsupported resource configuration: bucket.jobs.conf, job a min_memory_mb 128.00 mb, requested 64.00 mb');
    b.write({ 'workspace/bucket.jobs.conf': '[a]\ncpu = "3 ghz"\n' });
    assert.equal((await b.buildError()).message, 'unsupported resource configuration: bucket.jobs.conf, job a max_cpu_mhz 2000.00 mhz, requested 3000.00 mhz');
  }));

test('an unparseable reservation fails with the reference parse error, after the file, job and key it came from', () =>
  withBucket(async (b) => {
    b.job('a', {});
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "1 KB"\n' });
    assert.equal((await b.buildError()).message, 'invalid bucket.conf: bucket conf workspace/bucket.jobs.conf [a] memory: unsupported memory unit "KB"');
    b.write({ 'workspace/bucket.jobs.conf': '[a]\ncpu = "fast"\n' });
    assert.equal((await b.buildError()).message, 'invalid bucket.conf: bucket conf workspace/bucket.jobs.conf [a] cpu: invalid cpu frequency "fast"');
  }));

test('a reservation key equal to the default still records the conf file as its source', () =>
  withBucket(async (b) => {
    b.job('a', res({ min: '128', max: '256' }));
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "256"\n' });
    await b.build();
    assert.equal(b.scalar("SELECT current_memory_source FROM job"), 'bucket.jobs.conf');
  }));

test('a worker too small for the reservation or the manifest minimum fails with insufficient resource', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', memory: '12 mb' }]);
    b.job('a', { selectors: ['worker'] });
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "1 GB"\n' });
    assert.equal((await b.buildError()).message, 'insufficient resource\nworker_ip 10.0.0.1, available memory is 12.00 MB, required memory is 1024.00 MB');
    b.remove('workspace/bucket.jobs.conf');
    b.job('a', res({ min: '1GB' }));
    assert.match((await b.buildError()).message, /^insufficient resource\n/);
    b.workers([{ host: '10.0.0.1', memory: '12gb' }]);
    b.job('a', res({ min: '1GB', max: '22gb' }));
    assert.equal((await b.buildError()).message, 'insufficient resource\nworker_ip 10.0.0.1, available memory is 12288.00 MB, required memory is 22528.00 MB');
  }));

test('a worker without memory for a job that needs some must specify memory', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', memory: '128mb' }]);
    b.job('a', res({ min: '256mb', max: '512mb' }));
    assert.match((await b.buildError()).message, /^insufficient resource\n/);
    b.workers([{ host: '10.0.0.1' }]);
    assert.equal((await b.buildError()).message, 'insufficient resource\nworker_ip 10.0.0.1 must specify memory in workers.json (allocated jobs require 512.00 MB)');
  }));

test('capacity lines: missing and insufficient memory and cpu, memory before cpu, workers in IP order', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.2', memory: '256', cpu: '500' }, { host: '10.0.0.1' }]);
    b.job('a', res({ min: '512' }, { min: '2000' }));
    assert.equal(
      (await b.buildError()).message,
      'insufficient resource\n' +
        'worker_ip 10.0.0.1 must specify memory in workers.json (allocated jobs require 512.00 MB)\n' +
        'worker_ip 10.0.0.1 must specify cpu in workers.json (allocated jobs require 2000.00 MHZ)\n' +
        'worker_ip 10.0.0.2, available memory is 256.00 MB, required memory is 512.00 MB\n' +
        'worker_ip 10.0.0.2, available cpu is 500.00 MHZ, required cpu is 2000.00 MHZ',
    );
  }));

test('requirements are summed over the active allocations of a worker; equality passes', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', memory: '1 GB', cpu: '1 GHz' }]);
    b.job('a', res({ min: '512' }, { min: '500' }));
    b.job('b', res({ min: '512' }, { min: '500' }));
    await b.build();
    b.job('c', res({ min: '1' }));
    assert.equal((await b.buildError()).message, 'insufficient resource\nworker_ip 10.0.0.1, available memory is 1024.00 MB, required memory is 1025.00 MB');
  }));

test('disabled and removed allocations do not count against capacity; zero requirements on a zero-capacity worker pass', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('z', { selectors: ['worker'] });
    await b.build();
    b.job('a', res({ min: '512' }));
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{}}}' });
    await b.build();
    b.job('a', { ...res({ min: '512' }), selectors: ['gpu'] });
    b.remove('workspace/disabled.json');
    await b.build();
    assert.equal(b.scalar("SELECT removed FROM allocations WHERE job = 'a'"), 1);
  }));
