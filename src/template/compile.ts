// Turns the statement nodes of a tree (text, actions, if/with/range, template, break,
// continue) into closures once, so executing a template does not dispatch on node types
// again and again. Expressions are still evaluated by the State in exec.ts, node by node,
// so error positions and messages stay exactly Go's.

import type { ActionNode, ListNode, Node } from './node.ts';
import type { State } from './exec.ts';

/** Control signals a statement returns instead of Go's break/continue panics. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export type Signal = typeof NORMAL | typeof BREAK | typeof CONTINUE;

/** Marks "no value piped in" (Go's missingVal); distinct from undefined, the invalid value. */
export const MISSING: unique symbol = Symbol('missing');

/** A compiled statement: runs against the state with the given dot. */
export type Exec = (s: State, dot: unknown) => Signal;

const cache = new WeakMap<ListNode, Exec>();

/** The compiled form of a tree's root list (compiled once, then shared by every render). */
export function compileTree(root: ListNode): Exec {
  let f = cache.get(root);
  if (f === undefined) {
    f = compileList(root);
    cache.set(root, f);
  }
  return f;
}

function compileList(list: ListNode): Exec {
  const fs = list.nodes.map(compile);
  if (fs.length === 1) return fs[0]!;
  return (s, dot) => {
    for (let i = 0; i < fs.length; i++) {
      const sig = fs[i]!(s, dot);
      if (sig !== NORMAL) return sig;
    }
    return NORMAL;
  };
}

function compile(node: Node): Exec {
  switch (node.type) {
    case 'text': {
      const text = node.text;
      return (s) => {
        s.out += text;
        return NORMAL;
      };
    }
    case 'action':
      return compileAction(node);
    case 'list':
      return compileList(node);
    case 'if':
    case 'with': {
      const isWith = node.type === 'with';
      const { pipe } = node;
      const list = compileList(node.list);
      const elseList = node.elseList === undefined ? undefined : compileList(node.elseList);
      return (s, dot) => s.walkIfOrWith(isWith, dot, pipe, list, elseList);
    }
    case 'range': {
      const body = compileList(node.list);
      const elseBody = node.elseList === undefined ? undefined : compileList(node.elseList);
      return (s, dot) => s.walkRange(dot, node, body, elseBody);
    }
    case 'template':
      return (s, dot) => {
        s.walkTemplate(dot, node);
        return NORMAL;
      };
    case 'break':
      return () => BREAK;
    case 'continue':
      return () => CONTINUE;
    case 'comment':
      return () => NORMAL;
    default:
      return (s) => s.errorf(`unknown node: ${node.type}`);
  }
}

function compileAction(node: ActionNode): Exec {
  const pipe = node.pipe;
  const first = pipe.cmds[0]?.args[0];
  if (pipe.cmds.length === 1 && pipe.decl.length === 0 && pipe.cmds[0]!.args.length === 1 && first?.type === 'field') {
    // {{.A.B}}: the steps of evalPipeline → evalFieldNode, without the dispatch.
    const ident = first.ident;
    return (s, dot) => {
      s.node = first;
      s.printValue(node, s.evalFieldChain(dot, dot, first, ident, 0, undefined, MISSING));
      return NORMAL;
    };
  }
  if (pipe.decl.length > 0) {
    // Declared variables persist until the enclosing {{end}}; declarations print nothing.
    return (s, dot) => {
      s.evalPipeline(dot, pipe);
      return NORMAL;
    };
  }
  if (pipe.cmds.length === 1) {
    // One command, nothing declared: evalPipeline's work minus its loops.
    const cmd = pipe.cmds[0]!;
    return (s, dot) => {
      s.node = pipe;
      const v = s.evalCommand(dot, cmd, MISSING);
      s.printValue(node, v === null ? undefined : v);
      return NORMAL;
    };
  }
  return (s, dot) => {
    s.printValue(node, s.evalPipeline(dot, pipe));
    return NORMAL;
  };
}
