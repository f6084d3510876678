// createBackend: one StateBackend per kind, behind the same interface.
import { StateError } from '../errors.ts';
import { BACKEND_KINDS, type BackendKind, type BackendOptions, type StateBackend } from '../types.ts';
import { artifactBackend } from './artifact.ts';
import { branchBackend } from './branch.ts';
import { cacheBackend } from './cache.ts';
import { noneBackend } from './none.ts';

const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function createBackend(kind: BackendKind | string, opts: BackendOptions): StateBackend {
  if (!BACKEND_KINDS.includes(kind as BackendKind))
    throw new StateError('config', `state backend ${JSON.stringify(kind)} is not one of ${BACKEND_KINDS.join(', ')}`);
  if (!NAME.test(opts.name) || opts.name.startsWith('.'))
    throw new StateError('config', `state name ${JSON.stringify(opts.name)} is not valid: use 1-100 letters, digits, '.', '_' or '-' (not starting with '.')`);
  switch (kind as BackendKind) {
    case 'cache':
      return cacheBackend(opts);
    case 'artifact':
      return artifactBackend(opts);
    case 'branch':
      return branchBackend(opts);
    case 'none':
      return noneBackend();
  }
}
