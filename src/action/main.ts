// The action's main step: inputs → Config → run → outputs, summary, comment. The only place (with
// post.ts) that calls core.setFailed or exits; everything heavy loads after the first log line.
import * as core from '@actions/core';
import { readConfig, type Config } from './config.ts';
import { readActionEnv } from './env.ts';
import { banner, registerSecrets } from './banner.ts';
import { stopOnSignals } from '../entry/signals.ts';
import { installLastResort } from '../entry/last-resort.ts';
import type { DeploymentRecord } from './deployment-record.ts';
import { KnownSecrets } from './known-secrets.ts';

let config: Config | undefined;
let deployment: DeploymentRecord | undefined;
const controller = new AbortController();
/** How long a second signal waits for the deployment record to say `error` before the step exits. */
const RECORD_ON_EXIT_MS = 3000;
// a second signal stops the step at once, but the deployment record (if any) is ended first, briefly:
// left in_progress, GitHub would show the environment as deploying for good
stopOnSignals(controller, core.info, () => {
  const stop = (): never => process.exit(130);
  setTimeout(stop, RECORD_ON_EXIT_MS).unref();
  void (deployment?.finish('error', 'stopped by a second signal before it finished') ?? Promise.resolve()).then(stop, stop);
});
// every masked value is also redacted from what goes to GitHub's API (summary, comment, issue, statuses)
const secrets = new KnownSecrets();
const setSecret = (value: string): void => {
  secrets.add(value);
  core.setSecret(value);
};
const redact = (text: string): string => secrets.redact(text);
const publishIo = { log: core, setOutput: core.setOutput, redact, writeSummary: async (md: string) => void (await core.summary.addRaw(redact(md)).write()) };
// An error nobody caught still fails the step with one line and a summary; the state registered for the
// post step stays registered, so the checkpointed catalog is saved.
installLastResort(async (line) => {
  core.setFailed(line);
  await deployment?.finish('failure', line);
  if (config) await (await import('./publish.ts')).publishError(config.command, line, publishIo);
});
try {
  const env = readActionEnv(process.env, process.cwd());
  config = readConfig((name) => core.getInput(name), env);
  registerSecrets(config, setSecret);
  core.info(banner(config));
  const [{ runAction }, { createStatePort }, { publishOutcome }, { deploymentRecordFor, recordEnd }] = await Promise.all([import('./run.ts'), import('./state-port.ts'), import('./publish.ts'), import('./deployment-record.ts')]);
  const state = createStatePort(config, env);
  deployment = deploymentRecordFor(config, env, core, redact);
  const outcome = await runAction(config, env, { log: core, signal: controller.signal, saveState: core.saveState, setSecret, state, ...(deployment ? { deployment } : {}) });
  const end = recordEnd(outcome);
  await deployment?.finish(end.state, end.description);
  await publishOutcome(config, env, outcome, publishIo);
  if (outcome.failure) core.setFailed(outcome.failure);
} catch (e) {
  const { failureMessage, publishError } = await import('./publish.ts');
  core.setFailed(failureMessage(e));
  await deployment?.finish('failure', failureMessage(e));
  if (e instanceof Error && e.stack) core.debug(e.stack);
  if (config) await publishError(config.command, failureMessage(e), publishIo);
}
