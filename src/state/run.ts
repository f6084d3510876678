// restoreState / saveState: a backend plus pack/unpack plus the generation checks, as the Action runs
// them (restore before anything touches the catalog; save in the post step, also after a failure).
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bucketPaths } from '../bucket/paths.ts';
import { readBundleHeader } from './bundle-format.ts';
import { StateError } from './errors.ts';
import { localBucketId, localGeneration, setLocalGeneration } from './generation.ts';
import { packState, plaintextRefused, presentKey } from './pack.ts';
import { unpackState } from './unpack.ts';
import type { BackendKind, StateBackend } from './types.ts';

export interface RestoreStateOptions {
  bucketRoot: string;
  key: string | undefined;
  backend: StateBackend;
}

export interface RestoreResult {
  restored: boolean;
  /** The catalog's generation afterwards (the bundle's, or the local one when nothing was restored). */
  generation: number;
  backend: BackendKind;
  bytes: number;
  durationMs: number;
  source?: string;
  bucketId?: string;
}

export interface SaveStateOptions {
  bucketRoot: string;
  key: string | undefined;
  backend: StateBackend;
}

export interface SaveResult {
  saved: boolean;
  /** The generation saved, or the local one when nothing was saved. */
  generation: number;
  backend: BackendKind;
  bytes: number;
  durationMs: number;
  location?: string;
  bucketId?: string;
  /** Why nothing was saved. */
  reason?: string;
}

export async function restoreState(opts: RestoreStateOptions): Promise<RestoreResult> {
  const start = performance.now();
  const { backend } = opts;
  const dir = privateDir();
  try {
    const found = await backend.restore(join(dir, 'restore.bundle'));
    if (found === undefined) {
      const generation = localGeneration(opts.bucketRoot);
      return { restored: false, generation, backend: backend.name, bytes: 0, durationMs: since(start), bucketId: localBucketId(opts.bucketRoot) };
    }
    const meta = await unpackState(found.file, opts.bucketRoot, { key: opts.key });
    return { restored: true, generation: meta.generation, backend: backend.name, bytes: found.bytes, durationMs: since(start), source: found.source, bucketId: meta.bucketId };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Packs the catalog as generation local+1 and saves it, after checking that the backend's newest bundle
 * is not newer than the generation this catalog came from (another run saved in between). On success
 * the catalog records the new generation, so a later save in the same run goes on from there.
 */
export async function saveState(opts: SaveStateOptions): Promise<SaveResult> {
  const start = performance.now();
  const { backend, bucketRoot } = opts;
  const base = localGeneration(bucketRoot);
  const skip = (reason: string): SaveResult => ({ saved: false, generation: base, backend: backend.name, bytes: 0, durationMs: since(start), reason });
  if (backend.name === 'none') return skip('state backend is none');
  if (!existsSync(bucketPaths(bucketRoot).db)) return skip(`no catalog at ${bucketPaths(bucketRoot).db}`);
  if (presentKey(opts.key) === undefined) throw plaintextRefused(`the ${backend.name} state backend`);
  const bucketId = localBucketId(bucketRoot);
  if (bucketId === undefined) return skip(`catalog ${bucketPaths(bucketRoot).db} has no bucket id`);
  if (!backend.checksGeneration) await checkNewest(backend, base, bucketId);
  const packed = await packState(bucketRoot, { key: opts.key, generation: base + 1, bucketId });
  try {
    const saved = await backend.save(packed.file, packed.meta);
    setLocalGeneration(bucketRoot, packed.meta.generation);
    return { saved: true, generation: packed.meta.generation, backend: backend.name, bytes: saved.bytes, durationMs: since(start), location: saved.location, bucketId };
  } finally {
    rmSync(dirname(packed.file), { recursive: true, force: true });
  }
}

/** Refuses a save over a newer generation, or over another bucket's state. */
async function checkNewest(backend: StateBackend, base: number, bucketId: string): Promise<void> {
  const dir = privateDir();
  try {
    const newest = await backend.restore(join(dir, 'newest.bundle'));
    if (newest === undefined) return;
    const meta = await readBundleHeader(newest.file);
    if (meta.generation > base)
      throw new StateError(
        'lost-update',
        `state ${newest.source} moved: another run saved generation ${meta.generation} first (this run started from generation ${base}); re-run this workflow`,
      );
    if (meta.bucketId !== bucketId)
      throw new StateError(
        'generation',
        `state ${newest.source} belongs to bucket ${meta.bucketId}, not to this catalog's bucket ${bucketId}; refusing to replace another bucket's state: check the state name`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function privateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maand-state-'));
  chmodSync(dir, 0o700);
  return dir;
}

function since(start: number): number {
  return Math.round(performance.now() - start);
}
