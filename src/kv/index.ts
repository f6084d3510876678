// Public API of the KV store module.
export { KvError, isKvError, namespaceNotAvailable, type KvErrorKind } from './errors.ts';
export { KvStore, type KvEntry, type KvKeySource, type KvSnapshot, type KvStoreOptions, type SecretListener } from './store.ts';
export { KvSession } from './session.ts';
export {
  decrypt, encrypt, ensureKvKey, ENCRYPTED_PREFIX, isEncrypted, kvKeyPath, loadKvKey,
} from './secrets.ts';
export * from './namespaces.ts';
export { MAX_VERSIONS_TO_KEEP, purgeStaleVersions } from './purge.ts';
export { allocSync, certSync, fullSync, mergeInto, purge, type Desired } from './sync.ts';
export {
  canRead, canWrite, namespacesForAllocation, scrapeTemplateNamespaces, type AllocationRef, type WriteRequest,
  type WriteVerdict,
} from './access.ts';
export { allocationReadSet, allocationWorkers, jobNamespaces, upstreamJobs } from './catalog-access.ts';
export { trimSpace } from './text.ts';
export { dropPlaintextCertKeyHistory, isCertKey, putCertKey, readPlain } from './cert-keys.ts';
