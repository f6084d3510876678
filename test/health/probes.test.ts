// tcp, http and ssh probes (spec kv §5.4, §10.10 items 83-85) against local listeners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { httpProbe, tcpProbe } from '../../src/health/probes.ts';
import { probeRemoteCommand, sshArgv, sshProbe, type SshTarget } from '../../src/health/ssh-probe.ts';

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const s = createTcpServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

const target: SshTarget = { user: 'agent', keyPath: '/nonexistent/worker.key', port: 2222, useSudo: false, hostKeyPolicy: 'accept-new', knownHostsFiles: ['/b/secrets/known_hosts', '~/.ssh/known_hosts'] };

test('a tcp probe succeeds against a listening port', async () => {
  const s = createTcpServer((c) => c.destroy());
  const port = await listen(s);
  try {
    assert.equal(await tcpProbe('127.0.0.1', port, 100), undefined);
  } finally {
    s.close();
  }
});

test('a tcp probe against a closed port fails naming the address', async () => {
  const port = await closedPort();
  assert.match((await tcpProbe('127.0.0.1', port, 100))!, new RegExp(`^tcp 127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`));
});

test('an http probe succeeds on the expected status and fails on another one', async () => {
  const s = createHttpServer((req, res) => {
    if (req.url === '/health') res.end('ok');
    else if (req.url === '/moved') res.writeHead(302, { Location: '/health' }).end();
    else if (req.url === '/loop') res.writeHead(302, { Location: '/loop' }).end();
    else res.writeHead(404).end();
  });
  const port = await listen(s);
  const probe = (path: string, expectStatus = 200) => httpProbe({ ip: '127.0.0.1', port, path, scheme: 'http', expectStatus, timeoutMs: 2000 });
  try {
    assert.equal(await probe('/health'), undefined);
    assert.equal(await probe('/missing'), `http http://127.0.0.1:${port}/missing: status 404 want 200`);
    assert.equal(await probe('/missing', 404), undefined);
    assert.equal(await probe('/moved'), undefined);
    assert.equal(await probe('/loop'), `http http://127.0.0.1:${port}/loop: stopped after 10 redirects`);
  } finally {
    s.close();
  }
});

test('an http probe is bounded by its timeout', async () => {
  const s = createHttpServer(() => {});
  const port = await listen(s);
  try {
    assert.equal(await httpProbe({ ip: '127.0.0.1', port, path: '/', scheme: 'http', expectStatus: 200, timeoutMs: 100 }), `http http://127.0.0.1:${port}/: timeout after 100ms`);
  } finally {
    s.closeAllConnections();
    s.close();
  }
});

test('an ssh probe with a blank command fails with "empty command"', async () => {
  assert.equal(await sshProbe('10.0.0.1', '  ', target, 1000, () => Promise.reject(new Error('not called'))), 'ssh 10.0.0.1: empty command');
});

test('an ssh probe without its key file fails naming the key', async () => {
  assert.match((await sshProbe('10.0.0.1', 'true', target, 1000, () => Promise.reject(new Error('not called'))))!, /^ssh 10\.0\.0\.1: ssh key \/nonexistent\/worker\.key: ENOENT/);
});

test('the ssh command line honours ssh_port and the known-hosts policy', () => {
  assert.equal(
    sshArgv('10.0.0.1', target, 'systemctl is-active api', 5).join(' '),
    '-o BatchMode=yes -o ConnectTimeout=5 -o LogLevel=ERROR -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new ' +
      '-o UserKnownHostsFile=/b/secrets/known_hosts ~/.ssh/known_hosts -i /nonexistent/worker.key -p 2222 agent@10.0.0.1 systemctl is-active api',
  );
  assert.ok(sshArgv('10.0.0.1', { ...target, hostKeyPolicy: 'insecure' }, 'true', 5).includes('UserKnownHostsFile=/dev/null'));
});

test('with use_sudo the probe command runs under sudo -E bash -lc, quoted', () => {
  assert.equal(probeRemoteCommand("test -f '/x'", true), `sudo -E bash -lc 'test -f '\\''/x'\\'''`);
  assert.equal(probeRemoteCommand('true', false), 'true');
});
