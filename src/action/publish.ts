// What a finished run leaves behind: outputs (fatal if they cannot be set), then the best-effort side
// effects — annotations, job summary, PR comment — each degrading to a warning, all awaited.
import { errorText, userMessage } from '../errors.ts';
import { renderComment, commentMarker } from '../report/markdown/comment.ts';
import { renderErrorSummary, renderSummary } from '../report/markdown/summary.ts';
import { annotate } from './annotations.ts';
import type { Config } from './config.ts';
import type { ActionEnv } from './env.ts';
import type { OutputName } from './inputs.ts';
import type { ActionLog } from './log.ts';
import { upsertComment } from './pr-comment.ts';
import { deniedByPermissions } from './github-client.ts';
import type { RunOutcome } from './run.ts';

export interface PublishIo {
  log: ActionLog;
  setOutput(name: OutputName, value: string): void;
  /** Appends Markdown to the job summary (core.summary.addRaw(md).write()). */
  writeSummary(markdown: string): Promise<void>;
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
  if (config.comment) await postComment(config, env, out, io.log);
}

async function postComment(config: Config, env: ActionEnv, out: RunOutcome, log: ActionLog): Promise<void> {
  if (config.command !== 'plan') return log.info(`comment: only command plan comments on pull requests (this is command ${config.command})`);
  if (env.pullRequest === undefined) return log.warning(`comment: true, but event ${env.eventName || '(none)'} is not a pull request; no comment posted`);
  if (!config.githubToken) return log.warning('comment: github-token is empty; no comment posted (the plan is in the job summary)');
  const body = renderComment(out.report);
  try {
    const r = await upsertComment(
      { token: config.githubToken, repository: env.repository, issueNumber: env.pullRequest, apiUrl: env.apiUrl },
      commentMarker(config.state.name), body.text,
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
