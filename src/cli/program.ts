// Every subcommand and flag of `maand`, declared in one place; handlers load lazily.
import { Command, CommanderError, Option } from 'commander';
import { PartialFailureError, userMessage } from '../errors.ts';
import type { CliIo } from './io.ts';
import { withHostKeyFlags } from './ssh-access.ts';

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

  withHostKeyFlags(program.command('deploy'))
    .description(
      'Deploy jobs to their workers: reconcile removed/disabled allocations, then per deployment_seq wave\n' +
        'run pre_deploy, stage and hash each job, rsync what changed and roll it out in batches\n' +
        '(make start/restart/reload), promoting each batch in the catalog as it succeeds.\n' +
        'Exit status is non-zero when any job failed; failed jobs are retried by the next deploy.',
    )
    .option('--jobs <names>', 'comma-separated job names (unknown names are an error)')
    .option('-n, --dry-run', 'print what would happen to each allocation and why; change nothing', false)
    .option('--force', 'roll out every selected job even when nothing changed', false)
    .option('--sync-only', 'rsync files and run post_deploy, without start/restart/reload', false)
    .option('-b, --build', 'run maand build first', false)
    .option('--output <file>', 'write the result (or dry-run plan) as JSON to this file')
    .option('-v, --verbose', 'also show rsync transfer output', false)
    .action(async (opts: import('./commands/deploy.ts').DeployCliOptions) => {
      failurePrefix = opts.dryRun ? 'maand deploy --dry-run failed' : 'maand deploy failed';
      await (await import('./commands/deploy.ts')).deployCommand(io, opts);
    });

  const jobCmd = withHostKeyFlags(program.command('job'))
    .description('Run a lifecycle target of one job on its workers.')
    .argument('[target]', 'reference form: maand job <target> <job>')
    .argument('[job]')
    .action(async (target: string | undefined, job: string | undefined, opts: { knownHosts?: string; insecureSkipHostKeyCheck: boolean }) => {
      if (!target || !job) {
        jobCmd.help({ error: true });
        return;
      }
      failurePrefix = 'maand job failed';
      await (await import('./commands/job.ts')).jobRunCommand(io, job, { target, healthCheck: false, ...opts });
    });
  withHostKeyFlags(jobCmd.command('run'))
    .description(
      'Run `make <target>` of the job on its active allocations (in batches of max_concurrent_upgrades),\n' +
        'or its job_control hooks with TARGET=<target>. Checks first that each worker runs this bucket at\n' +
        'the current update_seq.',
    )
    .argument('<job>')
    .requiredOption('--target <target>', 'Makefile target, e.g. start, stop, restart, reload, status')
    .option('--workers <ips>', 'only these workers (comma-separated)')
    .option('--health-check', 'run the job health check afterwards', false)
    .action(async (job: string, opts: import('./commands/job.ts').JobRunCliOptions) => {
      failurePrefix = 'maand job run failed';
      await (await import('./commands/job.ts')).jobRunCommand(io, job, opts);
    });

  withHostKeyFlags(program.command('health'))
    .description('Run the health checks of jobs (manifest probes and health_check hooks) against their active allocations.')
    .option('--jobs <names>', 'comma-separated job names (default: all)')
    .option('--wait', 'retry per the manifest wait block (attempts x interval) before failing', false)
    .action(async (opts: { jobs?: string; wait: boolean; knownHosts?: string; insecureSkipHostKeyCheck: boolean }) => {
      failurePrefix = 'maand health failed';
      await (await import('./commands/hooks.ts')).healthCommand(io, opts);
    });

  program
    .command('jobcommand')
    .alias('job_command')
    .description('Run a job command registered for the `cli` event, once per active allocation, on this machine.\nKV written by the hooks is kept when all of them succeed.')
    .argument('<command>', 'command name, e.g. command_backup')
    .argument('[job]', 'only this job (default: every job registering the command)')
    .option('--concurrency <n>', 'allocations at once', '1')
    .action(async (command: string, job: string | undefined, opts: { concurrency: string }) => {
      failurePrefix = 'maand jobcommand failed';
      await (await import('./commands/hooks.ts')).jobCommandCommand(io, command, job, opts);
    });

  program
    .command('gc')
    .description('Forget removed allocations (after deploy stopped and cleaned them) and their KV, then purge KV history\nolder than --retain-days (the latest 8 versions of live keys are always kept).')
    .option('--retain-days <n>', 'keep history written in the last n days', '0')
    .action(async (opts: { retainDays: string }) => {
      failurePrefix = 'maand gc failed';
      (await import('./commands/gc.ts')).gcCommand(io, opts);
    });

  const cat = program.command('cat').description('Show catalog contents (read-only).');
  for (const view of ['workers', 'jobs', 'allocations', 'job_commands'] as const) {
    cat
      .command(view)
      .description(`Show the ${view.replace('_', ' ')} of the catalog.`)
      .option('--jobs <names>', 'comma-separated job names to show')
      .option('--json', 'print JSON instead of a table', false)
      .action(async (opts: { jobs?: string; json: boolean }) => {
        await (await import('./commands/cat.ts')).catViewCommand(io, view, opts);
      });
  }
  cat
    .command('deployments')
    .description('Show every allocation with its deploy state: hashes, versions and what the next deploy does (rollout column).')
    .option('--jobs <names>', 'comma-separated job names')
    .option('--workers <ips>', 'comma-separated worker IPs')
    .option('--active', 'only active allocations', false)
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { jobs?: string; workers?: string; active: boolean; json: boolean }) => {
      await (await import('./commands/cat.ts')).catDeploymentsCommand(io, opts);
    });
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
    io.stderr.write(e instanceof PartialFailureError ? `${e.message}\n` : `${failurePrefix}: ${userMessage(e)}\n`);
    return 1;
  }
}
