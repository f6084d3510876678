// The parts of Go's strconv and unicode packages the engine needs: quoting (%q, error
// messages), unquoting string/char literals, Atoi with Go's error texts, and TrimSpace.
import { MaandError } from '../errors.ts';

import { decodeGoString, hasRawBytes, rawByte } from './gostring.ts';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(cp: number): boolean {
  return cp >= 0x20 && cp < 0x7f ? true : cp < 0x7f ? false : PRINTABLE.test(String.fromCodePoint(cp));
}

const HEX = '0123456789abcdef';

function hexDigits(n: number, width: number): string {
  let s = '';
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) s += HEX[(n >>> shift) & 0xf];
  return s;
}

function escapeRune(cp: number, quote: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return ch;
  switch (cp) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hexDigits(cp, 2);
  const raw = rawByte(cp);
  if (raw !== undefined) return '\\x' + hexDigits(raw, 2); // Go quotes an invalid byte as \xNN
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate is not a valid rune
  return cp < 0x10000 ? '\\u' + hexDigits(cp, 4) : '\\U' + hexDigits(cp, 8);
}

function quoteWith(s: string, quote: string, asciiOnly: boolean): string {
  let out = quote;
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, quote, asciiOnly);
  return out + quote;
}

/** strconv.Quote */
export function quote(s: string): string {
  return quoteWith(s, '"', false);
}

/** strconv.QuoteToASCII */
export function quoteASCII(s: string): string {
  return quoteWith(s, '"', true);
}

/** strconv.QuoteRune (or QuoteRuneToASCII). */
export function quoteRune(cp: number, asciiOnly = false): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0) cp = 0xfffd;
  return "'" + escapeRune(cp, "'", asciiOnly) + "'";
}

/** strconv.CanBackquote: fits in a raw string literal. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '`' || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if ((cp < 0x20 && cp !== 9) || cp === 0x7f) return false;
  }
  return true;
}

/** Thrown by unquote; its message is Go's ErrSyntax text. */
export class UnquoteError extends MaandError {
  override name = 'UnquoteError';
  constructor() {
    super('template', 'invalid syntax', undefined, { bare: true });
  }
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/**
 * Decodes one (possibly escaped) character at s[i] inside a `quote`-quoted literal.
 * Returns the code point (or raw byte for \x and octal escapes) and the next index.
 */
export function unquoteChar(s: string, i: number, quote: string): { value: number; byte: boolean; next: number } {
  const c = s[i];
  if (c === undefined) throw new UnquoteError();
  if (c === quote && (quote === "'" || quote === '"')) throw new UnquoteError();
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    return { value: cp, byte: false, next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[i + 1];
  if (e === undefined) throw new UnquoteError();
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e]!, byte: false, next: i + 2 };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = s.slice(i + 2, i + 2 + n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) throw new UnquoteError();
    const v = parseInt(digits, 16);
    if (e === 'x') return { value: v, byte: true, next: i + 2 + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new UnquoteError();
    return { value: v, byte: false, next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new UnquoteError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new UnquoteError();
    return { value: v, byte: true, next: i + 4 };
  }
  if ((e === "'" || e === '"') && e === quote) return { value: e.charCodeAt(0), byte: false, next: i + 2 };
  throw new UnquoteError();
}

/**
 * strconv.Unquote for "…", `…` and '…' literals. Byte escapes (`\xc3`) stay raw bytes; a raw
 * invalid byte written into a quoted literal becomes U+FFFD, as in Go (raw `…` keep it).
 */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || q !== lit[lit.length - 1]) throw new UnquoteError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new UnquoteError();
    return body.replaceAll('\r', '');
  }
  if (q !== '"' && q !== "'") throw new UnquoteError();
  if (body.includes('\n')) throw new UnquoteError();
  if (!body.includes('\\') && !body.includes(q) && !hasRawBytes(body)) return body;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  let i = 0;
  while (i < body.length) {
    const r = unquoteChar(body, i, q);
    if (r.byte) bytes.push(r.value);
    else for (const b of enc.encode(String.fromCodePoint(r.value))) bytes.push(b);
    i = r.next;
  }
  return decodeGoString(new Uint8Array(bytes));
}

const INT64_MAX = (1n << 63n) - 1n;

/** strconv.Atoi, with Go's error texts (`strconv.Atoi: parsing "x": invalid syntax`). */
export function atoi(s: string): number | bigint {
  const fail = (why: string): Error => new Error(`strconv.Atoi: parsing ${quote(s)}: ${why}`);
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  if (i >= s.length) throw fail('invalid syntax');
  let n = 0n;
  const limit = neg ? INT64_MAX + 1n : INT64_MAX;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw fail('invalid syntax');
    n = n * 10n + BigInt(d);
    if (n > limit) throw fail('value out of range');
  }
  const v = neg ? -n : n;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Go's unicode.IsSpace set, for strings.TrimSpace. */
const SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.includes(s[a]!)) a++;
  while (b > a && SPACE.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Number of code points (Go's utf8.RuneCountInString). */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}
