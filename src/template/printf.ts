// fmt.Sprintf: parses the format string with Go's rules (flags, width, precision, `*`,
// argument indexes `%[n]d`) and its in-band errors (`%!d(MISSING)`, `%!(EXTRA …)`,
// `%!(BADINDEX)`, `%!(NOVERB)`). Formats without `*` or indexes are parsed once and cached.

import { Printer } from './format.ts';
import { typeName } from './value.ts';

const TOO_LARGE = 1e6;

function parseNum(s: string, i: number): { num: number; ok: boolean; next: number } {
  let num = 0;
  let ok = false;
  let j = i;
  for (; j < s.length && s[j]! >= '0' && s[j]! <= '9'; j++) {
    if (num > TOO_LARGE || num < -TOO_LARGE) return { num: 0, ok: false, next: s.length };
    num = num * 10 + (s.charCodeAt(j) - 48);
    ok = true;
  }
  return { num, ok, next: j };
}

/** A directive of a simple format: literal text before it, then its verb and flags. */
interface Directive {
  text: string;
  verb: string;
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

interface Compiled {
  directives: Directive[];
  tail: string;
  /** Operands consumed (every verb but %%). */
  operands: number;
}

const compiledFormats = new Map<string, Compiled | null>();
const shared = new Printer();

/** Parses a format with no `*`, no `[n]` and a verb after every `%`; null for any other. */
function compileFormat(f: string): Compiled | null {
  const directives: Directive[] = [];
  let operands = 0;
  let i = 0;
  for (;;) {
    const pct = f.indexOf('%', i);
    if (pct < 0) return { directives, tail: f.slice(i), operands };
    const d: Directive = {
      text: f.slice(i, pct), verb: '', plus: false, minus: false, sharp: false, space: false, zero: false,
      wid: 0, widPresent: false, prec: 0, precPresent: false,
    };
    i = pct + 1;
    flags: for (; i < f.length; i++) {
      switch (f[i]) {
        case '#': d.sharp = true; break;
        case '0': d.zero = !d.minus; break;
        case '+': d.plus = true; break;
        case '-': d.minus = true; d.zero = false; break;
        case ' ': d.space = true; break;
        default: break flags;
      }
    }
    if (f[i] === '*' || f[i] === '[') return null;
    const w = parseNum(f, i);
    [d.wid, d.widPresent, i] = [w.num, w.ok, w.next];
    if (i + 1 < f.length && f[i] === '.') {
      if (f[i + 1] === '*' || f[i + 1] === '[') return null;
      const p = parseNum(f, i + 1);
      [d.prec, d.precPresent, i] = [p.num, true, p.next];
    }
    if (i >= f.length || f[i] === '[') return null;
    d.verb = String.fromCodePoint(f.codePointAt(i)!);
    i += d.verb.length;
    if (d.verb !== '%') operands++;
    directives.push(d);
  }
}

/** fmt.Sprintf(format, a[start:]...) */
export function sprintf(format: string, a: readonly unknown[], start = 0): string {
  let c = compiledFormats.get(format);
  if (c === undefined) {
    c = compileFormat(format);
    if (compiledFormats.size < 1000) compiledFormats.set(format, c);
  }
  // The cached form covers formats whose operand count matches; errors go the long way.
  if (c === null || c.operands !== a.length - start) return new Formatter(format, a.slice(start)).run();
  const p = shared;
  p.buf = '';
  let arg = start;
  for (const d of c.directives) {
    p.buf += d.text;
    if (d.verb === '%') {
      p.buf += '%';
      continue;
    }
    p.clearFlags();
    p.minus = d.minus;
    p.space = d.space;
    p.zero = d.zero;
    p.wid = d.wid;
    p.widPresent = d.widPresent;
    p.prec = d.prec;
    p.precPresent = d.precPresent;
    if (d.verb === 'v') {
      p.sharpV = d.sharp;
      p.plusV = d.plus;
    } else {
      p.sharp = d.sharp;
      p.plus = d.plus;
    }
    p.printArg(a[arg++], d.verb);
  }
  const out = p.buf + c.tail;
  p.buf = '';
  return out;
}

class Formatter {
  private readonly p = new Printer();
  private argNum = 0;
  private reordered = false;
  private goodArgNum = true;
  private readonly format: string;
  private readonly a: readonly unknown[];

  constructor(format: string, a: readonly unknown[]) {
    this.format = format;
    this.a = a;
  }

  /** Parses `[n]` at i; returns the index after it and whether an index was found. */
  private argNumber(i: number): { next: number; found: boolean } {
    const f = this.format;
    if (i >= f.length || f[i] !== '[') return { next: i, found: false };
    this.reordered = true;
    const close = f.indexOf(']', i + 1);
    if (f.length - i < 3 || close < 0) {
      this.goodArgNum = false;
      return { next: i + 1, found: false };
    }
    const n = parseNum(f, i + 1);
    if (!n.ok || n.next !== close) {
      this.goodArgNum = false;
      return { next: close + 1, found: false };
    }
    const index = n.num - 1;
    if (index >= 0 && index < this.a.length) {
      this.argNum = index;
      return { next: close + 1, found: true };
    }
    this.goodArgNum = false;
    return { next: close + 1, found: true };
  }

  private intFromArg(): { num: number; ok: boolean } {
    if (this.argNum >= this.a.length) return { num: 0, ok: false };
    const v = this.a[this.argNum++];
    if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= TOO_LARGE) return { num: v, ok: true };
    if (typeof v === 'bigint' && v <= BigInt(TOO_LARGE) && v >= -BigInt(TOO_LARGE)) return { num: Number(v), ok: true };
    return { num: 0, ok: false };
  }

  run(): string {
    const { p, format: f } = this;
    const end = f.length;
    let i = 0;
    while (i < end) {
      this.goodArgNum = true;
      const pct = f.indexOf('%', i);
      if (pct < 0) {
        p.buf += f.slice(i);
        break;
      }
      p.buf += f.slice(i, pct);
      i = pct + 1;
      p.clearFlags();
      flags: for (; i < end; i++) {
        switch (f[i]) {
          case '#': p.sharp = true; break;
          case '0': p.zero = !p.minus; break;
          case '+': p.plus = true; break;
          case '-': p.minus = true; p.zero = false; break;
          case ' ': p.space = true; break;
          default: break flags;
        }
      }
      let idx = this.argNumber(i);
      i = idx.next;
      let afterIndex = idx.found;
      if (i < end && f[i] === '*') {
        i++;
        const w = this.intFromArg();
        p.wid = w.num;
        p.widPresent = w.ok;
        if (!w.ok) p.buf += '%!(BADWIDTH)';
        if (p.wid < 0) {
          p.wid = -p.wid;
          p.minus = true;
          p.zero = false;
        }
        afterIndex = false;
      } else {
        const w = parseNum(f, i);
        p.wid = w.num;
        p.widPresent = w.ok;
        i = w.next;
        if (afterIndex && p.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && f[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        idx = this.argNumber(i);
        i = idx.next;
        afterIndex = idx.found;
        if (i < end && f[i] === '*') {
          i++;
          const pr = this.intFromArg();
          p.prec = pr.num;
          p.precPresent = pr.ok;
          if (p.prec < 0) {
            p.prec = 0;
            p.precPresent = false;
          }
          if (!pr.ok) p.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          const pr = parseNum(f, i);
          p.prec = pr.num;
          p.precPresent = true;
          i = pr.next;
        }
      }
      if (!afterIndex) {
        idx = this.argNumber(i);
        i = idx.next;
        afterIndex = idx.found;
      }
      if (i >= end) {
        p.buf += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(f.codePointAt(i)!);
      i += verb.length;
      if (verb === '%') p.buf += '%';
      else if (!this.goodArgNum) p.buf += '%!' + verb + '(BADINDEX)';
      else if (this.argNum >= this.a.length) p.buf += '%!' + verb + '(MISSING)';
      else {
        if (verb === 'v') {
          p.sharpV = p.sharp;
          p.sharp = false;
          p.plusV = p.plus;
          p.plus = false;
        }
        p.printArg(this.a[this.argNum++], verb);
      }
    }
    if (!this.reordered && this.argNum < this.a.length) {
      p.clearFlags();
      p.buf += '%!(EXTRA ';
      this.a.slice(this.argNum).forEach((arg, k) => {
        if (k > 0) p.buf += ', ';
        if (arg === undefined || arg === null) p.buf += '<nil>';
        else {
          p.buf += typeName(arg) + '=';
          p.printArg(arg, 'v');
        }
      });
      p.buf += ')';
    }
    return p.buf;
  }
}
