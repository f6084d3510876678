// A throw-away bucket on disk for tests: init once, then write workspace files and build.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initBucket } from '../../src/init/index.ts';
import { build, type BuildOptions, type BuildResult } from '../../src/build/index.ts';
import { openDb, type Db } from '../../src/catalog/db.ts';
import { KvStore, loadKvKey } from '../../src/kv/index.ts';

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
  /** Runs `fn` with a read-only catalog connection. */
  query<T>(fn: (db: Db) => T): T;
  rows<T = Record<string, unknown>>(sql: string, ...args: Array<string | number>): T[];
  kv(): KvStore;
  kvGet(ns: string, key: string): string | undefined;
  liveKeyCount(): number;
  cleanup(): void;
}

export async function newBucket(): Promise<TestBucket> {
  const root = mkdtempSync(join(tmpdir(), 'maand-test-'));
  await initBucket({ root, caKeyBits: 1024 });
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
    query(fn) {
      const db = openDb(join(root, 'data', 'maand.db'));
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    rows(sql, ...args) {
      return tb.query((db) => db.prepare(sql).all(...args) as never);
    },
    kv() {
      return tb.query((db) => KvStore.load(db, { key: () => loadKvKey(root) }));
    },
    kvGet(ns, key) {
      return tb.kv().tryGet(ns, key);
    },
    liveKeyCount() {
      return tb.rows<{ n: number }>('SELECT COUNT(*) AS n FROM cat_kv WHERE deleted = 0')[0]!.n;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  return tb;
}
