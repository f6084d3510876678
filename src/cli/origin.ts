// The CLI's trigger for the deploy history: who ran it, on which machine.
import { hostname, userInfo } from 'node:os';
import type { RunOrigin } from '../history/store.ts';

export function cliOrigin(): RunOrigin {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry for this uid (a container): the host alone
  }
  return { trigger: user ? `${user}@${hostname()}` : hostname() };
}
