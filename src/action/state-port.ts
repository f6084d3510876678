// The action's view of the state bundle: restore the newest saved state into the bucket folder, save it
// after the run. Backed by src/state (loaded lazily: the cache and artifact clients are large).
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
  /** Packs `root` as generation `restored + 1` and stores it; refuses to overwrite a newer generation. */
  save(root: string, restored: { generation: number; bucketId: string }): Promise<{ generation: number; where: string }>;
}

export function createStatePort(config: Config, env: ActionEnv): StatePort {
  void config;
  void env;
  const missing = (): never => {
    throw new Error('state port: not wired yet');
  };
  return { restore: async () => missing(), save: async () => missing() };
}
