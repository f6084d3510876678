// The first log line of a run, and the secrets masked before anything else is logged.
import type { Config } from './config.ts';
import { maskedParts } from './sensitive.ts';

export function banner(c: Config): string {
  const state = c.state.backend === 'none' ? 'no state backend' : `state ${c.state.name} in ${c.state.backend}${c.state.backend === 'branch' ? ` (branch ${c.state.branch})` : ''}`;
  const extra = [c.jobs.length > 0 ? `jobs ${c.jobs.join(',')}` : '', c.force ? 'force' : '', c.syncOnly ? 'sync-only' : '', c.command === 'drift' ? `drift ${c.drift}` : '', c.to !== undefined ? `to deploy ${c.to}` : ''].filter(Boolean);
  return `maand ${c.command}: bucket ${c.bucket}, ${state}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`;
}

export function registerSecrets(c: Config, setSecret: (v: string) => void): void {
  for (const s of [c.ssh.privateKey, c.state.key, c.githubToken]) if (s) for (const part of maskedParts(s.reveal())) setSecret(part);
}
