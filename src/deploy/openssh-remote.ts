// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MaandError } from '../errors.ts';
import type { MaandConf } from '../bucket/maand-conf.ts';
import { sshSettings } from '../bucket/maand-conf.ts';
import type { BucketPaths } from '../bucket/paths.ts';
import { RemoteExecutor, type WorkerTarget } from '../remote/executor.ts';
import { hookSshEnvironment } from '../remote/hook-ssh.ts';
import type { HostKeyPolicy, SshReach } from '../remote/ssh-options.ts';
import { remoteFailureMessage } from '../remote/errors.ts';
import { failureOf } from '../remote/result.ts';
import type { RemoteResult, WorkerRemote } from './ports.ts';

export interface SshAccess {
  /** 'accept-new' (CLI default, decision Q28), 'strict' with an explicit known_hosts, or 'insecure'. */
  hostKeyPolicy: HostKeyPolicy;
  /** Checked first (and written by accept-new); default secrets/known_hosts. */
  knownHostsFile?: string;
  /** Also trusted, never written (e.g. ~/.ssh/known_hosts). */
  extraKnownHostsFiles?: string[];
  /** Overrides secrets/<ssh_key>. */
  keyFile?: string;
  tmpDir?: string;
}

/**
 * The deploy's remote access; `executor` is shared with health-check ssh probes (same ControlMasters);
 * `hookEnv` lets hooks' maand.run_ssh use the same masters and exactly these ssh options.
 */
export async function openSshRemote(
  paths: BucketPaths,
  conf: MaandConf,
  access: SshAccess,
): Promise<{ remote: WorkerRemote; executor: RemoteExecutor; hookEnv: Record<string, string> }> {
  const s = sshSettings(conf);
  const keyFile = access.keyFile ?? join(paths.secretsDir, s.keyName);
  const exec = await RemoteExecutor.create(access.tmpDir ? { tmpDir: access.tmpDir } : {});
  const reach: SshReach = {
    user: s.user,
    port: s.port,
    keyFile,
    hostKeyPolicy: access.hostKeyPolicy,
    knownHostsFile: access.knownHostsFile ?? paths.knownHosts,
    ...(access.extraKnownHostsFiles ? { extraKnownHostsFiles: access.extraKnownHostsFiles } : {}),
  };
  let keyChecked = false;
  const target = (ip: string): WorkerTarget => {
    if (!keyChecked) {
      if (!existsSync(keyFile)) throw new MaandError('invalid argument', `ssh key ${keyFile} does not exist: put the workers' private key there (maand.conf ssh_key), then run maand deploy again`);
      if (statSync(keyFile).isDirectory()) throw new MaandError('invalid argument', `ssh key ${keyFile} is a directory`);
      keyChecked = true;
    }
    return { host: ip, ...reach };
  };
  const explain = (r: Awaited<ReturnType<RemoteExecutor['run']>>): RemoteResult => {
    const failure = failureOf(r);
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: remoteFailureMessage(r, failure) } : {}) };
  };
  const remote: WorkerRemote = {
    async run(ip, script, opts = {}) {
      const r = await exec.run(target(ip), [script], {
        useSudo: s.useSudo,
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.onLine ? { onLine: opts.onLine } : {}),
        ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      });
      return explain(r);
    },
    async rsync(ip, localDir, remoteDir, filterFile, opts = {}) {
      const r = await exec.rsync(
        target(ip),
        { sourceDir: localDir, remoteDir, filterFile, useSudo: s.useSudo, ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.itemize ? { itemize: true } : {}) },
        opts.onLine ? { onLine: opts.onLine } : {},
      );
      return explain(r);
    },
    close: () => exec.close(),
  };
  return { remote, executor: exec, hookEnv: hookSshEnvironment(reach, exec.controlDir) };
}
