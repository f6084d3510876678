// WorkerRemote over the system's OpenSSH: one ControlMaster per worker for the whole deploy.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MaandConf } from '../bucket/maand-conf.ts';
import { sshSettings } from '../bucket/maand-conf.ts';
import type { BucketPaths } from '../bucket/paths.ts';
import { RemoteExecutor, type JumpAddress, type WorkerTarget } from '../remote/executor.ts';
import { childStream } from '../remote/child-stream.ts';
import { parseProxyJump } from '../remote/proxy-jump.ts';
import { workerProxyArgs } from '../remote/ssh-options.ts';
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
  /** Bastion chain overriding maand.conf ssh_proxy_jump (the Action's ssh-proxy-jump); a worker's own proxy_jump wins (Q37). */
  proxyJump?: string;
}

/**
 * The deploy's remote access; `executor` is shared with health-check ssh probes (same ControlMasters);
 * `hookEnv` lets hooks' maand.run_ssh use the same masters and exactly these ssh options.
 */
export async function openSshRemote(
  paths: BucketPaths,
  conf: MaandConf,
  access: SshAccess,
  /** The catalog's workers and their own proxy_jump (undefined: not set); decides each worker's bastions. */
  workers: ReadonlyMap<string, string | undefined> = new Map(),
): Promise<{ remote: WorkerRemote; executor: RemoteExecutor; hookEnv: Record<string, string> }> {
  const s = sshSettings(conf);
  const keyFile = access.keyFile ?? join(paths.secretsDir, s.keyName);
  const exec = await RemoteExecutor.create({ maxStartups: s.maxStartups, ...(access.tmpDir ? { tmpDir: access.tmpDir } : {}) });
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
  const jumpsOf = workerJumps(s, access.proxyJump, workers);
  const target = (ip: string): WorkerTarget => {
    const jumps = jumpsOf(ip);
    return { host: ip, ...reach, ...(jumps.length > 0 ? { jumps } : {}) };
  };
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
    async preflight() {
      missingTool ??= ['ssh', 'rsync'].map(missingProgram).find((m) => m !== undefined);
      const local = checkKey() ?? missingTool;
      if (local !== undefined) return local;
      // every bastion of the catalog's workers, once: one that is down fails the run before a change
      const chains = new Map<string, WorkerTarget>();
      for (const ip of workers.keys()) {
        const t = target(ip);
        if (t.jumps !== undefined) chains.set(JSON.stringify(t.jumps), t);
      }
      for (const t of chains.values()) {
        const failure = await exec.reachBastions(t);
        if (failure !== undefined) return explain(failure.result).message;
      }
      return undefined;
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
    bastionRoute: {
      behindBastion: (ip) => jumpsOf(ip).length > 0,
      ready: async (ip) => {
        await exec.reachBastions(target(ip));
      },
      open: (ip, host, port) => childStream(exec.forward(target(ip), host, port), `forward to ${host}:${port} through the bastion`),
    },
    close: () => exec.close(),
  };
  const proxies = Object.fromEntries([...workers.keys()].map((ip) => [ip, workerProxyArgs(exec.target(target(ip)))] as const).filter(([, a]) => a.length > 0));
  return { remote, executor: exec, hookEnv: hookSshEnvironment(reach, exec.controlDir, proxies) };
}

/**
 * Each worker's bastions (decision Q37): its own workers.json proxy_jump, else the Action's
 * ssh-proxy-jump, else maand.conf ssh_proxy_jump; '' is direct. A hop without a user logs in as
 * ssh_user. The values were validated when read; parsing again only resolves them.
 */
function workerJumps(s: { user: string; proxyJump: string }, input: string | undefined, workers: ReadonlyMap<string, string | undefined>): (ip: string) => JumpAddress[] {
  const parsed = new Map<string, JumpAddress[]>();
  return (ip) => {
    const spec = workers.get(ip) ?? input ?? s.proxyJump;
    let jumps = parsed.get(spec);
    if (jumps === undefined) {
      jumps = parseProxyJump(spec, 'ssh proxy jump').map((h) => ({ user: h.user ?? s.user, host: h.host, port: h.port }));
      parsed.set(spec, jumps);
    }
    return jumps;
  };
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
