// Job versions (§5.3): the stored raw text, the normalized deploy version, the parsed form.
import { MaandError } from '../errors.ts';
import { quoted } from '../util/quoted.ts';

export function storedVersion(raw: string | undefined): string {
  return raw === undefined || raw === '' ? 'unknown' : raw;
}

export function normalizedVersion(raw: string | undefined): string {
  const t = (raw ?? '').trim();
  return t === '' || t.toLowerCase() === 'unknown' ? '0.0.0' : t;
}

export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

export class VersionError extends MaandError {
  override name = 'VersionError';
  constructor(message: string) {
    super('invalid version', message, undefined, { bare: true });
  }
}

export function parseVersion(raw: string): ParsedVersion {
  let s = raw.trim();
  if (s === '') throw new VersionError('version is empty');
  if (s.toLowerCase() === 'unknown') throw new VersionError(`version ${quoted(raw)} is not allowed`);
  if (s.startsWith('v')) s = s.slice(1);
  if (s.startsWith('V')) s = s.slice(1);
  let core = s;
  let prerelease = '';
  const dash = s.indexOf('-');
  if (dash >= 0) {
    core = s.slice(0, dash);
    prerelease = s.slice(dash + 1).trim();
    if (prerelease === '') throw new VersionError('empty prerelease suffix');
  }
  const parts = core.split('.');
  if (parts.length < 1 || parts.length > 3) throw new VersionError(`${quoted(core)}`);
  const nums = parts.map((p) => {
    const t = p.trim();
    if (t === '') throw new VersionError(`empty segment in ${quoted(core)}`);
    if (!/^\+?\d+$/.test(t)) throw new VersionError(`invalid segment ${quoted(t)} in ${quoted(core)}`);
    const n = Number(t.replace('+', ''));
    // Go's Atoi fails past int64; here past 2^53, where a segment would no longer compare exactly
    if (!Number.isSafeInteger(n)) throw new VersionError(`segment ${quoted(t)} in ${quoted(core)} is out of range`);
    return n;
  });
  return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0, prerelease };
}

export function formatVersion(v: ParsedVersion): string {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;
}

export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}
