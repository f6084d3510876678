// Runs one local program (ssh or rsync) to completion: stdin from a string, output streamed as
// lines and kept as a capped tail, killed on timeout or abort. A failure is returned as data. The
// program is started through spawner.ts: from worker threads when many run at once.

import { constants } from 'node:os';
import { DEFAULT_OUTPUT_CAP_BYTES, LineSplitter, TailBuffer } from './output.ts';
import { hostProcess } from './spawner.ts';

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
    const outLines = opts.onLine === undefined ? undefined : new LineSplitter((l) => opts.onLine!('stdout', l));
    const errLines = opts.onLine === undefined ? undefined : new LineSplitter((l) => opts.onLine!('stderr', l));
    const onAbort = (): void => abort();
    const abort = hostProcess({ file, args, input: opts.input ?? '', ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }) }, {
      onChunk: (stream, b) => {
        (stream === 'stdout' ? out : err).push(b);
        (stream === 'stdout' ? outLines : errLines)?.push(b);
      },
      onEnd: (end) => {
        opts.signal?.removeEventListener('abort', onAbort);
        outLines?.end();
        errLines?.end();
        if (end.spawnError !== undefined) {
          err.push(Buffer.from(`${file}: ${end.spawnError}\n`));
          resolve(result(-1));
        } else if (end.killedFor !== undefined) {
          resolve(result(-1, { timedOut: end.killedFor === 'timeout', aborted: end.killedFor === 'abort' }));
        } else {
          const signal = end.signal as NodeJS.Signals | null;
          resolve(result(end.code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
        }
      },
    });
    opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
