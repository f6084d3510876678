// Decoding JSON the way Go's encoding/json fills a struct: object keys match field names
// case-insensitively, a later duplicate wins, unknown keys are ignored, `null` keeps the default,
// and a value of the wrong JSON type is an error. Messages follow Go's decoder wording.
import { MaandError } from '../errors.ts';
import { quote } from '../template/strconv.ts';

export class JsonDecodeError extends MaandError {
  override name = 'JsonDecodeError';
  constructor(message: string) {
    super('invalid json', message, undefined, { bare: true });
  }
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };
export type JsonObject = { [k: string]: JsonValue };

/**
 * Deepest nesting a workspace JSON file may have. Go stops at 10000; the decoders and encoders here
 * recurse per level, so a lower bound keeps a hostile file an error instead of a stack overflow.
 */
export const MAX_JSON_DEPTH = 1000;

/** JSON.parse with Go-like error texts (`unexpected end of JSON input`, `invalid character ...`). */
export function parseJson(text: string): JsonValue {
  if (text.trim() === '') throw new JsonDecodeError('unexpected end of JSON input');
  if (exceedsDepth(text, MAX_JSON_DEPTH)) throw new JsonDecodeError(`exceeded max depth (values nested deeper than ${MAX_JSON_DEPTH} levels)`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    const msg = (e as Error).message;
    if (/end of JSON input|Unterminated string|Expected .* after .*at position \d+ \(line \d+ column \d+\)$/.test(msg) && isTruncated(text)) {
      throw new JsonDecodeError('unexpected end of JSON input');
    }
    const m = /Unexpected token '?(.)'?|Unexpected non-whitespace character|Bad control character/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const ch = text[Number(pos[1])] ?? '';
      throw new JsonDecodeError(`invalid character ${quoteChar(ch)} at offset ${Number(pos[1]) + 1}`);
    }
    throw new JsonDecodeError(m ? `invalid character ${quoteChar(m[1] ?? '')}` : msg);
  }
}

/** Go's encoding/json quoteChar: the character in single quotes, escaped when not printable. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  return `'${quote(c).slice(1, -1)}'`;
}

/** True when the text is a valid JSON prefix that stops early (Go reports "unexpected end"). */
function isTruncated(text: string): boolean {
  const start = text.search(/\S/);
  return start >= 0 && '{["'.includes(text[start]!) && jsonValueEnd(text, start) < 0;
}

/**
 * Where the object, array or string starting at `start` ends (the index after it), or -1 when the
 * text ends inside it. Brackets inside strings and escaped quotes are skipped.
 */
export function jsonValueEnd(text: string, start: number): number {
  let depth = 0;
  let inStr = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') {
        inStr = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** True when objects and arrays nest deeper than `max` somewhere in `text` (strings skipped). */
function exceedsDepth(text: string, max: number): boolean {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inStr = false;
    } else if (c === 0x22) inStr = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function jsonType(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** Field lookup with Go's rules: last key whose name equals `name` case-insensitively wins. */
export function field(obj: JsonObject, name: string): JsonValue | undefined {
  let found: JsonValue | undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) found = v;
  return found;
}

function typeError(v: JsonValue, where: string, goType: string): JsonDecodeError {
  // Go names the JSON kind ("number", "bool", ...) and adds the literal only for a non-integer into an int.
  const what = typeof v === 'number' && goType === 'int' ? `number ${v}` : typeof v === 'boolean' ? 'bool' : jsonType(v);
  return new JsonDecodeError(`json: cannot unmarshal ${what} into Go struct field ${where} of type ${goType}`);
}

export function asObject(v: JsonValue | undefined, where: string): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw typeError(v, where, 'object');
  return v;
}

export function asString(v: JsonValue | undefined, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw typeError(v, where, 'string');
  return v;
}

export function asBool(v: JsonValue | undefined, where: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw typeError(v, where, 'bool');
  return v;
}

export function asInt(v: JsonValue | undefined, where: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  // Beyond 2^53 a JSON number is no longer the integer written (Go's int64 would overflow later still).
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw typeError(v, where, 'int');
  return v;
}

export function asStringArray(v: JsonValue | undefined, where: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw typeError(v, where, '[]string');
  return v.map((item) => {
    if (typeof item !== 'string') throw typeError(item, where, 'string');
    return item;
  });
}
