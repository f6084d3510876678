// Template error texts are cleaned of secret values, raw and in the quoted forms Go writes them in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from '../../src/template/index.ts';

test('given a strconv error quoting a secret, when redacted, then the value is [secret] and the rest of the text stays', () => {
  assert.equal(
    redactSecrets('template: template:1:3: executing "template" at <int (getSecret "db_password")>: error calling int: strconv.Atoi: parsing "pw-9f2c": invalid syntax', ['pw-9f2c']),
    'template: template:1:3: executing "template" at <int (getSecret "db_password")>: error calling int: strconv.Atoi: parsing "[secret]": invalid syntax',
  );
});

test('a secret with quotes, a newline or non-ASCII is found in its Go-escaped form too', () => {
  const s = 'p"w\nö-42';
  assert.equal(redactSecrets(`parsing "p\\"w\\nö-42" and %+q "p\\"w\\n\\u00f6-42" and raw ${s}`, [s]), 'parsing "[secret]" and %+q "[secret]" and raw [secret]');
});

test('a secret containing another is replaced whole; a short secret only where it is a whole quoted value', () => {
  assert.equal(redactSecrets('parsing "token-abcdef" at "ab" in table', ['token-abc', 'token-abcdef', 'ab']), 'parsing "[secret]" at "[secret]" in table');
});
