// Certificate private keys (`certs/<name>.key` in an allocation namespace) are stored encrypted like
// secrets, although their namespace is not a secrets one: `maand cat kv` shows them as ciphertext
// (`cat kv get` only with --reveal) and the Action masks them with the other encrypted values. Keys a
// maand before this stored in plaintext still read as they are, until the next build re-stores them.
import type { DatabaseSync } from 'node:sqlite';
import { CERTS_KEY_PREFIX, isSecretNamespace } from './namespaces.ts';
import { ENCRYPTED_PREFIX, isEncrypted } from './secrets.ts';
import type { KvStore } from './store.ts';
import { trimSpace } from './text.ts';

const KEY_SUFFIX = '.key';

export function isCertKey(key: string): boolean {
  return key.startsWith(CERTS_KEY_PREFIX) && key.endsWith(KEY_SUFFIX);
}

/** A live value as its readers (templates, staging, hooks) see it: secrets and certificate keys decrypted. */
export function readPlain(kv: KvStore, ns: string, key: string): string | undefined {
  const v = kv.tryGet(ns, key);
  if (v === undefined) return undefined;
  return isSecretNamespace(ns) || (isCertKey(key) && isEncrypted(v)) ? kv.getSecret(ns, key) : v;
}

/**
 * Stores a certificate key encrypted, trimmed as a plain put would (the staged bytes, so the plan hash,
 * stay the same); false when the stored key already is this one, encrypted (a new nonce per put would
 * otherwise make every build a new version).
 */
export function putCertKey(kv: KvStore, ns: string, key: string, pem: string): boolean {
  const plain = trimSpace(pem);
  const current = kv.tryGet(ns, key);
  if (current !== undefined && isEncrypted(current) && kv.getSecret(ns, key) === plain) return false;
  kv.putSecret(ns, key, plain);
  return true;
}

/**
 * Deletes the plaintext history rows of certificate keys once a newer version replaced them (inside the
 * build's transaction, after its persist): the migration leaves no private key readable in the catalog.
 */
export function dropPlaintextCertKeyHistory(db: DatabaseSync): number {
  const sql = `DELETE FROM key_value WHERE rowid IN (
    SELECT r.rowid FROM key_value r
    WHERE r.key LIKE '${CERTS_KEY_PREFIX}%${KEY_SUFFIX}' AND r.value <> '' AND substr(r.value, 1, ${ENCRYPTED_PREFIX.length}) <> '${ENCRYPTED_PREFIX}'
      AND r.version < (SELECT MAX(l.version) FROM key_value l WHERE l.namespace = r.namespace AND l.key = r.key)
  )`;
  return Number(db.prepare(sql).run().changes);
}
