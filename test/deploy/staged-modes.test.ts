// Modes in the staged tree and the plan hash (issue 15), against catalogs built by maand and by the
// reference (no job_files.mode column).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';
import { buildJobTree } from '../../src/deploy/staging.ts';
import { hashJobTree, type JobTree } from '../../src/deploy/job-tree.ts';
import { KvStore, loadKvKey, namespacesForAllocation } from '../../src/kv/index.ts';

const md5 = (s: string | Uint8Array): string => createHash('md5').update(s).digest('hex');

async function setup(b: TestBucket, runMode: number): Promise<void> {
  b.workers([{ host: '10.0.0.1' }]);
  b.job('app', { version: '1.0.0' }, { Makefile: 'start:\n', 'run.sh': '#!/bin/sh\n' });
  chmodSync(join(b.root, 'workspace/jobs/app/run.sh'), runMode);
  await b.build();
}

function tree(b: TestBucket): JobTree {
  return b.query((db) => {
    const kv = KvStore.load(db, { key: () => loadKvKey(b.root) });
    return buildJobTree(db, kv, {
      allocId: 'a1', job: 'app', workerIp: '10.0.0.1', workerId: 'w', labels: [], bucketId: 'b', updateSeq: 1,
      currentVersion: '0.0.0', newVersion: '1.0.0', readable: namespacesForAllocation({ job: 'app', workerIp: '10.0.0.1', upstreamJobs: [] }),
    });
  });
}

/** The reference's plan hash (deploy spec §9.2): md5 over the files' content digests, modes ignored. */
function referenceHash(t: JobTree): string {
  return md5([...t.files.keys()].sort().map((rel) => md5(t.files.get(rel)!.data)).join(''));
}

test('given a catalog the reference built (no mode column), when staged, then job files are 0755 and the plan hash is the reference one', () =>
  withBucket(async (b) => {
    await setup(b, 0o644);
    b.query((db) => db.exec('ALTER TABLE job_files DROP COLUMN mode'));
    const t = tree(b);
    assert.equal(t.files.get('run.sh')!.mode, 0o755);
    assert.equal(t.files.get('Makefile')!.mode, 0o755);
    assert.equal(hashJobTree(t).hash, referenceHash(t));
  }));

test('given rows without a stored mode, when staged, then the reference mode applies', () =>
  withBucket(async (b) => {
    await setup(b, 0o750);
    b.query((db) => db.exec('UPDATE job_files SET mode = NULL'));
    assert.equal(tree(b).files.get('run.sh')!.mode, 0o755);
  }));

test('given workspace files at the modes the reference gave them, when hashed, then the plan hash is the reference one', () =>
  withBucket(async (b) => {
    await setup(b, 0o755);
    b.query((db) => db.exec("UPDATE job_files SET mode = 493 WHERE isdir = 0"));
    const t = tree(b);
    assert.equal(hashJobTree(t).hash, referenceHash(t));
  }));

test('given only a mode change, when hashed, then the plan hash and that file\'s digest change', () =>
  withBucket(async (b) => {
    await setup(b, 0o755);
    const before = hashJobTree(tree(b));
    chmodSync(join(b.root, 'workspace/jobs/app/run.sh'), 0o700);
    await b.build();
    const after = hashJobTree(tree(b));
    assert.notEqual(after.hash, before.hash);
    assert.notEqual(after.files['run.sh'], before.files['run.sh']);
    assert.equal(after.files['Makefile'], before.files['Makefile']);
  }));

test('given a file replaced by a symlink to the same content, when hashed, then the plan hash changes; retargeting the link changes it again', () =>
  withBucket(async (b) => {
    await setup(b, 0o755);
    b.write({ 'workspace/jobs/app/a.conf': 'same\n', 'workspace/jobs/app/b.conf': 'same\n', 'workspace/jobs/app/cur.conf': 'same\n' });
    await b.build();
    const plain = hashJobTree(tree(b)).hash;
    rmSync(join(b.root, 'workspace/jobs/app/cur.conf'));
    symlinkSync('a.conf', join(b.root, 'workspace/jobs/app/cur.conf'));
    await b.build();
    const linked = tree(b);
    assert.equal(linked.files.get('cur.conf')!.link, 'a.conf');
    assert.notEqual(hashJobTree(linked).hash, plain);
    rmSync(join(b.root, 'workspace/jobs/app/cur.conf'));
    symlinkSync('b.conf', join(b.root, 'workspace/jobs/app/cur.conf'));
    await b.build();
    assert.notEqual(hashJobTree(tree(b)).hash, hashJobTree(linked).hash);
  }));
