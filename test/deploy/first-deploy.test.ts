import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';

let f: DeployFixture;
before(async () => {
  f = await deployFixture('127.0.50', 3);
  f.bucket.workers(f.workers.ips.map((ip) => ({ host: ip })));
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'], max_concurrent_upgrades: 1 }, { Makefile: RECORDING_MAKEFILE, 'conf/app.conf': 'a=1\n' });
  f.bucket.job('web', { version: '2.0.0', selectors: ['worker'], restart_policy: 'reload', restart_globs: ['*.py'] }, {
    Makefile: RECORDING_MAKEFILE,
    'site.conf.tpl': 'listen {{ .WorkerIP }}:{{ get "maand/bucket" "web_port" }}\n',
    'app.py': 'print(1)\n',
  });
  f.bucket.write({ 'workspace/jobs/web/manifest.json': JSON.stringify({ version: '2.0.0', selectors: ['worker'], restart_policy: 'reload', restart_globs: ['*.py'], resources: { ports: { web_port: {} } } }) });
  await f.bucket.build();
});
after(async () => f.close());

test('given a built bucket, when deployed the first time, then every allocation is started once with its version and promoted', async () => {
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  for (const ip of f.workers.ips) {
    assert.deepEqual(f.lifecycle(ip, 'app'), ['start 0.0.0 1.0.0']);
    assert.deepEqual(f.lifecycle(ip, 'web'), ['start 0.0.0 2.0.0']);
  }
  const rows = f.bucket.rows<{ rollout: string }>("SELECT COALESCE(h.previous_hash,'') = COALESCE(h.current_hash,'-') AS rollout FROM allocations a JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id");
  assert.equal(rows.length, 6);
  assert.ok(rows.every((x) => Number(x.rollout) === 1));
});

test('the rendered template reaches the worker and the .tpl source does not', () => {
  const ip = f.workers.ips[1]!;
  const port = f.bucket.kvGet('maand/bucket', 'web_port');
  assert.equal(f.remoteFile(ip, 'web', 'site.conf'), `listen ${ip}:${port}\n`);
  assert.equal(f.remoteFile(ip, 'web', 'site.conf.tpl'), undefined);
  assert.ok(f.remoteFile(ip, 'web', 'certs/ca.crt')?.startsWith('-----BEGIN CERTIFICATE-----'));
});

test('worker.json carries the update_seq of the deploy that changed it', () => {
  const seq = f.bucket.rows<{ update_seq: number }>('SELECT update_seq FROM bucket')[0]!.update_seq;
  assert.equal(seq, 1);
  for (const ip of f.workers.ips) {
    const w = JSON.parse(readFileSync(`${f.workers.optDir(ip)}/${f.bucketId()}/worker.json`, 'utf8')) as { update_seq: number; worker_ip: string };
    assert.equal(w.update_seq, 1);
    assert.equal(w.worker_ip, ip);
  }
});

test('given nothing changed, when deployed again, then no job rolls out, update_seq stays and no ssh connection is opened', async () => {
  const before = f.workers.ips.map((ip) => connections(ip));
  const r = await f.deploy();
  assert.deepEqual(r.jobs.map((j) => [j.job, j.status]), [['app', 'unchanged'], ['web', 'unchanged']]);
  assert.equal(r.updateSeqBumped, false);
  assert.deepEqual(f.workers.ips.map((ip) => connections(ip)), before);
  for (const ip of f.workers.ips) assert.deepEqual(f.lifecycle(ip, 'app'), ['start 0.0.0 1.0.0']);
});

test('given one config file changed, when deployed, then the job restarts one worker at a time and the other job is untouched', async () => {
  f.bucket.write({ 'workspace/jobs/app/conf/app.conf': 'a=2\n' });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  for (const ip of f.workers.ips) {
    assert.deepEqual(f.lifecycle(ip, 'app'), ['start 0.0.0 1.0.0', 'restart 1.0.0 1.0.0']);
    assert.equal(f.remoteFile(ip, 'app', 'conf/app.conf'), 'a=2\n');
    assert.deepEqual(f.lifecycle(ip, 'web'), ['start 0.0.0 2.0.0']);
  }
  const batches = f.events.filter((e) => e.type === 'batch-started' && e.job === 'app');
  assert.equal(batches.length, 3);
  assert.deepEqual(batches.map((b) => (b.type === 'batch-started' ? b.workers : [])), f.workers.ips.map((ip) => [ip]));
});

test('given reload policy, when a non-matching file changes then it reloads, and when a *.py file changes then it restarts', async () => {
  f.bucket.write({ 'workspace/jobs/web/extra.txt': 'x\n' });
  await f.bucket.build();
  await f.deploy();
  f.bucket.write({ 'workspace/jobs/web/app.py': 'print(2)\n' });
  await f.bucket.build();
  await f.deploy();
  for (const ip of f.workers.ips) assert.deepEqual(f.lifecycle(ip, 'web'), ['start 0.0.0 2.0.0', 'reload 2.0.0 2.0.0', 'restart 2.0.0 2.0.0']);
});

test('given a version bump only, when deployed, then it restarts with CURRENT_VERSION and NEW_VERSION', async () => {
  f.bucket.write({ 'workspace/jobs/app/manifest.json': JSON.stringify({ version: '1.1.0', selectors: ['worker'], max_concurrent_upgrades: 1 }) });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  for (const ip of f.workers.ips) assert.equal(f.lifecycle(ip, 'app').at(-1), 'restart 1.0.0 1.1.0');
  const versions = f.bucket.rows<{ current_version: string }>("SELECT current_version FROM hash WHERE namespace = 'app_allocation'");
  assert.deepEqual(versions.map((v) => v.current_version), ['1.1.0', '1.1.0', '1.1.0']);
});

test('an ssh health probe runs over the deploy\'s connection: one ssh login per worker for the whole deploy', async () => {
  f.bucket.job('probed', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1, health_check: { checks: [{ type: 'ssh', command: 'test -f /opt/worker/*/jobs/probed/Makefile' }], timeout_seconds: 10 } }, { Makefile: RECORDING_MAKEFILE });
  await f.bucket.build();
  const before = f.workers.ips.map((ip) => connections(ip));
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  assert.deepEqual(r.jobs.find((j) => j.job === 'probed')?.status, 'deployed');
  // three batches, each followed by a probe of every allocation: still one login per worker
  assert.deepEqual(f.workers.ips.map((ip, i) => connections(ip) - before[i]!), [1, 1, 1]);
});

test('a template reading .UpdateSeq gets the value this deploy bumped to, and the next deploy is a no-op', async () => {
  f.bucket.job('seqd', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE, 'seq.txt.tpl': 'update_seq {{ .UpdateSeq }}\n' });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  assert.equal(r.updateSeqBumped, true);
  for (const ip of f.workers.ips) assert.equal(f.remoteFile(ip, 'seqd', 'seq.txt'), `update_seq ${r.updateSeq}\n`);
  const again = await f.deploy();
  assert.equal(again.updateSeqBumped, false);
  assert.equal(again.jobs.find((j) => j.job === 'seqd')?.status, 'unchanged');
  for (const ip of f.workers.ips) assert.deepEqual(f.lifecycle(ip, 'seqd'), ['start 0.0.0 1.0.0']);
});

function connections(ip: string): number {
  return (readFileSync(f.workers.logFile(ip), 'utf8').match(/Accepted publickey/g) ?? []).length;
}
