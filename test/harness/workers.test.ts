import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { run } from './run.ts';
import { startWorkers, type WorkerSet } from './workers.ts';

/** True while `pid` is a live process (a zombie waiting for its reaper counts as gone). */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

async function listening(ip: string): Promise<boolean> {
  return (await run('ss', ['-Hltn', `src ${ip}:22`])).stdout.trim() !== '';
}

describe('test workers', () => {
  let w: WorkerSet;
  before(async () => {
    w = await startWorkers({ count: 3, net: '127.0.42' });
  });
  after(async () => {
    await w?.stop();
  });

  test('three workers answer ssh as root on their own loopback address', async () => {
    assert.deepEqual(w.ips, ['127.0.42.1', '127.0.42.2', '127.0.42.3']);
    for (const ip of w.ips) {
      const r = await w.exec(ip, 'id -un; echo "$SSH_CONNECTION" | cut -d" " -f3');
      assert.equal(r.exitCode, 0, r.stderr);
      assert.equal(r.stdout, `root\n${ip}\n`);
    }
  });

  test('the known_hosts file holds one ed25519 key per worker', async () => {
    const lines = (await readFile(w.knownHosts, 'utf8')).trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 2).join(' ')), w.ips.map((ip) => `${ip} ssh-ed25519`));
  });

  test('each worker sees only its own /opt/worker', async () => {
    await writeFile(`${w.optDir(w.ips[0]!)}/mine`, 'one\n');
    assert.equal((await w.exec(w.ips[0]!, 'cat /opt/worker/mine')).stdout, 'one\n');
    const other = await w.exec(w.ips[1]!, 'ls -A /opt/worker');
    assert.equal(other.stdout, '');
    assert.equal(existsSync('/opt/worker/mine'), false);
  });

  test('files a worker writes under /opt/worker appear in its optDir on the host', async () => {
    await w.exec(w.ips[2]!, 'mkdir -p /opt/worker/b/jobs && echo x > /opt/worker/b/jobs/f');
    assert.equal(await readFile(`${w.optDir(w.ips[2]!)}/b/jobs/f`, 'utf8'), 'x\n');
  });

  test('a stopped worker refuses ssh with exit 255 and comes back after startWorker', async () => {
    const ip = w.ips[1]!;
    await w.stopWorker(ip);
    assert.equal((await w.exec(ip, 'true')).exitCode, 255);
    await w.startWorker(ip);
    const r = await w.exec(ip, 'echo back');
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, 'back\n');
  });

  test('stopWorker with keepJobs leaves job processes running while ssh fails', async () => {
    const ip = w.ips[2]!;
    const r = await w.exec(ip, 'setsid sleep 4242 </dev/null >/dev/null 2>&1 & echo $!');
    const pid = Number(r.stdout.trim());
    await w.stopWorker(ip, { keepJobs: true });
    assert.equal((await w.exec(ip, 'true')).exitCode, 255);
    assert.equal(await alive(pid), true);
    await w.startWorker(ip);
    assert.equal((await w.exec(ip, 'true')).exitCode, 0);
  });

  test('reset kills job processes and empties /opt/worker but keeps sshd', async () => {
    const ip = w.ips[0]!;
    const r = await w.exec(ip, 'mkdir -p /opt/worker/b; setsid sleep 4343 </dev/null >/dev/null 2>&1 & echo $!');
    const pid = Number(r.stdout.trim());
    await w.reset();
    assert.equal(await alive(pid), false);
    assert.equal((await w.exec(ip, 'ls -A /opt/worker')).stdout, '');
    assert.equal((await w.exec(ip, 'echo x > /opt/worker/after-reset && cat /opt/worker/after-reset')).stdout, 'x\n', 'the worker can still write /opt/worker');
    assert.equal(readFileSync(join(w.optDir(ip), 'after-reset'), 'utf8'), 'x\n');
  });
});

test('stop kills every sshd and every process the workers started, and removes the temp dir', async () => {
  const w = await startWorkers({ count: 2, net: '127.0.43' });
  let stopped = false;
  try {
    const pids: number[] = [];
    for (const ip of w.ips) {
      // a daemon the way `make start` leaves one: double fork, own session, detached from ssh
      const r = await w.exec(
        ip,
        `(setsid sh -c 'echo $$ >/opt/worker/d.pid; exec sleep 4444' </dev/null >/dev/null 2>&1 &)
         until [ -s /opt/worker/d.pid ]; do sleep 0.01; done; cat /opt/worker/d.pid`,
      );
      pids.push(Number(r.stdout.trim()));
    }
    for (const pid of pids) assert.equal(await alive(pid), true);
    await w.stop();
    stopped = true;
    for (const pid of pids) assert.equal(await alive(pid), false, `pid ${pid} survived stop()`);
    for (const ip of w.ips) assert.equal(await listening(ip), false, `${ip}:22 still listening`);
    assert.equal(existsSync(w.dir), false);
  } finally {
    if (!stopped) await w.stop();
  }
});

test('starting workers on an address already in use fails and names the address', async () => {
  const w = await startWorkers({ count: 1, net: '127.0.44' });
  try {
    await assert.rejects(startWorkers({ count: 2, net: '127.0.44' }), /127\.0\.44\.1:22 is already in use/);
  } finally {
    await w.stop();
  }
});

test('a block outside loopback is rejected before anything starts', async () => {
  await assert.rejects(startWorkers({ count: 1, net: '10.0.0' }), /must be a loopback block/);
});
