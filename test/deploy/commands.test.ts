// The scripts and command lines deploy sends to workers (deploy spec §5.2, §6.1, §18.2), pinned as exact
// strings: a change to what runs on every worker shows up here first. One lifecycle script also runs in
// a real bash against real make, to check the `maand-runner:` protocol the worker link parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupJobCommand, lifecycleScript, parseMissing, prerequisiteScript, removeBucketCommand, runnerCommand } from '../../src/deploy/commands.ts';

const RUN_TARGET = (target: string): string[] => [
  'run_target() {',
  '  local dir=/opt/worker/b1/jobs/"$1"',
  '  echo "maand-runner: begin $1"',
  '  if [ ! -d "$dir" ]; then echo "runner: job $1 is not deployed on this worker ($dir is missing); run maand deploy" >&2; echo "maand-runner: result $1 1"; return 0; fi',
  '  local code=0',
  `  CURRENT_VERSION="$2" NEW_VERSION="$3" make -s -C "$dir" ${target} || code=$?`,
  '  echo "maand-runner: result $1 $code"',
  '}',
];

test('given one job to start, when its lifecycle script is built, then it is the run_target function and one call with both versions', () => {
  assert.equal(
    lifecycleScript('b1', 'start', [{ job: 'api', currentVersion: '0.0.0', newVersion: '1.0.0' }]),
    [...RUN_TARGET('start'), 'run_target api 0.0.0 1.0.0'].join('\n'),
  );
});

test('given two jobs restarting on one worker, when their lifecycle script is built, then one function serves both calls in the given order', () => {
  assert.equal(
    lifecycleScript('b1', 'restart', [
      { job: 'db', currentVersion: '2.0', newVersion: '2.1' },
      { job: 'api', currentVersion: '1.0.0', newVersion: '1.0.0' },
    ]),
    [...RUN_TARGET('restart'), 'run_target db 2.0 2.1', 'run_target api 1.0.0 1.0.0'].join('\n'),
  );
});

test('given a reload target, when the lifecycle script is built, then make is called with reload', () => {
  assert.equal(lifecycleScript('b1', 'reload', [{ job: 'api', currentVersion: '1', newVersion: '2' }]), [...RUN_TARGET('reload'), 'run_target api 1 2'].join('\n'));
});

test('given two jobs where the first make fails, when the lifecycle script runs in bash, then both jobs run and each reports its exit code and versions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maand-lifecycle-'));
  try {
    for (const [job, exit] of [['db', 3], ['api', 0]] as const) {
      mkdirSync(join(dir, 'b1', 'jobs', job), { recursive: true });
      writeFileSync(join(dir, 'b1', 'jobs', job, 'Makefile'), `restart:\n\t@echo "${job} $$CURRENT_VERSION->$$NEW_VERSION"\n\t@exit ${exit}\n`);
    }
    const script = lifecycleScript('b1', 'restart', [
      { job: 'db', currentVersion: '2.0', newVersion: '2.1' },
      { job: 'api', currentVersion: '1.0.0', newVersion: '1.1.0' },
      { job: 'gone', currentVersion: '1', newVersion: '1' },
    ]).replace('/opt/worker/', `${dir}/`);
    const out = execFileSync('bash', ['-c', `${script} 2>/dev/null`], { encoding: 'utf8' });
    assert.deepEqual(out.trim().split('\n'), [
      'maand-runner: begin db', 'db 2.0->2.1', 'maand-runner: result db 2',
      'maand-runner: begin api', 'api 1.0.0->1.1.0', 'maand-runner: result api 0',
      'maand-runner: begin gone', 'maand-runner: result gone 1',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('given jobs with preludes, when the lifecycle script runs, then the preludes run side by side before any make and a failing one skips that job only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maand-lifecycle-'));
  try {
    for (const job of ['db', 'api']) {
      mkdirSync(join(dir, 'b1', 'jobs', job), { recursive: true });
      writeFileSync(join(dir, 'b1', 'jobs', job, 'Makefile'), `restart:\n\t@echo "${job} restarted with $$(cat conf)"\n`);
    }
    const script = lifecycleScript('b1', 'restart', [
      { job: 'db', currentVersion: '2', newVersion: '1', prelude: 'echo v1 > conf; echo "maand-release: db 0"' },
      { job: 'api', currentVersion: '2', newVersion: '1', prelude: 'echo "maand-release: api 44"; exit 44' },
    ]).replaceAll('/opt/worker/', `${dir}/`);
    const out = execFileSync('bash', ['-c', `cd ${dir}/b1/jobs/db && ${script} 2>/dev/null`], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    // the two preludes run concurrently: their lines come first, in either order
    assert.deepEqual(lines.slice(0, 2).sort(), ['maand-release: api 44', 'maand-release: db 0']);
    assert.deepEqual(lines.slice(2), ['maand-runner: begin db', 'db restarted with v1', 'maand-runner: result db 0', 'maand-runner: begin api', 'maand-runner: result api 44']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const PREREQUISITES = [
  'missing=()',
  'check() { command -v "$1" >/dev/null 2>&1 || missing+=("$1"); }',
  'check python3',
  'check make',
  'check rsync',
  'check bash',
  'check timeout',
];
const REPORT_MISSING = ['if [ ${#missing[@]} -gt 0 ]; then', '  echo "missing: ${missing[*]}"', '  exit 1', 'fi'];

test('given a bucket without sudo, when the prerequisite script is built, then it checks the five tools and never mentions sudo (Q16)', () => {
  assert.equal(prerequisiteScript(false), [...PREREQUISITES, ...REPORT_MISSING].join('\n'));
});

test('given a bucket with use_sudo, when the prerequisite script is built, then it also checks sudo and that sudo may run rsync without a password', () => {
  assert.equal(
    prerequisiteScript(true),
    [
      ...PREREQUISITES,
      'check sudo',
      'if command -v sudo >/dev/null 2>&1 && command -v rsync >/dev/null 2>&1; then',
      '  sudo -n rsync --version >/dev/null 2>&1 || missing+=("sudo-rsync")',
      'fi',
      ...REPORT_MISSING,
    ].join('\n'),
  );
});

test('given the output of a failed prerequisite check, when it is parsed, then the missing tools are listed', () => {
  assert.deepEqual(parseMissing('x\nmissing: python3 make\n'), ['python3', 'make']);
  assert.equal(parseMissing('permission denied\n'), undefined);
});

test('given a removed job, when its cleanup command is built, then it empties the job dir except data/ and logs/ and drops its retained releases', () => {
  assert.equal(
    cleanupJobCommand('b1', 'gone'),
    'if [ -d /opt/worker/b1/jobs/gone ]; then find /opt/worker/b1/jobs/gone -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi; rm -rf /opt/worker/b1/releases/gone',
  );
});

test('given a bucket, when its removal command is built, then it removes the bucket dir only', () => {
  assert.equal(removeBucketCommand('b1'), 'rm -rf /opt/worker/b1');
});

test('given a job target, when the runner command is built, then it calls the bucket runner.py for that job', () => {
  assert.equal(runnerCommand('b1', 'start', 'api'), 'python3 /opt/worker/b1/bin/runner.py b1 start --jobs api');
});
