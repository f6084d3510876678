// CLI handlers run in process (runCli with captured output) on real buckets: numeric flags that are not
// numbers are errors naming the flag, and `maand deploy -b` shows what `maand build` shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

async function maand(root: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: root,
    env: { ...process.env, MAAND_TEST: '1', MAAND_QUIET: '' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

for (const value of ['abc', '-1', '1.5', '']) {
  test(`given --retain-days ${JSON.stringify(value)}, when maand gc runs, then it fails naming the flag and the catalog is unchanged`, () =>
    withBucket(async (b) => {
      b.workers([{ host: '10.0.0.1' }]);
      await b.build();
      const before = b.dbBytes();

      const r = await maand(b.root, ['gc', '--retain-days', value]);

      assert.equal(r.code, 1);
      assert.equal(r.stderr, `maand gc failed: invalid argument: --retain-days must be a whole number of days, 0 or more (got ${JSON.stringify(value)}); nothing was changed\n`);
      assert.deepEqual(b.dbBytes(), before);
    }));
}

test('given --retain-days 30, when maand gc runs, then it succeeds', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    const r = await maand(b.root, ['gc', '--retain-days', '30']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^gc: forgot 0 removed allocation\(s\)/);
  }));

/** A workspace whose build warns (a world-readable data/) and runs a post_build hook that prints. */
async function noisyBucket(b: TestBucket): Promise<void> {
  b.workers([{ host: '10.0.0.1' }]);
  b.job('a', { version: '1.0.0', selectors: ['worker'], commands: { command_hello: { executed_on: ['post_build'] } } }, {
    '_modules/command_hello.py': 'print("hello from post_build")\n',
  });
  chmodSync(join(b.root, 'data'), 0o755);
}

test('given a build with a warning and post_build output, when maand deploy -b runs, then it prints what maand build prints for it', () =>
  withBucket(async (built) =>
    withBucket(async (deployed) => {
      await noisyBucket(built);
      await noisyBucket(deployed);
      const build = await maand(built.root, ['build']);
      assert.equal(build.code, 0, build.stderr);
      assert.match(build.stderr, /^warning: tightened permissions .*data 0755 → 0700/m);
      assert.match(build.stderr, /^a@10\.0\.0\.1 \[post_build command_hello\] \| hello from post_build$/m);

      const deploy = await maand(deployed.root, ['deploy', '-b', '--dry-run']);

      assert.equal(deploy.code, 0, deploy.stderr);
      assert.ok(deploy.stderr.startsWith(build.stderr), `deploy -b stderr:\n${deploy.stderr}\nmaand build stderr:\n${build.stderr}`);
      assert.ok(deploy.stdout.startsWith(build.stdout), deploy.stdout);
      assert.match(build.stdout, /^build ok: 1 worker\(s\), 1 job\(s\), 1 active allocation\(s\)/);
    })));
