// The KV view a job's templates get: only the allocation's readable namespaces (kv spec §1.12),
// secrets and certificate keys decrypted; a forbidden namespace is an error naming it.
import { canRead, namespaceNotAvailable, readPlain, type KvStore } from '../kv/index.ts';
import type { KvReader } from '../template/index.ts';

export function templateKv(kv: KvStore, job: string, allowed: string[]): KvReader {
  const allowedSet = new Set(allowed);
  const check = (ns: string): void => {
    if (!canRead(allowedSet, ns)) throw namespaceNotAvailable(ns, job);
  };
  return {
    get(ns, key) {
      check(ns);
      return readPlain(kv, ns, key);
    },
    keys(ns) {
      check(ns);
      return kv.keys(ns);
    },
  };
}
