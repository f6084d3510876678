// tcp, http and ssh probes (spec kv §5.4, §10.10 items 83-85) against local listeners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { httpProbe, tcpProbe } from '../../src/health/probes.ts';
import { sshProbe } from '../../src/health/ssh-probe.ts';

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
  assert.equal(await sshProbe('10.0.0.1', '  ', () => Promise.reject(new Error('not called')), 1000), 'ssh 10.0.0.1: empty command');
});

test('an ssh probe of a command without ssh access says so', async () => {
  assert.equal(await sshProbe('10.0.0.1', 'true', undefined, 1000), 'ssh 10.0.0.1: this command has no ssh access to the workers');
});

test('an ssh probe that the transport cannot run names the reason', async () => {
  const r = await sshProbe('10.0.0.1', 'true', () => Promise.resolve({ exitCode: -1, stdout: '', stderr: '', timedOut: false, message: 'ssh key /k does not exist' }), 1000);
  assert.equal(r, 'ssh 10.0.0.1: ssh key /k does not exist: ');
});
