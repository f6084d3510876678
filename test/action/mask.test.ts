// What the restored bucket holds in secret is masked before anything runs: PEM key lines and KV secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskBucketSecrets, secretMasker } from '../../src/action/mask.ts';
import { maskedParts } from '../../src/action/sensitive.ts';
import { withBucket } from '../helpers/bucket.ts';

test('every line of the CA key and every KV secret value is registered as a secret, plain KV values are not', async () => {
  await withBucket((b) => {
    b.kvPutSecret('maand/job/api/secrets', { token: 'tok-3f9a2c', pin: '42' });
    b.kvPut('maand/job/api', { region: 'eu-1' });
    const masked: string[] = [];
    maskBucketSecrets(b.root, secretMasker((v) => masked.push(v)));
    assert.ok(masked.includes('tok-3f9a2c'));
    assert.ok(!masked.includes('42'), 'too short to mask without masking every "42" in the log');
    assert.ok(!masked.includes('eu-1'));
    const caLines = readFileSync(join(b.root, 'secrets', 'ca.key'), 'utf8').split('\n').filter((l) => l.length >= 6 && !l.startsWith('-----'));
    for (const line of caLines) assert.ok(masked.includes(line), 'each CA key line');
  });
});

test('a multi-line secret is masked whole and line by line, without its PEM armour lines', () => {
  assert.deepEqual(maskedParts('-----BEGIN KEY-----\nAAAABBBB\nCCCCDDDD\n-----END KEY-----\n'), [
    '-----BEGIN KEY-----\nAAAABBBB\nCCCCDDDD\n-----END KEY-----', 'AAAABBBB', 'CCCCDDDD',
  ]);
});

test('every line of a job certificate\'s private key in KV is registered as a secret', async () => {
  await withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('api', { version: '1.0.0', selectors: ['worker'], certs: { tls: { pkcs8: true } } });
    await b.build();
    const masked: string[] = [];
    maskBucketSecrets(b.root, secretMasker((v) => masked.push(v)));
    const lines = maskedParts(b.kvPlain('maand/job/api/worker/10.0.0.1', 'certs/tls.key')!).slice(1);
    assert.ok(lines.length > 10);
    for (const line of lines) assert.ok(masked.includes(line), 'each line of the key');
  });
});

test('given a masker, when the same secret becomes known again (restore, then a template, then a hook), then it is registered once', () => {
  const masked: string[] = [];
  const mask = secretMasker((v) => masked.push(v));
  mask('s3cret-once');
  mask('s3cret-once');
  mask('abc');
  mask('-----BEGIN KEY-----\nAAAABBBB\ns3cret-once\n-----END KEY-----\n');
  assert.deepEqual(masked, ['s3cret-once', '-----BEGIN KEY-----\nAAAABBBB\ns3cret-once\n-----END KEY-----', 'AAAABBBB']);
});
