// unpackState: verify the whole bundle, refuse a rollback or another bucket's state, then stage the
// files next to the bucket (same filesystem) and move them into place with renames.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PRIVATE_DIR, PRIVATE_FILE } from '../bucket/modes.ts';
import { isBucketId } from '../bucket/identifiers.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { corrupted } from './bundle-format.ts';
import { StateError } from './errors.ts';
import { localBucketId, localGeneration, readBucketId, readGeneration } from './generation.ts';
import { openBundle } from './open-bundle.ts';
import { DB_ENTRY, SECRETS_ENTRY, type BundleEntry } from './payload.ts';
import type { BundleMeta } from './types.ts';

export async function unpackState(file: string, bucketRoot: string, opts: { key: string | undefined }): Promise<BundleMeta> {
  const { meta, entries } = await openBundle(file, opts.key);
  checkAgainstLocal(file, bucketRoot, meta);
  install(file, bucketRoot, entries, meta);
  return meta;
}

function checkAgainstLocal(file: string, bucketRoot: string, meta: BundleMeta): void {
  const db = bucketPaths(bucketRoot).db;
  const local = localGeneration(bucketRoot);
  if (meta.generation < local)
    throw new StateError(
      'generation',
      `state bundle ${file} holds generation ${meta.generation}, older than generation ${local} that the catalog ${db} already saw; ` +
        `refusing to roll the catalog back: restore the newer state, or delete ${db} to accept generation ${meta.generation}`,
    );
  const localId = localBucketId(bucketRoot);
  if (localId !== undefined && localId !== meta.bucketId)
    throw new StateError(
      'generation',
      `state bundle ${file} belongs to bucket ${meta.bucketId}, but the catalog ${db} is bucket ${localId}; ` +
        `refusing to replace another bucket's catalog: check the state name, or delete ${db} to take the saved bucket`,
    );
}

function install(file: string, bucketRoot: string, entries: BundleEntry[], meta: BundleMeta): void {
  const paths = bucketPaths(bucketRoot);
  mkdirSync(bucketRoot, { recursive: true });
  const stage = mkdtempSync(join(bucketRoot, '.maand-restore-'));
  try {
    chmodSync(stage, 0o700);
    for (const e of entries) stageEntry(stage, e);
    verifyStagedDb(file, join(stage, DB_ENTRY), meta);
    const stagedSecrets = join(stage, SECRETS_ENTRY);
    mkdirSync(paths.dataDir, { recursive: true, mode: PRIVATE_DIR });
    // A WAL left by the catalog being replaced would be replayed onto the new one.
    rmSync(`${paths.db}-wal`, { force: true });
    rmSync(`${paths.db}-shm`, { force: true });
    chmodSync(join(stage, DB_ENTRY), PRIVATE_FILE); // owner-only whatever mode it was saved with
    renameSync(join(stage, DB_ENTRY), paths.db);
    if (existsSync(stagedSecrets)) {
      if (existsSync(paths.secretsDir)) renameSync(paths.secretsDir, join(stage, 'secrets.replaced'));
      renameSync(stagedSecrets, paths.secretsDir);
    }
  } catch (e) {
    if (e instanceof StateError) throw e;
    throw new StateError('config', `restoring state bundle ${file} into ${bucketRoot}: ${(e as Error).message}`, { cause: e });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function stageEntry(stage: string, e: BundleEntry): void {
  const target = join(stage, e.path);
  if (e.kind === 'dir') {
    mkdirSync(target, { recursive: true, mode: 0o700 });
    chmodSync(target, 0o700); // secret folders are owner-only whatever the bundle says
    return;
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  writeFileSync(target, e.data!, { mode: 0o600, flag: 'wx' });
  chmodSync(target, e.mode);
}

/** The catalog inside must open and carry the header's generation and bucket id. */
function verifyStagedDb(file: string, staged: string, meta: BundleMeta): void {
  let generation: number;
  let bucketId: string | undefined;
  try {
    const db = new DatabaseSync(staged, { readOnly: true });
    try {
      generation = readGeneration(db);
      bucketId = readBucketId(db);
    } finally {
      db.close();
    }
  } catch (e) {
    throw corrupted(file, `catalog does not open: ${(e as Error).message}`);
  }
  if (bucketId !== undefined && !isBucketId(bucketId)) throw corrupted(file, `catalog bucket id ${JSON.stringify(bucketId ?? '')} is not a UUID`);
  if (generation !== meta.generation || bucketId !== meta.bucketId)
    throw corrupted(file, `catalog holds generation ${generation} of bucket ${bucketId ?? '(none)'}, header says ${meta.generation} of ${meta.bucketId}`);
}
