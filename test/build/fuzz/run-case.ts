// Runs one fuzz case through the real CLI entry (`runCli(['build'])`) on a copy of the template bucket
// and checks what a user would see: success, or one `maand build failed: <MaandError>` and an
// untouched catalog.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../../../src/cli/program.ts';
import type { Mutation } from './mutate.ts';

export interface CaseOutcome {
  exit: number;
  stdout: string;
  stderr: string;
  /** The error code the message starts with (see errorCodeOf); undefined on success. */
  code: string | undefined;
  /** Broken expectations; empty when the case passes. */
  problems: string[];
}

const PREFIX = 'maand build failed: ';

/** The sentinels of src/errors.ts, longest first, to name the class of a printed message. */
const CODES = [...readFileSync(join(import.meta.dirname, '../../../src/errors.ts'), 'utf8').matchAll(/^\s*\| '([^']+)'/gm)]
  .map((m) => m[1]!)
  .sort((a, b) => b.length - a.length);

/**
 * The error codes named in the message at segment starts (`<code>:` after the start, `: ` or a
 * newline), outermost first: `invalid manifest.json > port collision`.
 */
export function errorCodeOf(message: string): string {
  const found = new Map<number, string>();
  for (const code of CODES) {
    for (const m of message.matchAll(new RegExp(`(^|: |\\n)${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=:|$|\\n)`, 'g'))) {
      const at = m.index + m[1]!.length;
      if (!found.has(at)) found.set(at, code);
    }
  }
  const chain = [...new Set([...found].sort((a, b) => a[0] - b[0]).map(([, code]) => code))];
  return chain.length === 0 ? '(no code)' : chain.join(' > ');
}

function apply(root: string, m: Mutation): void {
  const file = join(root, m.path);
  rmSync(file, { recursive: true, force: true });
  if (m.state.kind === 'absent') return;
  mkdirSync(m.state.kind === 'dir' ? file : dirname(file), { recursive: true });
  if (m.state.kind === 'file') writeFileSync(file, m.state.data);
}

/**
 * The reference's multi-line forms: `invalid manifest.json: job <job>` then the decoder's detail, and
 * the lists of `missing allocations` (a line per job) and `insufficient resource` (a line per worker).
 */
function multiLineAllowed(lines: string[]): boolean {
  const [first, ...rest] = lines;
  if (/^invalid manifest\.json: job \S+$/.test(first!)) return rest.length === 1;
  if (first === 'missing allocations') return rest.every((l) => /^job \S+ has \d+ allocation\(s\), min_allocations_count is \d+$/.test(l));
  if (first === 'insufficient resource') return rest.every((l) => /^worker_ip \S+[ ,]/.test(l));
  return false;
}

export async function runCase(root: string, mutations: Mutation[]): Promise<CaseOutcome> {
  for (const m of mutations) apply(root, m);
  const dbFile = join(root, 'data', 'maand.db');
  const before = readFileSync(dbFile);
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: root,
    env: { MAAND_QUIET: '1', MAAND_TEST: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const exit = await runCli(['build'], io);
  const problems: string[] = [];
  if (existsSync(join(root, 'data', 'maand.lock'))) problems.push('data/maand.lock left behind');
  if (existsSync(join(root, 'tmp'))) problems.push('tmp/ left behind');
  if (exit === 0) {
    if (stderr !== '') problems.push(`exit 0 with stderr ${JSON.stringify(stderr)}`);
    return { exit, stdout, stderr, code: undefined, problems };
  }
  const message = stderr.startsWith(PREFIX) && stderr.endsWith('\n') ? stderr.slice(PREFIX.length, -1) : undefined;
  const code = message === undefined ? '(unformatted)' : errorCodeOf(message);
  if (exit !== 1) problems.push(`exit ${exit}, want 1`);
  if (message === undefined) problems.push(`stderr is not one "${PREFIX}…" line`);
  else {
    const lines = message.split('\n');
    if (lines.length > 1 && !multiLineAllowed(lines)) problems.push(`message spans ${lines.length} lines`);
    if (/internal error|unexpected error/.test(message)) problems.push('not a precise MaandError');
    if (lines.some((l) => /^\s+at .+[:)]/.test(l))) problems.push('stack trace');
    if (code === '(no code)') problems.push('message names no error code');
  }
  // post_build runs after the main commit (its failure keeps that commit); the fixture has no post_build hook.
  if (!readFileSync(dbFile).equals(before)) problems.push('data/maand.db changed by a failed build');
  return { exit, stdout, stderr, code, problems };
}
