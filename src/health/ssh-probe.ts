// The ssh probe (spec kv §5.4): run the check's command on the worker. It goes through the run's one
// ssh stack (src/remote via WorkerRemote.probe): same options, host-key policy and ControlMaster as
// the rest of the run, so a probe never opens a connection of its own.
import type { RemoteResult } from '../run/links.ts';

/** Runs a probe's command on a worker; the caller's WorkerRemote.probe. */
export type SshProbeRunner = (ip: string, command: string, opts: { timeoutMs: number; signal?: AbortSignal }) => Promise<RemoteResult & { timedOut: boolean }>;

/** Runs the probe; returns the reference's error text (`ssh <ip>: <why>: <output>`) or undefined. */
export async function sshProbe(ip: string, command: string, runner: SshProbeRunner | undefined, timeoutMs: number, signal?: AbortSignal): Promise<string | undefined> {
  if (command.trim() === '') return `ssh ${ip}: empty command`;
  if (runner === undefined) return `ssh ${ip}: this command has no ssh access to the workers`;
  const r = await runner(ip, command, { timeoutMs, ...(signal ? { signal } : {}) });
  if (r.exitCode === 0 && !r.timedOut) return undefined;
  const output = [r.stdout.trim(), r.stderr.trim()].filter((s) => s !== '').join('\n');
  const why = r.timedOut ? `timed out after ${timeoutMs}ms` : r.exitCode === 255 || r.exitCode < 0 ? (r.message ?? `exit status ${r.exitCode}`) : `exit status ${r.exitCode}`;
  return `ssh ${ip}: ${why}: ${output}`;
}
