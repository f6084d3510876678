// KV errors carry the reference's exact texts (no `<code>: ` prefix) so callers can wrap them
// with their own context ("job api: key not found or deleted") and tests can match on `kind`.
import { MaandError } from '../errors.ts';

export type KvErrorKind = 'not-found' | 'namespace-not-found' | 'not-initialized' | 'crypto' | 'permission';

export class KvError extends MaandError {
  override name = 'KvError';
  readonly kind: KvErrorKind;
  constructor(kind: KvErrorKind, message: string) {
    super('kv', message, undefined, { bare: true });
    this.kind = kind;
  }
}

export const KEY_NOT_FOUND = 'key not found or deleted';
export const NOT_INITIALIZED = 'kv store not initialized';
export const KEY_INVALID = 'kv encryption key is missing or invalid';
export const NOT_ENCRYPTED = 'value is not encrypted';
export const DECRYPT_FAILED = 'failed to decrypt kv value';

export function keyNotFound(): KvError {
  return new KvError('not-found', KEY_NOT_FOUND);
}

export function namespaceNotFound(ns: string): KvError {
  return new KvError('namespace-not-found', `namespace not found: ${ns}`);
}

export function notInitialized(): KvError {
  return new KvError('not-initialized', NOT_INITIALIZED);
}

export function cryptoError(message: typeof KEY_INVALID | typeof NOT_ENCRYPTED | typeof DECRYPT_FAILED): KvError {
  return new KvError('crypto', message);
}

/** The template/runtime read-permission failure: `<ns> namespace is not available for job <job>`. */
export function namespaceNotAvailable(ns: string, job: string): KvError {
  return new KvError('permission', `${ns} namespace is not available for job ${job}`);
}

export function isKvError(e: unknown, kind?: KvErrorKind): e is KvError {
  return e instanceof KvError && (kind === undefined || e.kind === kind);
}
