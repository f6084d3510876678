// What goes into a bundle: a consistent copy of the catalog (VACUUM INTO, which reads through SQLite and
// so includes committed WAL content) stamped with the new generation, and every file under secrets/.
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { bucketPaths } from '../bucket/paths.ts';
import { StateError } from './errors.ts';
import { readBucketId, writeGeneration } from './generation.ts';
import { DB_ENTRY, SECRETS_ENTRY, type BundleEntry } from './payload.ts';

/** The catalog copy and the secrets of `bucketRoot`; `scratch` is a private directory for the copy. */
export function snapshotBucket(bucketRoot: string, opts: { generation: number; bucketId: string; scratch: string }): BundleEntry[] {
  const paths = bucketPaths(bucketRoot);
  let dbMode: number;
  try {
    dbMode = statSync(paths.db).mode;
  } catch {
    throw new StateError('config', `no catalog at ${paths.db}: nothing to save; run maand init (or restore the state) first`);
  }
  const copy = join(opts.scratch, 'maand.db');
  const live = new DatabaseSync(paths.db, { timeout: 5000 });
  try {
    const id = readBucketId(live);
    if (id !== undefined && id !== opts.bucketId)
      throw new StateError('generation', `catalog ${paths.db} belongs to bucket ${id}, not ${opts.bucketId}; pass the catalog's bucket id`);
    live.prepare('VACUUM INTO ?').run(copy);
  } finally {
    live.close();
  }
  const stamped = new DatabaseSync(copy);
  try {
    writeGeneration(stamped, opts.generation);
  } finally {
    stamped.close();
  }
  const entries: BundleEntry[] = [{ path: DB_ENTRY, kind: 'file', mode: dbMode & 0o777, data: readFileSync(copy) }];
  collectSecrets(paths.secretsDir, SECRETS_ENTRY, entries);
  return entries;
}

function collectSecrets(dir: string, rel: string, out: BundleEntry[]): void {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return; // a bucket without secrets/ still saves its catalog
  }
  if (!st.isDirectory()) throw notRegular(dir);
  out.push({ path: rel, kind: 'dir', mode: st.mode & 0o777 });
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const s = lstatSync(full);
    if (s.isDirectory()) collectSecrets(full, `${rel}/${name}`, out);
    else if (s.isFile()) out.push({ path: `${rel}/${name}`, kind: 'file', mode: s.mode & 0o777, data: readFileSync(full) });
    else throw notRegular(full);
  }
}

function notRegular(path: string): StateError {
  return new StateError('config', `${path} is not a regular file or directory (symlink, socket, …); the state bundle keeps only files and folders under secrets/, replace it with a copy`);
}
