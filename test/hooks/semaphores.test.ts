// Semaphores of the runtime API (spec kv §3.10, §10.8), over HTTP, with three allocations of `api`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allocId, call, hookFixture, manifestWith, type HookFixture } from './helpers.ts';

describe('semaphores', () => {
  let f: HookFixture;
  let a: string;
  let b: string;
  let c: string;
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2', '10.0.0.3'], {
      api: { manifest: manifestWith({ command_x: ['job_control'] }), files: { '_modules/command_x.py': '' } },
    });
    [a, b, c] = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((ip) => allocId(f.db, 'api', ip)) as [string, string, string];
  });
  after(async () => {
    await f.close();
  });

  const acquire = (alloc: string, name: string, capacity?: number, timeout_seconds?: number, event = 'job_control') =>
    call(f.api, 'POST', '/semaphore/acquire', { alloc, event, body: { name, capacity, timeout_seconds } });
  const release = (alloc: string, name: string, event = 'job_control') => call(f.api, 'POST', '/semaphore/release', { alloc, event, body: { name } });
  const status = async (name: string, event = 'job_control') =>
    (await call(f.api, 'GET', `/semaphore/status?name=${name}`, { alloc: a, event })).json() as { holders: string[] | null; waiting: number; available: number; capacity: number };
  const until = async (cond: () => Promise<boolean>): Promise<void> => {
    while (!(await cond())) await new Promise((r) => setTimeout(r, 5));
  };

  test('with capacity 1 a second acquirer waits until the holder releases, then holds it', async () => {
    const first = await acquire(a, 'one', 1);
    assert.equal(first.status, 200);
    assert.deepEqual(first.json(), { name: 'one', allocation_id: a, capacity: 1, acquired: true });
    let granted = false;
    const second = acquire(b, 'one', 1).then((r) => ((granted = true), r));
    await until(async () => (await status('one')).waiting === 1);
    assert.equal(granted, false);
    assert.equal((await release(a, 'one')).status, 200);
    assert.equal((await second).status, 200);
    assert.deepEqual((await status('one')).holders, [b]);
    assert.equal((await release(b, 'one')).status, 200);
  });

  test('with capacity 2 two allocations hold it at once and a third times out with 408', async () => {
    assert.equal((await acquire(a, 'two', 2)).status, 200);
    assert.equal((await acquire(b, 'two', 2)).status, 200);
    const late = await acquire(c, 'two', 2, 1);
    assert.deepEqual([late.status, late.text], [408, 'Timed out waiting for semaphore\n']);
    assert.equal((await status('two')).waiting, 0);
    await release(a, 'two');
    assert.equal((await acquire(c, 'two', 2, 1)).status, 200);
    assert.deepEqual((await status('two')).holders, [b, c].sort());
  });

  test('a leader semaphore and a follower semaphore are independent', async () => {
    assert.equal((await acquire(a, 'deploy_leader', 1)).status, 200);
    assert.equal((await acquire(b, 'deploy_followers', 2)).status, 200);
    assert.equal((await acquire(c, 'deploy_followers', 2)).status, 200);
    assert.deepEqual((await status('deploy_leader')).holders, [a]);
    assert.equal((await status('deploy_followers')).available, 0);
  });

  test('acquire is re-entrant for a holder', async () => {
    assert.equal((await acquire(a, 'again')).status, 200);
    assert.equal((await acquire(a, 'again')).status, 200);
    assert.deepEqual((await status('again')).holders, [a]);
  });

  test('a capacity above 64, a capacity different from the first acquire, and a release by a non-holder are 409', async () => {
    const conflict = [409, 'Semaphore acquire or release failed\n'];
    const big = await acquire(a, 'big', 65);
    assert.deepEqual([big.status, big.text], conflict);
    await acquire(a, 'fixed', 3);
    const other = await acquire(b, 'fixed', 2);
    assert.deepEqual([other.status, other.text], conflict);
    const r = await release(b, 'fixed');
    assert.deepEqual([r.status, r.text], conflict);
    assert.equal((await release(a, 'never-created')).status, 409);
  });

  test('status of an unknown semaphore reports a free capacity-1 semaphore', async () => {
    const r = await call(f.api, 'GET', '/semaphore/status?name=unknown', { alloc: a, event: 'job_control' });
    assert.equal(r.text, '{"name":"unknown","capacity":1,"holders":null,"waiting":0,"available":1}\n');
  });

  test('a semaphore name is required', async () => {
    const r = await call(f.api, 'POST', '/semaphore/acquire', { alloc: a, event: 'job_control', body: {} });
    assert.equal(r.status, 400);
    assert.equal((await call(f.api, 'GET', '/semaphore/status', { alloc: a, event: 'job_control' })).status, 400);
  });

  test('semaphores of different events do not interact', async () => {
    assert.equal((await acquire(a, 'scoped', 1, 600, 'job_control')).status, 200);
    assert.equal((await acquire(b, 'scoped', 1, 600, 'cli')).status, 200);
  });

  test('a waiter whose client goes away leaves the queue', async () => {
    assert.equal((await acquire(a, 'gone', 1)).status, 200);
    const { request } = await import('node:http');
    const body = JSON.stringify({ name: 'gone', capacity: 1 });
    const { token } = f.api.openHook({ allocId: b, event: 'job_control', command: '' });
    const req = request(`${f.api.url}/semaphore/acquire`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-ALLOCATION-ID': b, EVENT: 'job_control', 'Content-Length': String(body.length) },
    });
    req.on('error', () => {});
    req.end(body);
    await until(async () => (await status('gone')).waiting === 1);
    req.destroy();
    await until(async () => (await status('gone')).waiting === 0);
    assert.deepEqual((await status('gone')).holders, [a]);
  });

  test("when a hook's process ends its holds are dropped and the next waiter is granted", async () => {
    assert.equal((await acquire(a, 'leaked', 1)).status, 200);
    const waiting = acquire(b, 'leaked', 1);
    await until(async () => (await status('leaked')).waiting === 1);
    f.api.releaseHolds(a, 'job_control');
    assert.equal((await waiting).status, 200);
    assert.deepEqual((await status('leaked')).holders, [b]);
  });
});
