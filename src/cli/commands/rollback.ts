import { PartialFailureError } from '../../errors.ts';
import { connectRun } from '../../deploy/connect.ts';
import { jobsByCause } from '../../deploy/causes.ts';
import { rollback, type RollbackResult } from '../../rollback/index.ts';
import { formatDryRun } from '../../report/dry-run.ts';
import { formatEvent } from '../../report/console.ts';
import { stopOnSignals } from '../../entry/signals.ts';
import { parseNameList } from '../../entry/job-list.ts';
import { MaandError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { sshAccess, type HostKeyFlags } from '../ssh-access.ts';
import { cliOrigin } from '../origin.ts';

export interface RollbackCliOptions extends HostKeyFlags {
  jobs?: string;
  to?: string;
  dryRun: boolean;
}

export async function rollbackCommand(io: CliIo, opts: RollbackCliOptions): Promise<void> {
  const to = opts.to === undefined ? undefined : Number(opts.to);
  if (to !== undefined && (!Number.isInteger(to) || to < 1)) throw new MaandError('invalid argument', `--to ${JSON.stringify(opts.to)}: give a deploy id from maand cat history`);
  const controller = new AbortController();
  const stopSignals = stopOnSignals(controller, (line) => void io.stderr.write(`\n${line}\n`), () => process.exit(130));
  try {
    const r = await rollback({
      root: io.cwd, jobs: parseNameList(opts.jobs), dryRun: opts.dryRun, signal: controller.signal, origin: cliOrigin(),
      ...(to !== undefined ? { to } : {}),
      onEvent: (e) => {
        if (opts.dryRun && e.type !== 'warning') return;
        const line = formatEvent(e);
        if (line !== undefined) io.stderr.write(`${line}\n`);
      },
      connect: connectRun({ ssh: sshAccess(io, opts), hookEnv: io.env }),
    });
    io.stdout.write(opts.dryRun ? formatDryRun(r.plans).replace(/^deploy dry-run/, 'rollback dry-run') : rollbackSummary(r));
    if (r.failedJobs.length > 0 || r.cancelled) throw new PartialFailureError(r.cancelled ? 'rollback cancelled' : 'rollback failed', jobsByCause(r.jobs.filter((j) => j.error).map((j) => j.error!)));
  } finally {
    stopSignals();
  }
}

/** What went back to which release, per job. */
export function rollbackSummary(r: RollbackResult): string {
  const lines = [`rollback ${r.failedJobs.length > 0 ? 'finished with failures' : 'ok'} in ${(r.durationMs / 1000).toFixed(1)}s`];
  for (const j of r.jobs) {
    const releases = [...new Set(r.targets.filter((t) => t.job === j.job).map((t) => `${t.release} (${t.version})`))].join(', ');
    lines.push(`  ${j.job}: ${j.status === 'failed' ? 'failed' : 'back to'} release ${releases}`);
  }
  return `${lines.join('\n')}\n`;
}
