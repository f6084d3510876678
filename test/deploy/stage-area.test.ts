// The per-run staging directory: RAM when it fits, the bucket's tmp/ otherwise, gone after close().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StageArea, treeFootprint } from '../../src/deploy/stage-area.ts';
import { emptyTree, putFile, type JobTree } from '../../src/deploy/job-tree.ts';

function withDirs(fn: (bucketTmp: string, ram: string) => void): void {
  const base = mkdtempSync(join(tmpdir(), 'maand-stage-test-'));
  try {
    fn(join(base, 'bucket', 'tmp'), mkdtempSync(join(base, 'ram-')));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function tree(content: string): JobTree {
  const t = emptyTree();
  putFile(t, 'Makefile', 'start:\n', 0o755);
  putFile(t, 'conf/app.conf', content, 0o644);
  return t;
}

test('given a RAM directory with room, trees are written there in a private directory', () =>
  withDirs((bucketTmp, ram) => {
    const area = StageArea.open({ bucketTmp, ramDir: ram });
    area.placeTree('10.0.0.1', 'api', 'h1', tree('a'));
    assert.ok(area.dir.startsWith(ram));
    assert.equal(statSync(area.dir).mode & 0o777, 0o700);
    const link = join(area.workerDir('10.0.0.1'), 'jobs', 'api');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.ok(readlinkSync(link).startsWith(ram));
    assert.equal(readFileSync(join(link, 'conf', 'app.conf'), 'utf8'), 'a');
    assert.equal(existsSync(bucketTmp), false, 'nothing is written to the bucket');
    area.close();
  }));

test('workers with the same tree hash share one written copy', () =>
  withDirs((bucketTmp, ram) => {
    const area = StageArea.open({ bucketTmp, ramDir: ram });
    area.placeTree('10.0.0.1', 'api', 'h1', tree('a'));
    area.placeTree('10.0.0.2', 'api', 'h1', tree('ignored: same hash'));
    const a = readlinkSync(join(area.workerDir('10.0.0.1'), 'jobs', 'api'));
    assert.equal(readlinkSync(join(area.workerDir('10.0.0.2'), 'jobs', 'api')), a);
    assert.equal(readFileSync(join(a, 'conf', 'app.conf'), 'utf8'), 'a');
    area.close();
  }));

test('without a RAM directory the area lives in the bucket tmp/ directory', () =>
  withDirs((bucketTmp) => {
    const area = StageArea.open({ bucketTmp, ramDir: null });
    area.placeTree('10.0.0.1', 'api', 'h1', tree('a'));
    assert.ok(area.dir.startsWith(bucketTmp));
    assert.ok(readlinkSync(join(area.workerDir('10.0.0.1'), 'jobs', 'api')).startsWith(area.dir));
    area.close();
    assert.equal(existsSync(area.dir), false);
  }));

test('a RAM directory that does not exist falls back to the bucket tmp/ directory', () =>
  withDirs((bucketTmp, ram) => {
    const area = StageArea.open({ bucketTmp, ramDir: join(ram, 'missing') });
    assert.ok(area.dir.startsWith(bucketTmp));
    area.close();
  }));

test('a tree bigger than the RAM budget spills to the bucket tmp/ directory, and close() removes both', () =>
  withDirs((bucketTmp, ram) => {
    const big = tree('x'.repeat(64));
    const area = StageArea.open({ bucketTmp, ramDir: ram, ramBudgetBytes: treeFootprint(big) - 1 });
    area.placeTree('10.0.0.1', 'api', 'h1', big);
    const target = readlinkSync(join(area.workerDir('10.0.0.1'), 'jobs', 'api'));
    assert.ok(target.startsWith(bucketTmp), target);
    assert.equal(readFileSync(join(target, 'conf', 'app.conf'), 'utf8'), 'x'.repeat(64));
    area.close();
    assert.equal(existsSync(area.dir), false);
    assert.equal(existsSync(target), false);
  }));

test('an rsync source holds the worker files and a private filter passing only the given jobs', () =>
  withDirs((bucketTmp, ram) => {
    const area = StageArea.open({ bucketTmp, ramDir: ram });
    const src = area.rsyncSource('10.0.0.1', { bucketId: 'b', workerId: 'w1', workerIp: '10.0.0.1', labels: [], updateSeq: 3, jobs: [{ job: 'api', disabled: 0 }] }, ['api']);
    assert.equal(src.dir, area.workerDir('10.0.0.1'));
    assert.match(readFileSync(join(src.dir, 'worker.json'), 'utf8'), /"update_seq": 3/);
    assert.equal(statSync(src.filter).mode & 0o777, 0o600);
    assert.equal(readFileSync(src.filter, 'utf8'), '- /releases/\n+ jobs/api/\n- jobs/*\n- jobs/**/*.tpl\n');
    area.close();
  }));

test('a tree occupies whole pages per file and directory on a tmpfs', () => {
  const t = tree('a'.repeat(5000));
  // 2 files (1 page + 2 pages) + 1 directory + the tree's own directory
  assert.equal(treeFootprint(t), (1 + 2 + 1 + 1) * 4096);
});

test("opening an area removes areas left by runs whose process is gone, and keeps live ones", () =>
  withDirs((bucketTmp, ram) => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadDir = join(ram, `maand-stage-${dead.stdout}-abc123`);
    const liveDir = join(ram, `maand-stage-${process.ppid}-def456`);
    const otherDir = join(ram, 'maand-stage-not-a-pid');
    for (const d of [deadDir, liveDir, otherDir]) mkdirSync(join(d, 'trees'), { recursive: true });
    const area = StageArea.open({ bucketTmp, ramDir: ram });
    assert.equal(existsSync(deadDir), false);
    assert.equal(existsSync(liveDir), true);
    assert.equal(existsSync(otherDir), true);
    assert.match(area.dir, new RegExp(`maand-stage-${process.pid}-`));
    area.close();
  }));

test('a tmpfs that fills up while writing sends the tree, and later ones, to the bucket tmp/ directory', () =>
  withDirs((bucketTmp, ram) => {
    // a 4 MiB tmpfs in a private mount namespace (below 1 MiB of room the area would start on disk)
    const script = `
      import { StageArea } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'deploy', 'stage-area.ts'))};
      import { emptyTree, putFile } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'deploy', 'job-tree.ts'))};
      import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
      import { join } from 'node:path';
      const area = StageArea.open({ bucketTmp: ${JSON.stringify(bucketTmp)}, ramDir: ${JSON.stringify(ram)} });
      // another program takes most of the tmpfs after the budget was measured
      try { writeFileSync(join(${JSON.stringify(ram)}, 'filler'), Buffer.alloc(4 * 1024 * 1024 - 16 * 1024)); } catch {}
      const tree = emptyTree();
      putFile(tree, 'big.bin', Buffer.alloc(20 * 1024, 7), 0o644);
      area.placeTree('10.0.0.1', 'api', 'h1', tree);
      const small = emptyTree();
      putFile(small, 'x', 'y', 0o644);
      area.placeTree('10.0.0.1', 'web', 'h2', small);
      const api = readlinkSync(join(area.workerDir('10.0.0.1'), 'jobs', 'api'));
      const web = readlinkSync(join(area.workerDir('10.0.0.1'), 'jobs', 'web'));
      console.log(JSON.stringify({ api, web, size: readFileSync(join(api, 'big.bin')).length }));
      area.close();
    `;
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=4m tmpfs ${ram} && exec "$0" --input-type=module -e "$1"`, process.execPath, script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { api: string; web: string; size: number };
    assert.ok(out.api.startsWith(bucketTmp), out.api);
    assert.ok(out.web.startsWith(bucketTmp), `later trees skip the full tmpfs: ${JSON.stringify(out)}`);
    assert.equal(out.size, 20 * 1024);
  }));

test('a tmpfs with less than 1 MiB of room is not used: the area starts on disk', () =>
  withDirs((bucketTmp, ram) => {
    const script = `
      import { StageArea } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'deploy', 'stage-area.ts'))};
      const area = StageArea.open({ bucketTmp: ${JSON.stringify(bucketTmp)}, ramDir: ${JSON.stringify(ram)} });
      console.log(JSON.stringify({ dir: area.dir, onDisk: area.onDisk }));
      area.close();
    `;
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs ${ram} && exec "$0" --input-type=module -e "$1"`, process.execPath, script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { dir: string; onDisk: boolean };
    assert.equal(out.onDisk, true);
    assert.ok(out.dir.startsWith(bucketTmp), out.dir);
  }));
