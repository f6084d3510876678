// Certificate expiry gauges for Prometheus (kv spec §6.7): what is pushed (the CA and every live
// leaf cert in KV) and where (the bucket's own `prometheus` job, if it runs a server).
import type { Db } from '../catalog/db.ts';
import { hasPrometheusServer } from '../prometheus/server.ts';
import { CERTS_KEY_PREFIX, jobSecretsNamespace, type KvStore } from '../kv/index.ts';
import { MetricsError } from '../metrics/errors.ts';
import type { Label, TimeSeries } from '../metrics/protobuf.ts';
import type { BasicAuth } from '../metrics/remote-write.ts';
import { certStatus, type CertState } from './inspect.ts';

const PROMETHEUS_JOB = 'prometheus';
const PROMETHEUS_PORT = 'prometheus_port_http';
const ALLOCATION_NS = /^maand\/job\/([^/]+)\/worker\/([^/]+)$/;

export interface CertMetric {
  scope: 'ca' | 'job';
  /** Empty for the CA. */
  job: string;
  /** Empty for the CA. */
  worker: string;
  /** `ca` for the CA, else the manifest's cert name. */
  cert: string;
  /** Empty when the certificate does not parse. */
  commonName: string;
  status: CertState;
  /** Absent for invalid certificates. */
  notAfter?: Date;
}

/** The CA (when its PEM is given) first, then every live `certs/*.crt` by namespace and key. */
export function listCertMetrics(kv: KvStore, caPem: string | undefined, renewalBufferDays: number, now: Date): CertMetric[] {
  const out: CertMetric[] = [];
  if (caPem !== undefined) out.push(metric('ca', '', '', 'ca', caPem, renewalBufferDays, now));
  for (const ns of kv.namespaces()) {
    const m = ALLOCATION_NS.exec(ns);
    if (!m) continue;
    for (const key of kv.keys(ns)) {
      if (!key.startsWith(CERTS_KEY_PREFIX) || !key.endsWith('.crt')) continue;
      const cert = key.slice(CERTS_KEY_PREFIX.length, -'.crt'.length);
      out.push(metric('job', m[1]!, m[2]!, cert, kv.get(ns, key), renewalBufferDays, now));
    }
  }
  return out;
}

function metric(scope: CertMetric['scope'], job: string, worker: string, cert: string, pem: string, bufferDays: number, now: Date): CertMetric {
  const s = certStatus(pem, bufferDays, now);
  const base = { scope, job, worker, cert, commonName: s.commonName ?? '', status: s.status };
  return s.status === 'invalid' || s.notAfter === undefined ? base : { ...base, notAfter: s.notAfter };
}

/**
 * Per certificate, in the order given: maand_cert_not_after_seconds (left out for invalid certs),
 * maand_cert_expiring and maand_cert_expired, each one sample at `now`.
 */
export function certSeries(metrics: readonly CertMetric[], now: Date): TimeSeries[] {
  const timestampMs = now.getTime();
  const out: TimeSeries[] = [];
  for (const m of metrics) {
    const labels: Label[] = [
      { name: 'cert', value: m.cert },
      { name: 'common_name', value: m.commonName },
      { name: 'job', value: m.job },
      { name: 'scope', value: m.scope },
      { name: 'status', value: m.status },
      { name: 'worker', value: m.worker },
    ];
    const gauge = (name: string, value: number): TimeSeries => ({
      labels: [{ name: '__name__', value: name }, ...labels],
      samples: [{ value, timestampMs }],
    });
    if (m.notAfter !== undefined) out.push(gauge('maand_cert_not_after_seconds', Math.floor(m.notAfter.getTime() / 1000)));
    out.push(gauge('maand_cert_expiring', m.status === 'expiring' ? 1 : 0));
    out.push(gauge('maand_cert_expired', m.status === 'expired' ? 1 : 0));
  }
  return out;
}

/**
 * The remote-write URL of the bucket's Prometheus: the first non-removed allocation (by IP) of the
 * job named `prometheus`, when that job ships prometheus.yml(.tpl); undefined when there is none.
 */
export function prometheusWriteUrl(db: Db): string | undefined {
  if (!hasPrometheusServer(db)) return undefined;
  const ips = (db.prepare('SELECT worker_ip FROM allocations WHERE job = ? AND removed = 0').all(PROMETHEUS_JOB) as Array<{ worker_ip: string }>)
    .map((r) => r.worker_ip)
    .sort();
  if (ips.length === 0) return undefined;
  const row = db
    .prepare('SELECT p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ? AND p.name = ?')
    .get(PROMETHEUS_JOB, PROMETHEUS_PORT) as { port: number } | undefined;
  if (row === undefined) {
    throw new MetricsError(`job ${PROMETHEUS_JOB} has no port ${PROMETHEUS_PORT}: declare it under resources.ports in its manifest.json and run maand build`);
  }
  return `http://${ips[0]}:${row.port}/api/v1/write`;
}

/** Basic auth from `secrets/job/prometheus` admin_username + admin_password; neither → none. */
export function prometheusBasicAuth(kv: KvStore): BasicAuth | undefined {
  const ns = jobSecretsNamespace(PROMETHEUS_JOB);
  const secret = (key: string): string | undefined => (kv.tryGet(ns, key) === undefined ? undefined : kv.getSecret(ns, key));
  const username = secret('admin_username');
  const password = secret('admin_password');
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    throw new MetricsError(`prometheus remote write requires both admin_username and admin_password in ${ns}`);
  }
  return { username, password };
}
