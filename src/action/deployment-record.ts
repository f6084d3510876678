// GitHub deployment records (input environment) of a run that changes workers: deploy, drift: correct.
// One deployment per run, with its in_progress status created before the first worker is touched, then
// success, failure or error (cancelled). Best effort: the first refused call is one warning, no further
// call is made, and the deploy itself goes on unaffected.
import { errorText } from '../errors.ts';
import type { CommandOutcome } from './commands.ts';
import type { Config } from './config.ts';
import { runUrl, type ActionEnv } from './env.ts';
import { deniedByPermissions, repoClient, type RepoTarget } from './github-client.ts';
import type { ActionLog } from './log.ts';

export interface RecordSettings extends RepoTarget {
  environment: string;
  environmentUrl?: string;
  /** The commit deployed: GITHUB_SHA. */
  ref: string;
  /** The workflow run: each status links to it. */
  logUrl?: string;
}

/** What the deployment's payload carries (GitHub keeps it with the deployment, unchangeable). */
export interface RecordPayload {
  bucket_id: string;
  /** The bucket's update_seq when the run started. */
  update_seq: number;
  state_generation: number;
  /** The jobs the run deploys: the jobs input (or every job), or drift: correct's drifted jobs. */
  jobs: string[];
}

export type RecordState = 'success' | 'failure' | 'error';

/** GitHub refuses status descriptions over 140 characters. */
const DESCRIPTION_MAX = 140;

export class DeploymentRecord {
  readonly #s: RecordSettings;
  readonly #log: ActionLog;
  readonly #redact: (text: string) => string;
  #id: number | undefined;
  #refused = false;

  /** `redact` masks what the run masks in its log: a description quoting an error may quote a secret. */
  constructor(settings: RecordSettings, log: ActionLog, redact: (text: string) => string = (t) => t) {
    this.#s = settings;
    this.#log = log;
    this.#redact = redact;
  }

  /** Creates the deployment and its in_progress status (once; later calls do nothing). */
  async start(payload: RecordPayload, description: string): Promise<void> {
    if (this.#id !== undefined || this.#refused) return;
    await this.#attempt(async () => {
      const { octokit, owner, repo } = await repoClient(this.#s);
      const r = await octokit.rest.repos.createDeployment({
        owner, repo, ref: this.#s.ref, task: 'deploy', environment: this.#s.environment, auto_merge: false, required_contexts: [],
        payload: { ...payload }, description: clip(this.#redact(description)),
      });
      if (!('id' in r.data)) throw new Error(`no deployment created: ${r.data.message ?? `HTTP ${r.status}`}`);
      this.#id = r.data.id;
      await this.#status('in_progress', description);
      this.#log.info(`deployment record: deployment ${r.data.id} in environment ${this.#s.environment} is in progress`);
    });
  }

  /** The final status of a started deployment (nothing when none was started). */
  async finish(state: RecordState, description: string): Promise<void> {
    const id = this.#id;
    if (id === undefined) return;
    this.#id = undefined;
    await this.#attempt(async () => {
      await this.#status(state, description, id);
      this.#log.info(`deployment record: deployment ${id} in environment ${this.#s.environment}: ${state} (${clip(this.#redact(description))})`);
    });
  }

  async #status(state: RecordState | 'in_progress', description: string, id = this.#id): Promise<void> {
    const { octokit, owner, repo } = await repoClient(this.#s);
    await octokit.rest.repos.createDeploymentStatus({
      owner, repo, deployment_id: id!, state, description: clip(this.#redact(description)),
      ...(this.#s.logUrl ? { log_url: this.#s.logUrl } : {}), ...(this.#s.environmentUrl ? { environment_url: this.#s.environmentUrl } : {}),
    });
  }

  async #attempt(call: () => Promise<void>): Promise<void> {
    try {
      await call();
    } catch (e) {
      this.#refused = true;
      this.#id = undefined;
      const hint = deniedByPermissions(e) ? ' (the workflow needs permissions: deployments: write)' : '';
      this.#log.warning(`could not record the deployment in environment ${this.#s.environment}: ${errorText(e)}${hint}; the deploy itself is not affected`);
    }
  }
}

/** The record of this run: with input environment, for the commands that change workers; else undefined. */
export function deploymentRecordFor(config: Config, env: ActionEnv, log: ActionLog, redact?: (text: string) => string): DeploymentRecord | undefined {
  if (!config.environment) return undefined;
  if (config.command !== 'deploy' && config.command !== 'rollback' && !(config.command === 'drift' && config.drift === 'correct')) {
    log.info(`deployment record: none for command ${config.command}${config.command === 'drift' ? ' with drift: report' : ''} (only deploy, rollback and drift: correct change workers)`);
    return undefined;
  }
  if (!config.githubToken) {
    log.warning(`environment ${config.environment.name}: github-token is empty; no deployment recorded (the deploy itself is not affected)`);
    return undefined;
  }
  const logUrl = runUrl(env);
  return new DeploymentRecord({
    token: config.githubToken, repository: env.repository, apiUrl: env.apiUrl, environment: config.environment.name, ref: env.sha,
    ...(config.environment.url ? { environmentUrl: config.environment.url } : {}), ...(logUrl ? { logUrl } : {}),
  }, log, redact);
}

/** The final state and description of a finished run: failed jobs named, "no changes" when nothing changed. */
export function recordEnd(out: Pick<CommandOutcome, 'cancelled' | 'failedJobs' | 'changed' | 'result' | 'report'>): { state: RecordState; description: string } {
  if (out.cancelled) return { state: 'error', description: `cancelled: ${out.report.headline}` };
  if (out.failedJobs.length > 0) return { state: 'failure', description: `failed: ${out.failedJobs.join(', ')}` };
  if (out.report.verdict === 'failed') return { state: 'failure', description: out.report.headline };
  if (!out.changed) return { state: 'success', description: 'no changes' };
  const deployed = (out.result.deploy?.jobs ?? []).filter((j) => j.status === 'deployed').map((j) => j.job).sort();
  return { state: 'success', description: deployed.length > 0 ? `deployed ${deployed.join(', ')}` : out.report.headline };
}

function clip(text: string): string {
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}
