// Line diff (Myers' O(ND) algorithm) rendered as unified-diff hunks with three lines of context.

export type Edit = { op: ' ' | '-' | '+'; line: string };

const CONTEXT = 3;

/** Splits text into lines; a trailing newline does not make an empty last line. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** The shortest edit script turning `a` into `b`. */
export function diffLines(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    v = next;
  }
  // walk back through the saved frontiers
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (down) edits.push({ op: '+', line: b[--y]! });
      else edits.push({ op: '-', line: a[--x]! });
    }
  }
  return edits.reverse();
}

/**
 * Unified hunks (`@@ -a,b +c,d @@` then ` `/`-`/`+` lines) of `before` → `after`; '' when equal.
 * `show` maps each line for display (e.g. redaction tokens), with the op it is shown under.
 */
export function unifiedDiff(before: string, after: string, show: (line: string, op: Edit['op']) => string = (l) => l): string {
  const edits = diffLines(lines(before), lines(after));
  const changed = edits.map((e, i) => (e.op !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const out: string[] = [];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - CONTEXT);
    let end = Math.min(edits.length, changed[i]! + CONTEXT + 1);
    while (i + 1 < changed.length && changed[i + 1]! - CONTEXT <= end) end = Math.min(edits.length, changed[++i]! + CONTEXT + 1);
    i++;
    let aLine = 1;
    let bLine = 1;
    for (const e of edits.slice(0, start)) {
      if (e.op !== '+') aLine++;
      if (e.op !== '-') bLine++;
    }
    const hunk = edits.slice(start, end);
    const aCount = hunk.filter((e) => e.op !== '+').length;
    const bCount = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`);
    for (const e of hunk) out.push(`${e.op}${show(e.line, e.op)}`);
  }
  return `${out.join('\n')}\n`;
}

/** GNU diff's hunk range: `start,count`, just `start` for one line, `start-1,0` for none. */
function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}
