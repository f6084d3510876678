// Starts local programs from a small pool of worker threads (process-host.ts), so fork + exec never
// blocks the run's event loop. The threads exist only while programs run: idle, they do not keep the
// process alive, and a thread that dies fails only the programs it was running.
import { Worker } from 'node:worker_threads';
import { processHost, type HostMessage, type HostRequest } from './process-host.ts';

/** Threads that spawn; more would only add memory: the wait for exec is the child's, not theirs. */
const THREADS = 2;

export interface ProcessEnd {
  code: number | null;
  signal: string | null;
  killedFor?: 'timeout' | 'abort';
  spawnError?: string;
}

export interface HostedProcess {
  onChunk: (stream: 'stdout' | 'stderr', data: Buffer) => void;
  onEnd: (end: ProcessEnd) => void;
}

interface Thread {
  worker: Worker;
  running: Map<number, HostedProcess>;
}

const SOURCE = `(${processHost.toString()})()`;
const pool: Thread[] = [];
let nextId = 1;

function newThread(): Thread {
  const worker = new Worker(SOURCE, { eval: true, name: 'maand-process-host', resourceLimits: { maxOldGenerationSizeMb: 64 } });
  const t: Thread = { worker, running: new Map() };
  worker.on('message', (m: HostMessage) => {
    const p = t.running.get(m.id);
    if (p === undefined) return;
    if (m.type === 'chunk') p.onChunk(m.stream, Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    else {
      t.running.delete(m.id);
      if (t.running.size === 0) worker.unref();
      p.onEnd(m);
    }
  });
  const lost = (why: string): void => {
    const at = pool.indexOf(t);
    if (at >= 0) pool.splice(at, 1);
    const running = [...t.running.values()];
    t.running.clear();
    for (const p of running) p.onEnd({ code: null, signal: null, spawnError: `the thread running it stopped: ${why}` });
  };
  worker.on('error', (e) => lost(e.message));
  worker.on('exit', (code) => {
    if (pool.includes(t)) lost(`exit ${code}`);
  });
  worker.unref();
  return t;
}

/** The least busy thread, a new one while the pool is not full. */
function thread(): Thread {
  const idle = pool.find((t) => t.running.size === 0);
  if (idle !== undefined) return idle;
  if (pool.length < THREADS) {
    const t = newThread();
    pool.push(t);
    return t;
  }
  return pool.reduce((a, b) => (b.running.size < a.running.size ? b : a));
}

/** Starts `file args` with `input` on stdin; returns the abort of that program. */
export function hostProcess(req: { file: string; args: readonly string[]; input: string; timeoutMs?: number }, p: HostedProcess): () => void {
  const t = thread();
  const id = nextId++;
  t.running.set(id, p);
  t.worker.ref(); // a running program keeps the process alive, as a child process does
  const start: HostRequest = { type: 'start', id, file: req.file, args: [...req.args], input: req.input, ...(req.timeoutMs === undefined ? {} : { timeoutMs: req.timeoutMs }) };
  t.worker.postMessage(start);
  return () => {
    if (t.running.has(id)) t.worker.postMessage({ type: 'abort', id } satisfies HostRequest);
  };
}
