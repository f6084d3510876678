// Public API of the Go text/template engine used for maand's `.tpl` files.
//
//   const tpl = parseTemplate('config.json.tpl', text, maandFuncs({ job, kv }));  // throws TemplateError
//   const out = render(tpl, data);                                                 // throws TemplateError
//
// Values: see value.ts (ints are integral numbers or bigints, floats GoFloat, maps Map,
// structs plain objects). Functions: see func.ts (goFunc declares parameter kinds).

import { execute } from './exec.ts';
import { canonicalGoString, encodeGoString } from './gostring.ts';
import type { Template } from './template.ts';

export { TemplateError, type TemplateErrorKind } from './error.ts';
export { GoFunc, goFunc, type FuncMap, type ParamKind } from './func.ts';
export { maandFuncs, scrapeTemplateFuncs, type KvReader, type MaandFuncsContext } from './maand-funcs.ts';
export { parseTemplate, Template } from './template.ts';
export { GO_TYPE, GoFloat, goStruct, type GoInt } from './value.ts';
export { MAX_EXEC_DEPTH } from './exec.ts';
export { decodeGoString, encodeGoString } from './gostring.ts';
export { REDACTED, redactSecrets } from './redact.ts';

/**
 * Executes the template over `data` and returns the whole output (never a partial one).
 * Raw bytes Go would write (`{{slice "é" 0 1}}`) are surrogate escapes (see gostring.ts):
 * write the output with `renderBytes`, or `encodeGoString`, to get Go's exact bytes.
 */
export function render(tpl: Template, data: unknown): string {
  return canonicalGoString(execute(tpl, data));
}

/** The output as the bytes Go writes: a raw byte is written as itself. */
export function renderBytes(tpl: Template, data: unknown): Buffer {
  return encodeGoString(execute(tpl, data));
}
