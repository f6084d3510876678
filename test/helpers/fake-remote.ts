// An in-memory WorkerRemote for the deploy engine's decision tests: it records every call (script, rsync
// with its source dir and filter, probe) and answers per worker from a script of outcomes, so what the
// engine decides to do on which worker can be checked without sshd. Failures are worded by the real
// src/remote messages. The end-to-end tests (test/deploy/*, real sshd) stay the proof that the real
// transport does what this fake says.
import { readFileSync } from 'node:fs';
import { remoteFailureMessage } from '../../src/remote/errors.ts';
import { failureOf, SSH_FAILED, type RemoteResult as ExecResult } from '../../src/remote/result.ts';
import type { Connect, RemoteResult, WorkerRemote } from '../../src/run/links.ts';
import { linkRun } from '../../src/deploy/connect.ts';

/** How one worker answers. Default: everything succeeds. */
export interface FakeWorker {
  /** Every ssh call and rsync fails as ssh does when the host cannot be reached (exit 255). */
  unreachable?: boolean;
  /** rsync to this worker exits with this code (e.g. 11: disk full). */
  rsyncExit?: number;
  /** make's exit code for `<job> <target>` (e.g. `'api restart': 2`); default 0. */
  make?: Record<string, number>;
}

export type FakeCall =
  | { op: 'run'; ip: string; script: string }
  | { op: 'rsync'; ip: string; localDir: string; remoteDir: string; filter: string; jobs: string[]; dryRun: boolean }
  | { op: 'probe'; ip: string; command: string };

export class FakeRemote implements WorkerRemote {
  readonly calls: FakeCall[] = [];
  /** What `preflight` reports (a missing ssh key, ssh or rsync); every call then fails with it, as the real remote does. */
  problem: string | undefined;
  closed = 0;
  private readonly workers = new Map<string, FakeWorker>();

  /** Sets how `ip` answers from now on (replacing what was set before). */
  worker(ip: string, answers: FakeWorker): this {
    this.workers.set(ip, answers);
    return this;
  }

  /** A `connect` for deploy(): this remote plus the real hooks and health ports over a real runtime API. */
  connect(): Connect {
    return (run) => linkRun(run, this, {});
  }

  runs(ip?: string): Array<Extract<FakeCall, { op: 'run' }>> {
    return this.calls.filter((c): c is Extract<FakeCall, { op: 'run' }> => c.op === 'run' && (ip === undefined || c.ip === ip));
  }

  rsyncs(ip?: string): Array<Extract<FakeCall, { op: 'rsync' }>> {
    return this.calls.filter((c): c is Extract<FakeCall, { op: 'rsync' }> => c.op === 'rsync' && (ip === undefined || c.ip === ip));
  }

  /** `<job> <target>` of every make the lifecycle scripts ran on `ip`, in order. */
  makes(ip: string): string[] {
    return this.runs(ip).flatMap((c) => lifecycleCalls(c.script).map((l) => `${l.job} ${l.target}`));
  }

  preflight(): Promise<string | undefined> {
    return Promise.resolve(this.problem);
  }

  run(ip: string, script: string, opts: { onLine?: (stream: 'stdout' | 'stderr', text: string) => void } = {}): Promise<RemoteResult> {
    this.calls.push({ op: 'run', ip, script });
    const failed = this.failure(ip, 'command');
    if (failed) return Promise.resolve(failed);
    // the lifecycle script's protocol (src/deploy/commands.ts lifecycleScript), answered per job
    const make = this.workers.get(ip)?.make ?? {};
    for (const { job, target } of lifecycleCalls(script)) {
      opts.onLine?.('stdout', `maand-runner: begin ${job}`);
      opts.onLine?.('stdout', `maand-runner: result ${job} ${make[`${job} ${target}`] ?? 0}`);
    }
    return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
  }

  rsync(ip: string, localDir: string, remoteDir: string, filterFile: string, opts: { dryRun?: boolean } = {}): Promise<RemoteResult> {
    const filter = readFileSync(filterFile, 'utf8');
    const jobs = [...filter.matchAll(/^\+ jobs\/([^/]+)\/$/gm)].map((m) => m[1]!);
    this.calls.push({ op: 'rsync', ip, localDir, remoteDir, filter, jobs, dryRun: opts.dryRun === true });
    const failed = this.failure(ip, 'rsync');
    if (failed) return Promise.resolve(failed);
    const code = this.workers.get(ip)?.rsyncExit ?? 0;
    if (code === 0) return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
    return Promise.resolve(explained(ip, 'rsync', code, `rsync: [receiver] write failed on "${remoteDir}/x": No space left on device (28)`));
  }

  probe(ip: string, command: string): Promise<RemoteResult & { timedOut: boolean }> {
    this.calls.push({ op: 'probe', ip, command });
    return Promise.resolve({ ...(this.failure(ip, 'command') ?? { exitCode: 0, stdout: '', stderr: '' }), timedOut: false });
  }

  close(): Promise<void> {
    this.closed++;
    return Promise.resolve();
  }

  private failure(ip: string, kind: 'command' | 'rsync'): RemoteResult | undefined {
    if (this.problem !== undefined) return { exitCode: -1, stdout: '', stderr: '', message: this.problem };
    if (this.workers.get(ip)?.unreachable) return explained(ip, kind, SSH_FAILED, `ssh: connect to host ${ip} port 22: Connection refused`);
    return undefined;
  }
}

/** A failed result worded as the real executor words it. */
function explained(ip: string, kind: 'command' | 'rsync', exitCode: number, stderr: string): RemoteResult {
  const r: ExecResult = {
    kind, host: ip, port: 22, argv: [], summary: '', knownHosts: ['secrets/known_hosts'], knownHostsName: ip,
    exitCode, stdout: '', stderr, timedOut: false, aborted: false, truncated: false, durationMs: 0,
  };
  return { exitCode, stdout: '', stderr, message: remoteFailureMessage(r, failureOf(r)!) };
}

/** The jobs and target of a lifecycle script (`run_target <job> …` lines and its `make … <target>`). */
function lifecycleCalls(script: string): Array<{ job: string; target: string }> {
  const target = /make -s -C "\$dir" (\S+) \|\| code=\$\?/.exec(script)?.[1];
  if (target === undefined) return [];
  return [...script.matchAll(/^run_target (\S+) /gm)].map((m) => ({ job: m[1]!, target }));
}
