// Semantic checks of a decoded manifest, in the reference's order (§6.2-6.9, §8.4 steps 3-12).
import { MaandError } from '../errors.ts';
import { goFixed2 } from '../util/go-format.ts';
import { goJson } from '../util/go-json.ts';
import { checkRestartGlob } from './glob.ts';
import type { HealthCheckSpec, Manifest } from './manifest.ts';
import { parseCpuMhz, parseMemoryMb } from './units.ts';
import { quoted } from '../util/quoted.ts';

function invalid(job: string, detail: string): MaandError {
  return new MaandError('invalid manifest.json', `job ${job} ${detail}`);
}

export interface Bounds {
  min: number;
  max: number;
}

/** Parses min/max, defaults max to min, checks min ≤ max. */
export function resourceBounds(job: string, m: Manifest, kind: 'cpu' | 'memory'): Bounds {
  const parse = kind === 'cpu' ? parseCpuMhz : parseMemoryMb;
  const spec = kind === 'cpu' ? m.cpu : m.memory;
  let min: number, max: number;
  try {
    min = parse(spec.min);
    max = parse(spec.max);
  } catch (e) {
    throw invalid(job, (e as Error).message);
  }
  if (min !== 0 && max === 0) max = min;
  if (min > max) throw invalid(job, kind === 'cpu' ? 'minCPUMhz > maxCPUMhz' : 'minMemoryMb > maxMemoryMb');
  return { min, max };
}

export interface Reservation {
  min: number;
  max: number;
  current: number;
  source: string;
}

/** Layer 2: the optional reservation of bucket.jobs*.conf (§6.3). */
export function reservation(job: string, kind: 'cpu' | 'memory', b: Bounds, section: Record<string, string> | undefined, fileName: string): Reservation {
  if (section === undefined || !(kind in section)) return { ...b, current: b.max, source: 'manifest' };
  let req: number;
  try {
    req = (kind === 'cpu' ? parseCpuMhz : parseMemoryMb)(section[kind]!);
  } catch (e) {
    throw new MaandError('invalid bucket.conf', `bucket conf workspace/${fileName} [${job}] ${kind}: ${(e as Error).message}`);
  }
  const [col, unit] = kind === 'cpu' ? ['cpu_mhz', 'mhz'] : ['memory_mb', 'mb'];
  if (b.min === 0 && b.max === 0) return { min: req, max: req, current: req, source: fileName };
  if (req > b.max)
    throw new MaandError('unsupported resource configuration', `${fileName}, job ${job} max_${col} ${goFixed2(b.max)} ${unit}, requested ${goFixed2(req)} ${unit}`);
  if (req < b.min)
    throw new MaandError('unsupported resource configuration', `${fileName}, job ${job} min_${col} ${goFixed2(b.min)} ${unit}, requested ${goFixed2(req)} ${unit}`);
  return { min: b.min, max: b.max, current: req, source: fileName };
}

export function validateHealthCheck(job: string, m: Manifest): void {
  const checks = m.health_check?.checks ?? [];
  checks.forEach((c, i) => {
    const type = c.type.trim().toLowerCase();
    if (!['tcp', 'http', 'ssh'].includes(type)) throw invalid(job, `health_check.checks[${i}] type ${quoted(c.type)} (want tcp, http, or ssh)`);
    if (type === 'ssh') {
      if (c.command.trim() === '') throw invalid(job, `health_check.checks[${i}] ssh probe requires command`);
      return;
    }
    const port = c.port.trim();
    if (port === '') throw invalid(job, `health_check.checks[${i}] missing port`);
    if (!m.ports.has(port)) throw invalid(job, `health_check.checks[${i}] port ${quoted(port)} not in resources.ports`);
    if (type === 'http' && !(c.path === '' ? '/' : c.path).startsWith('/')) throw invalid(job, `health_check.checks[${i}] path must start with /`);
  });
}

/** The `job.health_check` column: Go JSON of the section, or "" when there are no checks (§6.8). */
export function healthCheckJson(h: HealthCheckSpec | undefined): string {
  if (!h || h.checks.length === 0) return '';
  const checks = h.checks.map((c) => {
    const o: Record<string, unknown> = { type: c.type };
    if (c.port) o['port'] = c.port;
    if (c.command) o['command'] = c.command;
    if (c.path) o['path'] = c.path;
    if (c.expect_status) o['expect_status'] = c.expect_status;
    if (c.scheme) o['scheme'] = c.scheme;
    return o;
  });
  return goJson({ checks, timeout_seconds: h.timeout_seconds, wait: h.wait }, false);
}

export function restartPolicy(job: string, m: Manifest): { policy: string; globsJson: string } {
  const policy = m.restart_policy === '' ? 'always' : m.restart_policy;
  if (!['always', 'reload', 'never'].includes(policy))
    throw invalid(job, `invalid manifest.json: restart_policy must be one of always, reload, never (got ${quoted(m.restart_policy)})`);
  if (m.restart_globs.length > 0 && policy !== 'reload') throw invalid(job, 'restart_globs requires restart_policy reload');
  for (const g of m.restart_globs) {
    const err = checkRestartGlob(g);
    if (err) throw invalid(job, `restart_globs: invalid manifest.json: ${err}`);
  }
  return { policy, globsJson: goJson(m.restart_globs) };
}

export function checkMinAllocations(job: string, m: Manifest): void {
  if (m.min_allocations_count < 0) throw invalid(job, 'min_allocations_count must be >= 0');
}

/** Effective selectors: [] or absent → the job name; otherwise drop "" and duplicates, keep order. */
export function effectiveSelectors(job: string, m: Manifest): string[] {
  if (m.selectors === undefined || m.selectors.length === 0) return [job];
  return [...new Set(m.selectors.filter((s) => s !== ''))];
}
