// The bundled CLI (dist/cli/index.js) against real workers: exit codes, one-line errors, SIGINT.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
let f: DeployFixture;
let ips: string[];

function maand(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: f.bucket.root, encoding: 'utf8', env: { ...process.env, MAAND_QUIET: '' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  f = await deployFixture('127.0.58', 2);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  const slowStart = RECORDING_MAKEFILE.replace('start:\n', 'start:\n\t@sleep 1\n');
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1, commands: { command_hello: { executed_on: ['cli'] }, command_ok: { executed_on: ['health_check'] } } }, {
    Makefile: slowStart,
    '_modules/command_hello.py': 'import maand\nprint("hello from", maand.allocation_ip())\nmaand.put_job_variable("hello", "yes")\n',
    '_modules/command_ok.py': '',
  });
  f.bucket.write({ 'known_hosts': '' });
  await f.bucket.build();
});
after(async () => f.close());

test('every command has --help', () => {
  for (const cmd of [[], ['init'], ['build'], ['deploy'], ['job'], ['job', 'run'], ['health'], ['jobcommand'], ['cat'], ['cat', 'deployments'], ['cat', 'kv'], ['cat', 'kv', 'get']]) {
    const r = maand([...cmd, '--help']);
    assert.equal(r.status, 0, `maand ${cmd.join(' ')} --help: ${r.stderr}`);
    assert.match(r.stdout, /Usage: maand/);
  }
});

test('an unknown --jobs name exits non-zero with one clear line and nothing deployed', () => {
  const r = maand(['deploy', '--jobs', 'app,nope', '--known-hosts', f.workers.knownHosts]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^maand deploy failed: invalid argument: unknown job nope in the job selection/);
  assert.deepEqual(f.lifecycle(ips[0]!, 'app'), []);
});

test('SIGINT mid-rollout finishes the running batch, exits non-zero, and the next deploy continues', async () => {
  const child = spawn(process.execPath, [CLI, 'deploy', '--known-hosts', f.workers.knownHosts], { cwd: f.bucket.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.includes('start batch 1/2') && !child.killed) child.kill('SIGINT');
  });
  const code = await new Promise<number>((res) => child.on('exit', (c) => res(c ?? -1)));
  assert.equal(code, 1, stderr);
  assert.match(stderr, /SIGINT: cancelling: the running batch finishes/);
  assert.match(stderr, /deploy cancelled:/);
  assert.deepEqual(f.lifecycle(ips[0]!, 'app'), ['start 0.0.0 1.0.0']);
  assert.deepEqual(f.lifecycle(ips[1]!, 'app'), []);
  const again = maand(['deploy', '--known-hosts', f.workers.knownHosts]);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(f.lifecycle(ips[0]!, 'app'), ['start 0.0.0 1.0.0']);
  assert.deepEqual(f.lifecycle(ips[1]!, 'app'), ['start 0.0.0 1.0.0']);
});

test('maand job run, the reference form maand job <target> <job>, health and jobcommand work against the workers', () => {
  const run = maand(['job', 'run', 'app', '--target', 'reload', '--known-hosts', f.workers.knownHosts]);
  assert.equal(run.status, 0, run.stderr);
  const alias = maand(['job', 'stop', 'app', '--known-hosts', f.workers.knownHosts]);
  assert.equal(alias.status, 0, alias.stderr);
  for (const ip of ips) assert.deepEqual(f.lifecycle(ip, 'app').slice(-2), ['reload 1.0.0 1.0.0', 'stop']);
  const health = maand(['health', '--jobs', 'app']);
  assert.equal(health.status, 0, health.stderr);
  assert.match(health.stdout, /health check passed: app/);
  const cmd = maand(['jobcommand', 'command_hello', 'app']);
  assert.equal(cmd.status, 0, cmd.stderr);
  assert.match(cmd.stderr, /hello from 127\.0\.58\.1/);
  assert.equal(f.bucket.kvGet('vars/job/app', 'hello'), 'yes');
});

test('maand health runs all ssh probes of a worker over one connection', async () => {
  f.bucket.job('probed', { version: '1.0.0', selectors: ['worker'], health_check: { checks: [{ type: 'ssh', command: 'true' }, { type: 'ssh', command: 'test -d /opt/worker' }], timeout_seconds: 10 } });
  await f.bucket.build();
  const logins = (): number[] => ips.map((ip) => (readFileSync(f.workers.logFile(ip), 'utf8').match(/Accepted publickey/g) ?? []).length);
  const before = logins();
  const r = maand(['health', '--jobs', 'probed', '--known-hosts', f.workers.knownHosts]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /health check passed: probed/);
  assert.deepEqual(logins().map((n, i) => n - before[i]!), [1, 1]);
});
