// A hook's maand.run_ssh reaches workers with the run's own ssh options (issue 15): the run's
// known_hosts and host-key policy, never an accept-new of its own. Real sshd worker on 127.0.76.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runOk } from '../harness/run.ts';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';

let f: DeployFixture;
let ip: string;

/** pre_deploy runs before the engine opens any connection, so run_ssh has no master to lean on. */
const PROBE = `import maand
r = maand.run_ssh(maand.allocation_ip(), "touch /opt/worker/reached && echo reached", check=False)
print("SSH rc=%d out=%s err=%s" % (r.returncode, r.stdout.strip(), r.stderr.strip().replace("\\n", " | ")))
`;

/** The worker's host key files, and a copy of the original pair to restore. */
const hostKey = (): string => join(dirname(f.workers.logFile(ip)), 'host_key');
const reached = (): string => join(f.workers.optDir(ip), 'reached');
const probeLine = (): string => f.events.flatMap((e) => (e.type === 'output' && e.text.includes('SSH rc=') ? [e.text] : [])).join('\n');

async function restartWith(keyFrom: (file: string) => Promise<void>): Promise<void> {
  await f.workers.stopWorker(ip, { keepJobs: true });
  for (const file of [hostKey(), `${hostKey()}.pub`]) rmSync(file);
  await keyFrom(hostKey());
  await f.workers.startWorker(ip);
}

before(async () => {
  f = await deployFixture('127.0.76', 1);
  ip = f.workers.ips[0]!;
  f.bucket.workers([{ host: ip }]);
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE });
  await f.bucket.build();
  const first = await f.deploy();
  assert.deepEqual(first.failedJobs, []);
  for (const ext of ['', '.pub']) copyFileSync(`${hostKey()}${ext}`, `${hostKey()}.orig${ext}`);
  // the probe arrives after the first deploy: nothing has seen the worker's key but the run's known_hosts
  f.bucket.job('sshy', { version: '1.0.0', selectors: ['worker'], commands: { command_probe: { executed_on: ['pre_deploy'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    '_modules/command_probe.py': PROBE,
  });
  await f.bucket.build();
});

after(async () => {
  await f?.close();
});

test("given the worker's host key changed after the first deploy, when a pre_deploy hook calls run_ssh, then ssh refuses it and the command never runs", async () => {
  await restartWith((file) => runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rotated', '-f', file]).then(() => undefined));
  await f.deploy({ jobs: ['sshy'] });
  assert.match(probeLine(), /SSH rc=255 .*Host key verification failed/);
  assert.equal(existsSync(reached()), false, 'the hook ran a command on a worker whose host key changed');
});

test("given the worker's key is the one in the run's known_hosts, when a pre_deploy hook calls run_ssh, then it reaches the worker", async () => {
  await restartWith(async (file) => {
    for (const ext of ['', '.pub']) copyFileSync(`${file}.orig${ext}`, `${file}${ext}`);
  });
  const r = await f.deploy({ jobs: ['sshy'] });
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => j.error)));
  assert.match(probeLine(), /SSH rc=0 out=reached/);
  assert.ok(existsSync(reached()));
});
