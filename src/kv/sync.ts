// Build's write policies (build-and-catalog §9.1, spec kv §1.10). Puts go in sorted key order,
// then the tombstones, so version numbers and persisted rows are deterministic.
import { InternalError } from '../errors.ts';
import { isCertKey, putCertKey } from './cert-keys.ts';
import { CERTS_KEY_PREFIX, VERSION_KEY } from './namespaces.ts';
import type { KvStore } from './store.ts';

export type Desired = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** Put every desired key; tombstone every other live key. Returns whether anything changed. */
export function fullSync(store: KvStore, ns: string, desired: Desired): boolean {
  return sync(store, ns, desired, () => true);
}

/** Allocation metadata: like full sync, but `certs/*` and `version` survive. */
export function allocSync(store: KvStore, ns: string, desired: Desired): boolean {
  return sync(store, ns, desired, (key) => !key.startsWith(CERTS_KEY_PREFIX) && key !== VERSION_KEY);
}

/** Certificate PEMs: full sync restricted to `certs/*` (private keys encrypted); other keys are left alone. */
export function certSync(store: KvStore, ns: string, desired: Desired): boolean {
  for (const key of entries(desired).map(([k]) => k))
    if (!key.startsWith(CERTS_KEY_PREFIX)) throw new InternalError(`certSync: key ${key} outside ${CERTS_KEY_PREFIX}`);
  const put = (key: string, value: string): boolean => (isCertKey(key) ? putCertKey(store, ns, key, value) : store.put(ns, key, value));
  return sync(store, ns, desired, (key) => key.startsWith(CERTS_KEY_PREFIX), put);
}

/** Put only; never deletes (`vars/job/<job>` from vars.toml). */
export function mergeInto(store: KvStore, ns: string, desired: Desired): boolean {
  return sync(store, ns, desired, () => false);
}

/** Tombstones every live key of `ns` (a full sync to the empty set). */
export function purge(store: KvStore, ns: string): boolean {
  return store.purgeNamespace(ns) > 0;
}

function sync(
  store: KvStore, ns: string, desired: Desired, removable: (key: string) => boolean,
  put: (key: string, value: string) => boolean = (key, value) => store.put(ns, key, value),
): boolean {
  const wanted = entries(desired).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let changed = false;
  for (const [key, value] of wanted) if (put(key, value)) changed = true;
  const keep = new Set(wanted.map(([k]) => k));
  for (const key of store.keys(ns)) {
    if (keep.has(key) || !removable(key)) continue;
    store.delete(ns, key);
    changed = true;
  }
  return changed;
}

function entries(desired: Desired): Array<[string, string]> {
  return desired instanceof Map ? [...desired] : Object.entries(desired);
}
