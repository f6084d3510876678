// Functions callable from templates. Go learns a function's parameter types by reflection;
// here each function declares them, so the executor can convert literals and check values
// exactly as Go does (`wrong type for value; expected int; got string`).

/**
 * Parameter kinds, named after the Go types they stand for:
 *  - string, int, float (float64), bool: the basic types; literals convert, values must match.
 *  - strings: []string (an array of strings).
 *  - any: interface{}; a missing value arrives as null.
 *  - value: reflect.Value; passed through untouched, a missing value arrives as undefined.
 */
export type ParamKind = 'string' | 'int' | 'float' | 'bool' | 'strings' | 'any' | 'value';

const GO_TYPE_OF_KIND: Record<ParamKind, string> = {
  string: 'string',
  int: 'int',
  float: 'float64',
  bool: 'bool',
  strings: '[]string',
  any: 'interface {}',
  value: 'reflect.Value',
};

/** The Go type name of a parameter kind, for error messages. */
export function kindTypeName(kind: ParamKind): string {
  return GO_TYPE_OF_KIND[kind];
}

/** A function a template can call. It returns its result or throws to fail the render. */
export class GoFunc {
  /** Kinds of the fixed parameters. */
  readonly params: readonly ParamKind[];
  /** Kind of the `...` tail, when the function is variadic. */
  readonly variadic: ParamKind | undefined;
  /** Calls the function with already converted arguments. */
  readonly call: (args: unknown[]) => unknown;
  constructor(params: readonly ParamKind[], call: (args: unknown[]) => unknown, variadic?: ParamKind) {
    for (const k of [...params, ...(variadic === undefined ? [] : [variadic])]) {
      if (!(k in GO_TYPE_OF_KIND)) throw new Error(`unknown parameter kind ${JSON.stringify(k)}`);
    }
    this.params = params;
    this.variadic = variadic;
    this.call = call;
  }
}

/**
 * Declares a template function: `goFunc(['int', 'int'], (a: number, b: number) => a + b)`.
 * The argument types of `fn` are the caller's promise that they match `params`.
 */
export function goFunc<A extends unknown[]>(
  params: readonly ParamKind[],
  fn: (...args: A) => unknown,
  variadic?: ParamKind,
): GoFunc {
  const f = fn as (...args: unknown[]) => unknown;
  // Fixed small arities call directly (no spread): template functions are called a lot.
  if (variadic === undefined && params.length === 0) return new GoFunc(params, () => f());
  if (variadic === undefined && params.length === 1) return new GoFunc(params, (a) => f(a[0]));
  if (variadic === undefined && params.length === 2) return new GoFunc(params, (a) => f(a[0], a[1]));
  return new GoFunc(params, (args) => f(...args), variadic);
}

/** Template functions by name. */
export type FuncMap = Readonly<Record<string, GoFunc>>;

/** Go's rule for function names: a letter or `_`, then letters, digits or `_`. */
export function isGoodFuncName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name);
}
