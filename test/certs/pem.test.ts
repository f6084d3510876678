import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePem, encodePem } from '../../src/certs/pem.ts';

test('the first PEM block wins and leading text is skipped', () => {
  const text = 'junk\n-----BEGIN A-----\nAQI=\n-----END A-----\n-----BEGIN B-----\nAw==\n-----END B-----\n';
  assert.deepEqual(decodePem(text), { type: 'A', bytes: Buffer.from([1, 2]) });
});

test('a block whose body is not base64 is skipped in favour of a later one', () => {
  const text = '-----BEGIN A-----\n!!!\n-----END A-----\n-----BEGIN B-----\nAw==\n-----END B-----';
  assert.deepEqual(decodePem(text), { type: 'B', bytes: Buffer.from([3]) });
});

test('text without a complete block decodes to nothing', () => {
  assert.equal(decodePem('not-a-pem'), undefined);
  assert.equal(decodePem('-----BEGIN A-----\nAQI=\n'), undefined);
  assert.equal(decodePem('-----BEGIN A-----\nAQI=\n-----END B-----\n'), undefined);
});

test('CRLF line ends and RFC 1421 headers are accepted', () => {
  const text = '-----BEGIN A-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: X\r\n\r\nAQI=\r\n-----END A-----\r\n';
  assert.deepEqual(decodePem(text), { type: 'A', bytes: Buffer.from([1, 2]) });
});

test('encodePem writes 64-column lines and a trailing newline, and round-trips', () => {
  const bytes = Buffer.alloc(100, 7);
  const pem = encodePem('CERTIFICATE', bytes);
  const lines = pem.split('\n');
  assert.deepEqual(lines.map((l) => l.length), [27, 64, 64, 8, 25, 0]);
  assert.deepEqual(decodePem(pem), { type: 'CERTIFICATE', bytes });
});
