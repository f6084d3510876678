import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { generateCa } from '../../src/certs/ca.ts';
import { generateLeaf, type LeafOptions } from '../../src/certs/leaf.ts';
import type { PemPair } from '../../src/certs/pem.ts';
import { MaandError } from '../../src/errors.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, extension, openssl, opensslVerify, tempDir } from './helpers.ts';

let ca: PemPair;
const leaf = (over: Partial<LeafOptions> = {}): Promise<PemPair> =>
  generateLeaf({
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    commonName: 'postgres',
    ipSans: ['10.0.0.2'],
    ttlDays: 60,
    pkcs8: false,
    keyBits: 1024,
    ...over,
  });

before(async () => {
  ca = await generateCa('bkt-1', { keyBits: 1024 });
});

describe('a generated leaf certificate', () => {
  let cert: PemPair;
  let text: string;
  before(async () => {
    cert = await leaf({ ipSans: ['10.0.0.2', '10.0.0.10'] });
    text = openssl(cert.certPem, '-text');
  });

  test('verifies against the bucket CA (openssl verify -x509_strict)', () => {
    assert.match(opensslVerify(ca.certPem, cert.certPem), /: OK\n$/);
  });

  test('has subject CN only and the CA subject as issuer', () => {
    assert.equal(openssl(cert.certPem, '-subject').trim(), 'subject=CN = postgres');
    assert.equal(openssl(cert.certPem, '-issuer').trim(), 'issuer=CN = bkt-1');
  });

  test('lists IP SANs only, 127.0.0.1 first and then the given IPs in order', () => {
    assert.equal(
      extension(text, 'Subject Alternative Name'),
      'X509v3 Subject Alternative Name: IP Address:127.0.0.1, IP Address:10.0.0.2, IP Address:10.0.0.10',
    );
  });

  test('key usage is critical: digital signature and key encipherment', () => {
    assert.equal(extension(text, 'Key Usage'), 'X509v3 Key Usage: critical Digital Signature, Key Encipherment');
  });

  test('basic constraints are critical with CA:FALSE', () => {
    assert.equal(extension(text, 'Basic Constraints'), 'X509v3 Basic Constraints: critical CA:FALSE');
  });

  test('has no extended key usage, so it serves as server and client certificate', () => {
    assert.equal(extension(text, 'Extended Key Usage'), '');
  });

  test("its authority key id is the CA's subject key id", () => {
    const caSki = extension(openssl(ca.certPem, '-text'), 'Subject Key Identifier').split(': ')[1];
    assert.equal(extension(text, 'Authority Key Identifier'), `X509v3 Authority Key Identifier: ${caSki}`);
  });

  test('is signed with SHA-256 with RSA', () => {
    assert.match(text, /Signature Algorithm: sha256WithRSAEncryption/);
  });

  test('the key is PKCS#1 when pkcs8 is false and belongs to the certificate', () => {
    assert.match(cert.keyPem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.ok(new X509Certificate(cert.certPem).checkPrivateKey(createPrivateKey(cert.keyPem)));
  });
});

test('given pkcs8 true, the key PEM type is PRIVATE KEY', async () => {
  const { keyPem } = await leaf({ pkcs8: true });
  assert.match(keyPem, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
});

test('given no keyBits, the leaf key is RSA 4096', async () => {
  const { keyPem } = await generateLeaf({
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    commonName: 'api',
    ipSans: [],
    ttlDays: 1,
    pkcs8: false,
  });
  assert.equal(createPrivateKey(keyPem).asymmetricKeyDetails?.modulusLength, 4096);
});

test('validity runs from now (whole seconds) for ttlDays days', async () => {
  const now = new Date('2031-01-02T03:04:05.678Z');
  const x = new X509Certificate((await leaf({ now, ttlDays: 60 })).certPem);
  assert.equal(x.validFromDate.toISOString(), '2031-01-02T03:04:05.000Z');
  assert.equal(x.validToDate.toISOString(), '2031-03-03T03:04:05.000Z');
});

test('given a negative ttl, the certificate is born expired', async () => {
  const now = new Date('2031-01-02T03:04:05Z');
  const x = new X509Certificate((await leaf({ now, ttlDays: -60 })).certPem);
  assert.equal(x.validToDate.getTime(), now.getTime() - 60 * DAY_MS);
});

test('two leaves get different serials', async () => {
  const [a, b] = await Promise.all([leaf(), leaf()]);
  assert.notEqual(openssl(a!.certPem, '-serial'), openssl(b!.certPem, '-serial'));
});

test('an IPv6 SAN is encoded as a 16-byte address', async () => {
  const text = openssl((await leaf({ ipSans: ['fd00::7'] })).certPem, '-text');
  assert.equal(
    extension(text, 'Subject Alternative Name'),
    'X509v3 Subject Alternative Name: IP Address:127.0.0.1, IP Address:FD00:0:0:0:0:0:0:7',
  );
});

test('given an empty common name, the subject is empty and the SAN extension is critical', async () => {
  const pem = (await leaf({ commonName: '' })).certPem;
  assert.equal(openssl(pem, '-subject').trim(), 'subject=');
  const san = extension(openssl(pem, '-text'), 'Subject Alternative Name');
  assert.match(san, /^X509v3 Subject Alternative Name: critical /);
});

test('a common name outside PrintableString is kept as UTF-8', async () => {
  const pem = (await leaf({ commonName: 'dépôt_1' })).certPem;
  assert.equal(openssl(pem, '-subject', '-nameopt', 'utf8,sep_comma_plus').trim(), 'subject=CN=dépôt_1');
});

test('given a CA made by openssl with a multi-attribute subject, the leaf names it as issuer', async () => {
  const dir = tempDir();
  const run = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'pipe' });
  const subject = ['-subj', '/C=DE/O=Example Org/CN=Own CA', '-addext', 'keyUsage=critical,keyCertSign'];
  run('req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-days', '2', ...subject,
    '-keyout', join(dir, 'k8.pem'), '-out', join(dir, 'ca.crt'));
  run('rsa', '-in', join(dir, 'k8.pem'), '-traditional', '-out', join(dir, 'ca.key'));
  const own = { certPem: readFileSync(join(dir, 'ca.crt'), 'utf8'), keyPem: readFileSync(join(dir, 'ca.key'), 'utf8') };
  const pem = (await leaf({ caCertPem: own.certPem, caKeyPem: own.keyPem })).certPem;
  assert.equal(openssl(pem, '-issuer').trim(), 'issuer=C = DE, O = Example Org, CN = Own CA');
  assert.match(opensslVerify(own.certPem, pem), /: OK\n$/);
});

describe('generateLeaf errors', () => {
  const rejects = (over: Partial<LeafOptions>, message: string) =>
    assert.rejects(leaf(over), (e: unknown) => e instanceof MaandError && e.message === message);

  test('given a host name as SAN, it names the host', () =>
    rejects(
      { ipSans: ['db.local'] },
      'unexpected error: certificate SAN "db.local" is not an IP address (only IP SANs are supported)',
    ));

  test('given a ca.crt without a PEM block, it fails with decoding ca.crt', () =>
    rejects({ caCertPem: 'not a certificate' }, 'unexpected error: decoding ca.crt: no PEM block found'));

  test('given a ca.crt PEM block that is not X.509, it fails with decoding ca.crt', () =>
    rejects(
      { caCertPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' },
      'unexpected error: decoding ca.crt: x509: malformed certificate',
    ));

  test('given a ca.key without a PEM block, it fails with decoding ca.key', () =>
    rejects({ caKeyPem: '' }, 'unexpected error: decoding ca.key: no PEM block found'));

  test('given a PKCS#8 ca.key, it fails with decoding ca.key and says how to convert it', () => {
    const pkcs8 = createPrivateKey(ca.keyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
    return rejects(
      { caKeyPem: pkcs8 },
      'unexpected error: decoding ca.key: found a "PRIVATE KEY" PEM block, but the CA key must be a PKCS#1' +
        ' "RSA PRIVATE KEY" (convert it with: openssl rsa -in ca.key -traditional -out ca.key)',
    );
  });

  test('given a ca.key of another CA, it fails instead of signing an unverifiable certificate', async () => {
    const other = await generateCa('other', { keyBits: 1024 });
    const message = 'unexpected error: ca.key does not belong to ca.crt (their public keys differ)';
    await rejects({ caKeyPem: other.keyPem }, message);
  });
});

test('given an EC ca.key, it fails with decoding ca.key naming the PEM type', async () => {
  const dir = tempDir();
  execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(dir, 'ec.key')]);
  await assert.rejects(
    leaf({ caKeyPem: readFileSync(join(dir, 'ec.key'), 'utf8') }),
    (e: unknown) =>
      e instanceof MaandError &&
      e.message ===
        'unexpected error: decoding ca.key: found a "EC PRIVATE KEY" PEM block,' +
          ' but the CA key must be a PKCS#1 "RSA PRIVATE KEY"',
  );
});
