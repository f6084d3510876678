// The post step's work: remove the SSH key dir, then save the bucket state main registered (also after a
// failed or cancelled main step: promotions are checkpointed as they happen, so the state matches the
// workers), then remove the decrypted state from the checkout. A failed save is a failed step (losing the
// catalog is never a warning) and leaves the decrypted state where it is: nothing is lost.
import { existsSync } from 'node:fs';
import { MaandError } from '../errors.ts';
import { bucketPaths } from '../bucket/paths.ts';
import type { Config } from './config.ts';
import type { ActionLog } from './log.ts';
import { removeDecryptedState } from './checkout-state.ts';
import { removeSshDir } from './ssh.ts';
import type { StatePort } from './state-port.ts';

export interface Saved {
  saveRoot: string;
  bucketId: string;
  sshDir: string;
  /** Where main restored decrypted state into (state-backend other than none); '' when nothing to remove. */
  cleanRoot: string;
}

export async function runPost(saved: Saved, log: ActionLog, configAndState: () => { config: Config; state: StatePort }): Promise<void> {
  if (removeSshDir(saved.sshDir)) log.info('removed the private SSH key directory');
  if (saved.saveRoot === '') {
    log.info('state: nothing to save (the main step saved nothing for this command, or stopped before the state was restored)');
  } else {
    if (!existsSync(bucketPaths(saved.saveRoot).db)) throw new MaandError('database error', `state: ${bucketPaths(saved.saveRoot).db} is gone; nothing can be saved`);
    const { config, state } = configAndState();
    const r = await state.save(saved.saveRoot);
    log.info(`state: saved generation ${r.generation} of bucket ${saved.bucketId} to the ${config.state.backend} backend (${r.where})`);
  }
  if (saved.cleanRoot === '') return;
  const removed = removeDecryptedState(saved.cleanRoot);
  if (removed.length > 0) log.info(`state: removed the decrypted ${removed.map((p) => `${p}/`).join(', ')} from ${saved.cleanRoot} (the backend holds them encrypted)`);
}
