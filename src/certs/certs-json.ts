// The `build_certs` hash input (build-and-catalog §10.2): the manifest `certs` object re-encoded as Go's
// encoding/json would (sorted keys, fixed field order, defaults filled in, HTML-safe escaping), so the
// hash matches buckets built by the reference tool and a change of any byte regenerates the job's certs.

import { createHash } from 'node:crypto';

/** One manifest `certs` entry as decoded from JSON; absent fields take Go's zero values. */
export interface CertSpecJson {
  pkcs8?: boolean;
  one?: boolean;
  subject?: { common_name?: string } | null;
}

export type CertsJson = Record<string, CertSpecJson | null | undefined>;

/** Go JSON bytes of the `certs` object; `null` when the manifest has none. */
export function encodeCertsJson(certs: CertsJson | null | undefined): string {
  if (certs === null || certs === undefined) return 'null';
  const names = Object.keys(certs)
    .map((name) => [goJsonString(name), name] as const)
    .sort(([, a], [, b]) => Buffer.compare(Buffer.from(wellFormed(a)), Buffer.from(wellFormed(b))));
  const entries = names.map(([key, name]) => {
    const spec = certs[name] ?? {};
    const cn = spec.subject?.common_name ?? '';
    const flags = `"pkcs8":${spec.pkcs8 === true},"one":${spec.one === true}`;
    return `${key}:{${flags},"subject":{"common_name":${goJsonString(cn)}}}`;
  });
  return `{${entries.join(',')}}`;
}

/** MD5 (lower-case hex) of encodeCertsJson. */
export function certsHash(certs: CertsJson | null | undefined): string {
  return createHash('md5').update(encodeCertsJson(certs), 'utf8').digest('hex');
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A JSON string literal escaped like Go's json.Marshal (with its default HTML escaping). */
export function goJsonString(value: string): string {
  let out = '"';
  for (const ch of wellFormed(value)) {
    const code = ch.codePointAt(0) as number;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

// Go decodes an unpaired surrogate escape to U+FFFD, so the bytes it hashes never contain one.
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
