// Owner-only modes for what holds the catalog and the run logs: data/ and logs/ 0700, the catalog (and
// its WAL and shared-memory files) and the log files 0600. The catalog holds the KV store (its plaintext
// values, the encrypted secrets beside them) and the logs hold hook and make output: no other user of
// the machine reads them. Buckets made before are tightened on the next run, with one note.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bucketPaths } from './paths.ts';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Tightens what is wider than owner-only; the note saying what changed, undefined when nothing did. */
export function tightenBucketModes(root: string): string | undefined {
  const p = bucketPaths(root);
  const changed: string[] = [];
  const note = (path: string, was: number | undefined, mode: number): void => {
    if (was !== undefined) changed.push(`${relative(root, path)} ${octal(was)} → ${octal(was & mode)}`);
  };
  note(p.dataDir, tighten(p.dataDir, PRIVATE_DIR), PRIVATE_DIR);
  for (const f of [p.db, `${p.db}-wal`, `${p.db}-shm`]) note(f, tighten(f, PRIVATE_FILE), PRIVATE_FILE);
  // The files under logs/ are reachable only through it: a logs/ that was private keeps them private.
  const logs = tighten(p.logsDir, PRIVATE_DIR);
  if (logs !== undefined) {
    note(p.logsDir, logs, PRIVATE_DIR);
    const n = tightenTree(p.logsDir);
    if (n > 0) changed.push(`${n} ${n === 1 ? 'entry' : 'entries'} under it → 0600 (files), 0700 (folders)`);
  }
  if (changed.length === 0) return undefined;
  return `tightened permissions that let other users read the catalog or the logs: ${changed.join(', ')}`;
}

/** chmods `path` to at most `mode`; the mode it had when that was wider, else undefined. */
function tighten(path: string, mode: number): number | undefined {
  if (!existsSync(path)) return undefined;
  const was = statSync(path).mode & 0o777;
  if ((was & ~mode) === 0) return undefined;
  chmodSync(path, was & mode);
  return was;
}

/** How many entries under `dir` were tightened. */
function tightenTree(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (tighten(full, PRIVATE_DIR) !== undefined) n++;
      n += tightenTree(full);
    } else if (e.isFile() && tighten(full, PRIVATE_FILE) !== undefined) n++;
  }
  return n;
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
