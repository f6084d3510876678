// The worker-side release scripts, run in bash against a local directory standing in for /opt/worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutcomes, restoreScript, snapshotScript } from '../../src/releases/commands.ts';

function withWorker(fn: (root: string, sh: (script: string) => string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'maand-releases-'));
  try {
    const root = join(dir, 'opt');
    mkdirSync(join(root, 'b1/jobs/app/data'), { recursive: true });
    fn(join(root, 'b1'), (script) => execFileSync('bash', ['-c', script.replaceAll('/opt/worker', root)], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('given a live tree updated in place after a snapshot, then the retained release keeps its bytes and shares no inode with the live tree', () =>
  withWorker((b, sh) => {
    writeFileSync(join(b, 'jobs/app/conf'), 'v1\n');
    writeFileSync(join(b, 'jobs/app/same'), 'same\n');
    writeFileSync(join(b, 'jobs/app/data/db'), 'state\n');
    assert.equal(parseOutcomes(sh(snapshotScript('b1', 3, [{ job: 'app', id: 1, keep: [] }]))).get('app'), 0);
    // rsync --inplace writes into the existing inode: the release must not see it
    writeFileSync(join(b, 'jobs/app/conf'), 'v2\n', { flag: 'r+' });
    assert.equal(readFileSync(join(b, 'releases/app/1/conf'), 'utf8'), 'v1\n');
    assert.notEqual(statSync(join(b, 'releases/app/1/same')).ino, statSync(join(b, 'jobs/app/same')).ino);
    assert.deepEqual(readdirSync(join(b, 'releases/app/1')).sort(), ['conf', 'same'], 'data/ is the worker\'s, not part of a release');
    // the next release links unchanged files to the earlier release, and copies changed ones
    sh(snapshotScript('b1', 3, [{ job: 'app', id: 2, keep: [] }]));
    assert.equal(statSync(join(b, 'releases/app/2/same')).ino, statSync(join(b, 'releases/app/1/same')).ino);
    assert.equal(readFileSync(join(b, 'releases/app/2/conf'), 'utf8'), 'v2\n');
  }));

test('given retain 2, when more releases are made, then pruning keeps the newest two and the one an allocation still runs', () =>
  withWorker((b, sh) => {
    writeFileSync(join(b, 'jobs/app/conf'), 'x\n');
    for (const id of [1, 2, 3, 4, 5]) sh(snapshotScript('b1', 2, [{ job: 'app', id, keep: [2] }]));
    assert.deepEqual(readdirSync(join(b, 'releases/app')).map(Number).sort((x, y) => x - y), [2, 4, 5]);
  }));

test('given a retained release, when it is restored, then the live tree has its exact bytes, extra files are gone and data/ is kept', () =>
  withWorker((b, sh) => {
    writeFileSync(join(b, 'jobs/app/conf'), 'v1\n');
    writeFileSync(join(b, 'jobs/app/data/db'), 'state\n');
    sh(snapshotScript('b1', 3, [{ job: 'app', id: 7, keep: [] }]));
    writeFileSync(join(b, 'jobs/app/conf'), 'v2 longer\n');
    writeFileSync(join(b, 'jobs/app/new'), 'added\n');
    const out = parseOutcomes(sh(restoreScript('b1', [{ job: 'app', release: 7 }, { job: 'gone', release: 1 }])));
    assert.deepEqual([...out], [['app', 0], ['gone', 44]]);
    assert.equal(readFileSync(join(b, 'jobs/app/conf'), 'utf8'), 'v1\n');
    assert.deepEqual(readdirSync(join(b, 'jobs/app')).sort(), ['conf', 'data']);
    assert.equal(readFileSync(join(b, 'jobs/app/data/db'), 'utf8'), 'state\n');
    assert.notEqual(statSync(join(b, 'jobs/app/conf')).ino, statSync(join(b, 'releases/app/7/conf')).ino);
  }));

test('given several jobs, when their first releases are taken in one script, then each gets its own release without data/, and a job with an earlier release links to it', () =>
  withWorker((b, sh) => {
    for (const job of ['api', 'web']) {
      mkdirSync(join(b, 'jobs', job, 'data'), { recursive: true });
      writeFileSync(join(b, 'jobs', job, 'conf'), `${job} v1\n`);
      writeFileSync(join(b, 'jobs', job, 'data', 'db'), 'state\n');
    }
    writeFileSync(join(b, 'jobs/app/conf'), 'app v1\n');
    sh(snapshotScript('b1', 3, [{ job: 'app', id: 1, keep: [] }]));
    const out = parseOutcomes(sh(snapshotScript('b1', 3, ['api', 'app', 'web'].map((job) => ({ job, id: 2, keep: [] })))));
    assert.deepEqual([...out].sort(), [['api', 0], ['app', 0], ['web', 0]]);
    for (const job of ['api', 'web']) {
      assert.deepEqual(readdirSync(join(b, 'releases', job)), ['2']);
      assert.deepEqual(readdirSync(join(b, 'releases', job, '2')), ['conf'], 'data/ is the worker\'s, not part of a release');
      assert.equal(readFileSync(join(b, 'releases', job, '2', 'conf'), 'utf8'), `${job} v1\n`);
      assert.notEqual(statSync(join(b, 'releases', job, '2', 'conf')).ino, statSync(join(b, 'jobs', job, 'conf')).ino);
    }
    assert.equal(statSync(join(b, 'releases/app/2/conf')).ino, statSync(join(b, 'releases/app/1/conf')).ino, 'unchanged since release 1: linked to it');
    assert.deepEqual(readdirSync(join(b, 'releases')).sort(), ['api', 'app', 'web'], 'no staging dir left behind');
  }));
