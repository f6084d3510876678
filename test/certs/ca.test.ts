import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { generateCa } from '../../src/certs/ca.ts';
import type { PemPair } from '../../src/certs/pem.ts';
import { DAY_MS, extension, openssl } from './helpers.ts';

describe('generateCa', () => {
  const now = new Date('2031-03-04T05:06:07.890Z');
  let ca: PemPair;
  let text: string;
  before(async () => {
    ca = await generateCa('bkt-7f3a', { keyBits: 1024, now });
    text = openssl(ca.certPem, '-text');
  });

  test('the certificate is a self-signed CA whose subject and issuer are only CN = bucket id', () => {
    assert.equal(openssl(ca.certPem, '-subject').trim(), 'subject=CN = bkt-7f3a');
    assert.equal(openssl(ca.certPem, '-issuer').trim(), 'issuer=CN = bkt-7f3a');
    assert.ok(new X509Certificate(ca.certPem).verify(new X509Certificate(ca.certPem).publicKey));
  });

  test('basic constraints are critical with CA:TRUE and no path length', () => {
    assert.equal(extension(text, 'Basic Constraints'), 'X509v3 Basic Constraints: critical CA:TRUE');
  });

  test('key usage is critical: digital signature, key encipherment, certificate sign', () => {
    assert.equal(
      extension(text, 'Key Usage'),
      'X509v3 Key Usage: critical Digital Signature, Key Encipherment, Certificate Sign',
    );
  });

  test('it carries a subject key identifier and no authority key identifier or extended key usage', () => {
    const ski = /^X509v3 Subject Key Identifier: ([0-9A-F]{2}:){19}[0-9A-F]{2}$/;
    assert.match(extension(text, 'Subject Key Identifier'), ski);
    assert.equal(extension(text, 'Authority Key Identifier'), '');
    assert.equal(extension(text, 'Extended Key Usage'), '');
  });

  test('validity starts now (whole seconds, no backdating) and lasts 3650 days', () => {
    const cert = new X509Certificate(ca.certPem);
    assert.equal(cert.validFromDate.toISOString(), '2031-03-04T05:06:07.000Z');
    assert.equal(cert.validToDate.getTime() - cert.validFromDate.getTime(), 3650 * DAY_MS);
  });

  test('the signature is SHA-256 with RSA', () => {
    assert.match(text, /Signature Algorithm: sha256WithRSAEncryption/);
  });

  test('the serial is a positive number of at most 128 bits', () => {
    const hex = openssl(ca.certPem, '-serial').trim().replace('serial=', '');
    assert.ok(BigInt('0x' + hex) > 0n);
    assert.ok(BigInt('0x' + hex) < 1n << 128n);
  });

  test('two CAs get different serials', async () => {
    const other = await generateCa('bkt-7f3a', { keyBits: 1024, now });
    assert.notEqual(openssl(other.certPem, '-serial'), openssl(ca.certPem, '-serial'));
  });

  test('the key is a PKCS#1 "RSA PRIVATE KEY" PEM of the requested size matching the certificate', () => {
    assert.match(ca.keyPem, /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n$/);
    const key = createPrivateKey(ca.keyPem);
    assert.equal(key.asymmetricKeyDetails?.modulusLength, 1024);
    assert.ok(new X509Certificate(ca.certPem).checkPrivateKey(key));
  });

  test('the certificate PEM is a single CERTIFICATE block ending in a newline', () => {
    assert.match(ca.certPem, /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
  });
});
