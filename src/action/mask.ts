// Masks what the restored bucket holds in secret, so no hook or make output can print it in clear: every
// line of the PEM keys under secrets/ and every encrypted KV value: the secret namespaces and the jobs'
// certificate private keys (src/kv/cert-keys.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bucketPaths } from '../bucket/paths.ts';
import { openDb } from '../catalog/db.ts';
import { isEncrypted, KvStore, loadKvKey } from '../kv/index.ts';
import { maskedParts } from './sensitive.ts';

export function maskBucketSecrets(root: string, setSecret: (v: string) => void): number {
  const paths = bucketPaths(root);
  let n = 0;
  const mask = (value: string): void => {
    // a 1-3 character value would mask that text everywhere in the log (every "1"): not worth it
    for (const part of maskedParts(value).filter((p) => p.length >= 4)) {
      setSecret(part);
      n++;
    }
  };
  if (existsSync(paths.secretsDir)) {
    for (const name of readdirSync(paths.secretsDir).sort()) {
      if (!name.endsWith('.key')) continue;
      const text = readFileSync(join(paths.secretsDir, name), 'latin1');
      if (text.includes('-----BEGIN')) mask(text);
    }
  }
  const db = openDb(paths.db);
  try {
    const kv = KvStore.load(db, { key: () => loadKvKey(root) });
    for (const ns of kv.namespaces()) {
      for (const key of kv.keys(ns)) if (isEncrypted(kv.get(ns, key))) mask(kv.getSecret(ns, key));
    }
  } finally {
    db.close();
  }
  return n;
}
