// Which file a job command runs and with which program (spec kv §3.2, decision Q24).
// The script is looked up in the catalog copy (what actually runs, so a job removed from the
// workspace still runs its hooks); the Python venv in the workspace (it is never catalogued).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Db } from '../catalog/db.ts';
import { JobCommandError } from './errors.ts';
import type { HookRuntimes } from './types.ts';

export interface HookScript {
  /** File name inside `_modules/` (`command_x.py`). */
  file: string;
  ext: 'py' | 'ts' | 'js';
  runtime: 'python' | 'node' | 'bun';
  /** Absolute program path and its arguments; the script file comes last. */
  program: string;
  args: string[];
}

/**
 * Lets Bun-style extensionless relative imports (`import * as maand from "./maand"`) resolve
 * under Node: on "module not found" retry with `.ts`, `.js`, `/index.ts`, `/index.js`.
 */
export const NODE_RESOLVE_HOOK =
  'data:text/javascript,import{registerHooks}from"node:module";registerHooks({resolve(s,c,n){try{return n(s,c)}catch(e){' +
  'if(e?.code!=="ERR_MODULE_NOT_FOUND"||!/^\\.\\.?\\//.test(s))throw e;for(const x of[".ts",".js","/index.ts","/index.js"]){' +
  'try{return n(s+x,c)}catch{}}throw e}}})';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const VENV_PYTHONS = ['.venv/bin/python3', '.venv/bin/python', 'venv/bin/python3', 'venv/bin/python'];

export interface ResolveScriptOptions {
  root: string;
  db: Db;
  job: string;
  command: string;
  event: string;
  runtimes?: HookRuntimes;
  env?: Readonly<Record<string, string | undefined>>;
}

export function resolveHookScript(o: ResolveScriptOptions): HookScript {
  const where = { job: o.job, command: o.command, event: o.event };
  const dirRel = `workspace/jobs/${o.job}/_modules`;
  const exts = (['py', 'ts', 'js'] as const).filter((ext) => hasCatalogFile(o.db, o.job, `${o.job}/_modules/${o.command}.${ext}`));
  if (exts.length === 0)
    throw new JobCommandError('script', where, `job ${o.job} command ${o.command}: job command file not found: expected ${o.command}.py, ${o.command}.ts, or ${o.command}.js under ${dirRel} (run maand build after adding it)`);
  if (exts.length > 1)
    throw new JobCommandError('script', where, `job ${o.job} command ${o.command}: invalid job command configuration: multiple implementations for ${o.command} under ${dirRel} (use only one of .py, .ts, .js)`);
  const ext = exts[0]!;
  const file = `${o.command}.${ext}`;
  const path = o.env?.['PATH'] ?? DEFAULT_PATH;
  if (ext === 'py') {
    const program = pythonFor(o.root, o.job);
    return { file, ext, runtime: 'python', program: requireProgram(program, path, where), args: [file] };
  }
  if (o.runtimes?.script === 'bun') {
    return { file, ext, runtime: 'bun', program: requireProgram(o.runtimes.bun ?? 'bun', path, where), args: ['run', file] };
  }
  const node = o.runtimes?.node ?? process.execPath;
  return { file, ext, runtime: 'node', program: requireProgram(node, path, where), args: ['--import', NODE_RESOLVE_HOOK, file] };
}

/** The job's workspace venv interpreter (absolute) if one exists, else `python3`. */
export function pythonFor(root: string, job: string): string {
  const modules = join(root, 'workspace', 'jobs', job, '_modules');
  for (const rel of VENV_PYTHONS) {
    const p = join(modules, rel);
    if (statSync(p, { throwIfNoEntry: false })?.isFile()) return p;
  }
  return 'python3';
}

function hasCatalogFile(db: Db, job: string, path: string): boolean {
  return db.prepare('SELECT 1 FROM job_files f JOIN job j ON j.job_id = f.job_id WHERE j.name = ? AND f.path = ? AND f.isdir = 0 LIMIT 1').get(job, path) !== undefined;
}

/** Absolute path of `program` (searched in `path` unless it contains a `/`), or the prerequisite error. */
function requireProgram(program: string, path: string, where: { job: string; command: string; event: string }): string {
  const candidates = program.includes('/') ? [program] : path.split(delimiter).filter((d) => isAbsolute(d)).map((d) => join(d, program));
  for (const c of candidates) if (isExecutableFile(c)) return c;
  throw new JobCommandError('prerequisites', where, `host prerequisites not met: ${program} (job ${where.job} command ${where.command} needs it on the machine running maand)`);
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
