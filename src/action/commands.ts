// The five commands over the one engine. Each returns the report model, the raw result (for the JSON
// file of the `plan` output) and the facts the outputs need; none of them prints or touches @actions/core.
import { formatHookLine } from '../report/console.ts';
import { build, type BuildResult } from '../build/index.ts';
import { connectRun, connectShared } from '../deploy/connect.ts';
import { detectDrift, type DriftResult } from '../drift/detect.ts';
import { deploy } from '../deploy/engine.ts';
import { changed, type DeployResult } from '../deploy/result.ts';
import { rollback, type RollbackResult } from '../rollback/index.ts';
import { fromBuild, fromDeploy, fromDrift, fromPlan, fromRollback, type ReportMeta } from '../report/markdown/from-results.ts';
import type { Report } from '../report/markdown/model.ts';
import type { Config } from './config.ts';
import type { ActionEnv } from './env.ts';
import type { EventLog } from './log.ts';
import type { SshAccess } from '../deploy/openssh-remote.ts';
import type { RunOrigin } from '../history/store.ts';

export interface CommandOutcome {
  report: Report;
  result: { deploy?: DeployResult; drift?: DriftResult; build?: BuildResult; rollback?: RollbackResult };
  changed: boolean;
  failedJobs: string[];
  updateSeq: number;
  driftedJobs: string[];
  cancelled: boolean;
}

export interface CommandContext {
  config: Config;
  env: ActionEnv;
  events: EventLog;
  signal: AbortSignal;
  meta: ReportMeta;
  /** The SSH access of deploy, rollback and drift (written by prepareSsh). */
  ssh?: SshAccess;
  /** Masks a secret value the engine created or decrypted, before anything can print it. */
  onSecret: (value: string) => void;
  /** Awaited after the catalog is built and before any worker changes, with the jobs about to be deployed ([]: all). */
  beforeChange?: (jobs: readonly string[]) => Promise<void>;
}

/** build (workspace → catalog), with post_build hook output in its own log group. */
export async function buildCatalog(c: CommandContext): Promise<BuildResult> {
  c.events.group('build: workspace → catalog');
  try {
    return await build({
      root: c.config.bucket, env: c.env.processEnv, signal: c.signal, onSecret: c.onSecret,
      onHookOutput: (l) => c.events.log.info(formatHookLine(l)),
      onEvent: (e) => (e.type === 'warning' ? c.events.onEvent({ type: 'warning', message: e.message }) : e.type === 'step' ? c.events.log.info(`build: ${e.step}`) : undefined),
    });
  } finally {
    c.events.end();
  }
}

function deployOutcome(r: DeployResult, report: Report): CommandOutcome {
  return { report, result: { deploy: r }, changed: changed(r), failedJobs: [...r.failedJobs].sort(), updateSeq: r.updateSeq, driftedJobs: [], cancelled: r.cancelled };
}

function connectOptions(c: CommandContext): Parameters<typeof connectRun>[0] {
  return { ssh: c.ssh ?? { hostKeyPolicy: 'strict', knownHostsFile: '/dev/null', keyFile: '/dev/null' }, hookEnv: c.env.processEnv };
}

function connect(c: CommandContext): ReturnType<typeof connectRun> {
  return connectRun(connectOptions(c));
}

/** The deploy history's trigger (actor and run URL) and commit (GITHUB_SHA) of this workflow run. */
export function actionOrigin(c: CommandContext): RunOrigin {
  return { trigger: [c.env.actor, c.meta.runUrl ?? ''].filter((x) => x !== '').join(' '), ...(c.env.sha ? { commit: c.env.sha } : {}) };
}

export async function runDeploy(c: CommandContext): Promise<CommandOutcome> {
  await buildCatalog(c);
  await c.beforeChange?.(c.config.jobs);
  const r = await deploy({ root: c.config.bucket, jobs: c.config.jobs, force: c.config.force, syncOnly: c.config.syncOnly, signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connect(c), origin: actionOrigin(c) });
  c.events.end();
  return deployOutcome(r, fromDeploy(r, c.meta));
}

/**
 * Back to retained releases, from the restored catalog as it is: no build, so the pin holds what the last
 * deploy rolled out, not whatever the checkout renders now.
 */
export async function runRollback(c: CommandContext): Promise<CommandOutcome> {
  await c.beforeChange?.(c.config.jobs);
  const r = await rollback({
    root: c.config.bucket, jobs: c.config.jobs, ...(c.config.to !== undefined ? { to: c.config.to } : {}),
    signal: c.signal, onEvent: c.events.onEvent, connect: connect(c), origin: actionOrigin(c),
  });
  c.events.end();
  return { ...deployOutcome(r, fromRollback(r, c.meta)), result: { rollback: r } };
}

/** A dry run against the restored state with no SSH credentials at all (pre_deploy hooks still run, Q1). */
export async function runPlan(c: CommandContext): Promise<CommandOutcome> {
  await buildCatalog(c);
  const r = await deploy({ root: c.config.bucket, jobs: c.config.jobs, force: c.config.force, syncOnly: c.config.syncOnly, dryRun: true, signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connect(c) });
  c.events.end();
  const report = fromPlan(r, c.meta);
  return { ...deployOutcome(r, report), changed: r.plans.some((p) => p.needsRollout) || r.reconcile.length > 0 };
}

export async function runBuild(c: CommandContext, at: { bucketId: string; updateSeq: number }): Promise<CommandOutcome> {
  const t0 = Date.now();
  const b = await buildCatalog(c);
  const changedCatalog = b.kvChanges > 0 || b.certsGenerated > 0 || b.removedJobs.length > 0 || b.removedWorkers.length > 0;
  const report = fromBuild(b, { ...c.meta, ...at, durationMs: Date.now() - t0 });
  return { report, result: { build: b }, changed: changedCatalog, failedJobs: [], updateSeq: at.updateSeq, driftedJobs: [], cancelled: false };
}

/** Workers vs catalog; with drift: correct, exactly the drifted jobs are redeployed. */
export async function runDrift(c: CommandContext, at: { bucketId: string; updateSeq: number }): Promise<CommandOutcome> {
  const t0 = Date.now();
  // detection and correction share their ssh connections: one bastion login for the whole step
  const shared = connectShared(connectOptions(c));
  try {
    return await driftWith(c, at, t0, shared.connect);
  } finally {
    await shared.close();
  }
}

async function driftWith(c: CommandContext, at: { bucketId: string; updateSeq: number }, t0: number, connectOnce: ReturnType<typeof connectRun>): Promise<CommandOutcome> {
  c.events.group('drift: compare workers with the catalog');
  const d = await detectDrift({ root: c.config.bucket, jobs: c.config.jobs, markForCorrection: c.config.drift === 'correct', signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connectOnce });
  for (const j of d.jobs) {
    for (const a of j.allocations) c.events.log.info(`  ${j.job}@${a.workerIp}: ${a.status}${a.files.length > 0 ? ` (${a.files.join(', ')})` : a.detail ? ` (${a.detail})` : ''}`);
    if (!j.health.ok) c.events.log.info(`  ${j.job}: health check failed: ${j.health.error ?? 'unknown error'}`);
  }
  c.events.end();
  let correction: DeployResult | undefined;
  if (c.config.drift === 'correct' && d.driftedJobs.length > 0 && !c.signal.aborted) {
    c.events.log.info(`drift: correct: redeploying ${d.driftedJobs.join(', ')}`);
    await c.beforeChange?.(d.driftedJobs);
    correction = await deploy({ root: c.config.bucket, jobs: [...d.driftedJobs], signal: c.signal, onEvent: c.events.onEvent, onSecret: c.onSecret, connect: connectOnce, origin: actionOrigin(c), historyCommand: 'drift correct' });
    c.events.end();
  }
  const report = fromDrift(d, correction, { ...c.meta, ...at, durationMs: Date.now() - t0 });
  return {
    report, result: { drift: d, ...(correction ? { deploy: correction } : {}) }, changed: correction ? changed(correction) : false,
    failedJobs: [...(correction?.failedJobs ?? [])].sort(), updateSeq: correction?.updateSeq ?? at.updateSeq, driftedJobs: [...d.driftedJobs].sort(), cancelled: correction?.cancelled ?? c.signal.aborted,
  };
}
