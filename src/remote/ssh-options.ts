// Pure builders of the OpenSSH argv that reaches a worker (deploy.md §18.1). The same option list
// is used for worker commands and for rsync's --rsh, so both reach the worker the same way:
// same port (Q14), same key, same host-key policy (Q28), same ControlMaster socket.

import { MaandError } from '../errors.ts';
import { shq } from './shell-quote.ts';

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
  /**
   * Bastions in front of the host, first hop first (issue 14); each is reached through the one
   * before it, over that hop's own ControlMaster. Empty or unset: direct.
   */
  via?: readonly BastionHop[];
}

/** One bastion of a chain: where it is and the socket of its ControlMaster for the run. */
export interface BastionHop {
  user: string;
  host: string;
  /** <= 0 means 22. */
  port: number;
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
export type SshReach = Omit<SshTarget, 'host' | 'controlPath' | 'via'>;

/** Stands for ssh's `%h:%p` while a ProxyCommand is built (its literal '%' are doubled first). */
const HOST_PORT = '\u0000hp\u0000';

/**
 * The ProxyCommand that gives ssh a stream to `%h:%p` through `via` (issue 14): a client of the
 * last hop's ControlMaster (`-W`, a forwarded channel, no new login), which itself reaches its
 * hop through the hop before it should the master be gone. ssh expands %-tokens in the value,
 * so a nested command has its '%' doubled once per level.
 */
function proxyCommand(reach: SshReach, via: readonly BastionHop[], opts: Partial<SshOptions>): string {
  const words = ['ssh', ...hopClientArgs(reach, via, opts), '-W', HOST_PORT, hopDestination(via.at(-1)!)];
  return words.map((w) => (w === HOST_PORT ? w : shq(w))).join(' ').replaceAll('%', '%%').replace(HOST_PORT, '%h:%p');
}

/** Options of a client riding the last hop's master (ControlMaster=no: it never becomes one). */
function hopClientArgs(reach: SshReach, via: readonly BastionHop[], opts: Partial<SshOptions>): string[] {
  const hop = via.at(-1)!;
  return optionArgs({ ...reach, port: hop.port }, ['-o', 'ControlMaster=no', '-o', `ControlPath=${hop.controlPath}`, ...proxyArgs(reach, via.slice(0, -1), opts)], opts);
}

/** `-o ProxyCommand=…` through `via`, or nothing when direct. */
function proxyArgs(reach: SshReach, via: readonly BastionHop[] | undefined, opts: Partial<SshOptions>): string[] {
  return via === undefined || via.length === 0 ? [] : ['-o', `ProxyCommand=${proxyCommand(reach, via, opts)}`];
}

function hopDestination(hop: BastionHop): string {
  return `${hop.user}@${hop.host}`;
}

/**
 * Argv after `ssh` that makes hop `via.at(-1)` the run's master for it: logs in (through the hops
 * before it), forks into the background once authenticated (`-f`; the foreground exits 0) and
 * serves the channels of every worker behind it. Ended by `-O exit` or after ControlPersist idle.
 */
export function bastionMasterArgs(reach: SshReach, via: readonly BastionHop[], opts: Partial<SshOptions> = {}): string[] {
  const hop = via.at(-1)!;
  assertSafeTarget({ ...reach, host: hop.host, user: hop.user, controlPath: hop.controlPath });
  const persist = { ...DEFAULT_SSH_OPTIONS, ...opts }.controlPersistSeconds;
  const control = ['-o', 'ControlMaster=yes', '-o', `ControlPath=${hop.controlPath}`, '-o', `ControlPersist=${persist}`, ...proxyArgs(reach, via.slice(0, -1), opts)];
  return [...optionArgs({ ...reach, port: hop.port }, control, opts), '-N', '-f', hopDestination(hop)];
}

/** Argv after `ssh` for a stdio stream to host:port opened by the last hop of `via` (health probes). */
export function forwardArgs(reach: SshReach, via: readonly BastionHop[], host: string, port: number, opts: Partial<SshOptions> = {}): string[] {
  return [...hopClientArgs(reach, via, opts), '-W', `${host.includes(':') ? `[${host}]` : host}:${port}`, hopDestination(via.at(-1)!)];
}

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
  const control = ['-o', 'ControlMaster=auto', '-o', `ControlPath=${target.controlPath}`, '-o', `ControlPersist=${persist}`, ...proxyArgs(target, target.via, opts)];
  return optionArgs(target, control, opts);
}

/** The ProxyCommand option of a worker behind bastions (hooks' run_ssh adds it per worker). */
export function workerProxyArgs(target: Pick<SshTarget, 'via'> & SshReach, opts: Partial<SshOptions> = {}): string[] {
  return proxyArgs(target, target.via, opts);
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
