// Build step 9: leaf certificates per job and allocation, kept in KV (§10.1, kv spec §6.4).
// Keys are generated concurrently (RSA-4096 costs ~1 s each and runs in the libuv pool).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MaandError } from '../errors.ts';
import { generateLeaf } from '../certs/leaf.ts';
import { ipSanBytes } from '../certs/ip.ts';
import { quoted } from '../util/quoted.ts';
import { inspectStoredCert } from '../certs/inspect.ts';
import { writeCertFiles } from '../certs/files.ts';
import type { PemPair } from '../certs/pem.ts';
import { allocationNamespace, certSync, readPlain } from '../kv/index.ts';
import { md5Hex } from '../util/stable-id.ts';
import { runLimited } from '../util/pool.ts';
import type { BuildContext } from './context.ts';

interface CertRow {
  name: string;
  pkcs8: number;
  one: number;
  subject: string;
}

function readHash(ctx: BuildContext, ns: string, key: string): { current: string | null; previous: string | null } | undefined {
  const r = ctx.db.prepare('SELECT current_hash, previous_hash FROM hash WHERE namespace = ? AND key = ?').get(ns, key) as { current_hash: string | null; previous_hash: string | null } | undefined;
  return r && { current: r.current_hash, previous: r.previous_hash };
}

function promote(ctx: BuildContext, ns: string, key: string): void {
  ctx.db.prepare('UPDATE hash SET previous_hash = current_hash WHERE namespace = ? AND key = ?').run(ns, key);
}

export async function syncCertificates(ctx: BuildContext): Promise<void> {
  const { db } = ctx;
  let caPem: string, caKey: string;
  try {
    caPem = readFileSync(ctx.paths.caCrt, 'utf8');
  } catch (e) {
    throw new MaandError('unexpected error', `file secrets/ca.crt: ${(e as Error).message}`);
  }
  db.prepare("INSERT INTO hash (namespace, key, current_hash) VALUES ('build', 'ca', ?) ON CONFLICT(namespace, key) DO UPDATE SET current_hash = excluded.current_hash").run(md5Hex(Buffer.from(caPem)));
  const ca = readHash(ctx, 'build', 'ca')!;
  const caChanged = ca.current !== ca.previous;
  const now = new Date(ctx.now * 1000);
  const jobs = (db.prepare('SELECT DISTINCT job FROM allocations ORDER BY job').all() as Array<{ job: string }>).map((r) => r.job);
  const work: Array<() => Promise<void>> = [];
  const pending: Array<{ ns: string; desired: Map<string, string> }> = [];

  for (const job of jobs) {
    const rows = db.prepare('SELECT worker_ip, removed FROM allocations WHERE job = ? ORDER BY worker_ip').all(job) as Array<{ worker_ip: string; removed: number }>;
    const specs = db.prepare('SELECT c.name AS name, c.pkcs8 AS pkcs8, c.one AS one, c.subject AS subject FROM job_certs c JOIN job j ON j.job_id = c.job_id WHERE j.name = ? ORDER BY c.name').all(job) as unknown as CertRow[];
    const W = rows.filter((r) => r.removed === 0).map((r) => r.worker_ip).sort();
    const h = readHash(ctx, 'build_certs', job);
    const jobRegenerate = caChanged || !h || h.current !== h.previous;
    if (specs.length === 0 || W.length === 0) {
      for (const r of rows) certSync(ctx.kv, allocationNamespace(job, r.worker_ip), {});
      promote(ctx, 'build_certs', job);
      continue;
    }
    const named = W.find((ip) => !ipSanBytes(ip));
    if (named !== undefined)
      throw new MaandError('invalid worker.json', `worker ${quoted(named)} is not an IP address, but job ${job} has certificates for it (certificates carry IP SANs only; list the worker by its IP in workspace/workers.json)`);
    caKey ??= readFileSync(ctx.paths.caKey, 'utf8');
    const desired = new Map(W.map((ip) => [ip, new Map<string, string>()]));
    for (const spec of specs) {
      const needs = (ip: string): boolean => {
        const ns = allocationNamespace(job, ip);
        const key = readPlain(ctx.kv, ns, `certs/${spec.name}.key`) ?? '';
        const crt = ctx.kv.tryGet(ns, `certs/${spec.name}.crt`) ?? '';
        if (key === '' || crt === '') return true;
        const check = inspectStoredCert(crt, ctx.conf.certs_renewal_buffer, now);
        if (check.error) throw new MaandError('unexpected error', `${check.error} (job ${job}, worker ${ip}, cert ${spec.name}; delete the stored cert or rebuild with a valid CA)`);
        return check.needs;
      };
      const regen = jobRegenerate || W.some(needs);
      const cn = (JSON.parse(spec.subject || '{}') as { common_name?: string }).common_name ?? '';
      const put = (ip: string, pair: PemPair): void => {
        desired.get(ip)!.set(`certs/${spec.name}.crt`, pair.certPem);
        desired.get(ip)!.set(`certs/${spec.name}.key`, pair.keyPem);
      };
      const stored = (ip: string): PemPair => {
        const ns = allocationNamespace(job, ip);
        return { certPem: ctx.kv.tryGet(ns, `certs/${spec.name}.crt`)!, keyPem: readPlain(ctx.kv, ns, `certs/${spec.name}.key`)! };
      };
      const generate = async (ips: string[]): Promise<PemPair> => {
        const pair = await generateLeaf({ caCertPem: caPem, caKeyPem: caKey!, commonName: cn, ipSans: ips, ttlDays: ctx.conf.certs_ttl, pkcs8: spec.pkcs8 === 1, now, keyBits: ctx.leafKeyBits });
        for (const ip of ips) await writeCertFiles(join(ctx.paths.tmpDir, 'workers', ip, 'jobs', job, 'certs'), spec.name, pair.certPem, pair.keyPem);
        ctx.emit({ type: 'cert-generated', job, cert: spec.name, workers: ips });
        return pair;
      };
      if (spec.one === 1) {
        if (regen) work.push(() => generate(W).then((pair) => W.forEach((ip) => put(ip, pair))));
        else W.forEach((ip) => put(ip, stored(W[0]!)));
      } else {
        for (const ip of W) {
          if (regen) work.push(() => generate([ip]).then((pair) => put(ip, pair)));
          else put(ip, stored(ip));
        }
      }
    }
    for (const [ip, d] of desired) pending.push({ ns: allocationNamespace(job, ip), desired: d });
    promote(ctx, 'build_certs', job);
  }
  await runLimited(work, 4);
  for (const p of pending) certSync(ctx.kv, p.ns, p.desired);
  promote(ctx, 'build', 'ca');
}
