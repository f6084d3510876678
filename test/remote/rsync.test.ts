import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check } from './remote-check.ts';
import { RemoteExecutor, type WorkerTarget } from '../../src/remote/executor.ts';
import { mergeFilterText, parseItemizedLine, type ItemizedChange } from '../../src/remote/rsync.ts';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, body] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), body);
  }
}

const BUCKET = '/opt/worker/b1';

describe('rsync to a real worker', () => {
  let w: WorkerSet;
  let ex: RemoteExecutor;
  let local: string;
  let ip: string;
  let target: WorkerTarget;
  let remote: string;

  const sync = async (itemize = false): Promise<ItemizedChange[]> => {
    const filterFile = join(local, 'filter.rsync');
    await writeFile(filterFile, mergeFilterText(['api']));
    check(await ex.run(target, [`mkdir -p ${BUCKET}`]));
    const r = check(
      await ex.rsync(target, { sourceDir: join(local, 'stage'), remoteDir: BUCKET, filterFile, useSudo: false, itemize }),
    );
    return r.stdout
      .split('\n')
      .map(parseItemizedLine)
      .filter((c): c is ItemizedChange => c !== undefined);
  };

  before(async () => {
    w = await startWorkers({ count: 1, net: '127.0.47' });
    ip = w.ips[0]!;
    target = { host: ip, user: w.sshUser, port: 22, keyFile: w.clientKey, knownHostsFile: w.knownHosts, hostKeyPolicy: 'strict' };
    remote = join(w.optDir(ip), 'b1');
  });
  after(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    ex = await RemoteExecutor.create();
    local = await mkdtemp(join(tmpdir(), 'maand-rsync-test-'));
    await writeTree(join(local, 'stage'), {
      'worker.json': '{"worker_ip":"127.0.47.1"}\n',
      'bin/runner.py': 'print("runner")\n',
      'jobs/api/Makefile': 'start:\n\ttrue\n',
      'jobs/api/conf/app.conf': 'port=8080\n',
      'jobs/api/run.sh': '#!/bin/sh\necho run\n',
      'jobs/api/app.conf.tpl': '{{.port}}\n',
      'jobs/api/data/seed': 'from host\n',
      'jobs/web/Makefile': 'start:\n',
    });
    await chmod(join(local, 'stage/jobs/api/run.sh'), 0o755);
    // what the worker already has
    await writeTree(remote, {
      'stray.txt': 'left over\n',
      'jobs/api/old.txt': 'removed from the job\n',
      'jobs/api/data/state.db': 'worker data\n',
      'jobs/api/logs/app.log': 'worker log\n',
      'jobs/api/bin/tool': 'worker bin\n',
      'jobs/api/keep.tpl': 'never touched\n',
      'jobs/web/stale.txt': 'another job\n',
    });
  });
  afterEach(async () => {
    await ex.close();
    await rm(local, { recursive: true, force: true });
    await rm(remote, { recursive: true, force: true });
  });

  test('the job tree and the bucket files arrive on the worker', async () => {
    await sync();
    assert.equal(await readFile(join(remote, 'worker.json'), 'utf8'), '{"worker_ip":"127.0.47.1"}\n');
    assert.equal(await readFile(join(remote, 'bin/runner.py'), 'utf8'), 'print("runner")\n');
    assert.equal(await readFile(join(remote, 'jobs/api/conf/app.conf'), 'utf8'), 'port=8080\n');
    const r = check(await ex.run(target, [`${BUCKET}/jobs/api/run.sh`]));
    assert.equal(r.stdout, 'run\n');
  });

  test('executable bits are carried over', async () => {
    await sync();
    assert.equal((await stat(join(remote, 'jobs/api/run.sh'))).mode & 0o100, 0o100);
    assert.equal((await stat(join(remote, 'jobs/api/Makefile'))).mode & 0o100, 0);
  });

  test('files gone from staging are deleted on the worker, top-level strays too', async () => {
    await sync();
    assert.equal(existsSync(join(remote, 'jobs/api/old.txt')), false);
    assert.equal(existsSync(join(remote, 'stray.txt')), false);
  });

  test('data, logs, bin and .tpl files on the worker are neither sent nor deleted', async () => {
    await sync();
    assert.equal(await readFile(join(remote, 'jobs/api/data/state.db'), 'utf8'), 'worker data\n');
    assert.equal(await readFile(join(remote, 'jobs/api/logs/app.log'), 'utf8'), 'worker log\n');
    assert.equal(await readFile(join(remote, 'jobs/api/bin/tool'), 'utf8'), 'worker bin\n');
    assert.equal(await readFile(join(remote, 'jobs/api/keep.tpl'), 'utf8'), 'never touched\n');
    assert.equal(existsSync(join(remote, 'jobs/api/data/seed')), false);
    assert.equal(existsSync(join(remote, 'jobs/api/app.conf.tpl')), false);
  });

  test('other jobs on the worker are left alone and not sent', async () => {
    await sync();
    assert.equal(await readFile(join(remote, 'jobs/web/stale.txt'), 'utf8'), 'another job\n');
    assert.equal(existsSync(join(remote, 'jobs/web/Makefile')), false);
  });

  test('a second rsync with unchanged content transfers nothing, a changed file alone is sent', async () => {
    await sync();
    const again = await sync(true);
    assert.deepEqual(again.filter((c) => c.action === 'sent'), []);
    await writeFile(join(local, 'stage/jobs/api/conf/app.conf'), 'port=9090\n');
    const changed = await sync(true);
    assert.deepEqual(
      changed.filter((c) => c.action === 'sent').map((c) => c.path),
      ['jobs/api/conf/app.conf'],
    );
    assert.equal(await readFile(join(remote, 'jobs/api/conf/app.conf'), 'utf8'), 'port=9090\n');
  });

  test('rsync to a stopped worker fails with exit 255 naming the worker', async () => {
    await w.stopWorker(ip);
    try {
      const r = await ex.rsync(target, { sourceDir: join(local, 'stage'), remoteDir: BUCKET, useSudo: false });
      assert.equal(r.exitCode, 255);
      assert.throws(() => check(r), /^RemoteCommandError: worker 127\.0\.47\.1 unreachable \(ssh exit 255\)/);
    } finally {
      await w.startWorker(ip);
    }
  });
});
