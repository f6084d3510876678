// Markers shared by the compiler and the executor.

/** Control signals a statement returns instead of Go's break/continue panics. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export type Signal = typeof NORMAL | typeof BREAK | typeof CONTINUE;

/** Marks "no value piped in" (Go's missingVal); distinct from undefined, the invalid value. */
export const MISSING: unique symbol = Symbol('missing');
