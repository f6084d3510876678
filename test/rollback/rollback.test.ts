// maand rollback end to end on four real sshd workers: releases retained on the workers, exact bytes
// restored, rolled out in batches with health checks, the catalog and the history true, pins, --to,
// a lost release, a failing health check, and Ctrl-C.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';
import { rollback, type RollbackOptions } from '../../src/rollback/index.ts';
import { connectRun } from '../../src/deploy/connect.ts';
import { catDeployments } from '../../src/cat/deployments.ts';
import { listRuns } from '../../src/history/store.ts';
import type { DeployEvent } from '../../src/deploy/result.ts';

let f: DeployFixture;
let ips: string[];
const WORKER_OWNED = new Set(['data', 'logs', 'bin', '_modules', '_prometheus']);

function manifest(version: string): string {
  return JSON.stringify({ version, selectors: ['worker'], max_concurrent_upgrades: 2, commands: { command_health: { executed_on: ['health_check'] } },
    health_check: { checks: [{ type: 'ssh', command: 'true' }], timeout_seconds: 10, wait: { attempts: 2, interval_seconds: 1 } },
  });
}

function writeApp(version: string, tag: string, extra: Record<string, string> = {}): void {
  f.bucket.write({
    'workspace/jobs/app/manifest.json': manifest(version),
    'workspace/jobs/app/Makefile': RECORDING_MAKEFILE,
    'workspace/jobs/app/conf.txt': `${tag}\n`,
    'workspace/jobs/app/site.conf.tpl': `listen {{ .WorkerIP }} ${tag}\n`,
    'workspace/jobs/app/_modules/command_health.py':
      `import os, sys\nopen(${JSON.stringify(join(f.bucket.root, 'health.log'))}, 'a').write('app\\n')\nsys.exit(1 if os.path.exists(${JSON.stringify(join(f.bucket.root, 'health-fails'))}) else 0)\n`,
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`workspace/jobs/app/${k}`, v])),
  });
}

/** The job's live tree on a worker (worker-owned directories left out), path → bytes. */
function tree(ip: string, job = 'app', dir = join(f.workers.optDir(ip), f.bucketId(), 'jobs', job)): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      if (!rel && WORKER_OWNED.has(name)) continue;
      if (statSync(join(dir, p)).isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p)).toString('base64');
    }
  };
  walk('');
  return out;
}

function releaseDir(ip: string, id: number, job = 'app'): string {
  return join(f.workers.optDir(ip), f.bucketId(), 'releases', job, String(id));
}

const healthRuns = (): number => (existsSync(join(f.bucket.root, 'health.log')) ? readFileSync(join(f.bucket.root, 'health.log'), 'utf8').split('\n').filter(Boolean).length : 0);
const deployments = (job = 'app'): Array<Record<string, unknown>> =>
  f.bucket.query((db) => {
    const r = catDeployments(db, { jobs: [job] });
    return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]])));
  });
const runs = (): ReturnType<typeof listRuns> => f.bucket.query((db) => listRuns(db));

function runRollback(o: Partial<Omit<RollbackOptions, 'root' | 'connect'>> = {}, events: DeployEvent[] = []): ReturnType<typeof rollback> {
  return rollback({
    root: f.bucket.root, ...o,
    onEvent: (e) => {
      events.push(e);
      o.onEvent?.(e);
    },
    connect: connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: f.workers.knownHosts }, hookEnv: process.env }),
  });
}

let v1: Record<string, Record<string, string>>;
let v1Id: number;
let v2Id: number;

before(async () => {
  f = await deployFixture('127.0.116', 4);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  writeApp('1.0.0', 'v1');
  f.bucket.job('other', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE, 'o.txt': 'o1\n' });
  await f.bucket.build();
  assert.deepEqual((await f.deploy()).failedJobs, []);
  v1 = Object.fromEntries(ips.map((ip) => [ip, tree(ip)]));
  v1Id = runs()[0]!.deployId;
  // v2: a file changed in place (same size), a template changed, a file added, a new version
  writeApp('1.1.0', 'v2', { 'extra.txt': 'added in v2\n' });
  await f.bucket.build();
  const r2 = await f.deploy();
  assert.deepEqual(r2.jobs.map((j) => [j.job, j.status]).sort(), [['app', 'deployed'], ['other', 'unchanged']]);
  v2Id = runs()[0]!.deployId;
});
after(async () => f.close());

test('given deploys v1 and v2, then each worker retained both releases, and updating the live tree in place left v1 intact', () => {
  for (const ip of ips) {
    assert.equal(readFileSync(join(releaseDir(ip, v1Id), 'conf.txt'), 'utf8'), 'v1\n');
    assert.equal(readFileSync(join(releaseDir(ip, v2Id), 'conf.txt'), 'utf8'), 'v2\n');
    assert.equal(readFileSync(join(f.workers.optDir(ip), f.bucketId(), 'jobs/app/conf.txt'), 'utf8'), 'v2\n');
    // a release never shares an inode with the live tree
    assert.notEqual(statSync(join(releaseDir(ip, v2Id), 'Makefile')).ino, statSync(join(f.workers.optDir(ip), f.bucketId(), 'jobs/app/Makefile')).ino);
    assert.equal(existsSync(join(releaseDir(ip, v1Id), 'data')), false);
  }
});

test('given v2 deployed, when maand rollback runs, then every worker runs v1 bytes again, restarted once in batches with health checks, and the catalog and history say so', async () => {
  const before = Object.fromEntries(ips.map((ip) => [ip, f.lifecycle(ip, 'app').length]));
  const otherBefore = Object.fromEntries(ips.map((ip) => [ip, f.lifecycle(ip, 'other').length]));
  const health = healthRuns();
  const events: DeployEvent[] = [];
  const r = await runRollback({}, events);
  assert.deepEqual(r.failedJobs, []);
  assert.deepEqual(r.jobs.map((j) => [j.job, j.status]), [['app', 'deployed']]);
  for (const ip of ips) {
    assert.deepEqual(tree(ip), v1[ip], `worker ${ip}: the job tree is byte-identical to v1`);
    assert.deepEqual(f.lifecycle(ip, 'app').slice(before[ip]), ['restart 1.1.0 1.0.0']);
    assert.equal(f.lifecycle(ip, 'other').length, otherBefore[ip], 'a job the last deploy did not change is left alone');
  }
  const batches = events.filter((e): e is Extract<DeployEvent, { type: 'batch-started' }> => e.type === 'batch-started');
  assert.deepEqual(batches.map((b) => b.workers.length), [2, 2]);
  assert.ok(healthRuns() >= health + 2, 'the health check ran after each batch');
  const v1Hash = (allocId: unknown): string => f.bucket.rows<{ hash: string }>('SELECT hash FROM deploy_history_allocations WHERE deploy_id = ? AND alloc_id = ?', v1Id, String(allocId))[0]!.hash;
  for (const d of deployments()) {
    assert.equal(d['current_version'], '1.0.0');
    assert.equal(d['previous_hash'], v1Hash(d['alloc_id']));
    assert.equal(d['rollout'], 'pinned');
  }
  const last = runs()[0]!;
  assert.equal(last.command, 'rollback');
  assert.equal(last.outcome, 'ok');
  assert.deepEqual(last.jobs.map((j) => [j.job, j.allocationsChanged, j.outcome]), [['app', 4, 'ok']]);
});

test('given a rolled-back job and the unchanged v2 workspace, when maand deploy runs, then nothing rolls out and the reason names the rollback', async () => {
  const rollbackId = runs()[0]!.deployId;
  const counts = ips.map((ip) => f.lifecycle(ip, 'app').length);
  const r = await f.deploy();
  const app = r.jobs.find((j) => j.job === 'app')!;
  assert.equal(app.status, 'unchanged');
  assert.equal(app.reason, `pinned by rollback ${rollbackId}`);
  assert.deepEqual(ips.map((ip) => f.lifecycle(ip, 'app').length), counts);
  for (const ip of ips) assert.deepEqual(tree(ip), v1[ip]);
});

test('given a pinned job, when the workspace changes to v3, then maand deploy rolls v3 out and ends the pin', async () => {
  writeApp('1.2.0', 'v3');
  await f.bucket.build();
  const r = await f.deploy();
  assert.equal(r.jobs.find((j) => j.job === 'app')!.status, 'deployed');
  for (const ip of ips) assert.equal(f.remoteFile(ip, 'app', 'conf.txt'), 'v3\n');
  assert.deepEqual(deployments().map((d) => d['rollout']), ['promoted', 'promoted', 'promoted', 'promoted']);
});

test('given v3 running, when maand rollback --to the v1 deploy runs, then the workers run the v1 bytes', async () => {
  const r = await runRollback({ jobs: ['app'], to: v1Id });
  assert.deepEqual(r.failedJobs, []);
  for (const ip of ips) assert.deepEqual(tree(ip), v1[ip]);
  assert.deepEqual(deployments().map((d) => d['current_version']), ['1.0.0', '1.0.0', '1.0.0', '1.0.0']);
});

test('given a worker that lost the release a rollback needs, when maand rollback runs, then it fails naming that worker and nothing changes', async () => {
  const lost = ips[2]!;
  rmSync(releaseDir(lost, v2Id), { recursive: true, force: true });
  const catalog = deployments();
  const counts = ips.map((ip) => f.lifecycle(ip, 'app').length);
  const runCount = runs().length;
  await assert.rejects(runRollback({ jobs: ['app'], to: v2Id }), (e: Error) => {
    assert.match(e.message, new RegExp(`job app worker ${lost.replaceAll('.', '\\.')}: release ${v2Id} is not retained`));
    assert.match(e.message, /nothing was changed/);
    for (const ip of ips.filter((x) => x !== lost)) assert.doesNotMatch(e.message, new RegExp(`worker ${ip.replaceAll('.', '\\.')}:`));
    return true;
  });
  assert.deepEqual(deployments(), catalog);
  assert.deepEqual(ips.map((ip) => f.lifecycle(ip, 'app').length), counts);
  for (const ip of ips) assert.deepEqual(tree(ip), v1[ip]);
  assert.equal(runs()[0]!.outcome, 'failed');
  assert.equal(runs().length, runCount + 1);
});

test('given two changed jobs, when the health check of one fails during the rollback, then only that job fails', async () => {
  // v4 of app and o2 of other, then roll both back with app's health failing
  writeApp('1.3.0', 'v4');
  f.bucket.write({ 'workspace/jobs/other/o.txt': 'o2\n' });
  await f.bucket.build();
  assert.deepEqual((await f.deploy()).failedJobs, []);
  f.bucket.write({ 'health-fails': '' });
  try {
    const r = await runRollback();
    assert.deepEqual(r.failedJobs, ['app']);
    assert.match(r.jobs.find((j) => j.job === 'app')!.error!, /health check failed/);
    assert.equal(r.jobs.find((j) => j.job === 'other')!.status, 'deployed');
    for (const ip of ips) assert.equal(f.remoteFile(ip, 'other', 'o.txt'), 'o1\n');
    // the first batch went back and is promoted; the second was never restarted
    const states = deployments().map((d) => [d['worker_ip'], d['current_version'], d['rollout']]);
    assert.deepEqual(states.filter((s) => s[1] === '1.0.0').length, 2);
    assert.equal(runs()[0]!.outcome, 'failed');
  } finally {
    f.bucket.remove('health-fails');
  }
});

test('given a rollback interrupted by Ctrl-C after its first batch, then the catalog says which allocations went back and the history says cancelled', async () => {
  f.bucket.write({ 'workspace/jobs/app/conf.txt': 'v5\n' });
  await f.bucket.build();
  assert.deepEqual((await f.deploy({ jobs: ['app'] })).failedJobs, []);
  const before = Object.fromEntries(ips.map((ip) => [ip, f.lifecycle(ip, 'app').length]));
  const controller = new AbortController();
  const r = await runRollback({ jobs: ['app'], signal: controller.signal, onEvent: (e) => e.type === 'batch-promoted' && controller.abort() });
  assert.equal(r.cancelled, true);
  assert.equal(runs()[0]!.outcome, 'cancelled');
  const rows = deployments();
  for (const ip of ips) {
    const restarted = f.lifecycle(ip, 'app').length > before[ip]!;
    const row = rows.find((d) => d['worker_ip'] === ip)!;
    // went back: promoted at the release it runs; not restarted: its release was never restored (the restore
    // rides on the restart call), so it still runs the v5 it was deployed, as the catalog says
    assert.equal(row['rollout'], restarted ? 'pinned' : 'promoted', `worker ${ip}`);
    if (!restarted) assert.equal(tree(ip)['conf.txt'], Buffer.from('v5\n').toString('base64'), `worker ${ip} still has the v5 files`);
  }
  assert.equal(rows.filter((d) => d['rollout'] === 'pinned').length, 2);
});
