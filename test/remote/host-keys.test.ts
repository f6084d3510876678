import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, RemoteCommandError } from './remote-check.ts';
import { RemoteExecutor, type WorkerTarget } from '../../src/remote/executor.ts';
import type { HostKeyPolicy } from '../../src/remote/ssh-options.ts';
import { runProcess } from '../../src/remote/run-process.ts';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';

function failure(fn: () => unknown): RemoteCommandError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof RemoteCommandError, String(e));
    return e;
  }
  assert.fail('expected a RemoteCommandError');
}

// Each test gets a fresh executor: a ControlMaster opened under one policy would let later
// connections skip the host key check entirely.
describe('host key checking against a real worker', () => {
  let w: WorkerSet;
  let ex: RemoteExecutor;
  let dir: string;
  let ip: string;
  let foreignKey: string;

  const target = (knownHostsFile: string, hostKeyPolicy: HostKeyPolicy): WorkerTarget => ({
    host: ip,
    user: w.sshUser,
    port: 22,
    keyFile: w.clientKey,
    knownHostsFile,
    hostKeyPolicy,
  });

  before(async () => {
    w = await startWorkers({ count: 1, net: '127.0.48' });
    ip = w.ips[0]!;
    // a key the worker does not have, to stand in for a reinstalled machine
    const scratch = await mkdtemp(join(tmpdir(), 'maand-hostkey-'));
    await runProcess('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(scratch, 'k')]);
    foreignKey = (await readFile(join(scratch, 'k.pub'), 'utf8')).split(' ').slice(0, 2).join(' ');
    await rm(scratch, { recursive: true, force: true });
  });
  after(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    ex = await RemoteExecutor.create();
    dir = await mkdtemp(join(tmpdir(), 'maand-known-'));
  });
  afterEach(async () => {
    await ex.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('strict: a worker missing from known_hosts is refused, naming the host', async () => {
    const kh = join(dir, 'known_hosts');
    await writeFile(kh, '');
    const r = await ex.run(target(kh, 'strict'), ['true']);
    assert.equal(r.exitCode, 255);
    const e = failure(() => check(r));
    assert.equal(e.failure, 'host-key-unknown');
    assert.ok(e.message.startsWith(`worker ${ip}: host key unknown (ssh exit 255): no key for ${ip} in ${kh} `), e.message);
  });

  test('strict: a worker whose key is recorded is accepted', async () => {
    const r = await ex.run(target(w.knownHosts, 'strict'), ['echo ok']);
    assert.equal(r.exitCode, 0, r.stderr);
  });

  test('accept-new: a first-seen worker is trusted and its key recorded', async () => {
    const kh = join(dir, 'known_hosts');
    await writeFile(kh, '');
    check(await ex.run(target(kh, 'accept-new'), ['true']));
    const found = await runProcess('ssh-keygen', ['-F', ip, '-f', kh]);
    assert.equal(found.exitCode, 0, 'the key was not recorded');
    const recorded = (await readFile(w.knownHosts, 'utf8')).split(' ').slice(1, 3).join(' ').trim();
    assert.ok(found.stdout.includes(recorded));
  });

  test('accept-new: a changed key fails loudly, naming the host and how to forget the old key', async () => {
    const kh = join(dir, 'known_hosts');
    await writeFile(kh, `${ip} ${foreignKey}\n`);
    const r = await ex.run(target(kh, 'accept-new'), ['true']);
    const e = failure(() => check(r));
    assert.equal(e.failure, 'host-key-changed');
    assert.ok(e.message.startsWith(`worker ${ip}: host key changed (ssh exit 255)`));
    assert.ok(e.message.includes(`'ssh-keygen -R ${ip} -f ${kh}'`));
    assert.equal(await readFile(kh, 'utf8'), `${ip} ${foreignKey}\n`, 'the recorded key must not be replaced');
  });

  test('strict: a changed key is reported as changed, not as unreachable', async () => {
    const kh = join(dir, 'known_hosts');
    await writeFile(kh, `${ip} ${foreignKey}\n`);
    const r = await ex.run(target(kh, 'strict'), ['true']);
    assert.equal(failure(() => check(r)).failure, 'host-key-changed');
  });

  test('insecure: checking is off, a wrong recorded key does not matter and nothing is written', async () => {
    const kh = join(dir, 'known_hosts');
    await writeFile(kh, `${ip} ${foreignKey}\n`);
    const r = await ex.run(target(kh, 'insecure'), ['echo ok']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(await readFile(kh, 'utf8'), `${ip} ${foreignKey}\n`);
  });
});
