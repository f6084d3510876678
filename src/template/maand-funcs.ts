// maand's template functions (spec §2.4): exactly these 18, no sprig. KV access goes
// through a KvReader; the caller enforces namespace permissions and decrypts secrets.

import { goFunc, type FuncMap } from './func.ts';
import { canonicalGoString, compareGoStrings, decodeGoString, encodeGoString, hasRawBytes, rawByte } from './gostring.ts';
import { atoi, trimSpace } from './strconv.ts';
import { bigOf, type GoInt, intFromBig, isInt } from './value.ts';

/** Read access to the KV store, as seen by one job's templates. */
export interface KvReader {
  /** The value, or undefined for a missing/deleted key. Throws for a namespace the job may not read. */
  get(namespace: string, key: string): string | undefined;
  /** Live key names of a namespace (any order; an unknown namespace has none). */
  keys(namespace: string): string[];
}

export interface MaandFuncsContext {
  /** The job whose templates are rendered (getSecret reads `secrets/job/<job>`). */
  job: string;
  kv: KvReader;
  /** Prometheus scrape-config fragment (§2.8); "" when absent. */
  scrapeConfigs?: () => string;
  /** Prometheus rule_files fragment (§2.8); "" when absent. */
  ruleFiles?: () => string;
}

const NOT_FOUND = 'key not found or deleted';

function getter(kv: KvReader) {
  return (ns: string, key: string): string => {
    const v = kv.get(ns, key);
    if (v === undefined) throw new Error(NOT_FOUND);
    return v;
  };
}

function sortedKeys(kv: KvReader) {
  // Go's map order is random; sorted keys keep renders (and plan hashes) deterministic.
  return (ns: string): string[] => [...kv.keys(ns)].sort(compareGoStrings);
}

/** strings.Split: an empty separator splits into characters; "" splits into [""]. */
function split(s: string, sep: string): string[] {
  if (sep === '') return Array.from(s); // a raw byte is one element, as in Go
  if (!hasRawBytes(s) && !hasRawBytes(sep)) return s.split(sep);
  // A raw byte may match inside a character: split the bytes (latin1 maps byte to char 1:1).
  const bin = (x: string): string => encodeGoString(x).toString('latin1');
  return bin(s).split(bin(sep)).map((p) => decodeGoString(Buffer.from(p, 'latin1')));
}

/** strings.Join (a loop: faster than Array.prototype.join on short lists). */
function join(list: string[], sep: string): string {
  let out = list.length > 0 ? list[0]! : '';
  for (let i = 1; i < list.length; i++) out += sep + list[i]!;
  return canonicalGoString(out); // raw bytes may join into a character
}

/** Go's simple (one rune to one rune) case mapping, as strings.ToUpper/ToLower use. */
function mapCase(s: string, f: (c: string) => string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return f(s);
  let out = '';
  for (const ch of s) {
    if (rawByte(ch.codePointAt(0)!) !== undefined) {
      out += '\ufffd'; // strings.Map writes an invalid byte as U+FFFD
      continue;
    }
    const m = f(ch);
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

/** a op b on numbers when the result is exact, else in int64 with Go's wrap-around. */
function exactOr(a: GoInt, b: GoInt, num: (x: number, y: number) => number, big: (x: bigint, y: bigint) => bigint): GoInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = num(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  return intFromBig(big(bigOf(a), bigOf(b)));
}

const small = (v: GoInt): boolean => typeof v === 'number' && Math.abs(v) < 2 ** 31;

const arith = {
  add: (a: GoInt, b: GoInt): GoInt => exactOr(a, b, (x, y) => x + y, (x, y) => x + y),
  sub: (a: GoInt, b: GoInt): GoInt => exactOr(a, b, (x, y) => x - y, (x, y) => x - y),
  mul: (a: GoInt, b: GoInt): GoInt => exactOr(a, b, (x, y) => x * y, (x, y) => x * y),
  /** Truncates toward zero; dividing by zero fails like Go's runtime panic. */
  div: (a: GoInt, b: GoInt): GoInt => {
    if (b === 0 || b === 0n) throw new Error('runtime error: integer divide by zero');
    // Doubles divide 32-bit ints exactly enough to truncate right; larger ones use bigint.
    return small(a) && small(b) ? Math.trunc((a as number) / (b as number)) : intFromBig(bigOf(a) / bigOf(b));
  },
  min: (a: GoInt, b: GoInt): GoInt => (a <= b ? a : b), // < and <= compare number and bigint exactly
  max: (a: GoInt, b: GoInt): GoInt => (a >= b ? a : b),
};

/** The integer functions shared by deploy and build-time templates. */
function arithmetic(): FuncMap {
  const ii = ['int', 'int'] as const;
  return {
    add: goFunc(ii, arith.add),
    sub: goFunc(ii, arith.sub),
    mul: goFunc(ii, arith.mul),
    div: goFunc(ii, arith.div),
  };
}

function stringFuncs(): FuncMap {
  return {
    split: goFunc(['string', 'string'], split),
    upper: goFunc(['string'], (s: string) => mapCase(s, (c) => c.toUpperCase())),
    lower: goFunc(['string'], (s: string) => mapCase(s, (c) => c.toLowerCase())),
    join: goFunc(['strings', 'string'], join),
  };
}

/** The 18 functions of deploy-time `.tpl` files (spec §2.4). */
export function maandFuncs(ctx: MaandFuncsContext): FuncMap {
  const get = getter(ctx.kv);
  return {
    get: goFunc(['string', 'string'], get),
    getOptional: goFunc(['string', 'string'], (ns: string, key: string) => ctx.kv.get(ns, key) ?? ''),
    getSecret: goFunc(['string'], (key: string) => get(`secrets/job/${ctx.job}`, key)),
    keys: goFunc(['string'], sortedKeys(ctx.kv)),
    ...stringFuncs(),
    trim: goFunc(['string'], trimSpace),
    ...arithmetic(),
    min: goFunc(['int', 'int'], arith.min),
    max: goFunc(['int', 'int'], arith.max),
    int: goFunc(['any'], (v: unknown) => {
      if (isInt(v)) return v;
      if (typeof v === 'string') return atoi(trimSpace(v));
      throw new Error('int: expected string or integer');
    }),
    scrapeConfigs: goFunc([], () => ctx.scrapeConfigs?.() ?? ''),
    ruleFiles: goFunc([], () => ctx.ruleFiles?.() ?? ''),
  };
}

/**
 * The smaller set of build-time `_prometheus/scrape.yaml.tpl` files (spec §2.9): no
 * getOptional, trim, min, max, scrapeConfigs or ruleFiles; `int` does not trim its string.
 */
export function scrapeTemplateFuncs(ctx: { job: string; kv: KvReader }): FuncMap {
  const get = getter(ctx.kv);
  return {
    get: goFunc(['string', 'string'], get),
    keys: goFunc(['string'], sortedKeys(ctx.kv)),
    getSecret: goFunc(['string'], (key: string) => get(`secrets/job/${ctx.job}`, key)),
    ...stringFuncs(),
    ...arithmetic(),
    int: goFunc(['any'], (v: unknown) => {
      if (isInt(v)) return v;
      if (typeof v === 'string') return atoi(v);
      throw new Error('expected a string or an int');
    }),
  };
}
