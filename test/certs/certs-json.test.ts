import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { certsHash, encodeCertsJson, goJsonString, type CertsJson } from '../../src/certs/certs-json.ts';

describe('build_certs hash test vectors (build-and-catalog §17.2)', () => {
  const vectors: { name: string; certs: CertsJson | null | undefined; json: string; md5: string }[] = [
    { name: 'absent certs', certs: undefined, json: 'null', md5: '37a6259cc0c1dae299a7866489dff0bd' },
    { name: 'empty certs', certs: {}, json: '{}', md5: '99914b932bd37a50b983c5e7c90ae93b' },
    {
      name: 'two certs with defaults to fill',
      certs: JSON.parse('{"tls":{"subject":{"common_name":"api.local"},"pkcs8":true},"a":{"one":true}}'),
      json:
        '{"a":{"pkcs8":false,"one":true,"subject":{"common_name":""}},' +
        '"tls":{"pkcs8":true,"one":false,"subject":{"common_name":"api.local"}}}',
      md5: '9276c649128b53c45503fa342ec814b9',
    },
  ];
  for (const v of vectors) {
    test(`${v.name} encodes to the Go JSON bytes`, () => {
      assert.equal(encodeCertsJson(v.certs), v.json);
    });
    test(`${v.name} hashes to ${v.md5}`, () => {
      assert.equal(certsHash(v.certs), v.md5);
    });
  }
});

test('null certs encode like absent ones', () => {
  assert.equal(encodeCertsJson(null), 'null');
});

test('a null cert entry or null subject takes the zero values', () => {
  assert.equal(
    encodeCertsJson({ a: null, b: { subject: null } }),
    '{"a":{"pkcs8":false,"one":false,"subject":{"common_name":""}},' +
      '"b":{"pkcs8":false,"one":false,"subject":{"common_name":""}}}',
  );
});

test('cert names sort byte-wise: upper case before lower case', () => {
  assert.match(encodeCertsJson({ b: {}, a: {}, B: {} }), /^\{"B":.*,"a":.*,"b":/);
});

test('cert names sort by UTF-8 bytes, not UTF-16 code units', () => {
  // U+FF61 is EF BD A1 in UTF-8, U+1F600 is F0 9F 98 80; UTF-16 would order them the other way.
  assert.match(encodeCertsJson({ '\u{1F600}': {}, '\uFF61': {} }), /^\{"\uFF61":.*,"\u{1F600}":/u);
});

describe('goJsonString escapes like Go json.Marshal', () => {
  const cases: [string, string, string][] = [
    ['HTML characters', '<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['quote and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['short control escapes', '\n\r\t\b\f', '"\\n\\r\\t\\b\\f"'],
    ['other control characters', '\u0000\u001f', '"\\u0000\\u001f"'],
    ['line and paragraph separators', '\u2028\u2029', '"\\u2028\\u2029"'],
    ['non-ASCII kept as UTF-8', 'é\u{1F600}\u007f', '"é\u{1F600}\u007f"'],
    ['unpaired surrogates as U+FFFD', '\uD800x\uDC00', '"\uFFFDx\uFFFD"'],
  ];
  for (const [name, input, output] of cases) {
    test(name, () => {
      assert.equal(goJsonString(input), output);
    });
  }
});
