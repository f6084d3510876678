// The bastion transport (issue 14) against real sshd: workers in a network namespace only a
// bastion reaches (test/harness/private-fleet.ts).
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemoteExecutor, type JumpAddress, type WorkerTarget } from '../../src/remote/executor.ts';
import { remoteFailureMessage } from '../../src/remote/errors.ts';
import { failureOf } from '../../src/remote/result.ts';
import { run } from '../harness/run.ts';
import { startPrivateFleet, type PrivateFleet } from '../harness/private-fleet.ts';

async function accepted(logFile: string): Promise<number> {
  return (await readFile(logFile, 'utf8')).split('\n').filter((l) => l.includes('Accepted publickey')).length;
}

describe('workers behind a bastion', () => {
  let f: PrivateFleet;
  let ex: RemoteExecutor;
  let bastion: JumpAddress;
  let worker: (ip: string, jumps?: JumpAddress[], knownHosts?: string) => WorkerTarget;

  before(async () => {
    f = await startPrivateFleet({ name: 'transport', workerNet: '127.0.101', bastionNet: '127.0.102', innerNet: '127.0.103', count: 12 });
    bastion = { user: 'root', host: f.bastion.ips[0]!, port: 22 };
    worker = (ip, jumps = [bastion], knownHosts = f.knownHosts) => ({
      host: ip, user: 'root', port: 0, keyFile: f.clientKey, knownHostsFile: knownHosts, hostKeyPolicy: 'strict', jumps,
    });
  });
  after(async () => {
    await f?.stop();
  });
  beforeEach(async () => {
    ex = await RemoteExecutor.create({ maxStartups: 4 });
  });
  afterEach(async () => {
    await ex.close();
  });

  test('given the private fleet, when the runner sshes to a worker directly, then nothing answers', async () => {
    const r = await run('ssh', ['-F', '/dev/null', '-i', f.clientKey, '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=3', '-o', `UserKnownHostsFile=${f.knownHosts}`, `root@${f.workers.ips[0]}`, 'true']);
    assert.equal(r.exitCode, 255);
    assert.match(r.stderr, /Connection refused/);
  });

  test('given 12 workers behind one bastion with stock MaxStartups, when each runs commands at once, then all succeed over one bastion login', async () => {
    const relayBefore = f.relay.connections();
    const loginsBefore = await accepted(f.bastion.logFile(f.bastion.ips[0]!));
    const results = await Promise.all(f.workers.ips.flatMap((ip) => [1, 2, 3].map(() => ex.run(worker(ip), ['cat /opt/worker/.marker 2>/dev/null || hostname -I >/dev/null; echo ok']))));
    for (const r of results) assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(f.relay.connections() - relayBefore, 1);
    assert.equal((await accepted(f.bastion.logFile(f.bastion.ips[0]!))) - loginsBefore, 1);
    for (const ip of f.workers.ips) assert.equal(await accepted(f.workers.logFile(ip)) >= 1, true);
  });

  test('given a worker behind the bastion, when a tree is rsynced, then it arrives through the bastion', async () => {
    const src = await mkdtemp(join(tmpdir(), 'maand-bastion-rsync-'));
    try {
      await writeFile(join(src, 'hello.txt'), 'through the bastion\n');
      const ip = f.workers.ips[1]!;
      const r = await ex.rsync(worker(ip), { sourceDir: src, remoteDir: '/opt/worker/rsync-test', useSudo: false });
      assert.equal(r.exitCode, 0, r.stderr);
      assert.equal(await readFile(join(f.workers.optDir(ip), 'rsync-test', 'hello.txt'), 'utf8'), 'through the bastion\n');
    } finally {
      await rm(src, { recursive: true, force: true });
    }
  });

  test('given a two-hop chain, when a worker runs a command, then it goes through both bastions', async () => {
    const second: JumpAddress = { user: 'root', host: f.inner!.ips[0]!, port: 22 };
    const before = await accepted(f.inner!.logFile(second.host));
    const r = await ex.run(worker(f.workers.ips[2]!, [bastion, second]), ['echo two hops']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, 'two hops\n');
    assert.equal((await accepted(f.inner!.logFile(second.host))) - before, 1);
  });

  test('given a known_hosts with a wrong key for the bastion, when a worker is reached, then the bastion is refused and named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maand-bastion-kh-'));
    try {
      const text = await readFile(f.knownHosts, 'utf8');
      const other = (await readFile(f.workers.knownHosts, 'utf8')).split('\n')[0]!.split(' ').slice(1).join(' ');
      const wrong = text.split('\n').map((l) => (l.startsWith(`${bastion.host} `) ? `${bastion.host} ${other}` : l)).join('\n');
      const kh = join(dir, 'known_hosts');
      await writeFile(kh, wrong);
      const r = await ex.run(worker(f.workers.ips[3]!, [bastion], kh), ['true']);
      assert.equal(r.exitCode, 255);
      assert.equal(r.hop, `root@${bastion.host}`);
      assert.equal(failureOf(r), 'host-key-changed');
      assert.match(remoteFailureMessage(r, failureOf(r)!), new RegExp(`^bastion root@${bastion.host.replaceAll('.', '\\.')}: host key changed`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('given a bastion nothing listens on, when a worker is reached, then the failure names the bastion', async () => {
    const down: JumpAddress = { user: 'root', host: '127.0.110.250', port: 22 };
    const r = await ex.run(worker(f.workers.ips[4]!, [down]), ['true']);
    assert.equal(r.exitCode, 255);
    assert.match(remoteFailureMessage(r, failureOf(r)!), /^bastion root@127\.0\.110\.250 unreachable \(ssh exit 255\): .*Connection refused/);
  });

  test('given a worker address nothing listens on behind the bastion, when it is reached, then only that worker fails, named with the bastion', async () => {
    const r = await ex.run(worker('127.0.101.200'), ['true']);
    assert.equal(r.exitCode, 255);
    assert.equal(r.hop, undefined);
    // the bastion's refusal line races ssh's exit: either it or ssh's own line is the reason
    assert.match(
      remoteFailureMessage(r, failureOf(r)!),
      new RegExp(`^worker 127\\.0\\.101\\.200 unreachable through bastion root@${bastion.host.replaceAll('.', '\\.')} \\(ssh exit 255\\): (Stdio forwarding request failed|kex_exchange_identification: Connection closed)`),
    );
    const ok = await ex.run(worker(f.workers.ips[5]!), ['echo still fine']);
    assert.equal(ok.stdout, 'still fine\n');
  });
});
