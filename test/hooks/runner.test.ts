// Running job commands for real: Python and Node hooks in a built bucket, talking to the runtime
// API, with failures, huge output, timeouts, cancellation and permission denials.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { hookFixture, type HookFixture } from './helpers.ts';
import { runJobCommand } from '../../src/hooks/runner.ts';
import { isJobCommandError } from '../../src/hooks/errors.ts';

const KV_HOOK = `import maand
ip = maand.allocation_ip()
maand.put_job_variable("from_" + ip.replace(".", "_"), "v-" + maand.allocation_index()).raise_for_status()
maand.put_job_secret("pw", "s3cret").raise_for_status()
assert maand.get_kv_value("secrets/job/app", "pw") == "s3cret"
maand.put_deploy_order(["10.0.0.2", " 10.0.0.1 ", ""]).raise_for_status()
assert maand.get_rollout_order().json()["value"] == "10.0.0.2,10.0.0.1"
assert maand.get_store_value("vars/job/app", "missing").status_code == 404
assert "pw" in maand.list_job_keys().json()["namespaces"]["secrets/job/app"]
sem = maand.acquire_semaphore("migrate", capacity=1, timeout_seconds=5)
sem.raise_for_status()
assert sem.json()["acquired"] is True
assert maand.semaphore_status("migrate").json()["holders"] == [maand.allocation_id()]
maand.release_semaphore("migrate").raise_for_status()
print("ok", ip, maand.allocation_index(), maand.command_event(), maand.command_name(), maand.find_bucket_root().is_dir())
`;

const TS_HOOK = `import * as maand from './maand';
import { putJobVariable } from './maand.ts';
const put = await putJobVariable('ts_var', String(maand.allocationIp()));
if (!put.ok) throw new Error(await put.text());
const got: { value: string } = await (await maand.getStoreValue('vars/job/app', 'ts_var')).json();
console.log('ts read', got.value, maand.commandEvent(), typeof process.versions.node);
`;

const FAIL_HOOK = `import sys, maand
maand.put_job_variable("written_before_failing", "yes").raise_for_status()
print("boom", file=sys.stderr)
sys.exit(3)
`;

const DENY_HOOK = `import maand
maand.put_rollout_order("10.0.0.1").raise_for_status()
`;

const BIG_HOOK = `import sys
line = "x" * 99 + "\\n"
sys.stdout.write(line * 53000)
sys.stdout.write("y" * 200000)
`;

const HANG_HOOK = `import os, time
print("pid", os.getpid(), flush=True)
time.sleep(120)
`;

describe('running job commands', () => {
  let f: HookFixture;
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2'], {
      app: {
        manifest: {
          version: '1.2.0',
          selectors: ['worker'],
          commands: {
            command_kv: { executed_on: ['pre_deploy'] },
            command_ts: { executed_on: ['cli'] },
            command_fail: { executed_on: ['post_deploy'] },
            command_deny: { executed_on: ['post_deploy'] },
            command_big: { executed_on: ['cli'] },
            command_hang: { executed_on: ['cli'], timeout_seconds: 1 },
            command_wait: { executed_on: ['cli'] },
          },
        },
        files: {
          '_modules/command_kv.py': KV_HOOK,
          '_modules/command_ts.ts': TS_HOOK,
          '_modules/command_fail.py': FAIL_HOOK,
          '_modules/command_deny.py': DENY_HOOK,
          '_modules/command_big.py': BIG_HOOK,
          '_modules/command_hang.py': HANG_HOOK,
          '_modules/command_wait.py': HANG_HOOK,
        },
      },
    });
  });
  after(async () => {
    await f.close();
  });

  test('a Python hook uses get, put, secrets, put_deploy_order and semaphores against the real API', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_kv', event: 'pre_deploy' });
    assert.equal(r.error?.message, undefined);
    assert.deepEqual(r.allocations.map((a) => [a.worker, a.ok, a.exitCode]), [['10.0.0.1', true, 0], ['10.0.0.2', true, 0]]);
    assert.equal(f.kv.get('vars/job/app', 'from_10_0_0_1'), 'v-0');
    assert.equal(f.kv.get('vars/job/app', 'from_10_0_0_2'), 'v-1');
    assert.equal(f.kv.get('maand/job/app', 'rollout_order'), '10.0.0.2,10.0.0.1');
    assert.match(f.kv.get('secrets/job/app', 'pw'), /^enc:v1:/);
    assert.match(f.output('10.0.0.1'), /^ok 10\.0\.0\.1 0 pre_deploy command_kv True$/m);
  });

  test('a .ts hook runs with the Node.js that runs maand and may import ./maand without extension', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_ts', event: 'cli', workers: ['10.0.0.2'] });
    assert.equal(r.error?.message, undefined);
    assert.equal(f.kv.get('vars/job/app', 'ts_var'), '10.0.0.2');
    assert.match(f.output('10.0.0.2'), /^ts read 10\.0\.0\.2 cli string$/m);
  });

  test('a hook exiting 1 fails with an error naming job, command, every worker and the event, and its KV writes are reverted', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_fail', event: 'post_deploy' });
    assert.equal(r.ok, false);
    assert.ok(isJobCommandError(r.error, 'failed'));
    assert.equal(
      r.error.message,
      'job app command command_fail failed: workers 10.0.0.1, 10.0.0.2: command execution failed (exit 3) (event post_deploy)',
    );
    assert.equal(r.kvReverted, true);
    assert.equal(f.kv.tryGet('vars/job/app', 'written_before_failing'), undefined);
    assert.ok(f.lines.some((l) => l.command === 'command_fail' && l.stream === 'stderr' && l.text === 'boom'));
    assert.match(r.allocations[0]!.outputTail, /boom/);
  });

  test('a hook writing a namespace it may not gets 400 and the failure names the refused write', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_deny', event: 'post_deploy', workers: ['10.0.0.1'] });
    assert.equal(
      r.error?.message,
      'job app command command_deny failed: worker 10.0.0.1: command execution failed (exit 1); the runtime API refused: PUT /kv maand/job/app rollout_order: Invalid or unauthorized namespace (event post_deploy)',
    );
    assert.match(f.output('10.0.0.1'), /403 Client Error: Invalid or unauthorized namespace/);
  });

  test('a hook printing 5 MB streams every line and keeps only a bounded tail', async () => {
    const before = f.lines.length;
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_big', event: 'cli', workers: ['10.0.0.1'] });
    assert.equal(r.ok, true);
    const lines = f.lines.slice(before);
    assert.equal(lines.filter((l) => l.text.length === 99).length, 53000);
    assert.deepEqual(lines.slice(53000).map((l) => l.text.length), [65536, 65536, 65536, 3392]);
    assert.ok(r.allocations[0]!.outputTail.length <= 64 * 1024 + 100);
    assert.match(r.allocations[0]!.outputTail, /y{3392}$/);
  });

  test('a hook running past its manifest timeout_seconds is stopped and its process is gone', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_hang', event: 'cli', workers: ['10.0.0.1'] });
    const a = r.allocations[0]!;
    assert.equal(a.ok, false);
    assert.equal(a.timedOut, true);
    assert.match(a.error!, /^command timed out after 1s and was stopped \(exit -1\); raise commands\.command_hang\.timeout_seconds in manifest\.json/);
    const pid = /pid (\d+)/.exec(a.outputTail)![1];
    assert.equal(existsSync(`/proc/${pid}`), false);
  });

  test('an explicit timeout option wins over the manifest', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_wait', event: 'cli', workers: ['10.0.0.1'], timeoutMs: 300 });
    assert.match(r.allocations[0]!.error!, /^command timed out after 0\.3s/);
  });

  test('cancelling a run sends SIGTERM to the running hooks and starts no more', async () => {
    const ac = new AbortController();
    const ctx = { ...f.ctx, signal: ac.signal, onOutput: (l: { text: string }) => (l.text.startsWith('pid ') ? ac.abort() : undefined) };
    const r = await runJobCommand(ctx, { job: 'app', command: 'command_wait', event: 'cli', workers: ['10.0.0.1', '10.0.0.2'] });
    assert.ok(isJobCommandError(r.error, 'cancelled'));
    assert.deepEqual(r.allocations.map((a) => a.error), ['cancelled (exit -1)', 'cancelled before it started']);
    assert.equal(r.allocations[1]!.exitCode, null);
  });

  test('a command not registered for the event is an error naming job, command and event, and nothing runs', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_kv', event: 'post_deploy' });
    assert.ok(isJobCommandError(r.error, 'not-registered'));
    assert.equal(r.error.message, 'job "app" command "command_kv" is not registered for event "post_deploy"');
    assert.deepEqual(r.allocations, []);
  });

  test('with no target workers nothing runs and the run succeeds', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_fail', event: 'post_deploy', workers: [] });
    assert.equal(r.ok, true);
  });

  test('a worker without an allocation of the job fails on that worker only', async () => {
    const r = await runJobCommand(f.ctx, { job: 'app', command: 'command_ts', event: 'cli', workers: ['10.9.9.9', '10.0.0.1'] });
    assert.deepEqual(r.allocations.map((a) => [a.worker, a.ok]), [['10.9.9.9', false], ['10.0.0.1', true]]);
    assert.equal(r.allocations[0]!.error, 'allocation index not found for job app on worker 10.9.9.9');
  });

  test('progress events frame every allocation run', async () => {
    f.progress.length = 0;
    await runJobCommand(f.ctx, { job: 'app', command: 'command_ts', event: 'cli', workers: ['10.0.0.1'] });
    assert.deepEqual(f.progress.map((p) => p.type), ['command-start', 'allocation-start', 'allocation-end', 'command-end']);
  });
});
