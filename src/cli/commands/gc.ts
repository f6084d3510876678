import { gc } from '../../gc/index.ts';
import type { CliIo } from '../io.ts';

export function gcCommand(io: CliIo, opts: { retainDays: string }): void {
  const days = Number(opts.retainDays);
  const r = gc({ root: io.cwd, retainDays: Number.isFinite(days) ? days : 0 });
  io.stdout.write(`gc: forgot ${r.removedAllocations} removed allocation(s), emptied ${r.purgedNamespaces.length} KV namespace(s), deleted ${r.historyRowsDeleted} old KV row(s) and ${r.deployRunsDeleted} old deploy history run(s)\n`);
}
