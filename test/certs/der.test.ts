import assert from 'node:assert/strict';
import { test } from 'node:test';
import { children, oidText, readTlv } from '../../src/certs/der-read.ts';
import * as der from '../../src/certs/der.ts';

const hex = (b: Buffer): string => b.toString('hex');

test('lengths use the short form below 128 bytes and the minimal long form above', () => {
  assert.equal(hex(der.octetString(Buffer.alloc(127))).slice(0, 4), '047f');
  assert.equal(hex(der.octetString(Buffer.alloc(128))).slice(0, 6), '048180');
  assert.equal(hex(der.octetString(Buffer.alloc(300))).slice(0, 8), '0482012c');
});

test('unsigned integers are minimal and padded when the top bit is set', () => {
  assert.equal(hex(der.unsignedInteger(Buffer.from([0, 0, 5]))), '020105');
  assert.equal(hex(der.unsignedInteger(Buffer.from([0x80, 1]))), '0203008001');
  assert.equal(hex(der.unsignedInteger(Buffer.from([0, 0]))), '020100');
});

test('object identifiers encode base-128 arcs', () => {
  assert.equal(hex(der.oid('1.2.840.113549.1.1.11')), '06092a864886f70d01010b');
  assert.equal(hex(der.oid('2.5.29.35')), '0603551d23');
});

test('times use UTCTime through 2049 and GeneralizedTime from 2050, in whole seconds', () => {
  assert.equal(der.time(new Date('2049-12-31T23:59:59.999Z')).toString('latin1').slice(2), '491231235959Z');
  assert.equal(der.time(new Date('2050-01-01T00:00:00Z')).toString('latin1').slice(2), '20500101000000Z');
  assert.equal(der.time(new Date('2050-01-01T00:00:00Z'))[0], 0x18);
});

test('strings are PrintableString when possible, else UTF8String', () => {
  assert.equal(der.directoryString('bkt-1 *.x')[0], 0x13);
  assert.equal(der.directoryString('a_b')[0], 0x0c);
});

test('the reader walks what the encoder writes', () => {
  const seq = der.sequence(der.oid('2.5.4.3'), der.octetString(Buffer.alloc(200, 1)));
  const [id, value] = children(readTlv(seq));
  assert.equal(oidText(id!.content), '2.5.4.3');
  assert.equal(value!.content.length, 200);
});

test('the reader rejects truncated input', () => {
  assert.throws(() => readTlv(Buffer.from([0x30, 0x05, 0x01])), /truncated/);
});
