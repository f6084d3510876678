// A child process's stdin/stdout as one byte stream (an `ssh -W host:port` forward, issue 14).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Duplex } from 'node:stream';

const STDERR_KEEP = 4096;

/**
 * Reads what the child writes to stdout and writes to its stdin. The stream ends only once the
 * child has exited and every byte it wrote was pushed: its 'exit' can come before its stdout is
 * read (a server that answers and closes), and ending then lost the answer. A child that fails
 * destroys the stream with its last stderr line (ssh's reason); destroying the stream stops it.
 */
export function childStream(child: ChildProcessWithoutNullStreams, what: string): Duplex {
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-STDERR_KEEP);
  });
  // the child may exit before it read all we wrote: its exit status tells what happened, not EPIPE
  child.stdin.on('error', () => {});
  const stream = new Duplex({
    read() {
      child.stdout.resume();
    },
    write(chunk: Buffer, _encoding, done) {
      if (child.stdin.writable) child.stdin.write(chunk);
      done();
    },
    final(done) {
      child.stdin.end();
      done();
    },
    destroy(err, done) {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      done(err);
    },
  });
  child.stdout.on('data', (chunk: Buffer) => {
    if (!stream.push(chunk)) child.stdout.pause();
  });
  child.once('error', (e) => stream.destroy(new Error(`${what}: ${e.message}`)));
  child.once('close', (code, signal) => {
    if (stream.destroyed) return;
    if (code === 0) {
      stream.push(null);
      return;
    }
    const line = stderr.trim().split('\n').at(-1)?.trim();
    stream.destroy(new Error(`${what}: ${line || (signal !== null ? `killed by ${signal}` : `exit status ${code}`)}`));
  });
  return stream;
}
