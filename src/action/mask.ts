// Masks what the bucket holds in secret, so no hook or make output can print it in clear: every line of
// the PEM keys under secrets/ and every encrypted KV value (the secret namespaces and the jobs'
// certificate private keys, src/kv/cert-keys.ts) at restore, then every secret value the engine
// creates or decrypts during the run (KvStoreOptions.onSecret), as soon as it becomes known.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bucketPaths } from '../bucket/paths.ts';
import { openDb } from '../catalog/db.ts';
import { isEncrypted, KvStore, loadKvKey } from '../kv/index.ts';
import { maskableParts } from './sensitive.ts';

/** Registers each value once, whole and line by line; returns how many parts it registered. */
export function secretMasker(setSecret: (v: string) => void): (value: string) => number {
  const done = new Set<string>();
  return (value) => {
    let n = 0;
    for (const part of maskableParts(value)) {
      if (done.has(part)) continue;
      done.add(part);
      setSecret(part);
      n++;
    }
    return n;
  };
}

export function maskBucketSecrets(root: string, mask: (value: string) => number): number {
  const paths = bucketPaths(root);
  let n = 0;
  if (existsSync(paths.secretsDir)) {
    for (const name of readdirSync(paths.secretsDir).sort()) {
      if (!name.endsWith('.key')) continue;
      const text = readFileSync(join(paths.secretsDir, name), 'latin1');
      if (text.includes('-----BEGIN')) n += mask(text);
    }
  }
  const db = openDb(paths.db);
  try {
    const kv = KvStore.load(db, { key: () => loadKvKey(root) });
    for (const ns of kv.namespaces()) {
      for (const key of kv.keys(ns)) if (isEncrypted(kv.get(ns, key))) n += mask(kv.getSecret(ns, key));
    }
  } finally {
    db.close();
  }
  return n;
}
