// lexTests: the item streams Go's text/template lexer produces (lex_test.go), written as
// `type value` strings. Comments are dropped, as in Go's default (non-ParseComments) mode.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexAll } from '../../src/template/lex.ts';

const L = 'leftDelim {{';
const R = 'rightDelim }}';
const SP = 'space  ';
const EOF = 'eof ';

const lexTests: { name: string; input: string; items: string[] }[] = [
  { name: 'empty input is just EOF', input: '', items: [EOF] },
  { name: 'whitespace is text', input: ' \t\n', items: ['text  \t\n', EOF] },
  { name: 'plain text is one item', input: 'now is the time', items: ['text now is the time', EOF] },
  {
    name: 'a comment between texts disappears',
    input: 'hello-{{/* this is a comment */}}-world',
    items: ['text hello-', 'text -world', EOF],
  },
  { name: 'punctuation inside an action is char items', input: '{{,@% }}', items: [L, 'char ,', 'char @', 'char %', SP, R, EOF] },
  { name: 'parentheses nest', input: '{{((3))}}', items: [L, 'leftParen (', 'leftParen (', 'number 3', 'rightParen )', 'rightParen )', R, EOF] },
  { name: 'an empty action is two delimiters', input: '{{}}', items: [L, R, EOF] },
  { name: 'an unknown word is an identifier', input: '{{for}}', items: [L, 'identifier for', R, EOF] },
  { name: 'block is a keyword', input: '{{block "foo" .}}', items: [L, 'block block', 'space  ', 'string "foo"', 'space  ', 'dot .', R, EOF] },
  { name: 'a quoted string keeps its escapes', input: '{{"abc \\n\\t\\" "}}', items: [L, 'string "abc \\n\\t\\" "', R, EOF] },
  { name: 'a raw string may span lines', input: '{{`now is{{\n}}the time`}}', items: [L, 'rawString `now is{{\n}}the time`', R, EOF] },
  {
    name: 'numbers of every base and form are number items',
    input: '{{1 02 0x14 0X14 -7.2 1e3 1E3 +1.2e-4 1_2 0x1.e_fp4 0b101 0o17}}',
    items: [L, 'number 1', SP, 'number 02', SP, 'number 0x14', SP, 'number 0X14', SP, 'number -7.2', SP,
      'number 1e3', SP, 'number 1E3', SP, 'number +1.2e-4', SP, 'number 1_2', SP, 'number 0x1.e_fp4', SP,
      'number 0b101', SP, 'number 0o17', R, EOF],
  },
  {
    name: 'character constants keep their quotes',
    input: "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
    items: [L, "charConstant 'a'", SP, "charConstant '\\n'", SP, "charConstant '\\''", SP, "charConstant '\\\\'", SP,
      "charConstant '\\u00FF'", SP, "charConstant '\\xFF'", SP, "charConstant '本'", R, EOF],
  },
  { name: 'true and false are bools', input: '{{true false}}', items: [L, 'bool true', SP, 'bool false', R, EOF] },
  { name: 'a lone dot is dot', input: '{{.}}', items: [L, 'dot .', R, EOF] },
  { name: 'nil is a keyword', input: '{{nil}}', items: [L, 'nil nil', R, EOF] },
  {
    name: 'dotted names split into fields; .2 is a number',
    input: '{{.x . .2 .x.y.z}}',
    items: [L, 'field .x', SP, 'dot .', SP, 'number .2', SP, 'field .x', 'field .y', 'field .z', R, EOF],
  },
  {
    name: 'keywords are their own items',
    input: '{{range if else end with}}',
    items: [L, 'range range', SP, 'if if', SP, 'else else', SP, 'end end', SP, 'with with', R, EOF],
  },
  {
    name: 'variables, declarations and fields after variables',
    input: '{{$c := printf $ $hello $23 $ $var.Field .Method}}',
    items: [L, 'variable $c', SP, 'declare :=', SP, 'identifier printf', SP, 'variable $', SP, 'variable $hello', SP,
      'variable $23', SP, 'variable $', SP, 'variable $var', 'field .Field', SP, 'field .Method', R, EOF],
  },
  {
    name: 'a pipeline between texts',
    input: 'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro',
    items: ['text intro ', L, 'identifier echo', SP, 'identifier hi', SP, 'number 1.2', SP, 'pipe |', 'identifier noargs',
      'pipe |', 'identifier args', SP, 'number 1', SP, 'string "hi"', R, 'text  outro', EOF],
  },
  {
    name: 'two declared variables are separated by a comma char',
    input: '{{$v , $w := 3}}',
    items: [L, 'variable $v', SP, 'char ,', SP, 'variable $w', SP, 'declare :=', SP, 'number 3', R, EOF],
  },
  { name: 'a field of a parenthesized expression', input: '{{(.X).Y}}', items: [L, 'leftParen (', 'field .X', 'rightParen )', 'field .Y', R, EOF] },
  {
    name: 'trim markers remove the spaces around the action',
    input: 'hello- {{- 3 -}} -world',
    items: ['text hello-', L, 'number 3', R, 'text -world', EOF],
  },
  { name: 'trim markers work around a comment', input: 'hello- {{- /* hello */ -}} -world', items: ['text hello-', 'text -world', EOF] },
  { name: 'a minus without a space is a number sign, not a trim marker', input: '{{-3}}', items: [L, 'number -3', R, EOF] },
  { name: 'an unprintable character is an error', input: '#{{\x01}}', items: ['text #', L, 'error unrecognized character in action: U+0001'] },
  { name: 'EOF inside an action is an error', input: '{{', items: [L, 'error unclosed action'] },
  { name: 'EOF after a keyword is an error', input: '{{range', items: [L, 'range range', 'error unclosed action'] },
  { name: 'a newline ends a quoted string too early', input: '{{"\n"}}', items: [L, 'error unterminated quoted string'] },
  { name: 'an unclosed raw string is an error', input: '{{`xx}}', items: [L, 'error unterminated raw quoted string'] },
  { name: 'an unclosed char constant is an error', input: "{{'\n}}", items: [L, 'error unterminated character constant'] },
  { name: 'a letter right after a number is bad number syntax', input: '{{3k}}', items: [L, 'error bad number syntax: "3k"'] },
  { name: 'the action may not end inside parentheses', input: '{{(3}}', items: [L, 'leftParen (', 'number 3', 'error unclosed left paren'] },
  { name: 'a right paren without a left one is an error', input: '{{3)}}', items: [L, 'number 3', 'error unexpected right paren'] },
  { name: 'many pipes in a row lex one by one', input: '{{|||||}}', items: [L, 'pipe |', 'pipe |', 'pipe |', 'pipe |', 'pipe |', R, EOF] },
  { name: 'an unclosed comment is an error', input: 'hello-{{/*/}}-world', items: ['text hello-', 'error unclosed comment'] },
  {
    name: 'a comment must end right at the delimiter',
    input: 'hello-{{/* */ }}-world',
    items: ['text hello-', 'error comment ends before closing delimiter'],
  },
  { name: 'a lone right delimiter is text', input: 'hello-{.}}-world', items: ['text hello-{.}}-world', EOF] },
  { name: 'a bad character after an identifier is an error', input: '{{a#}}', items: [L, "error bad character U+0023 '#'"] },
  { name: 'a colon must be followed by =', input: '{{$x : 1}}', items: [L, 'variable $x', SP, 'error expected :='] },
];

for (const c of lexTests) {
  test(`lexer: ${c.name}`, () => {
    assert.deepEqual(lexAll(c.input).map((i) => `${i.typ} ${i.val}`), c.items);
  });
}

test('lexer: items carry their byte position and line', () => {
  const items = lexAll('0123{{hello}}xyz{{goodbye}}').map((i) => [i.typ, i.pos, i.val, i.line]);
  assert.deepEqual(items, [
    ['text', 0, '0123', 1], ['leftDelim', 4, '{{', 1], ['identifier', 6, 'hello', 1], ['rightDelim', 11, '}}', 1],
    ['text', 13, 'xyz', 1], ['leftDelim', 16, '{{', 1], ['identifier', 18, 'goodbye', 1], ['rightDelim', 25, '}}', 1],
    ['eof', 27, '', 1],
  ]);
});

test('lexer: line numbers count newlines in text, actions, raw strings and trimmed space', () => {
  const lines = lexAll('a\n{{/*\n*/}}b{{ x\n`1\n2` -}}\n\nc{{y}}').map((i) => `${i.typ}@${i.line}`);
  assert.deepEqual(lines, [
    'text@1', 'text@3', 'leftDelim@3', 'space@3', 'identifier@3', 'space@3', 'rawString@4', 'rightDelim@5', 'text@7',
    'leftDelim@7', 'identifier@7', 'rightDelim@7', 'eof@7',
  ]);
});
