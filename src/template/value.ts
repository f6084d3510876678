// The value model: which JS values stand for which Go values, and the few Go rules
// (kind, type name, truth, ordering) the executor and fmt need.
//
//   Go                  JS
//   string              string (a raw, invalid-UTF-8 byte is a surrogate escape: gostring.ts)
//   bool                boolean
//   int (int64)         integral number, or bigint outside ±2^53
//   float64             GoFloat (always, for literals and results), or a non-integral number
//   nil / no value      null / undefined (undefined = Go's "invalid" reflect.Value)
//   slice               array
//   map                 Map (keys iterate sorted, as text/template and fmt do)
//   struct              plain object or class instance; fields are its own properties;
//                       the type name comes from goStruct(...) / GO_TYPE, else the class name
//   func                GoFunc (see func.ts)
//
// JS numbers cannot tell 1 from 1.0, so an integral number is always an int; a float64 with
// an integral value is a GoFloat. That keeps `printf "%v" 1.0` = `1` and `eq 1 1.0` an error.

import { GoFunc } from './func.ts';
import { compareGoStrings } from './gostring.ts';

/** A Go float64. Wraps the number so 1.0 stays a float (a bare integral number is an int). */
export class GoFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
  toString(): string {
    return String(this.value);
  }
}

/** Property naming a struct's Go type, used in messages like `can't evaluate field X in type T`. */
export const GO_TYPE: unique symbol = Symbol.for('maand.template.goType');

/** Marks `fields` as a Go struct named `typeName` (e.g. `deploy.TemplateData`). */
export function goStruct<T extends object>(typeName: string, fields: T): T {
  Object.defineProperty(fields, GO_TYPE, { value: typeName, enumerable: false });
  return fields;
}

export type Kind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func';

/** Go int as a JS value: number when it fits exactly, bigint otherwise. */
export type GoInt = number | bigint;

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'undefined':
      return 'invalid';
    case 'object':
      if (v === null) return 'invalid';
      if (Array.isArray(v)) return 'slice';
      if (v instanceof Map) return 'map';
      if (v instanceof GoFloat) return 'float';
      if (v instanceof GoFunc) return 'func';
      return 'struct';
    default:
      return 'invalid';
  }
}

export function isInt(v: unknown): v is GoInt {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

export function isFloat(v: unknown): boolean {
  return v instanceof GoFloat || (typeof v === 'number' && !Number.isInteger(v));
}

/** The float64 inside a float value. */
export function floatOf(v: unknown): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Wraps to int64 (Go's overflow) and returns a number when it is exact. */
export function intFromBig(b: bigint): GoInt {
  const w = BigInt.asIntN(64, b);
  return w <= MAX_SAFE && w >= -MAX_SAFE ? Number(w) : w;
}

export function bigOf(v: GoInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Go's truth: false, 0, nil and empty string/slice/map are false; structs are true. */
export function isTrue(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && !Number.isNaN(v);
    case 'bigint':
      return v !== 0n;
    case 'object':
      if (v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof Map) return v.size > 0;
      if (v instanceof GoFloat) return v.value !== 0 && !Number.isNaN(v.value);
      return true;
    default:
      return false;
  }
}

/** Go's type string of a value, as reflect prints it. */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<nil>';
    case 'string':
      return 'string';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'bool':
      return 'bool';
    case 'slice':
      return sliceTypeName(v as unknown[]);
    case 'map':
      return `map[${mapKeyTypeName(v as Map<unknown, unknown>)}]interface {}`;
    case 'func':
      return 'func';
    case 'struct':
      return structTypeName(v as object);
  }
}

function sliceTypeName(a: unknown[]): string {
  return a.length > 0 && a.every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
}

/** Key type of a map, judged from its first key (an empty map counts as string-keyed). */
export function mapKeyTypeName(m: Map<unknown, unknown>): string {
  for (const k of m.keys()) return typeName(k);
  return 'string';
}

function structTypeName(o: object): string {
  const tagged = (o as { [GO_TYPE]?: unknown })[GO_TYPE];
  if (typeof tagged === 'string') return tagged;
  const ctor = (o as { constructor?: { name?: string } }).constructor;
  return ctor !== undefined && ctor !== Object && ctor.name ? ctor.name : 'struct';
}

const KIND_ORDER: Record<Kind, number> = {
  invalid: 0, bool: 1, int: 2, float: 3, string: 4, slice: 5, map: 6, struct: 7, func: 8,
};

/** Orders map keys as Go's fmtsort does: numbers numerically, strings bytewise, false < true. */
export function compareKeys(a: unknown, b: unknown): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) {
    if ((ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float')) {
      return cmp(numberOf(a), numberOf(b));
    }
    return KIND_ORDER[ka] - KIND_ORDER[kb];
  }
  switch (ka) {
    case 'int':
      return cmp(bigOf(a as GoInt), bigOf(b as GoInt));
    case 'float': {
      const x = floatOf(a);
      const y = floatOf(b);
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
      if (Number.isNaN(y)) return 1;
      return cmp(x, y);
    }
    case 'string':
      return compareGoStrings(a as string, b as string);
    case 'bool':
      return cmp(a === true ? 1 : 0, b === true ? 1 : 0);
    default:
      return 0;
  }
}

function numberOf(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : floatOf(v);
}

function cmp<T extends number | bigint>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Map entries sorted by key (text/template ranges and fmt print maps in this order). */
export function sortedEntries(m: Map<unknown, unknown>): [unknown, unknown][] {
  return [...m.entries()].sort((x, y) => compareKeys(x[0], y[0]));
}
