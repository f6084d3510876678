// The `cache` backend, through @actions/cache. Cache entries are immutable, so each run saves under its
// own key `maand-state-<name>-<run_id>-<attempt>` and a restore takes the newest entry with the prefix
// `maand-state-<name>-`. The library reads its service address and token from the runner environment
// and archives paths relative to the working directory: the bundle passes through
// `.maand-state/<name>.bundle` there (a fixed relative path, so every run computes the same cache version).
import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorText } from '../../errors.ts';
import { StateError } from '../errors.ts';
import type { BackendOptions, BundleMeta, StateBackend } from '../types.ts';
import { copyPrivate, moveFile } from './files.ts';

const STAGING_DIR = '.maand-state';

export function cacheKeyPrefix(name: string): string {
  return `maand-state-${name}-`;
}

export function cacheKey(opts: Pick<BackendOptions, 'name' | 'runId' | 'runAttempt'>): string {
  return `${cacheKeyPrefix(opts.name)}${opts.runId}-${opts.runAttempt}`;
}

export function cacheBackend(opts: BackendOptions): StateBackend {
  const prefix = cacheKeyPrefix(opts.name);
  const key = cacheKey(opts);
  const rel = `${STAGING_DIR}/${opts.name}.bundle`;
  const staged = () => join(process.cwd(), rel);
  const cleanup = () => {
    rmSync(staged(), { force: true });
    try {
      rmdirSync(join(process.cwd(), STAGING_DIR)); // only when empty: another name may be mid-save
    } catch {
      /* not empty or already gone */
    }
  };
  const lib = () => import('@actions/cache');

  return {
    name: 'cache',
    async restore(dest) {
      const cache = await lib();
      cleanup();
      let hit: string | undefined;
      let failure: string | undefined;
      try {
        // restoreCache reports a failed lookup or download only as a `Failed to restore` warning and
        // then answers "no cache"; for the state that would start a new bucket, so watch for it.
        ({ value: hit, failure } = await watchRestoreFailure(() => cache.restoreCache([rel], key, [prefix])));
      } catch (e) {
        throw new StateError('backend', `state cache ${prefix}*: restore failed: ${errorText(e)}; check the cache service, then re-run this workflow`, { cause: e });
      }
      if (failure !== undefined)
        throw new StateError('backend', `state cache ${prefix}*: restore failed: ${failure}; check the cache service, then re-run this workflow (nothing was changed)`);
      if (hit === undefined) return undefined;
      try {
        if (!existsSync(staged()))
          throw new StateError('backend', `state cache ${hit}: restored, but ${staged()} is missing; run the action from the workspace directory (GITHUB_WORKSPACE)`);
        const bytes = moveFile(staged(), dest);
        return { file: dest, bytes, source: `cache ${hit}` };
      } finally {
        cleanup();
      }
    },
    async save(file: string, meta: BundleMeta) {
      const cache = await lib();
      mkdirSync(join(process.cwd(), STAGING_DIR), { recursive: true, mode: 0o700 });
      const bytes = copyPrivate(file, staged());
      let id: number;
      try {
        id = await cache.saveCache([rel], key);
      } catch (e) {
        throw new StateError('backend', `state cache ${key}: save failed: ${errorText(e)}; the state of generation ${meta.generation} was not saved`, { cause: e });
      } finally {
        cleanup();
      }
      // saveCache reports most failures as a warning and -1; for the state that is an error.
      if (id === -1)
        throw new StateError('backend', `state cache ${key}: save failed (see the cache warning above); the state of generation ${meta.generation} was not saved, re-run this workflow`);
      return { bytes, location: `cache ${key}` };
    },
  };
}

/** Runs `fn` while recording a `Failed to restore: …` workflow command written to stdout. */
async function watchRestoreFailure<T>(fn: () => Promise<T>): Promise<{ value: T; failure: string | undefined }> {
  let failure: string | undefined;
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const m = /::(?:warning|error)[^:]*::Failed to restore: (.*)/.exec(text);
    if (m) failure ??= m[1]!.trim();
    return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    return { value: await fn(), failure };
  } finally {
    process.stdout.write = original;
  }
}
