// Go strings are byte strings; the engine keeps them as JS strings. Valid UTF-8 is the
// ordinary JS string; a byte that is not part of a valid UTF-8 sequence (e.g. `slice "é" 0 1`)
// is the lone low surrogate U+DC80+byte-0x80 ("surrogate escape", as Python's PEP 383).
// Only the byte-level operations (len, index, slice, ordering, %x, %q, urlquery, the written
// output) need to know; everything else sees a JS string whose code points are Go's runes.
//
// A lone surrogate outside U+DC80–U+DCFF (only data can hold one) encodes as U+FFFD, which is
// what Go's decoders (JSON, YAML) make of it.

import { isUtf8 } from 'node:buffer';

const RAW_BASE = 0xdc00;

/** A raw (invalid UTF-8) byte anywhere in the string; the `u` flag skips surrogate pairs. */
const RAW_BYTE = /[\udc80-\udcff]/u;
const SURROGATE = /[\ud800-\udfff]/;

/** The byte a code point stands for when it is a surrogate escape, else undefined. */
export function rawByte(cp: number): number | undefined {
  return cp >= 0xdc80 && cp <= 0xdcff ? cp - RAW_BASE : undefined;
}

/** Go's []byte(s): the string's bytes, raw bytes included. */
export function encodeGoString(s: string): Buffer {
  if (!SURROGATE.test(s)) return Buffer.from(s, 'utf8');
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const raw = rawByte(cp);
    if (raw !== undefined) out.push(raw);
    else for (const b of Buffer.from(ch, 'utf8')) out.push(b); // a lone surrogate encodes as U+FFFD
  }
  return Buffer.from(out);
}

/** Go's string(b): valid UTF-8 sequences become characters, every other byte a surrogate escape. */
export function decodeGoString(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const n = validSequence(bytes, i);
    out += n === 0
      ? String.fromCharCode(RAW_BASE + bytes[i]!)
      : Buffer.from(bytes.buffer, bytes.byteOffset + i, n).toString('utf8');
    i += n === 0 ? 1 : n;
  }
  return out;
}

/** Length of the valid UTF-8 sequence at b[i] by Go's utf8.DecodeRune rules, 0 if invalid. */
function validSequence(b: Uint8Array, i: number): number {
  const b0 = b[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => b[i + k] !== undefined && b[i + k]! >= lo && b[i + k]! <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlongs (E0 80..9F) and no surrogates (ED A0..BF).
    const ok = b0 === 0xe0 ? cont(1, 0xa0) : b0 === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return ok && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    // No overlongs (F0 80..8F) and nothing above U+10FFFF (F4 90..).
    const ok = b0 === 0xf0 ? cont(1, 0x90) : b0 === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return ok && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Go's len(s). */
export function goByteLength(s: string): number {
  return SURROGATE.test(s) ? encodeGoString(s).length : Buffer.byteLength(s, 'utf8');
}

/**
 * The canonical form of a string built by concatenation: raw bytes that now form a valid
 * UTF-8 sequence (`print (slice "é" 0 1) (slice "é" 1)`) become the character again.
 */
export function canonicalGoString(s: string): string {
  return RAW_BYTE.test(s) ? decodeGoString(encodeGoString(s)) : s;
}

/** Whether the string holds a raw (invalid UTF-8) byte. */
export function hasRawBytes(s: string): boolean {
  return RAW_BYTE.test(s);
}

/** Bytewise order (Go's string <, sort.Strings), which for valid UTF-8 is code point order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Below the surrogates, code unit order is byte order; from there on compare the bytes.
      if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
      return Buffer.compare(encodeGoString(a), encodeGoString(b));
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
