// Cancellation from the runner: SIGINT, then SIGTERM 7.5 s later, then the process tree is killed. The
// first signal aborts the run (no new batch starts, finished batches are checkpointed); the second one
// calls `force` (main.ts exits; the post step still saves the checkpointed state).

export function stopOnSignals(controller: AbortController, info: (line: string) => void, force: () => void): () => void {
  let count = 0;
  const handler = (sig: NodeJS.Signals): void => {
    count++;
    if (count === 1) {
      info(`${sig}: cancelling: the running batch finishes and is checkpointed, no new batch starts`);
      controller.abort(new Error(`cancelled by ${sig}`));
    } else {
      info(`${sig}: stopping now; the post step saves the state checkpointed so far`);
      force();
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
