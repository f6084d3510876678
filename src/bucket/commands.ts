// Job commands (hooks) declared in a manifest: name, events, demands, script (§6.6).
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MaandError } from '../errors.ts';
import type { CommandSpec } from './manifest.ts';

export const EVENTS = [
  'post_build', 'health_check', 'cli', 'pre_deploy', 'post_deploy', 'job_control', 'after_allocation_started', 'after_allocation_stopped',
] as const;
export type HookEvent = (typeof EVENTS)[number];

export type ScriptRuntime = 'python' | 'node';

export interface CommandScript {
  file: string;
  ext: 'py' | 'ts' | 'js';
  runtime: ScriptRuntime;
}

function cfg(detail: string): MaandError {
  return new MaandError('invalid job command configuration', detail);
}

/** Checks #1-#5b of §6.6 for one command (script existence is checked separately). */
export function validateCommand(job: string, name: string, c: CommandSpec): void {
  if (!name.startsWith('command_')) throw cfg(`invalid command name, name: ${name}, excepted prefix : command_`);
  if (c.executed_on.length === 0) throw cfg(`job ${job}, job_command ${name} missing executed_on`);
  const unknown = c.executed_on.filter((e) => !(EVENTS as readonly string[]).includes(e));
  if (unknown.length > 0) throw cfg(`job ${job}, job_command ${name} invalid executed_on [${unknown.join(' ')}] (valid: ${EVENTS.join(', ')})`);
  if (c.demands.job === job) throw cfg(`job ${job}, job_command ${name} invalid configuration, self referencing`);
  checkDemandPair(job, name, c);
}

export function checkDemandPair(job: string, name: string, c: CommandSpec): void {
  const dj = c.demands.job.trim();
  const dc = c.demands.command.trim();
  if ((dj === '') !== (dc === '')) throw new MaandError('invalid job command demand', `job ${job} command ${name} demands.job and demands.command must both be set`);
  if (dj === job) throw cfg(`job ${job}, job_command ${name} invalid configuration, self referencing`);
}

/** Exactly one of `_modules/<name>.py|.ts|.js` must exist. */
export function findCommandScript(bucketRoot: string, jobDir: string, job: string, name: string): CommandScript {
  const modules = join(jobDir, '_modules');
  const rel = relative(bucketRoot, modules);
  const found = (['py', 'ts', 'js'] as const).filter((ext) => existsSync(join(modules, `${name}.${ext}`)));
  if (found.length === 0) {
    const e = new MaandError('job command file not found', `expected ${name}.py, ${name}.ts, or ${name}.js under ${rel}`);
    e.message = `job ${job} command ${name}: ${e.message}`;
    throw e;
  }
  if (found.length > 1) {
    const e = cfg(`multiple implementations for ${name} under ${rel} (use only one of .py, .ts, .js)`);
    e.message = `job ${job} command ${name}: ${e.message}`;
    throw e;
  }
  const ext = found[0]!;
  return { file: join(modules, `${name}.${ext}`), ext, runtime: ext === 'py' ? 'python' : 'node' };
}
