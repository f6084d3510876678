// Pure builders of a worker command (deploy.md §18.2): a bash script fed to `bash -s` on ssh's
// stdin, or (scripts that hold no secret) carried base64-encoded in the command itself, which saves
// a round trip per call: ssh sends stdin only after the remote command has started. Either way the
// remote login shell parses only a fixed, quote-free command, never the script.

import { MaandError } from '../errors.ts';
import { shq } from './shell-quote.ts';

export interface RemoteShellOptions {
  useSudo: boolean;
  /** Remote `timeout N`: the worker ends the script itself if the host loses track of it. */
  timeoutSeconds: number;
}

export const DEFAULT_REMOTE_TIMEOUT_SECONDS = 300;

/** The single remote-command argument ssh sends: `timeout 300 bash -s` (sudo -E when use_sudo). */
export function remoteShellCommand(opts: RemoteShellOptions): string {
  const shell = opts.useSudo ? 'sudo -E bash -s' : 'bash -s';
  return `timeout ${opts.timeoutSeconds} ${shell}`;
}

/** Longest script carried in the command (base64): far below Linux's 128 KiB limit for one argument. */
export const INLINE_SCRIPT_MAX_BYTES = 32 * 1024;

/**
 * The remote command that runs `script` with nothing on stdin: `timeout 300 bash -c 'eval "$(echo
 * <base64> | base64 -d)"'`. Only base64's alphabet varies, so any login shell (sh, bash, zsh, fish,
 * csh) passes it to bash unchanged. The command line is visible to the worker's `ps`: never a script
 * with secrets in it.
 */
export function inlineShellCommand(opts: RemoteShellOptions, script: string): string {
  const shell = opts.useSudo ? 'sudo -E bash -c' : 'bash -c';
  return `timeout ${opts.timeoutSeconds} ${shell} 'eval "$(echo ${Buffer.from(script, 'utf8').toString('base64')} | base64 -d)"'`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `#!/bin/bash`, `set -e`, `set -u`, one `export NAME=value` per env entry in insertion order,
 * then the command lines; newline-terminated.
 */
export function workerScript(commands: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  const lines = ['#!/bin/bash', 'set -e', 'set -u'];
  for (const [rawName, value] of Object.entries(env)) {
    const name = rawName.trim().replace(/^export\s+/, '');
    if (name === '') continue;
    if (!NAME.test(name)) throw new MaandError('invalid argument', `invalid environment variable name ${JSON.stringify(rawName)}`);
    lines.push(`export ${name}=${shq(value)}`);
  }
  lines.push(...commands);
  return lines.join('\n') + '\n';
}
