// What one remote operation (a worker command or an rsync) returns. A failure is data here;
// errors.ts words it for the user.

import type { HostKeyProblem } from './host-keys.ts';
import type { ProcessResult } from './run-process.ts';

export type RemoteKind = 'command' | 'rsync';

/** Why an operation failed, from exit code and executor flags (never from stderr text). */
export type RemoteFailure = 'unreachable' | 'host-key-changed' | 'host-key-unknown' | 'timeout' | 'aborted' | 'exit';

export interface RemoteResult extends ProcessResult {
  kind: RemoteKind;
  host: string;
  /** Port ssh used (ssh_port, or 22). */
  port: number;
  /** Program and arguments as run. */
  argv: string[];
  /** The argv with whitespace collapsed, at most 200 characters (log field `cmd`). */
  summary: string;
  /** Files the host key was checked against (empty when checking is off). */
  knownHosts: string[];
  /** How known_hosts names the host (`ip` or `[ip]:port`). */
  knownHostsName: string;
  /** Set only after an ssh exit 255 that a host-key check explains. */
  hostKeyProblem?: HostKeyProblem;
  /** The host-side limit that applied, for messages. */
  timeoutMs?: number;
  /** The host sits behind this bastion (`user@host[:port]`, the last hop). */
  through?: string;
  /** The failure is this bastion's, not the host's: the worker was never tried (issue 14). */
  hop?: string;
}

export const SSH_FAILED = 255;

export function summarizeArgv(argv: readonly string[], max = 200): string {
  const s = argv.join(' ').replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
}

export function failureOf(r: RemoteResult): RemoteFailure | undefined {
  if (r.aborted) return 'aborted';
  if (r.timedOut) return 'timeout';
  if (r.exitCode === 0) return undefined;
  if (r.exitCode === SSH_FAILED) {
    if (r.hostKeyProblem === 'changed') return 'host-key-changed';
    if (r.hostKeyProblem === 'unknown') return 'host-key-unknown';
    return 'unreachable';
  }
  return 'exit';
}

/**
 * Why rsync failed: its last line is a summary ("some files/attrs were not transferred (see previous
 * errors)"), so name the first error line before it, and how many more there were.
 */
export function rsyncReason(r: Pick<RemoteResult, 'stderr'>, max = 300): string {
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const errors = lines.filter((l) => !l.startsWith('rsync error:'));
  if (errors.length === 0) return stderrTail(r, max);
  const first = errors[0]!.length <= max ? errors[0]! : `${errors[0]!.slice(0, max - 3)}...`;
  return errors.length === 1 ? first : `${first} (and ${errors.length - 1} more)`;
}

/** Last non-empty line of stderr, trimmed and capped: the line that usually says why. */
export function stderrTail(r: Pick<RemoteResult, 'stderr'>, max = 300): string {
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const last = lines.at(-1) ?? '';
  return last.length <= max ? last : `${last.slice(0, max - 3)}...`;
}
