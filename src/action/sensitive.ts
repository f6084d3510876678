// A secret input value that never prints itself: logs, JSON and util.inspect all show [REDACTED].
import { inspect } from 'node:util';

export class Sensitive {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The clear value, only for the one place that needs it (writing the key file, deriving the key). */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[REDACTED]';
  }
  toJSON(): string {
    return '[REDACTED]';
  }
  [inspect.custom](): string {
    return '[REDACTED]';
  }
}

/** The strings to mask in the log: the whole value and each line of a multi-line one (a PEM key). */
export function maskedParts(value: string): string[] {
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= 6 && !l.startsWith('-----'));
  return [...new Set([value.trim(), ...lines])].filter((v) => v !== '');
}

/** A 1-3 character value would mask that text everywhere (every "1"): not worth it. */
const MIN_MASKED = 4;

/** maskedParts of a value found in the bucket or made by the run, without the parts too short to mask. */
export function maskableParts(value: string): string[] {
  return maskedParts(value).filter((p) => p.length >= MIN_MASKED);
}
