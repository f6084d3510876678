// Reading bucket files with one error for everything but "absent": a directory where a file belongs,
// no permission, an I/O error. The message names the file relative to the bucket and what to do.
import { readFileSync } from 'node:fs';
import { MaandError } from '../errors.ts';

export class FileReadError extends MaandError {
  override name = 'FileReadError';
  constructor(shown: string, reason: string) {
    super('cannot read file', `${shown} ${reason}`);
  }
}

function failure(e: unknown, shown: string): FileReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new FileReadError(shown, 'is a directory (replace it with a regular file)');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError(shown, 'is not readable (permission denied; make it readable by the user running maand)');
  if (code === 'ENOENT') return new FileReadError(shown, 'does not exist');
  return new FileReadError(shown, `(${(e as Error).message})`);
}

/** The file's bytes; a missing file is an error too. `shown` is the path as the user knows it. */
export function readBytes(file: string, shown: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw failure(e, shown);
  }
}

export function readText(file: string, shown: string): string {
  return readBytes(file, shown).toString('utf8');
}

/** The file's text, or undefined when it does not exist. */
export function readOptionalText(file: string, shown: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw failure(e, shown);
  }
}
