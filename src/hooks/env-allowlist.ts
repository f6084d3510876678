// Which variables of the caller's environment a hook inherits (least privilege, issue 15): a short
// list hooks need to run Python, Node.js or make, maand's own hook variables, and the names a bucket
// opts into with `hook_env` in maand.conf. The runner's secrets (Action inputs, GitHub and runner
// tokens, the SSH key or agent) never pass, whatever the bucket lists. Pure: no process.env here.

/** Always passed when the base has them. `LC_*`: every locale category. */
const DEFAULT_NAMES: readonly string[] = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'LC_*', 'TZ', 'TMPDIR', 'TERM'];

/** maand's own hook variables that callers put into the base (src/remote builds them). */
const MAAND_NAMES: readonly string[] = ['MAAND_SSH_CONTROL_DIR', 'MAAND_SSH_OPTIONS', 'MAAND_SSH_USER', 'MAAND_SSH_PORT'];

/** Never passed and never accepted in hook_env: Action inputs, runner and GitHub tokens, SSH key material. */
const DENIED: readonly string[] = [
  'INPUT_*', 'ACTIONS_*', 'RUNNER_*', 'GITHUB_TOKEN', 'GH_TOKEN', 'SSH_AUTH_SOCK', 'MAAND_SSH_KEY', 'MAAND_STATE_KEY',
];

const PATTERN = /^[A-Za-z_][A-Za-z0-9_]*\*?$/;

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** Whether some name could match both patterns (`IN*` overlaps `INPUT_*`, `INPUT_X` overlaps `INPUT_*`). */
function overlaps(a: string, b: string): boolean {
  const pa = a.endsWith('*') ? a.slice(0, -1) : undefined;
  const pb = b.endsWith('*') ? b.slice(0, -1) : undefined;
  if (pa === undefined && pb === undefined) return a === b;
  if (pa !== undefined && pb !== undefined) return pa.startsWith(pb) || pb.startsWith(pa);
  return pa === undefined ? a.startsWith(pb!) : b.startsWith(pa);
}

function isDenied(name: string): boolean {
  return DENIED.some((d) => matches(d, name));
}

/**
 * Why a `hook_env` entry is refused, or undefined when it is fine. Entries are a variable name or a
 * prefix ending in `*` (`PREFIX_*`); anything that could match a denied name is refused.
 */
export function hookEnvEntryProblem(entry: string): string | undefined {
  if (!PATTERN.test(entry) || entry === '*')
    return `${JSON.stringify(entry)} is not a variable name or a prefix ending in * (e.g. "PIP_INDEX_URL" or "PIP_*")`;
  const denied = DENIED.find((d) => overlaps(entry, d));
  if (denied !== undefined)
    return `${JSON.stringify(entry)} would pass ${denied} to hooks: the runner's inputs, tokens and SSH key never reach hooks; remove it`;
  return undefined;
}

/**
 * The part of `base` a hook may see: the default names, maand's hook variables and the bucket's
 * opt-ins (`optIn`, already validated), never a denied name. Keys come out sorted.
 */
export function allowedHookEnv(base: Readonly<Record<string, string | undefined>>, optIn: readonly string[] = []): Record<string, string> {
  const allowed = [...DEFAULT_NAMES, ...MAAND_NAMES, ...optIn];
  const out: Record<string, string> = {};
  for (const name of Object.keys(base).sort()) {
    const value = base[name];
    if (value === undefined || isDenied(name)) continue;
    if (allowed.some((p) => matches(p, name))) out[name] = value;
  }
  return out;
}
