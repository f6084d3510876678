import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ipSanBytes } from '../../src/certs/ip.ts';

describe('ipSanBytes follows Go net.ParseIP and its SAN encoding', () => {
  const cases: [string, string | undefined][] = [
    ['10.0.0.1', '0a000001'],
    ['255.255.255.255', 'ffffffff'],
    ['0.0.0.0', '00000000'],
    ['::1', '00000000000000000000000000000001'],
    ['fd00::7', 'fd000000000000000000000000000007'],
    ['2001:db8:0:0:0:0:2:1', '20010db8000000000000000000020001'],
    ['::ffff:10.0.0.1', '0a000001'],
    ['64:ff9b::192.0.2.33', '0064ff9b0000000000000000c0000221'],
    ['::', '00000000000000000000000000000000'],
    ['010.0.0.1', undefined],
    ['256.0.0.1', undefined],
    ['10.0.0', undefined],
    ['10.0.0.1.2', undefined],
    ['', undefined],
    ['db.local', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['1::2::3', undefined],
    ['1:2:3:4:5:6:7::8', undefined],
    ['1.2.3.4::', undefined],
    ['fe80::1%eth0', undefined],
    ['12345::', undefined],
  ];
  for (const [input, hex] of cases) {
    test(`${JSON.stringify(input)} → ${hex ?? 'not an IP'}`, () => {
      assert.equal(ipSanBytes(input)?.toString('hex'), hex);
    });
  }
});
