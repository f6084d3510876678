// A job's stored health-check section (`job.health_check`, spec kv §5.1) with defaults applied.
import type { Db } from '../catalog/db.ts';
import { jobPorts } from '../catalog/queries.ts';
import { MaandError } from '../errors.ts';

export interface ProbeSpec {
  /** Trimmed, lower-case: tcp, http, ssh (anything else fails at run time). */
  type: string;
  port: string;
  command: string;
  path: string;
  expectStatus: number;
  scheme: string;
}

export interface JobHealthSpec {
  checks: ProbeSpec[];
  timeoutMs: number;
  attempts: number;
  intervalMs: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 5;
export const DEFAULT_ATTEMPTS = 30;
export const DEFAULT_INTERVAL_SECONDS = 1;

/** Empty/absent column → no checks and the defaults (the reference drops `wait` then too, spec kv §8 item 10). */
export function loadHealthSpec(db: Db, job: string): JobHealthSpec {
  const row = db.prepare('SELECT health_check FROM job WHERE name = ?').get(job) as { health_check: string | null } | undefined;
  return parseHealthSpec(job, row?.health_check ?? '');
}

export function parseHealthSpec(job: string, text: string): JobHealthSpec {
  const spec: JobHealthSpec = {
    checks: [], timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, attempts: DEFAULT_ATTEMPTS, intervalMs: DEFAULT_INTERVAL_SECONDS * 1000,
  };
  if (text.trim() === '') return spec;
  let doc: { checks?: unknown; timeout_seconds?: unknown; wait?: { attempts?: unknown; interval_seconds?: unknown } | null };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (e) {
    throw invalid(job, `health_check: ${(e as Error).message}`);
  }
  const pos = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v : undefined);
  spec.timeoutMs = (pos(doc.timeout_seconds) ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  spec.attempts = pos(doc.wait?.attempts) ?? DEFAULT_ATTEMPTS;
  spec.intervalMs = (pos(doc.wait?.interval_seconds) ?? DEFAULT_INTERVAL_SECONDS) * 1000;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  for (const c of Array.isArray(doc.checks) ? (doc.checks as Array<Record<string, unknown>>) : []) {
    spec.checks.push({
      type: str(c['type']).trim().toLowerCase(),
      port: str(c['port']).trim(),
      command: str(c['command']),
      path: str(c['path']) || '/',
      expectStatus: pos(c['expect_status']) ?? 200,
      scheme: (str(c['scheme']) || 'http').toLowerCase(),
    });
  }
  return spec;
}

/** The assigned number of each port name a tcp/http check uses; an unknown name is an invalid manifest. */
export function probePorts(db: Db, job: string, checks: readonly ProbeSpec[]): Map<string, number> {
  const assigned = new Map(jobPorts(db, job).map((p) => [p.name, p.port]));
  const out = new Map<string, number>();
  for (const c of checks) {
    if (c.type !== 'tcp' && c.type !== 'http') continue;
    const n = assigned.get(c.port);
    if (n === undefined) throw invalid(job, `port "${c.port}" (declare it in resources.ports and run maand build)`);
    out.set(c.port, n);
  }
  return out;
}

function invalid(job: string, detail: string): MaandError {
  return new MaandError('invalid manifest.json', `job ${job} ${detail}`);
}
