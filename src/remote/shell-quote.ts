// The one shell-quoting function for everything maand splices into a script or command line bash
// runs on a worker (issue 15): job names, paths, versions, targets, env values, probe commands.

/** Words bash takes literally as they are: no expansion, globbing, splitting or redirection. */
const LITERAL = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * `s` as one bash word with exactly its characters: bare when nothing in it is special (so IPs,
 * versions and paths read as the reference sent them), else single-quoted, where bash expands
 * nothing ($(), backticks, $VAR, newlines are literal) and a `'` is written `'\''`.
 */
export function shq(s: string): string {
  return LITERAL.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
