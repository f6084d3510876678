// `maand --help` and each command's help: one-line summaries in command lists, whole paragraphs
// in a command's own help, wrapped by commander at the terminal width (80 columns off a terminal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../src/cli/program.ts';
import type { CliIo } from '../../src/cli/io.ts';

/** Runs maand with a fake io; `tty` makes stdout a terminal of that many columns. */
async function help(args: string[], tty?: number): Promise<{ code: number; out: string }> {
  let out = '';
  const stdout: CliIo['stdout'] = { write: (s: string) => (out += s), ...(tty === undefined ? {} : { isTTY: true, columns: tty }) };
  const io: CliIo = { cwd: '/nonexistent', env: {}, stdout, stderr: { write: (s: string) => (out += s) } };
  const code = await runCli(args, io);
  return { code, out };
}

const MAAND_HELP = `Usage: maand [options] [command]

Deploy jobs to Linux workers over SSH and rsync, with rolling Makefile
lifecycles. Run every command from the bucket directory, the folder that holds
maand.conf, workspace/ and data/.

Options:
  -V, --version               output the version number
  -h, --help                  display help for command

Commands:
  init                        Create or upgrade the bucket in this directory
  build                       Reconcile workspace/ into the catalog
  deploy                      Deploy jobs to their workers
  rollback                    Roll jobs back to a release their workers retained
  job [target] [job]          Run a Makefile target of one job on its workers
  health                      Run the health checks of jobs
  jobcommand <command> [job]  Run a job command registered for the cli event
  gc                          Forget removed allocations and old KV history
  cat                         Show the catalog contents (read-only)
  help [command]              display help for command
`;

/**
 * Lines commander broke early: a line followed by more of the same text (a paragraph line, or
 * an option description's continuation) although the next word would have fit within `width`.
 */
function earlyBreaks(text: string, width: number): string[] {
  const lines = text.split('\n');
  const bad: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    const startsItem = /^ {2}\S/.test(next) || /^\S.*:$/.test(next);
    if (line === '' || next.trim() === '' || line.endsWith(':') || line.startsWith('Usage:') || startsItem) continue;
    const word = next.trim().split(' ')[0]!;
    if (line.length + 1 + word.length <= width) bad.push(`${line} ⏎ ${word}`);
  }
  return bad;
}

test('given no terminal, when maand --help runs, then it prints the one-line summary of every command at 80 columns', async () => {
  const r = await help(['--help']);
  assert.equal(r.code, 0);
  assert.equal(r.out, MAAND_HELP);
});

test('given no terminal, when maand deploy --help runs, then no line is longer than 80 columns and no sentence breaks early', async () => {
  const r = await help(['deploy', '--help']);
  assert.equal(r.code, 0);
  const long = r.out.split('\n').filter((l) => l.length > 80);
  assert.deepEqual(long, []);
  assert.deepEqual(earlyBreaks(r.out, 80), []);
  assert.match(r.out, /^Deploy jobs to their workers\. First reconcile/m);
  assert.match(r.out, /\n\nThe exit status is non-zero when any job failed/);
});

test('given a terminal of 120 columns, when maand deploy --help runs, then the text wraps at 120 columns', async () => {
  const r = await help(['deploy', '--help'], 120);
  const lines = r.out.split('\n');
  assert.ok(lines.every((l) => l.length <= 120), r.out);
  assert.ok(lines.some((l) => l.length > 80), 'wider lines than the 80-column default');
  assert.deepEqual(earlyBreaks(r.out, 120), []);
});

test('given the command list of a parent command, when maand cat --help runs, then each subcommand shows its summary on one line', async () => {
  const r = await help(['cat', '--help']);
  const list = r.out.slice(r.out.indexOf('Commands:\n') + 'Commands:\n'.length).trimEnd().split('\n');
  assert.deepEqual(list.map((l) => l.trim().split(/ {2,}/)), [
    ['workers', 'Show the workers of the catalog'],
    ['jobs', 'Show the jobs of the catalog'],
    ['allocations', 'Show the allocations of the catalog'],
    ['job_commands', 'Show the job commands of the catalog'],
    ['deployments', 'Show the deploy state of every allocation'],
    ['history', 'Show the deploy history, newest first'],
    ['kv', 'Show KV keys with their latest values'],
    ['help [command]', 'display help for command'],
  ]);
});

test('given any command, when its own --help runs, then it shows the long description, fits 80 columns and breaks no sentence early', async () => {
  const commands = [['init'], ['build'], ['deploy'], ['job'], ['job', 'run'], ['health'], ['jobcommand'], ['gc'], ['cat'], ['cat', 'workers'], ['cat', 'deployments'], ['cat', 'kv'], ['cat', 'kv', 'get']];
  for (const cmd of commands) {
    const r = await help([...cmd, '--help']);
    assert.equal(r.code, 0, cmd.join(' '));
    const description = r.out.split('\n\n')[1]!;
    assert.match(description, /\.$/, `maand ${cmd.join(' ')}: the description is whole sentences`);
    assert.deepEqual(r.out.split('\n').filter((l) => l.length > 80), [], `maand ${cmd.join(' ')}`);
    assert.deepEqual(earlyBreaks(r.out, 80), [], `maand ${cmd.join(' ')}`);
  }
});
