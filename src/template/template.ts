// A parsed template set: the trees of one text (the top-level template plus its
// {{define}}/{{block}} templates) and the functions it may call.

import { TemplateError } from './error.ts';
import { builtins } from './funcs.ts';
import { GoFunc, type FuncMap, isGoodFuncName } from './func.ts';
import type { ListNode } from './node.ts';
import { parse } from './parse.ts';
import { quote } from './strconv.ts';

export class Template {
  /** The name the text was parsed under; it names the top-level template. */
  readonly name: string;
  /** The source text; error positions refer to it. */
  readonly text: string;
  /** Template name → tree, for {{template}} lookups. */
  readonly trees: ReadonlyMap<string, ListNode>;
  /** User functions; they shadow the builtins of the same name. */
  readonly funcs: FuncMap;
  private readonly resolved = new Map<string, { fn: GoFunc; builtin: boolean }>();

  constructor(name: string, text: string, trees: ReadonlyMap<string, ListNode>, funcs: FuncMap) {
    this.name = name;
    this.text = text;
    this.trees = trees;
    this.funcs = funcs;
  }

  /** A function by name, and whether it is Go's builtin (and/or/call are evaluated specially). */
  findFunction(name: string): { fn: GoFunc; builtin: boolean } | undefined {
    let found = this.resolved.get(name);
    if (found === undefined) {
      const own = Object.hasOwn(this.funcs, name) ? this.funcs[name] : undefined;
      const b = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
      if (own !== undefined) found = { fn: own, builtin: false };
      else if (b !== undefined) found = { fn: b, builtin: true };
      else return undefined;
      this.resolved.set(name, found);
    }
    return found;
  }
}

/** Checks user functions as Go's Funcs does: valid identifiers, declared signatures. */
function checkFuncs(name: string, funcs: FuncMap): void {
  for (const [fname, fn] of Object.entries(funcs)) {
    const fail = (why: string): never => {
      throw new TemplateError(`template: ${name}: ${why}`, { kind: 'parse', template: name, line: 0, col: 0 });
    };
    if (!isGoodFuncName(fname)) fail(`function name ${quote(fname)} is not a valid identifier`);
    if (!(fn instanceof GoFunc)) fail(`value for ${fname} not a function`);
  }
}

/**
 * Parses `text` as template `name` with Go's text/template syntax. Functions are checked at
 * parse time: calling one that is neither a builtin nor in `funcs` is a parse error.
 */
export function parseTemplate(name: string, text: string, funcs: FuncMap = {}): Template {
  checkFuncs(name, funcs);
  const has = (fname: string): boolean => Object.hasOwn(funcs, fname) || Object.hasOwn(builtins, fname);
  let trees: Map<string, ListNode>;
  try {
    trees = parse(name, text, has);
  } catch (e) {
    if (!(e instanceof RangeError && /call stack/i.test(e.message))) throw e;
    throw new TemplateError(`template: ${name}: nesting too deep: the stack ran out`, { kind: 'parse', template: name, line: 0, col: 0 });
  }
  return new Template(name, text, trees, funcs);
}
