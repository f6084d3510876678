// The KV view a job's templates get: only the allocation's readable namespaces (kv spec §1.12),
// secrets decrypted; a forbidden namespace is an error naming it.
import { canRead, isSecretNamespace, namespaceNotAvailable, type KvStore } from '../kv/index.ts';
import type { KvReader } from '../template/index.ts';

export function templateKv(kv: KvStore, job: string, allowed: string[]): KvReader {
  const allowedSet = new Set(allowed);
  const check = (ns: string): void => {
    if (!canRead(allowedSet, ns)) throw namespaceNotAvailable(ns, job);
  };
  return {
    get(ns, key) {
      check(ns);
      const v = kv.tryGet(ns, key);
      if (v === undefined) return undefined;
      return isSecretNamespace(ns) ? kv.getSecret(ns, key) : v;
    },
    keys(ns) {
      check(ns);
      return kv.keys(ns);
    },
  };
}
