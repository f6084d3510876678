// Names of the KV namespaces and well-known keys (spec kv §1.9). Namespaces are flat strings:
// `maand/worker` and `maand/worker/<ip>` are unrelated.

export const BUCKET_NS = 'maand/bucket';
export const BUCKET_VARS_NS = 'vars/bucket';
export const WORKERS_NS = 'maand/worker';
export const PROMETHEUS_NS = 'maand/prometheus';

export const ROLLOUT_ORDER_KEY = 'rollout_order';
export const VERSION_KEY = 'version';
export const CERTS_KEY_PREFIX = 'certs/';

const SECRET_NS_PREFIX = 'secrets/job/';

export function workerNamespace(ip: string): string {
  return `maand/worker/${ip}`;
}

export function workerTagsNamespace(ip: string): string {
  return `maand/worker/${ip}/tags`;
}

export function jobNamespace(job: string): string {
  return `maand/job/${job}`;
}

export function bucketJobVarsNamespace(job: string): string {
  return `vars/bucket/job/${job}`;
}

export function jobVarsNamespace(job: string): string {
  return `vars/job/${job}`;
}

export function jobSecretsNamespace(job: string): string {
  return `${SECRET_NS_PREFIX}${job}`;
}

export function allocationNamespace(job: string, ip: string): string {
  return `maand/job/${job}/worker/${ip}`;
}

/** Values in these namespaces are stored encrypted (spec kv §1.8). */
export function isSecretNamespace(ns: string): boolean {
  return ns.startsWith(SECRET_NS_PREFIX);
}
