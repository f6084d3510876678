// One run of the action after its inputs were parsed: check the bucket, restore (or initialise) the
// state, register what the post step must save and clean, run the command, write the result file.
// Never calls core.setFailed: the outcome says what failed and main.ts reports it.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MaandError } from '../errors.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { openDb } from '../catalog/db.ts';
import { bucketRow, catalogJobs } from '../catalog/queries.ts';
import { initBucket } from '../init/index.ts';
import { runBuild, runDeploy, runDrift, runPlan, runRollback, type CommandContext, type CommandOutcome } from './commands.ts';
import type { Config } from './config.ts';
import { runUrl, type ActionEnv } from './env.ts';
import type { DeploymentRecord } from './deployment-record.ts';
import { SAVED, type OutputName } from './inputs.ts';
import { EventLog, type ActionLog } from './log.ts';
import { removeSecretsPlanDoesNotNeed, secretsPlanDoesNotNeed } from './checkout-state.ts';
import { maskBucketSecrets, secretMasker } from './mask.ts';
import { prepareSsh, removeSshDir } from './ssh.ts';
import type { StatePort } from './state-port.ts';

export interface RunIo {
  log: ActionLog;
  signal: AbortSignal;
  /** core.saveState: read by the post step. */
  saveState(name: string, value: string): void;
  setSecret(value: string): void;
  state: StatePort;
  /** The GitHub deployment record of this run (input environment), started before workers change. */
  deployment?: DeploymentRecord;
}

export interface RunOutcome extends CommandOutcome {
  outputs: Record<OutputName, string>;
  resultFile: string;
  warnings: string[];
  /** The message for core.setFailed; undefined when the run succeeded. */
  failure?: string;
}

/** Commands whose catalog changes must be saved for the next run. */
export function savesState(config: Config): boolean {
  if (config.state.backend === 'none') return false;
  return config.command === 'deploy' || config.command === 'build' || config.command === 'rollback' || (config.command === 'drift' && config.drift === 'correct');
}

export function checkBucket(config: Config, env: ActionEnv): void {
  const shown = relative(env.workspace, config.bucket) || '.';
  if (!existsSync(config.bucket) || !statSync(config.bucket).isDirectory()) {
    throw new MaandError('invalid argument', `input bucket: ${shown} does not exist in the checkout; run actions/checkout first and set bucket: to the folder with maand.conf and workspace/`);
  }
  if (!existsSync(bucketPaths(config.bucket).workspace)) {
    throw new MaandError('invalid argument', `input bucket: ${shown} is not a maand bucket (no workspace/ folder); set bucket: to the folder with maand.conf and workspace/`);
  }
}

export async function runAction(config: Config, env: ActionEnv, io: RunIo): Promise<RunOutcome> {
  checkBucket(config, env);
  const events = new EventLog(io.log);
  const { generation, notes, wrote } = await restoreOrInit(config, io);
  const at = readBucket(config.bucket);
  // one masker for the restored secrets and those the run creates or decrypts: each is registered once
  const mask = secretMasker(io.setSecret);
  maskBucketSecrets(config.bucket, mask);
  if (config.command === 'plan') keepSshKeyFromPlan(config.bucket, wrote, io.log, events);
  if (savesState(config)) {
    io.saveState(SAVED.bucketId, at.bucketId);
    io.saveState(SAVED.saveRoot, config.bucket);
    io.saveState(SAVED.cleanRoot, config.bucket); // once saved, the backend holds it
  }
  const link = runUrl(env);
  const ctx: CommandContext = { config, env, events, signal: io.signal, onSecret: (v) => void mask(v), meta: { bucketName: config.state.name, generation, notes, ...(link ? { runUrl: link } : {}) } };
  const record = io.deployment;
  if (record) {
    ctx.beforeChange = (jobs) => record.start(
      { bucket_id: at.bucketId, update_seq: at.updateSeq, state_generation: generation, jobs: jobs.length > 0 ? [...jobs].sort() : catalogJobsOf(config.bucket) },
      `maand ${config.command} of ${config.state.name}`,
    );
  }
  let out: CommandOutcome;
  let sshDir = '';
  try {
    if (config.command === 'deploy' || config.command === 'drift' || config.command === 'rollback') {
      const ssh = prepareSsh(config, env.runnerTemp);
      sshDir = ssh.dir;
      io.saveState(SAVED.sshDir, ssh.dir);
      ctx.ssh = ssh.access;
    }
    out =
      config.command === 'deploy' ? await runDeploy(ctx)
      : config.command === 'plan' ? await runPlan(ctx)
      : config.command === 'drift' ? await runDrift(ctx, at)
      : config.command === 'rollback' ? await runRollback(ctx)
      : await runBuild(ctx, at);
  } finally {
    events.end();
    removeSshDir(sshDir);
  }
  const resultFile = join(env.runnerTemp, `maand-${config.state.name}-${config.command}.json`);
  mkdirSync(env.runnerTemp, { recursive: true });
  // a plan's file is the plan document (docs/plan.md), the same `maand deploy --dry-run --json` prints
  const document = out.report.plan ?? { command: config.command, report: out.report, result: out.result };
  writeFileSync(resultFile, `${JSON.stringify(document, null, 2)}\n`);
  const outputs: Record<OutputName, string> = {
    changed: String(out.changed), plan: resultFile, 'failed-jobs': out.failedJobs.join(','), 'update-seq': String(out.updateSeq),
    'drift-detected': String(out.driftedJobs.length > 0), 'drifted-jobs': out.driftedJobs.join(','), 'state-generation': String(generation),
  };
  const failure = failureOf(config, out);
  return { ...out, outputs, resultFile, warnings: events.warnings, ...(failure ? { failure } : {}) };
}

/**
 * Pull request code runs in a plan (pre_deploy hooks): it must find no SSH key in the bucket. What this
 * run restored goes; files the bucket folder held before (state-backend none, a self-hosted runner) are
 * the user's: a warning says they are readable.
 */
function keepSshKeyFromPlan(root: string, wrote: boolean, log: ActionLog, events: EventLog): void {
  if (wrote) {
    const removed = removeSecretsPlanDoesNotNeed(root);
    if (removed.length > 0) log.info(`plan: removed ${removed.join(', ')} of the restored state: a plan runs pull request code and has no SSH key`);
    return;
  }
  const held = secretsPlanDoesNotNeed(root);
  if (held.length > 0) {
    events.warnings.push(
      `${held.join(', ')} in the bucket folder can be read by this plan's pre_deploy hooks (pull request code); keep the SSH key out of the bucket folder and pass it as ssh-private-key to deploy and drift`,
    );
  }
}

function failureOf(config: Config, out: CommandOutcome): string | undefined {
  const r = out.report;
  if (out.cancelled) return `maand ${config.command} cancelled: ${r.headline}${savesState(config) ? '; the post step saves the checkpointed state' : ''}`;
  if (r.verdict !== 'failed') return undefined;
  const first = r.failures[0];
  return `maand ${config.command}: ${r.headline}${first ? `: ${first.reason}` : ''}${r.failures.length > 1 ? ` (and ${r.failures.length - 1} more; see the job summary)` : ''}`;
}

/** Restores the newest saved state; with none, a new bucket (first run), except for drift, which needs one. */
async function restoreOrInit(config: Config, io: RunIo): Promise<{ generation: number; notes: string[]; wrote: boolean }> {
  const paths = bucketPaths(config.bucket);
  const notes: string[] = [];
  let generation = 0;
  let wrote = false;
  if (config.state.backend === 'none') {
    io.log.info(`state-backend none: using ${existsSync(paths.db) ? 'the catalog already in the bucket folder' : 'a new bucket (nothing is restored or saved)'}`);
    if (!existsSync(paths.db)) notes.push('First run: no catalog in the bucket folder, so a new bucket was initialised there (state-backend none: nothing is restored or saved).');
  } else {
    const restored = await io.state.restore(config.bucket);
    if (restored) {
      generation = restored.generation;
      io.log.info(`state: restored generation ${generation} of bucket ${restored.bucketId} from the ${config.state.backend} backend (${restored.where})`);
    } else if (config.command === 'drift') {
      throw new MaandError('invalid argument', `command drift: no saved state named ${config.state.name} in the ${config.state.backend} backend, so there is nothing deployed to compare; run command deploy first (or check state-name and state-backend)`);
    } else {
      const what = config.command === 'plan' ? 'the plan is made against a new, empty bucket (nothing deployed yet)' : 'a new bucket is initialised (new bucket id, CA and KV key) and saved after this run';
      io.log.info(`state: no saved state named ${config.state.name} in the ${config.state.backend} backend: first run, ${what}`);
      notes.push(`First run: no saved state named ${config.state.name} in the ${config.state.backend} backend, so ${what}.`);
    }
    // What this run writes (the restored state, or a new bucket) the post step removes, whatever happens
    // next; a catalog the bucket folder already held when nothing was restored is not this run's to remove.
    wrote = restored !== undefined || !existsSync(paths.db);
    if (wrote) io.saveState(SAVED.cleanRoot, config.bucket);
  }
  const init = await initBucket({ root: config.bucket });
  if (init.created) io.log.info(`init: new bucket ${init.bucketId}`);
  for (const note of init.notes) io.log.info(`init: ${note}`);
  return { generation, notes, wrote };
}

function readBucket(root: string): { bucketId: string; updateSeq: number } {
  return withCatalog(root, (db) => {
    const row = bucketRow(db);
    return { bucketId: row.bucket_id, updateSeq: row.update_seq };
  });
}

function catalogJobsOf(root: string): string[] {
  return withCatalog(root, (db) => [...catalogJobs(db)].sort());
}

function withCatalog<T>(root: string, read: (db: ReturnType<typeof openDb>) => T): T {
  const db = openDb(bucketPaths(root).db);
  try {
    return read(db);
  } finally {
    db.close();
  }
}
