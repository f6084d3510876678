// One local child process with streamed output, an optional timeout and cancellation. The child
// leads its own process group, so a timeout or cancel reaches the interpreter and whatever it
// started (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'node:child_process';
import { LineSplitter } from './output.ts';

export interface ChildSpec {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** SIGTERM → SIGKILL delay. Default 5 s. */
  killGraceMs?: number;
  onLine(stream: 'stdout' | 'stderr', text: string): void;
}

export interface ChildOutcome {
  /** Exit code; -1 when killed by a signal or never started. */
  exitCode: number;
  signal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  /** The program could not be started. */
  spawnError?: string;
}

/** After the child exits, how long to wait for descendants still holding its pipes. */
const PIPE_DRAIN_MS = 2000;

export function runChild(spec: ChildSpec): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const child = spawn(spec.program, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = new LineSplitter((t) => spec.onLine('stdout', t));
    const err = new LineSplitter((t) => spec.onLine('stderr', t));
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));

    const finish = (o: Omit<ChildOutcome, 'timedOut' | 'cancelled'>): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      spec.signal?.removeEventListener('abort', onAbort);
      out.end();
      err.end();
      resolve({ ...o, timedOut, cancelled });
    };
    const killGroup = (sig: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const stop = (): void => {
      killGroup('SIGTERM');
      timers.push(setTimeout(() => killGroup('SIGKILL'), spec.killGraceMs ?? 5000));
    };
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };

    child.on('error', (e) => finish({ exitCode: -1, signal: null, spawnError: e.message }));
    child.on('exit', (code, signal) => {
      const outcome = { exitCode: code ?? -1, signal };
      let open = 2;
      const closed = (): void => {
        if (--open === 0) finish(outcome);
      };
      if (child.stdout.closed) closed();
      else child.stdout.once('close', closed);
      if (child.stderr.closed) closed();
      else child.stderr.once('close', closed);
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish(outcome);
        }, PIPE_DRAIN_MS),
      );
    });

    if (spec.signal?.aborted) onAbort();
    else spec.signal?.addEventListener('abort', onAbort, { once: true });
    if (spec.timeoutMs !== undefined && spec.timeoutMs > 0)
      timers.push(
        setTimeout(() => {
          timedOut = true;
          stop();
        }, spec.timeoutMs),
      );
  });
}
