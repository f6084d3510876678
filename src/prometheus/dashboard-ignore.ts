// `.dashboardignore` (deploy spec §8.4): gitignore-like patterns that keep dashboard files out of the
// consoles index (the files are still staged). Segments are matched with glob-match's Go path.Match, so
// `*`, `?`, classes and escapes behave as in restart_globs; `**` spans any number of segments.
import { byteCompare } from '../util/go-json.ts';
import { pathMatch } from '../util/glob-match.ts';

export const IGNORE_FILE = '.dashboardignore';

interface Rule {
  /** Directory of the .dashboardignore, relative to the dashboards root ('' at the root). */
  dir: string;
  segments: string[];
  /** No `/` in the pattern: it matches a base name at any depth. */
  baseName: boolean;
  dirOnly: boolean;
  negate: boolean;
}

function parseRules(dir: string, text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    const baseName = !line.includes('/');
    line = line.replace(/^\/+/, '');
    if (line === '') continue;
    rules.push({ dir, segments: line.split('/').filter((s) => s !== ''), baseName, dirOnly, negate });
  }
  return rules;
}

function matchSegments(pattern: string[], path: string[]): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '**') return matchSegments(rest, path) || (path.length > 0 && matchSegments(pattern, path.slice(1)));
  return path.length > 0 && pathMatch(head, path[0]!) && matchSegments(rest, path.slice(1));
}

/** True when the rule matches the file or one of its parent directories (ignoring a directory ignores its files). */
function ruleMatches(rule: Rule, rel: string): boolean {
  if (rule.dir !== '' && !rel.startsWith(`${rule.dir}/`)) return false;
  const parts = (rule.dir === '' ? rel : rel.slice(rule.dir.length + 1)).split('/');
  for (let k = 1; k <= parts.length; k++) {
    if (rule.dirOnly && k === parts.length) continue;
    const candidate = parts.slice(0, k);
    if (rule.baseName ? pathMatch(rule.segments[0]!, candidate[k - 1]!) : matchSegments(rule.segments, candidate)) return true;
  }
  return false;
}

function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

function baseOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

export function isIgnoreFile(rel: string): boolean {
  return baseOf(rel) === IGNORE_FILE;
}

/**
 * The dashboard files (paths relative to one job's dashboards directory) that the index lists: every file
 * except the .dashboardignore files and what they ignore. Rules apply to their own directory and below;
 * outer files are read first and the last matching rule wins, so `!pattern` lists a file again.
 */
export function listedDashboards(files: ReadonlyMap<string, Uint8Array>): string[] {
  const depth = (rel: string): number => rel.split('/').length;
  const ignoreFiles = [...files.keys()].filter(isIgnoreFile).sort((a, b) => depth(a) - depth(b) || byteCompare(a, b));
  const rules = ignoreFiles.flatMap((rel) => parseRules(dirOf(rel), Buffer.from(files.get(rel)!).toString('utf8')));
  return [...files.keys()]
    .filter((rel) => !isIgnoreFile(rel))
    .filter((rel) => {
      let ignored = false;
      for (const r of rules) if (ruleMatches(r, rel)) ignored = !r.negate;
      return !ignored;
    })
    .sort(byteCompare);
}
