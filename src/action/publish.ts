// What a finished run leaves behind: outputs (fatal if they cannot be set), then the best-effort side
// effects — annotations, job summary, PR comment, drift issue — each degrading to a warning, all awaited.
import { errorText, userMessage } from '../errors.ts';
import { renderComment, commentMarker } from '../report/markdown/comment.ts';
import { renderErrorSummary, renderSummary } from '../report/markdown/summary.ts';
import { annotate } from './annotations.ts';
import type { Config } from './config.ts';
import { runUrl, type ActionEnv } from './env.ts';
import type { OutputName } from './inputs.ts';
import type { ActionLog } from './log.ts';
import { upsertComment } from './pr-comment.ts';
import { deniedByPermissions } from './github-client.ts';
import { driftIssueMarker, syncDriftIssue, type DriftIssueUpdate } from './drift-issue.ts';
import type { RunOutcome } from './run.ts';

export interface PublishIo {
  log: ActionLog;
  setOutput(name: OutputName, value: string): void;
  /** Appends Markdown to the job summary (core.summary.addRaw(md).write()), masked like the log. */
  writeSummary(markdown: string): Promise<void>;
  /** Masks what the log masks, in text sent to GitHub's API (comment, issue); absent: unchanged. */
  redact?: (text: string) => string;
}

export async function publishOutcome(config: Config, env: ActionEnv, out: RunOutcome, io: PublishIo): Promise<void> {
  for (const [name, value] of Object.entries(out.outputs) as Array<[OutputName, string]>) io.setOutput(name, value);
  annotate(io.log, out.report, out.warnings, out.failure !== undefined);
  const summary = renderSummary(out.report);
  try {
    await io.writeSummary(summary.text);
    if (summary.omitted > 0) io.log.info(`job summary: ${summary.omitted} table rows left out to stay under 1 MiB; ${out.resultFile} has all of them`);
  } catch (e) {
    io.log.warning(`could not write the job summary: ${errorText(e)}; the result is in ${out.resultFile}`);
  }
  const redact = io.redact ?? ((t: string): string => t);
  if (config.comment) await postComment(config, env, out, io.log, redact);
  if (config.driftIssue) await keepDriftIssue(config, env, out, io.log, redact);
}

/** The issue body holds the drift report, sized well under GitHub's 65,536-character limit. */
const DRIFT_ISSUE_LIMIT_BYTES = 60_000;

async function keepDriftIssue(config: Config, env: ActionEnv, out: RunOutcome, log: ActionLog, redact: (text: string) => string): Promise<void> {
  if (config.command !== 'drift') return log.info(`drift-issue: only command drift keeps a drift issue (this is command ${config.command})`);
  const found = out.driftedJobs.length > 0;
  // a check that failed or was cancelled proves nothing: the issue stays as it is
  if (!found && (out.cancelled || out.report.verdict === 'failed')) return log.info('drift-issue: the drift check did not finish; the drift issue is left as it is');
  if (!config.githubToken) return log.warning('drift-issue: github-token is empty; the drift issue is not updated (the report is in the job summary)');
  const run = runUrl(env);
  const update: DriftIssueUpdate = found
    ? { drift: true, title: `maand: drift in ${config.state.name}`, body: redact(renderSummary(out.report, { limitBytes: DRIFT_ISSUE_LIMIT_BYTES }).text) }
    : { drift: false, comment: `No drift any more: ${run ? `[this run](${run})` : 'a drift check'} found every job of ${config.state.name} in sync.` };
  try {
    const r = await syncDriftIssue({ token: config.githubToken, repository: env.repository, apiUrl: env.apiUrl }, driftIssueMarker(config.state.name), update);
    log.info(r.action === 'none' ? 'drift issue: no drift and no open drift issue' : `drift issue ${r.action}: ${r.url ?? ''}`);
  } catch (e) {
    const hint = deniedByPermissions(e) ? ' (the workflow needs permissions: issues: write)' : '';
    log.warning(`could not update the drift issue: ${errorText(e)}${hint}; the drift report is in the job summary`);
  }
}

async function postComment(config: Config, env: ActionEnv, out: RunOutcome, log: ActionLog, redact: (text: string) => string): Promise<void> {
  if (config.command !== 'plan') return log.info(`comment: only command plan comments on pull requests (this is command ${config.command})`);
  if (env.pullRequest === undefined) return log.warning(`comment: true, but event ${env.eventName || '(none)'} is not a pull request; no comment posted`);
  if (!config.githubToken) return log.warning('comment: github-token is empty; no comment posted (the plan is in the job summary)');
  const body = renderComment(out.report);
  try {
    const r = await upsertComment(
      { token: config.githubToken, repository: env.repository, issueNumber: env.pullRequest, apiUrl: env.apiUrl },
      commentMarker(config.state.name), redact(body.text),
    );
    log.info(`plan comment ${r.action}: ${r.url}`);
  } catch (e) {
    const hint = deniedByPermissions(e) ? ' (the workflow needs permissions: pull-requests: write)' : '';
    log.warning(`could not post the plan comment: ${errorText(e)}${hint}; the plan is in the job summary`);
  }
}

/** The message for core.setFailed of a run that stopped with an error (bad input, state, build). */
export function failureMessage(e: unknown): string {
  return userMessage(e);
}

export async function publishError(command: string, message: string, io: PublishIo): Promise<void> {
  try {
    await io.writeSummary(renderErrorSummary(command, message));
  } catch (e) {
    io.log.warning(`could not write the job summary: ${errorText(e)}`);
  }
}
