// Turns a tree into closures once, so rendering does not dispatch on node types again and
// again: statements here (text, actions, if/with/range, template, break, continue),
// expressions in compile-expr.ts. The closures call the State (exec.ts) for Go's semantics.

import { compileCommand, compilePipe } from './compile-expr.ts';
import type { State } from './exec.ts';
import { BREAK, CONTINUE, MISSING, NORMAL, type Signal } from './marks.ts';
import type { ActionNode, ListNode, Node } from './node.ts';

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
  // Text is kept as a string in the list, so appending it costs no call.
  const items: (string | Exec)[] = list.nodes.map((n) => (n.type === 'text' ? n.text : compile(n)));
  if (items.length === 1) {
    const only = items[0]!;
    if (typeof only !== 'string') return only;
    return (s) => {
      s.out += only;
      return NORMAL;
    };
  }
  return (s, dot) => {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (typeof item === 'string') s.out += item;
      else {
        const sig = item(s, dot);
        if (sig !== NORMAL) return sig;
      }
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
      const pipe = compilePipe(node.pipe);
      const list = compileList(node.list);
      const elseList = node.elseList === undefined ? undefined : compileList(node.elseList);
      return (s, dot) => s.walkIfOrWith(isWith, dot, pipe, list, elseList);
    }
    case 'range': {
      const pipe = compilePipe(node.pipe);
      const body = compileList(node.list);
      const elseBody = node.elseList === undefined ? undefined : compileList(node.elseList);
      return (s, dot) => s.walkRange(dot, node, pipe, body, elseBody);
    }
    case 'template': {
      const pipe = node.pipe === undefined ? undefined : compilePipe(node.pipe);
      return (s, dot) => {
        s.walkTemplate(dot, node, pipe);
        return NORMAL;
      };
    }
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
  if (pipe.decl.length > 0) {
    // Declared variables persist until the enclosing {{end}}; declarations print nothing.
    const declare = compilePipe(pipe);
    return (s, dot) => {
      declare(s, dot);
      return NORMAL;
    };
  }
  if (pipe.cmds.length === 1) {
    const fast = compileSimpleAction(node);
    if (fast !== undefined) return fast;
    // One command: evalPipeline's steps inline (mark the pipe, nil becomes no value).
    const cmd = compileCommand(pipe.cmds[0]!);
    return (s, dot) => {
      s.node = pipe;
      const v = cmd(s, dot, MISSING);
      s.printValue(node, v === null ? undefined : v);
      return NORMAL;
    };
  }
  const evaluate = compilePipe(pipe);
  return (s, dot) => {
    s.printValue(node, evaluate(s, dot));
    return NORMAL;
  };
}

/**
 * {{.A.B}}, {{$x}}, {{$x.A}} and {{.}}, the most common actions, in one closure each (the
 * same steps as compile-expr's simple pipelines, plus printing: this is the hot path).
 */
function compileSimpleAction(node: ActionNode): Exec | undefined {
  const args = node.pipe.cmds[0]!.args;
  if (args.length !== 1) return undefined;
  const first = args[0]!;
  const print = (s: State, v: unknown): Signal => {
    s.printValue(node, v === null ? undefined : v);
    return NORMAL;
  };
  switch (first.type) {
    case 'field': {
      const ident = first.ident;
      return (s, dot) => {
        s.node = first;
        return print(s, s.evalFieldChain(dot, ident, 0, args, MISSING));
      };
    }
    case 'variable': {
      const ident = first.ident;
      const name = ident[0]!;
      if (ident.length === 1) {
        return (s) => {
          s.node = first;
          return print(s, s.varValue(name));
        };
      }
      return (s) => {
        s.node = first;
        return print(s, s.evalFieldChain(s.varValue(name), ident, 1, args, MISSING));
      };
    }
    case 'dot':
      return (s, dot) => print(s, dot);
    default:
      return undefined;
  }
}
