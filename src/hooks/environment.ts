// A hook's environment (spec kv §3.4/§3.5, decision Q23): the allowlisted part of the caller's base
// environment (env-allowlist.ts), the event's extras, the versions, then the fixed allocation
// variables and the runtime API address. Every hook child's env is assembled here and only here.
import type { Db } from '../catalog/db.ts';
import { allocationNamespace, type KvStore } from '../kv/index.ts';
import { jobAllocations } from './catalog.ts';
import { allowedHookEnv } from './env-allowlist.ts';

/**
 * ALLOCATION_INDEX: KV `<job>_allocation_index` of the allocation namespace when non-empty, else the
 * worker's 0-based place among the job's non-removed allocations (position, then IP). A removed
 * allocation (reconcile's after_allocation_stopped) gets "" instead of failing (spec kv §8 item 9).
 * undefined: the job has no allocation on that worker.
 */
export function allocationIndex(db: Db, kv: KvStore, job: string, workerIp: string): string | undefined {
  const stored = kv.tryGet(allocationNamespace(job, workerIp), `${job}_allocation_index`);
  if (stored !== undefined && stored !== '') return stored;
  const rows = jobAllocations(db, job);
  const live = rows.filter((a) => !a.removed);
  const i = live.findIndex((a) => a.workerIp === workerIp);
  if (i >= 0) return String(i);
  return rows.some((a) => a.workerIp === workerIp) ? '' : undefined;
}

export interface HookEnvInput {
  base?: Readonly<Record<string, string | undefined>>;
  /** maand.conf `hook_env`: names of `base` the bucket lets hooks see besides the defaults. */
  optIn?: readonly string[];
  extra?: Readonly<Record<string, string>>;
  currentVersion: string;
  newVersion: string;
  allocId: string;
  workerIp: string;
  index: string;
  disabled: boolean;
  job: string;
  event: string;
  command: string;
  /** The runtime API address and this hook's own token. */
  api: { host: string; port: number; token: string };
}

export function hookEnvironment(i: HookEnvInput): Record<string, string> {
  const env = allowedHookEnv(i.base ?? {}, i.optIn);
  // Python block-buffers a pipe; unbuffered output streams hook progress live. A caller's value wins.
  env['PYTHONUNBUFFERED'] ??= '1';
  Object.assign(env, i.extra ?? {});
  env['CURRENT_VERSION'] = i.currentVersion;
  env['NEW_VERSION'] = i.newVersion;
  env['ALLOCATION_ID'] = i.allocId;
  env['ALLOCATION_IP'] = i.workerIp;
  env['ALLOCATION_INDEX'] = i.index;
  env['DISABLED'] = i.disabled ? '1' : '0';
  env['JOB'] = i.job;
  env['EVENT'] = i.event;
  env['COMMAND'] = i.command;
  env['JOB_COMMAND_API_HOST'] = i.api.host;
  env['JOB_COMMAND_API_PORT'] = String(i.api.port);
  env['JOB_COMMAND_API_TOKEN'] = i.api.token;
  return env;
}

/** The batch variables of after_allocation_started / after_allocation_stopped (deploy spec §22.5). */
export function batchEnvironment(b: {
  batch: readonly string[];
  index: number;
  count: number;
  phase: 'new' | 'update' | 'stop';
  rolloutOrder?: readonly string[];
  rolloutOrderSource?: 'kv' | 'default' | '';
}): Record<string, string> {
  return {
    BATCH_ALLOCATIONS: b.batch.join(','),
    BATCH_INDEX: String(b.index),
    BATCH_COUNT: String(b.count),
    DEPLOY_PHASE: b.phase,
    ROLLOUT_ORDER: (b.rolloutOrder ?? []).join(','),
    ROLLOUT_ORDER_SOURCE: b.rolloutOrderSource ?? '',
  };
}
