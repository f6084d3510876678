// Tells a host-key failure from an unreachable worker without reading ssh's stderr: ssh exits
// 255 for both. Run only after a 255: look the host up in the known_hosts files ssh was given,
// and if it has entries, compare them with the key the worker presents now (ssh-keyscan).

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from './run-process.ts';
import { knownHostsFiles, sshPort, type SshTarget } from './ssh-options.ts';

export type HostKeyProblem = 'changed' | 'unknown';

/** How known_hosts names a host: `ip`, or `[ip]:port` off port 22. */
export function knownHostsName(target: SshTarget): string {
  const port = sshPort(target.port);
  const host = target.host.trim();
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The user known_hosts files ssh checks: the configured ones, or ssh's defaults. */
export function userKnownHosts(target: SshTarget): string[] {
  const own = knownHostsFiles(target);
  return own.length > 0 ? own : [join(homedir(), '.ssh', 'known_hosts'), join(homedir(), '.ssh', 'known_hosts2')];
}

/** Every file ssh trusts for this target: the user files plus the system-wide ones. */
function consultedKnownHosts(target: SshTarget): string[] {
  return [...userKnownHosts(target), '/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];
}

/** `type base64` pairs from known_hosts-format text (comments and @markers skipped). */
function keysIn(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3 || f[0]!.startsWith('#') || f[0]!.startsWith('@')) continue;
    keys.add(`${f[1]} ${f[2]}`);
  }
  return keys;
}

async function knownKeys(target: SshTarget): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const file of consultedKnownHosts(target)) {
    if (!existsSync(file)) continue;
    // ssh-keygen -F understands hashed entries and [host]:port names
    const r = await runProcess('ssh-keygen', ['-F', knownHostsName(target), '-f', file]);
    for (const k of keysIn(r.stdout)) keys.add(k);
  }
  return keys;
}

/**
 * 'unknown': strict checking and no key recorded for the host. 'changed': keys are recorded but
 * the worker presents none of them. undefined: not a host-key problem (or the worker is down).
 */
export async function diagnoseHostKey(target: SshTarget, timeoutSeconds = 5): Promise<HostKeyProblem | undefined> {
  if (target.hostKeyPolicy === 'insecure') return undefined;
  const known = await knownKeys(target);
  if (known.size === 0 && target.hostKeyPolicy !== 'strict') return undefined;
  const scan = await runProcess(
    'ssh-keyscan',
    ['-T', String(timeoutSeconds), '-p', String(sshPort(target.port)), target.host.trim()],
    { timeoutMs: (timeoutSeconds + 2) * 1000 },
  );
  const presented = keysIn(scan.stdout);
  if (presented.size === 0) return undefined; // down: report it as unreachable
  if (known.size === 0) return 'unknown';
  for (const k of presented) if (known.has(k)) return undefined;
  return 'changed';
}

/**
 * The host-key problem ssh reported in its stderr, for a host ssh-keyscan cannot reach (behind a
 * bastion): the warning of a changed key, or strict checking without a known key.
 */
export function hostKeyProblemIn(stderr: string): HostKeyProblem | undefined {
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(stderr)) return 'changed';
  if (/host key is known for .* strict checking|Host key verification failed/.test(stderr)) return 'unknown';
  return undefined;
}
