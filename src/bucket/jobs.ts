// Job discovery and the job file walk (§4.7).
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MaandError } from '../errors.ts';
import { byteCompare } from '../util/go-json.ts';
import type { BucketPaths } from './paths.ts';

/** Direct sub-directories of workspace/jobs holding a manifest.json, sorted byte-wise. */
export function discoverJobs(paths: BucketPaths): string[] {
  if (!existsSync(paths.jobsDir)) return [];
  return readdirSync(paths.jobsDir)
    .filter((name) => existsSync(join(paths.jobsDir, name, 'manifest.json')))
    .sort(byteCompare);
}

export interface JobFile {
  /** `<job>` or `<job>/sub/file`, `/`-separated. */
  path: string;
  content: Uint8Array;
  isdir: boolean;
  /** Permission bits of a file (what it points to, for a symlink); null for directories. */
  mode: number | null;
}

const EXCLUDED = new Set(['.venv', 'venv', 'node_modules', '__pycache__']);

/** The whole job tree in lexical walk order (parent before children), job dir first. */
export function walkJobFiles(jobsDir: string, job: string): JobFile[] {
  const out: JobFile[] = [{ path: job, content: new Uint8Array(0), isdir: true, mode: null }];
  const walk = (rel: string): void => {
    const names = readdirSync(join(jobsDir, rel)).sort(byteCompare);
    for (const name of names) {
      if (EXCLUDED.has(name)) continue;
      const childRel = `${rel}/${name}`;
      const abs = join(jobsDir, childRel);
      const l = lstatSync(abs);
      if (l.isDirectory()) {
        out.push({ path: childRel, content: new Uint8Array(0), isdir: true, mode: null });
        walk(childRel);
      } else {
        if (l.isSymbolicLink() && statSync(abs, { throwIfNoEntry: false })?.isDirectory())
          throw new MaandError('unexpected error', `read workspace/jobs/${childRel}: is a directory (a symlink to a directory; replace it with a real directory)`);
        try {
          out.push({ path: childRel, content: readFileSync(abs), isdir: false, mode: statSync(abs).mode & 0o777 });
        } catch (e) {
          throw new MaandError('unexpected error', `read workspace/jobs/${childRel}: ${(e as Error).message}`);
        }
      }
    }
  };
  walk(job);
  return out;
}

export function readManifestText(paths: BucketPaths, job: string): string {
  try {
    return readFileSync(join(paths.jobsDir, job, 'manifest.json'), 'utf8');
  } catch (e) {
    throw new MaandError('unexpected error', `${(e as Error).message}`);
  }
}
