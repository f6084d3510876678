// The executor: the state of one render and Go's exec.go semantics, used by the closures
// that compile.ts and compile-expr.ts build from the tree. Only the taken branch of
// if/with/range is evaluated; and/or short-circuit; variables live on a stack popped at the
// {{end}} of the block that declared them. Errors carry Go's text:
//   template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: message
// The output is built in memory and returned whole, or not at all (the render throws).

import { assignable, callFunction, canBeNil, nilFor } from './args.ts';
import { compileTree, type Exec } from './compile.ts';
import type { ArgEval, PipeEval } from './compile-expr.ts';
import { location, TemplateError } from './error.ts';
import { formatValue } from './format.ts';
import { GoFunc, kindTypeName, type ParamKind } from './func.ts';
import { BREAK, CONTINUE, MISSING, NORMAL, type Signal } from './marks.ts';
import type { Node, NumberNode, RangeNode, TemplateNode } from './node.ts';
import { print } from './node.ts';
import { quote } from './strconv.ts';
import type { Template } from './template.ts';
import { GoFloat, isTrue, mapKeyTypeName, sortedEntries, typeName } from './value.ts';

/** Limit on nested {{template}} calls (Go: 100000; lower here for the JS stack). */
export const MAX_EXEC_DEPTH = 1000;

type Final = unknown;

/** Executes the template set's top-level template over `data`; returns the whole output. */
export function execute(tpl: Template, data: unknown): string {
  if (data === null) data = undefined; // nil data is "no value", as reflect.ValueOf(nil)
  const s: State = new State(tpl, data);
  const root = tpl.trees.get(tpl.name);
  if (root === undefined) s.errorf(`${quote(tpl.name)} is an incomplete or empty template`);
  try {
    compileTree(root)(s, data);
  } catch (e) {
    // Deeply nested blocks can exhaust the JS stack before MAX_EXEC_DEPTH; report it at the node.
    if (e instanceof RangeError && /call stack/i.test(e.message)) s.errorf(`${STACK_EXHAUSTED} (template depth ${s.depthNow()})`);
    throw e;
  }
  return s.out;
}

export const STACK_EXHAUSTED = 'nesting too deep: the stack ran out';

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(name);
}

/** Execution state: output, variables, current node (for errors), template depth. */
export class State {
  out = '';
  /** The node being evaluated; errors point at it (Go's state.at). */
  node: Node | undefined;
  private readonly tpl: Template;
  /** Name of the template being executed (changes inside {{template}}). */
  private name: string;
  private varNames: string[];
  private varValues: unknown[];
  private top = 1;
  private depth = 0;

  constructor(tpl: Template, data: unknown) {
    this.tpl = tpl;
    this.name = tpl.name;
    this.varNames = ['$'];
    this.varValues = [data];
  }

  depthNow(): number {
    return this.depth;
  }

  errorf(message: string, cause?: unknown): never {
    const template = this.tpl.name;
    if (this.node === undefined) {
      throw new TemplateError(`template: ${this.name}: ${message}`, { kind: 'exec', template, line: 0, col: 0, cause });
    }
    const { line, col } = location(this.tpl.text, this.node.pos);
    const at = `template: ${template}:${line}:${col}: executing ${quote(this.name)} at <${print(this.node)}>`;
    throw new TemplateError(`${at}: ${message}`, { kind: 'exec', template, line, col, cause });
  }

  // --- variables: a stack of (name, value) pairs; `top` is its height ---

  private mark(): number {
    return this.top;
  }

  private pop(mark: number): void {
    this.top = mark;
  }

  push(name: string, value: unknown): void {
    this.varNames[this.top] = name;
    this.varValues[this.top] = value;
    this.top++;
  }

  setVar(name: string, value: unknown): void {
    for (let i = this.top - 1; i >= 0; i--) {
      if (this.varNames[i] === name) {
        this.varValues[i] = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  varValue(name: string): unknown {
    for (let i = this.top - 1; i >= 0; i--) {
      if (this.varNames[i] === name) return this.varValues[i];
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // --- statements (called by the compiled closures of compile.ts) ---

  walkIfOrWith(isWith: boolean, dot: unknown, pipe: PipeEval, list: Exec, elseList: Exec | undefined): Signal {
    const mark = this.mark();
    const val = pipe(this, dot);
    let sig: Signal = NORMAL;
    if (isTrue(val)) sig = list(this, isWith ? val : dot);
    else if (elseList !== undefined) sig = elseList(this, dot);
    this.pop(mark);
    return sig;
  }

  walkRange(dot: unknown, r: RangeNode, pipe: PipeEval, body: Exec, elseBody: Exec | undefined): Signal {
    this.node = r;
    const outer = this.mark();
    const val = pipe(this, dot);
    const mark = this.mark(); // the body's variables are pushed above this
    const decl = r.pipe.decl.length;
    const assign = r.pipe.isAssign;
    let ran = false;
    if (Array.isArray(val)) {
      ran = val.length > 0;
      for (let i = 0; i < val.length; i++) {
        const elem = val[i];
        if (decl > 0) this.bindRangeVars(r, decl, assign, i, elem);
        const sig = body(this, elem);
        this.top = mark;
        if (sig === BREAK) break;
      }
    } else if (val instanceof Map) {
      ran = this.rangeMap(r, body, mark, val);
    } else if (val !== undefined && val !== null) {
      this.errorf(`range can't iterate over ${formatValue(val)}`);
    }
    let sig: Signal = NORMAL;
    // Go's quirk, kept: {{continue}} in the else list reaches an enclosing range; {{break}} stops here.
    if (!ran && elseBody !== undefined && elseBody(this, dot) === CONTINUE) sig = CONTINUE;
    this.pop(outer);
    return sig;
  }

  /** Ranges over a map in sorted key order; returns whether the body ran. */
  private rangeMap(r: RangeNode, body: Exec, mark: number, m: Map<unknown, unknown>): boolean {
    const decl = r.pipe.decl.length;
    const entries = sortedEntries(m);
    for (let i = 0; i < entries.length; i++) {
      const [k, elem] = entries[i]!;
      if (decl > 0) this.bindRangeVars(r, decl, r.pipe.isAssign, k, elem);
      const sig = body(this, elem);
      this.top = mark;
      if (sig === BREAK) break;
    }
    return entries.length > 0;
  }

  /** Binds $i/$v of one range pass: declared ones are the top slots, assigned ones are set. */
  private bindRangeVars(r: RangeNode, decl: number, assign: boolean, index: unknown, elem: unknown): void {
    if (assign) {
      this.setVar(r.pipe.decl[0]!.ident[0]!, decl > 1 ? index : elem);
      if (decl > 1) this.setVar(r.pipe.decl[1]!.ident[0]!, elem);
      return;
    }
    this.varValues[this.top - 1] = elem;
    if (decl > 1) this.varValues[this.top - 2] = index;
  }

  walkTemplate(dot: unknown, t: TemplateNode, pipe: PipeEval | undefined): void {
    this.node = t;
    const root = this.tpl.trees.get(t.name);
    if (root === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    // Variables declared by the pipeline persist; the callee sees only its own $.
    const newDot = pipe === undefined ? undefined : pipe(this, dot);
    const { name, varNames, varValues, top } = this;
    this.name = t.name;
    this.varNames = ['$'];
    this.varValues = [newDot];
    this.top = 1;
    this.depth++;
    compileTree(root)(this, newDot);
    this.depth--;
    this.name = name;
    this.varNames = varNames;
    this.varValues = varValues;
    this.top = top;
  }

  // --- evaluation (called by the compiled closures of compile-expr.ts) ---

  notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${print(args[0]!)}`);
  }

  /** A number with no type context: its syntax decides int or float64. */
  idealConstant(n: NumberNode): unknown {
    this.node = n;
    const t = n.text;
    const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (n.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return new GoFloat(n.float);
    if (n.isInt) return n.int;
    if (n.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  findFunction(name: string): { fn: GoFunc; builtin: boolean } {
    const found = this.tpl.findFunction(name);
    return found ?? this.errorf(`${quote(name)} is not a defined function`);
  }

  /** .X.Y.Z: walks ident[from..] from the receiver; only the last field may get arguments. */
  evalFieldChain(receiver: unknown, ident: string[], from: number, args: Node[] | undefined, final: Final): unknown {
    const n = ident.length;
    for (let i = from; i < n - 1; i++) receiver = this.evalField(ident[i]!, undefined, MISSING, receiver);
    return this.evalField(ident[n - 1]!, args, final, receiver);
  }

  evalField(name: string, args: Node[] | undefined, final: Final, receiver: unknown): unknown {
    if (receiver === undefined) return undefined; // no value: the field is no value too
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (typeof receiver === 'object') {
      // Fast path: only struct fields answer to an exported name (Map, Array, GoFloat and
      // GoFunc have no upper-case properties), so a defined value is the field's value.
      const c = name.charCodeAt(0);
      if (c >= 65 && c <= 90) {
        const v = (receiver as Record<string, unknown>)[name];
        if (v !== undefined) {
          if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
          return v;
        }
      }
    }
    if (typeof receiver === 'object' && !Array.isArray(receiver)) {
      if (receiver instanceof Map) {
        if (mapKeyTypeName(receiver) === 'string') {
          if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
          return receiver.get(name);
        }
      } else if (!(receiver instanceof GoFloat) && !(receiver instanceof GoFunc)) {
        // A struct: exported fields only, like Go's FieldByName on an exported name.
        const exported = isExported(name);
        if (exported ? name in receiver : Object.hasOwn(receiver, name)) {
          if (!exported) this.errorf(`${name} is an unexported field of struct type ${typeName(receiver)}`);
          if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
          return (receiver as Record<string, unknown>)[name];
        }
      }
    }
    return this.errorf(`can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  /** Calls fn with the compiled arguments; args[0] is the function's own node. */
  evalCall(
    dot: unknown, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, argEvals: ArgEval[], args: Node[], final: Final,
  ): unknown {
    const nargs = argEvals.length;
    const hasFinal = final !== MISSING;
    const numIn = nargs + (hasFinal ? 1 : 0);
    const params = fn.params;
    const nfixed = params.length;
    if (fn.variadic !== undefined) {
      if (numIn < nfixed) this.errorf(`wrong number of args for ${name}: want at least ${nfixed} got ${nargs}`);
    } else if (numIn !== nfixed) {
      this.errorf(`wrong number of args for ${name}: want ${nfixed} got ${numIn}`);
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      // Short-circuit: return the first operand that decides, else the last one.
      const isOr = name === 'or';
      let v: unknown;
      for (let i = 1; i <= nargs; i++) {
        v = argEvals[i - 1]!(this, dot, 'value');
        if (isTrue(v) === isOr) return v;
      }
      if (hasFinal) v = this.validateType(final, 'value');
      return v;
    }
    const argv: unknown[] = new Array(numIn);
    let i = 0;
    for (; i < nfixed && i < nargs; i++) argv[i] = argEvals[i]!(this, dot, params[i]!);
    if (fn.variadic !== undefined) for (; i < nargs; i++) argv[i] = argEvals[i]!(this, dot, fn.variadic);
    if (hasFinal) {
      const kind = fn.variadic === undefined ? params[nfixed - 1]! : numIn - 1 < nfixed ? params[numIn - 1]! : fn.variadic;
      argv[i] = this.validateType(final, kind);
    }
    try {
      if (isBuiltin && name === 'call') {
        const callee = nargs > 0 ? print(args[1]!) : `<${typeName(final)} Value>`;
        return callFunction(callee, argv[0], argv.slice(1));
      }
      return fn.call(argv);
    } catch (e) {
      this.node = node;
      return this.errorf(`error calling ${name}: ${messageOf(e)}`, e);
    }
  }

  /** evalCall for a fixed-arity function with every argument written out and none piped. */
  callDirect(dot: unknown, fn: GoFunc, node: Node, name: string, argEvals: ArgEval[]): unknown {
    const params = fn.params;
    const argv: unknown[] = new Array(argEvals.length);
    for (let i = 0; i < argEvals.length; i++) argv[i] = argEvals[i]!(this, dot, params[i]!);
    try {
      return fn.call(argv);
    } catch (e) {
      this.node = node;
      return this.errorf(`error calling ${name}: ${messageOf(e)}`, e);
    }
  }

  /** Checks that a computed value fits a parameter kind (Go's validateType). */
  validateType(value: unknown, kind: ParamKind | null): unknown {
    if (value === undefined || value === null) {
      if (canBeNil(kind)) return nilFor(kind, value);
      return this.errorf(`invalid value; expected ${kindTypeName(kind!)}`);
    }
    if (kind === null || kind === 'any' || kind === 'value' || assignable(value, kind)) return value;
    return this.errorf(`wrong type for value; expected ${kindTypeName(kind)}; got ${typeName(value)}`);
  }

  /** A literal argument converted for a parameter kind, as Go's evalBool/evalInteger/... do. */
  literalArg(n: Node, kind: ParamKind | null): unknown {
    switch (kind) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        return this.errorf(`expected bool; found ${print(n)}`);
      case 'float':
        if (n.type === 'number' && n.isFloat) return new GoFloat(n.float);
        return this.errorf(`expected float; found ${print(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${print(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${print(n)}`);
      case 'strings':
        return this.errorf(`can't handle ${print(n)} for arg of type []string`);
      default:
        // interface{} / reflect.Value: the literal's own value
        if (n.type === 'bool') return n.value;
        if (n.type === 'number') return this.idealConstant(n);
        if (n.type === 'string') return n.text;
        return this.errorf(`can't handle assignment of ${print(n)} to empty interface argument`);
    }
  }

  /** Prints an action's value as fmt.Print does; only a func cannot be printed. */
  printValue(n: Node, v: unknown): void {
    if (typeof v === 'string') this.out += v;
    else if (typeof v === 'number' && Number.isSafeInteger(v)) this.out += String(v);
    else if (v === undefined || v === null) this.out += '<no value>';
    else if (v instanceof GoFunc) {
      this.node = n;
      this.errorf(`can't print ${print(n)} of type ${typeName(v)}`);
    } else this.out += formatValue(v);
  }
}
