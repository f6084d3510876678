// maand deploy end to end through a bastion (issue 14): two workers in a private network namespace
// reached only through the bastion (maand.conf ssh_proxy_jump), one worker with "proxy_jump": ""
// reached directly. Loopback blocks 127.0.105 (workers), 127.0.106 (bastion), 127.0.107 (direct).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newBucket, type TestBucket } from '../helpers/bucket.ts';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { startPrivateFleet, type PrivateFleet } from '../harness/private-fleet.ts';
import { deploy } from '../../src/deploy/engine.ts';
import { connectRun } from '../../src/deploy/connect.ts';
import type { DeployEvent, DeployResult } from '../../src/deploy/result.ts';

let fleet: PrivateFleet;
let direct: WorkerSet;
let bucket: TestBucket;
let knownHosts: string;
const events: DeployEvent[] = [];
let webIp: string;
let appIp: string;
let directIp: string;

const HOOK = `import maand
r = maand.run_ssh(maand.allocation_ip(), "touch /opt/worker/hook-reached && echo reached", check=False)
print("SSH rc=%d out=%s err=%s" % (r.returncode, r.stdout.strip(), r.stderr.strip()))
`;

function makefile(ip: string, port: number): string {
  return [
    'start:',
    `\t@nohup python3 -m http.server ${port} --bind ${ip} >/dev/null 2>&1 </dev/null & sleep 0.3`,
    'stop:',
    `\t@pkill -f "http.server ${port} --bind ${ip}" || true`,
    'restart: stop start',
    '',
  ].join('\n');
}

function run(): Promise<DeployResult> {
  events.length = 0;
  return deploy({
    root: bucket.root,
    onEvent: (e) => events.push(e),
    connect: connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: knownHosts }, hookEnv: process.env }),
  });
}

before(async () => {
  fleet = await startPrivateFleet({ name: 'deploy', workerNet: '127.0.105', bastionNet: '127.0.106', count: 2 });
  direct = await startWorkers({ count: 1, net: '127.0.107' });
  [webIp, appIp] = fleet.workers.ips as [string, string];
  directIp = direct.ips[0]!;
  knownHosts = join(fleet.workers.dir, 'run_known_hosts');
  writeFileSync(knownHosts, readFileSync(fleet.knownHosts, 'utf8') + readFileSync(direct.knownHosts, 'utf8'));
  writeFileSync(join(direct.dir, 'authorized_keys'), readFileSync(`${fleet.clientKey}.pub`));
  bucket = await newBucket();
  bucket.write({ 'maand.conf': `use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\nssh_proxy_jump = 'root@${fleet.bastion.ips[0]}'\n` });
  copyFileSync(fleet.clientKey, join(bucket.root, 'secrets', 'worker.key'));
  chmodSync(join(bucket.root, 'secrets', 'worker.key'), 0o600);
  bucket.workers([{ host: webIp, labels: ['web'] }, { host: appIp }, { host: directIp, proxy_jump: '' }]);
  const web = { version: '1.0.0', selectors: ['web'], resources: { ports: { web_port: {} } }, health_check: { checks: [{ type: 'tcp', port: 'web_port' }, { type: 'http', port: 'web_port', path: '/' }], timeout_seconds: 5, wait: { attempts: 10, interval_seconds: 1 } } };
  bucket.job('web', web, { Makefile: 'start:\n\ttrue\n' });
  bucket.job('app', { version: '1.0.0', selectors: ['worker'], commands: { command_probe: { executed_on: ['post_deploy'] } } }, { Makefile: 'start:\n\ttrue\nrestart:\n\ttrue\n', '_modules/command_probe.py': HOOK });
  await bucket.build();
  const port = Number(bucket.scalar("SELECT p.port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = 'web'"));
  bucket.job('web', web, { Makefile: makefile(webIp, port) });
  await bucket.build();
});

after(async () => {
  await fleet?.stop();
  await direct?.stop();
  bucket?.cleanup();
});

test('given workers behind a bastion and one direct, when first deployed, then every job lands and tcp/http probes and run_ssh go through the bastion', async () => {
  const r = await run();
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => [j.job, j.error])) + JSON.stringify(events.filter((e) => e.type === 'health' || (e.type === 'output' && e.stream === 'stderr')).slice(0, 20)));
  for (const ip of [webIp, appIp]) assert.ok(existsSync(join(fleet.workers.optDir(ip), bucket.scalar('SELECT bucket_id FROM bucket') as string, 'jobs', 'app', 'Makefile')));
  assert.ok(existsSync(join(direct.optDir(directIp), bucket.scalar('SELECT bucket_id FROM bucket') as string, 'jobs', 'app', 'Makefile')));
  assert.ok(events.some((e) => e.type === 'health' && e.job === 'web' && e.status === 'passed'), JSON.stringify(events.filter((e) => e.type === 'health')));
  for (const ip of [webIp, appIp]) assert.ok(existsSync(join(fleet.workers.optDir(ip), 'hook-reached')), `run_ssh did not reach ${ip}`);
  assert.equal(fleet.relay.connections(), 1, 'one bastion connection for the whole run');
});

test('given nothing changed, when deployed again, then no connection is opened', async () => {
  const before = fleet.relay.connections();
  const r = await run();
  assert.deepEqual(r.failedJobs, []);
  assert.equal(fleet.relay.connections(), before);
});

test('given one job changed, when deployed, then it rolls out through the bastion', async () => {
  bucket.job('app', { version: '1.1.0', selectors: ['worker'], commands: { command_probe: { executed_on: ['post_deploy'] } } }, { Makefile: 'start:\n\ttrue\nrestart:\n\ttrue\n', '_modules/command_probe.py': HOOK });
  await bucket.build();
  const r = await run();
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => [j.job, j.error])));
  assert.equal(r.jobs.find((j) => j.job === 'app')?.status !== 'failed', true);
});

test('given the bastion is down, when a change is deployed, then the run fails once naming the bastion and nothing changes', async () => {
  await fleet.relay.close();
  bucket.job('app', { version: '1.2.0', selectors: ['worker'] }, { Makefile: 'start:\n\ttrue\nrestart:\n\ttrue\n' });
  await bucket.build();
  const seqBefore = bucket.scalar('SELECT update_seq FROM bucket');
  await assert.rejects(run(), (e: Error) => {
    assert.match(e.message, new RegExp(`^bastion root@${fleet.bastion.ips[0]!.replaceAll('.', '\\.')} unreachable \\(ssh exit 255\\)`));
    return true;
  });
  assert.equal(bucket.scalar('SELECT update_seq FROM bucket'), seqBefore);
});
