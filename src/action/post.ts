// The action's post step (post-if: always()): removes the SSH key dir, saves the state main registered
// and removes the decrypted state from the checkout. Runs after failed and cancelled main steps too.
import * as core from '@actions/core';
import { readConfig } from './config.ts';
import { readActionEnv } from './env.ts';
import { SAVED } from './inputs.ts';
import { runPost } from './post-run.ts';
import { createStatePort } from './state-port.ts';
import { registerSecrets } from './banner.ts';
import { installLastResort } from '../entry/last-resort.ts';

installLastResort((line) => core.setFailed(`state not saved: ${line}`));

try {
  const saved = { saveRoot: core.getState(SAVED.saveRoot), bucketId: core.getState(SAVED.bucketId), sshDir: core.getState(SAVED.sshDir), cleanRoot: core.getState(SAVED.cleanRoot) };
  await runPost(saved, core, () => {
    const env = readActionEnv(process.env, process.cwd());
    const config = readConfig((name) => core.getInput(name), env);
    registerSecrets(config, core.setSecret);
    return { config, state: createStatePort(config, env) };
  });
} catch (e) {
  const { failureMessage } = await import('./publish.ts');
  core.setFailed(`state not saved: ${failureMessage(e)}`);
}
