// Named counting semaphores of one run (spec kv §3.10): scope `<job>/<event>/<name>`, created by
// the first acquire with its capacity, re-entrant per allocation, FIFO waiters, bounded waits.
// Unlike the reference, a hook's holds are dropped when its process exits (`releaseAll`), so a
// script that dies without releasing cannot block the rest of the run.
import { HttpFailure } from './http-io.ts';

export const MAX_CAPACITY = 64;
export const DEFAULT_TIMEOUT_SECONDS = 600;
export const MAX_TIMEOUT_SECONDS = 3600;

const CONFLICT = 'Semaphore acquire or release failed';
const TIMED_OUT = 'Timed out waiting for semaphore';

export interface SemaphoreScope {
  job: string;
  event: string;
  name: string;
}

export interface SemaphoreStatus {
  name: string;
  capacity: number;
  holders: string[] | null;
  waiting: number;
  available: number;
}

interface Waiter {
  allocId: string;
  grant(): void;
}

interface Semaphore {
  scope: SemaphoreScope;
  capacity: number;
  holders: Set<string>;
  queue: Waiter[];
}

/** capacity < 1 (or absent) → 1; > 64 → 409. */
export function normalizeCapacity(capacity: number | undefined): number {
  const c = capacity === undefined || capacity < 1 ? 1 : capacity;
  if (c > MAX_CAPACITY) throw new HttpFailure(409, CONFLICT);
  return c;
}

/** timeout ≤ 0 (or absent) → 600 s; > 3600 → 3600 s. */
export function normalizeTimeoutSeconds(seconds: number | undefined): number {
  if (seconds === undefined || seconds <= 0) return DEFAULT_TIMEOUT_SECONDS;
  return Math.min(seconds, MAX_TIMEOUT_SECONDS);
}

export class SemaphoreTable {
  readonly #all = new Map<string, Semaphore>();

  /** Resolves once `allocId` holds a slot; rejects 408 after `timeoutMs` or when `signal` aborts, 409 on a capacity mismatch. */
  acquire(scope: SemaphoreScope, allocId: string, capacity: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const key = scopeKey(scope);
    let s = this.#all.get(key);
    if (s === undefined) this.#all.set(key, (s = { scope, capacity, holders: new Set(), queue: [] }));
    if (s.capacity !== capacity) return Promise.reject(new HttpFailure(409, CONFLICT));
    if (s.holders.has(allocId)) return Promise.resolve();
    if (s.holders.size < s.capacity && s.queue.length === 0) {
      s.holders.add(allocId);
      return Promise.resolve();
    }
    const sem = s;
    return new Promise((resolve, reject) => {
      const giveUp = (): void => {
        const i = sem.queue.indexOf(waiter);
        if (i >= 0) sem.queue.splice(i, 1);
        cleanup();
        reject(new HttpFailure(408, TIMED_OUT));
      };
      const timer = setTimeout(giveUp, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
      };
      const waiter: Waiter = {
        allocId,
        grant: () => {
          cleanup();
          resolve();
        },
      };
      sem.queue.push(waiter);
      if (signal?.aborted) giveUp();
      else signal?.addEventListener('abort', giveUp, { once: true });
    });
  }

  /** 409 when the semaphore is unknown or `allocId` does not hold it. */
  release(scope: SemaphoreScope, allocId: string): void {
    const s = this.#all.get(scopeKey(scope));
    if (s === undefined || !s.holders.delete(allocId)) throw new HttpFailure(409, CONFLICT);
    grant(s);
  }

  /** Drops every hold of `allocId` under `event` (any job, any name). */
  releaseAll(allocId: string, event: string): void {
    for (const s of this.#all.values()) if (s.scope.event === event && s.holders.delete(allocId)) grant(s);
  }

  status(scope: SemaphoreScope): SemaphoreStatus {
    const s = this.#all.get(scopeKey(scope));
    if (s === undefined) return { name: scope.name, capacity: 1, holders: null, waiting: 0, available: 1 };
    return { name: scope.name, capacity: s.capacity, holders: [...s.holders].sort(), waiting: s.queue.length, available: s.capacity - s.holders.size };
  }
}

function grant(s: Semaphore): void {
  while (s.queue.length > 0 && s.holders.size < s.capacity) {
    const w = s.queue.shift()!;
    s.holders.add(w.allocId);
    w.grant();
  }
}

function scopeKey(s: SemaphoreScope): string {
  return `${s.job}/${s.event}/${s.name}`;
}
