// The ssh probe (spec kv §5.4): run the check's command on the worker. The ssh invocation is a
// pure argv builder plus a swappable runner, so deploy can route it through src/remote later.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sshSettings, type MaandConf } from '../bucket/maand-conf.ts';
import { LineSplitter, OutputTail } from '../hooks/output.ts';
import { shq } from '../remote/shell-quote.ts';

export interface SshTarget {
  user: string;
  keyPath: string;
  /** Honoured (decision Q14). */
  port: number;
  useSudo: boolean;
  /** `accept-new` (CLI default, decision Q28), `strict` (the Action), `insecure` (explicit opt-in); src/remote's names. */
  hostKeyPolicy: 'strict' | 'accept-new' | 'insecure';
  /** Checked in order; new keys are recorded in the first (accept-new). */
  knownHostsFiles: string[];
}

/** maand.conf credentials: key `secrets/<ssh_key>`, known hosts = the bucket's, then the user's. */
export function sshTargetFor(root: string, conf: MaandConf, over: Partial<SshTarget> = {}): SshTarget {
  const s = sshSettings(conf);
  return {
    user: s.user,
    keyPath: join(root, 'secrets', s.keyName),
    port: s.port,
    useSudo: s.useSudo,
    hostKeyPolicy: 'accept-new',
    knownHostsFiles: [join(root, 'secrets', 'known_hosts'), join(homedir(), '.ssh', 'known_hosts')],
    ...over,
  };
}

/** ssh argv (without the program) for one remote command. */
export function sshArgv(host: string, t: SshTarget, remoteCommand: string, connectTimeoutSeconds: number): string[] {
  const knownHosts = t.hostKeyPolicy === 'insecure' ? '/dev/null' : t.knownHostsFiles.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(' ');
  const strict = { strict: 'yes', 'accept-new': 'accept-new', insecure: 'no' }[t.hostKeyPolicy];
  return [
    '-o', 'BatchMode=yes',
    '-o', `ConnectTimeout=${connectTimeoutSeconds}`,
    '-o', 'LogLevel=ERROR',
    '-o', 'IdentitiesOnly=yes',
    '-o', `StrictHostKeyChecking=${strict}`,
    '-o', `UserKnownHostsFile=${knownHosts}`,
    '-i', t.keyPath,
    '-p', String(t.port),
    `${t.user}@${host.includes(':') ? `[${host}]` : host}`,
    remoteCommand,
  ];
}

/** The probe's remote command: as-is, or `sudo -E bash -lc '<command>'` with use_sudo. */
export function probeRemoteCommand(command: string, useSudo: boolean): string {
  return useSudo ? `sudo -E bash -lc ${shq(command)}` : command;
}

export interface SshRun {
  host: string;
  target: SshTarget;
  /** The probe's command as written in the manifest (the runner applies use_sudo). */
  command: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface SshRunResult {
  /** -1 when killed or never started. */
  exitCode: number;
  /** stdout and stderr combined (tail). */
  output: string;
  timedOut: boolean;
  spawnError?: string;
}

export type SshRunner = (r: SshRun) => Promise<SshRunResult>;

/** Runs the OpenSSH client; killed (SIGKILL) at the timeout or on abort. */
export const openSshRunner: SshRunner = (r) =>
  new Promise((resolve) => {
    const remote = probeRemoteCommand(r.command, r.target.useSudo);
    const argv = sshArgv(r.host, r.target, remote, Math.max(1, Math.ceil(r.timeoutMs / 1000)));
    const child = spawn('ssh', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = new OutputTail(16 * 1024);
    const out = new LineSplitter((l) => tail.add(l));
    const err = new LineSplitter((l) => tail.add(l));
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const kill = (): void => void child.kill('SIGKILL');
    const timer = setTimeout(() => ((timedOut = true), kill()), r.timeoutMs);
    r.signal?.addEventListener('abort', kill, { once: true });
    const finish = (exitCode: number, spawnError?: string): void => {
      clearTimeout(timer);
      r.signal?.removeEventListener('abort', kill);
      out.end();
      err.end();
      resolve({ exitCode, output: tail.text().trim(), timedOut, ...(spawnError === undefined ? {} : { spawnError }) });
    };
    child.on('error', (e) => finish(-1, e.message));
    child.on('close', (code) => finish(code ?? -1));
  });

/** Runs the probe; returns the reference's error text or undefined. */
export async function sshProbe(ip: string, command: string, target: SshTarget | undefined, timeoutMs: number, runner: SshRunner, signal?: AbortSignal): Promise<string | undefined> {
  if (command.trim() === '') return `ssh ${ip}: empty command`;
  if (target === undefined) return `ssh ${ip}: no ssh settings were given to the health check`;
  try {
    statSync(target.keyPath);
  } catch (e) {
    return `ssh ${ip}: ssh key ${target.keyPath}: ${(e as Error).message}`;
  }
  const r = await runner({ host: ip, target, command, timeoutMs, signal });
  if (r.spawnError === undefined && r.exitCode === 0 && !r.timedOut) return undefined;
  const why = r.spawnError ?? (r.timedOut ? `timed out after ${timeoutMs}ms` : `exit status ${r.exitCode}`);
  return `ssh ${ip}: ${why}: ${r.output}`;
}
