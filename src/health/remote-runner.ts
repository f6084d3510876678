// ssh probes through deploy's RemoteExecutor (src/remote): same ssh options, host-key policy and
// ControlMaster connection as the rest of the deploy. The command is fed to `bash -s` (or
// `sudo -E bash -s` with use_sudo) under a remote `timeout`.
import type { RemoteExecutor } from '../remote/executor.ts';
import type { SshRunner } from './ssh-probe.ts';

export function remoteSshRunner(executor: RemoteExecutor): SshRunner {
  return async (r) => {
    const [knownHostsFile, ...extra] = r.target.knownHostsFiles;
    // runScript, not run: the probe's command runs as written (no `set -u` that a plain ssh command lacks)
    const res = await executor.runScript(
      {
        host: r.host,
        user: r.target.user,
        port: r.target.port,
        keyFile: r.target.keyPath,
        hostKeyPolicy: r.target.hostKeyPolicy,
        ...(knownHostsFile === undefined ? {} : { knownHostsFile }),
        extraKnownHostsFiles: extra,
      },
      `${r.command}\n`,
      {
        useSudo: r.target.useSudo,
        timeoutMs: r.timeoutMs,
        remoteTimeoutSeconds: Math.max(1, Math.ceil(r.timeoutMs / 1000)),
        outputCapBytes: 16 * 1024,
        ...(r.signal === undefined ? {} : { signal: r.signal }),
      },
    );
    const output = [res.stdout.trim(), res.stderr.trim()].filter((s) => s !== '').join('\n');
    return { exitCode: res.exitCode, output, timedOut: res.timedOut };
  };
}
