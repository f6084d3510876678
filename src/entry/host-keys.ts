// The host-key options of the CLI (`--known-hosts`, `--insecure-skip-host-key-check`) and of the Action
// (`known-hosts`, `insecure-skip-host-key-check`), judged by one function (decision Q28).
import { MaandError } from '../errors.ts';
import type { HostKeyPolicy } from '../remote/ssh-options.ts';

export interface HostKeyChoice {
  /** A known_hosts list was given (a file for the CLI, the input's text for the Action). */
  knownHosts: boolean;
  insecure: boolean;
  /** How the caller names the two options in its messages (`--known-hosts` or `input known-hosts`). */
  names: { knownHosts: string; insecure: string };
  /** With neither option: accept-new (the CLI), or the error saying what to pass (the Action). */
  otherwise: 'accept-new' | { error: string };
}

export function hostKeyPolicy(c: HostKeyChoice): HostKeyPolicy {
  if (c.knownHosts && c.insecure) {
    throw new MaandError('invalid argument', `${c.names.knownHosts} and ${c.names.insecure} exclude each other: keep ${c.names.knownHosts} (recommended) or remove it`);
  }
  if (c.insecure) return 'insecure';
  if (c.knownHosts) return 'strict';
  if (typeof c.otherwise === 'object') throw new MaandError('invalid argument', c.otherwise.error);
  return c.otherwise;
}
