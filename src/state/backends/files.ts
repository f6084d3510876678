// Small file moves shared by the backends.
import { copyFileSync, chmodSync, renameSync, rmSync, statSync } from 'node:fs';

/** Moves `from` to `to` (copy + remove when they are on different filesystems); returns the size. */
export function moveFile(from: string, to: string): number {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to);
    rmSync(from, { force: true });
  }
  chmodSync(to, 0o600);
  return statSync(to).size;
}

/** Copies `from` to `to` as an owner-only file. */
export function copyPrivate(from: string, to: string): number {
  copyFileSync(from, to);
  chmodSync(to, 0o600);
  return statSync(to).size;
}
