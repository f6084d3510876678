import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { check, RemoteCommandError } from './remote-check.ts';
import { RemoteExecutor, type WorkerTarget } from '../../src/remote/executor.ts';
import { runProcess } from '../../src/remote/run-process.ts';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';

function thrown(fn: () => unknown): RemoteCommandError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof RemoteCommandError, String(e));
    return e;
  }
  assert.fail('expected a RemoteCommandError');
}

async function acceptedConnections(w: WorkerSet, ip: string): Promise<number> {
  return (await readFile(w.logFile(ip), 'utf8')).split('\n').filter((l) => l.includes('Accepted publickey')).length;
}

describe('remote executor against real workers', () => {
  let w: WorkerSet;
  let ex: RemoteExecutor;
  let worker: (ip: string) => WorkerTarget;

  before(async () => {
    w = await startWorkers({ count: 2, net: '127.0.46' });
    worker = (ip) => ({
      host: ip,
      user: w.sshUser,
      port: 0,
      keyFile: w.clientKey,
      knownHostsFile: w.knownHosts,
      hostKeyPolicy: 'strict',
    });
  });
  after(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    ex = await RemoteExecutor.create();
  });
  afterEach(async () => {
    await ex.close();
  });

  test('a script runs on the worker with its env and returns exit code and output', async () => {
    const r = await ex.run(worker(w.ips[0]!), ['echo "v=$NEW_VERSION on $(cat /etc/hostname >/dev/null; echo ok)"'], {
      env: { NEW_VERSION: '1.2.0' },
    });
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, 'v=1.2.0 on ok\n');
    assert.equal(check(r), r);
  });

  test('commands run under set -e: a failing line stops the script and its exit code comes back', async () => {
    const r = await ex.run(worker(w.ips[0]!), ['echo before', 'sh -c "echo broken >&2; exit 7"', 'echo after']);
    assert.equal(r.exitCode, 7);
    assert.equal(r.stdout, 'before\n');
    const e = thrown(() => check(r));
    assert.equal(e.message, 'worker 127.0.46.1: command execution failed (exit 7): broken');
  });

  test('stdout and stderr lines stream through onLine as they are produced', async () => {
    const seen: string[] = [];
    await ex.run(worker(w.ips[0]!), ['echo one', 'echo two >&2', 'printf three'], {
      onLine: (stream, line) => seen.push(`${stream}:${line}`),
    });
    assert.deepEqual(seen.sort(), ['stderr:two', 'stdout:one', 'stdout:three']);
  });

  test('a second command to the same worker reuses the ControlMaster connection', async () => {
    const ip = w.ips[0]!;
    await ex.run(worker(ip), ['true']);
    const before = await acceptedConnections(w, ip);
    const r = await ex.run(worker(ip), ['echo again']);
    assert.equal(r.stdout, 'again\n');
    assert.equal(await acceptedConnections(w, ip), before);
    assert.equal((await readdir(ex.controlDir)).length, 1);
  });

  test('commands started together to a worker not yet connected share one connection', async () => {
    const fresh = await RemoteExecutor.create();
    try {
      const ip = w.ips[1]!;
      const before = await acceptedConnections(w, ip);
      const rs = await Promise.all([1, 2, 3, 4].map((n) => fresh.run(worker(ip), [`echo ${n}`])));
      assert.deepEqual(rs.map((r) => r.stdout), ['1\n', '2\n', '3\n', '4\n']);
      assert.equal(await acceptedConnections(w, ip), before + 1);
    } finally {
      await fresh.close();
    }
  });

  test('the control socket directory is private to this user', async () => {
    const { stat } = await import('node:fs/promises');
    assert.equal((await stat(ex.controlDir)).mode & 0o777, 0o700);
  });

  test('close ends every ControlMaster and removes the socket directory', async () => {
    await Promise.all(w.ips.map((ip) => ex.run(worker(ip), ['true'])));
    const sockets = await readdir(ex.controlDir);
    assert.equal(sockets.length, 2);
    const dir = ex.controlDir;
    await ex.close();
    assert.equal(existsSync(dir), false);
    for (const s of sockets) {
      const r = await runProcess('ssh', ['-o', `ControlPath=${dir}/${s}`, '-O', 'check', 'x']);
      assert.notEqual(r.exitCode, 0);
    }
    await assert.rejects(ex.run(worker(w.ips[0]!), ['true']), /closed/);
  });

  test('a stopped worker fails with ssh exit 255 and a message naming it', async () => {
    const ip = w.ips[1]!;
    await w.stopWorker(ip);
    try {
      const r = await ex.run(worker(ip), ['true']);
      assert.equal(r.exitCode, 255);
      const e = thrown(() => check(r));
      assert.equal(e.failure, 'unreachable');
      assert.equal(e.result.host, ip);
      assert.match(e.message, /^worker 127\.0\.46\.2 unreachable \(ssh exit 255\): .*Connection refused; check the host/);
    } finally {
      await w.startWorker(ip);
    }
  });

  test('a command that outlives its timeout is killed and reported as timed out', async () => {
    const r = await ex.run(worker(w.ips[0]!), ['echo started', 'sleep 60'], { timeoutMs: 1500 });
    assert.equal(r.timedOut, true);
    assert.equal(r.exitCode, -1);
    assert.equal(r.stdout, 'started\n');
    assert.equal(thrown(() => check(r)).failure, 'timeout');
  });

  test('the remote timeout ends a command the worker itself runs too long', async () => {
    const r = await ex.run(worker(w.ips[0]!), ['sleep 60'], { remoteTimeoutSeconds: 1 });
    assert.equal(r.exitCode, 124);
  });

  test('aborting the signal kills the command', async () => {
    const ac = new AbortController();
    const r = await ex.run(worker(w.ips[0]!), ['echo ready', 'sleep 60'], {
      signal: ac.signal,
      onLine: (_s, line) => line === 'ready' && ac.abort(),
    });
    assert.equal(r.aborted, true);
    assert.equal(thrown(() => check(r)).failure, 'aborted');
  });

  test('captured output keeps only the tail beyond the cap', async () => {
    const r = await ex.run(worker(w.ips[0]!), ['seq 1 200000'], { outputCapBytes: 1000 });
    assert.equal(r.exitCode, 0);
    assert.equal(r.truncated, true);
    assert.equal(Buffer.byteLength(r.stdout), 1000);
    assert.ok(r.stdout.endsWith('199999\n200000\n'));
  });

  test('a script is fed on stdin, so quotes and $ reach bash untouched', async () => {
    const r = await ex.runScript(worker(w.ips[0]!), `#!/bin/bash\nx='a "b" $c'\necho "$x"\n`);
    assert.equal(r.stdout, 'a "b" $c\n');
  });
});
