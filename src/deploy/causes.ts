// One cause, said once: at fleet size the same failure (a refused connection, a missing key) hits many
// workers and many jobs. These fold identical causes into one line naming everything they hit.

const SHOWN = 6;

/** `a, b, c and 21 more` */
export function listNames(names: readonly string[]): string {
  const sorted = [...names].sort(compareNames);
  return sorted.length <= SHOWN ? sorted.join(', ') : `${sorted.slice(0, SHOWN).join(', ')} and ${sorted.length - SHOWN} more`;
}

/**
 * Per-worker errors → one line per distinct cause. An error that names its worker (`worker <ip> …`) is
 * compared with the worker's name taken out, so "worker 10.0.0.1 unreachable" on 24 workers is one line
 * `workers 10.0.0.1, … and 18 more: unreachable …`.
 */
export function byCause(items: ReadonlyArray<{ worker: string; error: string }>): string[] {
  const groups = new Map<string, string[]>();
  for (const { worker, error } of items) {
    const cause = worker === '' ? error : error.split(worker).join('\u0000');
    const list = groups.get(cause) ?? [];
    if (!list.includes(worker)) list.push(worker);
    groups.set(cause, list);
  }
  return [...groups].map(([cause, workers]) => {
    if (workers.length === 1) return cause.split('\u0000').join(workers[0]!);
    const rest = cause.replace(/^worker \u0000:? ?/, '').split('\u0000').join('<worker>');
    return `workers ${listNames(workers)}: ${rest}`;
  });
}

/** `job <job>: <error>`, saying the job once when the error (a hook's) already starts with `job <job> `. */
export function jobCause(job: string, error: string | undefined): string {
  const own = `job ${job} `;
  const text = error ?? 'failed';
  return `job ${job}: ${text.startsWith(own) ? text.slice(own.length) : text}`;
}

/** `job <name>: <cause>` lines → one line per distinct cause, `jobs a, b: <cause>` when several share it. */
export function jobsByCause(lines: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  const order: string[] = [];
  for (const line of lines) {
    const m = /^job (\S+): ([\s\S]*)$/.exec(line);
    const key = m ? m[2]! : line;
    if (!groups.has(key)) order.push(key);
    const jobs = groups.get(key) ?? [];
    if (m) jobs.push(m[1]!);
    groups.set(key, jobs);
  }
  return order.map((cause) => {
    const jobs = groups.get(cause)!;
    if (jobs.length === 0) return cause;
    return jobs.length === 1 ? `job ${jobs[0]}: ${cause}` : `jobs ${listNames(jobs)}: ${cause}`;
  });
}

/** Dotted IPv4 addresses in numeric order, everything else by text. */
function compareNames(a: string, b: string): number {
  const na = /^\d+\.\d+\.\d+\.\d+$/.test(a) ? a.split('.').map(Number) : undefined;
  const nb = /^\d+\.\d+\.\d+\.\d+$/.test(b) ? b.split('.').map(Number) : undefined;
  if (na && nb) {
    for (let i = 0; i < 4; i++) if (na[i] !== nb[i]) return na[i]! - nb[i]!;
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
