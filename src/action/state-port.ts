// The action's view of the state bundle: restore the newest saved state into the bucket folder, save it
// after the run. Backed by src/state, loaded lazily: the cache and artifact clients are large and a run
// that fails on its inputs should not pay for loading them.
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { ActionEnv } from './env.ts';

export interface Restored {
  generation: number;
  bucketId: string;
  /** Where it came from, for the log (a cache key, an artifact, a branch commit). */
  where: string;
}

export interface StatePort {
  /** Unpacks the newest bundle into `root` (data/maand.db, secrets/); undefined: the backend has none. */
  restore(root: string): Promise<Restored | undefined>;
  /** Packs `root` as the next generation and stores it; refuses to overwrite a newer generation. */
  save(root: string): Promise<{ generation: number; where: string }>;
}

export function createStatePort(config: Config, env: ActionEnv): StatePort {
  const backend = async () => {
    const state = await import('../state/index.ts');
    mkdirSync(env.runnerTemp, { recursive: true });
    const tempDir = mkdtempSync(join(env.runnerTemp, 'maand-state-'));
    chmodSync(tempDir, 0o700);
    const b = state.createBackend(config.state.backend, {
      name: config.state.name, runId: env.runId, runAttempt: env.runAttempt, workflowRunId: env.runId, tempDir, apiUrl: env.apiUrl,
      branch: config.state.branch, gitCwd: env.workspace,
      ...(env.repository ? { repository: env.repository } : {}),
      ...(config.githubToken ? { token: config.githubToken.reveal() } : {}),
    });
    return { state, b };
  };
  const key = (): string | undefined => config.state.key?.reveal();
  return {
    async restore(root) {
      const { state, b } = await backend();
      const r = await state.restoreState({ bucketRoot: root, key: key(), backend: b });
      if (!r.restored) return undefined;
      return { generation: r.generation, bucketId: r.bucketId ?? '', where: r.source ?? config.state.backend };
    },
    async save(root) {
      const { state, b } = await backend();
      const r = await state.saveState({ bucketRoot: root, key: key(), backend: b });
      if (!r.saved) throw new state.StateError('backend', `state not saved: ${r.reason ?? 'unknown reason'}`);
      return { generation: r.generation, where: r.location ?? config.state.backend };
    },
  };
}
