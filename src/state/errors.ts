// StateError: a state restore/save that cannot go on. The message says what failed, where (bundle file,
// backend, branch) and what to do next; `kind` lets the Action layer classify it without reading text.
import { MaandError } from '../errors.ts';

export type StateErrorKind =
  | 'format' // not a bundle, truncated, unknown format version, bad entry
  | 'auth' // wrong state-key or tampered/corrupted bundle
  | 'key' // a state-key is required, or a plaintext bundle is refused
  | 'generation' // the bundle is older than the local catalog, or belongs to another bucket
  | 'lost-update' // the backend holds a newer generation than the one this run restored
  | 'backend' // the cache/artifact/git service failed or answered something unexpected
  | 'config'; // bad backend options (name, kind, missing repository or token)

export class StateError extends MaandError {
  override name = 'StateError';
  readonly kind: StateErrorKind;
  constructor(kind: StateErrorKind, message: string, options?: { cause?: unknown }) {
    super('state', message, undefined, { bare: true, ...(options?.cause !== undefined ? { cause: options.cause } : {}) });
    this.kind = kind;
  }
}

export function isStateError(e: unknown, kind?: StateErrorKind): e is StateError {
  return e instanceof StateError && (kind === undefined || e.kind === kind);
}
