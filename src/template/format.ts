// Go's fmt printer for template values: one value with a verb, flags, width and precision,
// as Go prints it: `[a b]` for slices, `map[k:v]` (sorted) for maps, `{1 2}` for structs,
// `<nil>` for nil, `%!d(string=x)` for a verb that does not fit. Sprint and Sprintln are
// here; Sprintf (format strings) is in printf.ts. %b/%x on floats are not supported.

import { formatFloat, type FloatFormat } from './number.ts';
import { encodeGoString } from './gostring.ts';
import { canBackquote, isPrint, quote, quoteASCII, quoteRune, runeCount } from './strconv.ts';
import { bigOf, floatOf, type GoInt, kindOf, sortedEntries, typeName } from './value.ts';

export class Printer {
  buf = '';
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  widPresent = false;
  prec = 0;
  precPresent = false;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = this.widPresent = this.precPresent = false;
    this.wid = this.prec = 0;
  }

  private padding(n: number): string {
    return n <= 0 ? '' : (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  /** Appends s, padded to the width (counted in runes) on the left, or right with '-'. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const fill = this.padding(this.wid - runeCount(s));
    this.buf += this.minus ? s + fill : fill + s;
  }

  /** pad without zero filling (numbers already placed their zeros). */
  private padNoZero(s: string): void {
    const zero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = zero;
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    switch (kindOf(v)) {
      case 'invalid':
        if (depth === 0) this.buf += '<invalid reflect.Value>';
        else this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'int':
        this.fmtInt(v as GoInt, verb);
        return;
      case 'float':
        this.fmtFloat(floatOf(v), verb, v);
        return;
      case 'string':
        this.fmtString(v as string, verb);
        return;
      case 'slice':
        this.printList(v as unknown[], verb, depth);
        return;
      case 'map':
        this.printMap(v as Map<unknown, unknown>, verb, depth);
        return;
      case 'struct':
        this.printStruct(v as Record<string, unknown>, verb, depth);
        return;
      case 'func':
        this.pad('(func)');
        return;
    }
  }

  private printList(a: unknown[], verb: string, depth: number): void {
    if (this.sharpV) {
      this.buf += typeName(a) + '{';
      a.forEach((e, i) => {
        if (i > 0) this.buf += ', ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += '}';
      return;
    }
    this.buf += '[';
    a.forEach((e, i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += ']';
  }

  private printMap(m: Map<unknown, unknown>, verb: string, depth: number): void {
    this.buf += this.sharpV ? typeName(m) + '{' : 'map[';
    sortedEntries(m).forEach(([k, val], i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(val, verb, depth + 1);
    });
    this.buf += this.sharpV ? '}' : ']';
  }

  private printStruct(o: Record<string, unknown>, verb: string, depth: number): void {
    if (this.sharpV) this.buf += typeName(o);
    this.buf += '{';
    Object.keys(o).forEach((name, i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      if (this.plusV || this.sharpV) this.buf += name + ':';
      this.printValue(o[name], verb, depth + 1);
    });
    this.buf += '}';
  }

  /** `%!verb(type=value)`: the verb does not fit the value. */
  badVerb(verb: string, v: unknown): void {
    this.buf += '%!' + verb + '(';
    if (v === undefined || v === null) this.buf += '<nil>';
    else {
      this.buf += typeName(v) + '=';
      this.printValue(v, 'v', 0);
    }
    this.buf += ')';
  }

  private fmtInt(v: GoInt, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(v, 10, verb, false);
      case 'b':
        return this.fmtInteger(v, 2, verb, false);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb, false);
      case 'x':
        return this.fmtInteger(v, 16, verb, false);
      case 'X':
        return this.fmtInteger(v, 16, verb, true);
      case 'c':
        return this.pad(String.fromCodePoint(toRune(v)));
      case 'q':
        return this.pad(quoteRune(toRune(v), this.plus));
      case 'U':
        return this.fmtUnicode(v);
      default:
        return this.badVerb(verb, v);
    }
  }

  private fmtInteger(v: GoInt, base: number, verb: string, upper: boolean): void {
    const negative = typeof v === 'bigint' ? v < 0n : v < 0;
    if (this.precPresent && this.prec === 0 && (v === 0 || v === 0n)) {
      this.buf += ' '.repeat(this.wid); // precision 0 prints nothing for 0, only padding
      return;
    }
    let digits = typeof v === 'number' ? Math.abs(v).toString(base) : (negative ? -v : v).toString(base);
    if (upper) digits = digits.toUpperCase();
    let prec = 0;
    if (this.precPresent) prec = this.prec;
    else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.plus) digits = '+' + digits;
    else if (this.space) digits = ' ' + digits;
    this.padNoZero(digits);
  }

  private fmtUnicode(v: GoInt): void {
    const u = BigInt.asUintN(64, bigOf(v));
    let hex = u.toString(16).toUpperCase();
    const prec = this.precPresent && this.prec > 4 ? this.prec : 4;
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = 'U+' + hex;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
    this.padNoZero(s);
  }

  private fmtFloat(f: number, verb: string, original: unknown): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatAs(f, 'g', -1, verb);
      case 'g':
      case 'G':
        return this.fmtFloatAs(f, verb, -1, verb);
      case 'e':
      case 'E':
      case 'f':
        return this.fmtFloatAs(f, verb, 6, verb);
      case 'F':
        return this.fmtFloatAs(f, 'f', 6, verb);
      default:
        return this.badVerb(verb, original);
    }
  }

  private fmtFloatAs(f: number, fmt: FloatFormat, prec: number, verb: string): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(f, fmt, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.padNoZero(num);
      return;
    }
    if (this.sharp) num = sharpFloat(num, verb === 'v' || verb === 'g' || verb === 'G' ? (prec === -1 ? 6 : prec) : 0);
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0] + '0'.repeat(this.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        return this.sharpV ? this.fmtQ(s) : this.fmtS(s);
      case 's':
        return this.fmtS(s);
      case 'x':
        return this.fmtSx(s, false);
      case 'X':
        return this.fmtSx(s, true);
      case 'q':
        return this.fmtQ(s);
      default:
        return this.badVerb(verb, s);
    }
  }

  private truncate(s: string): string {
    if (!this.precPresent) return s;
    let n = 0;
    let i = 0;
    for (const ch of s) {
      if (n++ === this.prec) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(this.plus ? quoteASCII(s) : quote(s));
  }

  private fmtSx(s: string, upper: boolean): void {
    let bytes = encodeGoString(s);
    if (this.precPresent && this.prec < bytes.length) bytes = bytes.subarray(0, this.prec);
    let width = 2 * bytes.length;
    if (width === 0) {
      if (this.widPresent) this.buf += this.padding(this.wid);
      return;
    }
    if (this.space) {
      if (this.sharp) width *= 2;
      width += bytes.length - 1;
    } else if (this.sharp) width += 2;
    const prefix = upper ? '0X' : '0x';
    let out = this.sharp ? prefix : '';
    bytes.forEach((b, i) => {
      if (this.space && i > 0) out += this.sharp ? ' ' + prefix : ' ';
      const h = b.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    const fill = this.widPresent && this.wid > width ? this.padding(this.wid - width) : '';
    this.buf += this.minus ? out + fill : fill + out;
  }
}

function toRune(v: GoInt): number {
  const b = BigInt.asUintN(64, bigOf(v));
  const r = b > 0x10ffffn ? 0xfffd : Number(b);
  return r >= 0xd800 && r <= 0xdfff ? 0xfffd : r;
}

/** The '#' flag for floats: keep the decimal point and, for %g, the trailing zeros. */
function sharpFloat(num: string, digits: number): string {
  let tail = '';
  let body = num;
  const e = body.search(/[eE]/);
  if (e >= 0) {
    tail = body.slice(e);
    body = body.slice(0, e);
  }
  let sawNonzero = false;
  for (const c of body.slice(1)) {
    if (c === '.') continue;
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!body.includes('.')) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands and a final newline. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

const valuePrinter = new Printer();

/** Formats one value as fmt.Print would (`%v`). */
export function formatValue(v: unknown): string {
  const p = valuePrinter; // printing never re-enters, so one printer serves every call
  p.clearFlags();
  p.buf = '';
  p.printArg(v, 'v');
  const out = p.buf;
  p.buf = '';
  return out;
}
