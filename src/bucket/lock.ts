// One maand at a time per bucket. Two runs in the same bucket (two terminals, or a deploy while a
// build runs) would wipe each other's tmp/, bump update_seq twice and promote from plans the other
// one invalidated. data/maand.lock holds the running process's pid, host and command; a lock whose
// process is gone (same host, pid not alive) is taken over. Re-entrant within one process, so a
// command that runs another (deploy --build, drift correction) does not lock itself out.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { MaandError } from '../errors.ts';
import { processAlive } from '../util/process.ts';
import { onAbnormalExit } from '../util/exit-cleanup.ts';

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  started: string;
}

/** Locks this process holds, by lock file, with how many nested holders and the abnormal-exit release. */
const held = new Map<string, number>();
const exitReleases = new Map<string, () => void>();

export function lockFile(root: string): string {
  return join(root, 'data', 'maand.lock');
}

/** Runs `fn` holding the bucket's lock; throws `bucket is busy` when another live maand holds it. */
export async function withBucketLock<T>(root: string, command: string, fn: () => Promise<T>): Promise<T> {
  const release = acquireBucketLock(root, command);
  try {
    return await fn();
  } finally {
    release();
  }
}

/** Takes the lock (or joins this process's hold of it); returns the release function. */
export function acquireBucketLock(root: string, command: string): () => void {
  const file = lockFile(root);
  const count = held.get(file);
  if (count !== undefined) {
    held.set(file, count + 1);
    return once(() => releaseHold(file));
  }
  const info: LockInfo = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, `${JSON.stringify(info)}\n`);
      } finally {
        closeSync(fd);
      }
      held.set(file, 1);
      exitReleases.set(file, onAbnormalExit(() => rmSync(file, { force: true })));
      return once(() => releaseHold(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // no data/ yet: not a bucket (or not initialized), the command reports that itself
      if (code === 'ENOENT') return () => {};
      if (code !== 'EEXIST') throw new MaandError('bucket is busy', `cannot create ${file}: ${(e as Error).message}`);
      const other = readLock(file);
      if (attempt === 0 && other !== undefined && isStale(other)) {
        rmSync(file, { force: true });
        continue;
      }
      if (attempt === 0 && other === undefined) {
        // being written this very moment by the other process, or emptied by a crash: look once more
        continue;
      }
      throw busy(file, other);
    }
  }
}

function releaseHold(file: string): void {
  const count = held.get(file) ?? 0;
  if (count > 1) {
    held.set(file, count - 1);
    return;
  }
  held.delete(file);
  exitReleases.get(file)?.();
  exitReleases.delete(file);
  if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
}

function readLock(file: string): LockInfo | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return undefined;
    return { pid: v.pid, host: v.host, command: String(v.command ?? 'maand'), started: String(v.started ?? '') };
  } catch {
    return undefined;
  }
}

/** Only a lock of this host can be judged: its process is gone, or its pid now belongs to a newer process. */
function isStale(l: LockInfo): boolean {
  if (l.host !== hostname()) return false;
  if (!processAlive(l.pid)) return true;
  const started = processStartMs(l.pid);
  const locked = Date.parse(l.started);
  // a process that started after the lock was written cannot have written it; the minute of slack
  // covers clock steps since boot (start times derive from the boot time)
  return started !== undefined && !Number.isNaN(locked) && started > locked + 60_000;
}

/** When a process started (Linux /proc; undefined elsewhere). */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces); starttime is field 22, in clock ticks since boot
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return undefined;
    return btime * 1000 + (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux architecture Node supports. */
const CLOCK_TICKS = 100;

function busy(file: string, other: LockInfo | undefined): MaandError {
  const who = other ? `maand ${other.command} (pid ${other.pid} on ${other.host}, started ${other.started})` : 'another maand';
  return new MaandError('bucket is busy', `${who} is running in this bucket; wait for it to finish, or delete ${file} if that process is gone`);
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
