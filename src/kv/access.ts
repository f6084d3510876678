// Who may read and write which namespace (spec kv §1.12). Pure rules; catalog reads live in
// catalog-access.ts.
import {
  allocationNamespace, BUCKET_NS, BUCKET_VARS_NS, bucketJobVarsNamespace, isSecretNamespace, jobNamespace,
  jobSecretsNamespace, jobVarsNamespace, PROMETHEUS_NS, ROLLOUT_ORDER_KEY, WORKERS_NS, workerNamespace,
  workerTagsNamespace,
} from './namespaces.ts';

export interface AllocationRef {
  job: string;
  workerIp: string;
  /** Distinct demanded upstream jobs of any command of `job` (see `upstreamJobs`). */
  upstreamJobs: readonly string[];
}

/** The read set of allocation (J, W) for templates and hooks: 11 fixed namespaces + upstream triples, sorted. */
export function namespacesForAllocation(a: AllocationRef): string[] {
  const { job, workerIp: ip } = a;
  return sortedUnique([
    BUCKET_NS,
    BUCKET_VARS_NS,
    WORKERS_NS,
    workerNamespace(ip),
    workerTagsNamespace(ip),
    jobNamespace(job),
    bucketJobVarsNamespace(job),
    jobVarsNamespace(job),
    jobSecretsNamespace(job),
    allocationNamespace(job, ip),
    PROMETHEUS_NS,
    ...upstreamTriples(a.upstreamJobs),
  ]);
}

/** The smaller read set of the build-time `_prometheus/scrape.yaml.tpl` (spec kv §2.9), sorted. */
export function scrapeTemplateNamespaces(job: string, upstream: readonly string[]): string[] {
  return sortedUnique([
    BUCKET_NS,
    BUCKET_VARS_NS,
    jobNamespace(job),
    bucketJobVarsNamespace(job),
    jobVarsNamespace(job),
    jobSecretsNamespace(job),
    ...upstreamTriples(upstream),
  ]);
}

/** Exact string match against the read set. */
export function canRead(allowed: readonly string[] | ReadonlySet<string>, ns: string): boolean {
  return Array.isArray(allowed) ? allowed.includes(ns) : (allowed as ReadonlySet<string>).has(ns);
}

export type WriteVerdict = 'ok' | 'forbidden-namespace' | 'health-check-write';

export interface WriteRequest {
  job: string;
  /** The hook's event (`pre_deploy`, `cli`, `health_check`, …). */
  event: string;
  ns: string;
  key: string;
  /** Through the secret endpoint (`/kv/secret`). */
  secret: boolean;
  /** Default `put`; `rollout_order` may only be put. */
  op?: 'put' | 'delete';
}

/**
 * Hook write rules, in the reference's order: the namespace check first, then the health_check
 * ban (so `rollout_order` during health_check gets the namespace verdict).
 */
export function canWrite(req: WriteRequest): WriteVerdict {
  const { job, event, ns, key } = req;
  let allowed: boolean;
  if (req.secret) allowed = ns === jobSecretsNamespace(job);
  else if (isSecretNamespace(ns)) allowed = false;
  else if (ns === jobVarsNamespace(job)) allowed = true;
  else
    allowed =
      (req.op ?? 'put') === 'put' &&
      ns === jobNamespace(job) &&
      key === ROLLOUT_ORDER_KEY &&
      (event === 'pre_deploy' || event === 'cli');
  if (!allowed) return 'forbidden-namespace';
  return event === 'health_check' ? 'health-check-write' : 'ok';
}

function upstreamTriples(upstream: readonly string[]): string[] {
  return upstream.flatMap((u) => [jobNamespace(u), jobVarsNamespace(u), jobSecretsNamespace(u)]);
}

function sortedUnique(list: string[]): string[] {
  return [...new Set(list)].sort();
}
