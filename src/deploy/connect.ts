// Wires one run to the outside: OpenSSH for workers, the hooks' runtime API and runner, health checks.
import { bucketPaths } from '../bucket/paths.ts';
import { workerProxyJumps } from '../catalog/worker-proxy.ts';
import { startRuntimeApi } from '../hooks/runtime-api.ts';
import type { HookRunContext } from '../hooks/types.ts';
import type { Connect, RunInfo, RunLinks, WorkerRemote } from '../run/links.ts';
import { healthPort } from './health-port.ts';
import { hookPort } from './hook-port.ts';
import { openSshRemote, type SshAccess } from './openssh-remote.ts';

export interface ConnectOptions {
  ssh: SshAccess;
  /** Base environment of hooks (the entry layer passes process.env; src/hooks keeps only what hooks may see). */
  hookEnv?: Readonly<Record<string, string | undefined>>;
}

export function connectRun(o: ConnectOptions): Connect {
  return async (run) => {
    const { remote, hookEnv } = await openSshRemote(bucketPaths(run.root), run.conf, o.ssh, workerProxyJumps(run.db));
    // hooks' maand.run_ssh uses the run's ssh options and ControlMasters (already host-key checked)
    return linkRun(run, remote, { ...(o.hookEnv ?? {}), ...hookEnv });
  };
}

/** A Connect whose runs share one ssh remote, and the close() that ends it. */
export interface SharedConnect {
  connect: Connect;
  close(): Promise<void>;
}

/**
 * connectRun for engine runs that follow each other (drift detection, then its correction): the first
 * run opens the ssh remote and the later ones reuse it, so each bastion and worker is logged in to
 * once for all of them (issue 14). A run's own close leaves the remote open; close() here ends it.
 */
export function connectShared(o: ConnectOptions): SharedConnect {
  let opened: ReturnType<typeof openSshRemote> | undefined;
  return {
    connect: async (run) => {
      opened ??= openSshRemote(bucketPaths(run.root), run.conf, o.ssh, workerProxyJumps(run.db));
      const { remote, hookEnv } = await opened;
      return linkRun(run, { ...remote, close: async () => {} }, { ...(o.hookEnv ?? {}), ...hookEnv });
    },
    close: async () => {
      const pending = opened;
      opened = undefined;
      if (pending !== undefined) await (await pending).remote.close();
    },
  };
}

/**
 * The links of one run over a given WorkerRemote: the hooks' runtime API and runner, and health checks
 * probing through `remote`. `remote` is closed with the links, or here when the runtime API fails to start.
 */
export async function linkRun(run: RunInfo, remote: WorkerRemote, hookEnv: Readonly<Record<string, string | undefined>>): Promise<RunLinks> {
  let api;
  try {
    api = await startRuntimeApi({ db: run.db, kv: run.kv });
  } catch (e) {
    await remote.close();
    throw e;
  }
  const hookContext: HookRunContext = {
    root: run.root,
    db: run.db,
    kv: run.kv,
    api,
    env: hookEnv,
    onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}`, source: 'hook' }),
    ...(run.signal ? { signal: run.signal } : {}),
  };
  return {
    remote,
    hooks: hookPort(hookContext),
    health: healthPort({ ...hookContext, sshProbe: (ip, command, opts) => remote.probe(ip, command, opts), ...(remote.bastionRoute ? { bastionRoute: remote.bastionRoute } : {}) }, run.emit),
    hookContext,
    close: async () => {
      try {
        await api.close();
      } finally {
        await remote.close();
      }
    },
  };
}
