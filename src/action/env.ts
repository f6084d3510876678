// The runner's environment as one typed value: read once in main.ts/post.ts, passed everywhere else.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { MaandError } from '../errors.ts';

export interface ActionEnv {
  /** GITHUB_WORKSPACE (the checkout); relative bucket paths start here. */
  workspace: string;
  /** RUNNER_TEMP: private files (SSH key, result JSON, bundles) go below it. */
  runnerTemp: string;
  eventName: string;
  /** The pull request number of a pull_request(_target) event. */
  pullRequest: number | undefined;
  /** owner/name */
  repository: string;
  runId: string;
  runAttempt: string;
  sha: string;
  /** GITHUB_ACTOR: who started the workflow (the deploy history's trigger). */
  actor: string;
  serverUrl: string;
  apiUrl: string;
  /** Base environment of build and deploy hooks. */
  processEnv: Readonly<Record<string, string | undefined>>;
}

export function readActionEnv(env: Readonly<Record<string, string | undefined>>, cwd: string): ActionEnv {
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  return {
    workspace: env['GITHUB_WORKSPACE'] || cwd,
    runnerTemp: env['RUNNER_TEMP'] || tmpdir(),
    eventName,
    pullRequest: eventName.startsWith('pull_request') ? pullRequestNumber(env['GITHUB_EVENT_PATH']) : undefined,
    repository: env['GITHUB_REPOSITORY'] ?? '',
    runId: env['GITHUB_RUN_ID'] || '0',
    runAttempt: env['GITHUB_RUN_ATTEMPT'] || '1',
    sha: env['GITHUB_SHA'] ?? '',
    actor: env['GITHUB_ACTOR'] ?? '',
    serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    processEnv: env,
  };
}

function pullRequestNumber(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (e) {
    throw new MaandError('invalid argument', `GITHUB_EVENT_PATH ${eventPath}: ${(e as Error).message}`);
  }
  const n = (payload as { pull_request?: { number?: unknown }; number?: unknown }).pull_request?.number ?? (payload as { number?: unknown }).number;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

/** The link to this workflow run (undefined outside a repository, e.g. a local run). */
export function runUrl(env: ActionEnv): string | undefined {
  return env.repository ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}` : undefined;
}
