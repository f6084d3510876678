// post_build hooks (build-and-catalog §11): after the main build committed, run every job's
// post_build commands in deployment-sequence order (jobs and commands sorted by name), each on the
// job's active allocations one at a time. A failure does not stop the loop; at the end, KV written
// by the hooks is persisted only when all of them succeeded.
import { inTransactionAsync, type Db } from '../catalog/db.ts';
import { MaandError } from '../errors.ts';
import { KvStore, loadKvKey, type SecretListener } from '../kv/index.ts';
import { byteCompare } from '../util/go-json.ts';
import { commandsFor } from './catalog.ts';
import { runJobCommand } from './runner.ts';
import { startRuntimeApi } from './runtime-api.ts';
import type { CommandRunResult, HookRunContext } from './types.ts';

export interface PostBuildOptions extends Omit<HookRunContext, 'db' | 'kv' | 'api'> {
  db: Db;
  /** Unix seconds stamped on persisted KV rows. Default now. */
  now?: number;
  /** Told every secret value the hooks write or read through the runtime API. */
  onSecret?: SecretListener;
}

export interface PostBuildResult {
  ok: boolean;
  /** Every command run, in run order. */
  runs: CommandRunResult[];
  /** `post_build: job <job> command <cmd> failed: …` per failed command. */
  failures: string[];
  /** KV rows persisted (0 on failure). */
  kvChanges: number;
  /** All failures joined by newlines; the build reports it and exits non-zero. */
  error?: MaandError;
}

/** Setup problems (catalog, KV load, the API) throw; hook failures come back in the result. */
export async function runPostBuild(o: PostBuildOptions): Promise<PostBuildResult> {
  const { db } = o;
  const plan = postBuildPlan(db);
  if (plan.length === 0) return { ok: true, runs: [], failures: [], kvChanges: 0 };
  const runs: CommandRunResult[] = [];
  const failures: string[] = [];
  let kvChanges = 0;
  // One transaction over every hook: KV written by post_build is kept only when all of them succeeded.
  await inTransactionAsync(db, async () => {
    const kv = KvStore.load(db, { key: () => loadKvKey(o.root), ...(o.onSecret ? { onSecret: o.onSecret } : {}) });
    const api = await startRuntimeApi({ db, kv });
    try {
      const ctx: HookRunContext = { ...o, db, kv, api };
      for (const { job, command } of plan) {
        if (o.signal?.aborted) {
          failures.push(`post_build: job ${job} command ${command}: cancelled before it started`);
          continue;
        }
        const r = await runJobCommand(ctx, { job, command, event: 'post_build', concurrency: 1 });
        runs.push(r);
        if (!r.ok) failures.push(`post_build: ${r.error?.message ?? `job ${job} command ${command} failed`}`);
      }
    } finally {
      await api.close();
    }
    if (failures.length === 0) kvChanges = kv.persist(db, o.now);
    return failures.length === 0;
  }, (ok) => ok);
  if (failures.length === 0) return { ok: true, runs, failures, kvChanges };
  const error = new MaandError('post_build', failures.join('\n'));
  error.message = failures.join('\n');
  return { ok: false, runs, failures, kvChanges: 0, error };
}

/** (job, command) pairs in run order: seq 0..max, jobs with a non-removed allocation at that seq, names sorted. */
export function postBuildPlan(db: Db): Array<{ seq: number; job: string; command: string }> {
  const max = (db.prepare('SELECT MAX(deployment_seq) AS m FROM allocations').get() as { m: number | null }).m ?? 0;
  const jobsAt = db.prepare('SELECT DISTINCT a.job AS job FROM allocations a JOIN job j ON j.name = a.job WHERE a.removed = 0 AND a.deployment_seq = ?');
  const out: Array<{ seq: number; job: string; command: string }> = [];
  for (let seq = 0; seq <= max; seq++) {
    const jobs = (jobsAt.all(seq) as Array<{ job: string }>).map((r) => r.job).sort(byteCompare);
    for (const job of jobs) for (const command of commandsFor(db, job, 'post_build')) out.push({ seq, job, command });
  }
  return out;
}
