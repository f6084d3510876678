// Runs a local program to completion and collects its output. Harness-only: the product's
// executor lives in src/remote and is what the tests exercise, so the harness does not use it.

import { spawn } from 'node:child_process';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Kills the program after `timeoutMs` (exit code then 124, like timeout(1)) so a test cannot hang. */
export function run(file: string, args: string[], input?: string, timeoutMs = 30_000): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let timedOut = false;
    let finish: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // a grandchild may keep the pipes open: do not wait for 'close' beyond a second
      setTimeout(() => finish?.(null, 'SIGKILL'), 1000).unref();
    }, timeoutMs);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {}); // the program may exit before reading its input
    child.on('error', reject);
    let done = false;
    finish = (code, signal): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({
        exitCode: timedOut ? 124 : (code ?? (signal === null ? -1 : 128)),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    };
    child.on('close', (code, signal) => finish?.(code, signal));
    child.stdin.end(input ?? '');
  });
}

/** Like run(), but a non-zero exit is an error naming the command. */
export async function runOk(file: string, args: string[], input?: string): Promise<ExecResult> {
  const r = await run(file, args, input);
  if (r.exitCode !== 0) {
    throw new Error(`${file} ${args.join(' ')} failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
  }
  return r;
}
