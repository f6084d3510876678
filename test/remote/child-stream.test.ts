import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { childStream } from '../../src/remote/child-stream.ts';

function sh(script: string) {
  return spawn('sh', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
}

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of s) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

test('given a child that answers and exits before its answer is read, when the stream is read, then every byte arrives', async () => {
  // an answer smaller than a pipe buffer: the child exits at once (a server that answers and closes)
  const child = sh('head -c 1000 /dev/zero');
  const stream = childStream(child, 'forward');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await readAll(stream)).length, 1000);
});

test('given a child that writes 4 MiB, when its stream is read, then every byte arrives', async () => {
  const stream = childStream(sh('head -c 4194304 /dev/zero'), 'forward');
  assert.equal((await readAll(stream)).length, 4 * 1024 * 1024);
});

test('given a child that echoes its input, when a request is written, then the answer is read back and the stream ends', async () => {
  const stream = childStream(sh('head -n 1'), 'forward');
  stream.end('GET / HTTP/1.0\n');
  assert.equal((await readAll(stream)).toString(), 'GET / HTTP/1.0\n');
});

test('given a child that fails, when its stream is read, then it errors with the child\'s last stderr line', async () => {
  const stream = childStream(sh('echo "debug" >&2; echo "channel 0: open failed: connect failed: Connection refused" >&2; exit 255'), 'forward to 127.0.0.1:1');
  await assert.rejects(readAll(stream), /^Error: forward to 127\.0\.0\.1:1: channel 0: open failed: connect failed: Connection refused$/);
});

test('given an open stream, when it is destroyed, then the child is stopped', async () => {
  const child = sh('sleep 30');
  const stream = childStream(child, 'forward');
  const exited = new Promise((r) => child.once('exit', (_code, signal) => r(signal)));
  stream.on('error', () => {}); // a stream destroyed by its reader ends in an AbortError
  stream.destroy();
  assert.equal(await exited, 'SIGTERM');
});
