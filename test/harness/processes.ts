// Finds and kills every process of one test worker. Each worker's sshd runs in its own mount
// namespace, and everything it spawns (sessions, `make start` daemons that double-fork and
// setsid) stays in that namespace, so the namespace id is a handle no child can shed.

import { readdirSync, readlinkSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** `mnt:[4026532177]` for a live process, undefined when it is gone (or a zombie). */
export async function mountNamespaceOf(pid: number | 'self'): Promise<string | undefined> {
  try {
    return await readlink(`/proc/${pid}/ns/mnt`);
  } catch {
    return undefined;
  }
}

async function exeOf(pid: number): Promise<string | undefined> {
  try {
    return await readlink(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/** Live processes in `ns`, ascending. */
export async function pidsInNamespace(ns: string): Promise<number[]> {
  const names = await readdir('/proc');
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number);
  const found: number[] = [];
  await Promise.all(
    pids.map(async (pid) => {
      if ((await mountNamespaceOf(pid)) === ns) found.push(pid);
    }),
  );
  return found.sort((a, b) => a - b);
}

export interface KillFilter {
  /** Only processes running this executable (e.g. /usr/sbin/sshd). */
  exe?: string;
  /** Never these pids. */
  except?: number[];
}

async function selected(ns: string, filter: KillFilter): Promise<number[]> {
  const out: number[] = [];
  for (const pid of await pidsInNamespace(ns)) {
    if (filter.except?.includes(pid)) continue;
    if (filter.exe !== undefined && (await exeOf(pid)) !== filter.exe) continue;
    out.push(pid);
  }
  return out;
}

/**
 * SIGKILLs the selected processes of `ns` until none is left (a dying parent may still fork).
 * Refuses the caller's own namespace: that would be every process on the machine.
 */
export async function killNamespace(ns: string, filter: KillFilter = {}, timeoutMs = 5000): Promise<void> {
  if (ns === (await mountNamespaceOf('self'))) {
    throw new Error(`refusing to kill the test runner's own mount namespace ${ns}`);
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = await selected(ns, filter);
    if (pids.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`processes still alive in worker namespace ${ns}: ${pids.join(', ')}`);
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await sleep(20);
  }
}

/** One synchronous SIGKILL pass over `ns`, for a process 'exit' handler (no awaiting there). */
export function killNamespaceSync(ns: string): void {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/ns/mnt`) === ns) process.kill(Number(name), 'SIGKILL');
    } catch {
      // gone, or not ours to read
    }
  }
}
