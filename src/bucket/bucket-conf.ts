// workspace/bucket.conf (port pool + bucket vars, §4.2) and bucket.jobs[.<selector>].conf (§4.3).
import { join, relative } from 'node:path';
import { MaandError } from '../errors.ts';
import type { BucketPaths } from './paths.ts';
import { FileReadError } from './read-file.ts';
import { firstLine, readToml, stringMap, tomlTypeName } from './toml.ts';
import { quoted } from '../util/quoted.ts';

export const DEFAULT_BUCKET_CONF_TEXT = 'port_min = "30000"\nport_max = "39999"\n';

/** All keys of bucket.conf (missing file → empty map). */
export function readBucketConf(paths: BucketPaths): Record<string, string> {
  try {
    const table = readToml(paths.bucketConf, 'workspace/bucket.conf');
    return table === undefined ? {} : stringMap(table, '');
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new MaandError('invalid bucket.conf', `${firstLine(e)} (workspace/bucket.conf: every value must be a quoted string)`);
  }
}

export interface PortPool {
  min: number;
  max: number;
}

export function portPool(conf: Record<string, string>): PortPool {
  const read = (key: 'port_min' | 'port_max', dflt: number): number => {
    const raw = conf[key] ?? '';
    const t = raw.trim();
    if (t === '') return dflt;
    if (!/^[+-]?\d+$/.test(t)) throw new MaandError('invalid port range in bucket.conf', `${key} ${quoted(raw)}`);
    return Number(t);
  };
  const min = read('port_min', 30000);
  const max = read('port_max', 39999);
  if (min < 1 || max > 65535 || min > max) throw new MaandError('invalid port range in bucket.conf', `port_min=${min} port_max=${max}`);
  return { min, max };
}

export interface JobsConf {
  /** Bare file name, e.g. `bucket.jobs.conf` or `bucket.jobs.prod.conf`. */
  fileName: string;
  sections: Map<string, Record<string, string>>;
}

export function jobsConfFileName(selector: string): string {
  const s = selector.trim();
  return s === '' ? 'bucket.jobs.conf' : `bucket.jobs.${s}.conf`;
}

/** The selected bucket.jobs*.conf: top-level tables named after jobs, each a string map. */
export function readJobsConf(paths: BucketPaths, selector: string): JobsConf {
  const fileName = jobsConfFileName(selector);
  const file = join(paths.workspace, fileName);
  const rel = relative(paths.root, file);
  const sections = new Map<string, Record<string, string>>();
  let table;
  try {
    table = readToml(file, rel);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new MaandError('invalid bucket.conf', `bucket conf ${rel} ${firstLine(e)}`);
  }
  if (table === undefined) return { fileName, sections };
  for (const [job, section] of Object.entries(table)) {
    if (typeof section !== 'object' || section === null || Array.isArray(section) || section instanceof Date)
      throw new MaandError('invalid bucket.conf', `bucket conf ${rel} key ${quoted(job)} must be a [${job}] table, got ${tomlTypeName(section)}`);
    try {
      sections.set(job, stringMap(section as Record<string, unknown>, `[${job}] `));
    } catch (e) {
      throw new MaandError('invalid bucket.conf', `bucket conf ${rel} ${firstLine(e)}`);
    }
  }
  return { fileName, sections };
}
