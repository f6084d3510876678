// restart_globs matching (deploy spec §13.3): Go path.Match per segment plus maand's `**` forms.

/** Go path.Match: `*` (no `/`), `?`, `[...]`/`[^...]` classes, `\` escapes; malformed → no match. */
export function pathMatch(pattern: string, name: string): boolean {
  const re = globToRegExp(pattern);
  return re !== undefined && re.test(name);
}

function globToRegExp(p: string): RegExp | undefined {
  let out = '^';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= p.length) return undefined;
      out += escapeRe(p[++i]!);
    } else if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (p[j] === '^') {
        cls += '^';
        j++;
      }
      let n = 0;
      for (; j < p.length && !(p[j] === ']' && n > 0); j++, n++) {
        if (p[j] === '\\') {
          j++;
          if (j >= p.length) return undefined;
        }
        cls += p[j] === ']' || p[j] === '\\' || p[j] === '^' ? `\\${p[j]}` : p[j];
      }
      if (j >= p.length) return undefined;
      out += `${cls}]`;
      i = j;
    } else out += escapeRe(c);
  }
  try {
    return new RegExp(`${out}$`, 'u');
  } catch {
    return undefined;
  }
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function lastSegment(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function globMatches(rawPattern: string, rawPath: string): boolean {
  const pattern = rawPattern.trim();
  const path = rawPath.replace(/^\/+/, '');
  if (pattern === '') return false;
  if (!/[*?[]/.test(pattern) && (path === pattern || lastSegment(path) === pattern)) return true;
  if (pattern.includes('**')) {
    if (pattern.startsWith('**/')) {
      const s = pattern.slice(3);
      if (s.includes('/')) {
        const dir = s.slice(0, s.indexOf('/'));
        const name = s.slice(s.indexOf('/') + 1);
        return path.startsWith(`${dir}/`) && pathMatch(name, path.slice(dir.length + 1));
      }
      return pathMatch(s, lastSegment(path)) || pathMatch(s, path);
    }
    if (pattern.endsWith('/**')) {
      const prefix = pattern.slice(0, -3);
      return path === prefix || path.startsWith(`${prefix}/`);
    }
    const parts = pattern.split('**');
    if (parts.length !== 2) return false;
    const [prefix, suffixRaw] = parts as [string, string];
    if (prefix !== '' && !path.startsWith(prefix)) return false;
    const rest = path.slice(prefix.length).replace(/^\//, '');
    const suffix = suffixRaw.replace(/^\//, '');
    if (suffix === '') return true;
    return pathMatch(suffix, rest) || pathMatch(suffix, lastSegment(rest));
  }
  if (pattern.includes('/')) {
    if (pathMatch(pattern, path)) return true;
    if (pattern.endsWith('/')) return path === pattern.slice(0, -1) || path.startsWith(pattern);
    return false;
  }
  return pathMatch(pattern, lastSegment(path)) || pathMatch(pattern, path);
}

/** Changed paths matching at least one pattern, in input order. */
export function matchAny(patterns: string[], paths: string[]): string[] {
  return paths.filter((p) => patterns.some((g) => globMatches(g, p)));
}
