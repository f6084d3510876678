// User text inside an error message: `"text"` as the reference prints it, escaped the Go way (%q)
// when it holds a line break or another invisible character, so one error stays one line and a
// right-to-left override cannot disguise what follows.
import { quote } from '../template/strconv.ts';

export function quoted(s: string): string {
  return /^\P{C}*$/u.test(s) ? `"${s}"` : quote(s);
}

/** User text shown bare (a name, a list item): as is when printable, else Go-quoted (see quoted). */
export function printable(s: string): string {
  return /^\P{C}*$/u.test(s) ? s : quote(s);
}
