// Runs one local program (ssh or rsync) to completion: stdin from a string, output streamed as
// lines and kept as a capped tail, killed on timeout or abort. A failure is returned as data.

import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { DEFAULT_OUTPUT_CAP_BYTES, LineSplitter, TailBuffer } from './output.ts';

export type OutputStream = 'stdout' | 'stderr';
export type LineListener = (stream: OutputStream, line: string) => void;

export interface ProcessOptions {
  input?: string;
  /** Kill the program after this many ms (exit code then -1, timedOut true). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onLine?: LineListener;
  /** Per stream; the tail is kept. */
  outputCapBytes?: number;
}

export interface ProcessResult {
  /** -1 when the program was killed here (timeout, abort) or could not be started. */
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Some output was dropped to stay within outputCapBytes. */
  truncated: boolean;
  durationMs: number;
}

const KILL_GRACE_MS = 2000;
const PIPE_DRAIN_MS = 1000;

export function runProcess(file: string, args: readonly string[], opts: ProcessOptions = {}): Promise<ProcessResult> {
  const started = Date.now();
  const cap = opts.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES;
  const out = new TailBuffer(cap);
  const err = new TailBuffer(cap);
  const result = (exitCode: number, extra: Partial<ProcessResult> = {}): ProcessResult => ({
    exitCode,
    stdout: out.text(),
    stderr: err.text(),
    timedOut: false,
    aborted: false,
    truncated: out.truncated || err.truncated,
    durationMs: Date.now() - started,
    ...extra,
  });
  if (opts.signal?.aborted === true) return Promise.resolve(result(-1, { aborted: true }));

  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let killedFor: 'timeout' | 'abort' | undefined;
    let spawnError: Error | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    const kill = (why: 'timeout' | 'abort'): void => {
      if (killedFor !== undefined || child.exitCode !== null) return;
      killedFor = why;
      child.kill('SIGTERM');
      graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), opts.timeoutMs);
    const onAbort = (): void => kill('abort');
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const wire = (stream: OutputStream, source: NodeJS.ReadableStream, buf: TailBuffer): LineSplitter | undefined => {
      const lines = opts.onLine === undefined ? undefined : new LineSplitter((l) => opts.onLine!(stream, l));
      source.on('data', (b: Buffer) => {
        buf.push(b);
        lines?.push(b);
      });
      return lines;
    };
    const outLines = wire('stdout', child.stdout, out);
    const errLines = wire('stderr', child.stderr, err);
    child.stdin.on('error', () => {}); // the program may exit before reading all of its input
    child.on('error', (e) => (spawnError = e));
    // An ssh ControlMaster client hands its stdio to the master, so after the client is killed
    // (or in any odd case) the pipes may stay open until the remote side ends: stop waiting.
    child.on('exit', (code, signal) => {
      const wait = killedFor === undefined ? PIPE_DRAIN_MS : 0;
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      }, wait).unref();
    });
    child.on('close', (code, signal) => finish(code, signal));
    let done = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      outLines?.end();
      errLines?.end();
      if (spawnError !== undefined) {
        err.push(Buffer.from(`${file}: ${spawnError.message}\n`));
        resolve(result(-1));
      } else if (killedFor !== undefined) {
        resolve(result(-1, { timedOut: killedFor === 'timeout', aborted: killedFor === 'abort' }));
      } else {
        resolve(result(code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
      }
    };
    child.stdin.end(opts.input ?? '');
  });
}
