// Wires one deploy run to the outside: OpenSSH for workers, the hooks runtime API and runner, health checks.
import type { MaandConf } from '../bucket/maand-conf.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { startRuntimeApi } from '../hooks/runtime-api.ts';
import type { HookRunContext } from '../hooks/types.ts';
import type { DeployOptions } from './engine.ts';
import { remoteSshRunner } from '../health/index.ts';
import { healthPort } from './health-port.ts';
import { hookPort } from './hook-port.ts';
import { openSshRemote, type SshAccess } from './openssh-remote.ts';

export interface ConnectOptions {
  ssh: SshAccess;
  /** Base environment of hooks (the entry layer passes process.env). */
  hookEnv?: Readonly<Record<string, string | undefined>>;
}

export function connectRun(o: ConnectOptions): DeployOptions['connect'] {
  return async (run) => {
    const paths = bucketPaths(run.root);
    const { remote, executor, hookEnv } = await openSshRemote(paths, run.conf as MaandConf, o.ssh);
    const api = await startRuntimeApi({ db: run.db, kv: run.kv });
    const ctx: HookRunContext = {
      root: run.root,
      db: run.db,
      kv: run.kv,
      api,
      // hooks' maand.run_ssh uses the run's ssh options and ControlMasters (already host-key checked)
      env: { ...(o.hookEnv ?? {}), ...hookEnv },
      onOutput: (l) => run.emit({ type: 'output', job: l.job, worker: l.worker, stream: l.stream, text: `[${l.event} ${l.command}] ${l.text}` }),
      ...(run.signal ? { signal: run.signal } : {}),
    };
    return {
      remote,
      hooks: hookPort(ctx),
      // ssh probes share the deploy's ControlMasters instead of opening a connection per probe
      health: healthPort(ctx, run.conf, o.ssh, run.emit, remoteSshRunner(executor)),
      close: async () => {
        await api.close();
        await remote.close();
      },
    };
  };
}
