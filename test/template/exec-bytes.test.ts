// execTests, part 5: Go strings are byte strings. Ordering compares UTF-8 bytes (not UTF-16
// code units), len/index/slice count bytes, and a slice inside a character keeps the raw byte,
// which is written out as that byte (`bytes` is the hex of the output Go writes).
// Expected values follow Go's spec: string comparison is bytewise, s[i] is a byte,
// s[i:j] slices bytes; fmt and strconv treat an invalid byte as a one-byte utf8.RuneError.

import { decodeGoString } from '../../src/template/index.ts';
import { execTests } from './cases.ts';

/** `template: t:1:COL: executing "t" at <NODE>: MSG` */
const at = (col: number, node: string, msg: string): string => `template: t:1:${col}: executing "t" at <${node}>: ${msg}`;

execTests([
  // Ordering: bytewise. U+FFFF is EF BF BF, 😀 (a surrogate pair in JS) is F0 9F 98 80.
  { name: 'lt orders a BMP char below a 4-byte char', input: '{{lt "\\uffff" "😀"}}', output: 'true' },
  { name: 'gt, le and ge agree with the byte order', input: '{{gt "😀" "\\uffff"}} {{le "😀" "\\uffff"}} {{ge "\\uffff" "😀"}}', output: 'true false false' },
  { name: 'lt puts a private-use BMP char below a supplementary char', input: '{{lt "\\uE000" "\\U0001F600"}} {{lt "\\U0001F600" "\\uE000"}}', output: 'true false' },
  { name: 'lt on strings that share a leading surrogate pair', input: '{{lt "😀\\uffff" "😀😀"}} {{lt "😀😀" "😀\\uffff"}}', output: 'true false' },
  { name: 'lt on supplementary chars in different planes', input: '{{lt "\\U0001F600" "\\U0010FFFF"}} {{gt "\\U00010000" "\\uFFFD"}}', output: 'true true' },
  { name: 'lt on a raw byte and a character compares the bytes', input: '{{lt "\\x80" "é"}} {{lt "\\xff" "😀"}} {{gt "\\xff" "\\U0010FFFF"}}', output: 'true false true' },
  { name: 'a lone leading byte orders below its whole character', input: '{{lt (slice "é" 0 1) "é"}} {{lt "é" (slice "é" 0 1)}} {{lt (slice "😀" 0 3) "😀"}}', output: 'true false true' },
  { name: 'eq on the same char written as an escape and literally', input: '{{eq "\\U0001F600" "😀"}} {{eq "\\xc3\\xa9" "é"}} {{ne "\\uffff" "😀"}}', output: 'true true true' },
  { name: 'eq on raw bytes printed back together', input: '{{eq (print (slice "é" 0 1) (slice "é" 1)) "é"}}', output: 'true' },
  { name: 'eq on two different raw bytes', input: '{{eq (slice "é" 0 1) (slice "é" 1)}} {{eq (slice "é" 0 1) "\\xc3"}}', output: 'false true' },
  { name: 'range over a map visits string keys in byte order', input: '{{range $k, $v := .}}{{$v}}{{end}}', data: new Map([['😀', 3], ['\uffff', 2], ['z', 1]]), output: '123' },

  // len and index count bytes.
  { name: 'len of a 4-byte char', input: '{{len "😀"}} {{len "\\U0010FFFF"}} {{len "\\uffff"}} {{len "é"}}', output: '4 4 3 2' },
  { name: 'len of a surrogate pair from data', input: '{{len .}}', data: 'a😀', output: '5' },
  { name: 'len of byte escapes', input: '{{len "\\xc3"}} {{len "\\xff\\xfe"}}', output: '1 2' },
  { name: 'index of a string yields each byte', input: '{{index "😀" 0}} {{index "😀" 1}} {{index "😀" 2}} {{index "😀" 3}}', output: '240 159 152 128' },
  { name: 'index of a 2-byte char', input: '{{index "é" 0}} {{index "é" 1}}', output: '195 169' },
  { name: 'index of a raw byte', input: '{{index (slice "é" 1) 0}}', output: '169' },
  { name: 'index at the byte length', input: '{{index "😀" 4}}', error: at(2, 'index "😀" 4', 'error calling index: reflect: string index out of range') },
  { name: 'index past the byte length', input: '{{index "😀" 5}}', error: at(2, 'index "😀" 5', 'error calling index: index out of range: 5') },
  { name: 'len of a surrogate-pair string is bytes, not UTF-16 units', input: '{{len (slice "😀😀" 4)}}', output: '4' },

  // slice cuts bytes; a cut inside a character leaves raw bytes, written as themselves.
  { name: 'slice keeps the leading byte of a 2-byte char', input: '{{slice "é" 0 1}}', bytes: 'c3' },
  { name: 'slice keeps the trailing byte of a 2-byte char', input: '{{slice "é" 1}}', bytes: 'a9' },
  { name: 'slice inside a 4-byte char', input: '{{slice "😀" 1 3}}', bytes: '9f98' },
  { name: 'slice of a surrogate pair from data', input: '{{slice . 0 2}}|{{slice . 2}}', data: '😀', bytes: 'f09f7c9880' },
  { name: 'slice on character boundaries stays text', input: '{{slice "a😀b" 1 5}}', output: '😀' },
  { name: 'slice pieces written side by side make the char again', input: '{{slice "é" 0 1}}{{slice "é" 1}}', output: 'é' },
  { name: 'slice pieces written side by side, as bytes', input: '{{slice "😀" 0 1}}{{slice "😀" 1}}', bytes: 'f09f9880' },
  { name: 'len of a slice inside a char', input: '{{len (slice "😀" 0 3)}} {{slice "😀" 0 3 | len}}', output: '3 3' },
  { name: 'slice of a raw byte string', input: '{{slice (slice "😀" 1) 1 2}}', bytes: '98' },
  { name: 'slice with a reversed range', input: '{{slice "😀" 2 1}}', error: at(2, 'slice "😀" 2 1', 'error calling slice: invalid slice index: 2 > 1') },
  { name: 'slice past the byte length', input: '{{slice "é" 3}}', error: at(2, 'slice "é" 3', 'error calling slice: index out of range: 3') },

  // Printing raw bytes: fmt writes them as they are; %q and %x show them.
  { name: 'print writes a raw byte', input: '{{print "<" (slice "é" 0 1) ">"}}', bytes: '3cc33e' },
  { name: 'print joins raw bytes into the char', input: '{{print (slice "é" 0 1) (slice "é" 1)}}', output: 'é' },
  { name: 'printf %q escapes a raw byte as \\x', input: '{{printf "%q" (slice "é" 0 1)}} {{printf "%q" (slice "😀" 1)}}', output: '"\\xc3" "\\x9f\\x98\\x80"' },
  { name: 'printf %+q escapes a raw byte as \\x', input: '{{printf "%+q" (print "é" (slice "é" 0 1))}}', output: '"\\u00e9\\xc3"' },
  { name: 'printf %#q cannot backquote a raw byte', input: '{{printf "%#q" (slice "é" 0 1)}}', output: '"\\xc3"' },
  { name: 'printf %x shows the bytes', input: '{{printf "%x" (slice "😀" 0 2)}} {{printf "% X" "é"}}', output: 'f09f C3 A9' },
  { name: 'printf width counts a raw byte as one rune', input: '{{printf "%5s|" (slice "é" 0 1)}}', bytes: '20202020c37c' },
  { name: 'printf precision counts a raw byte as one rune', input: '{{printf "%.1s" (slice "😀" 1)}}', bytes: '9f' },
  { name: 'printf %s of a raw byte', input: '{{printf "[%s]" (slice "é" 1)}}', bytes: '5ba95d' },
  { name: 'print of a raw byte next to a number', input: '{{print (slice "é" 1) 1}}', bytes: 'a931' },

  // Literals and template text.
  { name: 'a \\x escape in a literal is a raw byte', input: '{{"\\xff"}}', bytes: 'ff' },
  { name: '\\x escapes forming UTF-8 are the char', input: '{{"\\xc3\\xa9"}}', output: 'é' },
  { name: 'an octal escape is a raw byte', input: '{{"\\303"}}', bytes: 'c3' },
  { name: 'a raw invalid byte in the text is written as it is', input: decodeGoString(Buffer.from([0x61, 0xff, 0x62])), bytes: '61ff62' },
  { name: 'a raw invalid byte in a quoted literal becomes U+FFFD', input: decodeGoString(Buffer.from('{{"\xff"}}', 'latin1')), bytes: 'efbfbd' },
  { name: 'a raw invalid byte in a raw literal stays', input: decodeGoString(Buffer.from('{{`\xff`}}', 'latin1')), bytes: 'ff' },
  { name: 'a raw invalid byte in an action', input: decodeGoString(Buffer.from('{{\xff}}', 'latin1')), error: "template: t:1: unrecognized character in action: U+FFFD '\ufffd'" },
  { name: 'an invalid byte in the text counts one byte in the error column', input: decodeGoString(Buffer.from('\xff{{.X}}', 'latin1')), data: 1, error: "template: t:1:3: executing \"t\" at <.X>: can't evaluate field X in type int" },
  { name: 'a lone surrogate in data is U+FFFD', input: '{{len .}} {{.}}', data: 'a\ud800', bytes: '342061efbfbd' },

  // The escapers on raw bytes.
  { name: 'html passes a raw byte through', input: '{{html (slice "é" 0 1) "<"}}', bytes: 'c3266c743b' },
  { name: 'js passes a raw byte through', input: '{{js (slice "é" 0 1)}}', bytes: 'c3' },
  { name: 'urlquery escapes a raw byte', input: '{{urlquery (slice "é" 0 1)}} {{urlquery "é"}}', output: '%C3 %C3%A9' },
]);
