import { formatHookLine } from '../../report/console.ts';
import { join } from 'node:path';
import { PartialFailureError } from '../../errors.ts';
import { checkHealth, formatHealthEvent, remoteSshRunner, sshTargetFor } from '../../health/index.ts';
import { RemoteExecutor } from '../../remote/executor.ts';
import { hookSshEnvironment } from '../../remote/hook-ssh.ts';
import type { SshReach } from '../../remote/ssh-options.ts';
import { sshSettings, type MaandConf } from '../../bucket/maand-conf.ts';
import type { SshAccess } from '../../deploy/openssh-remote.ts';
import { runCliCommand } from '../../hooks/cli-command.ts';
import type { HookOutputLine } from '../../hooks/types.ts';
import { withSession } from '../../session/index.ts';
import { splitList, type CliIo } from '../io.ts';
import { sshAccess, type HostKeyFlags } from '../ssh-access.ts';

/** How `maand health` reaches workers, for hooks' maand.run_ssh (the same key, port and host keys as its probes). */
function healthReach(secretsDir: string, conf: MaandConf, access: SshAccess, known: string[]): SshReach {
  const s = sshSettings(conf);
  return {
    user: s.user, port: s.port, keyFile: access.keyFile ?? join(secretsDir, s.keyName), hostKeyPolicy: access.hostKeyPolicy,
    knownHostsFile: known[0]!, extraKnownHostsFiles: known.slice(1),
  };
}

function printer(io: CliIo) {
  return (l: HookOutputLine): void => {
    io.stderr.write(`${formatHookLine(l)}\n`);
  };
}

export async function healthCommand(io: CliIo, opts: HostKeyFlags & { jobs?: string; wait: boolean }): Promise<void> {
  const access = sshAccess(io, opts);
  const report = await withSession({ root: io.cwd, env: io.env, onOutput: printer(io), command: 'health' }, async (s) => {
    const known = [access.knownHostsFile ?? join(s.paths.secretsDir, 'known_hosts'), ...(access.extraKnownHostsFiles ?? [])];
    // one ControlMaster per worker for all probes (and --wait retries), not a connection per probe
    const executor = await RemoteExecutor.create();
    try {
      return await checkHealth(
        {
          ...s.hooks,
          env: { ...(s.hooks.env ?? {}), ...hookSshEnvironment(healthReach(s.paths.secretsDir, s.conf, access, known), executor.controlDir) },
          ssh: sshTargetFor(s.paths.root, s.conf, { hostKeyPolicy: access.hostKeyPolicy, knownHostsFiles: known }),
          sshRunner: remoteSshRunner(executor),
          onHealth: (e) => {
            const line = formatHealthEvent(e);
            if (line) io.stdout.write(`${line}\n`);
          },
        },
        { jobs: splitList(opts.jobs), wait: opts.wait },
      );
    } finally {
      await executor.close();
    }
  });
  if (!report.ok) throw new PartialFailureError('maand health failed', [report.error?.message ?? 'health check failed']);
}

export async function jobCommandCommand(io: CliIo, command: string, job: string | undefined, opts: { concurrency: string }): Promise<void> {
  const concurrency = Number(opts.concurrency);
  const r = await withSession(
    { root: io.cwd, env: io.env, onOutput: printer(io) },
    (s) => runCliCommand(s.hooks, { command, ...(job ? { job } : {}), concurrency }),
    () => true,
  );
  if (!r.ok) throw new PartialFailureError(`maand jobcommand ${command} failed`, [r.error?.message ?? 'failed']);
}
