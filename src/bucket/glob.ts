// restart_globs validation (§6.9) with Go's filepath.Match syntax: `*`, `?`, `[...]` (with `^`
// negation and ranges), `\` escapes; an unterminated class is a syntax error.
import { quoted } from '../util/quoted.ts';

export function isValidGlob(pattern: string): boolean {
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i + 1 >= pattern.length) return false;
      i += 2;
    } else if (c === '[') {
      const end = classEnd(pattern, i + 1);
      if (end < 0) return false;
      i = end + 1;
    } else i++;
  }
  return true;
}

/** Index of the closing `]` of a class starting after `[`, or -1 when malformed. */
function classEnd(p: string, start: number): number {
  let i = start;
  if (p[i] === '^') i++;
  let n = 0;
  while (i < p.length) {
    if (p[i] === ']' && n > 0) return i;
    const lo = readClassChar(p, i);
    if (lo < 0) return -1;
    i = lo;
    if (p[i] === '-') {
      const hi = readClassChar(p, i + 1);
      if (hi < 0) return -1;
      i = hi;
    }
    n++;
  }
  return -1;
}

function readClassChar(p: string, i: number): number {
  if (i >= p.length) return -1;
  if (p[i] === '-' || p[i] === ']') return -1;
  if (p[i] === '\\') return i + 2 <= p.length - 1 || i + 1 < p.length ? i + 2 : -1;
  return i + 1;
}

/** Applies the `**` acceptance rules, then the single-segment syntax. Returns an error text or undefined. */
export function checkRestartGlob(raw: string): string | undefined {
  const p = raw.trim();
  if (p === '') return 'empty glob pattern';
  if (p.includes('**')) {
    if (p.startsWith('**/')) {
      const rest = p.slice(3);
      const seg = rest.includes('/') ? rest.slice(rest.indexOf('/') + 1) : rest;
      return isValidGlob(seg) ? undefined : `invalid glob pattern ${quoted(p)}: syntax error in pattern`;
    }
    return undefined;
  }
  return isValidGlob(p) ? undefined : `invalid glob pattern ${quoted(p)}: syntax error in pattern`;
}
