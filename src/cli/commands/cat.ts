import { bucketPaths } from '../../bucket/paths.ts';
import { openDb } from '../../catalog/db.ts';
import { checkSchema } from '../../catalog/gate.ts';
import { catKv, catKvGet } from '../../cat/kv.ts';
import { catDeployments } from '../../cat/deployments.ts';
import { catHistory, historyRuns } from '../../cat/history.ts';
import { catView, type CatResult, type CatView } from '../../cat/views.ts';
import { cellText, renderTable } from '../../report/table.ts';
import type { CliIo } from '../io.ts';
import { parseNameList } from '../../entry/job-list.ts';

function withDb<T>(io: CliIo, fn: (db: ReturnType<typeof openDb>, root: string) => T): T {
  const paths = bucketPaths(io.cwd);
  const db = openDb(paths.db);
  try {
    checkSchema(db);
    return fn(db, paths.root);
  } finally {
    db.close();
  }
}

function print(io: CliIo, res: CatResult, json: boolean): void {
  if (json) {
    const rows = res.rows.map((r) => Object.fromEntries(res.columns.map((c, i) => [c, typeof r[i] === 'bigint' ? Number(r[i]) : (r[i] ?? null)])));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else io.stdout.write(renderTable(res.columns, res.rows.map((r) => r.map(cellText))));
}

export function catViewCommand(io: CliIo, view: CatView, opts: { jobs?: string; json: boolean }): void {
  withDb(io, (db) => print(io, catView(db, view, parseNameList(opts.jobs)), opts.json));
}

export function catKvCommand(io: CliIo, opts: { jobs?: string; namespace?: string; active: boolean; deleted: boolean; json: boolean }): void {
  withDb(io, (db) => {
    const jobs = parseNameList(opts.jobs);
    print(io, catKv(db, { jobs, active: opts.active, deleted: opts.deleted, ...(opts.namespace ? { namespace: opts.namespace } : {}) }), opts.json);
  });
}

export function catKvGetCommand(io: CliIo, ns: string, key: string, opts: { reveal: boolean }): void {
  withDb(io, (db, root) => io.stdout.write(`${catKvGet(db, root, ns, key, opts.reveal)}\n`));
}

export function catDeploymentsCommand(io: CliIo, opts: { jobs?: string; workers?: string; active: boolean; json: boolean }): void {
  withDb(io, (db) => print(io, catDeployments(db, { jobs: parseNameList(opts.jobs), workers: parseNameList(opts.workers), active: opts.active }), opts.json));
}

export function catHistoryCommand(io: CliIo, opts: { jobs?: string; limit?: string; json: boolean }): void {
  withDb(io, (db) => {
    const o = { jobs: parseNameList(opts.jobs), ...(opts.limit !== undefined ? { limit: Number(opts.limit) } : {}) };
    if (opts.json) io.stdout.write(`${JSON.stringify(historyRuns(db, o), null, 2)}\n`);
    else print(io, catHistory(db, o), false);
  });
}
