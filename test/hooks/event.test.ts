// Several commands of one job for one event (spec kv §3.6, decision Q13) and `maand jobcommand`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { runEventCommands } from '../../src/hooks/event.ts';
import { runCliCommand } from '../../src/hooks/cli-command.ts';

const say = (text: string, exit = 0): string => `import sys\nprint(${JSON.stringify(text)})\nsys.exit(${exit})\n`;

describe('commands of one event', () => {
  let f: HookFixture;
  before(async () => {
    f = await hookFixture(['10.0.0.1'], {
      api: {
        manifest: manifestWith({ command_c: ['pre_deploy'], command_a: ['pre_deploy'], command_b: ['pre_deploy'], command_status: ['cli'] }),
        files: { '_modules/command_a.py': say('a'), '_modules/command_b.py': say('b', 1), '_modules/command_c.py': say('c'), '_modules/command_status.py': say('api status') },
      },
      db: { manifest: manifestWith({ command_status: ['cli'] }), files: { '_modules/command_status.py': say('db status') } },
      cache: { manifest: manifestWith({ command_other: ['cli'] }), files: { '_modules/command_other.py': say('other') } },
    });
  });
  after(async () => {
    await f.close();
  });

  test('commands run in name order and the first failure stops the rest', async () => {
    f.lines.length = 0;
    const r = await runEventCommands(f.ctx, { job: 'api', event: 'pre_deploy' });
    assert.equal(r.ok, false);
    assert.deepEqual(r.commands.map((c) => [c.command, c.ok]), [['command_a', true], ['command_b', false]]);
    assert.deepEqual(f.lines.map((l) => l.text), ['a', 'b']);
    assert.match(r.error!.message, /^job api command command_b failed: worker 10\.0\.0\.1: command execution failed \(exit 1\)/);
  });

  test('with continueOnFailure every command runs', async () => {
    const r = await runEventCommands(f.ctx, { job: 'api', event: 'pre_deploy', continueOnFailure: true });
    assert.deepEqual(r.commands.map((c) => [c.command, c.ok]), [['command_a', true], ['command_b', false], ['command_c', true]]);
  });

  test('a job without commands for the event succeeds without running anything', async () => {
    const r = await runEventCommands(f.ctx, { job: 'db', event: 'post_deploy' });
    assert.deepEqual([r.ok, r.commands], [true, []]);
  });

  test('`jobcommand` without a job runs the command on every job registering it for cli, alphabetically', async () => {
    const r = await runCliCommand(f.ctx, { command: 'command_status' });
    assert.deepEqual(r.runs.map((x) => [x.job, x.ok]), [['api', true], ['db', true]]);
  });

  test('`jobcommand` with a job runs it there only', async () => {
    const r = await runCliCommand(f.ctx, { command: 'command_status', job: 'api' });
    assert.deepEqual(r.runs.map((x) => x.job), ['api']);
  });

  test('`jobcommand` for an unregistered command, job or a concurrency below 1 fails before anything runs', async () => {
    await assert.rejects(runCliCommand(f.ctx, { command: 'command_nope' }), { message: 'command "command_nope" is not registered for event "cli"' });
    await assert.rejects(runCliCommand(f.ctx, { command: 'command_status', job: 'cache' }), { message: 'job "cache" command "command_status" is not registered for event "cli"' });
    await assert.rejects(runCliCommand(f.ctx, { command: 'command_status', concurrency: 0 }), { message: 'invalid argument: concurrency must be at least 1' });
  });
});
