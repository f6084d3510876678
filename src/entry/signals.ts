// Cancellation, the same for the CLI and the Action: the first SIGINT/SIGTERM aborts the run (the running
// batch finishes and is checkpointed, no new batch starts); the second calls `force` (the entry exits at
// once; the Action's post step still saves the checkpointed state).

export function stopOnSignals(controller: AbortController, say: (line: string) => void, force: () => void): () => void {
  let count = 0;
  const handler = (sig: NodeJS.Signals): void => {
    count++;
    if (count === 1) {
      say(`${sig}: cancelling: the running batch finishes and is checkpointed, no new batch starts (send it again to stop at once)`);
      controller.abort(new Error(`cancelled by ${sig}`));
    } else {
      say(`${sig}: stopping now; what finished so far is checkpointed`);
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
