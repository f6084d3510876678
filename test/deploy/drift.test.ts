// Drift detection and correction against real workers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';
import { detectDrift } from '../../src/drift/detect.ts';
import { connectRun } from '../../src/deploy/connect.ts';

let f: DeployFixture;
let ips: string[];
const connect = (): ReturnType<typeof connectRun> => connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: f.workers.knownHosts } });
before(async () => {
  f = await deployFixture('127.0.55', 2);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE, 'conf/app.conf': 'a=1\n' });
  f.bucket.job('other', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE });
  await f.bucket.build();
  await f.deploy();
});
after(async () => f.close());

test('a deployed bucket has no drift', async () => {
  const d = await detectDrift({ root: f.bucket.root, connect: connect() });
  assert.deepEqual(d.driftedJobs, []);
  assert.ok(d.jobs.every((j) => j.allocations.every((a) => a.status === 'in-sync')));
});

test('a file changed or deleted by hand on a worker is reported, and correcting redeploys exactly that job', async () => {
  const dir = `${f.workers.optDir(ips[1]!)}/${f.bucketId()}/jobs/app`;
  writeFileSync(`${dir}/conf/app.conf`, 'a=hacked\n');
  rmSync(`${dir}/Makefile.bak`, { force: true });
  const d = await detectDrift({ root: f.bucket.root, connect: connect(), markForCorrection: true });
  assert.deepEqual(d.driftedJobs, ['app']);
  const app = d.jobs.find((j) => j.job === 'app')!;
  assert.deepEqual(app.allocations.map((a) => [a.workerIp, a.status, a.files]), [[ips[0], 'in-sync', []], [ips[1], 'drifted', ['conf/app.conf']]]);
  const r = await f.deploy({ jobs: d.driftedJobs });
  assert.deepEqual(r.failedJobs, []);
  assert.equal(f.remoteFile(ips[1]!, 'app', 'conf/app.conf'), 'a=1\n');
  assert.equal(f.lifecycle(ips[1]!, 'app').at(-1), 'restart 1.0.0 1.0.0');
  assert.deepEqual(f.lifecycle(ips[0]!, 'app'), ['start 0.0.0 1.0.0'], 'the in-sync allocation is not touched');
  assert.deepEqual(f.lifecycle(ips[1]!, 'other'), ['start 0.0.0 1.0.0']);
  const after = await detectDrift({ root: f.bucket.root, connect: connect() });
  assert.deepEqual(after.driftedJobs, []);
});

test('a workspace change not yet deployed is pending, not drift', async () => {
  f.bucket.write({ 'workspace/jobs/other/new.txt': 'n\n' });
  await f.bucket.build();
  const d = await detectDrift({ root: f.bucket.root, connect: connect() });
  assert.deepEqual(d.driftedJobs, []);
  assert.deepEqual(d.pendingJobs, ['other']);
});
