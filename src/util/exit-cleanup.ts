// What must not outlive a run that dies from an error nobody caught: the bucket lock, the staging area,
// the ssh control directory. Each owner registers a synchronous cleanup when it takes the resource and
// drops it when it releases the resource normally; the entries' last-resort handlers run what is left.

const pending = new Map<number, () => void>();
let nextId = 0;

/** Registers `fn` for an abnormal exit; the returned function unregisters it (call it on normal release). */
export function onAbnormalExit(fn: () => void): () => void {
  const id = nextId++;
  pending.set(id, fn);
  return () => void pending.delete(id);
}

/** Runs every registered cleanup once, newest first; a cleanup that throws does not stop the others. */
export function runAbnormalExitCleanups(): void {
  const fns = [...pending.values()].reverse();
  pending.clear();
  for (const fn of fns) {
    try {
      fn();
    } catch {
      // best effort: the process is about to exit with the original error
    }
  }
}
