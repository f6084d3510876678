// The message of a worker command or rsync that failed: what failed, on which worker, and what to do
// next. Classified by exit code and executor flags.

import { channelOpenFailure } from './handshake.ts';
import { failureOf, rsyncReason, stderrTail, type RemoteFailure, type RemoteResult } from './result.ts';

function what(r: RemoteResult): string {
  return r.kind === 'rsync' ? 'rsync' : 'command';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

/** `head: reason` when stderr said something, else just `head`. */
function withReason(head: string, reason: string): string {
  return reason === '' ? head : `${head}: ${reason}`;
}

/** A bastion that failed, named as the hop it is (issue 14); the worker behind it was never tried. */
function hopFailureMessage(r: RemoteResult & { hop: string }, failure: RemoteFailure): string {
  const b = `bastion ${r.hop}`;
  const files = r.knownHosts.join(', ');
  const next = 'check ssh_proxy_jump (maand.conf, the ssh-proxy-jump input or the worker\'s proxy_jump) and the bastion, then run maand deploy again';
  switch (failure) {
    case 'host-key-changed':
      return `${b}: host key changed (ssh exit 255): the key it presents is not the one recorded for ${r.knownHostsName} in ${files}; if the bastion was reinstalled, remove the old key with 'ssh-keygen -R ${r.knownHostsName}', then run maand deploy again`;
    case 'host-key-unknown':
      return `${b}: host key unknown (ssh exit 255): no key for ${r.knownHostsName} in ${files} and host key checking is strict; add the bastion's key to the known hosts, then run maand deploy again`;
    case 'timeout':
      return `${b}: no connection within ${seconds(r.timeoutMs ?? 0)} s; ${next}`;
    case 'aborted':
      return `${b}: connection cancelled`;
    default:
      return `${withReason(`${b} unreachable (ssh exit ${r.exitCode})`, stderrTail(r))}; ${next}`;
  }
}

/** What to do about an ssh exit 255: a refused login points at ssh_user and the key, not at the network. */
export function unreachableHint(sshOutput: string): string {
  return /Permission denied \(publickey/.test(sshOutput)
    ? 'the worker refused the login: check ssh_user and the ssh key (maand.conf ssh_user, ssh_key), then run maand deploy again'
    : 'check the host, its ssh_port and known_hosts, then run maand deploy again';
}

export function remoteFailureMessage(r: RemoteResult, failure: RemoteFailure): string {
  if (r.hop !== undefined) return hopFailureMessage({ ...r, hop: r.hop }, failure);
  const w = `worker ${r.host}`;
  const files = r.knownHosts.join(', ');
  switch (failure) {
    case 'host-key-changed':
      return (
        `${w}: host key changed (ssh exit 255): the key it presents is not the one recorded for ` +
        `${r.knownHostsName} in ${files}; if the worker was reinstalled, remove the old key with ` +
        `'ssh-keygen -R ${r.knownHostsName} -f ${r.knownHosts[0] ?? '~/.ssh/known_hosts'}', then run maand deploy again`
      );
    case 'host-key-unknown':
      return (
        `${w}: host key unknown (ssh exit 255): no key for ${r.knownHostsName} in ${files} and host key ` +
        `checking is strict; add the worker's key to the known hosts, then run maand deploy again`
      );
    case 'unreachable':
      if (r.through !== undefined) {
        // the bastion's own line (`channel 0: open failed: connect failed: …`) says why, not ssh's last one
        const why = channelOpenFailure(r.stderr) ?? stderrTail(r);
        return `${withReason(`${w} unreachable through bastion ${r.through} (ssh exit 255)`, why)}; check the host, its ssh_port, that the bastion can reach it and allows TCP forwarding (AllowTcpForwarding), then run maand deploy again`;
      }
      return `${withReason(`${w} unreachable (ssh exit 255)`, stderrTail(r))}; ${unreachableHint(r.stderr)}`;
    case 'timeout':
      return (
        `${w}: ${what(r)} timed out after ${seconds(r.timeoutMs ?? 0)} s and was killed; ` +
        `check what it waits for on the worker, then run maand deploy again`
      );
    case 'aborted':
      return `${w}: ${what(r)} cancelled`;
    case 'exit':
      return r.kind === 'rsync'
        ? withReason(`${w}: rsync failed (exit ${r.exitCode})`, rsyncReason(r))
        : withReason(`${w}: command execution failed (exit ${r.exitCode})`, stderrTail(r));
  }
}
