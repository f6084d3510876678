// Build step 4: versions and command demands across the workspace (§8.6).
import { MaandError } from '../errors.ts';
import { checkDemandPair } from '../bucket/commands.ts';
import type { Manifest } from '../bucket/manifest.ts';
import { compareVersions, formatVersion, parseVersion, type ParsedVersion } from '../bucket/version.ts';
import type { JsonValue } from '../util/json-decode.ts';
import { quoted } from '../util/quoted.ts';

export function validateDemands(jobs: string[], manifests: Map<string, Manifest>): void {
  const demanded = new Set<string>();
  for (const job of jobs) for (const c of manifests.get(job)!.commands.values()) if (c.demands.job.trim() !== '') demanded.add(c.demands.job.trim());

  const versions = new Map<string, ParsedVersion | undefined>();
  for (const job of jobs) {
    const m = manifests.get(job)!;
    const raw = m.version.trim();
    const needs = demanded.has(job) || [...m.commands.values()].some((c) => c.demands.job.trim() !== '');
    if (raw === '') {
      if (needs) throw new MaandError('invalid job version', `job ${quoted(job)} must declare version (dependency participant); add "version" to its manifest.json`);
      versions.set(job, undefined);
      continue;
    }
    try {
      versions.set(job, parseVersion(raw));
    } catch (e) {
      const err = new MaandError('invalid job version', (e as Error).message);
      err.message = `job ${quoted(job)}: ${err.message}`;
      throw err;
    }
  }

  for (const job of jobs) {
    const m = manifests.get(job)!;
    for (const [name, c] of [...m.commands].sort(([a], [b]) => (a < b ? -1 : 1))) {
      checkDemandPair(job, name, c);
      const up = c.demands.job.trim();
      if (up === '') continue;
      const upManifest = manifests.get(up);
      if (!upManifest) throw new MaandError('invalid job command demand', `job ${job} command ${name} demands unknown job ${quoted(up)}`);
      const upCmd = c.demands.command.trim();
      if (!upManifest.commands.has(upCmd))
        throw new MaandError('invalid job command demand', `job ${job} command ${name} demands job ${quoted(up)} command ${quoted(upCmd)} which is not declared`);
      checkVersionBounds(job, name, up, c.demands.config, versions.get(up));
    }
  }
}

function bound(job: string, cmd: string, key: 'min_version' | 'max_version', v: JsonValue | undefined): ParsedVersion | undefined {
  if (v === undefined) return undefined;
  const fail = (detail: string): MaandError => {
    const e = new MaandError('invalid job version', detail);
    e.message = `job ${job} command ${cmd}: demands.config.${key}: ${e.message}`;
    return e;
  };
  let text: string;
  if (typeof v === 'string') text = v;
  else if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw fail(`non-integer number ${v}`);
    text = String(v);
  } else throw fail(`unsupported type ${v === null ? '<nil>' : Array.isArray(v) ? '[]interface {}' : typeof v === 'object' ? 'map[string]interface {}' : typeof v}`);
  try {
    return parseVersion(text);
  } catch (e) {
    throw fail((e as Error).message);
  }
}

function checkVersionBounds(job: string, cmd: string, up: string, config: Record<string, JsonValue>, upVersion: ParsedVersion | undefined): void {
  const min = bound(job, cmd, 'min_version', config['min_version']);
  const max = bound(job, cmd, 'max_version', config['max_version']);
  if (min && max && compareVersions(min, max) > 0) {
    const e = new MaandError('invalid job command configuration', `min_version ${formatVersion(min)} > max_version ${formatVersion(max)}`);
    e.message = `job ${job} command ${cmd}: ${e.message}`;
    throw e;
  }
  if (!min && !max) return;
  if (!upVersion) throw new MaandError('invalid job version', `job ${quoted(up)} must declare version (required by ${job} command ${cmd})`);
  const mismatch = (detail: string): MaandError => {
    const e = new MaandError('job command demand version mismatch', detail);
    e.message = `job ${job} command ${cmd} depends on ${up}: ${e.message}`;
    return e;
  };
  if (min && compareVersions(upVersion, min) < 0) throw mismatch(`upstream version ${formatVersion(upVersion)} below min_version ${formatVersion(min)}`);
  if (max && compareVersions(upVersion, max) > 0) throw mismatch(`upstream version ${formatVersion(upVersion)} above max_version ${formatVersion(max)}`);
}
