// Disable/re-enable, job removal, --jobs, --force, --sync-only + job run, dry-run and cat deployments.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';
import { planText } from './plan-text.ts';
import { catDeployments } from '../../src/cat/deployments.ts';
import { runJobTarget } from '../../src/job-run/index.ts';
import { connectRun } from '../../src/deploy/connect.ts';

let f: DeployFixture;
let ips: string[];
before(async () => {
  f = await deployFixture('127.0.51', 3);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE });
  f.bucket.job('extra', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
});
after(async () => f.close());

test('an unknown --jobs name is an error before anything runs', async () => {
  await assert.rejects(f.deploy({ jobs: ['app', 'nope'] }), /unknown job nope in the job selection/);
});

test('--force restarts every active allocation of the selected job only', async () => {
  const r = await f.deploy({ jobs: ['app'], force: true });
  assert.deepEqual(r.jobs.map((j) => [j.job, j.status]), [['app', 'deployed']]);
  for (const ip of ips) {
    assert.equal(f.lifecycle(ip, 'app').at(-1), 'restart 1.0.0 1.0.0');
    assert.deepEqual(f.lifecycle(ip, 'extra'), ['start 0.0.0 1.0.0']);
  }
});

test('dry-run prints what would happen and why without touching anything', async () => {
  f.bucket.write({ 'workspace/jobs/app/new.txt': 'x\n' });
  await f.bucket.build();
  const seqBefore = f.bucket.rows<{ update_seq: number }>('SELECT update_seq FROM bucket')[0]!.update_seq;
  const r = await f.deploy({ dryRun: true });
  const text = planText(r);
  assert.match(text, /^deploy dry-run: deployment required\n/);
  assert.match(text, /job "app": deploy required/);
  for (const ip of ips) assert.match(text, new RegExp(`${ip.replaceAll('.', '\\.')}  restart previous_hash=[0-9a-f]{32} current_hash=[0-9a-f]{32}  # files changed`));
  assert.match(text, /job "extra": skip \(already promoted on all allocations\)/);
  assert.equal(f.bucket.rows<{ update_seq: number }>('SELECT update_seq FROM bucket')[0]!.update_seq, seqBefore);
  assert.equal(f.remoteFile(ips[0]!, 'app', 'new.txt'), undefined);
});

test('cat deployments shows new allocations as new and deployed ones as promoted', async () => {
  f.bucket.job('fresh', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE });
  await f.bucket.build();
  const rollouts = (job: string): string[] => f.bucket.query((db) => catDeployments(db, { jobs: [job] }).rows.map((r) => String(r[3])));
  assert.deepEqual(rollouts('fresh'), ['new', 'new', 'new']);
  await f.deploy();
  assert.deepEqual(rollouts('fresh'), ['promoted', 'promoted', 'promoted']);
  assert.deepEqual(rollouts('app'), ['promoted', 'promoted', 'promoted']);
});

test('disabling an allocation stops it once; re-enabling starts it again', async () => {
  const ip = ips[1]!;
  f.bucket.write({ 'workspace/disabled.json': JSON.stringify({ jobs: { app: { allocations: [ip] } } }) });
  await f.bucket.build();
  await f.deploy();
  assert.equal(f.lifecycle(ip, 'app').at(-1), 'stop');
  const count = f.lifecycle(ip, 'app').length;
  const again = await f.deploy();
  assert.equal(f.lifecycle(ip, 'app').length, count, 'a disabled allocation is stopped once, not on every deploy');
  assert.deepEqual(again.reconcile, []);
  const dry = await f.deploy({ dryRun: true });
  assert.doesNotMatch(planText(dry), /stop/);
  f.bucket.remove('workspace/disabled.json');
  await f.bucket.build();
  await f.deploy();
  assert.equal(f.lifecycle(ip, 'app').at(-1), 'start 1.0.0 1.0.0');
});

test('removing a job stops it, removes its files but keeps data/ and logs/, and purges its KV', async () => {
  f.bucket.remove('workspace/jobs/extra');
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  for (const ip of ips) {
    assert.equal(f.lifecycle(ip, 'extra').at(-1), 'stop');
    assert.equal(f.remoteFile(ip, 'extra', 'Makefile'), undefined);
    assert.ok(existsSync(`${f.workers.optDir(ip)}/${f.bucketId()}/jobs/extra/data/events.log`));
  }
  assert.equal(f.bucket.rows("SELECT * FROM hash WHERE namespace = 'extra_allocation'").length, 0);
  assert.equal(f.bucket.kvGet('maand/job/extra', 'name'), undefined);
});

test('--sync-only sends files without a lifecycle; job run then reloads on demand', async () => {
  f.bucket.write({ 'workspace/jobs/app/new.txt': 'y\n' });
  await f.bucket.build();
  const before = ips.map((ip) => f.lifecycle(ip, 'app').length);
  const r = await f.deploy({ syncOnly: true });
  assert.deepEqual(r.failedJobs, []);
  assert.deepEqual(ips.map((ip) => f.lifecycle(ip, 'app').length), before);
  for (const ip of ips) assert.equal(f.remoteFile(ip, 'app', 'new.txt'), 'y\n');
  const run = await runJobTarget({
    root: f.bucket.root, job: 'app', target: 'reload',
    connect: connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: f.workers.knownHosts } }),
  });
  assert.ok(run.workers.every((w) => w.ok), JSON.stringify(run.workers));
  for (const ip of ips) assert.equal(f.lifecycle(ip, 'app').at(-1), 'reload 1.0.0 1.0.0');
});

test('restart_policy never syncs changed files without any lifecycle and promotes them', async () => {
  f.bucket.job('quiet', { version: '1.0.0', selectors: ['worker'], restart_policy: 'never' }, { Makefile: RECORDING_MAKEFILE, 'conf.txt': '1\n' });
  await f.bucket.build();
  await f.deploy();
  for (const ip of ips) assert.deepEqual(f.lifecycle(ip, 'quiet'), ['start 0.0.0 1.0.0'], 'a new allocation still starts');
  f.bucket.write({ 'workspace/jobs/quiet/conf.txt': '2\n' });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  for (const ip of ips) {
    assert.deepEqual(f.lifecycle(ip, 'quiet'), ['start 0.0.0 1.0.0']);
    assert.equal(f.remoteFile(ip, 'quiet', 'conf.txt'), '2\n');
  }
  assert.equal((await f.deploy()).jobs.find((j) => j.job === 'quiet')!.status, 'unchanged');
});
