// Hook output in bounded memory: line splitting and the kept tail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter, OutputTail } from '../../src/hooks/output.ts';

function split(chunks: string[], max?: number): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l), max);
  for (const c of chunks) s.push(Buffer.from(c));
  s.end();
  return lines;
}

test('lines split across chunks are joined, CRLF loses its CR, a last line without newline is kept', () => {
  assert.deepEqual(split(['a', 'b\r\nc\n', 'd']), ['ab', 'c', 'd']);
});

test('empty lines are lines', () => {
  assert.deepEqual(split(['\n\nx\n']), ['', '', 'x']);
});

test('a line longer than the limit is cut into pieces of the limit', () => {
  assert.deepEqual(split(['abcdefg\n'], 3), ['abc', 'def', 'g']);
});

test('a multi-byte character split between chunks is decoded whole', () => {
  const bytes = Buffer.from('é\n');
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  s.push(bytes.subarray(0, 1));
  s.push(bytes.subarray(1));
  assert.deepEqual(lines, ['é']);
});

test('the tail keeps the last lines within its limit and says that earlier output was dropped', () => {
  const t = new OutputTail(8);
  for (const l of ['one', 'two', 'three']) t.add(l);
  assert.equal(t.text(), '[… earlier output dropped]\nthree');
});

test('a single line longer than the tail limit keeps its end', () => {
  const t = new OutputTail(4);
  t.add('abcdefgh');
  assert.equal(t.text(), '[… earlier output dropped]\nefgh');
});
