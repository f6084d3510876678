// Errors of the metrics push. Their messages are the reference texts (kv spec §9: `remote write
// status <code> <text>[: <body>]`), so they carry no `<code>: ` prefix.
import { MaandError } from '../errors.ts';

/** The push could not be set up or did not go through; the deploy reports it as a warning. */
export class MetricsError extends MaandError {
  override name = 'MetricsError';
  constructor(message: string) {
    super('metrics', message, undefined, { bare: true });
  }
}

/** One remote-write attempt failed: a bad HTTP status, a network error or a timeout. */
export class RemoteWriteError extends MetricsError {
  override name = 'RemoteWriteError';
  /** The HTTP status; absent when no response arrived. */
  readonly status: number | undefined;
  /** Network errors, timeouts, 429 and 5xx are worth another attempt. */
  readonly retryable: boolean;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
    this.retryable = status === undefined || status === 429 || status >= 500;
  }
}
