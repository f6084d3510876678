// `maand init` (§3.2): layout, schema, bucket id, CA, KV key. A re-run upgrades the schema and never
// changes the bucket id, CA, keys or user files. Secret files are 0600 in a 0700 dir (decision Q26);
// data/ and logs/ are 0700 and the catalog 0600 (src/bucket/modes.ts), tightened on a re-run.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { MaandError } from '../errors.ts';
import { bucketPaths, type BucketPaths } from '../bucket/paths.ts';
import { writeDefaultMaandConf } from '../bucket/maand-conf.ts';
import { DEFAULT_BUCKET_CONF_TEXT } from '../bucket/bucket-conf.ts';
import { openDb, inTransaction } from '../catalog/db.ts';
import { migrate, SCHEMA_VERSION } from '../catalog/schema.ts';
import { randomId } from '../util/stable-id.ts';
import { generateCa } from '../certs/ca.ts';
import { PRIVATE_DIR, PRIVATE_FILE, tightenBucketModes } from '../bucket/modes.ts';

export interface InitOptions {
  root: string;
  /** RSA bits of a new CA (4096; tests use 1024 as the reference's MAAND_TEST does). */
  caKeyBits?: number;
}

export interface InitResult {
  created: boolean;
  bucketId: string;
  schemaVersion: number;
  paths: BucketPaths;
  /** What the caller shows the user (e.g. modes tightened on an existing bucket); never printed here. */
  notes: string[];
}

export async function initBucket(opts: InitOptions): Promise<InitResult> {
  const paths = bucketPaths(opts.root);
  const dirs: Array<[string, number]> = [[paths.dataDir, PRIVATE_DIR], [paths.jobsDir, 0o755], [paths.logsDir, PRIVATE_DIR], [paths.tmpDir, 0o755]];
  for (const [dir, mode] of dirs) {
    try {
      mkdirSync(dir, { recursive: true, mode });
    } catch (e) {
      throw new MaandError('unexpected error', `create directory ${dir}: ${(e as Error).message}`);
    }
  }
  mkdirSync(paths.secretsDir, { recursive: true, mode: 0o700 });
  chmodSync(paths.secretsDir, 0o700);

  const hasCrt = existsSync(paths.caCrt);
  const hasKey = existsSync(paths.caKey);
  if (hasCrt !== hasKey) throw new MaandError('bucket CA is incomplete', 'secrets must contain both ca.crt and ca.key');

  const tightened = tightenBucketModes(paths.root);
  const isNew = !existsSync(paths.db);
  // An empty file is an empty database: created owner-only, SQLite gives its WAL files the same mode.
  if (isNew) writeFileSync(paths.db, '', { mode: PRIVATE_FILE, flag: 'wx' });
  const db = openDb(paths.db, { create: true });
  try {
    const { bucketId, created } = inTransaction(db, () => {
      migrate(db);
      const row = db.prepare('SELECT bucket_id FROM bucket LIMIT 1').get() as { bucket_id: string | null } | undefined;
      if (!isNew && row?.bucket_id) return { bucketId: row.bucket_id, created: false };
      const id = randomId();
      db.prepare('INSERT INTO bucket (bucket_id, update_seq) VALUES (?, 0)').run(id);
      writeDefaultMaandConf(paths.maandConf);
      return { bucketId: id, created: true };
    });
    if (!existsSync(paths.workersJson)) writeFileSync(paths.workersJson, '[]', { mode: 0o644 });
    if (!existsSync(paths.bucketConf)) writeFileSync(paths.bucketConf, DEFAULT_BUCKET_CONF_TEXT, { mode: 0o644 });
    if (!hasCrt && !hasKey) {
      const ca = await generateCa(bucketId, { keyBits: opts.caKeyBits ?? 4096 });
      writeFileSync(paths.caKey, ca.keyPem, { mode: 0o600 });
      writeFileSync(paths.caCrt, ca.certPem, { mode: 0o644 });
    }
    if (!existsSync(paths.kvKey)) writeFileSync(paths.kvKey, randomBytes(32), { mode: 0o600 });
    return { created, bucketId, schemaVersion: SCHEMA_VERSION, paths, notes: tightened ? [tightened] : [] };
  } finally {
    db.close();
  }
}
