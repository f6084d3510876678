import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MaandError, PartialFailureError } from '../../errors.ts';
import { planDocument } from '../../report/plan-doc.ts';
import { formatPlanDiffs } from '../../report/plan-diff-text.ts';
import { deploy } from '../../deploy/engine.ts';
import { connectRun } from '../../deploy/connect.ts';
import { formatDryRun } from '../../report/dry-run.ts';
import { plannedStops } from '../../deploy/result.ts';
import { formatEvent, formatSummary } from '../../report/console.ts';
import { RunLog } from '../../report/log-file.ts';
import { readMaandConf } from '../../bucket/maand-conf.ts';
import { randomUUID } from 'node:crypto';
import { jobsByCause } from '../../deploy/causes.ts';
import { stopOnSignals } from '../../entry/signals.ts';
import type { CliIo } from '../io.ts';
import { parseNameList } from '../../entry/job-list.ts';
import { sshAccess, type HostKeyFlags } from '../ssh-access.ts';
import { cliOrigin } from '../origin.ts';

export interface DeployCliOptions extends HostKeyFlags {
  jobs?: string;
  dryRun: boolean;
  force: boolean;
  syncOnly: boolean;
  build: boolean;
  output?: string;
  verbose: boolean;
  /** --dry-run only: print each allocation's file diffs after the plan. */
  diff?: boolean;
  /** --dry-run only: print the plan document (docs/plan.md) as the only output on stdout. */
  json?: boolean;
  color?: boolean;
}

export async function deployCommand(io: CliIo, opts: DeployCliOptions): Promise<void> {
  // -b is `maand build` first, with its output (warnings, certificates, post_build lines, summary);
  // loaded only when asked: the build pulls in modules a plain deploy never uses
  if ((opts.diff || opts.json) && !opts.dryRun) throw new MaandError('invalid argument', `--${opts.json ? 'json' : 'diff'} shows a plan: use it with --dry-run`);
  // with --json stdout carries the plan document alone: the build's report goes to stderr
  if (opts.build) await (await import('./build.ts')).buildCommand(opts.json ? { ...io, stdout: io.stderr } : io, { purgeJobKv: false });
  const ssh = sshAccess(io, opts);
  const log = opts.dryRun ? undefined : new RunLog(join(io.cwd, 'logs'), { id: randomUUID(), command: 'deploy', format: readMaandConf(join(io.cwd, 'maand.conf')).log_format });
  const controller = new AbortController();
  const stopSignals = stopOnSignals(controller, (line) => void io.stderr.write(`\n${line}\n`), () => process.exit(130));
  try {
    const result = await deploy({
      root: io.cwd,
      jobs: parseNameList(opts.jobs),
      dryRun: opts.dryRun,
      force: opts.force,
      syncOnly: opts.syncOnly,
      signal: controller.signal,
      onEvent: (e) => {
        log?.event(e);
        if (opts.dryRun && e.type !== 'output' && e.type !== 'warning') return;
        if (e.type === 'output' && e.source === 'rsync' && !opts.verbose) return;
        const line = formatEvent(e);
        if (line !== undefined) io.stderr.write(`${line}\n`);
      },
      connect: connectRun({ ssh, hookEnv: io.env }),
      origin: cliOrigin(),
    });
    if (opts.output) writeFileSync(resolve(io.cwd, opts.output), `${JSON.stringify(result, null, 2)}\n`);
    if (opts.dryRun && opts.json) io.stdout.write(`${JSON.stringify(planDocument(result), null, 2)}\n`);
    else if (opts.dryRun) {
      const failures = result.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' }));
      io.stdout.write(formatDryRun(result.plans, failures, plannedStops(result)));
      if (opts.diff) io.stdout.write(formatPlanDiffs(planDocument(result), { color: io.stdout.isTTY === true && opts.color !== false && io.env['NO_COLOR'] === undefined }));
    } else io.stdout.write(formatSummary(result));
    if (result.failedJobs.length > 0 || result.cancelled) {
      const errs = result.jobs.filter((j) => j.error).map((j) => j.error!);
      const recon = result.reconcile.filter((r) => r.error).map((r) => r.error!);
      throw new PartialFailureError(result.cancelled ? 'maand deploy cancelled' : 'maand deploy failed', jobsByCause([...recon, ...errs, ...result.errors]));
    }
  } finally {
    log?.close();
    stopSignals();
  }
}
