// The bundled action (dist/main, dist/post) under faults, with the state in the cache-service stand-in:
// the ssh key missing, ssh_user rejected by the workers, a worker going down mid-deploy, a crashing
// hook. Each fails the step with one setFailed message, writes the job summary, and the post step
// still saves the state (its generation advances); once repaired the next run finishes the work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from '../action/cache-service.ts';
import { JobRun, type StepResult } from '../action/runner.ts';
import { Checkout, RECORDING_MAKEFILE, lifecycle, remoteFile, sshInputs } from '../action/workspace.ts';

const NET = '127.0.89';
const KEY = 'fault suite state key 0123456789';
let workers: WorkerSet;
let cache: CacheService;
let co: Checkout;
let ips: string[];
let inputs: Record<string, string>;
let runId = 900;
let generation = 0;
let bucketId = '';
let version = 0;
const runs: JobRun[] = [];

function newRun(): JobRun {
  co.forgetState(); // every run is a fresh runner: the state comes from the cache
  const r = new JobRun(runId++, { workspace: co.dir, env: cache.env() });
  runs.push(r);
  return r;
}

/** app with its conf at the next version (and `extra` files), so every run has work to do. */
function changeApp(extra: Record<string, string> = {}, manifest: object = {}): string {
  version++;
  const conf = `v=${version}\n`;
  co.job('app', { version: '1.0.0', selectors: ['worker'], max_concurrent_upgrades: 1, ...manifest }, { 'conf/app.conf': conf, ...extra });
  return conf;
}

function savedGeneration(post: StepResult): number {
  const m = /state: saved generation (\d+) of bucket ([0-9a-f-]+)/.exec(post.stdout);
  assert.ok(m, `the post step saved the state:\n${post.stdout}${post.stderr}`);
  bucketId = m[2]!;
  return Number(m[1]);
}

/** One setFailed line matching `message`, a failure summary, no ssh dir left, and the state saved one generation on. */
function assertFailedStep(r: JobRun, main: StepResult, post: StepResult, message: RegExp): void {
  assert.equal(main.exitCode, 1, main.stdout + main.stderr);
  // core.setFailed writes `::error::<message>` (annotations carry properties: `::error title=…::`)
  const failed = main.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  assert.equal(failed.length, 1, main.stdout);
  const line = failed[0]!.slice('::error::'.length);
  assert.doesNotMatch(line, /%0A/, 'one line');
  assert.match(line, message);
  assert.doesNotMatch(main.stdout + main.stderr, /^\s+at .*[(:]\d+/m, 'no stack trace');
  assert.match(main.summary, /^## ❌ maand deploy/);
  assert.equal(post.exitCode, 0, post.stdout + post.stderr);
  assert.equal(savedGeneration(post), ++generation);
  assert.deepEqual(readdirSync(join(r.temp, '_temp')).filter((f) => f.startsWith('maand-ssh-')), [], 'the private ssh dir is gone');
}

/** The repaired next run deploys `conf` everywhere and saves the next generation. */
async function assertNextRunFinishes(conf: string): Promise<void> {
  const { main, post } = await newRun().both(inputs);
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  assert.equal(savedGeneration(post), ++generation);
  for (const ip of ips) {
    assert.equal(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), conf, ip);
    assert.match(lifecycle(workers, ip, bucketId, 'app').at(-1) ?? '', /^(start|restart) 1\.0\.0$/, ip);
  }
}

before(async () => {
  workers = await startWorkers({ count: 2, net: NET });
  ips = workers.ips;
  cache = new CacheService();
  await cache.start();
  co = new Checkout();
  co.bucketFor(ips);
  inputs = { bucket: 'infra', 'state-key': KEY, ...sshInputs(workers) };
  const conf = changeApp();
  const { main, post } = await newRun().both(inputs);
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  generation = savedGeneration(post);
  for (const ip of ips) assert.equal(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), conf);
});

after(async () => {
  await workers.stop();
  await cache.stop();
  for (const r of runs) r.cleanup();
  co.cleanup();
});

test('given no ssh-private-key and none in the state, the step fails with one line saying to pass it; the post step saves the state', async () => {
  const conf = changeApp();
  const r = newRun();
  const { main, post } = await r.both({ ...inputs, 'ssh-private-key': '' });
  assertFailedStep(r, main, post, /ssh-private-key is required.*secrets\.MAAND_SSH_KEY/);
  for (const ip of ips) assert.notEqual(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), conf);
  await assertNextRunFinishes(conf);
});

test('given an ssh_user the workers reject, the step fails with one line naming the workers and the user; the post step saves the state', async () => {
  const conf = changeApp();
  co.write({ 'maand.conf': "use_sudo = false\nssh_user = 'nosuchuser'\nssh_key = 'worker.key'\n" });
  const r = newRun();
  const { main, post } = await r.both(inputs);
  assertFailedStep(r, main, post, new RegExp(`workers ${ips.join(', ').replaceAll('.', '\\.')}: unreachable .*nosuchuser@<worker>: Permission denied \\(publickey\\)\\.; the worker refused the login: check ssh_user and the ssh key`));
  co.bucketFor(ips);
  await assertNextRunFinishes(conf);
});

test('given a worker goes down mid-deploy, the step fails with one line naming it; the post step saves the state', async () => {
  const bad = ips[1]!;
  const marker = join(workers.dir, 'make-started');
  rmSync(marker, { force: true });
  const slowRestart = RECORDING_MAKEFILE.replace('restart:\n', `restart:\n\t@if [ -f /opt/worker/.slow ]; then touch ${marker}; sleep 3; fi\n`);
  const conf = changeApp({ Makefile: slowRestart });
  writeFileSync(join(workers.optDir(bad), '.slow'), '');
  const r = newRun();
  const running = r.main(inputs);
  for (let i = 0; i < 200 && !existsSync(marker); i++) await sleep(25);
  assert.ok(existsSync(marker), 'make restart started on the worker');
  await workers.stopWorker(bad);
  rmSync(join(workers.optDir(bad), '.slow'));
  const main = await running;
  const post = await r.post(inputs);
  assertFailedStep(r, main, post, new RegExp(`worker ${bad.replaceAll('.', '\\.')} unreachable`));
  await workers.startWorker(bad);
  await assertNextRunFinishes(conf);
});

test('given a pre_deploy hook that crashes, the step fails with one line naming the job and the hook; the post step saves the state', async () => {
  const conf = changeApp({ '_modules/command_pre.py': 'import sys\nsys.exit(3)\n' }, { commands: { command_pre: { executed_on: ['pre_deploy'] } } });
  const r = newRun();
  const { main, post } = await r.both(inputs);
  assertFailedStep(r, main, post, /^maand deploy: 1 of 1 job failed: job app: command command_pre failed: workers 127\.0\.89\.1, 127\.0\.89\.2: command execution failed \(exit 3\) \(event pre_deploy\)$/);
  for (const ip of ips) assert.notEqual(remoteFile(workers, ip, bucketId, 'app', 'conf/app.conf'), conf);
  co.write({ 'workspace/jobs/app/_modules/command_pre.py': 'print("fine")\n' });
  await assertNextRunFinishes(conf);
});
