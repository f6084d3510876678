// The process's one session store (spec kv §1.2). Callers hold a KvSession instead of a global,
// so "used before load" is still the reference's `kv store not initialized`.
import type { DatabaseSync } from 'node:sqlite';
import { notInitialized } from './errors.ts';
import { KvStore, type KvStoreOptions } from './store.ts';

export class KvSession {
  #store: KvStore | undefined;

  /** Loads the store from `db` (usually inside the command's transaction) and keeps it. */
  load(db: DatabaseSync, opts: KvStoreOptions = {}): KvStore {
    this.#store = KvStore.load(db, opts);
    return this.#store;
  }

  get loaded(): boolean {
    return this.#store !== undefined;
  }

  /** The loaded store; throws `kv store not initialized` before `load`. */
  require(): KvStore {
    if (this.#store === undefined) throw notInitialized();
    return this.#store;
  }
}
