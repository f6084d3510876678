// Job discovery and the job file walk (§4.7).
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { MaandError } from '../errors.ts';
import { isJobName } from './identifiers.ts';
import { byteCompare } from '../util/go-json.ts';
import type { BucketPaths } from './paths.ts';
import { FileReadError, readBytes, readText } from './read-file.ts';

/** Direct sub-directories of workspace/jobs holding a manifest.json, sorted byte-wise. */
export function discoverJobs(paths: BucketPaths): string[] {
  if (!existsSync(paths.jobsDir)) return [];
  const jobs = readdirSync(paths.jobsDir)
    .filter((name) => existsSync(join(paths.jobsDir, name, 'manifest.json')))
    .sort(byteCompare);
  const bad = jobs.filter((name) => !isJobName(name));
  if (bad.length > 0)
    throw new MaandError('invalid job', `invalid job name ${bad.map((n) => JSON.stringify(n)).join(', ')} (workspace/jobs/<name>): a job name uses letters, digits, _, - and . and does not start with . or -; rename the directory`);
  return jobs;
}

export interface JobFile {
  /** `<job>` or `<job>/sub/file`, `/`-separated. */
  path: string;
  content: Uint8Array;
  isdir: boolean;
  /** Permission bits of a file (what it points to, for a symlink); null for directories. */
  mode: number | null;
  /** A symlink's target text (always relative and inside the job); null for anything else. */
  link: string | null;
}

const EXCLUDED = new Set(['.venv', 'venv', 'node_modules', '__pycache__']);

/** The whole job tree in lexical walk order (parent before children), job dir first. */
export function walkJobFiles(jobsDir: string, job: string): JobFile[] {
  const out: JobFile[] = [{ path: job, content: new Uint8Array(0), isdir: true, mode: null, link: null }];
  const jobReal = realpathSync(join(jobsDir, job));
  const escapes: string[] = [];
  const walk = (rel: string): void => {
    const names = readdirSync(join(jobsDir, rel)).sort(byteCompare);
    for (const name of names) {
      if (EXCLUDED.has(name)) continue;
      const childRel = `${rel}/${name}`;
      const abs = join(jobsDir, childRel);
      const l = lstatSync(abs);
      if (l.isDirectory()) {
        out.push({ path: childRel, content: new Uint8Array(0), isdir: true, mode: null, link: null });
        walk(childRel);
        continue;
      }
      const link = l.isSymbolicLink() ? readlinkSync(abs) : null;
      if (link !== null && !linkStaysInside(jobReal, abs, link)) {
        escapes.push(`workspace/jobs/${childRel} -> ${link}`);
        continue;
      }
      if (link !== null && statSync(abs, { throwIfNoEntry: false })?.isDirectory())
        throw new FileReadError(`workspace/jobs/${childRel}`, 'is a symlink to a directory (replace it with a real directory)');
      // a link keeps the content it points to (what the reference stored) besides its target text
      out.push({ path: childRel, content: readBytes(abs, `workspace/jobs/${childRel}`), isdir: false, mode: statSync(abs).mode & 0o777, link });
    }
  };
  walk(job);
  if (escapes.length > 0)
    throw new MaandError('invalid job', `job ${job}: ${escapes.length === 1 ? 'a symlink points' : 'symlinks point'} outside the job directory: ${escapes.join(', ')} (they would ship what they point to; copy the file into the job or link within it)`);
  return out;
}

/**
 * Whether a symlink stays inside the job: its target text is relative and does not climb out of the
 * job (it is shipped as is, so it must mean the same on a worker), and what it finally resolves to
 * here (through any chain of links) is inside the job too.
 */
function linkStaysInside(jobReal: string, abs: string, target: string): boolean {
  if (isAbsolute(target)) return false;
  const inside = (p: string): boolean => p === jobReal || p.startsWith(`${jobReal}${sep}`);
  if (!inside(resolve(realpathSync(dirname(abs)), target))) return false;
  try {
    return inside(realpathSync(abs));
  } catch {
    return true; // dangling: the read that follows names it
  }
}

export function readManifestText(paths: BucketPaths, job: string): string {
  return readText(join(paths.jobsDir, job, 'manifest.json'), `workspace/jobs/${job}/manifest.json`);
}
