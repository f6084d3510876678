// The part of running a local program that blocks: spawn (fork + exec) and the pipes. It runs on
// the run's thread while few programs run, and in worker threads beyond (spawner.ts), so a deploy to
// a hundred workers does not stall its event loop: node's spawn waits for the child to exec, which on
// a busy runner takes tens of milliseconds each, and a deploy starts several ssh and rsync processes
// per worker.
//
// `processHost` must be self-contained (no imports, no outer names): its source text is the worker's
// code (new Worker(`(${processHost})()`, { eval: true })), so it survives bundling unchanged.

/** Main thread → host. */
export type HostRequest =
  | { type: 'start'; id: number; file: string; args: string[]; input: string; timeoutMs?: number }
  | { type: 'abort'; id: number };

/** Host → main thread: output as it arrives, then one end per process. */
export type HostMessage =
  | { type: 'chunk'; id: number; stream: 'stdout' | 'stderr'; data: Uint8Array }
  | { type: 'end'; id: number; code: number | null; signal: string | null; killedFor?: 'timeout' | 'abort'; spawnError?: string };

/** What the host talks through: its worker thread's parentPort, or an in-process stand-in. */
export interface HostPort {
  postMessage(m: HostMessage, transfer?: ArrayBuffer[]): void;
  on(event: 'message', fn: (m: HostRequest) => void): unknown;
}

export function processHost(given?: HostPort): void {
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const { spawn } = process.getBuiltinModule('node:child_process');
  const KILL_GRACE_MS = 2000;
  const PIPE_DRAIN_MS = 1000;
  const kills = new Map<number, (why: 'timeout' | 'abort') => void>();
  const port: HostPort | null = given ?? parentPort;
  if (port === null) throw new Error('processHost runs in a worker thread or is given a port');
  const post = (m: HostMessage, transfer?: ArrayBuffer[]): void => port.postMessage(m, transfer);

  const start = (r: Extract<HostRequest, { type: 'start' }>): void => {
    const child = spawn(r.file, r.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let killedFor: 'timeout' | 'abort' | undefined;
    let spawnError: string | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let chunks = 0;
    let done = false;
    const kill = (why: 'timeout' | 'abort'): void => {
      if (killedFor !== undefined || done) return;
      killedFor = why;
      child.kill('SIGTERM');
      graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    kills.set(r.id, kill);
    const timer = r.timeoutMs === undefined ? undefined : setTimeout(() => kill('timeout'), r.timeoutMs);
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (b: Buffer) => {
        chunks++;
        if (given !== undefined) return post({ type: 'chunk', id: r.id, stream, data: b });
        // a copy a thread can hand over (a Buffer may share its memory with other Buffers)
        const data = new Uint8Array(b.byteLength);
        data.set(b);
        post({ type: 'chunk', id: r.id, stream, data }, [data.buffer]);
      });
    }
    child.stdin.on('error', () => {}); // the program may exit before reading all of its input
    child.on('error', (e) => (spawnError = e.message));
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      kills.delete(r.id);
      post({ type: 'end', id: r.id, code, signal, ...(killedFor ? { killedFor } : {}), ...(spawnError !== undefined ? { spawnError } : {}) });
    };
    // An ssh ControlMaster client hands its stdio to the master, so the pipes may stay open after
    // the client ended (until the remote side ends): stop waiting after PIPE_DRAIN_MS, counted in
    // event-loop turns too, so output already in a pipe is read before the pipes are closed.
    child.on('exit', (code, signal) => {
      const stop = (): void => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      };
      if (killedFor !== undefined) return stop();
      setTimeout(() => {
        let seen = -1;
        const drain = (): void => {
          if (done) return;
          if (seen === chunks) return stop();
          seen = chunks;
          setImmediate(drain);
        };
        drain();
      }, PIPE_DRAIN_MS).unref();
    });
    child.on('close', (code, signal) => finish(code, signal));
    child.stdin.end(r.input);
  };

  port.on('message', (m: HostRequest) => {
    if (m.type === 'start') start(m);
    else kills.get(m.id)?.('abort');
  });
}
