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
  | 'post_build'
  // Codes of the error classes that live beside their module (all extend MaandError).
  | 'state'
  | 'job command'
  | 'template'
  | 'health check'
  | 'remote'
  | 'metrics'
  | 'invalid unit'
  | 'invalid version'
  | 'invalid json'
  | 'cannot read file'
  | 'runtime api'
  | 'deploy failed'
  | 'workers unreachable'
  | 'cancelled';

export interface MaandErrorOptions extends ErrorOptions {
  /** The message is `detail` alone, without the `<code>: ` prefix (classes whose texts are the reference's own). */
  bare?: boolean;
}

/**
 * The base of every error a user may see: a code and a message that says what failed, where (file,
 * field, job, worker) and what to do next. Module errors (KvError, StateError, TemplateError, …)
 * extend it, so the entry layers format every one of them with `userMessage` and nothing else.
 */
export class MaandError extends Error {
  override name = 'MaandError';
  readonly code: ErrorCode;
  /** Sentinels of wrapped errors, outermost first (Go's errors.Is over a %w chain). */
  readonly codes: ErrorCode[];
  constructor(code: ErrorCode, detail?: string, inner?: MaandError, options?: MaandErrorOptions) {
    super(options?.bare ? (detail ?? code) : detail === undefined || detail === '' ? code : `${code}: ${detail}`, options?.cause === undefined ? undefined : { cause: options.cause });
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

/**
 * The one text a user sees for an error, in the CLI and in the Action alike. A MaandError speaks for
 * itself; anything else is a bug in maand, said as such on one line (never a stack trace).
 */
export function userMessage(e: unknown): string {
  if (e instanceof MaandError) return e.message;
  const text = errorText(e).split('\n')[0]!.trim() || 'no message';
  return `internal error: ${text} (this is a bug in maand; please report it with the command that was run)`;
}

/** Some jobs failed while the rest of the run went on; the message lists each failure on its own line. */
export class PartialFailureError extends MaandError {
  override name = 'PartialFailureError';
  readonly failures: string[];
  constructor(what: string, failures: string[], code: ErrorCode = 'deploy failed') {
    // one cause reads as one line; several get a line each
    super(code, failures.length === 1 && !failures[0]!.includes('\n') ? `${what}: ${failures[0]}` : `${what}:\n${failures.join('\n')}`, undefined, { bare: true });
    this.failures = failures;
  }
}
