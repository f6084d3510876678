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
import { diagnoseHostKey, knownHostsName, userKnownHosts } from './host-keys.ts';
import { runProcess, type LineListener, type ProcessResult } from './run-process.ts';
import { SSH_FAILED, summarizeArgv, type RemoteKind, type RemoteResult } from './result.ts';
import { rsyncArgs, type RsyncSpec } from './rsync.ts';
import { DEFAULT_REMOTE_TIMEOUT_SECONDS, remoteShellCommand, workerScript } from './script.ts';
import { DEFAULT_SSH_OPTIONS, sshArgs, sshPort, type SshOptions, type SshTarget } from './ssh-options.ts';

/** A worker as callers know it; the executor supplies the ControlPath. */
export type WorkerTarget = Omit<SshTarget, 'controlPath'>;

export interface ExecutorOptions {
  ssh?: Partial<SshOptions>;
  /** Parent of the private ControlPath directory (default: the OS temp dir; /tmp when too long for a socket path). */
  tmpDir?: string;
  sshProgram?: string;
  rsyncProgram?: string;
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
  #closed = false;
  readonly #dropExitCleanup: () => void;

  private constructor(controlDir: string, opts: ExecutorOptions) {
    this.controlDir = controlDir;
    this.#dropExitCleanup = onAbnormalExit(() => this.#closeSync());
    this.#ssh = opts.ssh ?? {};
    this.#sshProgram = opts.sshProgram ?? 'ssh';
    this.#rsyncProgram = opts.rsyncProgram ?? 'rsync';
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
    return { ...worker, controlPath: controlSocket(this.controlDir, worker.user, worker.host, worker.port) };
  }

  /** Runs `script` with `bash -s` on the worker (deploy.md §18.2). */
  async runScript(worker: WorkerTarget, script: string, opts: ScriptOptions = {}): Promise<RemoteResult> {
    const target = this.target(worker);
    const remote = remoteShellCommand({
      useSudo: opts.useSudo === true,
      timeoutSeconds: opts.remoteTimeoutSeconds ?? DEFAULT_REMOTE_TIMEOUT_SECONDS,
    });
    const args = sshArgs(target, remote, this.#ssh);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_SECONDS * 1000;
    return this.#run('command', target, this.#sshProgram, args, { ...opts, timeoutMs, input: script });
  }

  /** Runs command lines under `set -e -u` with `env` exported first. */
  run(worker: WorkerTarget, commands: readonly string[], opts: CommandOptions = {}): Promise<RemoteResult> {
    return this.runScript(worker, workerScript(commands, opts.env), opts);
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
    opts: StreamOptions & { timeoutMs?: number; input?: string },
  ): Promise<RemoteResult> {
    if (this.#closed) throw new InternalError('remote executor is closed');
    const own = new AbortController();
    const signal = opts.signal === undefined ? own.signal : AbortSignal.any([opts.signal, own.signal]);
    this.#running.add(own);
    let p: ProcessResult;
    try {
      // Commands started together before a worker's first connection is up would each log in and
      // race to become its ControlMaster: the first one connects, the others wait for its socket.
      const gate = this.#firstContact.get(target.controlPath);
      if (gate !== undefined) await gate;
      const running = runProcess(program, args, { ...opts, signal });
      if (gate === undefined) {
        const limitMs = ((this.#ssh.connectTimeoutSeconds ?? DEFAULT_SSH_OPTIONS.connectTimeoutSeconds) + 5) * 1000;
        this.#firstContact.set(target.controlPath, socketReady(target.controlPath, running, limitMs));
      }
      p = await running;
    } finally {
      this.#running.delete(own);
    }
    const argv = [program, ...args];
    const result: RemoteResult = {
      ...p,
      kind,
      host: target.host.trim(),
      port: sshPort(target.port),
      argv,
      summary: summarizeArgv(argv),
      knownHosts: target.hostKeyPolicy === 'insecure' ? [] : userKnownHosts(target),
      knownHostsName: knownHostsName(target),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    };
    if (p.exitCode === SSH_FAILED && !p.timedOut && !p.aborted) {
      const problem = await diagnoseHostKey(target);
      if (problem !== undefined) result.hostKeyProblem = problem;
    }
    return result;
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
