// Go's built-in template functions. `and`, `or` and `call` are listed here for their
// signatures; the executor evaluates them itself (short-circuit, callee name).

import { sprint, sprintln } from './format.ts';
import { sprintf } from './printf.ts';
import { GoFunc, goFunc, type FuncMap } from './func.ts';
import { canonicalGoString, compareGoStrings, decodeGoString, encodeGoString, goByteLength, rawByte } from './gostring.ts';
import { isPrint } from './strconv.ts';
import {
  bigOf, floatOf, type GoInt, isInt, isTrue, kindOf, mapKeyTypeName, typeName,
} from './value.ts';

const unreachable = (): never => {
  throw new Error('evaluated by the executor');
};

export const builtins: FuncMap = {
  and: new GoFunc(['value'], unreachable, 'value'),
  or: new GoFunc(['value'], unreachable, 'value'),
  call: new GoFunc(['value'], unreachable, 'value'),
  not: goFunc(['value'], (v: unknown) => !isTrue(v)),
  len: goFunc(['value'], length),
  index: new GoFunc(['value'], (args) => index(args[0], args.slice(1)), 'value'),
  slice: new GoFunc(['value'], (args) => slice(args[0], args.slice(1)), 'value'),
  // Printing concatenates: raw bytes may join into a character again.
  print: new GoFunc([], (args) => canonicalGoString(sprint(args)), 'any'),
  printf: new GoFunc(['string'], (args) => canonicalGoString(sprintf(args[0] as string, args, 1)), 'any'),
  println: new GoFunc([], (args) => canonicalGoString(sprintln(args)), 'any'),
  html: new GoFunc([], (args) => htmlEscape(evalArgs(args)), 'any'),
  js: new GoFunc([], (args) => jsEscape(evalArgs(args)), 'any'),
  urlquery: new GoFunc([], (args) => queryEscape(evalArgs(args)), 'any'),
  eq: new GoFunc(['value'], (args) => eq(args[0], args.slice(1)), 'value'),
  ne: goFunc(['value', 'value'], (a: unknown, b: unknown) => !eq(a, [b])),
  lt: goFunc(['value', 'value'], lt),
  le: goFunc(['value', 'value'], (a: unknown, b: unknown) => lt(a, b) || eq(a, [b])),
  gt: goFunc(['value', 'value'], (a: unknown, b: unknown) => !(lt(a, b) || eq(a, [b]))),
  ge: goFunc(['value', 'value'], (a: unknown, b: unknown) => !lt(a, b)),
};

function length(v: unknown): number {
  switch (kindOf(v)) {
    case 'string':
      return goByteLength(v as string);
    case 'slice':
      return (v as unknown[]).length;
    case 'map':
      return (v as Map<unknown, unknown>).size;
    case 'invalid':
      if (v === null) throw new Error('len of nil pointer');
      throw new Error('reflect: call of reflect.Value.Type on zero Value');
    default:
      throw new Error(`len of type ${typeName(v)}`);
  }
}

/** Go's indexArg: an int index within [0, cap]. */
function indexArg(i: unknown, cap: number): number {
  if (i === undefined || i === null) throw new Error('cannot index slice/array with nil');
  if (!isInt(i)) throw new Error(`cannot index slice/array with type ${typeName(i)}`);
  if (i < 0 || i > cap) throw new Error(`index out of range: ${i}`); // < and > compare bigint and number exactly
  return Number(i);
}

function index(item: unknown, indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('index of untyped nil');
  let v: unknown = item;
  for (const i of indexes) {
    if (v === undefined || v === null) throw new Error('index of nil pointer');
    switch (kindOf(v)) {
      case 'slice': {
        const a = v as unknown[];
        const x = indexArg(i, a.length);
        if (x === a.length) throw new Error('reflect: slice index out of range');
        v = a[x];
        break;
      }
      case 'string': {
        const bytes = encodeGoString(v as string);
        const x = indexArg(i, bytes.length);
        if (x === bytes.length) throw new Error('reflect: string index out of range');
        v = bytes[x];
        break;
      }
      case 'map': {
        const m = v as Map<unknown, unknown>;
        if (i === undefined || i === null) throw new Error(`value is nil; should be of type ${mapKeyTypeName(m)}`);
        const want = mapKeyTypeName(m);
        if (m.size > 0 && typeName(i) !== want) throw new Error(`value has type ${typeName(i)}; should be ${want}`);
        v = m.get(mapKey(m, i));
        break;
      }
      default:
        throw new Error(`can't index item of type ${typeName(v)}`);
    }
  }
  return v;
}

/** Finds the stored key equal to an int index (a Map compares 1 and 1n as different). */
function mapKey(m: Map<unknown, unknown>, k: unknown): unknown {
  if (!isInt(k) || m.has(k)) return k;
  const alt = typeof k === 'bigint' ? Number(k) : BigInt(k);
  return m.has(alt) ? alt : k;
}

function slice(item: unknown, indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const kind = kindOf(item);
  let len: number;
  let bytes: Buffer | undefined;
  if (kind === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    bytes = encodeGoString(item as string);
    len = bytes.length;
  } else if (kind === 'slice') {
    len = (item as unknown[]).length;
  } else {
    throw new Error(`can't slice item of type ${typeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((i, n) => {
    // slice, unlike index, does not look inside a nil interface: it is an interface {}.
    if (i === null) throw new Error('cannot index slice/array with type interface {}');
    idx[n] = indexArg(i, len);
  });
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  // Go slices the bytes: a cut inside a character leaves raw bytes (see gostring.ts).
  if (bytes !== undefined) return decodeGoString(bytes.subarray(idx[0], idx[1]));
  return (item as unknown[]).slice(idx[0], idx[1]);
}

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function intEq(a: GoInt, b: GoInt): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a === b : bigOf(a) === bigOf(b);
}

function basicKind(v: unknown): BasicKind | undefined {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : undefined;
}

/** Go's eq: arg1 == arg2 || arg1 == arg3 ...; basic kinds must match. */
function eq(a: unknown, others: unknown[]): boolean {
  if (others.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of others) {
    const k2 = basicKind(b);
    let truth: boolean;
    if (k1 !== k2) {
      if (a !== undefined && a !== null && b !== undefined && b !== null) {
        throw new Error('incompatible types for comparison');
      }
      truth = false;
    } else if (k1 === 'int') truth = intEq(a as GoInt, b as GoInt);
    else if (k1 === 'float') truth = floatOf(a) === floatOf(b);
    else if (k1 === 'string') truth = compareGoStrings(a as string, b as string) === 0;
    else if (k1 !== undefined) truth = a === b;
    else truth = eqNonBasic(a, b);
    if (truth) return true;
  }
  return false;
}

/** eq for non-basic values: nil equals nil; structs compare field by field; slices, maps
 * and funcs are not comparable. */
function eqNonBasic(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
    throw new Error(`non-comparable types ${sprintf('%s', [a])}: ${typeName(a)}, ${typeName(b)}: ${sprint([b])}`);
  }
  if (ka === 'invalid' || kb === 'invalid') return ka === kb;
  if (kb === 'slice' || kb === 'map' || kb === 'func') {
    throw new Error(`non-comparable type ${sprintf('%s', [b])}: ${typeName(b)}`);
  }
  return structEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Go's == on structs: same type, every field equal; a slice or map field panics. */
function structEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (a === b) return true;
  if (typeName(a) !== typeName(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => valueEqual(a[k], b[k]));
}

function valueEqual(x: unknown, y: unknown): boolean {
  const k = kindOf(x);
  if (k === 'slice' || k === 'map' || k === 'func') {
    throw new Error(`runtime error: comparing uncomparable type ${typeName(x)}`);
  }
  if (k !== kindOf(y)) return false;
  if (k === 'int') return intEq(x as GoInt, y as GoInt);
  if (k === 'float') return floatOf(x) === floatOf(y);
  if (k === 'struct') return structEqual(x as Record<string, unknown>, y as Record<string, unknown>);
  return x === y || (k === 'invalid');
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === undefined || k2 === undefined) throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  switch (k1) {
    case 'bool':
      throw new Error('invalid type for comparison');
    case 'int':
      return typeof a === 'number' && typeof b === 'number' ? a < b : bigOf(a as GoInt) < bigOf(b as GoInt);
    case 'float':
      return floatOf(a) < floatOf(b);
    default:
      return compareGoStrings(a as string, b as string) < 0; // bytewise, as Go
  }
}

/** fmt.Sprint of the arguments, with nil printed as `<no value>` (text/template's evalArgs). */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

const HTML_ESCAPES: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]!);
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D',
};

export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch in JS_ESCAPES) out += JS_ESCAPES[ch];
    else if (rawByte(cp) !== undefined) out += ch; // Go decodes it as U+FFFD, printable: the byte stays
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp >= 0x80 && !isPrint(cp)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

/** net/url.QueryEscape */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of encodeGoString(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
