// JSON text as Go's encoding/json writes it: no whitespace, `<`, `>`, `&`, U+2028, U+2029 escaped,
// map keys sorted byte-wise. Struct-shaped values keep their insertion order (`sortKeys: false`).

const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}

export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Encodes `value`; plain objects are maps (sorted keys) unless `sortKeys` is false (structs). */
export function goJson(value: unknown, sortKeys = true): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v, sortKeys)).join(',')}]`;
  if (value instanceof Map) {
    const keys = [...value.keys()].map(String).sort(byteCompare);
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k), sortKeys)}`).join(',')}}`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (sortKeys) entries.sort(([a], [b]) => byteCompare(a, b));
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v, sortKeys)}`).join(',')}}`;
}
