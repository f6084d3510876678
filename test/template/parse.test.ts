// parseTests: templates that parse, asserted through the print(root) round trip (Go's
// parse_test.go, with text printed verbatim instead of %q); and errorTests: templates that
// fail to parse, with Go's exact message and line.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { print } from '../../src/template/node.ts';
import { parseTemplate } from '../../src/template/index.ts';
import { execTests, testFuncs } from './cases.ts';

const parseTests: { name: string; input: string; printed: string }[] = [
  { name: 'empty text', input: '', printed: '' },
  { name: 'a comment vanishes', input: '{{/*\n\n\n*/}}', printed: '' },
  { name: 'spaces stay text', input: ' \t\n', printed: ' \t\n' },
  { name: 'text', input: 'some text', printed: 'some text' },
  { name: 'field', input: '{{.X}}', printed: '{{.X}}' },
  { name: 'simple command', input: '{{printf}}', printed: '{{printf}}' },
  { name: '$ invocation', input: '{{$}}', printed: '{{$}}' },
  { name: 'variable invocation', input: '{{with $x := 3}}{{$x 23}}{{end}}', printed: '{{with $x := 3}}{{$x 23}}{{end}}' },
  { name: 'variable with fields', input: '{{$.I}}', printed: '{{$.I}}' },
  { name: 'multi-word command keeps raw strings', input: '{{printf `%d` 23}}', printed: '{{printf `%d` 23}}' },
  { name: 'pipeline gets spaces around |', input: '{{.X|.Y}}', printed: '{{.X | .Y}}' },
  { name: 'pipeline with declaration', input: '{{$x := .X|.Y}}', printed: '{{$x := .X | .Y}}' },
  { name: 'nested pipelines', input: '{{.X (.Y .Z) (.A | .B .C) (.E)}}', printed: '{{.X (.Y .Z) (.A | .B .C) (.E)}}' },
  { name: 'field applied to parentheses', input: '{{(.Y .Z).Field}}', printed: '{{(.Y .Z).Field}}' },
  { name: 'simple if', input: '{{if .X}}hello{{end}}', printed: '{{if .X}}hello{{end}}' },
  { name: 'if with else', input: '{{if .X}}true{{else}}false{{end}}', printed: '{{if .X}}true{{else}}false{{end}}' },
  { name: 'else if nests an if', input: '{{if .X}}true{{else if .Y}}false{{end}}', printed: '{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}' },
  {
    name: 'an else-if chain nests ifs',
    input: '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+',
    printed: '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+',
  },
  { name: 'simple range', input: '{{range .X}}hello{{end}}', printed: '{{range .X}}hello{{end}}' },
  { name: 'chained field range', input: '{{range .X.Y.Z}}hello{{end}}', printed: '{{range .X.Y.Z}}hello{{end}}' },
  { name: 'nested range', input: '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}', printed: '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}' },
  { name: 'range with else', input: '{{range .X}}true{{else}}false{{end}}', printed: '{{range .X}}true{{else}}false{{end}}' },
  { name: 'range over pipeline', input: '{{range .X|.M}}true{{else}}false{{end}}', printed: '{{range .X | .M}}true{{else}}false{{end}}' },
  { name: 'range with one variable', input: '{{range $x := .SI}}{{.}}{{end}}', printed: '{{range $x := .SI}}{{.}}{{end}}' },
  { name: 'range with two variables', input: '{{range $x, $y := .SI}}{{.}}{{end}}', printed: '{{range $x, $y := .SI}}{{.}}{{end}}' },
  { name: 'range assigning two variables', input: '{{$i := 0}}{{$v := 0}}{{range $i, $v = .}}{{end}}', printed: '{{$i := 0}}{{$v := 0}}{{range $i, $v = .}}{{end}}' },
  { name: 'range with break', input: '{{range .SI}}{{.}}{{break}}{{end}}', printed: '{{range .SI}}{{.}}{{break}}{{end}}' },
  { name: 'range with continue', input: '{{range .SI}}{{.}}{{continue}}{{end}}', printed: '{{range .SI}}{{.}}{{continue}}{{end}}' },
  { name: 'constants print as written', input: "{{range .SI 1 -3.2 true false 'a' nil}}{{end}}", printed: "{{range .SI 1 -3.2 true false 'a' nil}}{{end}}" },
  { name: 'template name prints with double quotes', input: '{{template `x`}}', printed: '{{template "x"}}' },
  { name: 'template with argument', input: '{{template `x` .Y}}', printed: '{{template "x" .Y}}' },
  { name: 'with', input: '{{with .X}}hello{{end}}', printed: '{{with .X}}hello{{end}}' },
  { name: 'with with else', input: '{{with .X}}hello{{else}}goodbye{{end}}', printed: '{{with .X}}hello{{else}}goodbye{{end}}' },
  { name: 'else with nests a with', input: '{{with .X}}hello{{else with .Y}}goodbye{{end}}', printed: '{{with .X}}hello{{else}}{{with .Y}}goodbye{{end}}{{end}}' },
  { name: 'trim left', input: 'x \r\n\t{{- 3}}', printed: 'x{{3}}' },
  { name: 'trim right', input: '{{3 -}}\n\n\ty', printed: '{{3}}y' },
  { name: 'trim left and right', input: 'x \r\n\t{{- 3 -}}\n\n\ty', printed: 'x{{3}}y' },
  { name: 'trim with extra spaces', input: 'x\n{{-  3   -}}\ny', printed: 'x{{3}}y' },
  { name: 'comment trim left', input: 'x \r\n\t{{- /* hi */}}', printed: 'x' },
  { name: 'comment trim right', input: '{{/* hi */ -}}\n\n\ty', printed: 'y' },
  { name: 'comment trim left and right', input: 'x \r\n\t{{- /* */ -}}\n\n\ty', printed: 'xy' },
  { name: 'block is a template call', input: '{{block "foo" .}}hello{{end}}', printed: '{{template "foo" .}}' },
  { name: 'newlines in an assignment', input: '{{ $x \n := \n 1 \n }}', printed: '{{$x := 1}}' },
  { name: 'newlines in a pipeline', input: '{{\n"x"\n|\nprintf\n}}', printed: '{{"x" | printf}}' },
  { name: 'newlines in a comment', input: '{{/*\nhello\n*/}}', printed: '' },
  { name: 'newlines in a trimmed comment', input: '{{-\n/*\nhello\n*/\n-}}', printed: '' },
  { name: 'spaces around continue', input: '{{range .SI}}{{.}}{{ continue }}{{end}}', printed: '{{range .SI}}{{.}}{{continue}}{{end}}' },
  { name: 'spaces around break', input: '{{range .SI}}{{.}}{{ break }}{{end}}', printed: '{{range .SI}}{{.}}{{break}}{{end}}' },
  { name: 'declaration then use', input: '{{$x := 0}}{{$x}}', printed: '{{$x := 0}}{{$x}}' },
  { name: 'a signed number argument after a variable', input: '{{$x:=.}}{{$x +2}}', printed: '{{$x := .}}{{$x +2}}' },
  { name: 'range declaring over a number', input: '{{range $x := 0}}{{$x}}{{end}}', printed: '{{range $x := 0}}{{$x}}{{end}}' },
  { name: 'range assigning over a number', input: '{{range $x = 0}}{{$x}}{{end}}', printed: '{{range $x = 0}}{{$x}}{{end}}' },
  { name: 'numbers keep their spelling', input: "{{print 0x1F 1_000 'x' 1.5e3 0o17}}", printed: "{{print 0x1F 1_000 'x' 1.5e3 0o17}}" },
  { name: 'nested parentheses', input: '{{((3))}}', printed: '{{((3))}}' },
  { name: 'assignment', input: '{{$x := 1}}{{$x = 2}}', printed: '{{$x := 1}}{{$x = 2}}' },
  { name: 'fields after a function call', input: '{{mapOfThree.three}}', printed: '{{mapOfThree.three}}' },
  { name: 'strings keep their escapes', input: '{{"a\\tb"}}', printed: '{{"a\\tb"}}' },
  { name: 'define is not part of the top-level tree', input: 'a{{define "x"}}X{{end}}b', printed: 'ab' },
];

for (const c of parseTests) {
  test(`parse: ${c.name}`, () => {
    const tpl = parseTemplate('t', c.input, testFuncs);
    assert.equal(print(tpl.trees.get('t')!), c.printed);
  });
}

test('parse: a define becomes its own tree', () => {
  const tpl = parseTemplate('t', '{{define "x"}}X{{.}}{{end}}{{block "b" .}}B{{end}}', testFuncs);
  assert.deepEqual([...tpl.trees.keys()].sort(), ['b', 't', 'x']);
  assert.equal(print(tpl.trees.get('x')!), 'X{{.}}');
  assert.equal(print(tpl.trees.get('b')!), 'B');
});

// errorTests: the exact parse error, `template: NAME:LINE: message`.
execTests([
  { name: 'an empty action is missing its value', input: '{{}}', error: 'template: t:1: missing value for command' },
  { name: 'an unclosed action names the line of EOF', input: 'line1\n{{', error: 'template: t:2: unclosed action' },
  { name: 'an unclosed action after a define', input: 'line1\n{{define `x`}}line2\n{{', error: 'template: t:3: unclosed action' },
  { name: 'an unclosed multi-line action names where it started', input: 'line1\n{{"x"\n"y"\n', error: 'template: t:4: unclosed action started at t:2' },
  { name: 'an unknown function is a parse error', input: '{{foo}}', error: 'template: t:1: function "foo" not defined' },
  { name: 'a sprig function does not exist', input: 'a\nb\n{{ .X | default "x" }}', error: 'template: t:3: function "default" not defined' },
  { name: 'an unclosed comment', input: '{{/*}}', error: 'template: t:1: unclosed comment' },
  { name: 'an unclosed comment reports the line it starts on', input: '{{/*\nhello\n}}', error: 'template: t:1: unclosed comment' },
  { name: 'an unclosed left paren', input: '{{.X (1 2 3}}', error: 'template: t:1: unclosed left paren' },
  { name: 'an unexpected right paren', input: '{{.X 1 2 3 ) }}', error: 'template: t:1: unexpected right paren' },
  { name: 'EOF inside parentheses', input: '{{(.X 1 2 3', error: 'template: t:1: unclosed action' },
  { name: 'operands need a space between them', input: '{{`x`3}}', error: 'template: t:1: unexpected "3" in operand' },
  { name: 'a bad character in an identifier', input: '{{a#}}', error: "template: t:1: bad character U+0023 '#'" },
  { name: 'an unterminated character constant', input: "{{'a}}", error: 'template: t:1: unterminated character constant' },
  { name: 'an unterminated quoted string', input: '{{"a}}', error: 'template: t:1: unterminated quoted string' },
  { name: 'an unterminated raw string', input: '{{`a}}', error: 'template: t:1: unterminated raw quoted string' },
  { name: 'a malformed number', input: '{{0xi}}', error: 'template: t:1: illegal number syntax: "0xi"' },
  { name: 'a number that overflows uint64', input: '{{99999999999999999999}}', error: 'template: t:1: integer overflow: "99999999999999999999"' },
  {
    name: 'one text may not define a template twice',
    input: '{{define `a`}}a{{end}}{{define `a`}}b{{end}}',
    error: 'template: t:1: template: multiple definition of template "a"',
  },
  { name: 'a range without end', input: '{{range .X}}', error: 'template: t:1: unexpected EOF' },
  { name: 'a range else without end', input: 'hello{{range .x}}{{else}}', error: 'template: t:1: unexpected EOF' },
  { name: 'a declaration needs a plain variable', input: '{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', error: 'template: t:1: unexpected ":=" in operand' },
  { name: 'only range declares two variables', input: '{{$a,$b,$c := 23}}', error: 'template: t:1: too many declarations in command' },
  { name: 'with declares only one variable', input: '{{with $v, $u := 3}}{{end}}', error: 'template: t:1: too many declarations in with' },
  { name: 'range declares at most two variables', input: '{{range $u, $v, $w := 3}}{{end}}', error: 'template: t:1: too many declarations in range' },
  { name: 'an undeclared variable', input: '{{$a}}', error: 'template: t:1: undefined variable "$a"' },
  { name: 'a variable ends with its block', input: '{{with $x := 4}}{{end}}{{$x}}', error: 'template: t:1: undefined variable "$x"' },
  { name: 'range over an undeclared variable', input: '{{range $k}}{{end}}', error: 'template: t:1: undefined variable "$k"' },
  { name: 'range over two undeclared variables', input: '{{range $k, $v}}{{end}}', error: 'template: t:1: undefined variable "$v"' },
  { name: 'range with a dangling comma', input: '{{range $k,}}{{end}}', error: 'template: t:1: missing value for range' },
  { name: 'range with nothing after :=', input: '{{range $k, $v := }}{{end}}', error: 'template: t:1: missing value for range' },
  { name: 'range can only declare variables', input: '{{range $k, .}}{{end}}', error: 'template: t:1: range can only initialize variables' },
  { name: 'range cannot declare a number', input: '{{range $k, 123 := .}}{{end}}', error: 'template: t:1: range can only initialize variables' },
  { name: 'a field on true', input: '{{true.any}}', error: 'template: t:1: unexpected . after term "true"' },
  { name: 'a field on a string', input: '{{"hello".guys}}', error: 'template: t:1: unexpected . after term "\\"hello\\""' },
  { name: 'a field on nil', input: '{{nil.E}}', error: 'template: t:1: unexpected . after term "nil"' },
  { name: 'a field on a char constant', input: "{{'a'.any}}", error: 'template: t:1: unexpected . after term "\'a\'"' },
  { name: 'a field on a float', input: '{{0.1.E}}', error: 'template: t:1: unexpected . after term "0.1"' },
  { name: 'a field on dot', input: '{{..E}}', error: 'template: t:1: unexpected . after term "."' },
  { name: 'a literal cannot take piped input', input: '{{12|false}}', error: 'template: t:1: non executable command in pipeline stage 2' },
  { name: 'dot cannot take piped input', input: '{{.|12|printf}}', error: 'template: t:1: non executable command in pipeline stage 2' },
  { name: 'empty parentheses', input: '{{ ( ) }}', error: 'template: t:1: missing value for parenthesized pipeline' },
  { name: 'a newline in a raw string moves the line', input: '{{ $v := `\n` }} {{', error: 'template: t:2: unclosed action' },
  { name: 'three dots', input: '{{...}}', error: 'template: t:1: unexpected <.> in operand' },
  { name: 'two dots after a field', input: '{{ .hello.. }}', error: 'template: t:1: unexpected <.> in operand' },
  { name: 'a dot after a parenthesized call', input: '{{printf (printf .).}}', error: 'template: t:1: unexpected <.> in operand' },
  { name: 'break outside range', input: '{{range .}}{{end}} {{break}}', error: 'template: t:1: {{break}} outside {{range}}' },
  { name: 'continue outside range', input: '{{continue}}', error: 'template: t:1: {{continue}} outside {{range}}' },
  { name: 'break in the else of a range', input: '{{range .}}{{else}}{{break}}{{end}}', error: 'template: t:1: {{break}} outside {{range}}' },
  { name: 'break takes no argument', input: '{{range .}}{{break 12}}{{end}}', error: 'template: t:1: unexpected "12" in {{break}}' },
  { name: 'an end without a block', input: '{{end}}', error: 'template: t:1: unexpected {{end}}' },
  { name: 'an else without a block', input: '{{else}}', error: 'template: t:1: unexpected {{else}}' },
  { name: 'two elses', input: '{{if .X}}1{{else}}2{{else}}3{{end}}', error: 'template: t:1: expected end; found {{else}}' },
  { name: 'else if needs only one end', input: '{{if .X}}a{{else if .Y}}b{{end}}{{end}}', error: 'template: t:1: unexpected {{end}}' },
  { name: 'template needs a name', input: '{{template}}', error: 'template: t:1: unexpected "}}" in template clause' },
  { name: 'a template name must be a string', input: '{{template .X}}', error: 'template: t:1: unexpected ".X" in template clause' },
  { name: 'block needs a pipeline', input: '{{block "foo"}}hello{{end}}', error: 'template: t:1: missing value for block clause' },
  { name: 'define takes only a name', input: '{{define "a" .}}{{end}}', error: 'template: t:1: unexpected <.> in define clause' },
  { name: 'if needs a condition', input: '{{if}}{{end}}', error: 'template: t:1: missing value for if' },
  { name: 'a comma between arguments', input: '{{printf 3, 4}}', error: 'template: t:1: unexpected "," in operand' },
  { name: 'adjacent operands', input: '{{printf 3`x`}}', error: 'template: t:1: unexpected "`x`" in operand' },
  { name: 'no operators: !', input: '{{$x:=.}}{{$x!2}}', error: "template: t:1: bad character U+0021 '!'" },
  { name: 'no operators: +', input: '{{$x:=.}}{{$x+2}}', error: "template: t:1: bad character U+002B '+'" },
  { name: 'no := between range variables', input: '{{range $x := $y := 3}}{{end}}', error: 'template: t:1: undefined variable "$y"' },
  { name: 'an exponent without digits', input: '{{1.E}}', error: 'template: t:1: illegal number syntax: "1.E"' },
  { name: 'the line is that of the failing token', input: 'a\n\n{{if .X}}\n{{nosuch}}{{end}}', error: 'template: t:4: function "nosuch" not defined' },
  { name: 'a bad escape in a string', input: '{{"\\q"}}', error: 'template: t:1: invalid syntax' },
]);
