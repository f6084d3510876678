// Workers reached as a non-root user with use_sudo = true (decision Q16): every worker command, rsync
// (`sudo rsync` on the worker), ssh health probes and drift detection run as root through sudo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, type DeployFixture } from './fixture.ts';
import { detectDrift } from '../../src/drift/detect.ts';
import { connectRun } from '../../src/deploy/connect.ts';

const WHOAMI_MAKEFILE = [
  'start:',
  '\t@mkdir -p data && id -u > data/uid && echo start >> data/events.log',
  'stop:',
  '\t@mkdir -p data && echo stop >> data/events.log',
  'restart: stop start',
  '',
].join('\n');

let f: DeployFixture;
let ips: string[];
before(async () => {
  f = await deployFixture('127.0.65', 2, { sudoUser: 'deployer' });
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  f.bucket.job('app', {
    version: '1.0.0', selectors: ['worker'],
    health_check: { checks: [{ type: 'ssh', command: 'test "$(id -u)" = 0 && test -f /opt/worker/*/jobs/app/Makefile' }], timeout_seconds: 10 },
  }, { Makefile: WHOAMI_MAKEFILE, 'conf/app.conf': 'a=1\n' });
  f.bucket.job('extra', { version: '1.0.0', selectors: ['worker'] }, { Makefile: WHOAMI_MAKEFILE });
  await f.bucket.build();
});
after(async () => f.close());

test('given a non-root user with use_sudo, jobs are deployed and started as root and the ssh health probe runs as root', async () => {
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => j.error)));
  for (const ip of ips) {
    assert.equal(f.remoteFile(ip, 'app', 'data/uid'), '0\n');
    assert.deepEqual(f.lifecycle(ip, 'app'), ['start']);
    const conf = statSync(join(f.workers.optDir(ip), f.bucketId(), 'jobs', 'app', 'conf', 'app.conf'));
    assert.equal(conf.uid, 0, 'rsync ran as root on the worker');
  }
});

test('drift detection reads the workers through sudo rsync too', async () => {
  const d = await detectDrift({ root: f.bucket.root, connect: connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: f.workers.knownHosts } }) });
  assert.deepEqual(d.driftedJobs, []);
  assert.deepEqual(d.unreachable, []);
  assert.ok(d.jobs.find((j) => j.job === 'app')?.allocations.every((a) => a.status === 'in-sync'));
});

test('removing a job stops it and removes its files through sudo', async () => {
  f.bucket.remove('workspace/jobs/extra');
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  for (const ip of ips) {
    assert.deepEqual(f.lifecycle(ip, 'extra'), ['start', 'stop'], 'data/ survives the cleanup');
    assert.equal(f.remoteFile(ip, 'extra', 'Makefile'), undefined);
  }
});

test('without use_sudo the same user cannot write the root-owned bucket: the job fails naming the worker', async () => {
  f.bucket.write({ 'maand.conf': "use_sudo = false\nssh_user = 'deployer'\nssh_key = 'worker.key'\n", 'workspace/jobs/app/conf/app.conf': 'a=2\n' });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, ['app']);
  const error = r.jobs.find((j) => j.job === 'app')!.error!;
  // one cause, said once with the workers it hit
  assert.match(error, new RegExp(`^job app: workers ${ips.map((ip) => ip.replaceAll('.', '\\.')).join(', ')}: rsync failed \\(exit 23\\): rsync: .*Permission denied`));
});
