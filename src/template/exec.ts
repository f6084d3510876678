// The executor: walks a parsed template over a data value, as Go's text/template exec.go
// does. Only the taken branch of if/with/range is evaluated; and/or short-circuit;
// variables live on a stack popped at the {{end}} of the block that declared them.
// Errors carry Go's text: `template: NAME:LINE:COL: executing "T" at <NODE>: message`.
// The output is built in memory and returned whole, or not at all (the render throws).

import { assignable, callFunction, canBeNil, nilFor, nilOf } from './args.ts';
import { BREAK, compileTree, CONTINUE, type Exec, MISSING, NORMAL, type Signal } from './compile.ts';
import { location, TemplateError } from './error.ts';
import { formatValue } from './format.ts';
import { GoFunc, kindTypeName, type ParamKind } from './func.ts';
import type {
  ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, RangeNode, TemplateNode,
  VariableNode,
} from './node.ts';
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

  private push(name: string, value: unknown): void {
    this.varNames[this.top] = name;
    this.varValues[this.top] = value;
    this.top++;
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.top - 1; i >= 0; i--) {
      if (this.varNames[i] === name) {
        this.varValues[i] = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: unknown): void {
    this.varValues[this.top - n] = value;
  }

  private varValue(name: string): unknown {
    for (let i = this.top - 1; i >= 0; i--) {
      if (this.varNames[i] === name) return this.varValues[i];
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // --- statements (called by the compiled closures of compile.ts) ---

  walkIfOrWith(isWith: boolean, dot: unknown, pipe: PipeNode, list: Exec, elseList: Exec | undefined): Signal {
    const mark = this.mark();
    const val = this.evalPipeline(dot, pipe);
    let sig: Signal = NORMAL;
    if (isTrue(val)) sig = list(this, isWith ? val : dot);
    else if (elseList !== undefined) sig = elseList(this, dot);
    this.pop(mark);
    return sig;
  }

  walkRange(dot: unknown, r: RangeNode, body: Exec, elseBody: Exec | undefined): Signal {
    this.node = r;
    const outer = this.mark();
    const val = this.evalPipeline(dot, r.pipe);
    const mark = this.mark(); // the body's variables are pushed above this
    let ran = false;
    if (Array.isArray(val)) {
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (this.iteration(r, body, mark, i, val[i]) === BREAK) break;
      }
    } else if (val instanceof Map) {
      for (const [k, v] of sortedEntries(val)) {
        ran = true;
        if (this.iteration(r, body, mark, k, v) === BREAK) break;
      }
    } else if (val !== undefined && val !== null) {
      this.errorf(`range can't iterate over ${formatValue(val)}`);
    }
    let sig: Signal = NORMAL;
    // Go's quirk, kept: {{continue}} in the else list reaches an enclosing range; {{break}} stops here.
    if (!ran && elseBody !== undefined && elseBody(this, dot) === CONTINUE) sig = CONTINUE;
    this.pop(outer);
    return sig;
  }

  /** One pass of a range body: bind the range variables, run, drop the body's variables. */
  private iteration(r: RangeNode, body: Exec, mark: number, index: unknown, elem: unknown): Signal {
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
      else this.setTopVar(1, elem);
      if (decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
        else this.setTopVar(2, index);
      }
    }
    const sig = body(this, elem);
    this.pop(mark);
    return sig;
  }

  walkTemplate(dot: unknown, t: TemplateNode): void {
    this.node = t;
    const root = this.tpl.trees.get(t.name);
    if (root === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    // Variables declared by the pipeline persist; the callee sees only its own $.
    const newDot = t.pipe === undefined ? undefined : this.evalPipeline(dot, t.pipe);
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

  // --- evaluation ---

  evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.node = pipe;
    const cmds = pipe.cmds;
    let value: unknown = MISSING;
    for (let i = 0; i < cmds.length; i++) value = this.evalCommand(dot, cmds[i]!, value);
    if (value === null) value = undefined; // a nil interface becomes "no value", as in Go
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      if (pipe.isAssign) this.setVar(decl[i]!.ident[0]!, value);
      else this.push(decl[i]!.ident[0]!, value);
    }
    return value;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${print(args[0]!)}`);
  }

  evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${quote(print(first))}`);
  }

  /** A number with no type context: its syntax decides int or float64. */
  private idealConstant(n: NumberNode): unknown {
    this.node = n;
    const t = n.text;
    const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (n.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return new GoFloat(n.float);
    if (n.isInt) return n.int;
    if (n.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: Node[] | undefined, final: Final): unknown {
    this.node = field;
    return this.evalFieldChain(dot, dot, field, field.ident, 0, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: Node[] | undefined, final: Final): unknown {
    this.node = chain;
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${print(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, 0, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: Node[] | undefined, final: Final): unknown {
    this.node = v;
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident, 1, args, final);
  }

  /** .X.Y.Z: walks ident[from..] from the receiver; only the last field may get arguments. */
  evalFieldChain(
    dot: unknown, receiver: unknown, node: Node, ident: string[], from: number, args: Node[] | undefined, final: Final,
  ): unknown {
    const n = ident.length;
    for (let i = from; i < n - 1; i++) receiver = this.evalField(ident[i]!, node, undefined, MISSING, receiver);
    return this.evalField(ident[n - 1]!, node, args, final, receiver);
  }

  private evalField(name: string, node: Node, args: Node[] | undefined, final: Final, receiver: unknown): unknown {
    if (receiver === undefined) return undefined; // no value: the field is no value too
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
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

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: Node[] | undefined, final: Final): unknown {
    this.node = node;
    const found = this.tpl.findFunction(node.ident);
    if (found === undefined) return this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, found.fn, found.builtin, cmd, node.ident, args, final);
  }

  /** Calls fn; args[0] is the function's own node, the rest are its arguments. */
  private evalCall(
    dot: unknown, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, args: Node[] | undefined, final: Final,
  ): unknown {
    const nargs = args === undefined ? 0 : args.length - 1;
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
        v = this.evalArg(dot, 'value', args![i]!);
        if (isTrue(v) === isOr) return v;
      }
      if (hasFinal) v = this.validateType(final, 'value');
      return v;
    }
    const argv: unknown[] = new Array(numIn);
    let i = 0;
    for (; i < nfixed && i < nargs; i++) argv[i] = this.evalArg(dot, params[i]!, args![i + 1]!);
    if (fn.variadic !== undefined) for (; i < nargs; i++) argv[i] = this.evalArg(dot, fn.variadic, args![i + 1]!);
    if (hasFinal) {
      const kind = fn.variadic === undefined ? params[nfixed - 1]! : numIn - 1 < nfixed ? params[numIn - 1]! : fn.variadic;
      argv[i] = this.validateType(final, kind);
    }
    try {
      if (isBuiltin && name === 'call') {
        const callee = nargs > 0 ? print(args![1]!) : `<${typeName(final)} Value>`;
        return callFunction(callee, argv[0], argv.slice(1));
      }
      return fn.call(argv);
    } catch (e) {
      this.node = node;
      return this.errorf(`error calling ${name}: ${messageOf(e)}`, e);
    }
  }

  /** Checks that a computed value fits a parameter kind (Go's validateType). */
  private validateType(value: unknown, kind: ParamKind | null): unknown {
    if (value === undefined || value === null) {
      if (canBeNil(kind)) return nilFor(kind, value);
      return this.errorf(`invalid value; expected ${kindTypeName(kind!)}`);
    }
    if (kind === null || kind === 'any' || kind === 'value' || assignable(value, kind)) return value;
    return this.errorf(`wrong type for value; expected ${kindTypeName(kind)}; got ${typeName(value)}`);
  }

  /** Evaluates one argument for a parameter kind; literals convert as Go's constants do. */
  private evalArg(dot: unknown, kind: ParamKind | null, n: Node): unknown {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, kind);
      case 'nil':
        if (canBeNil(kind)) return nilOf(kind);
        return this.errorf(`cannot assign nil to ${kindTypeName(kind!)}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, undefined, MISSING), kind);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), kind);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), kind);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), kind);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), kind);
    }
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

  printValue(n: Node, v: unknown): void {
    this.node = n;
    if (typeof v === 'string') this.out += v;
    else if (typeof v === 'number' && Number.isSafeInteger(v)) this.out += String(v);
    else if (v === undefined || v === null) this.out += '<no value>';
    else if (v instanceof GoFunc) this.errorf(`can't print ${print(n)} of type ${typeName(v)}`);
    else this.out += formatValue(v);
  }
}
