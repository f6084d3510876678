// Every subcommand and flag of `maand`, declared in one place; handlers load lazily.
import { Command, CommanderError, Help, Option } from 'commander';
import { PartialFailureError, userMessage } from '../errors.ts';
import type { CliIo } from './io.ts';
import { withHostKeyFlags } from './ssh-access.ts';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('maand')
    .description(
      'Deploy jobs to Linux workers over SSH and rsync, with rolling Makefile lifecycles. ' +
        'Run every command from the bucket directory, the folder that holds maand.conf, workspace/ and data/.',
    )
    .version('0.1.0', '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
    })
    .configureHelp({ subcommandTerm, optionDescription })
    .showHelpAfterError('(run maand --help for usage)');
  let failurePrefix = 'maand';

  program
    .command('init')
    .summary('Create or upgrade the bucket in this directory')
    .description(
      'Create a bucket in the current directory: its layout, the catalog, the bucket id, the CA and the KV key. ' +
        'Run again, it upgrades the catalog schema and never changes ids, keys or your files.',
    )
    .action(async () => {
      failurePrefix = 'maand init failed';
      await (await import('./commands/init.ts')).initCommand(io);
    });

  program
    .command('build')
    .summary('Reconcile workspace/ into the catalog')
    .description(
      'Reconcile workspace/ (workers.json, the jobs, bucket.conf and the rest) into the catalog data/maand.db. ' +
        'A build is all-or-nothing: on any error the catalog is left exactly as it was.',
    )
    .option('--purge-job-kv', 'also empty vars/job/<job> and secrets/job/<job> of removed jobs', false)
    .action(async (opts: { purgeJobKv: boolean }) => {
      failurePrefix = 'maand build failed';
      await (await import('./commands/build.ts')).buildCommand(io, opts);
    });

  withHostKeyFlags(program.command('deploy'))
    .summary('Deploy jobs to their workers')
    .description(
      'Deploy jobs to their workers. ' +
        'First reconcile the allocations that were removed or disabled; then, wave by wave in deployment_seq order, ' +
        'run the pre_deploy hooks, stage and hash each job, rsync what changed and roll it out in batches ' +
        'with make start, restart or reload, promoting each batch in the catalog as it succeeds.\n\n' +
        'The exit status is non-zero when any job failed, and the next deploy retries the failed jobs.',
    )
    .option('--jobs <names>', 'deploy only these comma-separated jobs, where an unknown name is an error')
    .option('-n, --dry-run', 'print what would happen to each allocation and why, without changing anything', false)
    .option('--force', 'roll out every selected job even when nothing changed (this also ends a rollback pin)', false)
    .option('--sync-only', 'rsync files and run post_deploy without start, restart or reload', false)
    .option('-b, --build', 'run maand build first', false)
    .option('--output <file>', 'write the result, or the dry-run plan, as JSON to this file')
    .option('--diff', 'with --dry-run: also print the diff of each file that would change, per worker', false)
    .option('--json', 'with --dry-run: print the plan as one JSON document on stdout (see docs/plan.md)', false)
    .option('-v, --verbose', 'also show the rsync transfer output', false)
    .action(async (opts: import('./commands/deploy.ts').DeployCliOptions) => {
      failurePrefix = opts.dryRun ? 'maand deploy --dry-run failed' : 'maand deploy failed';
      await (await import('./commands/deploy.ts')).deployCommand(io, opts);
    });

  withHostKeyFlags(program.command('rollback'))
    .summary('Roll jobs back to a release their workers retained')
    .description(
      'Roll jobs back to the release each allocation ran before the last deploy that changed the job, or to what it ran ' +
        'after deploy --to (see maand cat history). The workers restore the retained bytes, then the job rolls out as in a ' +
        'deploy: batches, restart or reload, hooks, health checks and post_deploy. Nothing changes unless every allocation ' +
        'still has its release. The next deploy leaves a rolled-back job alone until its workspace changes or deploy --force names it.',
    )
    .option('--jobs <names>', 'roll back these comma-separated jobs (default: the jobs the last deploy changed)')
    .option('--to <deploy-id>', 'go back to what the jobs ran after this deploy')
    .option('-n, --dry-run', 'print what would go back where, without changing anything', false)
    .action(async (opts: import('./commands/rollback.ts').RollbackCliOptions) => {
      failurePrefix = opts.dryRun ? 'maand rollback --dry-run failed' : 'maand rollback failed';
      await (await import('./commands/rollback.ts')).rollbackCommand(io, opts);
    });

  const jobCmd = withHostKeyFlags(program.command('job'))
    .summary('Run a Makefile target of one job on its workers')
    .description(
      'Run a Makefile target of one job on its workers: maand job <target> <job> is the short form of ' +
        'maand job run <job> --target <target>.',
    )
    .argument('[target]', 'Makefile target, e.g. start, stop, restart, reload or status')
    .argument('[job]', 'the job to run it on')
    .action(async (target: string | undefined, job: string | undefined, opts: { knownHosts?: string; insecureSkipHostKeyCheck: boolean }) => {
      if (!target || !job) {
        jobCmd.help({ error: true });
        return;
      }
      failurePrefix = 'maand job failed';
      await (await import('./commands/job.ts')).jobRunCommand(io, job, { target, healthCheck: false, ...opts });
    });
  withHostKeyFlags(jobCmd.command('run'))
    .summary('Run make <target> of a job on its active allocations')
    .description(
      'Run make <target> of the job on its active allocations, in batches of max_concurrent_upgrades, ' +
        'or its job_control hooks with TARGET=<target>. ' +
        'It first checks that each worker runs this bucket at the current update_seq.',
    )
    .argument('<job>', 'the job to run the target of')
    .requiredOption('--target <target>', 'Makefile target, e.g. start, stop, restart, reload or status')
    .option('--workers <ips>', 'run only on these comma-separated worker IPs')
    .option('--health-check', 'run the health checks of the job afterwards', false)
    .action(async (job: string, opts: import('./commands/job.ts').JobRunCliOptions) => {
      failurePrefix = 'maand job run failed';
      await (await import('./commands/job.ts')).jobRunCommand(io, job, opts);
    });

  withHostKeyFlags(program.command('health'))
    .summary('Run the health checks of jobs')
    .description('Run the health checks of jobs, the manifest probes and the health_check hooks, against their active allocations.')
    .option('--jobs <names>', 'check only these comma-separated jobs (default: all)')
    .option('--wait', 'retry as the manifest wait block says (attempts times interval) before failing', false)
    .action(async (opts: { jobs?: string; wait: boolean; knownHosts?: string; insecureSkipHostKeyCheck: boolean }) => {
      failurePrefix = 'maand health failed';
      await (await import('./commands/hooks.ts')).healthCommand(io, opts);
    });

  program
    .command('jobcommand')
    .alias('job_command')
    .summary('Run a job command registered for the cli event')
    .description(
      'Run a job command registered for the cli event on this machine, once per active allocation. ' +
        'The KV the hooks write is kept when all of them succeed. ' +
        'The command is also available as job_command.',
    )
    .argument('<command>', 'the command name, e.g. command_backup')
    .argument('[job]', 'run only the command of this job (default: every job registering it)')
    .option('--concurrency <n>', 'run this many allocations at once', '1')
    .action(async (command: string, job: string | undefined, opts: { concurrency: string }) => {
      failurePrefix = 'maand jobcommand failed';
      await (await import('./commands/hooks.ts')).jobCommandCommand(io, command, job, opts);
    });

  program
    .command('gc')
    .summary('Forget removed allocations and old KV history')
    .description(
      'Forget the removed allocations that deploy has stopped and cleaned, and their KV. ' +
        'Then purge the KV history older than --retain-days; the latest 8 versions of live keys are always kept.',
    )
    .option('--retain-days <n>', 'keep the history written in the last n days', '0')
    .action(async (opts: { retainDays: string }) => {
      failurePrefix = 'maand gc failed';
      (await import('./commands/gc.ts')).gcCommand(io, opts);
    });

  const cat = program
    .command('cat')
    .summary('Show the catalog contents (read-only)')
    .description('Show the catalog contents: workers, jobs, allocations, job commands, deployments, the deploy history and KV. Nothing is changed.');
  for (const view of ['workers', 'jobs', 'allocations', 'job_commands'] as const) {
    const what = view.replace('_', ' ');
    cat
      .command(view)
      .summary(`Show the ${what} of the catalog`)
      .description(`Show the ${what} of the catalog as a table, or as JSON with --json.`)
      .option('--jobs <names>', 'show only these comma-separated jobs')
      .option('--json', 'print JSON instead of a table', false)
      .action(async (opts: { jobs?: string; json: boolean }) => {
        await (await import('./commands/cat.ts')).catViewCommand(io, view, opts);
      });
  }
  cat
    .command('deployments')
    .summary('Show the deploy state of every allocation')
    .description(
      'Show every allocation with its deploy state: its hashes, its versions and what the next deploy does with it (the rollout column).',
    )
    .option('--jobs <names>', 'show only these comma-separated jobs')
    .option('--workers <ips>', 'show only these comma-separated worker IPs')
    .option('--active', 'show only active allocations', false)
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { jobs?: string; workers?: string; active: boolean; json: boolean }) => {
      await (await import('./commands/cat.ts')).catDeploymentsCommand(io, opts);
    });
  cat
    .command('history')
    .summary('Show the deploy history, newest first')
    .description(
      'Show the recorded deploys, drift corrections, job runs and rollbacks, newest first: deploy id, start, duration, ' +
        'command, outcome, who started it, the bucket commit and each job with its version and the allocations it changed.',
    )
    .option('--jobs <names>', 'show only runs that touched these comma-separated jobs')
    .option('--limit <n>', 'show at most n runs')
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { jobs?: string; limit?: string; json: boolean }) => {
      await (await import('./commands/cat.ts')).catHistoryCommand(io, opts);
    });
  const kv = cat
    .command('kv')
    .summary('Show KV keys with their latest values')
    .description('Show KV keys with the latest version of each. Secret values show as [encrypted]; maand cat kv get --reveal prints one in clear.')
    .option('--jobs <names>', 'show only the namespaces these comma-separated jobs can read')
    .option('--namespace <ns>', 'show only this namespace')
    .option('--active', 'show only live keys', false)
    .option('--deleted', 'show only deleted keys', false)
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { jobs?: string; namespace?: string; active: boolean; deleted: boolean; json: boolean }) => {
      await (await import('./commands/cat.ts')).catKvCommand(io, opts);
    });
  kv.command('get')
    .summary('Print one KV value')
    .description('Print the latest value of one KV key. A secret prints as [encrypted] unless --reveal is given.')
    .argument('<namespace>', 'the KV namespace, e.g. vars/job/<job>')
    .argument('<key>', 'the key in that namespace')
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

/** Help wraps at the terminal's width, and at 80 columns when not writing to a terminal (stable output). */
function helpWidth(stream: CliIo['stdout']): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
}

/** A command's row in its parent's command list: name and arguments (its own help shows aliases and options). */
function subcommandTerm(cmd: Command): string {
  const args = cmd.registeredArguments.map((a) => {
    const name = a.name() + (a.variadic ? '...' : '');
    return a.required ? `<${name}>` : `[${name}]`;
  });
  return [cmd.name(), ...args].join(' ');
}

/** An option's help text; an off-by-default flag does not say `(default: false)`. */
function optionDescription(this: Help, option: Option): string {
  return option.defaultValue === false ? option.description : Help.prototype.optionDescription.call(this, option);
}
