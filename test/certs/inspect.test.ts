import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generateCa } from '../../src/certs/ca.ts';
import { certNeedsRenewal, certStatus, inspectStoredCert } from '../../src/certs/inspect.ts';
import { generateLeaf } from '../../src/certs/leaf.ts';
import type { PemPair } from '../../src/certs/pem.ts';
import { DAY_MS } from './helpers.ts';

const now = new Date('2030-06-01T12:00:00Z');
const HOUR_MS = DAY_MS / 24;
const at = (ms: number): Date => new Date(now.getTime() + ms);
const CORRUPT = '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n';

describe('certNeedsRenewal', () => {
  const cases: { name: string; notAfter: Date; buffer: number; renew: boolean }[] = [
    { name: 'expired a day ago', notAfter: at(-DAY_MS), buffer: 30, renew: true },
    { name: 'expiring exactly now', notAfter: now, buffer: 0, renew: true },
    { name: '10 days left, buffer 30', notAfter: at(10 * DAY_MS), buffer: 30, renew: true },
    { name: '90 days left, buffer 30', notAfter: at(90 * DAY_MS), buffer: 30, renew: false },
    { name: '10 days left, buffer 0', notAfter: at(10 * DAY_MS), buffer: 0, renew: false },
    { name: '10 days left, negative buffer', notAfter: at(10 * DAY_MS), buffer: -5, renew: false },
    { name: 'expired an hour ago, buffer 0', notAfter: at(-HOUR_MS), buffer: 0, renew: true },
    { name: '59 days left, buffer 61', notAfter: at(59 * DAY_MS), buffer: 61, renew: true },
    { name: 'exactly at the buffer edge', notAfter: at(30 * DAY_MS), buffer: 30, renew: true },
    { name: 'a second before the buffer edge', notAfter: at(30 * DAY_MS + 1000), buffer: 30, renew: false },
  ];
  for (const c of cases) {
    test(`${c.name} → ${c.renew ? 'renew' : 'keep'}`, () => {
      assert.equal(certNeedsRenewal(c.notAfter, c.buffer, now), c.renew);
    });
  }
});

describe('stored certificates', () => {
  let ca: PemPair;
  const leafFor = async (ttlDays: number): Promise<string> => {
    const { certPem, keyPem } = ca;
    const opts = { commonName: 'api', ipSans: ['10.0.0.1'], pkcs8: false, now, keyBits: 1024 };
    return (await generateLeaf({ caCertPem: certPem, caKeyPem: keyPem, ttlDays, ...opts })).certPem;
  };
  let fresh365: string;
  let expired60: string;
  before(async () => {
    ca = await generateCa('bkt', { keyBits: 1024, now });
    [fresh365, expired60] = await Promise.all([leafFor(365), leafFor(-60)]);
  });

  test('a stored value without a PEM block needs regeneration and is not an error', () => {
    assert.deepEqual(inspectStoredCert('not-a-pem', 30, now), { needs: true });
  });

  test('a PEM block that does not parse as a certificate needs regeneration and reports an error', () => {
    assert.deepEqual(inspectStoredCert(CORRUPT, 30, now), { needs: true, error: 'x509: malformed certificate' });
  });

  test('a fresh 365-day certificate with a 30-day buffer does not need regeneration', () => {
    assert.deepEqual(inspectStoredCert(fresh365, 30, now), { needs: false });
  });

  test('a certificate generated with a -60 day ttl needs regeneration', () => {
    assert.deepEqual(inspectStoredCert(expired60, 0, now), { needs: true });
  });

  test('a stored PEM trimmed of its trailing newline still parses', () => {
    assert.deepEqual(inspectStoredCert(fresh365.trim(), 30, now), { needs: false });
  });

  test('status of a certificate expired a day ago is expired with -1 day left', async () => {
    const s = certStatus(await leafFor(-1), 30, now);
    assert.deepEqual([s.status, s.daysLeft, s.commonName], ['expired', -1, 'api']);
  });

  test('status with 10 days left and a 30-day buffer is expiring', async () => {
    const s = certStatus(await leafFor(10), 30, now);
    assert.deepEqual([s.status, s.daysLeft], ['expiring', 10]);
  });

  test('status with 90 days left and a 30-day buffer is ok, with notAfter', async () => {
    const s = certStatus(await leafFor(90), 30, now);
    assert.deepEqual([s.status, s.daysLeft, s.notAfter?.getTime()], ['ok', 90, now.getTime() + 90 * DAY_MS]);
  });

  test('days left truncate toward zero', () => {
    const s = certStatus(fresh365, 0, at(DAY_MS / 2));
    assert.equal(s.daysLeft, 364);
    assert.equal(certStatus(expired60, 0, at(-DAY_MS / 2)).daysLeft, -59);
  });

  test('status at exactly notAfter is expiring, not yet expired', () => {
    assert.equal(certStatus(fresh365, 0, at(365 * DAY_MS)).status, 'expiring');
  });

  test('status of a value without a PEM block or with corrupt DER is invalid', () => {
    assert.deepEqual(certStatus('not-a-pem', 30, now), { status: 'invalid' });
    assert.deepEqual(certStatus(CORRUPT, 30, now), { status: 'invalid' });
  });
});
