// A private fleet for bastion tests (issue 14). Topology, all on 127.0.0.0/8:
//
//   runner (root netns) ──tcp──▶ relay 127.0.X.1:22 (root netns, node)
//        │  one process per accepted connection: `ip netns exec <ns> node` connecting inside
//        ▼
//   netns maand-bastion-test-*: bastion sshd 127.0.X.1:22 (stock MaxStartups/MaxSessions),
//                               optional second bastion, workers' sshd 127.0.W.1..N:22
//
// The relay only ever connects to the first bastion's port, so the bastion is the only thing the
// runner can reach in the namespace: a direct ssh to a worker finds nothing listening there (the
// root namespace has no listener on the workers' addresses). No veth/route_localnet needed: each
// namespace has its own loopback, and an address like 127.0.X.1 exists separately in both.
// `delayMs` delays every chunk both ways (a WAN round trip; netem is not available here).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { run, runOk } from './run.ts';
import { startWorkers, type WorkerSet } from './workers.ts';

const NODE = process.execPath;
const INNER = "const s=require('net').connect(Number(process.argv[2]),process.argv[1]);process.stdin.pipe(s).pipe(process.stdout);s.on('error',()=>process.exit(1));s.on('close',()=>process.exit(0));";

export interface NsRelay {
  readonly connections: () => number;
  close(): Promise<void>;
}

/** Listens on host:port in the root namespace and relays each connection to host:port inside `netns`. */
export async function startNsRelay(netns: string, host: string, port: number, delayMs = 0): Promise<NsRelay> {
  let count = 0;
  const children = new Set<ChildProcess>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((sock) => {
    count++;
    sockets.add(sock);
    const child = spawn('ip', ['netns', 'exec', netns, NODE, '-e', INNER, host, String(port)], { stdio: ['pipe', 'pipe', 'ignore'] });
    children.add(child);
    const pass = (chunk: Buffer, to: NodeJS.WritableStream): void => {
      if (delayMs > 0) setTimeout(() => to.write(chunk), delayMs);
      else to.write(chunk);
    };
    sock.on('data', (b: Buffer) => pass(b, child.stdin));
    child.stdout.on('data', (b: Buffer) => pass(b, sock));
    const end = (): void => {
      setTimeout(() => {
        sock.destroy();
        child.kill();
      }, delayMs);
    };
    sock.on('close', end);
    sock.on('error', end);
    child.on('exit', () => {
      children.delete(child);
      end();
    });
    child.stdin.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    connections: () => count,
    async close() {
      for (const s of sockets) s.destroy();
      for (const c of children) c.kill('SIGKILL');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface PrivateFleet {
  netns: string;
  workers: WorkerSet;
  /** First bastion: reachable from the runner (through the relay) at bastion.ips[0]. */
  bastion: WorkerSet;
  /** Second bastion, reachable only from inside the namespace (two-hop chains). */
  inner?: WorkerSet;
  relay: NsRelay;
  /** known_hosts with the workers' and the bastions' keys. */
  knownHosts: string;
  clientKey: string;
  stop(): Promise<void>;
}

export interface PrivateFleetOptions {
  /** Loopback blocks: workers, bastion, optional second bastion (e.g. '127.0.101'). */
  workerNet: string;
  bastionNet: string;
  innerNet?: string;
  count: number;
  /** Unique suffix of the namespace name. */
  name: string;
  delayMs?: number;
}

export async function startPrivateFleet(o: PrivateFleetOptions): Promise<PrivateFleet> {
  const netns = `maand-bastion-test-${o.name}`;
  await run('ip', ['netns', 'delete', netns]); // a leftover of a killed run
  await runOk('ip', ['netns', 'add', netns]);
  const sets: WorkerSet[] = [];
  let relay: NsRelay | undefined;
  try {
    await runOk('ip', ['netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
    const workers = await startWorkers({ count: o.count, net: o.workerNet, netns });
    sets.push(workers);
    const bastion = await startWorkers({ count: 1, net: o.bastionNet, netns, stockLimits: true });
    sets.push(bastion);
    const inner = o.innerNet === undefined ? undefined : await startWorkers({ count: 1, net: o.innerNet, netns, stockLimits: true });
    if (inner) sets.push(inner);
    // every set authorizes the workers' client key, so one key reaches all
    for (const s of [bastion, ...(inner ? [inner] : [])]) await writeFile(join(s.dir, 'authorized_keys'), await readFile(`${workers.clientKey}.pub`));
    relay = await startNsRelay(netns, bastion.ips[0]!, 22, o.delayMs ?? 0);
    const knownHosts = join(workers.dir, 'all_known_hosts');
    await writeFile(knownHosts, (await Promise.all(sets.map((s) => readFile(s.knownHosts, 'utf8')))).join(''));
    const r = relay;
    return {
      netns, workers, bastion, ...(inner ? { inner } : {}), relay: r, knownHosts, clientKey: workers.clientKey,
      async stop() {
        await r.close();
        for (const s of sets.reverse()) await s.stop().catch(() => {});
        await run('ip', ['netns', 'delete', netns]);
      },
    };
  } catch (e) {
    await relay?.close();
    for (const s of sets.reverse()) await s.stop().catch(() => {});
    await run('ip', ['netns', 'delete', netns]);
    throw e;
  }
}
