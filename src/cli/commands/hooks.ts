import { formatEvent } from '../../report/console.ts';
import { PartialFailureError } from '../../errors.ts';
import { checkHealth, formatHealthEvent } from '../../health/index.ts';
import { runCliCommand } from '../../hooks/cli-command.ts';
import { connectRun } from '../../deploy/connect.ts';
import { withRun } from '../../run/lifecycle.ts';
import type { DeployEvent } from '../../deploy/result.ts';
import { wholeNumberFlag } from '../flags.ts';
import type { CliIo } from '../io.ts';
import { parseNameList } from '../../entry/job-list.ts';
import { sshAccess, type HostKeyFlags } from '../ssh-access.ts';

/** Hook output and warnings on stderr, as a deploy prints them. */
function hookOutput(io: CliIo) {
  return (e: DeployEvent): void => {
    const line = e.type === 'output' || e.type === 'warning' ? formatEvent(e) : undefined;
    if (line !== undefined) io.stderr.write(`${line}\n`);
  };
}

export async function healthCommand(io: CliIo, opts: HostKeyFlags & { jobs?: string; wait: boolean }): Promise<void> {
  const connect = connectRun({ ssh: sshAccess(io, opts), hookEnv: io.env });
  const report = await withRun({ root: io.cwd, command: 'health', connect, onEvent: hookOutput(io) }, (r) =>
    // probes share the run's ControlMasters: one connection per worker for all probes and --wait retries
    checkHealth(
      {
        ...r.links.hookContext,
        sshProbe: (ip, command, o) => r.links.remote.probe(ip, command, o),
        ...(r.links.remote.bastionRoute ? { bastionRoute: r.links.remote.bastionRoute } : {}),
        onHealth: (e) => {
          const line = formatHealthEvent(e);
          if (line) io.stdout.write(`${line}\n`);
        },
      },
      { jobs: parseNameList(opts.jobs), wait: opts.wait },
    ),
  );
  if (!report.ok) throw new PartialFailureError('maand health failed', [report.error?.message ?? 'health check failed']);
}

export async function jobCommandCommand(io: CliIo, command: string, job: string | undefined, opts: { concurrency: string }): Promise<void> {
  const concurrency = wholeNumberFlag('--concurrency', opts.concurrency, 1, 'allocations at once');
  // hooks' maand.run_ssh gets the same ssh access as a deploy's (accept-new into secrets/known_hosts)
  const connect = connectRun({ ssh: sshAccess(io, { insecureSkipHostKeyCheck: false }), hookEnv: io.env });
  const r = await withRun({ root: io.cwd, command: 'jobcommand', connect, onEvent: hookOutput(io) }, async (run) => {
    const out = await runCliCommand(run.links.hookContext, { command, ...(job ? { job } : {}), concurrency });
    // KV written by the hooks is kept when all of them succeeded
    if (out.ok) run.checkpoint();
    return out;
  });
  if (!r.ok) throw new PartialFailureError(`maand jobcommand ${command} failed`, [r.error?.message ?? 'failed']);
}
