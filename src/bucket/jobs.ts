// Job discovery and the job file walk (§4.7).
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byteCompare } from '../util/go-json.ts';
import type { BucketPaths } from './paths.ts';
import { FileReadError, readBytes, readText } from './read-file.ts';

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
}

const EXCLUDED = new Set(['.venv', 'venv', 'node_modules', '__pycache__']);

/** The whole job tree in lexical walk order (parent before children), job dir first. */
export function walkJobFiles(jobsDir: string, job: string): JobFile[] {
  const out: JobFile[] = [{ path: job, content: new Uint8Array(0), isdir: true }];
  const walk = (rel: string): void => {
    const names = readdirSync(join(jobsDir, rel)).sort(byteCompare);
    for (const name of names) {
      if (EXCLUDED.has(name)) continue;
      const childRel = `${rel}/${name}`;
      const abs = join(jobsDir, childRel);
      const l = lstatSync(abs);
      if (l.isDirectory()) {
        out.push({ path: childRel, content: new Uint8Array(0), isdir: true });
        walk(childRel);
      } else {
        if (l.isSymbolicLink() && statSync(abs, { throwIfNoEntry: false })?.isDirectory())
          throw new FileReadError(`workspace/jobs/${childRel}`, 'is a symlink to a directory (replace it with a real directory)');
        out.push({ path: childRel, content: readBytes(abs, `workspace/jobs/${childRel}`), isdir: false });
      }
    }
  };
  walk(job);
  return out;
}

export function readManifestText(paths: BucketPaths, job: string): string {
  return readText(join(paths.jobsDir, job, 'manifest.json'), `workspace/jobs/${job}/manifest.json`);
}
