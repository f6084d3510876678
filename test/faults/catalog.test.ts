// Faults of the runner's own state, through the bundled CLI: the catalog read-only, locked by another
// process, truncated; /dev/shm full; maand SIGKILLed during a checkpoint. Each fails once with one
// line (or, for SIGKILL, dies) leaving nothing behind, the catalog claims only what the workers run,
// and once repaired the next deploy finishes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';
import { assertFailedCleanly, assertNothingLeft, deployments, maand } from './cli.ts';
import { faultBucket, type FaultBucket } from './bucket.ts';

let fb: FaultBucket;
let f: DeployFixture;
let ips: string[];

before(async () => {
  fb = await faultBucket('127.0.88', 2);
  ({ f, ips } = fb);
});
after(async () => fb.close());

const db = (): string => join(f.bucket.root, 'data', 'maand.db');
const all = (state: string): Record<string, Record<string, string>> => ({ app: Object.fromEntries(ips.map((ip) => [ip, state])) });

/** Nothing reached the workers (they run the old files) and the catalog is as it was before the deploy. */
async function assertUntouched(conf: string, before: Buffer): Promise<void> {
  for (const ip of ips) assert.notEqual(f.remoteFile(ip, 'app', 'conf/app.conf'), conf, ip);
  assert.ok(f.bucket.dbBytes().equals(before), 'data/maand.db changed');
}

test('given a read-only catalog, deploy fails once before anything changes, naming data/maand.db and what to do', async () => {
  const conf = await fb.changeAndBuild();
  const before = f.bucket.dbBytes();
  // root ignores file modes, and chattr +i needs a file system that has it (not tmpfs or overlayfs):
  // a read-only bind mount of the file, in a mount namespace of maand's own, stops root everywhere
  const readOnly = 'mount --bind "$DB" "$DB" && mount -o remount,bind,ro "$DB" && exec "$@"';
  const wrap = ['env', `DB=${db()}`, 'unshare', '-m', '--propagation', 'private', 'sh', '-c', readOnly, 'sh'];
  const r = await fb.deploy([], { wrap });
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: database error: catalog \/.*\/data\/maand\.db is read-only; make the file and its folder writable for this user, then run again \(attempt to write a readonly database\)$/);
  await assertUntouched(conf, before);
  await fb.assertNextDeployFinishes(conf);
});

test('given another process holds a write transaction on the catalog, deploy fails once naming data/maand.db as locked', async () => {
  const conf = await fb.changeAndBuild();
  const before = f.bucket.dbBytes();
  // a real SQLite writer in another process: BEGIN IMMEDIATE, then wait to be told to let go
  const holder = spawn(process.execPath, ['-e', `
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(${JSON.stringify(db())});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('holding\\n');
    process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
  `], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((res) => holder.stdout.once('data', () => res()));
  let r;
  try {
    r = await fb.deploy();
  } finally {
    holder.stdin.write('go\n');
    await new Promise((res) => holder.on('exit', res));
  }
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: database error: catalog \/.*\/data\/maand\.db is locked by another process; wait for it to finish \(or stop it\), then run again \(database is locked\)$/);
  await assertUntouched(conf, before);
  await fb.assertNextDeployFinishes(conf);
});

test('given a truncated catalog, deploy fails once naming data/maand.db; restoring it lets the next deploy finish', async () => {
  const conf = await fb.changeAndBuild();
  const before = f.bucket.dbBytes();
  const backup = join(f.bucket.root, 'maand.db.backup');
  copyFileSync(db(), backup);
  truncateSync(db(), Math.floor(statSync(db()).size / 2));
  const r = await fb.deploy();
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: database error: catalog \/.*\/data\/maand\.db (is damaged|is not a SQLite database).*restore it from a backup or the saved state/);
  for (const ip of ips) assert.notEqual(f.remoteFile(ip, 'app', 'conf/app.conf'), conf, ip);
  copyFileSync(backup, db());
  rmSync(backup);
  await assertUntouched(conf, before);
  await fb.assertNextDeployFinishes(conf);
});

test('given /dev/shm is full, deploy stages on disk instead and finishes, leaving nothing behind', async () => {
  const conf = await fb.changeAndBuild();
  // a private mount namespace for maand alone, with a 64 KiB tmpfs over /dev/shm filled to the last
  // byte (unshare and sh exec: maand keeps the pid the test knows)
  const fill = 'mount -t tmpfs -o size=64k tmpfs /dev/shm && { head -c 1M /dev/zero > /dev/shm/fill 2>/dev/null; true; }';
  const wrap = ['unshare', '-m', '--propagation', 'private', 'sh', '-c', `${fill} && exec "$@"`, 'sh'];
  const r = await fb.deploy([], { wrap });
  assert.equal(r.code, 0, r.stderr);
  assertNothingLeft(r, f.bucket.root);
  for (const ip of ips) {
    assert.equal(f.remoteFile(ip, 'app', 'conf/app.conf'), conf, ip);
    assert.equal(f.lifecycle(ip, 'app').at(-1), 'restart 1.0.0 1.0.0', ip);
  }
  assert.deepEqual(await deployments(f.bucket.root), all('promoted'));
});

test('given maand is SIGKILLed right after a checkpoint, the catalog holds exactly the promoted batches and the next deploy finishes', async () => {
  f.bucket.job('slow', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: RECORDING_MAKEFILE });
  assert.equal((await maand(f.bucket.root, ['build'])).code, 0);
  const first = ips[0]!;
  const r = await fb.deploy(['--jobs', 'slow'], {
    onStderr: (text, child) => {
      if (text.includes(`slow: promoted ${first}`)) child.kill('SIGKILL');
    },
  });
  assert.equal(r.signal, 'SIGKILL', r.stderr);
  // a killed process cannot clean up: its lock names a dead pid, which the next run takes over (its ssh
  // masters end after ControlPersist; their socket dir in the killed run's TMPDIR is not the next run's to find)
  assert.ok(existsSync(join(f.bucket.root, 'data', 'maand.lock')), 'the killed run held the lock');
  const promoted = await deployments(f.bucket.root);
  assert.equal(promoted['slow']![first], 'promoted');
  assert.equal(f.lifecycle(first, 'slow').length, 1);
  const again = await fb.deploy(['--jobs', 'slow']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(f.lifecycle(first, 'slow'), ['start 0.0.0 1.0.0'], 'the promoted allocation is not started again');
  for (const ip of ips) assert.deepEqual(f.lifecycle(ip, 'slow').at(-1), 'start 0.0.0 1.0.0');
  assert.deepEqual((await deployments(f.bucket.root))['slow'], Object.fromEntries(ips.map((ip) => [ip, 'promoted'])));
  // what the killed run could not clean up the next one did: the lock, tmp/ and its /dev/shm staging dir
  assertNothingLeft(again, f.bucket.root);
  assert.deepEqual(readdirSync('/dev/shm').filter((n) => n.startsWith(`maand-stage-${r.pid}-`)), [], 'the killed run\'s staging dir is swept');
});
