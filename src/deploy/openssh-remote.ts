// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MaandConf } from '../bucket/maand-conf.ts';
import { sshSettings } from '../bucket/maand-conf.ts';
import type { BucketPaths } from '../bucket/paths.ts';
import { RemoteExecutor, type WorkerTarget } from '../remote/executor.ts';
import { hookSshEnvironment } from '../remote/hook-ssh.ts';
import type { HostKeyPolicy, SshReach } from '../remote/ssh-options.ts';
import { remoteFailureMessage } from '../remote/errors.ts';
import { failureOf } from '../remote/result.ts';
import type { RemoteResult, WorkerRemote } from '../run/links.ts';

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
  // The key is checked on first use, not at connect: a run that reaches no worker needs no key.
  let keyProblem: string | undefined | null = null;
  const checkKey = (): string | undefined => {
    if (keyProblem === null) keyProblem = sshKeyProblem(keyFile);
    return keyProblem;
  };
  const target = (ip: string): WorkerTarget => ({ host: ip, ...reach });
  const explain = (r: Awaited<ReturnType<RemoteExecutor['run']>>): RemoteResult => {
    const failure = failureOf(r);
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, ...(failure ? { message: remoteFailureMessage(r, failure) } : {}) };
  };
  // WorkerRemote's contract: a failure is a result, never a throw (see WorkerLink).
  const keyFailure = (): RemoteResult | undefined => {
    const problem = checkKey();
    return problem === undefined ? undefined : { exitCode: -1, stdout: '', stderr: '', message: problem };
  };
  let missingTool: string | undefined | null = null;
  const remote: WorkerRemote = {
    preflight() {
      missingTool ??= ['ssh', 'rsync'].map(missingProgram).find((m) => m !== undefined);
      return checkKey() ?? missingTool;
    },
    async run(ip, script, opts = {}) {
      const bad = keyFailure();
      if (bad) return bad;
      const r = await exec.run(target(ip), [script], {
        useSudo: s.useSudo,
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.onLine ? { onLine: opts.onLine } : {}),
        ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      });
      return explain(r);
    },
    async rsync(ip, localDir, remoteDir, filterFile, opts = {}) {
      const bad = keyFailure();
      if (bad) return bad;
      const r = await exec.rsync(
        target(ip),
        { sourceDir: localDir, remoteDir, filterFile, useSudo: s.useSudo, ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.itemize ? { itemize: true } : {}) },
        opts.onLine ? { onLine: opts.onLine } : {},
      );
      return explain(r);
    },
    async probe(ip, command, opts) {
      const bad = keyFailure();
      if (bad) return { ...bad, timedOut: false };
      // runScript, not run: the probe's command runs as written (no `set -u` that a plain ssh command lacks)
      const r = await exec.runScript(target(ip), `${command}\n`, {
        useSudo: s.useSudo,
        timeoutMs: opts.timeoutMs,
        remoteTimeoutSeconds: Math.max(1, Math.ceil(opts.timeoutMs / 1000)),
        outputCapBytes: 16 * 1024,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      return { ...explain(r), timedOut: r.timedOut };
    },
    close: () => exec.close(),
  };
  return { remote, executor: exec, hookEnv: hookSshEnvironment(reach, exec.controlDir) };
}

/** Why the ssh key cannot be used, or undefined when it can. */
function sshKeyProblem(keyFile: string): string | undefined {
  try {
    if (statSync(keyFile).isDirectory()) return `ssh key ${keyFile} is a directory: put the workers' private key file there (maand.conf ssh_key)`;
    accessSync(keyFile, constants.R_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `ssh key ${keyFile} does not exist: put the workers' private key there (maand.conf ssh_key), then run maand deploy again`;
    return `ssh key ${keyFile} cannot be read (${code ?? (e as Error).message}): fix its permissions, then run maand deploy again`;
  }
}

/** Why `program` cannot be started here (not installed, not on PATH), or undefined. */
function missingProgram(program: string): string | undefined {
  const r = spawnSync(program, [program === 'ssh' ? '-V' : '--version'], { stdio: 'ignore', timeout: 10_000 });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${program} is not installed on this machine (not found on PATH): install ${program === 'ssh' ? 'openssh-client' : 'rsync'}, then run maand again`;
  if (code === 'EACCES') return `${program} on PATH cannot be executed (permission denied): fix it, then run maand again`;
  return undefined;
}
