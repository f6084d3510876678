// workspace/jobs/<job>/vars.toml: flat string map merged into KV vars/job/<job> (§4.6).
import { join, relative } from 'node:path';
import { MaandError } from '../errors.ts';
import type { BucketPaths } from './paths.ts';
import { FileReadError } from './read-file.ts';
import { firstLine, readToml, stringMap } from './toml.ts';

export function readJobVars(paths: BucketPaths, job: string): Record<string, string> {
  const file = join(paths.jobsDir, job, 'vars.toml');
  const rel = relative(paths.root, file);
  let table;
  try {
    table = readToml(file, rel);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new MaandError('invalid vars.toml', `${rel}: ${firstLine(e)}`);
  }
  if (table === undefined) return {};
  try {
    return stringMap(table, '');
  } catch (e) {
    throw new MaandError('invalid vars.toml', `${rel}: ${(e as Error).message} (values must be quoted strings)`);
  }
}
