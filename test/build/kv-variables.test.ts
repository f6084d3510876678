// KV written by build: every namespace, its write policy and the purge rules
// (build-and-catalog §9, §12, §16.11 items 95-108; kv-templates-hooks-health-certs §10.12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stableId } from '../../src/util/stable-id.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const job = (b: TestBucket, name = 'a', extra: object = {}) => b.job(name, { version: '1.0.0', selectors: ['worker'], ...extra });

test('purge eligibility: a job without rows or with only disabled rows keeps its namespace; all rows removed empties it', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b, 'none', { selectors: ['nowhere'] });
    job(b, 'off');
    job(b, 'gone');
    b.write({ 'workspace/disabled.json': '{"jobs":{"off":{}}}' });
    await b.build();
    job(b, 'gone', { selectors: ['nowhere'] });
    await b.build();
    assert.equal(b.kvGet('maand/job/none', 'name'), 'none');
    assert.equal(b.kvGet('maand/job/off', 'name'), 'off');
    assert.deepEqual(b.kvNamespace('maand/job/gone'), {});
    assert.equal(b.kvGet('maand/bucket', 'jobs'), 'gone,none,off');
  }));

test('rollout_order, workers and worker_<i> list active allocations by worker position', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    job(b);
    await b.build();
    const ns = b.kvNamespace('maand/job/a');
    assert.equal(ns['rollout_order'], '10.0.0.1,10.0.0.2');
    assert.equal(ns['workers'], '10.0.0.1,10.0.0.2');
    assert.deepEqual([ns['workers_length'], ns['worker_0'], ns['worker_1']], ['2', '10.0.0.1', '10.0.0.2']);
  }));

test('a rollout_order written by a hook is reset by the next build', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    job(b);
    await b.build();
    b.kvPut('maand/job/a', { rollout_order: '10.0.0.2,10.0.0.1' });
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'rollout_order'), '10.0.0.1,10.0.0.2');
  }));

test('a removed job without --purge-job-kv keeps vars/job and secrets/job while its other namespaces are emptied', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b, 'a', {});
    b.write({ 'workspace/jobs/a/vars.toml': 'k = "v"\n', 'workspace/bucket.jobs.conf': '[a]\nx = "1"\n' });
    await b.build();
    b.kvPutSecret('secrets/job/a', { token: 't' });
    b.remove('workspace/jobs/a');
    await b.build();
    assert.equal(b.kvGet('vars/job/a', 'k'), 'v');
    assert.ok(b.kvGet('secrets/job/a', 'token')!.startsWith('enc:v1:'));
    assert.deepEqual(b.kvNamespace('maand/job/a'), {});
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), {});
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.1'), {});
  }));

test('a removed job with --purge-job-kv also loses vars/job and secrets/job', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b, 'a', {});
    b.write({ 'workspace/jobs/a/vars.toml': 'k = "v"\n' });
    await b.build();
    b.kvPutSecret('secrets/job/a', { token: 't' });
    b.remove('workspace/jobs/a');
    await b.build({ purgeJobKv: true });
    assert.deepEqual(b.kvNamespace('vars/job/a'), {});
    assert.deepEqual(b.kvNamespace('secrets/job/a'), {});
  }));

test('a job whose only allocation became removed loses vars/job and secrets/job only with --purge-job-kv', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['vault'] }]);
    b.job('vault', { version: '1.0.0' });
    await b.build();
    b.kvPut('vars/job/vault', { cluster_initialized: 'true' });
    b.kvPutSecret('secrets/job/vault', { root_token: 's3cret' });
    b.job('vault', { version: '1.0.0', selectors: ['nowhere'] });
    await b.build();
    assert.equal(b.kvGet('vars/job/vault', 'cluster_initialized'), 'true');
    assert.notEqual(b.kvGet('secrets/job/vault', 'root_token'), undefined);
    await b.build({ purgeJobKv: true });
    assert.equal(b.kvGet('vars/job/vault', 'cluster_initialized'), undefined);
    assert.equal(b.kvGet('secrets/job/vault', 'root_token'), undefined);
    assert.equal(b.scalar("SELECT deleted FROM key_value WHERE namespace = 'secrets/job/vault' AND key = 'root_token' ORDER BY version DESC LIMIT 1"), 1);
  }));

test('a purge-eligible job does not get its vars.toml merged', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b);
    await b.build();
    job(b, 'a', { selectors: ['nowhere'] });
    b.write({ 'workspace/jobs/a/vars.toml': 'late = "1"\n' });
    await b.build();
    assert.equal(b.kvGet('vars/job/a', 'late'), undefined);
  }));

test('full sync removes a stale key and keeps the desired ones', () =>
  withBucket(async (b) => {
    job(b);
    await b.build();
    const version = b.kvVersion('maand/job/a', 'name');
    b.kvPut('maand/job/a', { stale: 'x' });
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'stale'), undefined);
    assert.equal(b.kvVersion('maand/job/a', 'name'), version);
  }));

test('maand/bucket exposes ports and activejobs only for jobs with an active allocation', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['api'] }]);
    b.job('api', { version: '1.0.0', resources: { ports: { http_port: 9090 } } });
    b.job('idle', { version: '1.0.0', resources: { ports: { idle_port: 9091 } } });
    await b.build();
    const ns = b.kvNamespace('maand/bucket');
    assert.equal(ns['http_port'], '9090');
    assert.equal(ns['idle_port'], undefined);
    assert.equal(ns['activejobs'], 'api');
    assert.equal(ns['jobs'], 'api,idle');
  }));

test('worker KV has worker_ip, maand/bucket the bucket id, maand/worker the CA certificate', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'worker_ip'), '10.0.0.1');
    assert.equal(b.kvGet('maand/bucket', 'bucket_id'), b.scalar('SELECT bucket_id FROM bucket'));
    assert.equal(b.kvGet('maand/worker', 'certs/ca.crt'), b.read('secrets/ca.crt').trim());
  }));

test('a removed worker\'s namespace and its allocation namespaces are emptied, its tags namespace is kept', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2', tags: { zone: 'b' } }]);
    job(b);
    await b.build();
    b.kvPut('maand/job/a/worker/10.0.0.2', { version: '1.0.0' });
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/worker/10.0.0.2'), {});
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.2'), {});
    assert.deepEqual(b.kvNamespace('maand/worker/10.0.0.2/tags'), { zone: 'b' });
    assert.equal(b.kvGet('maand/worker', 'worker_workers'), '10.0.0.1');
    assert.equal(b.kvGet('maand/job/a', 'workers'), '10.0.0.1');
  }));

test('workers sharing a label are each other\'s peers and are listed in maand/worker', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web'] }, { host: '10.0.0.2', labels: ['web'] }, { host: '10.0.0.3' }]);
    await b.build();
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'web_peers'), '10.0.0.2');
    assert.equal(b.kvGet('maand/worker/10.0.0.2', 'web_allocation_index'), '1');
    assert.equal(b.kvGet('maand/worker/10.0.0.3', 'web_peers'), undefined);
    assert.equal(b.kvGet('maand/worker/10.0.0.3', 'worker_peers'), '10.0.0.1,10.0.0.2');
    const shared = b.kvNamespace('maand/worker');
    assert.equal(shared['web_workers'], '10.0.0.1,10.0.0.2');
    assert.equal(shared['web_workers_length'], '2');
    assert.equal(shared['web_label_id'], stableId('web'));
    assert.equal(shared['web_1'], '10.0.0.2');
  }));

test('explicit positions order job workers, allocation indexes and peers; ports reach maand/bucket; no ports_json key', () =>
  withBucket(async (b) => {
    b.workers([
      { host: '10.0.0.1', position: 1, hostname: 'w1', labels: ['svc'] },
      { host: '10.0.0.2', position: 0, hostname: 'w2', labels: ['svc'] },
    ]);
    b.job('svc', { version: '1.0.0', resources: { ports: { svc_http_port: {}, svc_admin_port: {} } } });
    await b.build();
    const ns = b.kvNamespace('maand/job/svc');
    assert.deepEqual([ns['workers'], ns['workers_length'], ns['worker_0'], ns['worker_1']], ['10.0.0.2,10.0.0.1', '2', '10.0.0.2', '10.0.0.1']);
    assert.equal(ns['ports_json'], undefined);
    const bucket = b.kvNamespace('maand/bucket');
    assert.deepEqual([bucket['svc_admin_port'], bucket['svc_http_port'], bucket['jobs'], bucket['activejobs']], ['30000', '30001', 'svc', 'svc']);
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'position'), '1');
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'hostname'), 'w1');
    assert.equal(b.kvGet('maand/worker/10.0.0.1', 'jobs'), 'svc');
    assert.deepEqual(b.kvNamespace('maand/job/svc/worker/10.0.0.2'), { svc_allocation_index: '0', peer_workers: '10.0.0.1' });
  }));

test('the allocation sync keeps version and drops other stale keys; unchanged keys get no new version', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b);
    await b.build();
    const v = b.kvVersion('maand/job/a/worker/10.0.0.1', 'a_allocation_index');
    b.kvPut('maand/job/a/worker/10.0.0.1', { version: '1.0.0', stale: 'x' });
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.1'), { a_allocation_index: '0', peer_workers: '', version: '1.0.0' });
    assert.equal(b.kvVersion('maand/job/a/worker/10.0.0.1', 'a_allocation_index'), v);
  }));

test('a job without cert specs loses stale certs/* keys in its allocation namespaces', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    job(b);
    await b.build();
    b.kvPut('maand/job/a/worker/10.0.0.1', { 'certs/tls.crt': 'x', 'certs/tls.key': 'y' });
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.1'), { a_allocation_index: '0', peer_workers: '' });
  }));

test('a removed allocation\'s namespace is emptied entirely, version and certs included', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2', labels: ['x'] }]);
    job(b);
    await b.build();
    b.kvPut('maand/job/a/worker/10.0.0.2', { version: '1.0.0', 'certs/tls.crt': 'x' });
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }]);
    job(b, 'a', { selectors: ['x'] });
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.1'), {});
    assert.deepEqual(b.kvNamespace('maand/job/a'), {});
    job(b, 'a', { selectors: ['worker'] });
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2', labels: ['x'] }]);
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/job/a/worker/10.0.0.2'), { a_allocation_index: '1', peer_workers: '10.0.0.1' });
  }));

test('job KV bounds default to the reservation when the manifest has none', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "12"\n' });
    job(b, 'a', { resources: { cpu: { min: '1 ghz', max: '2 ghz' } } });
    await b.build();
    const ns = b.kvNamespace('maand/job/a');
    assert.deepEqual([ns['min_memory_mb'], ns['max_memory_mb'], ns['memory']], ['12', '12', '12']);
    assert.deepEqual([ns['min_cpu_mhz'], ns['max_cpu_mhz'], ns['cpu']], ['1000', '2000', '2000']);
  }));

test('a job namespace holds the normalized version and the selectors', () =>
  withBucket(async (b) => {
    b.job('a', { selectors: ['worker', 'x'] });
    b.job('b', { version: ' v2 ', selectors: ['worker'] });
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'version'), '0.0.0');
    assert.equal(b.kvGet('maand/job/a', 'selectors'), 'worker,x');
    assert.equal(b.kvGet('maand/job/b', 'version'), 'v2');
    assert.equal(b.kvGet('maand/job/b', 'job_name'), 'b');
  }));

test('history older than 7 days is purged: a key keeps its last 8 versions, an old tombstone disappears', () =>
  withBucket(async (b) => {
    const day = 86400;
    const t0 = 1_700_000_000;
    for (let i = 1; i <= 10; i++) {
      b.write({ 'workspace/bucket.conf': `a = "${i}"\nb = "x"\n` });
      await b.build({ now: t0 + i });
    }
    b.write({ 'workspace/bucket.conf': 'a = "10"\n' });
    await b.build({ now: t0 + 20 });
    assert.equal(b.scalar("SELECT COUNT(*) FROM key_value WHERE namespace = 'vars/bucket' AND key = 'a'"), 10);
    await b.build({ now: t0 + 20 + 8 * day });
    assert.deepEqual(
      b.rows<{ version: number }>("SELECT version FROM key_value WHERE namespace = 'vars/bucket' AND key = 'a' ORDER BY version").map((r) => r.version),
      [3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(b.scalar("SELECT COUNT(*) FROM key_value WHERE namespace = 'vars/bucket' AND key = 'b'"), 0);
  }));
