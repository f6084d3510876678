// Go-like JSON decoding helpers: error texts of truncated input and where one JSON value ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonValueEnd, parseJson } from '../../src/util/json-decode.ts';
import { firstJsonValue } from '../../src/hooks/http-io.ts';

test('jsonValueEnd finds the end of an object, array or string, skipping brackets and quotes in strings', () => {
  assert.equal(jsonValueEnd('{"a":"}]","b":[1,{"c":2}]} tail', 0), 26);
  assert.equal(jsonValueEnd('  [1, "a\\"]", 2]x', 2), 16);
  assert.equal(jsonValueEnd('"a\\"b" rest', 0), 6);
});

test('jsonValueEnd returns -1 when the text ends inside the value', () => {
  for (const t of ['{"a":1', '[1,[2]', '"abc', '{"a":"}"']) assert.equal(jsonValueEnd(t, 0), -1, t);
});

test('a truncated document is "unexpected end of JSON input", a wrong character is not', () => {
  for (const t of ['{"version":"1.1"', '[1,2', '"abc', '   ']) assert.throws(() => parseJson(t), { message: 'unexpected end of JSON input' }, t);
  assert.throws(() => parseJson('{"a":1}}'), { message: /^invalid character '}'/ });
});

test('firstJsonValue takes the first value of a request body, as Go\'s decoder does', () => {
  assert.equal(firstJsonValue(' {"key":"a"} {"key":"b"}'), '{"key":"a"}');
  assert.equal(firstJsonValue('"s" 1'), '"s"');
  assert.equal(firstJsonValue('12 13'), '12');
  assert.equal(firstJsonValue('{"key":'), '{"key":');
  assert.equal(firstJsonValue('  '), undefined);
});
