// Starts local programs (process-host.ts) so that fork + exec does not stall the run's event loop
// when many run at once: node's spawn waits for the child to exec, 20–35 ms on a busy runner, and a
// deploy to a hundred workers starts several hundred programs. While few programs run (a small fleet,
// a rollout's sequential batches) they start on this thread, as a worker thread costs more to boot
// than it saves; beyond LOCAL_MAX, they start from a small pool of worker threads. The threads do not
// keep the process alive when idle, and a thread that dies fails only the programs it was running.
import { Worker } from 'node:worker_threads';
import { processHost, type HostMessage, type HostPort, type HostRequest } from './process-host.ts';

/** Programs running at once that still start on this thread. */
const LOCAL_MAX = 8;
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

interface Host {
  send(m: HostRequest): void;
  running: Map<number, HostedProcess>;
  /** A running program keeps the process alive, as a child process does; an idle thread does not. */
  ref(): void;
  unref(): void;
}

const SOURCE = `(${processHost.toString()})()`;
const pool: Host[] = [];
let local: Host | undefined;
let nextId = 1;

function deliver(h: Host, m: HostMessage): void {
  const p = h.running.get(m.id);
  if (p === undefined) return;
  if (m.type === 'chunk') p.onChunk(m.stream, Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
  else {
    h.running.delete(m.id);
    if (h.running.size === 0) h.unref();
    p.onEnd(m);
  }
}

function localHost(): Host {
  let handler: ((m: HostRequest) => void) | undefined;
  const port: HostPort = {
    postMessage: (m) => deliver(h, m),
    on: (_event, fn) => (handler = fn),
  };
  const h: Host = { send: (m) => handler?.(m), running: new Map(), ref: () => {}, unref: () => {} };
  processHost(port);
  return h;
}

function newThread(): Host {
  const worker = new Worker(SOURCE, { eval: true, name: 'maand-process-host', resourceLimits: { maxOldGenerationSizeMb: 64 } });
  const h: Host = { send: (m) => worker.postMessage(m), running: new Map(), ref: () => worker.ref(), unref: () => worker.unref() };
  worker.on('message', (m: HostMessage) => deliver(h, m));
  const lost = (why: string): void => {
    const at = pool.indexOf(h);
    if (at >= 0) pool.splice(at, 1);
    const running = [...h.running.values()];
    h.running.clear();
    for (const p of running) p.onEnd({ code: null, signal: null, spawnError: `the thread running it stopped: ${why}` });
  };
  worker.on('error', (e) => lost(e.message));
  worker.on('exit', (code) => {
    if (pool.includes(h)) lost(`exit ${code}`);
  });
  worker.unref();
  return h;
}

/** This thread while few programs run, else the least busy thread (a new one while the pool is not full). */
function host(): Host {
  local ??= localHost();
  const running = local.running.size + pool.reduce((n, t) => n + t.running.size, 0);
  if (running < LOCAL_MAX) return local;
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
  const h = host();
  const id = nextId++;
  h.running.set(id, p);
  h.ref();
  h.send({ type: 'start', id, file: req.file, args: [...req.args], input: req.input, ...(req.timeoutMs === undefined ? {} : { timeoutMs: req.timeoutMs }) });
  return () => {
    if (h.running.has(id)) h.send({ type: 'abort', id });
  };
}
