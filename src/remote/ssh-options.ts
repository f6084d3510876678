// Pure builders of the OpenSSH argv that reaches a worker (deploy.md §18.1). The same option list
// is used for worker commands and for rsync's --rsh, so both reach the worker the same way:
// same port (Q14), same key, same host-key policy (Q28), same ControlMaster socket.

import { MaandError } from '../errors.ts';

export const HOST_KEY_POLICIES = ['strict', 'accept-new', 'insecure'] as const;
export type HostKeyPolicy = (typeof HOST_KEY_POLICIES)[number];

export interface SshTarget {
  host: string;
  user: string;
  /** <= 0 means 22. */
  port: number;
  /** Absolute path of the private key (rsync runs ssh from another cwd). */
  keyFile: string;
  /** Checked first; 'accept-new' records first-seen keys here. Unset: ssh's default files. */
  knownHostsFile?: string;
  /** Also trusted, never written (e.g. the user's own ~/.ssh/known_hosts, Q28). */
  extraKnownHostsFiles?: readonly string[];
  hostKeyPolicy: HostKeyPolicy;
  /** ControlPath, e.g. `<private 0700 dir>/%C` (one master per user/host/port). */
  controlPath: string;
}

export interface SshOptions {
  connectTimeoutSeconds: number;
  serverAliveIntervalSeconds: number;
  serverAliveCountMax: number;
  controlPersistSeconds: number;
  /** `-F <file>`; unset: ssh reads the user's ~/.ssh/config as the reference does. */
  configFile?: string;
}

export const DEFAULT_SSH_OPTIONS: SshOptions = {
  connectTimeoutSeconds: 15,
  serverAliveIntervalSeconds: 15,
  serverAliveCountMax: 3,
  controlPersistSeconds: 60,
};

export function sshPort(port: number): number {
  return port > 0 ? port : 22;
}

const STRICT_VALUE: Record<HostKeyPolicy, string> = { strict: 'yes', 'accept-new': 'accept-new', insecure: 'no' };

/** The known_hosts files ssh consults, first one written by accept-new. */
export function knownHostsFiles(target: Pick<SshTarget, 'knownHostsFile' | 'extraKnownHostsFiles'>): string[] {
  return [...(target.knownHostsFile === undefined ? [] : [target.knownHostsFile]), ...(target.extraKnownHostsFiles ?? [])];
}

/** ssh splits UserKnownHostsFile on whitespace but honours double quotes. */
function knownHostsValue(files: string[]): string {
  return files.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(' ');
}

function assertSafeTarget(t: SshTarget): void {
  if (t.host.trim() === '') throw new MaandError('invalid argument', 'worker IP is required');
  // a leading '-' would make ssh read the host or user as an option
  if (t.host.trim().startsWith('-')) throw new MaandError('invalid argument', `worker ${t.host}: invalid host name`);
  if (t.user === '' || t.user.startsWith('-') || t.user.includes('@')) {
    throw new MaandError('invalid argument', `worker ${t.host}: invalid ssh user ${JSON.stringify(t.user)}`);
  }
}

/** A worker's reach without its address: what every ssh of the run shares. */
export type SshReach = Omit<SshTarget, 'host' | 'controlPath'>;

/** The option list; `control` goes between the connection options and `-p`/`-i`. */
function optionArgs(t: SshReach, control: string[], opts: Partial<SshOptions>): string[] {
  const o = { ...DEFAULT_SSH_OPTIONS, ...opts };
  const files = t.hostKeyPolicy === 'insecure' ? ['/dev/null'] : knownHostsFiles(t);
  return [
    ...(o.configFile === undefined ? [] : ['-F', o.configFile]),
    ...['-o', `StrictHostKeyChecking=${STRICT_VALUE[t.hostKeyPolicy]}`],
    ...(files.length === 0 ? [] : ['-o', `UserKnownHostsFile=${knownHostsValue(files)}`]),
    ...['-o', 'LogLevel=ERROR'],
    ...['-o', 'BatchMode=yes'],
    ...['-o', `ConnectTimeout=${o.connectTimeoutSeconds}`],
    ...['-o', `ServerAliveInterval=${o.serverAliveIntervalSeconds}`],
    ...['-o', `ServerAliveCountMax=${o.serverAliveCountMax}`],
    ...['-o', 'IdentitiesOnly=yes'],
    ...control,
    ...['-p', String(sshPort(t.port))],
    ...['-i', t.keyFile],
  ];
}

/** Options only (no destination): the `--rsh` value and the head of every ssh argv. */
export function sshOptionArgs(target: SshTarget, opts: Partial<SshOptions> = {}): string[] {
  assertSafeTarget(target);
  const persist = { ...DEFAULT_SSH_OPTIONS, ...opts }.controlPersistSeconds;
  return optionArgs(target, ['-o', 'ControlMaster=auto', '-o', `ControlPath=${target.controlPath}`, '-o', `ControlPersist=${persist}`], opts);
}

/**
 * The run's own options for a hook's ssh (maand.py run_ssh, issue 15): same key, port, known_hosts
 * and host-key policy as the engine; it uses the run's master when one is open (the hook adds the
 * ControlPath) and never becomes a master itself.
 */
export function hookSshOptionArgs(reach: SshReach, opts: Partial<SshOptions> = {}): string[] {
  return optionArgs(reach, ['-o', 'ControlMaster=no'], opts);
}

/** `user@host` for ssh; ssh splits at the last '@', so IPv6 needs no brackets here. */
export function sshDestination(target: SshTarget): string {
  return `${target.user}@${target.host.trim()}`;
}

/** Full argv after `ssh`: options, destination, then the one remote command string. */
export function sshArgs(target: SshTarget, remoteCommand: string, opts: Partial<SshOptions> = {}): string[] {
  return [...sshOptionArgs(target, opts), sshDestination(target), remoteCommand];
}
