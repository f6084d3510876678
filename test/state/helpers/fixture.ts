// State test fixtures: an initialized bucket with KV values and extra secret files, helpers to compare
// two buckets' catalogs and secrets, and temp dirs that are removed after each test.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after } from 'node:test';
import { newBucket, type TestBucket } from '../../helpers/bucket.ts';
import { packState, type PackOptions, type PackedState } from '../../../src/state/index.ts';

export const KEY = 'correct horse battery staple';

const cleanups: Array<() => void> = [];
after(() => {
  for (const c of cleanups.splice(0)) c();
});

export function tempDir(prefix = 'maand-state-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** packState, with the bundle's temp dir removed after the tests. */
export async function packed(root: string, opts: PackOptions): Promise<PackedState> {
  const out = await packState(root, opts);
  cleanups.push(() => rmSync(dirname(out.file), { recursive: true, force: true }));
  return out;
}

/** An initialized bucket with a secret and a plain KV value, known_hosts and a nested secret file. */
export async function stateBucket(): Promise<TestBucket> {
  const b = await newBucket();
  cleanups.push(() => b.cleanup());
  b.kvPut('vars/bucket', { region: 'eu-1' });
  b.kvPutSecret('secrets/bucket', { token: 's3cr3t' });
  writeFileSync(join(b.root, 'secrets', 'known_hosts'), '10.0.0.1 ssh-ed25519 AAAAC3Nza\n', { mode: 0o600 });
  chmodSync(join(b.root, 'secrets', 'known_hosts'), 0o600);
  mkdirSync(join(b.root, 'secrets', 'jobs'), { mode: 0o700 });
  writeFileSync(join(b.root, 'secrets', 'jobs', 'api.key'), 'job key\n', { mode: 0o600 });
  chmodSync(join(b.root, 'secrets', 'jobs', 'api.key'), 0o600);
  return b;
}

export function bucketIdOf(root: string): string {
  const db = new DatabaseSync(join(root, 'data', 'maand.db'), { readOnly: true });
  try {
    return (db.prepare('SELECT bucket_id FROM bucket').get() as { bucket_id: string }).bucket_id;
  } finally {
    db.close();
  }
}

/** Every table's rows (sorted), without the state generation row, for comparing two catalogs. */
export function catalogDump(root: string): Record<string, string[]> {
  const db = new DatabaseSync(join(root, 'data', 'maand.db'), { readOnly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const rows = db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
      out[t] = rows.filter((r) => !r.includes('"maand_state"')).sort();
    }
    return out;
  } finally {
    db.close();
  }
}

/** `path → {mode, sha-less content}` of everything under secrets/, modes in octal. */
export function secretsTree(root: string): Record<string, { mode: string; content?: string }> {
  const out: Record<string, { mode: string; content?: string }> = {};
  const walk = (dir: string, rel: string) => {
    out[rel] = { mode: (statSync(dir).mode & 0o777).toString(8) };
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${rel}/${name}`);
      else out[`${rel}/${name}`] = { mode: (statSync(full).mode & 0o777).toString(8), content: readFileSync(full).toString('base64') };
    }
  };
  walk(join(root, 'secrets'), 'secrets');
  return out;
}
