// The state bundle (issue 7): the bucket's catalog and secrets, packed into one encrypted file, saved to
// and restored from a cache, an artifact or a git branch between workflow runs.
export { StateError, isStateError, type StateErrorKind } from './errors.ts';
export { packState, type PackOptions, type PackedState } from './pack.ts';
export { unpackState } from './unpack.ts';
export { readBundleHeader } from './bundle-format.ts';
export { localGeneration, setLocalGeneration } from './generation.ts';
export { createBackend } from './backends/index.ts';
export { cacheKey, cacheKeyPrefix } from './backends/cache.ts';
export { artifactName } from './backends/artifact.ts';
export { DEFAULT_BRANCH } from './backends/branch.ts';
export { restoreState, saveState, type RestoreStateOptions, type RestoreResult, type SaveStateOptions, type SaveResult } from './run.ts';
export {
  BACKEND_KINDS,
  type BackendKind,
  type BackendOptions,
  type BundleMeta,
  type RestoredBundle,
  type SavedBundle,
  type StateBackend,
} from './types.ts';
