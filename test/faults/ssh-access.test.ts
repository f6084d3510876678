// Faults of the runner's ssh access, through the bundled CLI: the ssh key missing (issue 11's
// reproduction) or unreadable, ssh_user rejected by the workers, `ssh` or `rsync` missing from PATH.
// Each fails the deploy once with one line and leaves nothing behind; once repaired, the next deploy
// rolls out the change the failed one could not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertFailedCleanly, deployments, pathWith } from './cli.ts';
import { faultBucket, type FaultBucket } from './bucket.ts';

let fb: FaultBucket;
let ips: string[];

before(async () => {
  fb = await faultBucket('127.0.85', 2);
  ips = fb.ips;
});
after(async () => fb.close());

const keyFile = (): string => join(fb.f.bucket.root, 'secrets', 'worker.key');

/** Before the repair the workers still run the old files, and the catalog does not claim the new ones. */
async function assertNothingRolledOut(conf: string): Promise<void> {
  for (const ip of ips) assert.notEqual(fb.f.remoteFile(ip, 'app', 'conf/app.conf'), conf, ip);
  assert.deepEqual(await deployments(fb.f.bucket.root), { app: Object.fromEntries(ips.map((ip) => [ip, 'restart'])) });
}

test('given the ssh key was removed (the issue 11 reproduction), deploy fails once naming the key; restoring it lets the next deploy finish', async () => {
  const conf = await fb.changeAndBuild();
  rmSync(keyFile());
  const r = await fb.deploy();
  assertFailedCleanly(r, fb.f.bucket.root, 'deploy', /^maand deploy failed: .*ssh key .*worker\.key.* does not exist/);
  await assertNothingRolledOut(conf);
  copyFileSync(fb.f.workers.clientKey, keyFile());
  chmodSync(keyFile(), 0o600);
  await fb.assertNextDeployFinishes(conf);
});

test('given the ssh key is a directory, deploy fails once naming the key', async () => {
  const conf = await fb.changeAndBuild();
  rmSync(keyFile());
  mkdirSync(keyFile());
  const r = await fb.deploy();
  assertFailedCleanly(r, fb.f.bucket.root, 'deploy', /^maand deploy failed: .*ssh key .*worker\.key/);
  await assertNothingRolledOut(conf);
  rmSync(keyFile(), { recursive: true });
  copyFileSync(fb.f.workers.clientKey, keyFile());
  chmodSync(keyFile(), 0o600);
  await fb.assertNextDeployFinishes(conf);
});

test('given the ssh key is garbage, ssh refuses it and deploy fails once naming the workers and the key', async () => {
  const conf = await fb.changeAndBuild();
  writeFileSync(keyFile(), 'this is not a private key\n', { mode: 0o600 });
  const r = await fb.deploy();
  assertFailedCleanly(r, fb.f.bucket.root, 'deploy', /^maand deploy failed: job app: workers 127\.0\.85\.1, 127\.0\.85\.2: unreachable \(ssh exit 255\): .*Permission denied \(publickey\)\.; the worker refused the login: check ssh_user and the ssh key/);
  await assertNothingRolledOut(conf);
  copyFileSync(fb.f.workers.clientKey, keyFile());
  await fb.assertNextDeployFinishes(conf);
});

test('given an ssh_user the workers reject, deploy fails once naming the workers and the user', async () => {
  const conf = await fb.changeAndBuild();
  fb.f.bucket.write({ 'maand.conf': "use_sudo = false\nssh_user = 'nosuchuser'\nssh_key = 'worker.key'\n" });
  const r = await fb.deploy();
  assertFailedCleanly(r, fb.f.bucket.root, 'deploy', /^maand deploy failed: job app: workers 127\.0\.85\.1, 127\.0\.85\.2: unreachable \(ssh exit 255\): nosuchuser@<worker>: Permission denied \(publickey\)\.; the worker refused the login: check ssh_user and the ssh key/);
  await assertNothingRolledOut(conf);
  fb.f.bucket.write({ 'maand.conf': "use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\n" });
  await fb.assertNextDeployFinishes(conf);
});

const logins = (): number => ips.reduce((n, ip) => n + (readFileSync(fb.f.workers.logFile(ip), 'utf8').match(/Accepted publickey/g) ?? []).length, 0);

for (const [missing, present, pkg] of [['ssh', 'rsync', 'openssh-client'], ['rsync', 'ssh', 'rsync']] as const) {
  test(`given ${missing} is not on PATH, deploy fails once before contacting a worker, saying to install it`, async () => {
    const conf = await fb.changeAndBuild();
    const before = logins();
    const r = await fb.deploy([], { path: pathWith([present, 'sh']) });
    assertFailedCleanly(r, fb.f.bucket.root, 'deploy', new RegExp(`^maand deploy failed: .*${missing} is not installed on this machine \\(not found on PATH\\): install ${pkg}, then run maand again`));
    assert.equal(logins(), before, 'no worker was contacted');
    await assertNothingRolledOut(conf);
    await fb.assertNextDeployFinishes(conf);
  });
}
