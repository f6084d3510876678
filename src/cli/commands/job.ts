import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PartialFailureError } from '../../errors.ts';
import { connectRun } from '../../deploy/connect.ts';
import { runJobTarget } from '../../deploy/job-run.ts';
import { formatEvent } from '../../report/console.ts';
import { splitList, type CliIo } from '../io.ts';

export interface JobRunCliOptions {
  target: string;
  workers?: string;
  healthCheck: boolean;
  knownHosts?: string;
  insecureSkipHostKeyCheck: boolean;
}

export async function jobRunCommand(io: CliIo, job: string, opts: JobRunCliOptions): Promise<void> {
  const home = io.env['HOME'] ?? homedir();
  const r = await runJobTarget({
    root: io.cwd,
    job,
    target: opts.target,
    workers: splitList(opts.workers),
    healthCheck: opts.healthCheck,
    onEvent: (e) => {
      const line = formatEvent(e);
      if (line !== undefined) io.stderr.write(`${line}\n`);
    },
    connect: connectRun({
      ssh: {
        hostKeyPolicy: opts.insecureSkipHostKeyCheck ? 'insecure' : opts.knownHosts ? 'strict' : 'accept-new',
        ...(opts.knownHosts ? { knownHostsFile: resolve(io.cwd, opts.knownHosts) } : { extraKnownHostsFiles: [join(home, '.ssh', 'known_hosts')] }),
      },
      hookEnv: io.env,
    }),
  });
  for (const w of r.workers) io.stdout.write(`${job}@${w.workerIp}: ${opts.target} ${w.ok ? 'ok' : `failed: ${w.error}`}\n`);
  if (r.health) io.stdout.write(`health check ${r.health.ok ? 'passed' : `failed: ${r.health.error}`}: ${job}\n`);
  const failures = [...r.workers.filter((w) => !w.ok).map((w) => w.error ?? `worker ${w.workerIp} failed`), ...(r.health && !r.health.ok ? [r.health.error ?? 'health check failed'] : [])];
  if (failures.length > 0) throw new PartialFailureError(`maand job run ${job} --target ${opts.target} failed`, failures);
}
