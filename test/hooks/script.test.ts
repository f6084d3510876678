// Which program runs a job command (spec kv §3.2, §10.6 items 47-49 and 55, decision Q24).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { NODE_RESOLVE_HOOK, resolveHookScript } from '../../src/hooks/script.ts';
import { isJobCommandError } from '../../src/hooks/errors.ts';

describe('hook script resolution', () => {
  let f: HookFixture;
  before(async () => {
    f = await hookFixture(['10.0.0.1'], {
      py: { manifest: manifestWith({ command_health_check: ['health_check'] }), files: { '_modules/command_health_check.py': '' } },
      ts: { manifest: manifestWith({ command_health_check: ['health_check'] }), files: { '_modules/command_health_check.ts': '' } },
      js: { manifest: manifestWith({ command_health_check: ['health_check'] }), files: { '_modules/command_health_check.js': '' } },
      venv: { manifest: manifestWith({ command_x: ['cli'] }), files: { '_modules/command_x.py': '' } },
    });
  });
  after(async () => {
    await f.close();
  });

  const resolve = (job: string, command = 'command_health_check', extra: Partial<Parameters<typeof resolveHookScript>[0]> = {}) =>
    resolveHookScript({ root: f.root, db: f.db, job, command, event: 'health_check', env: process.env, ...extra });

  test('a .py command runs with python3 from PATH when the job has no venv', () => {
    const s = resolve('py');
    assert.equal(s.runtime, 'python');
    assert.match(s.program, /\/python3$/);
    assert.deepEqual(s.args, ['command_health_check.py']);
  });

  test('.ts and .js commands run with the Node.js running maand, with the extensionless-import hook', () => {
    for (const job of ['ts', 'js']) {
      const s = resolve(job);
      assert.equal(s.runtime, 'node');
      assert.equal(s.program, process.execPath);
      assert.deepEqual(s.args, ['--import', NODE_RESOLVE_HOOK, `command_health_check.${job}`]);
    }
  });

  test('with bun configured, .ts commands run as `bun run <file>`', () => {
    const bin = join(f.root, 'fake-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'bun'), '#!/bin/sh\n');
    chmodSync(join(bin, 'bun'), 0o755);
    const s = resolve('ts', 'command_health_check', { runtimes: { script: 'bun' }, env: { PATH: bin } });
    assert.deepEqual([s.runtime, s.program, s.args], ['bun', join(bin, 'bun'), ['run', 'command_health_check.ts']]);
  });

  test('a missing interpreter is a host prerequisite error', () => {
    assert.throws(
      () => resolve('ts', 'command_health_check', { runtimes: { script: 'bun' }, env: { PATH: '/nonexistent' } }),
      (e: Error) => isJobCommandError(e, 'prerequisites') && e.message.startsWith('host prerequisites not met: bun'),
    );
  });

  test('the workspace venv interpreter is used by absolute path when it exists', () => {
    const venv = join(f.root, 'workspace/jobs/venv/_modules/.venv/bin');
    mkdirSync(venv, { recursive: true });
    writeFileSync(join(venv, 'python3'), '#!/bin/sh\n');
    chmodSync(join(venv, 'python3'), 0o755);
    assert.equal(resolve('venv', 'command_x').program, join(venv, 'python3'));
  });

  test('two implementations of one command are an invalid configuration, none is file not found', () => {
    f.db.prepare("INSERT INTO job_files (job_id, path, content, isdir) SELECT job_id, 'py/_modules/command_health_check.ts', x'', 0 FROM job WHERE name = 'py'").run();
    assert.throws(() => resolve('py'), (e: Error) => isJobCommandError(e, 'script') && e.message.includes('invalid job command configuration: multiple implementations for command_health_check'));
    assert.throws(
      () => resolve('py', 'command_nothing'),
      (e: Error) => e.message === 'job py command command_nothing: job command file not found: expected command_nothing.py, command_nothing.ts, or command_nothing.js under workspace/jobs/py/_modules (run maand build after adding it)',
    );
  });
});
