// The public API: parseTemplate/render, TemplateError fields, function declarations, the
// template depth limit, and whole-or-nothing output.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GoFunc, goFunc, MAX_EXEC_DEPTH, parseTemplate, render, TemplateError,
} from '../../src/template/index.ts';

function failure(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  assert.fail('expected a TemplateError');
}

test('a parse error carries kind, template name and line', () => {
  const e = failure(() => parseTemplate('app.conf.tpl', 'a\n{{ nosuch }}', {}));
  assert.equal(e.message, 'template: app.conf.tpl:2: function "nosuch" not defined');
  assert.deepEqual([e.name, e.kind, e.template, e.line, e.col], ['TemplateError', 'parse', 'app.conf.tpl', 2, 3]);
});

test('an execution error carries line, column and the thrown cause', () => {
  const boom = new Error('kv is down');
  const t = parseTemplate('x.tpl', 'ok\n  {{ fetch }}', { fetch: goFunc([], () => { throw boom; }) });
  const e = failure(() => render(t, {}));
  assert.equal(e.message, 'template: x.tpl:2:5: executing "x.tpl" at <fetch>: error calling fetch: kv is down');
  assert.deepEqual([e.kind, e.line, e.col], ['exec', 2, 5]);
  assert.equal(e.cause, boom);
});

test('a failing render returns no partial output, only the error', () => {
  const t = parseTemplate('t', 'first line\n{{ .A.B }}', {});
  assert.throws(() => render(t, { A: 'text' }), /can't evaluate field B in type string/);
});

test('infinite recursion through template stops at the depth limit', () => {
  const t = parseTemplate('t', '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', {});
  const e = failure(() => render(t, 1));
  assert.equal(e.message, `template: t:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
});

test('recursion just under the depth limit through if and with still renders', () => {
  const t = parseTemplate('t', '{{define "r"}}{{if gt . 0}}{{with .}}.{{end}}{{template "r" (dec .)}}{{end}}{{end}}{{template "r" .}}', {
    dec: goFunc(['int'], (n: number) => n - 1),
  });
  assert.equal(render(t, MAX_EXEC_DEPTH - 1).length, MAX_EXEC_DEPTH - 1);
});

test('a parsed template renders again with other data', () => {
  const t = parseTemplate('t', '<{{.}}>', {});
  assert.deepEqual([render(t, 1), render(t, 'two')], ['<1>', '<two>']);
});

test('a user function shadows the builtin of the same name', () => {
  const t = parseTemplate('t', '{{len "abc"}}', { len: goFunc(['string'], () => 'mine') });
  assert.equal(render(t, null), 'mine');
});

test('a function name must be a Go identifier', () => {
  const e = failure(() => parseTemplate('t', '', { 'bad-name': goFunc([], () => 1) }));
  assert.equal(e.message, 'template: t: function name "bad-name" is not a valid identifier');
});

test('a function must be declared with goFunc', () => {
  const bogus = { f: (() => 1) as unknown as GoFunc };
  assert.throws(() => parseTemplate('t', '', bogus), /value for f not a function/);
});

test('an unknown parameter kind is refused when the function is declared', () => {
  assert.throws(() => goFunc(['number' as 'int'], () => 1), /unknown parameter kind "number"/);
});

test('a variadic function receives every extra argument', () => {
  const sum = new GoFunc(['string'], (args) => `${args[0]}${(args.slice(1) as number[]).reduce((a, b) => a + b, 0)}`, 'int');
  assert.equal(render(parseTemplate('t', '{{sum "=" 1 2 3}}', { sum }), null), '=6');
});

test('a function returning a float must wrap it in GoFloat', async () => {
  const { GoFloat } = await import('../../src/template/index.ts');
  const half = goFunc(['int'], (n: number) => new GoFloat(n / 2));
  assert.equal(render(parseTemplate('t', '{{half 4}} {{half 3}} {{printf "%T" (half 4)}}', { half }), null), '2 1.5 float64');
});

test('rendering a template that only defines others gives the empty string', () => {
  assert.equal(render(parseTemplate('t', '{{define "a"}}A{{end}}\n', {}), null), '\n');
});

test('nesting deeper than the JS stack allows is a TemplateError at the failing node', () => {
  const body = '{{if .}}'.repeat(30) + '{{template "r" .}}' + '{{end}}'.repeat(30);
  const t = parseTemplate('t', `{{define "r"}}${body}{{end}}{{template "r" .}}`, {});
  const e = failure(() => render(t, true));
  assert.equal(e.kind, 'exec');
  assert.match(e.message, /^template: t:1:\d+: executing "r" at <.+>: nesting too deep: the stack ran out \(template depth \d+\)$/);
});

test('source nested deeper than the JS stack allows is a parse TemplateError', () => {
  const e = failure(() => parseTemplate('t', '{{if true}}'.repeat(20000) + '{{end}}'.repeat(20000), {}));
  assert.equal(e.message, 'template: t: nesting too deep: the stack ran out');
});
