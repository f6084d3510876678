import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter, TailBuffer } from '../../src/remote/output.ts';

test('a tail buffer under its cap keeps everything', () => {
  const b = new TailBuffer(10);
  b.push(Buffer.from('abc'));
  b.push(Buffer.from('def'));
  assert.equal(b.text(), 'abcdef');
  assert.equal(b.truncated, false);
});

test('a tail buffer over its cap keeps the last bytes and says it truncated', () => {
  const b = new TailBuffer(5);
  for (const s of ['01234', '56789', 'ab']) b.push(Buffer.from(s));
  assert.equal(b.text(), '789ab');
  assert.equal(b.truncated, true);
});

test('a truncated tail does not start inside a UTF-8 character', () => {
  const b = new TailBuffer(4);
  b.push(Buffer.from('xé€'));
  assert.equal(b.text(), '€');
});

test('lines split across chunks are emitted whole, CRLF trimmed, the last partial line on end', () => {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  s.push(Buffer.from('one\r\ntw'));
  s.push(Buffer.from('o\n\nthr'));
  s.end();
  assert.deepEqual(lines, ['one', 'two', '', 'thr']);
});

test('a multi-byte character split across chunks survives', () => {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  const bytes = Buffer.from('€\n');
  s.push(bytes.subarray(0, 1));
  s.push(bytes.subarray(1));
  s.end();
  assert.deepEqual(lines, ['€']);
});
