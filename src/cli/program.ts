// Every subcommand and flag of `maand`, declared in one place; handlers load lazily.
import { Command, CommanderError, Option } from 'commander';
import { errorText, MaandError } from '../errors.ts';
import type { CliIo } from './io.ts';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('maand')
    .description('Deploy jobs to Linux workers over SSH/rsync with rolling Makefile lifecycles.\nRun commands from the bucket directory (the folder holding maand.conf, workspace/, data/).')
    .version('0.1.0', '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run maand --help for usage)');
  let failurePrefix = 'maand';

  program
    .command('init')
    .description('Create (or upgrade) a bucket in the current directory: layout, catalog, bucket id, CA, KV key.\nA re-run upgrades the schema and never changes ids, keys or your files.')
    .action(async () => {
      failurePrefix = 'maand init failed';
      await (await import('./commands/init.ts')).initCommand(io);
    });

  program
    .command('build')
    .description('Reconcile workspace/ (workers.json, jobs, bucket.conf, …) into the catalog data/maand.db.\nAll-or-nothing: on any error the catalog is left exactly as it was.')
    .option('--purge-job-kv', 'also empty vars/job/<job> and secrets/job/<job> of jobs that were removed', false)
    .action(async (opts: { purgeJobKv: boolean }) => {
      failurePrefix = 'maand build failed';
      await (await import('./commands/build.ts')).buildCommand(io, opts);
    });

  const cat = program.command('cat').description('Show catalog contents (read-only).');
  for (const view of ['workers', 'jobs', 'allocations', 'job_commands', 'deployments'] as const) {
    cat
      .command(view)
      .description(`Show the ${view.replace('_', ' ')} of the catalog.`)
      .option('--jobs <names>', 'comma-separated job names to show')
      .option('--json', 'print JSON instead of a table', false)
      .action(async (opts: { jobs?: string; json: boolean }) => {
        await (await import('./commands/cat.ts')).catViewCommand(io, view, opts);
      });
  }
  const kv = cat
    .command('kv')
    .description('Show KV keys (latest version of each). Secrets show as [encrypted].')
    .option('--jobs <names>', 'only the namespaces these jobs can read')
    .option('--namespace <ns>', 'only this namespace')
    .option('--active', 'only live keys', false)
    .option('--deleted', 'only deleted keys', false)
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { jobs?: string; namespace?: string; active: boolean; deleted: boolean; json: boolean }) => {
      await (await import('./commands/cat.ts')).catKvCommand(io, opts);
    });
  kv.command('get')
    .description('Print one value.')
    .argument('<namespace>')
    .argument('<key>')
    .option('--reveal', 'decrypt a secret value', false)
    .action(async (ns: string, key: string, opts: { reveal: boolean }) => {
      await (await import('./commands/cat.ts')).catKvGetCommand(io, ns, key, opts);
    });

  program.addOption(new Option('--no-color', 'disable colours').hideHelp());
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.stderr.write(`${failurePrefix}: ${formatError(e)}\n`);
    return 1;
  }
}

function formatError(e: unknown): string {
  if (e instanceof MaandError) return e.message;
  if (e instanceof Error && e.name === 'KvError') return e.message;
  return errorText(e);
}
