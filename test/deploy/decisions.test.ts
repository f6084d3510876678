// The deploy engine's decisions, through its real entry `deploy()` over a real bucket and catalog, with
// the workers played by an in-memory WorkerRemote (test/helpers/fake-remote.ts): which workers get
// files, scripts and lifecycle targets, and what a failure on one worker does to the rest. The same
// paths over real sshd are the end-to-end tests beside this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';
import { FakeRemote } from '../helpers/fake-remote.ts';
import { deploy } from '../../src/deploy/engine.ts';
import { jobsByCause } from '../../src/deploy/causes.ts';
import { lifecycleScript, runnerCommand } from '../../src/deploy/commands.ts';
import { snapshotScript } from '../../src/releases/commands.ts';
import { MaandError } from '../../src/errors.ts';
import type { DeployOptions } from '../../src/deploy/engine.ts';
import type { DeployResult } from '../../src/deploy/result.ts';

const W = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];

/** Deploys `b` with `fake` as the workers (staging on the bucket's disk, not /dev/shm). */
function deployWith(b: TestBucket, fake: FakeRemote, opts: Partial<Omit<DeployOptions, 'root' | 'connect'>> = {}): Promise<DeployResult> {
  return deploy({ root: b.root, stageRamDir: null, connect: fake.connect(), ...opts });
}

/** Job `a` on the workers labelled a (W[0], W[1]), job `b` on the one labelled b (W[2]). */
async function twoJobs(b: TestBucket, manifest: object = {}): Promise<void> {
  b.workers([{ host: W[0], labels: ['a'] }, { host: W[1], labels: ['a'] }, { host: W[2], labels: ['b'] }]);
  b.job('a', { version: '1.0.0', selectors: ['a'], ...manifest });
  b.job('b', { version: '1.0.0', selectors: ['b'], ...manifest });
  await b.build();
}

const statuses = (r: DeployResult): string[][] => r.jobs.map((j) => [j.job, j.status]).sort(([x], [y]) => (x! < y! ? -1 : 1));

test('given a bucket deployed once, when it is deployed again with nothing changed, then no remote call is made', async () => {
  await withBucket(async (b) => {
    await twoJobs(b);
    const fake = new FakeRemote();
    assert.deepEqual((await deployWith(b, fake)).failedJobs, []);
    fake.calls.length = 0;

    const r = await deployWith(b, fake);

    assert.deepEqual(statuses(r), [['a', 'unchanged'], ['b', 'unchanged']]);
    assert.deepEqual(fake.calls, []);
    assert.equal(r.updateSeqBumped, false);
  });
});

test('given one job changed, when deployed, then only its workers get its tree and a restart, the others only the bucket files', async () => {
  await withBucket(async (b) => {
    await twoJobs(b);
    const fake = new FakeRemote();
    await deployWith(b, fake);
    fake.calls.length = 0;
    b.write({ 'workspace/jobs/a/app.conf': 'x=1\n' });
    await b.build();

    const r = await deployWith(b, fake);

    assert.deepEqual(statuses(r), [['a', 'deployed'], ['b', 'unchanged']]);
    assert.deepEqual(fake.rsyncs().filter((c) => c.jobs.length > 0).map((c) => [c.ip, c.jobs]), [[W[0], ['a']], [W[1], ['a']]]);
    // the update_seq bump reaches W[2] as worker.json only (Q27), never job a's files or a lifecycle target
    assert.deepEqual(fake.rsyncs(W[2]).map((c) => c.jobs), [[]]);
    assert.deepEqual([W[0], W[1], W[2]].map((ip) => fake.makes(ip)), [['a restart'], ['a restart'], []]);
  });
});

test('given one unreachable worker, when deployed, then only the job placed on it fails and the other job deploys (Q4)', async () => {
  await withBucket(async (b) => {
    await twoJobs(b);
    const fake = new FakeRemote().worker(W[2]!, { unreachable: true });

    const r = await deployWith(b, fake);

    assert.deepEqual(statuses(r), [['a', 'deployed'], ['b', 'failed']]);
    assert.deepEqual(r.failedJobs, ['b']);
    assert.match(r.jobs[1]!.error!, /^job b: worker 10\.0\.0\.3 unreachable \(ssh exit 255\): ssh: connect to host 10\.0\.0\.3 port 22: Connection refused; check the host/);
    assert.deepEqual(fake.rsyncs(W[2]), []);
    assert.deepEqual([W[0], W[1]].map((ip) => fake.makes(ip)), [['a start'], ['a start']]);
  });
});

test('given 24 unreachable workers running two jobs, when deployed, then the cause is one folded line instead of 48 sentences', async () => {
  await withBucket(async (b) => {
    const ips = Array.from({ length: 24 }, (_, i) => `10.0.1.${i + 1}`);
    b.workers(ips.map((host) => ({ host, labels: ['w'] })));
    b.job('a', { version: '1.0.0', selectors: ['w'] });
    b.job('b', { version: '1.0.0', selectors: ['w'] });
    await b.build();
    const fake = new FakeRemote();
    for (const ip of ips) fake.worker(ip, { unreachable: true });

    const r = await deployWith(b, fake);

    assert.deepEqual(r.failedJobs, ['a', 'b']);
    const cause = 'workers 10.0.1.1, 10.0.1.2, 10.0.1.3, 10.0.1.4, 10.0.1.5, 10.0.1.6 and 18 more: unreachable (ssh exit 255): ' +
      'ssh: connect to host <worker> port 22: Connection refused; check the host, its ssh_port and known_hosts, then run maand deploy again';
    assert.deepEqual(r.jobs.map((j) => j.error), [`job a: ${cause}`, `job b: ${cause}`]);
    assert.deepEqual(jobsByCause(r.jobs.map((j) => j.error!)), [`jobs a, b: ${cause}`]);
  });
});

test('given a missing ssh key, when deployed, then the run fails with one MaandError before any rsync or lifecycle target', async () => {
  await withBucket(async (b) => {
    await twoJobs(b);
    const fake = new FakeRemote();
    fake.problem = 'ssh key /b/secrets/worker.key does not exist: put the workers\' private key there (maand.conf ssh_key), then run maand deploy again';

    const err = await deployWith(b, fake).then(() => undefined, (e: unknown) => e);

    assert.ok(err instanceof MaandError, String(err));
    assert.equal(err.message, fake.problem);
    assert.deepEqual(fake.rsyncs(), []);
    assert.deepEqual(W.map((ip) => fake.makes(ip)), [[], [], []]);
    assert.equal(b.scalar('SELECT update_seq FROM bucket'), 0, 'update_seq is bumped only once a worker will change');
    assert.equal(fake.closed, 1, 'the links are closed');
  });
});

test('given a disabled allocation that runs, when a dry run and then two deploys run, then the dry run plans its stop and only the first deploy stops it', async () => {
  await withBucket(async (b) => {
    await twoJobs(b);
    const fake = new FakeRemote();
    await deployWith(b, fake);
    b.write({ 'workspace/disabled.json': JSON.stringify({ jobs: { a: { allocations: [W[1]] } } }) });
    await b.build();
    fake.calls.length = 0;

    const planned = await deployWith(b, fake, { dryRun: true });
    assert.deepEqual(planned.reconcile, [{ job: 'a', workerIp: W[1], action: 'stop', outcome: 'planned' }]);
    assert.deepEqual(fake.calls, [], 'a dry run asks no worker anything');

    const first = await deployWith(b, fake);
    const second = await deployWith(b, fake);

    const bucketId = String(b.scalar('SELECT bucket_id FROM bucket'));
    const stops = fake.runs().filter((c) => c.script === runnerCommand(bucketId, 'stop', 'a'));
    assert.deepEqual(stops.map((c) => c.ip), [W[1]]);
    assert.deepEqual(first.reconcile, [{ job: 'a', workerIp: W[1], action: 'stop', outcome: 'ok' }]);
    assert.deepEqual(second.reconcile, []);
  });
});

test('given a restart failing on the first worker of three, when deployed one per batch, then the later batches never restart', async () => {
  await withBucket(async (b) => {
    b.workers(W.map((host) => ({ host, labels: ['w'] })));
    b.job('a', { version: '1.0.0', selectors: ['w'], max_concurrent_upgrades: 1 });
    await b.build();
    const fake = new FakeRemote();
    await deployWith(b, fake);
    b.write({ 'workspace/jobs/a/app.conf': 'x=2\n' });
    await b.build();
    fake.calls.length = 0;
    fake.worker(W[0]!, { make: { 'a restart': 2 } });

    const r = await deployWith(b, fake);

    assert.deepEqual(r.failedJobs, ['a']);
    assert.equal(r.jobs[0]!.error, `job a: restart batch 1/3 failed: worker ${W[0]}: make restart failed for job a (exit 2); see the output above`);
    const bucketId = String(b.scalar('SELECT bucket_id FROM bucket'));
    const snapshot = snapshotScript(bucketId, 3, [{ job: 'a', id: 2, keep: [1] }]);
    // every worker's release is taken right after its rsync, before (and apart from) its restart call, so a
    // later batch's snapshot is not on the rollout's critical path
    assert.deepEqual(W.map((ip) => fake.runs(ip).map((c) => c.script).filter((x) => x === snapshot)), W.map(() => [snapshot]));
    assert.deepEqual(fake.runs(W[0]).map((c) => c.script).filter((x) => x.startsWith('run_target')), [lifecycleScript(bucketId, 'restart', [{ job: 'a', currentVersion: '1.0.0', newVersion: '1.0.0' }])]);
    const w0 = fake.runs(W[0]).map((c) => c.script);
    assert.ok(w0.indexOf(snapshot) < w0.findIndex((x) => x.startsWith('run_target')), 'the snapshot is taken before make runs');
    assert.deepEqual(W.map((ip) => fake.makes(ip)), [['a restart'], [], []]);
    assert.deepEqual(fake.rsyncs().filter((c) => c.jobs.includes('a')).map((c) => c.ip), W, 'the files went everywhere first');
  });
});
