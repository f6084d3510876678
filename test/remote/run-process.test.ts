import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProcess } from '../../src/remote/run-process.ts';

test('input reaches the program on stdin and its exit code comes back', async () => {
  const r = await runProcess('sh', ['-c', 'read x; echo "got $x"; exit 4'], { input: 'hello\n' });
  assert.equal(r.exitCode, 4);
  assert.equal(r.stdout, 'got hello\n');
  assert.equal(r.timedOut, false);
});

test('a program that cannot be started is a result with exit -1 and the reason in stderr', async () => {
  const r = await runProcess('maand-no-such-program', []);
  assert.equal(r.exitCode, -1);
  assert.match(r.stderr, /maand-no-such-program: spawn maand-no-such-program ENOENT/);
});

test('a program killed by a signal reports 128 + the signal number', async () => {
  const r = await runProcess('sh', ['-c', 'kill -9 $$']);
  assert.equal(r.exitCode, 137);
});

test('a timeout kills the program even if it ignores SIGTERM', async () => {
  const r = await runProcess('sh', ['-c', 'trap "" TERM; echo up; while :; do sleep 0.1; done'], { timeoutMs: 200 });
  assert.equal(r.timedOut, true);
  assert.equal(r.exitCode, -1);
  assert.equal(r.stdout, 'up\n');
});

test('an already aborted signal runs nothing', async () => {
  const r = await runProcess('sh', ['-c', 'echo ran'], { signal: AbortSignal.abort() });
  assert.equal(r.aborted, true);
  assert.equal(r.stdout, '');
});

test('a program that exits without reading its input does not fail the run', async () => {
  const r = await runProcess('true', [], { input: 'x'.repeat(1 << 20) });
  assert.equal(r.exitCode, 0);
});

test('given output written after the program exited while the event loop was busy past the drain wait, when the run ends, then the output is kept', async () => {
  // like an ssh ControlMaster client: it exits, and its output reaches the pipe a moment later
  const run = runProcess('sh', ['-c', '(sleep 0.4; echo "maand-release: job01 0") & exit 0']);
  await new Promise((r) => setTimeout(r, 100)); // the exit is seen and the drain timer is running
  // a deploy staging many trees, outside the timers phase: the next loop turn starts with timers
  setImmediate(() => {
    const until = Date.now() + 1600;
    while (Date.now() < until) {
      // busy: no pipe is read until the drain timer has long expired
    }
  });
  const r = await run;
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout, 'maand-release: job01 0\n');
});

test('given 30 programs at once (more than start on this thread), when they run, then each gets its own output, exit code and lines', async () => {
  const lines = new Map<number, string[]>();
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      runProcess('sh', ['-c', `read x; echo "out $x"; echo "err ${i}" >&2; sleep 0.2; exit ${i % 7}`], {
        input: `${i}\n`,
        onLine: (stream, line) => lines.set(i, [...(lines.get(i) ?? []), `${stream}:${line}`]),
      }),
    ),
  );
  results.forEach((r, i) => {
    assert.equal(r.exitCode, i % 7);
    assert.equal(r.stdout, `out ${i}\n`);
    assert.equal(r.stderr, `err ${i}\n`);
    assert.deepEqual(lines.get(i)?.sort(), [`stderr:err ${i}`, `stdout:out ${i}`]);
  });
});

test('given many programs running, when one is aborted, then only it ends as aborted', async () => {
  const controller = new AbortController();
  const runs = Array.from({ length: 12 }, (_, i) => runProcess('sh', ['-c', i === 11 ? 'sleep 30' : 'sleep 0.3; echo ok'], i === 11 ? { signal: controller.signal } : {}));
  setTimeout(() => controller.abort(), 100);
  const results = await Promise.all(runs);
  assert.equal(results[11]!.aborted, true);
  assert.equal(results[11]!.exitCode, -1);
  for (const r of results.slice(0, 11)) assert.equal(r.stdout, 'ok\n');
});
