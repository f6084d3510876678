// Faults on one worker while the others are fine, through the bundled CLI: rsync unusable there, its
// disk full during rsync, its sshd killed mid-rsync and mid-make. Only the jobs on that worker fail
// (a job's files go to all its workers before any restarts, so a failed rsync holds back the whole
// job, never half of it), the deploy fails with one line naming the worker, nothing is left behind,
// the catalog promotes only what runs on a worker, and once the worker is repaired the next deploy
// finishes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';
import { assertFailedCleanly, deployments } from './cli.ts';
import { faultBucket, type FaultBucket } from './bucket.ts';

let fb: FaultBucket;
let f: DeployFixture;
let ips: string[];
let good: string;
let bad: string;

before(async () => {
  fb = await faultBucket('127.0.86', 2, {
    workers: ([a, b]) => [{ host: a, labels: ['solo'] }, { host: b }],
    // a job only on the good worker: a fault on the other one must not hold it back
    define: (x) => x.bucket.job('solo', { version: '1.0.0', selectors: ['solo'] }, { Makefile: RECORDING_MAKEFILE, 'conf/solo.conf': 'v=0\n' }),
    alsoChanged: ['solo'],
  });
  ({ f, ips } = fb);
  [good, bad] = ips as [string, string];
});
after(async () => fb.close());

const changeAndBuild = (files?: Record<string, string>): Promise<string> => fb.changeAndBuild(files);
const deployApp = (): ReturnType<FaultBucket['deploy']> => fb.deploy();

/** solo, on the good worker only, got the change and is promoted; app is held back on both workers. */
async function assertOnlyBadWorkersJobsBehind(conf: string): Promise<void> {
  assert.equal(f.remoteFile(good, 'solo', 'conf/solo.conf'), conf);
  assert.equal(f.lifecycle(good, 'solo').at(-1), 'restart 1.0.0 1.0.0');
  assert.notEqual(f.remoteFile(bad, 'app', 'conf/app.conf'), conf);
  assert.equal(f.lifecycle(good, 'app').at(-1), restarted.get(good), 'app is not restarted anywhere');
  assert.deepEqual(await deployments(f.bucket.root), { app: { [good]: 'restart', [bad]: 'restart' }, solo: { [good]: 'promoted' } });
}

/** The last lifecycle line of app per worker before the faulty deploy. */
const restarted = new Map<string, string | undefined>();
function rememberLifecycle(): void {
  for (const ip of ips) restarted.set(ip, f.lifecycle(ip, 'app').at(-1));
}

async function assertNextDeployFinishes(conf: string): Promise<void> {
  const soloRestarts = f.lifecycle(good, 'solo').length;
  await fb.assertNextDeployFinishes(conf);
  assert.equal(f.lifecycle(good, 'solo').length, soloRestarts, 'the promoted job is not restarted again');
  assert.deepEqual((await deployments(f.bucket.root))['solo'], { [good]: 'promoted' });
}

/** A file of `path` (inside the workers' dir) that only root's `x` bits would run: none, so exec fails. */
function unusableProgram(): string {
  const p = join(f.workers.dir, 'not-rsync');
  writeFileSync(p, '');
  chmodSync(p, 0o000);
  return p;
}

test('given rsync cannot run on one worker, only the jobs on it fail, naming the worker and rsync; the next deploy finishes', async () => {
  rememberLifecycle();
  const conf = await changeAndBuild();
  // rsync is not removable from a shared /usr/bin: a non-executable file is bound over it in that worker's namespace
  await f.workers.mount(bad, '/usr/bin/rsync', { bind: unusableProgram() });
  try {
    const r = await deployApp();
    assertFailedCleanly(r, f.bucket.root, 'deploy', new RegExp(`^maand deploy failed: job app: worker ${bad.replaceAll('.', '\\.')}: rsync .*(Permission denied|not found)`));
    await assertOnlyBadWorkersJobsBehind(conf);
  } finally {
    await f.workers.unmount(bad, '/usr/bin/rsync');
  }
  await assertNextDeployFinishes(conf);
});

test('given one worker\'s disk fills up during rsync, only the jobs on it fail, naming the worker and the full disk; the next deploy finishes', async () => {
  rememberLifecycle();
  const conf = await changeAndBuild({ 'data.bin': 'x'.repeat(1024 * 1024) });
  await f.workers.mount(bad, '/opt/worker', { tmpfsKiB: 256 });
  try {
    const r = await deployApp();
    assertFailedCleanly(r, f.bucket.root, 'deploy', new RegExp(`^maand deploy failed: job app: worker ${bad.replaceAll('.', '\\.')}: rsync .*No space left on device`));
    await assertOnlyBadWorkersJobsBehind(conf);
  } finally {
    await f.workers.unmount(bad, '/opt/worker');
  }
  await assertNextDeployFinishes(conf);
});

/** A program for the worker that signals it started (a marker the test sees) and then runs `then`. */
function slowRsync(marker: string): string {
  const real = join(f.workers.dir, 'rsync.real');
  if (!existsSync(real)) copyFileSync('/usr/bin/rsync', real);
  const p = join(f.workers.dir, 'slow-rsync');
  writeFileSync(p, `#!/bin/sh\ntouch ${marker}\nsleep 2\nexec ${real} "$@"\n`, { mode: 0o755 });
  return p;
}

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(25);
  assert.ok(existsSync(file), `${file} did not appear`);
}

test('given one worker\'s sshd is killed mid-rsync, only the jobs on it fail, naming the worker; the next deploy finishes', async () => {
  rememberLifecycle();
  const conf = await changeAndBuild();
  const marker = join(f.workers.dir, 'rsync-started');
  rmSync(marker, { force: true });
  await f.workers.mount(bad, '/usr/bin/rsync', { bind: slowRsync(marker) });
  const running = deployApp();
  await waitFor(marker);
  await f.workers.stopWorker(bad);
  const r = await running;
  assertFailedCleanly(r, f.bucket.root, 'deploy', new RegExp(`^maand deploy failed: job app: worker ${bad.replaceAll('.', '\\.')}[: ]`));
  await assertOnlyBadWorkersJobsBehind(conf);
  await f.workers.startWorker(bad); // a fresh namespace: the slow rsync is gone
  await assertNextDeployFinishes(conf);
});

test('given one worker\'s sshd is killed mid-make, the job fails naming the worker; the next deploy restarts it', async () => {
  const marker = join(f.workers.dir, 'make-started');
  rmSync(marker, { force: true });
  // only the worker holding /opt/worker/.slow dawdles in make restart, long enough to be cut off
  const slowRestart = RECORDING_MAKEFILE.replace('restart:\n', `restart:\n\t@if [ -f /opt/worker/.slow ]; then touch ${marker}; sleep 3; fi\n`);
  rememberLifecycle();
  const conf = await changeAndBuild({ Makefile: slowRestart });
  writeFileSync(join(f.workers.optDir(bad), '.slow'), '');
  const running = deployApp();
  await waitFor(marker);
  await f.workers.stopWorker(bad);
  rmSync(join(f.workers.optDir(bad), '.slow'));
  const r = await running;
  assertFailedCleanly(r, f.bucket.root, 'deploy', new RegExp(`^maand deploy failed: job app: restart batch 2/2 failed: worker ${bad.replaceAll('.', '\\.')} unreachable .*; check the host`));
  // one worker per batch: the good one's batch was promoted, the cut-off one is restarted by the next deploy
  assert.equal(f.lifecycle(good, 'app').at(-1), 'restart 1.0.0 1.0.0');
  assert.equal(f.lifecycle(bad, 'app').at(-1), restarted.get(bad), 'make restart was cut off before it recorded anything');
  assert.deepEqual(await deployments(f.bucket.root), { app: { [good]: 'promoted', [bad]: 'restart' }, solo: { [good]: 'promoted' } });
  const appRestartsOnGood = f.lifecycle(good, 'app').length;
  await f.workers.startWorker(bad);
  await assertNextDeployFinishes(conf);
  assert.equal(f.lifecycle(good, 'app').length, appRestartsOnGood, 'the promoted allocation is not restarted again');
});
