// `maand health` (the bundled CLI, dist/cli/index.js) against workers behind a bastion (issue 14):
// the manifest's tcp, http and ssh probes reach the workers only through the bastion, over one
// bastion connection per run. Loopback blocks 127.0.104 (workers, in the namespace) and 127.0.108
// (bastion).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { newBucket, type TestBucket } from '../helpers/bucket.ts';
import { startPrivateFleet, type PrivateFleet } from '../harness/private-fleet.ts';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
let fleet: PrivateFleet;
let bucket: TestBucket;

/** Async: the relay into the namespace runs in this process, so its event loop must keep turning. */
async function maand(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args, '--known-hosts', fleet.knownHosts], { cwd: bucket.root, env: { ...process.env, MAAND_QUIET: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { status, stdout, stderr };
}

/**
 * An http server on the worker's own address: the workers share one network namespace (and the
 * host's process table), and ssh's SSH_CONNECTION names the address this worker was reached at.
 */
function webMakefile(port: number): string {
  return [
    "IP := $(shell echo $$SSH_CONNECTION | cut -d' ' -f3)",
    'start:',
    `\t@nohup python3 -m http.server ${port} --bind $(IP) >/dev/null 2>&1 </dev/null & sleep 0.3`,
    'stop:',
    `\t@pkill -f "http[.]server ${port} --bind $(IP)" || true`,
    'restart: stop start',
    '',
  ].join('\n');
}

const WEB = (port?: number): [object, Record<string, string>] => [
  {
    version: '1.0.0',
    selectors: ['worker'],
    resources: { ports: { web_port: {} } },
    health_check: { checks: [{ type: 'tcp', port: 'web_port' }, { type: 'http', port: 'web_port', path: '/' }, { type: 'ssh', command: 'test -d /opt/worker' }], timeout_seconds: 5 },
  },
  { Makefile: port === undefined ? 'start:\n\ttrue\n' : webMakefile(port) },
];

before(async () => {
  fleet = await startPrivateFleet({ name: 'health', workerNet: '127.0.104', bastionNet: '127.0.108', count: 2 });
  bucket = await newBucket();
  bucket.write({ 'maand.conf': `use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\nssh_proxy_jump = 'root@${fleet.bastion.ips[0]}'\n` });
  copyFileSync(fleet.clientKey, join(bucket.root, 'secrets', 'worker.key'));
  chmodSync(join(bucket.root, 'secrets', 'worker.key'), 0o600);
  bucket.workers(fleet.workers.ips.map((host) => ({ host })));
  bucket.job('web', ...WEB());
  await bucket.build();
  const port = Number(bucket.scalar("SELECT p.port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = 'web'"));
  bucket.job('web', ...WEB(port));
  await bucket.build();
  const d = await maand(['deploy']);
  assert.equal(d.status, 0, d.stderr);
});

after(async () => {
  await fleet?.stop();
  bucket?.cleanup();
});

test('given a deployed job behind a bastion, when maand health runs, then its tcp, http and ssh probes pass over one bastion connection', async () => {
  const before = fleet.relay.connections();
  const r = await maand(['health', '--jobs', 'web']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /health check passed: web/);
  assert.equal(fleet.relay.connections() - before, 1, 'one bastion connection for the whole run');
});

test('given the job stopped on one worker, when maand health runs, then it fails naming that worker', async () => {
  const ip = fleet.workers.ips[1]!;
  const port = Number(bucket.scalar("SELECT p.port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = 'web'"));
  const stop = await fleet.workers.exec(ip, `pkill -f "http[.]server ${port} --bind ${ip}"; true`);
  assert.equal(stop.exitCode, 0, stop.stderr);
  const r = await maand(['health', '--jobs', 'web']);
  assert.notEqual(r.status, 0, r.stdout);
  assert.match(r.stdout + r.stderr, new RegExp(ip.replaceAll('.', '\\.')));
  assert.doesNotMatch(r.stdout + r.stderr, new RegExp(fleet.workers.ips[0]!.replaceAll('.', '\\.') + '.*(refused|failed)'));
});
