// The last line of defence of every entry (CLI, Action main and post): an error nobody caught — an
// unhandled rejection or an uncaught exception — still ends as one line, never a stack trace, and
// releases the bucket lock and the run's temp dirs before the process exits 1.
import { userMessage } from '../errors.ts';
import { runAbnormalExitCleanups } from '../util/exit-cleanup.ts';

/** `report` says the one line (and may do async work: the Action writes its summary) before the exit. */
export function installLastResort(report: (line: string, error: unknown) => void | Promise<void>): void {
  let handling = false;
  const handler = (e: unknown): void => {
    if (handling) return;
    handling = true;
    runAbnormalExitCleanups();
    Promise.resolve()
      .then(() => report(userMessage(e), e))
      .catch(() => undefined)
      .finally(() => process.exit(1));
  };
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
}
