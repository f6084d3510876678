// Whether a process of this machine still exists, for files named after the pid that wrote them.

/** False only when the pid is gone (ESRCH); a process of another user (EPERM) is alive. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
