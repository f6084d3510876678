// Faulty hooks through the bundled CLI: a pre_deploy hook that crashes, a post_deploy hook that hangs
// past its timeout_seconds. The deploy fails once naming the job, the hook and what to do, nothing is
// left behind (the hung hook's processes included), and once the hook is fixed the next deploy
// finishes the work: a crashed pre_deploy held the rollout back, a hung post_deploy runs again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';
import { assertFailedCleanly, cleanupRuns, deployArgs, deployments, maand } from './cli.ts';

const NET = '127.0.87';
let f: DeployFixture;
let ips: string[];

const OK_HOOK = 'print("fine")\n';

function writeJob(version: string, hooks: { pre: string; post: string }): void {
  f.bucket.job('app', {
    version, selectors: ['worker'],
    commands: { command_pre: { executed_on: ['pre_deploy'] }, command_post: { executed_on: ['post_deploy'], timeout_seconds: 1 } },
  }, { Makefile: RECORDING_MAKEFILE, '_modules/command_pre.py': hooks.pre, '_modules/command_post.py': hooks.post });
}

before(async () => {
  f = await deployFixture(NET, 2);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  writeJob('1.0.0', { pre: OK_HOOK, post: OK_HOOK });
  const first = await maand(f.bucket.root, deployArgs(f.workers.knownHosts, '--build'));
  assert.equal(first.code, 0, first.stderr);
});
after(async () => {
  await f.close();
  cleanupRuns();
});

const all = (state: string): Record<string, Record<string, string>> => ({ app: Object.fromEntries(ips.map((ip) => [ip, state])) });
const lastLifecycle = (): Array<string | undefined> => ips.map((ip) => f.lifecycle(ip, 'app').at(-1));

test('given a pre_deploy hook that crashes, deploy fails once naming the job and the hook, rolls nothing out; the fixed hook lets the next deploy finish', async () => {
  writeJob('1.1.0', { pre: 'import sys\nprint("about to fail", file=sys.stderr)\nsys.exit(3)\n', post: OK_HOOK });
  const b = await maand(f.bucket.root, ['build']);
  assert.equal(b.code, 0, b.stderr);
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: job app: command command_pre failed: workers 127\.0\.87\.1, 127\.0\.87\.2: command execution failed \(exit 3\) \(event pre_deploy\)/);
  assert.deepEqual(lastLifecycle(), ips.map(() => 'start 0.0.0 1.0.0'), 'nothing was restarted');
  assert.deepEqual(await deployments(f.bucket.root), all('restart'));

  writeJob('1.1.0', { pre: OK_HOOK, post: OK_HOOK });
  assert.equal((await maand(f.bucket.root, ['build'])).code, 0);
  const again = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(lastLifecycle(), ips.map(() => 'restart 1.0.0 1.1.0'));
  assert.deepEqual(await deployments(f.bucket.root), all('promoted'));
});

test('given a post_deploy hook that hangs past its timeout, deploy fails once naming the timeout and stops the hook; the fixed hook runs on the next deploy', async () => {
  const pids = join(f.bucket.root, 'hung.pids');
  const marks = join(f.bucket.root, 'post.marks');
  const hangFlag = join(f.bucket.root, 'hang');
  writeFileSync(hangFlag, '');
  // while the flag exists the hook hangs, leaving a grandchild too: the timeout must stop the whole
  // process group; removing the flag repairs it without changing the job's files
  const post = [
    'import os, subprocess, time',
    `if os.path.exists(${JSON.stringify(hangFlag)}):`,
    '    child = subprocess.Popen(["sleep", "60"])',
    `    with open(${JSON.stringify(pids)}, "a") as f:`,
    '        f.write(f"{os.getpid()} {child.pid}\\n")',
    '    time.sleep(60)',
    `with open(${JSON.stringify(marks)}, "a") as f:`,
    '    f.write("post\\n")',
    '',
  ].join('\n');
  writeJob('1.2.0', { pre: OK_HOOK, post });
  assert.equal((await maand(f.bucket.root, ['build'])).code, 0);
  const r = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assertFailedCleanly(r, f.bucket.root, 'deploy', /^maand deploy failed: job app: command command_post failed: workers 127\.0\.87\.1, 127\.0\.87\.2: command timed out after 1(\.0)? ?s and was stopped \(exit -1\); raise commands\.command_post\.timeout_seconds in manifest\.json if it needs longer \(event post_deploy\)/);
  // the rollout itself finished and was promoted before post_deploy
  assert.deepEqual(lastLifecycle(), ips.map(() => 'restart 1.1.0 1.2.0'));
  const hung = readFileSync(pids, 'utf8').trim().split(/\s+/).map(Number);
  assert.ok(hung.length >= 2);
  for (const pid of hung) assert.ok(!existsSync(`/proc/${pid}/cmdline`) || readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] === 'Z', `hook process ${pid} still runs`);
  assert.ok(!existsSync(marks));

  rmSync(hangFlag);
  const again = await maand(f.bucket.root, deployArgs(f.workers.knownHosts));
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(marks, 'utf8'), ips.map(() => 'post\n').join(''), 'post_deploy ran again, once per allocation');
  assert.deepEqual(lastLifecycle(), ips.map(() => 'restart 1.1.0 1.2.0'), 'the promoted allocations are not restarted again');
  assert.deepEqual(await deployments(f.bucket.root), all('promoted'));
});
