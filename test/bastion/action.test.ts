// The bundled action (dist/main + dist/post) with the ssh-proxy-jump input (issue 14): workers in a
// private network namespace reached only through the bastion; maand.conf names no bastion, so the
// input alone routes the run. Deploy, then command drift in report and correct mode, each over one
// bastion connection. State stays in the bucket folder (state-backend none). Loopback blocks
// 127.0.109 (workers, in the namespace) and 127.0.110 (bastion).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrivateFleet, type PrivateFleet } from '../harness/private-fleet.ts';
import { JobRun, type StepResult } from '../action/runner.ts';
import { Checkout, lifecycle, remoteFile } from '../action/workspace.ts';

let fleet: PrivateFleet;
let co: Checkout;
let inputs: Record<string, string>;
let bucketId = '';
let runId = 1400;
const runs: JobRun[] = [];

async function step(extra: Record<string, string> = {}): Promise<{ main: StepResult; post: StepResult; bastionConnections: number }> {
  const r = new JobRun(runId++, { workspace: co.dir, eventName: 'schedule' });
  runs.push(r);
  const before = fleet.relay.connections();
  const { main, post } = await r.both({ ...inputs, ...extra });
  return { main, post, bastionConnections: fleet.relay.connections() - before };
}

before(async () => {
  fleet = await startPrivateFleet({ name: 'action', workerNet: '127.0.109', bastionNet: '127.0.110', count: 2 });
  co = new Checkout();
  co.bucketFor(fleet.workers.ips);
  co.job('app', { version: '1.0.0', selectors: ['worker'] }, { 'conf/app.conf': 'a=1\n' });
  co.job('other', { version: '1.0.0', selectors: ['worker'] });
  inputs = {
    bucket: 'infra',
    'state-backend': 'none',
    'ssh-private-key': readFileSync(fleet.clientKey, 'utf8'),
    'known-hosts': readFileSync(fleet.knownHosts, 'utf8'),
    'ssh-proxy-jump': `root@${fleet.bastion.ips[0]}`,
  };
});

after(async () => {
  await fleet?.stop();
  for (const r of runs) r.cleanup();
  co?.cleanup();
});

test('given ssh-proxy-jump and workers only the bastion reaches, when the action deploys, then every job lands over one bastion connection', async () => {
  const { main, post, bastionConnections } = await step();
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  bucketId = (JSON.parse(readFileSync(main.outputs['plan']!, 'utf8')) as { report: { bucketId: string } }).report.bucketId;
  for (const ip of fleet.workers.ips) {
    assert.deepEqual(lifecycle(fleet.workers, ip, bucketId, 'app'), ['start 1.0.0']);
    assert.deepEqual(lifecycle(fleet.workers, ip, bucketId, 'other'), ['start 1.0.0']);
  }
  assert.equal(main.outputs['changed'], 'true');
  assert.equal(bastionConnections, 1);
});

test('given a file changed by hand on a worker behind the bastion, when command drift reports, then the job is named and nothing changes', async () => {
  assert.notEqual(bucketId, '', 'the deploy test ran first');
  const ip2 = fleet.workers.ips[1]!;
  writeFileSync(join(fleet.workers.optDir(ip2), bucketId, 'jobs', 'app', 'conf', 'app.conf'), 'a=hacked\n');
  const { main, bastionConnections } = await step({ command: 'drift' });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(main.outputs['drift-detected'], 'true');
  assert.equal(main.outputs['drifted-jobs'], 'app');
  assert.ok(main.warnings.includes(`maand: drift: job app drifted: ${ip2}: conf/app.conf`), main.warnings.join('\n'));
  assert.equal(remoteFile(fleet.workers, ip2, bucketId, 'app', 'conf/app.conf'), 'a=hacked\n', 'report mode changes nothing');
  assert.equal(bastionConnections, 1);
});

test('given that drift, when command drift corrects, then exactly the drifted allocation is redeployed through the bastion and no drift is left', async () => {
  assert.notEqual(bucketId, '', 'the deploy test ran first');
  const [ip1, ip2] = fleet.workers.ips as [string, string];
  const { main, bastionConnections } = await step({ command: 'drift', drift: 'correct' });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(main.outputs['drift-detected'], 'true');
  assert.equal(main.outputs['changed'], 'true');
  assert.equal(remoteFile(fleet.workers, ip2, bucketId, 'app', 'conf/app.conf'), 'a=1\n');
  assert.deepEqual(lifecycle(fleet.workers, ip2, bucketId, 'app'), ['start 1.0.0', 'restart 1.0.0']);
  assert.deepEqual(lifecycle(fleet.workers, ip1, bucketId, 'app'), ['start 1.0.0'], 'the in-sync allocation is not touched');
  assert.deepEqual(lifecycle(fleet.workers, ip2, bucketId, 'other'), ['start 1.0.0'], 'other jobs are not redeployed');
  assert.equal(bastionConnections, 1, 'detection and correction share one bastion connection');
  const again = await step({ command: 'drift' });
  assert.equal(again.main.outputs['drift-detected'], 'false', again.main.stdout);
});
