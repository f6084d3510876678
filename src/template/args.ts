// Argument rules shared by the executor and the `call` builtin: which kinds accept nil,
// what nil becomes, which values fit a parameter kind (Go's AssignableTo for our kinds).

import { GoFunc, kindTypeName, type ParamKind } from './func.ts';
import { isFloat, isInt, typeName } from './value.ts';

/** Whether nil may be passed for the kind; `null` stands for "no type" (Go's nil reflect.Type). */
export function canBeNil(kind: ParamKind | null): boolean {
  return kind === null || kind === 'any' || kind === 'value' || kind === 'strings';
}

/** The zero value a nil literal becomes for a parameter kind that can be nil. */
export function nilOf(kind: ParamKind | null): unknown {
  return kind === 'value' || kind === null ? undefined : kind === 'strings' ? [] : null;
}

/** What a nil or missing value becomes: a reflect.Value keeps a nil interface (null) as is. */
export function nilFor(kind: ParamKind | null, value: null | undefined): unknown {
  return kind === 'value' ? value : nilOf(kind);
}

/** Whether a (non-nil) value fits a parameter kind. */
export function assignable(value: unknown, kind: ParamKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return isInt(value);
    case 'float':
      return isFloat(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'strings':
      return Array.isArray(value) && allStrings(value);
    default:
      return true;
  }
}

/** The `call` builtin: calls a function value with Go's argument checks and messages. */
export function callFunction(name: string, fn: unknown, args: unknown[]): unknown {
  if (fn === undefined || fn === null) throw new Error('call of nil');
  if (!(fn instanceof GoFunc)) throw new Error(`non-function ${name} of type ${typeName(fn)}`);
  const nfixed = fn.params.length;
  if (fn.variadic !== undefined) {
    if (args.length < nfixed) throw new Error(`wrong number of args for ${name}: got ${args.length} want at least ${nfixed}`);
  } else if (args.length !== nfixed) {
    throw new Error(`wrong number of args for ${name}: got ${args.length} want ${nfixed}`);
  }
  const argv = args.map((a, i) => {
    const kind = i < nfixed ? fn.params[i]! : fn.variadic!;
    if (a === undefined || a === null) {
      if (!canBeNil(kind)) throw new Error(`arg ${i}: value is nil; should be of type ${kindTypeName(kind)}`);
      return nilOf(kind);
    }
    if (!assignable(a, kind)) throw new Error(`arg ${i}: value has type ${typeName(a)}; should be ${kindTypeName(kind)}`);
    return a;
  });
  return fn.call(argv);
}

function allStrings(a: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false;
  return true;
}
