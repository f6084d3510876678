// The host-key flags shared by every command that reaches workers, and the SshAccess they mean
// (decision Q28: accept-new against secrets/known_hosts + ~/.ssh/known_hosts unless told otherwise).
import type { Command } from 'commander';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { MaandError } from '../errors.ts';
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
  if (flags.knownHosts && flags.insecureSkipHostKeyCheck) throw new MaandError('invalid argument', '--known-hosts and --insecure-skip-host-key-check exclude each other');
  if (flags.insecureSkipHostKeyCheck) return { hostKeyPolicy: 'insecure' };
  if (flags.knownHosts) return { hostKeyPolicy: 'strict', knownHostsFile: resolve(io.cwd, flags.knownHosts) };
  return { hostKeyPolicy: 'accept-new', extraKnownHostsFiles: [join(io.env['HOME'] ?? homedir(), '.ssh', 'known_hosts')] };
}
