// Redaction of plan content (decision Q36): every decrypted KV secret value of the bucket (any secrets/
// namespace, every stored version, encrypted certificate keys) and every PEM private-key block becomes
// a token `[secret:<fingerprint>]` before anything is stored or diffed. The fingerprint is a keyed
// digest (the bucket's KV key, derived), so equal values match across deploys without revealing them;
// the display turns tokens into `[secret]`, or `[secret] (changed)` when the old text had no such value.
import { createHmac } from 'node:crypto';
import type { Db } from '../catalog/db.ts';
import { isSecretNamespace, type KvStore } from '../kv/index.ts';
import { ENCRYPTED_PREFIX } from '../kv/secrets.ts';

/** Shorter values would mask ordinary text (the Action's masking rule). */
export const MIN_SECRET_LENGTH = 4;
export const SECRET = '[secret]';
export const CHANGED_SECRET = '[secret] (changed)';

const PEM_PRIVATE_KEY = '-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----';
const TOKEN = /\[secret:([0-9a-f]{16})\]/g;

export class Redactor {
  readonly #pattern: RegExp;
  readonly #key: Uint8Array;

  constructor(values: Iterable<string>, key: Uint8Array) {
    const unique = [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    // one pass, PEM blocks first, longer values before their prefixes: a token is never re-redacted
    this.#pattern = new RegExp([PEM_PRIVATE_KEY, ...unique.map(escapeRegExp)].join('|'), 'g');
    this.#key = key;
  }

  redact(text: string): string {
    return text.replace(this.#pattern, (m) => `[secret:${createHmac('sha256', this.#key).update(m).digest('hex').slice(0, 16)}]`);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The bucket's redactor: the stored history of every encrypted value plus the live secrets of this run
 * (a pre_deploy hook may have just written one). Throws when secrets exist but the KV key is missing.
 */
export function bucketRedactor(db: Db, kv: KvStore): Redactor {
  const values: string[] = [];
  const rows = db.prepare(`SELECT value FROM key_value WHERE substr(value, 1, ${ENCRYPTED_PREFIX.length}) = ?`).all(ENCRYPTED_PREFIX) as Array<{ value: string }>;
  for (const r of rows) values.push(kv.decryptValue(r.value));
  for (const ns of kv.namespaces().filter(isSecretNamespace)) for (const key of kv.keys(ns)) values.push(kv.getSecret(ns, key));
  return new Redactor(values, kv.derivedKey('plan-redaction'));
}

/** The fingerprints of the secrets in a redacted text. */
export function secretTokens(text: string): Set<string> {
  return new Set([...text.matchAll(TOKEN)].map((m) => m[1]!));
}

/** A redacted line as shown: `[secret]`, or `[secret] (changed)` for a value `before` did not hold. */
export function showSecrets(line: string, before?: Set<string>): string {
  return line.replace(TOKEN, (_m, id: string) => (before !== undefined && !before.has(id) ? CHANGED_SECRET : SECRET));
}
