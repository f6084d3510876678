// Runs one job command for one event on a list of allocations (spec kv §3.4–§3.7, deploy §22.1).
// Setup (registration, script, interpreter, every workspace) is checked before any hook starts;
// then hooks run with bounded concurrency and all of them finish (no fail-fast).
//
// KV: no change from a failed run is kept. A KvStore snapshot is taken before the run and restored
// when any allocation failed, which reverts every write made while the run was in flight — also
// those of its allocations that succeeded, and those of any other writer of the same store in
// that window. Callers therefore never write the store concurrently with a hook run they want
// reverted independently. health_check runs take no snapshot (the API refuses their writes), so
// parallel health checks of several jobs never end each other's snapshots.
import { bucketPaths } from '../bucket/paths.ts';
import { readMaandConf } from '../bucket/maand-conf.ts';
import { runLimited } from '../util/pool.ts';
import { byCause } from '../deploy/causes.ts';
import { activeWorkers, allocationVersions, commandTimeoutSeconds, isRegistered, jobAllocations } from './catalog.ts';
import { runChild } from './child.ts';
import { allocationIndex, hookEnvironment } from './environment.ts';
import { JobCommandError, notRegistered } from './errors.ts';
import { DEFAULT_TAIL_BYTES, OutputTail } from './output.ts';
import { resolveHookScript, type HookScript } from './script.ts';
import type { AllocationRunResult, CommandRunResult, HookEvent, HookRunContext } from './types.ts';
import { prepareHookWorkspace } from './workspace.ts';

export interface RunCommandOptions {
  job: string;
  command: string;
  event: HookEvent;
  /** Worker IPs, run in this order (duplicates dropped). Default: the job's active allocations. */
  workers?: readonly string[];
  /** Hooks in flight at once. Default per event (`defaultConcurrency`). */
  concurrency?: number;
  /** Event extras (batch variables, NEW_ALLOCATIONS, TARGET, …); the fixed variables win. */
  extraEnv?: Readonly<Record<string, string>>;
  /** Per-hook timeout. Default: `commands.<name>.timeout_seconds` of manifest.json, else none. */
  timeoutMs?: number;
  /** Default `health-fast` for health_check, else `full`. */
  workspace?: 'full' | 'health-fast';
  /** Default true. */
  revertKvOnFailure?: boolean;
}

/** Parallelism per event (spec kv §3.6); `rows` = the job's allocation rows (job_control). */
export function defaultConcurrency(event: HookEvent, workers: number, rows: number): number {
  if (event === 'health_check') return 10;
  if (event === 'job_control') return Math.max(1, rows);
  if (event === 'after_allocation_started') return Math.max(1, workers);
  return 1;
}

export async function runJobCommand(ctx: HookRunContext, o: RunCommandOptions): Promise<CommandRunResult> {
  const { job, command, event } = o;
  const base = { job, command, event };
  const fail = (error: Error): CommandRunResult => done(ctx, { ...base, ok: false, allocations: [], error, kvReverted: false });
  if (!isRegistered(ctx.db, job, command, event)) return fail(notRegistered(job, command, event));
  const workers = [...new Set(o.workers ?? activeWorkers(ctx.db, job))];
  ctx.onProgress?.({ type: 'command-start', job, command, event, workers });
  if (workers.length === 0) return done(ctx, { ...base, ok: true, allocations: [], kvReverted: false });

  const rows = jobAllocations(ctx.db, job);
  // read per run, not taken from callers, so no caller can forget the bucket's opt-ins
  const optIn = readMaandConf(bucketPaths(ctx.root).maandConf).hook_env;
  let script: HookScript;
  const modules = new Map<string, string>();
  try {
    script = resolveHookScript({ root: ctx.root, db: ctx.db, job, command, event, runtimes: ctx.runtimes, env: ctx.env });
    for (const ip of workers) {
      if (!rows.some((r) => r.workerIp === ip)) continue; // reported per worker below
      const variant = o.workspace ?? (event === 'health_check' ? 'health-fast' : 'full');
      modules.set(ip, prepareHookWorkspace({ root: ctx.root, db: ctx.db, kv: ctx.kv, job, workerIp: ip, variant, command, event }));
    }
  } catch (e) {
    if (e instanceof JobCommandError) return fail(e);
    throw e;
  }

  const secs = commandTimeoutSeconds(ctx.db, job, command);
  const timeoutMs = o.timeoutMs ?? (secs === undefined ? undefined : secs * 1000);
  const concurrency = Math.max(1, o.concurrency ?? defaultConcurrency(event, workers.length, rows.length));
  const revert = (o.revertKvOnFailure ?? true) && event !== 'health_check';
  const snap = revert ? ctx.kv.snapshot() : undefined;
  const results = await runLimited(
    workers.map((ip) => () => runOne(ctx, o, optIn, script, ip, modules.get(ip), rows.find((r) => r.workerIp === ip), timeoutMs)),
    concurrency,
  );
  const failed = results.filter((r) => !r.ok);
  let kvReverted = false;
  if (snap !== undefined) {
    if (failed.length > 0) kvReverted = ctx.kv.restore(snap);
    else ctx.kv.release(snap);
  }
  if (failed.length === 0) return done(ctx, { ...base, ok: true, allocations: results, kvReverted });
  const kind = ctx.signal?.aborted ? 'cancelled' : 'failed';
  // one cause, said once with the workers it hit
  const causes = byCause(failed.map((r) => ({ worker: r.worker, error: r.worker === '' ? (r.error ?? 'failed') : `worker ${r.worker}: ${r.error ?? 'failed'}` })));
  const text = `job ${job} command ${command} failed: ${causes.join('; ')} (event ${event})`;
  return done(ctx, { ...base, ok: false, allocations: results, error: new JobCommandError(kind, base, text), kvReverted });
}

function done(ctx: HookRunContext, result: CommandRunResult): CommandRunResult {
  ctx.onProgress?.({ type: 'command-end', result });
  return result;
}

async function runOne(
  ctx: HookRunContext,
  o: RunCommandOptions,
  optIn: readonly string[],
  script: HookScript,
  ip: string,
  modulesDir: string | undefined,
  row: { allocId: string; disabled: boolean } | undefined,
  timeoutMs: number | undefined,
): Promise<AllocationRunResult> {
  const { job, command, event } = o;
  const started = Date.now();
  const tail = new OutputTail(ctx.outputTailBytes ?? DEFAULT_TAIL_BYTES);
  const result = (r: Partial<AllocationRunResult> & { ok: boolean }): AllocationRunResult => {
    const out: AllocationRunResult = {
      job, command, event, worker: ip, allocId: row?.allocId ?? '', exitCode: null, timedOut: false,
      durationMs: Date.now() - started, outputTail: tail.text(), ...r,
    };
    ctx.onProgress?.({ type: 'allocation-end', result: out });
    return out;
  };
  const index = row === undefined ? undefined : allocationIndex(ctx.db, ctx.kv, job, ip);
  if (row === undefined || modulesDir === undefined || index === undefined)
    return result({ ok: false, error: `allocation index not found for job ${job} on worker ${ip}` });
  if (ctx.signal?.aborted) return result({ ok: false, error: 'cancelled before it started' });

  const versions = allocationVersions(ctx.db, job, row.allocId);
  const line = (stream: 'stdout' | 'stderr', text: string): void => {
    tail.add(text);
    ctx.onOutput?.({ job, worker: ip, event, command, stream, text });
  };
  // this child's own API token: valid for its allocation and event only, revoked when it ends
  const session = ctx.api.openHook({ allocId: row.allocId, event, command }, (refusal) => line('stderr', `maand: the runtime API refused ${refusal}`));
  const env = hookEnvironment({
    base: ctx.env, optIn, extra: o.extraEnv, currentVersion: versions.current, newVersion: versions.next, allocId: row.allocId,
    workerIp: ip, index, disabled: row.disabled, job, event, command, api: { host: ctx.api.host, port: ctx.api.port, token: session.token },
  });
  ctx.onProgress?.({ type: 'allocation-start', job, command, event, worker: ip, script: script.file });
  let outcome;
  try {
    outcome = await runChild({ program: script.program, args: script.args, cwd: modulesDir, env, timeoutMs, signal: ctx.signal, onLine: line });
  } finally {
    session.close();
  }
  ctx.api.releaseHolds?.(row.allocId, event);
  const refused = ctx.api.takeRejections?.(row.allocId) ?? [];
  const ok = outcome.spawnError === undefined && outcome.exitCode === 0 && !outcome.timedOut && !outcome.cancelled;
  if (ok) return result({ ok, exitCode: 0 });
  let error: string;
  if (outcome.spawnError !== undefined) error = `unexpected error: ${outcome.spawnError}`;
  else if (outcome.timedOut)
    error = `command timed out after ${formatSeconds(timeoutMs ?? 0)} and was stopped (exit -1); raise commands.${command}.timeout_seconds in manifest.json if it needs longer`;
  else if (outcome.cancelled) error = 'cancelled (exit -1)';
  else error = `command execution failed (exit ${outcome.exitCode})`;
  if (refused.length > 0) error += `; the runtime API refused: ${refused.slice(0, 3).join('; ')}`;
  return result({ ok: false, exitCode: outcome.spawnError === undefined ? outcome.exitCode : null, timedOut: outcome.timedOut, error });
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}
