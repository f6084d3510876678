// CPU accounting for a shared machine (as the anchor's run-all.sh did): the bench process joins its
// own cgroup-v1 cpuacct group before it starts the workers, so the deploy tools, the workers' sshd and
// every session they fork are counted there. Per run: CPU seconds of the bench (controller + workers)
// and "foreign" CPU seconds other processes used meanwhile, which says how much a wall time is to be
// trusted. Without a writable cpuacct hierarchy both read as undefined.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = '/sys/fs/cgroup/cpuacct';
const TICKS_PER_S = 100; // USER_HZ on Linux

export interface CpuSample {
  benchS: number;
  busyS: number;
}

export interface CpuAccount {
  sample(): CpuSample | undefined;
  /** Moves the bench back to the root group and removes its group. */
  leave(): void;
}

function busySeconds(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait
  return (f[0]! + f[1]! + f[2]! + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0)) / TICKS_PER_S;
}

export function joinCpuAccount(): CpuAccount {
  const dir = join(ROOT, `maand-bench-${process.pid}`);
  try {
    if (!existsSync(join(ROOT, 'cgroup.procs'))) throw new Error('no cpuacct hierarchy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cgroup.procs'), `${process.pid}\n`);
  } catch {
    return { sample: () => undefined, leave: () => {} };
  }
  return {
    sample: () => ({ benchS: Number(readFileSync(join(dir, 'cpuacct.usage'), 'utf8')) / 1e9, busyS: busySeconds() }),
    leave: () => {
      try {
        writeFileSync(join(ROOT, 'cgroup.procs'), `${process.pid}\n`);
        rmdirSync(dir);
      } catch (e) {
        console.error(`note: cgroup ${dir} not removed (${(e as Error).message})`);
      }
    },
  };
}

/** CPU seconds of the bench and of everything else between two samples. */
export function cpuBetween(a: CpuSample | undefined, b: CpuSample | undefined): { cpuS?: number; foreignS?: number } {
  if (a === undefined || b === undefined) return {};
  const cpuS = b.benchS - a.benchS;
  return { cpuS, foreignS: Math.max(0, b.busyS - a.busyS - cpuS) };
}
