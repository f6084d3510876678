// Pure builders of a worker command (deploy.md §18.2): a bash script fed to `bash -s` on ssh's
// stdin, so no command line is ever re-parsed by the remote login shell.

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
