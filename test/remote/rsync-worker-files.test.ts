// What rsync leaves on a real worker: who owns the files (issue 15, least privilege). The worker
// side runs as root (root login, or a non-root login with use_sudo); the runner's files belong to
// uid 1001 like on a hosted CI runner.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check } from './remote-check.ts';
import { RemoteExecutor, type WorkerTarget } from '../../src/remote/executor.ts';
import { mergeFilterText } from '../../src/remote/rsync.ts';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';

const RUNNER_UID = 1001;
const BUCKET = '/opt/worker/b15';

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, body] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), body);
  }
}

async function chownTree(root: string, rels: string[], uid: number): Promise<void> {
  for (const rel of rels) await chown(join(root, rel), uid, uid);
}

describe('files rsync leaves on a root worker', () => {
  let w: WorkerSet;
  let ex: RemoteExecutor;
  let local: string;
  let ip: string;
  let root: WorkerTarget;
  let sudoer: WorkerTarget;
  let remote: string;

  const sync = async (as: WorkerTarget, useSudo: boolean): Promise<void> => {
    const filterFile = join(local, 'filter.rsync');
    await writeFile(filterFile, mergeFilterText(['api']));
    check(await ex.run(as, [`mkdir -p ${BUCKET}`], { useSudo }));
    check(await ex.rsync(as, { sourceDir: join(local, 'stage'), remoteDir: BUCKET, filterFile, useSudo }));
  };

  before(async () => {
    w = await startWorkers({ count: 1, net: '127.0.80', sudoUser: 'deployer' });
    ip = w.ips[0]!;
    root = { host: ip, user: w.sshUser, port: 22, keyFile: w.clientKey, knownHostsFile: w.knownHosts, hostKeyPolicy: 'strict' };
    sudoer = { ...root, user: 'deployer' };
    remote = join(w.optDir(ip), 'b15');
  });
  after(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    ex = await RemoteExecutor.create();
    local = await mkdtemp(join(tmpdir(), 'maand-rsync-files-'));
    await writeTree(join(local, 'stage'), { 'worker.json': '{}\n', 'jobs/api/Makefile': 'start:\n\ttrue\n', 'jobs/api/conf/app.conf': 'a=1\n' });
    await chownTree(join(local, 'stage'), ['.', 'worker.json', 'jobs', 'jobs/api', 'jobs/api/Makefile', 'jobs/api/conf', 'jobs/api/conf/app.conf'], RUNNER_UID);
  });
  afterEach(async () => {
    await ex.close();
    await rm(local, { recursive: true, force: true });
    await rm(remote, { recursive: true, force: true });
  });

  const assertRootOwned = async (rel: string): Promise<void> => {
    const s = await stat(join(remote, rel));
    assert.deepEqual([s.uid, s.gid], [0, 0], `${rel} is owned by root, not the runner's ${RUNNER_UID}`);
  };

  test('given job files owned by the runner uid 1001, when rsync runs over a root login, then the worker files are root-owned', async () => {
    await sync(root, false);
    for (const rel of ['worker.json', 'jobs/api', 'jobs/api/Makefile', 'jobs/api/conf/app.conf']) await assertRootOwned(rel);
  });

  test('given job files owned by the runner uid 1001, when rsync runs through use_sudo, then the worker files are root-owned', async () => {
    await sync(sudoer, true);
    for (const rel of ['worker.json', 'jobs/api', 'jobs/api/Makefile', 'jobs/api/conf/app.conf']) await assertRootOwned(rel);
  });

  test('given a Makefile an older maand left owned by uid 1001, when an unchanged tree is synced again, then it is root-owned', async () => {
    await sync(root, false);
    await chown(join(remote, 'jobs/api/Makefile'), RUNNER_UID, RUNNER_UID);
    await sync(root, false);
    await assertRootOwned('jobs/api/Makefile');
  });
});
