import { PartialFailureError } from '../../errors.ts';
import { connectRun } from '../../deploy/connect.ts';
import { runJobTarget } from '../../job-run/index.ts';
import { formatEvent } from '../../report/console.ts';
import type { CliIo } from '../io.ts';
import { parseNameList } from '../../entry/job-list.ts';
import { sshAccess, type HostKeyFlags } from '../ssh-access.ts';
import { cliOrigin } from '../origin.ts';

export interface JobRunCliOptions extends HostKeyFlags {
  target: string;
  workers?: string;
  healthCheck: boolean;
}

export async function jobRunCommand(io: CliIo, job: string, opts: JobRunCliOptions): Promise<void> {
  const r = await runJobTarget({
    root: io.cwd,
    job,
    target: opts.target,
    workers: parseNameList(opts.workers),
    healthCheck: opts.healthCheck,
    onEvent: (e) => {
      const line = formatEvent(e);
      if (line !== undefined) io.stderr.write(`${line}\n`);
    },
    connect: connectRun({ ssh: sshAccess(io, opts), hookEnv: io.env }),
    origin: cliOrigin(),
  });
  for (const w of r.workers) io.stdout.write(`${job}@${w.workerIp}: ${opts.target} ${w.ok ? 'ok' : `failed: ${w.error}`}\n`);
  if (r.health) io.stdout.write(`health check ${r.health.ok ? 'passed' : `failed: ${r.health.error}`}: ${job}\n`);
  const failures = [...r.workers.filter((w) => !w.ok).map((w) => w.error ?? `worker ${w.workerIp} failed`), ...(r.health && !r.health.ok ? [r.health.error ?? 'health check failed'] : [])];
  if (failures.length > 0) throw new PartialFailureError(`maand job run ${job} --target ${opts.target} failed`, failures);
}
