// The host-key flags shared by every command that reaches workers, and the SshAccess they mean
// (decision Q28: accept-new against secrets/known_hosts + ~/.ssh/known_hosts unless told otherwise).
import type { Command } from 'commander';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostKeyPolicy } from '../entry/host-keys.ts';
import type { SshAccess } from '../deploy/openssh-remote.ts';
import type { CliIo } from './io.ts';

export interface HostKeyFlags {
  knownHosts?: string;
  insecureSkipHostKeyCheck: boolean;
}

export function withHostKeyFlags(cmd: Command): Command {
  return cmd
    .option('--known-hosts <file>', 'check worker host keys strictly against this file')
    .option('--insecure-skip-host-key-check', 'do not check worker host keys (not recommended)', false);
}

export function sshAccess(io: CliIo, flags: HostKeyFlags): SshAccess {
  const policy = hostKeyPolicy({
    knownHosts: flags.knownHosts !== undefined, insecure: flags.insecureSkipHostKeyCheck, names: { knownHosts: '--known-hosts', insecure: '--insecure-skip-host-key-check' }, otherwise: 'accept-new',
  });
  if (policy === 'insecure') return { hostKeyPolicy: 'insecure' };
  if (policy === 'strict') return { hostKeyPolicy: 'strict', knownHostsFile: resolve(io.cwd, flags.knownHosts!) };
  return { hostKeyPolicy: 'accept-new', extraKnownHostsFiles: [join(io.env['HOME'] ?? homedir(), '.ssh', 'known_hosts')] };
}
