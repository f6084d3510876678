// TemplateError: every parse or execution failure, with Go's message text
//   parse: `template: NAME:LINE: message`
//   exec:  `template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: message`
// It lives beside the engine and extends the one base every user-facing error has (src/errors.ts).
import { MaandError } from '../errors.ts';

import { goByteLength } from './gostring.ts';

export type TemplateErrorKind = 'parse' | 'exec';

export interface TemplateErrorInit {
  kind: TemplateErrorKind;
  /** The name the template text was parsed under (the file, for maand). */
  template: string;
  /** 1-based line; 0 when the error has no position. */
  line: number;
  /** Go's column: the byte offset of the failing node (exec) or last token read (parse) in its line, 0-based. */
  col: number;
  /** What a called function threw, for `error calling FN: …`. */
  cause?: unknown;
}

export class TemplateError extends MaandError {
  override name = 'TemplateError';
  readonly kind: TemplateErrorKind;
  readonly template: string;
  readonly line: number;
  readonly col: number;

  constructor(message: string, init: TemplateErrorInit) {
    super('template', message, undefined, { bare: true, ...(init.cause === undefined ? {} : { cause: init.cause }) });
    this.kind = init.kind;
    this.template = init.template;
    this.line = init.line;
    this.col = init.col;
  }
}

/** Line (1-based) and Go column (byte offset in the line) of a string index. */
export function location(text: string, pos: number): { line: number; col: number } {
  const before = text.slice(0, pos);
  const nl = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, col: goByteLength(before.slice(nl + 1)) };
}
