// Numeric flag values: a value that is not a whole number is an error naming the flag, never a
// silent default (`--retain-days abc` used to mean 0).
import { MaandError } from '../errors.ts';

/** `value` of `flag` as a whole number of at least `min`; `unit` words the error (`days`, `allocations`). */
export function wholeNumberFlag(flag: string, value: string, min: number, unit: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new MaandError('invalid argument', `${flag} must be a whole number of ${unit}, ${min} or more (got ${JSON.stringify(value)}); nothing was changed`);
  }
  return n;
}
