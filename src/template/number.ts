// Go number literals (strconv.ParseInt/ParseUint/ParseFloat with base 0, as the template
// parser uses them) and float formatting (strconv.FormatFloat for 'e', 'f', 'g').

import { quote } from './strconv.ts';
import { type GoInt, intFromBig } from './value.ts';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv's underscoreOK: `_` only between digits or after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64); undefined when it fails (syntax or range). */
export function parseUint0(s: string): bigint | undefined {
  if (s === '') return undefined;
  const s0 = s;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64); undefined when it fails. */
export function parseInt0(s: string): bigint | undefined {
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const u = parseUint0(s);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** strconv.ParseFloat(s, 64) for decimal and hex floats; undefined on error or overflow. */
export function parseFloat64(s: string): number | undefined {
  let sign = 1;
  let body = s;
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  if (body.includes('_') && !underscoreOK(s)) return undefined;
  body = body.replaceAll('_', '');
  let v: number;
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
  if (hex) {
    const int = hex[1] ?? '';
    const frac = hex[2] ?? '';
    if (int === '' && frac === '') return undefined;
    const mant = BigInt('0x' + (int + frac || '0'));
    v = Number(mant) * 2 ** (Number(hex[3]) - 4 * frac.length);
    if (mant > 2n ** 53n) v = hexFloatExact(mant, Number(hex[3]) - 4 * frac.length);
  } else if (/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) {
    v = Number(body);
  } else {
    return undefined;
  }
  return Number.isFinite(v) ? sign * v : undefined;
}

/** mant × 2^exp, correctly rounded, for mantissas too long for a double. */
function hexFloatExact(mant: bigint, exp: number): number {
  const bits = mant.toString(2).length;
  const shift = bits - 53;
  let top = mant >> BigInt(shift);
  const rest = mant - (top << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rest > half || (rest === half && (top & 1n) === 1n)) top += 1n;
  return Number(top) * 2 ** (exp + shift);
}

/** A parsed number literal, with the same flags as Go's parse.NumberNode. */
export interface NumberValue {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: GoInt;
  uint: bigint;
  float: number;
}

/** Go's parse.newNumber for non-char literals; throws Error with Go's message on failure. */
export function parseNumberLiteral(text: string): NumberValue {
  const n: NumberValue = { isInt: false, isUint: false, isFloat: false, int: 0, uint: 0n, float: 0 };
  if (text.endsWith('i') && parseFloat64(text.slice(0, -1)) !== undefined) {
    throw new Error(`complex numbers are not supported: ${quote(text)}`);
  }
  const u = parseUint0(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint = u;
  }
  const i = parseInt0(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int = intFromBig(i);
    if (i === 0n) {
      n.isUint = true;
      n.uint = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = Number(i);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(n.uint);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int = intFromBig(BigInt(f));
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quote(text)}`);
  return n;
}

/** Decimal digits d (no leading/trailing zeros) of a value 0.d × 10^dp; zero is d = ''. */
interface Decimal {
  d: string;
  dp: number;
}

/** Shortest digits that read back as `a` (a > 0), like Go's Ryu shortest mode. */
function shortest(a: number): Decimal {
  const [m, e] = a.toExponential().split('e') as [string, string];
  return { d: m.replace('.', '').replace(/0+$/, ''), dp: Number(e) + 1 };
}

/** The exact decimal expansion of a finite double a > 0. */
function exact(a: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  let e = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e === 0) e = 1;
  else mant |= 1n << 52n;
  e -= 1075;
  let s: string;
  let dp: number;
  if (e >= 0) {
    s = (mant << BigInt(e)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-e)).toString();
    dp = s.length + e;
  }
  const t = s.replace(/0+$/, '');
  return { d: t, dp };
}

/** Go's decimal.Round(nd): round half to even (the digits are exact, so ties are real). */
function round(x: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= x.d.length) return x;
  const c = x.d.charCodeAt(nd) - 48;
  const up = c === 5 && nd + 1 === x.d.length ? nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1 : c >= 5;
  if (!up) {
    const d = x.d.slice(0, nd).replace(/0+$/, '');
    return { d, dp: d === '' ? 0 : x.dp };
  }
  for (let i = nd - 1; i >= 0; i--) {
    if (x.d[i] !== '9') return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
  }
  return { d: '1', dp: x.dp + 1 };
}

function fmtE(neg: boolean, x: Decimal, prec: number, e: string): string {
  let out = neg ? '-' : '';
  out += x.d.length > 0 ? x.d[0] : '0';
  if (prec > 0) {
    out += '.';
    out += x.d.slice(1, Math.min(x.d.length, prec + 1));
    for (let i = Math.max(1, x.d.length); i <= prec; i++) out += '0';
  }
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  out += e + (exp < 0 ? '-' : '+');
  exp = Math.abs(exp);
  return out + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(neg: boolean, x: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (x.dp > 0) {
    out += x.d.slice(0, Math.min(x.d.length, x.dp));
    for (let m = x.d.length; m < x.dp; m++) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** strconv.FormatFloat(v, fmt, prec, 64); prec < 0 means the shortest exact representation. */
export function formatFloat(v: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  const isShortest = prec < 0;
  let x: Decimal;
  if (a === 0) x = { d: '', dp: 0 };
  else if (isShortest) x = shortest(a);
  else {
    x = exact(a);
    if (fmt === 'e' || fmt === 'E') x = round(x, prec + 1);
    else if (fmt === 'f') x = round(x, x.dp + prec);
    else {
      if (prec === 0) prec = 1;
      x = round(x, prec);
    }
  }
  if (isShortest) {
    if (fmt === 'e' || fmt === 'E') prec = x.d.length - 1;
    else if (fmt === 'f') prec = Math.max(x.d.length - x.dp, 0);
    else prec = x.d.length;
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, x, prec, fmt);
  if (fmt === 'f') return fmtF(neg, x, prec);
  let eprec = prec;
  if (eprec > x.d.length && x.d.length >= x.dp) eprec = x.d.length;
  if (isShortest) eprec = 6;
  const exp = x.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > x.d.length) prec = x.d.length;
    return fmtE(neg, x, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > x.dp) prec = x.d.length;
  return fmtF(neg, x, Math.max(prec - x.dp, 0));
}
