// Deterministic ids and the build_certs hash input (build-and-catalog §5.4, §10.2, §17.1, §17.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stableId, md5Hex } from '../../src/util/stable-id.ts';
import { withBucket } from '../helpers/bucket.ts';

test('StableID is the MD5 of the name with version-3 bits and no namespace (§17.1 vectors)', () => {
  const vectors: Array<[string, string]> = [
    ['a', '0cc175b9-c0f1-36a8-b1c3-99e269772661'],
    ['api', '8a5da52e-d126-347d-b59e-70c05721a8aa'],
    ['worker', 'b61822e8-357d-3aff-b7ea-accf348d9134'],
    ['gpu', '0aa0be2a-8664-31d9-bf03-515227454947'],
    ['prometheus', 'e4f00638-b8a1-3e69-94e6-7af2f832d51c'],
    ['api|10.0.0.1', '67b5a127-3e36-3801-90b6-1bf413398655'],
    ['web|10.0.0.1', '2b769b9d-635b-38d7-8645-da51156922a4'],
  ];
  for (const [input, id] of vectors) assert.equal(stableId(input), id, input);
});

const certsCases: Array<[string, unknown, string]> = [
  ['absent', undefined, '37a6259cc0c1dae299a7866489dff0bd'],
  ['{}', {}, '99914b932bd37a50b983c5e7c90ae93b'],
  ['two certs', { tls: { subject: { common_name: 'api.local' }, pkcs8: true }, a: { one: true } }, '9276c649128b53c45503fa342ec814b9'],
];

test('the build_certs hash of each job is the MD5 of the Go JSON of its certs (§17.2 vectors)', () =>
  withBucket(async (b) => {
    for (const [name, certs] of certsCases.map(([n, c], i) => [`j${i}`, c, n] as const)) {
      b.job(name, certs === undefined ? { version: '1.0.0' } : { version: '1.0.0', certs });
    }
    await b.build();
    const hashes = b.rows<{ key: string; current_hash: string }>("SELECT key, current_hash FROM hash WHERE namespace = 'build_certs' ORDER BY key");
    assert.deepEqual(hashes.map((h) => h.current_hash), certsCases.map(([, , md5]) => md5));
    assert.equal(md5Hex('null'), '37a6259cc0c1dae299a7866489dff0bd');
  }));

test('the ca hash is the MD5 of secrets/ca.crt, promoted to previous after the build', () =>
  withBucket(async (b) => {
    await b.build();
    const md5 = md5Hex(b.read('secrets/ca.crt'));
    assert.deepEqual(b.rows("SELECT current_hash, previous_hash FROM hash WHERE namespace = 'build' AND key = 'ca'"), [{ current_hash: md5, previous_hash: md5 }]);
  }));
