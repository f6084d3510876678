// post_build hooks (build-and-catalog §11, spec kv §10.6 item 65).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hookFixture, manifestWith } from './helpers.ts';
import { postBuildPlan, runPostBuild } from '../../src/hooks/post-build.ts';

/** Appends `<job> <command> <ip>` to <bucket>/order.log and puts a job variable. */
const RECORD = `import maand
with open(maand.find_bucket_root() / "order.log", "a") as f:
    f.write("%s %s %s\\n" % (maand.job_name(), maand.command_name(), maand.allocation_ip()))
maand.put_job_variable("post_build_" + maand.command_name(), "done").raise_for_status()
`;

function jobs(failing: string | undefined): Parameters<typeof hookFixture>[1] {
  const files = (...names: string[]) => Object.fromEntries(names.map((n) => [`_modules/${n}.py`, n === failing ? `${RECORD}raise SystemExit(2)\n` : RECORD]));
  return {
    db: { manifest: manifestWith({ command_z: ['post_build'], command_init: ['post_build'] }), files: files('command_z', 'command_init') },
    cache: { manifest: manifestWith({ command_warm: ['post_build'] }), files: files('command_warm') },
    app: {
      manifest: { version: '1.0.0', selectors: ['worker'], commands: { command_seed: { executed_on: ['post_build'], demands: { job: 'db', command: 'command_init' } } } },
      files: files('command_seed'),
    },
  };
}

test('post_build runs per deployment sequence, jobs and commands by name, allocations one at a time, and persists its KV', async () => {
  const f = await hookFixture(['10.0.0.1', '10.0.0.2'], jobs(undefined));
  try {
    assert.deepEqual(postBuildPlan(f.db).map((p) => `${p.seq} ${p.job} ${p.command}`), ['0 cache command_warm', '0 db command_init', '0 db command_z', '1 app command_seed']);
    rmSync(join(f.root, 'order.log'), { force: true });
    const r = await runPostBuild({ root: f.root, db: f.db, env: process.env });
    assert.equal(r.error?.message, undefined);
    assert.equal(readFileSync(join(f.root, 'order.log'), 'utf8'), [
      'cache command_warm 10.0.0.1', 'cache command_warm 10.0.0.2', 'db command_init 10.0.0.1', 'db command_init 10.0.0.2',
      'db command_z 10.0.0.1', 'db command_z 10.0.0.2', 'app command_seed 10.0.0.1', 'app command_seed 10.0.0.2', '',
    ].join('\n'));
    assert.equal(f.bucket.kvGet('vars/job/app', 'post_build_command_seed'), 'done');
    assert.equal(r.ok, true);
  } finally {
    await f.close();
  }
});

test('a failing post_build hook fails the run naming post_build, later hooks still run, and no post_build KV is kept', async () => {
  const f = await hookFixture(['10.0.0.1'], jobs('command_init'));
  try {
    rmSync(join(f.root, 'order.log'), { force: true });
    const r = await runPostBuild({ root: f.root, db: f.db, env: process.env });
    assert.equal(r.ok, false);
    assert.equal(r.error?.code, 'post_build');
    assert.equal(r.error?.message, 'post_build: job db command command_init failed: worker 10.0.0.1: command execution failed (exit 2) (event post_build)');
    assert.equal(readFileSync(join(f.root, 'order.log'), 'utf8').trim().split('\n').length, 4);
    assert.equal(f.bucket.kvGet('vars/job/cache', 'post_build_command_warm'), undefined);
    assert.equal(f.bucket.rows("SELECT * FROM job_commands WHERE executed_on = 'post_build'").length, 4);
  } finally {
    await f.close();
  }
});

test('a bucket without post_build commands has nothing to run', async () => {
  const f = await hookFixture(['10.0.0.1'], { api: { manifest: manifestWith({}) } });
  try {
    assert.deepEqual(await runPostBuild({ root: f.root, db: f.db }), { ok: true, runs: [], failures: [], kvChanges: 0 });
  } finally {
    await f.close();
  }
});
