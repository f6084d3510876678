// The in-memory session store (spec kv §1.2–§1.4): loaded once from `key_value`, mutated in
// memory by build, templates and hooks, and appended back to SQLite at persist points.
import { createHmac } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { keyNotFound, namespaceNotFound, cryptoError, KEY_INVALID } from './errors.ts';
import { decrypt, encrypt } from './secrets.ts';
import { trimSpace } from './text.ts';
import { UndoLog, type KvSnapshot, type Entry } from './undo.ts';
import { loadEntries, insertRows } from './table.ts';

export type { KvSnapshot } from './undo.ts';

/** The 32-byte secret key, or a loader called once on the first secret operation. */
export type KvKeySource = Uint8Array | (() => Uint8Array);

/** Told a secret's plaintext the first time the store encrypts or decrypts it (the Action masks it). */
export type SecretListener = (plaintext: string) => void;

export interface KvStoreOptions {
  key?: KvKeySource;
  onSecret?: SecretListener;
}

/** A read-only view of one key's latest state. */
export interface KvEntry {
  readonly value: string;
  readonly version: number;
  readonly ttl: number;
  readonly deleted: boolean;
  readonly changed: boolean;
  /** Unix seconds of the row the entry was loaded from or last persisted as (0 when never). */
  readonly lastModified: number;
}

export class KvStore {
  readonly #data = new Map<string, Map<string, Entry>>();
  readonly #dirty = new Set<Entry>();
  readonly #undo = new UndoLog();
  #keySource: KvKeySource | undefined;
  #key: Uint8Array | undefined;
  /** Every plaintext this store encrypted or decrypted: what error texts must not carry. */
  readonly #known = new Set<string>();
  readonly #onSecret: SecretListener | undefined;

  constructor(opts: KvStoreOptions = {}) {
    this.#keySource = opts.key;
    this.#onSecret = opts.onSecret;
  }

  /** Loads the max-version row of every (namespace, key), tombstones included. */
  static load(db: DatabaseSync, opts: KvStoreOptions = {}): KvStore {
    const store = new KvStore(opts);
    for (const [ns, keys] of loadEntries(db)) store.#data.set(ns, keys);
    return store;
  }

  /** Plain put: trims the value; returns false when the live value is already identical. */
  put(ns: string, key: string, value: string): boolean {
    return this.#write(ns, key, trimSpace(value));
  }

  /** Encrypts (no trimming); a fresh nonce makes every call a new version. */
  putSecret(ns: string, key: string, plaintext: string): void {
    this.#write(ns, key, encrypt(this.#cryptoKey(), this.#learn(plaintext)));
  }

  /** The stored value (ciphertext in secret namespaces); throws `key not found or deleted`. */
  get(ns: string, key: string): string {
    const e = this.#data.get(ns)?.get(key);
    if (e === undefined || e.deleted) throw keyNotFound();
    return e.value;
  }

  tryGet(ns: string, key: string): string | undefined {
    const e = this.#data.get(ns)?.get(key);
    return e === undefined || e.deleted ? undefined : e.value;
  }

  getSecret(ns: string, key: string): string {
    return this.#learn(decrypt(this.#cryptoKey(), this.get(ns, key)));
  }

  /** The secret plaintexts this store has encrypted or decrypted so far, in the order it learned them. */
  knownSecrets(): string[] {
    return [...this.#known];
  }

  /** Decrypts a stored `enc:v1:` value of any version (plans redact every stored secret, Q36). */
  decryptValue(value: string): string {
    return decrypt(this.#cryptoKey(), value);
  }

  /** A key for `purpose` derived from the bucket key (never the key itself), e.g. to fingerprint secrets. */
  derivedKey(purpose: string): Buffer {
    return createHmac('sha256', this.#cryptoKey()).update(`maand:${purpose}`).digest();
  }

  entry(ns: string, key: string): KvEntry | undefined {
    const e = this.#data.get(ns)?.get(key);
    if (e === undefined) return undefined;
    const { value, version, ttl, deleted, changed, lastModified } = e;
    return { value, version, ttl, deleted, changed, lastModified };
  }

  /** Live keys of `ns`, sorted; an unknown namespace has none. */
  keys(ns: string): string[] {
    const out: string[] = [];
    for (const e of this.#data.get(ns)?.values() ?? []) if (!e.deleted) out.push(e.key);
    return out.sort();
  }

  /** Every namespace loaded or written in this session (also fully tombstoned ones), sorted. */
  namespaces(): string[] {
    return [...this.#data.keys()].sort();
  }

  /** Tombstones the key; deleting a dead key writes another tombstone (reference behaviour). */
  delete(ns: string, key: string): void {
    const keys = this.#data.get(ns);
    if (keys === undefined) throw namespaceNotFound(ns);
    const e = keys.get(key);
    if (e === undefined) throw keyNotFound();
    this.#undo.record(e, false);
    e.deleted = true;
    this.#bump(e);
  }

  /** Tombstones every live key of `ns`; returns how many. Unknown namespace → 0. */
  purgeNamespace(ns: string): number {
    const live = this.keys(ns);
    for (const key of live) this.delete(ns, key);
    return live.length;
  }

  hasPendingChanges(): boolean {
    return this.#dirty.size > 0;
  }

  /**
   * Appends one row per changed entry, all with the same `created_date`, inside the caller's
   * open transaction (or a transaction of its own). Ends every open snapshot. Returns the row count.
   */
  persist(db: DatabaseSync, nowUnixSeconds: number = Math.floor(Date.now() / 1000)): number {
    const now = Math.floor(nowUnixSeconds);
    const rows = [...this.#dirty].sort((a, b) => compare(a.ns, b.ns) || compare(a.key, b.key));
    if (rows.length > 0) insertRows(db, rows, now);
    for (const e of rows) {
      e.changed = false;
      e.lastModified = now;
    }
    this.#dirty.clear();
    this.#undo.clear();
    return rows.length;
  }

  /**
   * Marks the current state; `restore` reverts every mutation made since (by any writer), e.g.
   * the KV writes of a failed hook. Snapshots nest; `persist` ends them all.
   */
  snapshot(): KvSnapshot {
    return this.#undo.open();
  }

  /** Reverts to `snap`; returns false when the snapshot already ended (released, restored, persisted). */
  restore(snap: KvSnapshot): boolean {
    return this.#undo.rollback(snap, (e, created) => {
      if (created) {
        const keys = this.#data.get(e.ns)!;
        keys.delete(e.key);
        if (keys.size === 0) this.#data.delete(e.ns);
      }
      if (e.changed && !created) this.#dirty.add(e);
      else this.#dirty.delete(e);
    });
  }

  /** Keeps the changes made since `snap` and ends it. */
  release(snap: KvSnapshot): void {
    this.#undo.close(snap);
  }

  #write(ns: string, key: string, value: string): boolean {
    let keys = this.#data.get(ns);
    const e = keys?.get(key);
    if (e === undefined) {
      if (keys === undefined) this.#data.set(ns, (keys = new Map()));
      const fresh: Entry = { ns, key, value, version: 1, ttl: 0, deleted: false, changed: true, lastModified: 0 };
      keys.set(key, fresh);
      this.#undo.record(fresh, true);
      this.#dirty.add(fresh);
      return true;
    }
    if (!e.deleted && e.value === value && e.ttl === 0) return false;
    this.#undo.record(e, false);
    e.value = value;
    e.ttl = 0;
    e.deleted = false;
    this.#bump(e);
    return true;
  }

  #bump(e: Entry): void {
    e.version++;
    e.changed = true;
    this.#dirty.add(e);
  }

  #learn(plaintext: string): string {
    if (!this.#known.has(plaintext)) {
      this.#known.add(plaintext);
      this.#onSecret?.(plaintext);
    }
    return plaintext;
  }

  #cryptoKey(): Uint8Array {
    if (this.#key !== undefined) return this.#key;
    const src = this.#keySource;
    if (src === undefined) throw cryptoError(KEY_INVALID);
    const key = typeof src === 'function' ? src() : src;
    if (key.length !== 32) throw cryptoError(KEY_INVALID);
    this.#key = key;
    return key;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
