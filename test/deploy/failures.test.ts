// Failure handling on real workers: unreachable worker (Q4), failing health check (Q30),
// post_deploy retry (S3), cancellation mid-rollout (Q6), a failing job's dependants (Q7).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';

let f: DeployFixture;
let ips: string[];
before(async () => {
  f = await deployFixture('127.0.52', 3);
  ips = f.workers.ips;
  f.bucket.workers([{ host: ips[0], labels: ['a'] }, { host: ips[1], labels: ['a'] }, { host: ips[2], labels: ['b'] }]);
  f.bucket.job('onA', { version: '1.0.0', selectors: ['a'] }, { Makefile: RECORDING_MAKEFILE });
  f.bucket.job('onB', { version: '1.0.0', selectors: ['b'] }, { Makefile: RECORDING_MAKEFILE });
  await f.bucket.build();
});
after(async () => f.close());

test('an unreachable worker fails only the jobs placed on it; the next deploy finishes the work', async () => {
  await f.workers.stopWorker(ips[2]!);
  try {
    const r = await f.deploy();
    assert.deepEqual(r.failedJobs, ['onB']);
    const onB = r.jobs.find((j) => j.job === 'onB')!;
    assert.match(onB.error!, new RegExp(`worker ${ips[2]!.replaceAll('.', '\\.')} unreachable \\(ssh exit 255\\)`));
    for (const ip of ips.slice(0, 2)) assert.deepEqual(f.lifecycle(ip, 'onA'), ['start 0.0.0 1.0.0']);
  } finally {
    await f.workers.startWorker(ips[2]!);
  }
  const again = await f.deploy();
  assert.deepEqual(again.failedJobs, []);
  assert.deepEqual(again.jobs.map((j) => [j.job, j.status]), [['onA', 'unchanged'], ['onB', 'deployed']]);
  assert.deepEqual(f.lifecycle(ips[2]!, 'onB'), ['start 0.0.0 1.0.0']);
});

test('a failing health check fails that job only, stops its later batches, and the next deploy retries it', async () => {
  // health_check hook that fails while a flag file exists in the bucket.
  const flag = `${f.bucket.root}/health-fails`;
  f.bucket.write({ 'health-fails': '' });
  f.bucket.job('svc', { version: '1.0.0', selectors: ['a'], max_concurrent_starts: 1, commands: { command_health: { executed_on: ['health_check'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    '_modules/command_health.py': `import os, sys\nsys.exit(1 if os.path.exists(${JSON.stringify(flag)}) else 0)\n`,
  });
  f.bucket.write({ 'workspace/jobs/svc/manifest.json': JSON.stringify({ version: '1.0.0', selectors: ['a'], max_concurrent_starts: 1, commands: { command_health: { executed_on: ['health_check'] } }, health_check: { checks: [{ type: 'ssh', command: 'true' }], timeout_seconds: 10, wait: { attempts: 2, interval_seconds: 1 } } }) });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, ['svc']);
  assert.match(r.jobs.find((j) => j.job === 'svc')!.error!, /health check failed/);
  // First batch started and promoted, second batch never rolled.
  assert.deepEqual(f.lifecycle(ips[0]!, 'svc'), ['start 0.0.0 1.0.0']);
  assert.deepEqual(f.lifecycle(ips[1]!, 'svc'), []);
  const promoted = f.bucket.rows<{ p: number }>("SELECT COUNT(*) AS p FROM hash WHERE namespace = 'svc_allocation' AND previous_hash IS NOT NULL")[0]!.p;
  assert.equal(promoted, 1);
  f.bucket.remove('health-fails');
  const again = await f.deploy();
  assert.deepEqual(again.failedJobs, []);
  assert.deepEqual(f.lifecycle(ips[0]!, 'svc'), ['start 0.0.0 1.0.0'], 'the promoted batch is not restarted');
  assert.deepEqual(f.lifecycle(ips[1]!, 'svc'), ['start 0.0.0 1.0.0']);
});

test('a failed post_deploy is retried alone by the next deploy, without rsync or lifecycle', async () => {
  const flag = `${f.bucket.root}/post-fails`;
  f.bucket.write({ 'post-fails': '' });
  f.bucket.job('post', { version: '1.0.0', selectors: ['b'], commands: { command_post: { executed_on: ['post_deploy'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    '_modules/command_post.py': `import os, sys\nopen(${JSON.stringify(`${f.bucket.root}/post-runs`)}, 'a').write('run\\n')\nsys.exit(1 if os.path.exists(${JSON.stringify(flag)}) else 0)\n`,
  });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, ['post']);
  assert.deepEqual(f.lifecycle(ips[2]!, 'post'), ['start 0.0.0 1.0.0']);
  f.bucket.remove('post-fails');
  const again = await f.deploy();
  assert.deepEqual(again.failedJobs, []);
  assert.deepEqual(f.lifecycle(ips[2]!, 'post'), ['start 0.0.0 1.0.0'], 'no second start');
  assert.equal(f.bucket.read('post-runs'), 'run\nrun\n');
  const third = await f.deploy();
  assert.equal(third.jobs.find((j) => j.job === 'post')!.status, 'unchanged');
});

test('a job whose upstream failed in this deploy is not deployed and says why', async () => {
  f.bucket.job('base', { version: '1.0.0', selectors: ['b'], commands: { command_ready: { executed_on: ['pre_deploy'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    '_modules/command_ready.py': 'import sys\nsys.exit(3)\n',
  });
  f.bucket.job('top', { version: '1.0.0', selectors: ['b'], commands: { command_x: { executed_on: ['cli'], demands: { job: 'base', command: 'command_ready' } } } }, {
    Makefile: RECORDING_MAKEFILE,
    '_modules/command_x.py': '',
  });
  await f.bucket.build();
  const r = await f.deploy({ jobs: ['base', 'top'] });
  assert.deepEqual(r.failedJobs.sort(), ['base', 'top']);
  const top = r.jobs.find((j) => j.job === 'top')!;
  assert.equal(top.status, 'blocked');
  assert.match(top.error!, /upstream job base failed/);
  assert.match(r.jobs.find((j) => j.job === 'base')!.error!, /exit 3/);
  f.bucket.remove('workspace/jobs/base');
  f.bucket.remove('workspace/jobs/top');
  await f.bucket.build();
  await f.deploy();
});

test('cancelling mid-rollout finishes the running batch, records it, and the next deploy continues', async () => {
  f.bucket.write({ 'workspace/jobs/onA/Makefile': `${RECORDING_MAKEFILE}\n# v2\n` });
  f.bucket.write({ 'workspace/jobs/onA/manifest.json': JSON.stringify({ version: '1.0.0', selectors: ['a'], max_concurrent_upgrades: 1 }) });
  await f.bucket.build();
  const controller = new AbortController();
  const run = f.deploy({ signal: controller.signal });
  // Abort as soon as the first restart batch starts.
  await waitFor(() => f.events.some((e) => e.type === 'batch-started' && e.job === 'onA'));
  controller.abort();
  const r = await run;
  assert.equal(r.cancelled, true);
  assert.deepEqual(r.failedJobs, ['onA']);
  assert.equal(f.lifecycle(ips[0]!, 'onA').at(-1), 'restart 1.0.0 1.0.0');
  assert.equal(f.lifecycle(ips[1]!, 'onA').at(-1), 'start 0.0.0 1.0.0');
  const pending = f.bucket.rows<{ n: number }>("SELECT COUNT(*) AS n FROM hash WHERE namespace = 'onA_allocation' AND previous_hash = current_hash")[0]!.n;
  assert.equal(pending, 1, 'the finished batch is promoted, the other is not');
  const again = await f.deploy();
  assert.deepEqual(again.failedJobs, []);
  assert.deepEqual(f.lifecycle(ips[0]!, 'onA'), ['start 0.0.0 1.0.0', 'restart 1.0.0 1.0.0']);
  assert.deepEqual(f.lifecycle(ips[1]!, 'onA'), ['start 0.0.0 1.0.0', 'restart 1.0.0 1.0.0']);
});

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
}
