// `maand cat kv` (the cat_kv view, filtered) and `maand cat kv get` (one value, secrets on request).
import { MaandError } from '../errors.ts';
import type { Db } from '../catalog/db.ts';
import { jobNamespaces, KvStore, loadKvKey, isSecretNamespace } from '../kv/index.ts';
import type { CatResult } from './views.ts';

export interface CatKvOptions {
  jobs?: string[];
  namespace?: string;
  active?: boolean;
  deleted?: boolean;
}

const COLUMNS = ['namespace', 'key', 'value', 'version', 'ttl', 'created_date', 'deleted'];

export function catKv(db: Db, opts: CatKvOptions): CatResult {
  if (opts.active && opts.deleted) throw new MaandError('invalid argument', '--active and --deleted cannot be used together');
  const where: string[] = [];
  const args: string[] = [];
  if (opts.jobs && opts.jobs.length > 0) {
    const namespaces = [...new Set(opts.jobs.flatMap((j) => jobNamespaces(db, j)))].sort();
    if (namespaces.length === 0) throw new MaandError('invalid argument', `KV namespaces not found for jobs ${opts.jobs.join(',')} (the jobs have no active or disabled allocation)`);
    where.push(`namespace IN (${namespaces.map(() => '?').join(', ')})`);
    args.push(...namespaces);
  }
  if (opts.namespace) {
    where.push('namespace = ?');
    args.push(opts.namespace);
  }
  if (opts.active) where.push('deleted = 0');
  if (opts.deleted) where.push('deleted = 1');
  const sql = `SELECT ${COLUMNS.join(', ')} FROM cat_kv${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const rows = db.prepare(sql).all(...args) as Array<Record<string, string | number>>;
  if (rows.length === 0) throw new MaandError('invalid argument', `KV keys not found${describe(opts)}`);
  return { columns: COLUMNS, rows: rows.map((r) => COLUMNS.map((c) => r[c])) };
}

function describe(opts: CatKvOptions): string {
  const parts = [
    opts.namespace ? `namespace ${opts.namespace}` : '',
    opts.jobs && opts.jobs.length > 0 ? `jobs ${opts.jobs.join(',')}` : '',
    opts.active ? 'active keys only' : opts.deleted ? 'deleted keys only' : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function catKvGet(db: Db, root: string, ns: string, key: string, reveal: boolean): string {
  const store = KvStore.load(db, { key: () => loadKvKey(root) });
  const value = store.tryGet(ns, key);
  if (value === undefined) throw new MaandError('invalid argument', `key not found: namespace ${ns}, key ${key}`);
  if (!isSecretNamespace(ns) && !value.startsWith('enc:v1:')) return value;
  return reveal ? store.getSecret(ns, key) : '[encrypted]';
}
