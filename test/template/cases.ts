// Shared table runner and fixtures for the template conformance tests. Every expected output
// and error text in the tables is what Go 1.23's text/template produces for the same
// template and data (data translated with the value model of src/template/value.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type FuncMap, GoFloat, GoFunc, goFunc, goStruct, parseTemplate, render, renderBytes, TemplateError,
} from '../../src/template/index.ts';

export interface ExecCase {
  /** What the case shows, as a sentence. */
  name: string;
  input: string;
  data?: unknown;
  /** The exact output, or … */
  output?: string;
  /** … the exact output bytes Go writes, in hex (for output that is not valid UTF-8), or … */
  bytes?: string;
  /** … the exact error message. */
  error?: string;
  /** Template name (default `t`); it appears in error messages. */
  tpl?: string;
  funcs?: FuncMap;
}

/** Go's exec_test helper functions, declared with their Go signatures. */
export const testFuncs: FuncMap = {
  add: new GoFunc([], (args) => (args as number[]).reduce((a, b) => a + b, 0), 'int'),
  echo: goFunc(['any'], (v: unknown) => v),
  zeroArgs: goFunc([], () => 'zeroArgs'),
  oneArg: goFunc(['string'], (a: string) => `oneArg=${a}`),
  twoArgs: goFunc(['string', 'string'], (a: string, b: string) => `twoArgs=${a}${b}`),
  dddArg: new GoFunc(['int'], (args) => `${args[0]} [${args.slice(1).join(' ')}]\n`, 'string'),
  die: goFunc([], () => {
    throw new Error('die');
  }),
  makemap: new GoFunc([], (args) => {
    const m = new Map<string, string>();
    for (let i = 0; i + 1 < args.length; i += 2) m.set(args[i] as string, args[i + 1] as string);
    return m;
  }, 'string'),
  mapOfThree: goFunc([], () => new Map([['three', 3]])),
  returnInt: goFunc([], () => 7),
};

/** Go's tVal, reduced to what the value model can express (no pointers or methods). */
export const tVal = goStruct('template.T', {
  True: true,
  I: 17,
  U16: 16,
  X: 'x',
  S: 'xyz',
  U: goStruct('template.U', { V: 'v' }),
  FloatZero: new GoFloat(0),
  F: new GoFloat(1.5),
  SI: [3, 4, 5],
  AI: [3, 4, 5],
  SIEmpty: [] as number[],
  SB: [true, false],
  SS: ['a', 'b', 'c'],
  MSI: new Map([['one', 1], ['two', 2], ['three', 3]]),
  MSIone: new Map([['one', 1]]),
  MSIEmpty: new Map<string, number>(),
  MXI: new Map<string, unknown>(),
  MII: new Map([[2, 'two'], [1, 'one'], [10, 'ten']]),
  SMSI: [new Map([['one', 1], ['two', 2]]), new Map([['eleven', 11], ['twelve', 12]])],
  Empty0: null,
  Empty3: [7, 8],
  Empty4: goStruct('template.UinEmpty', { V: 'UinEmpty' }),
  BinaryFunc: goFunc(['string', 'string'], (a: string, b: string) => `[${a}=${b}]`),
  VariadicFunc: new GoFunc([], (args) => `<${args.join('+')}>`, 'string'),
  VariadicFuncInt: new GoFunc(['int'], (args) => `${args[0]}=<${args.slice(1).join('+')}>`, 'string'),
  NilOKFunc: goFunc(['any'], (v: unknown) => v === null),
  ErrFunc: goFunc([], () => 'bla'),
  unexported: 'hidden',
});

export function renderCase(c: ExecCase, funcs: FuncMap): string {
  return render(parseTemplate(c.tpl ?? 't', c.input, c.funcs ?? funcs), c.data);
}

/** Every case run so far, with its functions (lets tooling replay the tables elsewhere). */
export const registry: { c: ExecCase; funcs: FuncMap }[] = [];

/** One node:test test per case: the output must match exactly, or the error message must. */
export function execTests(cases: readonly ExecCase[], funcs: FuncMap = testFuncs): void {
  for (const c of cases) {
    registry.push({ c, funcs: c.funcs ?? funcs });
    test(c.name, () => {
      if (c.bytes !== undefined) {
        const tpl = parseTemplate(c.tpl ?? 't', c.input, c.funcs ?? funcs);
        assert.equal(renderBytes(tpl, c.data).toString('hex'), c.bytes);
        return;
      }
      if (c.error === undefined) {
        assert.equal(renderCase(c, funcs), c.output);
        return;
      }
      let message: string | undefined;
      try {
        renderCase(c, funcs);
      } catch (e) {
        assert.ok(e instanceof TemplateError, `not a TemplateError: ${String(e)}`);
        message = e.message;
      }
      assert.equal(message, c.error);
    });
  }
}
