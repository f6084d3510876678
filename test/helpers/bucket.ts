// A throw-away bucket on disk for tests: init once, then write workspace files and build.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initBucket } from '../../src/init/index.ts';
import { build, type BuildOptions, type BuildResult } from '../../src/build/index.ts';
import { openDb, type Db } from '../../src/catalog/db.ts';
import { KvStore, loadKvKey, readPlain } from '../../src/kv/index.ts';

export interface TestBucket {
  root: string;
  /** Writes files relative to the bucket root (`workspace/jobs/a/manifest.json`, …). */
  write(files: Record<string, string>): void;
  remove(path: string): void;
  read(path: string): string;
  /** A job folder with a manifest (object or raw text) and a Makefile. */
  job(name: string, manifest: object | string, extra?: Record<string, string>): void;
  workers(list: object[]): void;
  build(opts?: Omit<BuildOptions, 'root'>): Promise<BuildResult>;
  /** The build's error (fails the test when the build succeeds). */
  buildError(opts?: Omit<BuildOptions, 'root'>): Promise<Error>;
  /** Runs `fn` with a catalog connection. */
  query<T>(fn: (db: Db) => T): T;
  rows<T = Record<string, unknown>>(sql: string, ...args: Array<string | number>): T[];
  /** The first column of the first row. */
  scalar(sql: string, ...args: Array<string | number>): unknown;
  kv(): KvStore;
  kvGet(ns: string, key: string): string | undefined;
  /** The value as templates and staging read it (secrets and certificate keys decrypted). */
  kvPlain(ns: string, key: string): string | undefined;
  /** Live keys of a namespace as an object (sorted keys). */
  kvNamespace(ns: string): Record<string, string>;
  /** Writes KV keys as a hook or deploy would (one persist). */
  kvPut(ns: string, entries: Record<string, string>): void;
  /** Writes encrypted values into a secrets namespace. */
  kvPutSecret(ns: string, entries: Record<string, string>): void;
  kvVersion(ns: string, key: string): number | undefined;
  liveKeyCount(): number;
  /** The bytes of data/maand.db (build closes its connection, so the WAL is checkpointed). */
  dbBytes(): Buffer;
  cleanup(): void;
}

export async function newBucket(): Promise<TestBucket> {
  const root = mkdtempSync(join(tmpdir(), 'maand-test-'));
  await initBucket({ root, caKeyBits: 1024 });
  return bucketAt(root);
}

/** Helpers over an existing (already initialized or not) bucket directory. */
export function bucketAt(root: string): TestBucket {
  const tb: TestBucket = {
    root,
    write(files) {
      for (const [p, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, p)), { recursive: true });
        writeFileSync(join(root, p), content);
      }
    },
    remove(p) {
      rmSync(join(root, p), { recursive: true, force: true });
    },
    read(p) {
      return readFileSync(join(root, p), 'utf8');
    },
    job(name, manifest, extra = {}) {
      const files: Record<string, string> = {
        [`workspace/jobs/${name}/manifest.json`]: typeof manifest === 'string' ? manifest : JSON.stringify(manifest),
        [`workspace/jobs/${name}/Makefile`]: 'start:\n\ttrue\n',
      };
      for (const [p, c] of Object.entries(extra)) files[`workspace/jobs/${name}/${p}`] = c;
      tb.write(files);
    },
    workers(list) {
      tb.write({ 'workspace/workers.json': JSON.stringify(list) });
    },
    build(opts = {}) {
      return build({ root, ...opts });
    },
    async buildError(opts = {}) {
      try {
        await build({ root, ...opts });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected the build to fail, but it succeeded');
    },
    query(fn) {
      const db = openDb(join(root, 'data', 'maand.db'));
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    rows(sql, ...args) {
      // Plain objects (node:sqlite rows have a null prototype, which deepEqual tells apart).
      return tb.query((db) => db.prepare(sql).all(...args).map((r) => ({ ...r })) as never);
    },
    scalar(sql, ...args) {
      const row = tb.query((db) => db.prepare(sql).get(...args) as Record<string, unknown> | undefined);
      return row === undefined ? undefined : Object.values(row)[0];
    },
    kv() {
      return tb.query((db) => KvStore.load(db, { key: () => loadKvKey(root) }));
    },
    kvGet(ns, key) {
      return tb.kv().tryGet(ns, key);
    },
    kvPlain(ns, key) {
      return readPlain(tb.kv(), ns, key);
    },
    kvNamespace(ns) {
      const store = tb.kv();
      return Object.fromEntries(store.keys(ns).map((k) => [k, store.get(ns, k)]));
    },
    kvPut(ns, entries) {
      tb.query((db) => {
        const store = KvStore.load(db, { key: () => loadKvKey(root) });
        for (const [k, v] of Object.entries(entries)) store.put(ns, k, v);
        store.persist(db);
      });
    },
    kvPutSecret(ns, entries) {
      tb.query((db) => {
        const store = KvStore.load(db, { key: () => loadKvKey(root) });
        for (const [k, v] of Object.entries(entries)) store.putSecret(ns, k, v);
        store.persist(db);
      });
    },
    kvVersion(ns, key) {
      return tb.kv().entry(ns, key)?.version;
    },
    liveKeyCount() {
      return tb.rows<{ n: number }>('SELECT COUNT(*) AS n FROM cat_kv WHERE deleted = 0')[0]!.n;
    },
    dbBytes() {
      return readFileSync(join(root, 'data', 'maand.db'));
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  return tb;
}

/** Runs `fn` on a fresh initialized bucket and removes it afterwards, also when `fn` fails. */
export async function withBucket(fn: (b: TestBucket) => Promise<void> | void): Promise<void> {
  const b = await newBucket();
  try {
    await fn(b);
  } finally {
    b.cleanup();
  }
}

/** An empty temp directory (not initialized), removed after `fn`. */
export async function withDir(fn: (root: string) => Promise<void> | void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'maand-test-'));
  try {
    await fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
