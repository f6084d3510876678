// The one shell-quoting function (issue 15): what bash reads back is exactly the value, and nothing
// in it runs. Checked against a real bash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shq } from '../../src/remote/shell-quote.ts';
import { cleanupJobCommand, lifecycleScript, removeBucketCommand, runnerCommand } from '../../src/deploy/commands.ts';
import { workerScript } from '../../src/remote/script.ts';

/** bash's view of `words`: each argument on its own NUL-terminated record. */
function bashArgs(words: string, cwd: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${words}`], { cwd, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const TRICKY = ['j$(touch pwned)', 'k`touch pwned`', "it's", 'say "hi"', 'two\nlines', 'a b', '', '$HOME', '*', '-rf', "'", '\\n', 'x;touch pwned', '~root'];

test('given values with $(), backticks, quotes, newlines, spaces or nothing, when bash reads shq of each, then it gets each value back and runs nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maand-shq-'));
  try {
    assert.deepEqual(bashArgs(TRICKY.map(shq).join(' '), dir), TRICKY);
    assert.equal(existsSync(join(dir, 'pwned')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('given plain words (IPs, versions, paths), when quoted, then they stay bare as the reference sent them', () => {
  for (const v of ['10.0.0.1', '1.2.3-rc.1', '/opt/worker/b/jobs/api', 'fd00::3', 'a=b,c@d%e+f']) assert.equal(shq(v), v);
});

test('given special characters, when quoted, then the exact single-quoted word is produced', () => {
  assert.equal(shq(''), "''");
  assert.equal(shq('a b'), "'a b'");
  assert.equal(shq("it's"), "'it'\\''s'");
  assert.equal(shq('j$(id>f)'), "'j$(id>f)'");
  assert.equal(shq('k`id>f`'), "'k`id>f`'");
  assert.equal(shq('say "hi"'), `'say "hi"'`);
  assert.equal(shq('two\nlines'), "'two\nlines'");
});

test('given a job named j$(id>f), when its cleanup command is built, then the name is single-quoted', () => {
  assert.equal(
    cleanupJobCommand('b1', 'j$(id>f)'),
    "if [ -d '/opt/worker/b1/jobs/j$(id>f)' ]; then find '/opt/worker/b1/jobs/j$(id>f)' -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi; rm -rf '/opt/worker/b1/releases/j$(id>f)'",
  );
});

test('given a forged bucket id, when the bucket removal and runner commands are built, then the bucket dir is one quoted word', () => {
  assert.equal(removeBucketCommand('b;touch x'), "rm -rf '/opt/worker/b;touch x'");
  assert.equal(runnerCommand('b`id`', 'start', 'api'), "python3 '/opt/worker/b`id`/bin/runner.py' 'b`id`' start --jobs api");
});

test('given a job and versions with quotes, when the lifecycle script is built, then every value is quoted', () => {
  assert.equal(
    lifecycleScript('b1', 'start', [{ job: "o'k", currentVersion: '1.0 beta', newVersion: '$(v)' }]).split('\n').at(-1),
    "run_target 'o'\\''k' '1.0 beta' '$(v)'",
  );
});

test('given an empty env value, when the worker script is built, then it is exported as an empty quoted word', () => {
  assert.equal(workerScript([], { A: '' }).split('\n')[3], "export A=''");
});

test('given a cleanup of a job named with $() and backticks, when the command runs in bash, then nothing runs and only that directory is emptied', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maand-cleanup-'));
  try {
    const cmd = cleanupJobCommand('b1', 'j$(touch pwned)`touch pwned2`').replaceAll('/opt/worker', `${dir}/opt`);
    execFileSync('bash', ['-c', cmd], { cwd: dir });
    assert.equal(existsSync(join(dir, 'pwned')), false);
    assert.equal(existsSync(join(dir, 'pwned2')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
