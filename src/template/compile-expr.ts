// Compiles pipelines, commands and arguments into closures. Each closure does what Go's
// evalPipeline / evalCommand / evalArg do for its node, in the same order, marking the node
// it works on (s.node, Go's state.at) so errors point where Go's point.

import { canBeNil, nilOf } from './args.ts';
import type { State } from './exec.ts';
import { type GoFunc, kindTypeName, type ParamKind } from './func.ts';
import { MISSING } from './marks.ts';
import type { ChainNode, CommandNode, IdentifierNode, Node, PipeNode } from './node.ts';
import { print } from './node.ts';
import { quote } from './strconv.ts';

/** Evaluates a pipeline with the given dot. */
export type PipeEval = (s: State, dot: unknown) => unknown;
/** Evaluates a command; `final` is the value piped in, or MISSING. */
export type CmdEval = (s: State, dot: unknown, final: unknown) => unknown;
/** Evaluates an argument for a parameter kind (null: no type, as for a chain's receiver). */
export type ArgEval = (s: State, dot: unknown, kind: ParamKind | null) => unknown;

export function compilePipe(pipe: PipeNode): PipeEval {
  const simple = compileSimplePipe(pipe);
  if (simple !== undefined) return simple;
  const cmds = pipe.cmds.map(compileCommand);
  const names = pipe.decl.map((v) => v.ident[0]!);
  const assign = pipe.isAssign;
  if (cmds.length === 1 && names.length === 0) {
    const cmd = cmds[0]!;
    return (s, dot) => {
      s.node = pipe;
      const v = cmd(s, dot, MISSING);
      return v === null ? undefined : v; // a nil interface becomes "no value", as in Go
    };
  }
  return (s, dot) => {
    s.node = pipe;
    let v: unknown = MISSING;
    for (let i = 0; i < cmds.length; i++) {
      v = cmds[i]!(s, dot, v);
      if (v === null) v = undefined; // each stage's nil interface becomes "no value", as in Go
    }
    for (let i = 0; i < names.length; i++) {
      if (assign) s.setVar(names[i]!, v);
      else s.push(names[i]!, v);
    }
    return v;
  };
}

export /**
 * {{.A.B}}, {{$x}}, {{$x.A}} and {{.}} — most pipelines — with evalPipeline and evalCommand
 * folded into one closure (nothing can fail between marking the pipe and its command, so
 * only the command is marked; nil becomes no value, as in Go).
 */
function compileSimplePipe(pipe: PipeNode): PipeEval | undefined {
  const args = pipe.cmds[0]?.args;
  if (pipe.cmds.length !== 1 || pipe.decl.length > 0 || args === undefined || args.length !== 1) return undefined;
  const first = args[0]!;
  switch (first.type) {
    case 'field': {
      const ident = first.ident;
      return (s, dot) => {
        s.node = first;
        const v = s.evalFieldChain(dot, ident, 0, args, MISSING);
        return v === null ? undefined : v;
      };
    }
    case 'variable': {
      const ident = first.ident;
      const name = ident[0]!;
      if (ident.length === 1) {
        return (s) => {
          s.node = first;
          const v = s.varValue(name);
          return v === null ? undefined : v;
        };
      }
      return (s) => {
        s.node = first;
        const v = s.evalFieldChain(s.varValue(name), ident, 1, args, MISSING);
        return v === null ? undefined : v;
      };
    }
    case 'dot':
      return (s, dot) => {
        s.node = first;
        return dot === null ? undefined : dot;
      };
    default:
      return undefined;
  }
}

export function compileCommand(cmd: CommandNode): CmdEval {
  const args = cmd.args;
  const first = args[0]!;
  switch (first.type) {
    case 'field': {
      const ident = first.ident;
      return (s, dot, final) => {
        s.node = first;
        return s.evalFieldChain(dot, ident, 0, args, final);
      };
    }
    case 'chain':
      return compileChain(first, args);
    case 'identifier':
      return compileCall(first, cmd, args);
    case 'pipe': {
      const pipe = compilePipe(first);
      return (s, dot, final) => {
        s.notAFunction(args, final);
        return pipe(s, dot);
      };
    }
    case 'variable': {
      const ident = first.ident;
      const name = ident[0]!;
      if (ident.length === 1) {
        return (s, _dot, final) => {
          s.node = first;
          const v = s.varValue(name);
          s.notAFunction(args, final);
          return v;
        };
      }
      return (s, _dot, final) => {
        s.node = first;
        return s.evalFieldChain(s.varValue(name), ident, 1, args, final);
      };
    }
  }
  return (s, dot, final) => {
    s.node = first;
    s.notAFunction(args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return s.errorf('nil is not a command');
      case 'number':
        return s.idealConstant(first);
      case 'string':
        return first.text;
    }
    return s.errorf(`can't evaluate command ${quote(print(first))}`);
  };
}

/** (pipe).A.B or fn.A: evaluate the receiver, then walk the fields. */
function compileChain(chain: ChainNode, args: Node[] | undefined): CmdEval {
  const base = compileArg(chain.node);
  return (s, dot, final) => {
    s.node = chain;
    if (chain.field.length === 0) s.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') s.errorf(`indirection through explicit nil in ${print(chain)}`);
    return s.evalFieldChain(base(s, dot, null), chain.field, 0, args, final);
  };
}

/** A function call; args[0] is the function's own node. */
function compileCall(ident: IdentifierNode, node: Node, args: Node[]): CmdEval {
  const name = ident.ident;
  const argEvals = args.slice(1).map(compileArg);
  // A node belongs to one template, so its function can be looked up once.
  let found: { fn: GoFunc; builtin: boolean } | undefined;
  let direct = false;
  return (s, dot, final) => {
    s.node = ident;
    if (found === undefined) {
      found = s.findFunction(name);
      // The common call: fixed arity, all arguments written out, no special builtin.
      const special = found.builtin && (name === 'and' || name === 'or' || name === 'call');
      direct = !special && found.fn.variadic === undefined && found.fn.params.length === argEvals.length;
    }
    if (direct && final === MISSING) return s.callDirect(dot, found.fn, node, name, argEvals);
    return s.evalCall(dot, found.fn, found.builtin, node, name, argEvals, args, final);
  };
}

/** One argument: Go's evalArg, which first marks the node, then evaluates and type-checks. */
function compileArg(n: Node): ArgEval {
  switch (n.type) {
    case 'dot':
      return (s, dot, kind) => {
        s.node = n;
        return s.validateType(dot, kind);
      };
    case 'nil':
      return (s, _dot, kind) => {
        s.node = n;
        if (canBeNil(kind)) return nilOf(kind);
        return s.errorf(`cannot assign nil to ${kindTypeName(kind!)}`);
      };
    case 'field': {
      const ident = n.ident;
      return (s, dot, kind) => {
        s.node = n;
        return s.validateType(s.evalFieldChain(dot, ident, 0, undefined, MISSING), kind);
      };
    }
    case 'variable': {
      const ident = n.ident;
      const name = ident[0]!;
      return (s, _dot, kind) => {
        s.node = n;
        const v = s.varValue(name);
        return s.validateType(ident.length === 1 ? v : s.evalFieldChain(v, ident, 1, undefined, MISSING), kind);
      };
    }
    case 'pipe': {
      const pipe = compilePipe(n);
      return (s, dot, kind) => {
        s.node = n;
        return s.validateType(pipe(s, dot), kind);
      };
    }
    case 'identifier': {
      const call = compileCall(n, n, [n]);
      return (s, dot, kind) => {
        s.node = n;
        return s.validateType(call(s, dot, MISSING), kind);
      };
    }
    case 'chain': {
      const chain = compileChain(n, undefined);
      return (s, dot, kind) => {
        s.node = n;
        return s.validateType(chain(s, dot, MISSING), kind);
      };
    }
    case 'number':
      return (s, _dot, kind) => {
        s.node = n;
        return kind === 'int' && n.isInt ? n.int : s.literalArg(n, kind);
      };
    case 'string': {
      const text = n.text;
      return (s, _dot, kind) => {
        s.node = n;
        return kind === 'string' || kind === 'any' || kind === 'value' ? text : s.literalArg(n, kind);
      };
    }
    default:
      return (s, _dot, kind) => {
        s.node = n;
        return s.literalArg(n, kind);
      };
  }
}
