// Drives the bundled CLI (dist/cli/index.js) for the fault suite, each run with its own TMPDIR, and
// checks what a failed run must leave behind: one `maand <command> failed:` line and no stack trace,
// a non-zero exit, and no bucket lock, bucket tmp/, ssh control dir or staging dir of its own.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The maand process (the same pid under `unshare`, which execs). */
  pid: number;
  /** The run's own TMPDIR (where its ssh control dir goes). */
  tmp: string;
}

export interface CliOptions {
  /** PATH for maand (default: this process's). */
  path?: string;
  /** Runs maand under this command, which must exec it (e.g. `unshare -m sh -c '…; exec "$@"' sh`). */
  wrap?: string[];
  /** Called with all stderr so far as it grows (e.g. to kill maand at a given line). */
  onStderr?: (stderr: string, child: ChildProcess) => void;
}

const runTemps: string[] = [];

/** Runs `maand <args>` in the bucket `root` with a fresh TMPDIR. */
export function maand(root: string, args: string[], o: CliOptions = {}): Promise<CliResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'maand-fault-run-'));
  runTemps.push(tmp);
  const argv = [...(o.wrap ?? []), process.execPath, CLI, ...args];
  const env = { ...process.env, TMPDIR: tmp, PATH: o.path ?? process.env['PATH'] ?? '/usr/bin:/bin' };
  const child = spawn(argv[0]!, argv.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    o.onStderr?.(stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid ?? -1, tmp }));
  });
}

export function deployArgs(knownHosts: string, ...more: string[]): string[] {
  return ['deploy', '--known-hosts', knownHosts, ...more];
}

/** Removes the runs' TMPDIRs (after the tests looked into them). */
export function cleanupRuns(): void {
  for (const t of runTemps.splice(0)) rmSync(t, { recursive: true, force: true });
}

/**
 * The run failed once and cleanly: exit non-zero, exactly one `maand <command> failed:` line on stderr
 * matching `message`, no stack trace, and nothing of its own left behind.
 */
export function assertFailedCleanly(r: CliResult, root: string, command: string, message: RegExp): string {
  assert.notEqual(r.code, 0, `exit status: ${r.code} ${r.signal}\n${r.stderr}`);
  assert.equal(r.signal, null, r.stderr);
  const failed = r.stderr.split('\n').filter((l) => l.startsWith(`maand ${command} failed:`));
  assert.equal(failed.length, 1, `one error line, got:\n${r.stderr}`);
  assert.match(failed[0]!, message);
  assert.doesNotMatch(r.stderr + r.stdout, /^\s+at .*[(:]\d+/m, 'no stack trace');
  assertNothingLeft(r, root);
  return failed[0]!;
}

/** No bucket lock, bucket tmp/, ssh control dir (in the run's TMPDIR) or /dev/shm staging dir of the run's pid. */
export function assertNothingLeft(r: CliResult, root: string): void {
  assert.ok(!existsSync(join(root, 'data', 'maand.lock')), 'data/maand.lock is left behind');
  assert.ok(!existsSync(join(root, 'tmp')), 'the bucket tmp/ is left behind');
  assert.deepEqual(readdirSync(r.tmp).filter((n) => n.startsWith('maand-ssh-')), [], 'an ssh control dir is left behind');
  assert.deepEqual(readdirSync('/dev/shm').filter((n) => n.startsWith(`maand-stage-${r.pid}-`)), [], 'a staging dir is left behind');
}

/** A PATH of symlinks to `programs` only (found on this process's PATH), in a fresh dir. */
export function pathWith(programs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'maand-fault-bin-'));
  runTemps.push(dir);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const p of programs) {
    const found = (process.env['PATH'] ?? '').split(delimiter).map((d) => join(d, p)).find((f) => existsSync(f));
    if (found === undefined) throw new Error(`${p} is not on PATH`);
    symlinkSync(found, join(bin, p));
  }
  return bin;
}

/** `maand cat deployments --json` as job → worker → rollout state. */
export async function deployments(root: string): Promise<Record<string, Record<string, string>>> {
  const r = await maand(root, ['cat', 'deployments', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out: Record<string, Record<string, string>> = {};
  for (const row of JSON.parse(r.stdout) as Array<{ job: string; worker_ip: string; rollout: string }>) (out[row.job] ??= {})[row.worker_ip] = row.rollout;
  return out;
}
