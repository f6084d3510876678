// One job's health check (spec kv §5.2, deploy §23): every (active worker × probe) pair at once,
// then the job's health_check commands (10 allocations in parallel, health-fast workspace, KV
// writes refused); one attempt, or in wait mode up to `attempts` with `interval` in between.
import { jobCause } from '../deploy/causes.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { activeWorkers, commandsFor } from '../hooks/catalog.ts';
import { runJobCommand } from '../hooks/runner.ts';
import { httpProbe, tcpProbe, tcpProbeOnWorker } from './probes.ts';
import { loadHealthSpec, probePorts, type JobHealthSpec, type ProbeSpec } from './spec.ts';
import { sshProbe } from './ssh-probe.ts';
import {
  HealthCheckError, type HealthAttempt, type HealthContext, type JobHealthResult, type ProbeResult, type SkipReason, type WaitOptions,
} from './types.ts';

export interface JobHealthOptions {
  /** false/absent: one attempt; true: the manifest's `wait` (default 30 × 1 s); an object overrides it. */
  wait?: boolean | WaitOptions;
}

export async function checkJobHealth(ctx: HealthContext, job: string, o: JobHealthOptions = {}): Promise<JobHealthResult> {
  const skip = (reason: SkipReason): JobHealthResult => {
    ctx.onHealth?.({ type: 'skipped', job, reason });
    return { job, status: 'skipped', skipReason: reason, attempts: [] };
  };
  const fail = (attempts: HealthAttempt[], text: string): JobHealthResult => {
    const error = new HealthCheckError(job, jobCause(job, text));
    ctx.onHealth?.({ type: 'failed', job, error: error.message });
    return { job, status: 'failed', attempts, error };
  };
  const workers = activeWorkers(ctx.db, job);
  if (workers.length === 0) return skip('no active allocations');
  let spec: JobHealthSpec;
  let ports: Map<string, number>;
  try {
    spec = loadHealthSpec(ctx.db, job);
    ports = probePorts(ctx.db, job, spec.checks);
  } catch (e) {
    return fail([], (e as Error).message);
  }
  const commands = commandsFor(ctx.db, job, 'health_check');
  if (spec.checks.length === 0 && commands.length === 0) return skip('no health_check config or commands');

  const wait = o.wait === undefined || o.wait === false ? undefined : o.wait === true ? {} : o.wait;
  const total = wait === undefined ? 1 : Math.max(1, wait.attempts ?? spec.attempts);
  const intervalMs = wait?.intervalMs ?? spec.intervalMs;
  const attempts: HealthAttempt[] = [];
  for (let i = 1; i <= total; i++) {
    const a = await attempt(ctx, job, i, workers, spec, ports, commands);
    attempts.push(a);
    if (a.ok) {
      ctx.onHealth?.({ type: 'passed', job });
      return { job, status: 'passed', attempts };
    }
    if (ctx.signal?.aborted) return fail(attempts, `cancelled: ${a.error}`);
    if (i < total) {
      ctx.onHealth?.({ type: 'attempt-failed', job, attempt: i, attempts: total, error: a.error! });
      try {
        await sleep(intervalMs, undefined, { signal: ctx.signal });
      } catch {
        return fail(attempts, `cancelled: ${a.error}`);
      }
    }
  }
  return fail(attempts, attempts.at(-1)!.error!);
}

async function attempt(
  ctx: HealthContext, job: string, n: number, workers: string[], spec: JobHealthSpec, ports: Map<string, number>, commands: string[],
): Promise<HealthAttempt> {
  const probes = await Promise.all(workers.flatMap((ip) => spec.checks.map((c, i) => probe(ctx, job, ip, c, i, spec.timeoutMs, ports))));
  const bad = probes.find((p) => !p.ok);
  if (bad !== undefined) return { attempt: n, ok: false, probes, commands: [], error: bad.error };
  const runs = [];
  for (const command of commands) {
    const r = await runJobCommand(ctx, { job, command, event: 'health_check', workers });
    runs.push(r);
    if (!r.ok) return { attempt: n, ok: false, probes, commands: runs, error: r.error?.message };
  }
  return { attempt: n, ok: true, probes, commands: runs };
}

async function probe(ctx: HealthContext, job: string, ip: string, c: ProbeSpec, index: number, timeoutMs: number, ports: Map<string, number>): Promise<ProbeResult> {
  const started = Date.now();
  let label: string;
  let error: string | undefined;
  const route = ctx.bastionRoute?.behindBastion(ip) === true ? ctx.bastionRoute : undefined;
  if (c.type === 'tcp') {
    label = `tcp ${c.port}`;
    const port = ports.get(c.port)!;
    const runner = ctx.sshProbe;
    error = route !== undefined && runner !== undefined
      ? await tcpProbeOnWorker(ip, port, timeoutMs, (command) => runner(ip, command, { timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) }))
      : await tcpProbe(ip, port, timeoutMs, ctx.signal);
  } else if (c.type === 'http') {
    label = `http ${c.port} ${c.path}`;
    await route?.ready(ip);
    const open = route === undefined ? {} : { open: (host: string, port: number) => route.open(ip, host, port) };
    error = await httpProbe({ ip, port: ports.get(c.port)!, path: c.path, scheme: c.scheme, expectStatus: c.expectStatus, timeoutMs, signal: ctx.signal, ...open });
  } else if (c.type === 'ssh') {
    label = `ssh ${c.command}`;
    error = await sshProbe(ip, c.command, ctx.sshProbe, timeoutMs, ctx.signal);
  } else {
    label = c.type;
    error = `health_check.checks[${index}]: unsupported type "${c.type}"`;
  }
  const result: ProbeResult = { job, worker: ip, index, probe: label, ok: error === undefined, durationMs: Date.now() - started, ...(error === undefined ? {} : { error }) };
  ctx.onHealth?.({ type: 'probe', result });
  return result;
}
