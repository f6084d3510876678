// The error hierarchy every layer uses. Entry layers (src/cli, src/action) map these to output;
// nothing below them prints. `code` is the reference tool's sentinel text, so messages stay
// compatible ("invalid manifest.json: job a\n...") and tests can match on the class, not a regex.

export type ErrorCode =
  | 'maand is not initialized'
  | 'database schema upgrade required'
  | 'database schema is newer than this maand binary'
  | 'database error'
  | 'unexpected error'
  | 'invalid worker.json'
  | 'invalid manifest.json'
  | 'invalid vars.toml'
  | 'invalid maand.conf'
  | 'invalid bucket.conf'
  | 'invalid port key format'
  | 'invalid manifest port declaration'
  | 'invalid port range in bucket.conf'
  | 'port range exhausted'
  | 'port collision'
  | 'unsupported resource configuration'
  | 'invalid job command configuration'
  | 'invalid job command demand'
  | 'job command file not found'
  | 'invalid job version'
  | 'job command demand version mismatch'
  | 'circular job command dependency'
  | 'invalid job'
  | 'missing allocations'
  | 'insufficient resource'
  | 'bucket CA is incomplete'
  | 'invalid disabled.json'
  | 'invalid argument'
  | 'not supported'
  | 'bucket is busy'
  | 'kv'
  | 'post_build';

/** A problem with the user's input or bucket; the message names the file/field/job and the fix. */
export class MaandError extends Error {
  override name = 'MaandError';
  readonly code: ErrorCode;
  /** Sentinels of wrapped errors, outermost first (Go's errors.Is over a %w chain). */
  readonly codes: ErrorCode[];
  constructor(code: ErrorCode, detail?: string, inner?: MaandError) {
    super(detail === undefined || detail === '' ? code : `${code}: ${detail}`);
    this.code = code;
    this.codes = [code, ...(inner?.codes ?? [])];
  }
  /** True when this error or one it wraps carries `code`. */
  is(code: ErrorCode): boolean {
    return this.codes.includes(code);
  }
}

/** Wraps an inner MaandError with an outer sentinel, keeping both codes. */
export function wrap(code: ErrorCode, inner: MaandError, sep = ': '): MaandError {
  const err = new MaandError(code, undefined, inner);
  err.message = `${code}${sep}${inner.message}`;
  return err;
}

/** A bug or an impossible state; never the user's fault. */
export class InternalError extends Error {
  override name = 'InternalError';
}

export function isMaandError(e: unknown): e is MaandError {
  return e instanceof MaandError;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Some jobs failed while the rest of the run went on; the message lists each failure on its own line. */
export class PartialFailureError extends Error {
  override name = 'PartialFailureError';
  readonly failures: string[];
  constructor(what: string, failures: string[]) {
    super(`${what}:\n${failures.join('\n')}`);
    this.failures = failures;
  }
}
