// One maand at a time per bucket: data/maand.lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireBucketLock, lockFile, withBucketLock } from '../../src/bucket/lock.ts';

const LOCK_MODULE = join(import.meta.dirname, '..', '..', 'src', 'bucket', 'lock.ts');

function withRoot(fn: (root: string) => Promise<void> | void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'maand-lock-test-'));
  mkdirSync(join(root, 'data'));
  return Promise.resolve(fn(root)).finally(() => rmSync(root, { recursive: true, force: true }));
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

test('the lock file names this process and the command, and is removed on release', () =>
  withRoot((root) => {
    const release = acquireBucketLock(root, 'deploy');
    const info = JSON.parse(readFileSync(lockFile(root), 'utf8')) as { pid: number; host: string; command: string };
    assert.deepEqual([info.pid, info.host, info.command], [process.pid, hostname(), 'deploy']);
    release();
    assert.equal(existsSync(lockFile(root)), false);
  }));

test('another live process holding the lock makes the command fail with who holds it', () =>
  withRoot(async (root) => {
    const holder = spawn(process.execPath, ['-e', `import(${JSON.stringify(LOCK_MODULE)}).then((m) => { m.acquireBucketLock(${JSON.stringify(root)}, 'deploy'); console.log('locked'); process.stdin.resume(); process.stdin.on('end', () => process.exit(0)); })`], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((res) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && res()));
      assert.throws(() => acquireBucketLock(root, 'build'), {
        message: new RegExp(`^bucket is busy: maand deploy \\(pid ${holder.pid} on ${hostname().replaceAll('.', '\\.')}, started [^)]+\\) is running in this bucket; wait for it to finish, or delete .*maand\\.lock if that process is gone$`),
      });
    } finally {
      holder.stdin.end();
      await new Promise((res) => holder.on('exit', res));
    }
  }));

test('a lock left by a process of this host that is gone is taken over', () =>
  withRoot((root) => {
    writeFileSync(lockFile(root), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'deploy', started: '2026-01-01T00:00:00.000Z' }));
    const release = acquireBucketLock(root, 'build');
    assert.equal((JSON.parse(readFileSync(lockFile(root), 'utf8')) as { pid: number }).pid, process.pid);
    release();
  }));

test('a lock of another host is respected: its process cannot be checked from here', () =>
  withRoot((root) => {
    writeFileSync(lockFile(root), JSON.stringify({ pid: deadPid(), host: 'ci-runner-elsewhere', command: 'deploy', started: 'x' }));
    assert.throws(() => acquireBucketLock(root, 'build'), { message: /^bucket is busy: maand deploy \(pid \d+ on ci-runner-elsewhere/ });
  }));

test('a command running another in the same process (deploy --build) shares the lock', () =>
  withRoot(async (root) => {
    await withBucketLock(root, 'deploy', async () => {
      await withBucketLock(root, 'build', async () => assert.ok(existsSync(lockFile(root))));
      assert.ok(existsSync(lockFile(root)), 'the outer hold keeps the lock');
    });
    assert.equal(existsSync(lockFile(root)), false);
  }));

test('the lock is released when the command fails', () =>
  withRoot(async (root) => {
    await assert.rejects(withBucketLock(root, 'deploy', async () => {
      throw new Error('boom');
    }), /boom/);
    assert.equal(existsSync(lockFile(root)), false);
  }));

test('outside a bucket (no data/) nothing is created and the command reports the missing bucket itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maand-lock-test-'));
  try {
    acquireBucketLock(dir, 'deploy')();
    assert.equal(existsSync(join(dir, 'data')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock whose pid now belongs to a process started after the lock was written is taken over', () =>
  withRoot((root) => {
    // this test process is alive, but it started long after 2020
    writeFileSync(lockFile(root), JSON.stringify({ pid: process.pid, host: hostname(), command: 'deploy', started: '2020-01-01T00:00:00.000Z' }));
    const other = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(LOCK_MODULE)}).then((m) => { m.acquireBucketLock(${JSON.stringify(root)}, 'build')(); console.log('ok'); })`], { encoding: 'utf8' });
    assert.equal(other.stdout.trim(), 'ok', other.stderr);
  }));

test('a lock written after its live process started is respected', () =>
  withRoot((root) => {
    writeFileSync(lockFile(root), JSON.stringify({ pid: process.pid, host: hostname(), command: 'deploy', started: new Date().toISOString() }));
    const other = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(LOCK_MODULE)}).then((m) => { try { m.acquireBucketLock(${JSON.stringify(root)}, 'build'); console.log('taken'); } catch (e) { console.log(e.message); } })`], { encoding: 'utf8' });
    assert.match(other.stdout, /^bucket is busy: maand deploy \(pid \d+/);
  }));
