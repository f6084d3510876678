// The one place that runs ssh and rsync against workers. It owns a private 0700 directory for
// ControlMaster sockets (one master per user/host/port, shared by commands and rsync), and
// close() ends every master and removes the directory.

import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { onAbnormalExit } from '../util/exit-cleanup.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { InternalError } from '../errors.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnoseHostKey, hostKeyProblemIn, knownHostsName, userKnownHosts } from './host-keys.ts';
import { runProcess, type LineListener, type ProcessResult } from './run-process.ts';
import { SSH_FAILED, summarizeArgv, type RemoteKind, type RemoteResult } from './result.ts';
import { rsyncArgs, type RsyncSpec } from './rsync.ts';
import { DEFAULT_REMOTE_TIMEOUT_SECONDS, INLINE_SCRIPT_MAX_BYTES, inlineShellCommand, remoteShellCommand, workerScript } from './script.ts';
import { DEFAULT_SSH_OPTIONS, bastionMasterArgs, forwardArgs, sshArgs, sshPort, type BastionHop, type SshOptions, type SshTarget } from './ssh-options.ts';
import { handshakeBackoffMs, MAX_HANDSHAKE_ATTEMPTS, retryableHandshake, StartupLimiter, tunnelledStartupLimit } from './handshake.ts';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A bastion as callers know it: the executor supplies its ControlPath. */
export type JumpAddress = Omit<BastionHop, 'controlPath'>;

/** A worker as callers know it; the executor supplies the ControlPaths (its own and its bastions'). */
export type WorkerTarget = Omit<SshTarget, 'controlPath' | 'via'> & {
  /** Bastions in front of the worker, first hop first (issue 14); empty or unset: direct. */
  jumps?: readonly JumpAddress[];
};

/** Why a bastion of the chain could not be used: the hop's own ssh result. */
export interface HopFailure {
  /** The bastion, `user@host[:port]`. */
  hop: string;
  result: RemoteResult;
}

export interface ExecutorOptions {
  ssh?: Partial<SshOptions>;
  /** Parent of the private ControlPath directory (default: the OS temp dir; /tmp when too long for a socket path). */
  tmpDir?: string;
  sshProgram?: string;
  rsyncProgram?: string;
  /** Most ssh handshakes in flight at once (maand.conf ssh_max_startups; default 10). */
  maxStartups?: number;
}

export interface StreamOptions {
  signal?: AbortSignal;
  onLine?: LineListener;
  /** Per stream, the tail is kept (default 1 MiB). */
  outputCapBytes?: number;
}

export interface ScriptOptions extends StreamOptions {
  useSudo?: boolean;
  /** Host-side kill (default 300 s); exit code then -1. */
  timeoutMs?: number;
  /** Remote `timeout N` around the shell (default 300). */
  remoteTimeoutSeconds?: number;
}

export interface CommandOptions extends ScriptOptions {
  env?: Readonly<Record<string, string>>;
}

export interface RsyncOptions extends StreamOptions {
  /** Host-side kill; rsync's own --timeout covers stalls, so none by default. */
  timeoutMs?: number;
}

/**
 * The control socket of user@host:port in `dir`, named here rather than with ssh's %C so that its
 * appearance can be awaited and hooks can find it (maand.py's run_ssh computes the same name).
 */
export function controlSocket(dir: string, user: string, host: string, port: number): string {
  return join(dir, `h${createHash('sha256').update(`${user}@${host.trim()}:${sshPort(port)}`).digest('hex').slice(0, 20)}`);
}

/** `user@host[:port]` of a hop for messages. */
export function jumpName(hop: JumpAddress): string {
  const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
  return `${hop.user}@${host}${sshPort(hop.port) === 22 ? '' : `:${sshPort(hop.port)}`}`;
}

/**
 * The master socket of the last hop of `chain`: named after the whole chain, since the same bastion
 * reached through different hops is a different connection (and never a worker's own socket).
 */
function bastionSocket(dir: string, chain: readonly JumpAddress[]): string {
  const key = chain.map((h) => `${h.user}@${h.host.trim()}:${sshPort(h.port)}`).join(',');
  return join(dir, `b${createHash('sha256').update(key).digest('hex').slice(0, 20)}`);
}

/**
 * Resolves when the control socket exists or `command` has ended (connected or not), whichever is
 * first, and at the latest after `limitMs` (the connect timeout): a first command that connects
 * without becoming the master must not hold the others back for as long as it runs.
 */
async function socketReady(path: string, command: Promise<unknown>, limitMs: number): Promise<void> {
  let ended = false;
  void command.then(
    () => (ended = true),
    () => (ended = true),
  );
  const deadline = Date.now() + limitMs;
  while (!ended && !existsSync(path) && Date.now() < deadline) await delay(10);
}

/** rsync: error in the protocol data stream. */
const RSYNC_STREAM_ERROR = 12;

export type RsyncRequest = Omit<RsyncSpec, 'target' | 'ssh'>;

export class RemoteExecutor {
  readonly controlDir: string;
  readonly #ssh: Partial<SshOptions>;
  readonly #sshProgram: string;
  readonly #rsyncProgram: string;
  readonly #running = new Set<AbortController>();
  /** Per socket: settles once the first command's connection is up (or that command ended). */
  readonly #firstContact = new Map<string, Promise<void>>();
  /** Per bastion socket: its master being started (undefined: up), or the failure of that start. */
  readonly #bastions = new Map<string, Promise<HopFailure | undefined>>();
  /** Handshakes that open a connection from this machine (direct workers, first bastions). */
  readonly #startups: StartupLimiter;
  /** Handshakes inside a bastion's connection (a forwarded channel, no new connection to any sshd it passes). */
  readonly #tunnelledStartups: StartupLimiter;
  #closed = false;
  readonly #dropExitCleanup: () => void;

  private constructor(controlDir: string, opts: ExecutorOptions) {
    this.controlDir = controlDir;
    this.#dropExitCleanup = onAbnormalExit(() => this.#closeSync());
    this.#ssh = opts.ssh ?? {};
    this.#sshProgram = opts.sshProgram ?? 'ssh';
    this.#rsyncProgram = opts.rsyncProgram ?? 'rsync';
    this.#startups = new StartupLimiter(opts.maxStartups ?? 10);
    this.#tunnelledStartups = new StartupLimiter(tunnelledStartupLimit(opts.maxStartups ?? 10));
  }

  static async create(opts: ExecutorOptions = {}): Promise<RemoteExecutor> {
    // socket paths are limited to ~104 bytes: <parent>/maand-ssh-XXXXXX/<40 hex> must fit
    const parent = opts.tmpDir ?? tmpdir();
    const usable = parent.length + '/maand-ssh-XXXXXX/'.length + 40 < 100 ? parent : '/tmp';
    // mkdtemp creates the directory 0700: nobody else can plant or reach a control socket
    const dir = await mkdtemp(join(usable, 'maand-ssh-'));
    return new RemoteExecutor(dir, opts);
  }

  target(worker: WorkerTarget): SshTarget {
    const { jumps, ...rest } = worker;
    const via = (jumps ?? []).map((hop, i) => ({ ...hop, controlPath: bastionSocket(this.controlDir, jumps!.slice(0, i + 1)) }));
    return { ...rest, controlPath: controlSocket(this.controlDir, worker.user, worker.host, worker.port), ...(via.length > 0 ? { via } : {}) };
  }

  /**
   * Makes sure every bastion in front of `worker` has its ControlMaster up, first hop first, each
   * started once per run however many workers ride it. The first hop that cannot be used, or
   * undefined when all are up (or the worker is direct).
   */
  reachBastions(worker: WorkerTarget, signal?: AbortSignal): Promise<HopFailure | undefined> {
    return this.#reachChain(this.target(worker), signal);
  }

  async #reachChain(target: SshTarget, signal?: AbortSignal): Promise<HopFailure | undefined> {
    const via = target.via ?? [];
    for (let i = 0; i < via.length; i++) {
      const hop = via[i]!;
      let started = this.#bastions.get(hop.controlPath);
      const settled = started === undefined ? undefined : await started;
      // a master that ended since (idle past ControlPersist, or killed) is started again
      if (started === undefined || (settled === undefined && !existsSync(hop.controlPath))) {
        started = this.#startBastion(target, via.slice(0, i + 1), signal);
        this.#bastions.set(hop.controlPath, started);
      }
      const failure = await started;
      if (failure !== undefined) return failure;
    }
    return undefined;
  }

  async #startBastion(worker: SshTarget, chain: readonly BastionHop[], signal?: AbortSignal): Promise<HopFailure | undefined> {
    const hop = chain.at(-1)!;
    const { via: _worker, ...reach } = worker;
    const target: SshTarget = { ...reach, user: hop.user, host: hop.host, port: hop.port, controlPath: hop.controlPath, ...(chain.length > 1 ? { via: chain.slice(0, -1) } : {}) };
    const args = bastionMasterArgs(worker, chain, this.#ssh);
    const timeoutMs = ((this.#ssh.connectTimeoutSeconds ?? DEFAULT_SSH_OPTIONS.connectTimeoutSeconds) + 10) * 1000;
    const r = await this.#run('command', target, this.#sshProgram, args, { timeoutMs, bastionStart: true, ...(signal ? { signal } : {}) });
    return r.exitCode === 0 ? undefined : { hop: jumpName(hop), result: { ...r, hop: jumpName(hop) } };
  }

  /**
   * A byte stream to host:port opened by the last bastion in front of `worker` (a channel of its
   * master): health probes reach a worker's ports the way the runner would on a flat network.
   */
  forward(worker: WorkerTarget, host: string, port: number): ChildProcessWithoutNullStreams {
    const via = this.target(worker).via;
    if (via === undefined) throw new InternalError('forward() needs a worker behind a bastion');
    return spawn(this.#sshProgram, forwardArgs(worker, via, host, port, this.#ssh), { stdio: ['pipe', 'pipe', 'pipe'] });
  }

  /**
   * Runs `script` with `bash -s` on the worker (deploy.md §18.2), or, with `inline` and a script up to
   * INLINE_SCRIPT_MAX_BYTES, carried in the command (one round trip less; see script.ts).
   */
  async runScript(worker: WorkerTarget, script: string, opts: ScriptOptions & { inline?: boolean } = {}): Promise<RemoteResult> {
    const target = this.target(worker);
    const shell = { useSudo: opts.useSudo === true, timeoutSeconds: opts.remoteTimeoutSeconds ?? DEFAULT_REMOTE_TIMEOUT_SECONDS };
    const remote = remoteShellCommand(shell);
    const inline = opts.inline === true && Buffer.byteLength(script, 'utf8') <= INLINE_SCRIPT_MAX_BYTES;
    const args = sshArgs(target, inline ? inlineShellCommand(shell, script) : remote, this.#ssh);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_SECONDS * 1000;
    const { inline: _, ...rest } = opts;
    return this.#run('command', target, this.#sshProgram, args, {
      ...rest, timeoutMs, input: inline ? '' : script,
      // messages show the command as `bash -s` either way (the remote command is the last argument),
      // not kilobytes of base64
      ...(inline ? { summaryArgv: [this.#sshProgram, ...args.slice(0, -1), remote] } : {}),
    });
  }

  /**
   * Runs command lines under `set -e -u` with `env` exported first. Without `env` (which may hold
   * secrets) the script travels in the command (runScript's `inline`).
   */
  run(worker: WorkerTarget, commands: readonly string[], opts: CommandOptions = {}): Promise<RemoteResult> {
    const secretFree = opts.env === undefined || Object.keys(opts.env).length === 0;
    return this.runScript(worker, workerScript(commands, opts.env), { ...opts, inline: secretFree });
  }

  /** Runs rsync (deploy.md §11.2) over the worker's shared ssh connection. */
  async rsync(worker: WorkerTarget, req: RsyncRequest, opts: RsyncOptions = {}): Promise<RemoteResult> {
    const target = this.target(worker);
    const args = rsyncArgs({ ...req, target, ssh: this.#ssh });
    const r = await this.#run('rsync', target, this.#rsyncProgram, args, opts);
    // A transport that dies mid-stream (e.g. its ControlMaster lost the worker) makes rsync exit 12
    // instead of ssh's 255: ask ssh itself whether the worker is reachable, and report that.
    if (r.exitCode === RSYNC_STREAM_ERROR && !r.timedOut && !r.aborted) {
      const probe = await this.runScript(worker, 'true', { timeoutMs: 20_000, ...(opts.signal ? { signal: opts.signal } : {}) });
      if (probe.exitCode === SSH_FAILED) return { ...r, exitCode: SSH_FAILED, stderr: `${r.stderr}${probe.stderr}`, ...(probe.hostKeyProblem ? { hostKeyProblem: probe.hostKeyProblem } : {}) };
    }
    return r;
  }

  async #run(
    kind: RemoteKind,
    target: SshTarget,
    program: string,
    args: string[],
    opts: StreamOptions & { timeoutMs?: number; input?: string; bastionStart?: boolean; summaryArgv?: string[] },
  ): Promise<RemoteResult> {
    if (this.#closed) throw new InternalError('remote executor is closed');
    const own = new AbortController();
    const signal = opts.signal === undefined ? own.signal : AbortSignal.any([opts.signal, own.signal]);
    this.#running.add(own);
    let p: ProcessResult;
    let gateOpen: (() => void) | undefined;
    try {
      // a bastion's own start is reached by reachChain itself, hop by hop
      if (target.via !== undefined && opts.bastionStart !== true) {
        const failure = await this.#reachChain(target, signal);
        if (failure !== undefined) return { ...failure.result, kind, argv: [program, ...args], summary: summarizeArgv([program, ...args]), hop: failure.hop };
      }
      // Commands started together before a worker's first connection is up would each log in and
      // race to become its ControlMaster: the first one connects, the others wait for its socket.
      const gate = this.#firstContact.get(target.controlPath);
      if (gate === undefined) this.#firstContact.set(target.controlPath, new Promise<void>((open) => (gateOpen = open)));
      else await gate;
      const { bastionStart: _, summaryArgv: _summary, ...processOpts } = opts;
      const start = (): Promise<ProcessResult> => runProcess(program, args, { ...processOpts, signal });
      const limiter = target.via === undefined ? this.#startups : this.#tunnelledStartups;
      p = existsSync(target.controlPath) ? await start() : await this.#handshake(target.controlPath, limiter, start, signal, () => gateOpen?.());
    } finally {
      gateOpen?.();
      this.#running.delete(own);
    }
    const argv = [program, ...args];
    const result: RemoteResult = {
      ...p,
      kind,
      host: target.host.trim(),
      port: sshPort(target.port),
      argv,
      summary: summarizeArgv(opts.summaryArgv ?? argv),
      knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
      knownHostsName: knownHostsName(target),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
      ...(target.via === undefined ? {} : { through: jumpName(target.via.at(-1)!) }),
    };
    if (p.exitCode === SSH_FAILED && !p.timedOut && !p.aborted) {
      // ssh-keyscan has no way through a bastion: behind one, ssh's own fatal line says it
      const problem = target.via === undefined ? await diagnoseHostKey(target) : hostKeyProblemIn(p.stderr);
      if (problem !== undefined) result.hostKeyProblem = problem;
    }
    return result;
  }

  /**
   * Runs a command that has to log in (no master socket yet) within `limiter`'s startup limit; the
   * slot is freed once the master is up (or the command ended). A failure before authentication
   * is tried again after a backoff (handshake.ts). `onUp` runs once the socket exists or the last
   * attempt ended.
   */
  async #handshake(path: string, limiter: StartupLimiter, start: () => Promise<ProcessResult>, signal: AbortSignal, onUp: () => void): Promise<ProcessResult> {
    const limitMs = ((this.#ssh.connectTimeoutSeconds ?? DEFAULT_SSH_OPTIONS.connectTimeoutSeconds) + 5) * 1000;
    for (let attempt = 1; ; attempt++) {
      const release = await limiter.acquire();
      const running = start();
      // frees the slot as soon as the master is up; nothing here can fail the command itself
      socketReady(path, running, limitMs)
        .then(() => {
          release();
          if (existsSync(path)) onUp();
        })
        .catch(() => release());
      const p = await running;
      release();
      if (attempt >= MAX_HANDSHAKE_ATTEMPTS || signal.aborted || !retryableHandshake(p)) return p;
      await delay(handshakeBackoffMs(attempt));
    }
  }

  /** Kills running commands, ends every ControlMaster, removes the socket directory. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#dropExitCleanup();
    for (const c of this.#running) c.abort();
    const sockets = await readdir(this.controlDir).catch(() => [] as string[]);
    await Promise.all(
      sockets.map((s) =>
        runProcess(this.#sshProgram, ['-o', `ControlPath=${join(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], {
          timeoutMs: 5000,
        }),
      ),
    );
    await rm(this.controlDir, { recursive: true, force: true });
  }

  /** close() for a process about to exit: masters are told to exit synchronously, the directory removed. */
  #closeSync(): void {
    this.#closed = true;
    let sockets: string[] = [];
    try {
      sockets = readdirSync(this.controlDir);
    } catch {
      // already gone
    }
    for (const s of sockets) spawnSync(this.#sshProgram, ['-o', `ControlPath=${join(this.controlDir, s)}`, '-O', 'exit', 'maand-worker'], { stdio: 'ignore', timeout: 2000 });
    rmSync(this.controlDir, { recursive: true, force: true });
  }
}
