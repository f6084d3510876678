// Faults of the runner's ssh access, through the bundled CLI: the ssh key missing (issue 11's
// reproduction) or unreadable, ssh_user rejected by the workers, `ssh` or `rsync` missing from PATH.
// Each fails the deploy once with one line and leaves nothing behind; once repaired, the next deploy
// rolls out the change the failed one could not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';
import { assertFailedCleanly, cleanupRuns, deployArgs, deployments, maand, pathWith } from './cli.ts';

const NET = '127.0.85';
let f: DeployFixture;
let ips: string[];
let version = 0;

before(async () => {
  f = await deployFixture(NET, 2);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  f.bucket.job('web', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE, 'conf/web.conf': 'v=0\n' });
  const first = await maand(f.bucket.root, deployArgs(f.workers.knownHosts, '--build'));
  assert.equal(first.code, 0, first.stderr);
});
after(async () => {
  await f.close();
  cleanupRuns();
});

const keyFile = (): string => join(f.bucket.root, 'secrets', 'worker.key');

/** Changes one file of web and builds, as a user would before the deploy that meets the fault. */
async function changeAndBuild(): Promise<string> {
  version++;
  f.bucket.write({ 'workspace/jobs/web/conf/web.conf': `v=${version}\n` });
  const b = await maand(f.bucket.root, ['build']);
  assert.equal(b.code, 0, b.stderr);
  return `v=${version}\n`;
}

/** The fault is repaired: the next deploy rolls the change out to every worker and the catalog says so. */
async function assertNextDeployFinishes(conf: string): Promise<void> {
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assert.equal(r.code, 0, r.stderr);
  for (const ip of ips) {
    assert.equal(f.remoteFile(ip, 'web', 'conf/web.conf'), conf, ip);
    assert.equal(f.lifecycle(ip, 'web').at(-1), 'restart 1.0.0 1.0.0', ip);
  }
  assert.deepEqual(await deployments(f.bucket.root), { web: Object.fromEntries(ips.map((ip) => [ip, 'promoted'])) });
}

/** Before the repair the workers still run the old files, and the catalog does not claim the new ones. */
async function assertNothingRolledOut(conf: string): Promise<void> {
  for (const ip of ips) assert.notEqual(f.remoteFile(ip, 'web', 'conf/web.conf'), conf, ip);
  assert.deepEqual(await deployments(f.bucket.root), { web: Object.fromEntries(ips.map((ip) => [ip, 'restart'])) });
}

test('given the ssh key was removed (the issue 11 reproduction), deploy fails once naming the key; restoring it lets the next deploy finish', async () => {
  const conf = await changeAndBuild();
  rmSync(keyFile());
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: .*ssh key .*worker\.key.* does not exist/);
  await assertNothingRolledOut(conf);
  copyFileSync(f.workers.clientKey, keyFile());
  chmodSync(keyFile(), 0o600);
  await assertNextDeployFinishes(conf);
});

test('given the ssh key is a directory, deploy fails once naming the key', async () => {
  const conf = await changeAndBuild();
  rmSync(keyFile());
  mkdirSync(keyFile());
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: .*ssh key .*worker\.key/);
  await assertNothingRolledOut(conf);
  rmSync(keyFile(), { recursive: true });
  copyFileSync(f.workers.clientKey, keyFile());
  chmodSync(keyFile(), 0o600);
  await assertNextDeployFinishes(conf);
});

test('given the ssh key is garbage, ssh refuses it and deploy fails once naming the workers and the key', async () => {
  const conf = await changeAndBuild();
  writeFileSync(keyFile(), 'this is not a private key\n', { mode: 0o600 });
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: .*workers 127\.0\.85\.1, 127\.0\.85\.2: .*(key|Permission denied)/);
  await assertNothingRolledOut(conf);
  copyFileSync(f.workers.clientKey, keyFile());
  await assertNextDeployFinishes(conf);
});

test('given an ssh_user the workers reject, deploy fails once naming the workers and the user', async () => {
  const conf = await changeAndBuild();
  f.bucket.write({ 'maand.conf': "use_sudo = false\nssh_user = 'nosuchuser'\nssh_key = 'worker.key'\n" });
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: .*workers 127\.0\.85\.1, 127\.0\.85\.2: .*nosuchuser/);
  await assertNothingRolledOut(conf);
  f.bucket.write({ 'maand.conf': "use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\n" });
  await assertNextDeployFinishes(conf);
});

test('given ssh is not on PATH, deploy fails once before contacting a worker, saying to install it', async () => {
  const conf = await changeAndBuild();
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts), { path: pathWith(['rsync', 'sh']) });
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: .*\bssh\b.*PATH/);
  await assertNothingRolledOut(conf);
  await assertNextDeployFinishes(conf);
});

test('given rsync is not on PATH, deploy fails once before contacting a worker, saying to install it', async () => {
  const conf = await changeAndBuild();
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts), { path: pathWith(['ssh', 'sh']) });
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: .*\brsync\b.*PATH/);
  await assertNothingRolledOut(conf);
  await assertNextDeployFinishes(conf);
});
