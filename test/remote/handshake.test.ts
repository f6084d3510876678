import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelOpenFailure, handshakeBackoffMs, retryableHandshake, StartupLimiter, tunnelledStartupLimit } from '../../src/remote/handshake.ts';
import type { ProcessResult } from '../../src/remote/run-process.ts';

const ssh = (stderr: string, exitCode = 255): ProcessResult => ({ exitCode, stdout: '', stderr, timedOut: false, aborted: false, truncated: false, durationMs: 1 });

test('given a handshake dropped before authentication, when judged, then it is tried again', () => {
  assert.equal(retryableHandshake(ssh('kex_exchange_identification: read: Connection reset by peer\n')), true);
  assert.equal(retryableHandshake(ssh('ssh: connect to host 127.0.0.1 port 22: Connection timed out\n')), true);
});

test('given an authentication, host-key or channel failure, when judged, then it is never tried again', () => {
  assert.equal(retryableHandshake(ssh('root@127.0.0.1: Permission denied (publickey).\n')), false);
  assert.equal(retryableHandshake(ssh('Host key verification failed.\nkex_exchange_identification: Connection reset by peer\n')), false);
  assert.equal(retryableHandshake(ssh('channel 0: open failed: connect failed: Connection timed out\n')), false);
  assert.equal(retryableHandshake(ssh('kex_exchange_identification: Connection reset by peer\n', 1)), false, 'not an ssh failure');
});

test('given the attempts so far, when the backoff is drawn, then it grows four times per attempt with at most 50 % jitter', () => {
  for (let i = 0; i < 50; i++) {
    const first = handshakeBackoffMs(1);
    const second = handshakeBackoffMs(2);
    assert.ok(first >= 250 && first <= 375, String(first));
    assert.ok(second >= 1000 && second <= 1500, String(second));
  }
});

test('given a bastion that could not open the channel, when its stderr is read, then that line is named', () => {
  assert.equal(channelOpenFailure('debug\nchannel 0: open failed: connect failed: No route to host\n'), 'channel 0: open failed: connect failed: No route to host');
  assert.equal(channelOpenFailure('Permission denied\n'), undefined);
});

test('given a limit of 2, when 5 handshakes start at once, then never more than 2 run and each waiter gets a freed slot', async () => {
  const limiter = new StartupLimiter(2);
  let running = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all([0, 1, 2, 3, 4].map(async (i) => {
    const release = await limiter.acquire();
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 10));
    order.push(i);
    running--;
    release();
    release(); // a second release of the same slot frees nothing more
  }));
  assert.equal(most, 2);
  assert.deepEqual(order.sort(), [0, 1, 2, 3, 4]);
});

test('given ssh_max_startups, when the limit for handshakes inside a bastion connection is set, then it is at least 64 and never below the setting', () => {
  assert.equal(tunnelledStartupLimit(10), 64);
  assert.equal(tunnelledStartupLimit(200), 200);
});
