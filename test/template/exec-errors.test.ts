// errorTests for execution: Go's exact message, with the template name, line, byte column,
// the failing node and the executing template:
//   template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: message

import { execTests, tVal } from './cases.ts';

const at = (col: number, node: string, msg: string, line = 1): string =>
  `template: t:${line}:${col}: executing "t" at <${node}>: ${msg}`;

execTests([
  // Commands and fields.
  { name: 'nil is not a command', input: '{{nil}}', error: at(2, 'nil', 'nil is not a command') },
  { name: 'a field of a string', input: '{{.X.Y}}', data: tVal, error: at(4, '.X.Y', "can't evaluate field Y in type string") },
  { name: 'an unknown struct field', input: '{{.Missing}}', data: tVal, error: at(2, '.Missing', "can't evaluate field Missing in type template.T") },
  { name: 'an unexported struct field', input: '{{.unexported}}', data: tVal, error: at(2, '.unexported', 'unexported is an unexported field of struct type template.T') },
  { name: 'a chained field error points at the first chained field', input: '{{.U.V.W}}', data: tVal, error: at(4, '.U.V.W', "can't evaluate field W in type string") },
  { name: 'a struct field given arguments', input: '{{.X 1}}', data: tVal, error: at(2, '.X', 'X has arguments but cannot be invoked as function') },
  { name: 'a map key given arguments', input: '{{.MSI.one 1}}', data: tVal, error: at(6, '.MSI.one', 'one is not a method but has arguments') },
  { name: 'a field of a nil interface', input: '{{.Empty0.Foo}}', data: tVal, error: at(9, '.Empty0.Foo', 'nil pointer evaluating interface {}.Foo') },
  { name: 'a field of a float variable', input: '{{$x := (1.0)}}{{$y := ("hello")}}{{$x.anything}}{{$y.true}}', error: at(38, '$x.anything', "can't evaluate field anything in type float64") },
  { name: 'a field of parenthesized nil', input: '{{(nil).True}}', data: tVal, error: at(3, 'nil', 'nil is not a command') },
  { name: 'nil assigned to a variable', input: '{{$x := nil}}{{$x.anything}}', error: at(8, 'nil', 'nil is not a command') },
  { name: 'a literal given arguments', input: '{{1 2}}', error: at(2, '1', "can't give argument to non-function 1") },
  { name: 'a parenthesized literal given arguments', input: '{{(1) 2}}', error: at(2, '(1) 2', "can't give argument to non-function 1") },
  { name: 'a variable given arguments', input: '{{$x := 1}}{{$x 2}}', error: at(13, '$x', "can't give argument to non-function $x") },
  { name: 'a variable given piped input', input: '{{$x := 1}}{{3 | $x}}', error: at(17, '$x', "can't give argument to non-function $x") },
  { name: 'a range assigning an undeclared variable', input: '{{range $x = .SI}}{{end}}', data: tVal, error: at(13, '.SI', 'undefined variable: $x') },
  { name: 'the column is a byte offset in the line', input: 'a\nb\n  {{.X.Y}}', data: tVal, error: at(6, '.X.Y', "can't evaluate field Y in type string", 3) },
  { name: 'multi-byte characters count as bytes', input: 'é{{.X.Y}}', data: tVal, error: at(6, '.X.Y', "can't evaluate field Y in type string") },

  // Argument count and types.
  { name: 'an int piped into a string parameter', input: '{{3|oneArg}}', error: at(4, 'oneArg', 'wrong type for value; expected string; got int') },
  { name: 'a piped int into a variadic string tail', input: '{{4|dddArg 3}}', error: at(11, '3', 'wrong type for value; expected string; got int') },
  { name: 'a bool piped into the printf format', input: '{{true|printf}}', error: at(7, 'printf', 'wrong type for value; expected string; got bool') },
  { name: 'an int literal for a string parameter', input: '{{oneArg 1}}', error: at(9, '1', 'expected string; found 1') },
  { name: 'a string literal for an int parameter', input: '{{add "1"}}', error: at(6, '"1"', 'expected integer; found "1"') },
  { name: 'a float literal for an int parameter', input: '{{add 1.5}}', error: at(6, '1.5', 'expected integer; found 1.5') },
  { name: 'a string value for an int parameter', input: '{{add .X}}', data: tVal, error: at(6, '.X', 'wrong type for value; expected int; got string') },
  { name: 'nil for a string parameter', input: '{{oneArg nil}}', error: at(9, 'nil', 'cannot assign nil to string') },
  { name: 'a missing value for a string parameter', input: '{{oneArg .Missing}}', data: new Map(), error: at(9, '.Missing', 'invalid value; expected string') },
  { name: 'too few arguments', input: '{{twoArgs "a"}}', error: at(2, 'twoArgs', 'wrong number of args for twoArgs: want 2 got 1') },
  { name: 'too many arguments', input: '{{zeroArgs 1}}', error: at(2, 'zeroArgs', 'wrong number of args for zeroArgs: want 0 got 1') },
  { name: 'too few arguments for a variadic function', input: '{{dddArg}}', error: at(2, 'dddArg', 'wrong number of args for dddArg: want at least 1 got 0') },
  { name: 'printf needs a format', input: '{{printf}}', error: at(2, 'printf', 'wrong number of args for printf: want at least 1 got 0') },
  { name: 'a function that fails', input: '{{die}}', error: at(2, 'die', 'error calling die: die') },
  { name: 'a failing argument of or', input: '{{or 0 0 (die)}}', error: at(10, 'die', 'error calling die: die') },

  // Comparisons.
  { name: 'eq needs an argument', input: '{{eq}}', error: at(2, 'eq', 'wrong number of args for eq: want at least 1 got 0') },
  { name: 'eq needs something to compare with', input: '{{eq 1}}', error: at(2, 'eq 1', 'error calling eq: missing argument for comparison') },
  { name: 'eq of a string and an int', input: '{{eq "xy" 1}}', error: at(2, 'eq "xy" 1', 'error calling eq: incompatible types for comparison') },
  { name: 'eq of an int and a float', input: '{{eq 2 2.0}}', error: at(2, 'eq 2 2.0', 'error calling eq: incompatible types for comparison') },
  { name: 'ne takes exactly two arguments', input: '{{ne 1}}', error: at(2, 'ne', 'wrong number of args for ne: want 2 got 1') },
  { name: 'lt on bools', input: '{{lt true true}}', error: at(2, 'lt true true', 'error calling lt: invalid type for comparison') },
  { name: 'lt of an int and a float', input: '{{lt 1 2.5}}', error: at(2, 'lt 1 2.5', 'error calling lt: incompatible types for comparison') },
  { name: 'lt on a slice', input: '{{lt .SI 1}}', data: tVal, error: at(2, 'lt .SI 1', 'error calling lt: invalid type for comparison') },
  { name: 'lt on a missing value', input: '{{lt .Missing 1}}', data: new Map(), error: at(2, 'lt .Missing 1', 'error calling lt: invalid type for comparison') },
  {
    name: 'eq on slices',
    input: '{{eq .SI .SI}}',
    data: tVal,
    error: at(2, 'eq .SI .SI', 'error calling eq: non-comparable type [%!s(int=3) %!s(int=4) %!s(int=5)]: []interface {}'),
  },

  // len, index, slice.
  { name: 'len of an int', input: '{{len 3}}', error: at(2, 'len 3', 'error calling len: len of type int') },
  { name: 'len of a nil interface', input: '{{len .Empty0}}', data: tVal, error: at(2, 'len .Empty0', 'error calling len: len of nil pointer') },
  { name: 'a nil piped into len is no value, not a nil pointer', input: '{{.Empty0 | len}}', data: tVal, error: at(12, 'len', 'error calling len: reflect: call of reflect.Value.Type on zero Value') },
  { name: 'len of a missing value', input: '{{len .Missing}}', data: new Map(), error: at(2, 'len .Missing', 'error calling len: reflect: call of reflect.Value.Type on zero Value') },
  { name: 'an index past the end', input: '{{index .SI 10}}', data: tVal, error: at(2, 'index .SI 10', 'error calling index: index out of range: 10') },
  { name: 'an index equal to the length', input: '{{index .SI 3}}', data: tVal, error: at(2, 'index .SI 3', 'error calling index: reflect: slice index out of range') },
  { name: 'a string index into a slice', input: '{{index .SI `hello`}}', data: tVal, error: at(2, 'index .SI `hello`', 'error calling index: cannot index slice/array with type string') },
  { name: 'a nil index into a slice', input: '{{index .SI nil}}', data: tVal, error: at(2, 'index .SI nil', 'error calling index: cannot index slice/array with nil') },
  { name: 'a nil map key', input: '{{index .MSI nil}}', data: tVal, error: at(2, 'index .MSI nil', 'error calling index: value is nil; should be of type string') },
  { name: 'an int key into a string map', input: '{{index .MSI 10}}', data: tVal, error: at(2, 'index .MSI 10', 'error calling index: value has type int; should be string') },
  { name: 'index of nil', input: '{{index nil 1}}', error: at(2, 'index nil 1', 'error calling index: index of untyped nil') },
  { name: 'index into an int', input: '{{index .I 0}}', data: tVal, error: at(2, 'index .I 0', "error calling index: can't index item of type int") },
  { name: 'slice from a negative index', input: '{{slice .SI -1}}', data: tVal, error: at(2, 'slice .SI -1', 'error calling slice: index out of range: -1') },
  { name: 'slice with reversed indexes', input: '{{slice .SI 2 1}}', data: tVal, error: at(2, 'slice .SI 2 1', 'error calling slice: invalid slice index: 2 > 1') },
  { name: 'slice with a bad third index', input: '{{slice .SI 1 2 1}}', data: tVal, error: at(2, 'slice .SI 1 2 1', 'error calling slice: invalid slice index: 2 > 1') },
  { name: 'slice past the end', input: '{{slice .SI 4 5}}', data: tVal, error: at(2, 'slice .SI 4 5', 'error calling slice: index out of range: 4') },
  { name: 'three indexes on a string', input: '{{slice .S 1 2 2}}', data: tVal, error: at(2, 'slice .S 1 2 2', 'error calling slice: cannot 3-index slice a string') },
  { name: 'slice of an int', input: '{{slice .I}}', data: tVal, error: at(2, 'slice .I', "error calling slice: can't slice item of type int") },
  { name: 'slice with four indexes', input: '{{slice .SI 1 2 3 4}}', data: tVal, error: at(2, 'slice .SI 1 2 3 4', 'error calling slice: too many slice indexes: 4') },

  // call.
  { name: 'call with too few arguments', input: '{{call .BinaryFunc `1`}}', data: tVal, error: at(2, 'call .BinaryFunc `1`', 'error calling call: wrong number of args for .BinaryFunc: got 1 want 2') },
  { name: 'call with an argument of the wrong type', input: '{{call .BinaryFunc 1 3}}', data: tVal, error: at(2, 'call .BinaryFunc 1 3', 'error calling call: arg 0: value has type int; should be string') },
  { name: 'call of a non-function', input: '{{call .X}}', data: tVal, error: at(2, 'call .X', 'error calling call: non-function .X of type string') },
  { name: 'call of nil', input: '{{call nil}}', error: at(2, 'call nil', 'error calling call: call of nil') },
  { name: 'call without a function', input: '{{call}}', error: at(2, 'call', 'wrong number of args for call: want at least 1 got 0') },

  // range and template.
  { name: 'range over a string', input: '{{range .X}}{{end}}', data: tVal, error: at(8, '.X', "range can't iterate over x") },
  { name: 'range over an int is not supported before Go 1.24', input: '{{range 3}}{{.}}{{end}}', error: at(8, '3', "range can't iterate over 3") },
  { name: 'range over a struct', input: '{{range .U}}{{end}}', data: tVal, error: at(8, '.U', "range can't iterate over {v}") },
  { name: 'an undefined template', input: '{{template "nope"}}', error: at(11, '{{template "nope"}}', 'template "nope" not defined') },
  {
    name: 'an error inside a defined template names it',
    input: '{{define "inner"}}{{.X.Y}}{{end}}{{template "inner" .}}',
    data: tVal,
    error: 'template: t:1:22: executing "inner" at <.X.Y>: can\'t evaluate field Y in type string',
  },
]);
