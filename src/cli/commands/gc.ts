import { gc } from '../../gc/index.ts';
import { wholeNumberFlag } from '../flags.ts';
import type { CliIo } from '../io.ts';

export function gcCommand(io: CliIo, opts: { retainDays: string }): void {
  const r = gc({ root: io.cwd, retainDays: wholeNumberFlag('--retain-days', opts.retainDays, 0, 'days') });
  io.stdout.write(`gc: forgot ${r.removedAllocations} removed allocation(s), emptied ${r.purgedNamespaces.length} KV namespace(s), deleted ${r.historyRowsDeleted} old KV row(s) and ${r.deployRunsDeleted} old deploy history run(s)\n`);
}
