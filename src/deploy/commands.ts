// Remote command lines deploy sends to workers (deploy spec §18.2), as pure builders. Every value
// spliced into them goes through shq.
import { shq } from '../remote/shell-quote.ts';

export { shq };

export function bucketDir(bucketId: string): string {
  return `/opt/worker/${bucketId}`;
}

export function jobDir(bucketId: string, job: string): string {
  return `${bucketDir(bucketId)}/jobs/${job}`;
}

export function runnerCommand(bucketId: string, target: string, job: string): string {
  return `python3 ${shq(`${bucketDir(bucketId)}/bin/runner.py`)} ${shq(bucketId)} ${shq(target)} --jobs ${shq(job)}`;
}

/** One job's lifecycle request; `prelude` runs first in the same round trip and, when it fails, the target is skipped. */
export interface LifecycleJob {
  job: string;
  currentVersion: string;
  newVersion: string;
  /** A bash script (run in a subshell) whose exit status gates the target; its output is the caller's to parse. */
  prelude?: string;
}

/**
 * One worker's lifecycle step for several jobs in one round trip: `make -s -C <job dir> <target>` per job
 * with its CURRENT_VERSION/NEW_VERSION, every job run even after another failed, each outcome reported as
 * `maand-runner: result <job> <exit code>` (same protocol as `runner.py --keep-going`, without Python).
 * A job's prelude (a snapshot of the tree about to run, a release to restore) runs just before its target.
 */
export function lifecycleScript(bucketId: string, target: string, jobs: LifecycleJob[]): string {
  const lines = [
    'run_target() {',
    `  local dir=${shq(`${bucketDir(bucketId)}/jobs/`)}"$1"`,
    '  echo "maand-runner: begin $1"',
    '  if [ ! -d "$dir" ]; then echo "runner: job $1 is not deployed on this worker ($dir is missing); run maand deploy" >&2; echo "maand-runner: result $1 1"; return 0; fi',
    '  local code=0',
    `  CURRENT_VERSION="$2" NEW_VERSION="$3" make -s -C "$dir" ${shq(target)} || code=$?`,
    '  echo "maand-runner: result $1 $code"',
    '}',
  ];
  const withPrelude = jobs.flatMap((j, i) => (j.prelude === undefined ? [] : [i]));
  if (withPrelude.length > 0) {
    // the preludes (release snapshots or restores) of different jobs are independent: they run side by
    // side before any target, and a job whose prelude failed skips its target
    lines.push('skip_target() { echo "maand-runner: begin $1"; echo "maand-runner: result $1 $2"; }');
    for (const i of withPrelude) lines.push(`prelude_${i}() (`, jobs[i]!.prelude!, ')');
    for (const i of withPrelude) lines.push(`prelude_${i} & pid_${i}=$!`);
    for (const i of withPrelude) lines.push(`wait "$pid_${i}" && code_${i}=0 || code_${i}=$?`);
  }
  jobs.forEach((j, i) => {
    const call = `run_target ${shq(j.job)} ${shq(j.currentVersion)} ${shq(j.newVersion)}`;
    if (j.prelude === undefined) return void lines.push(call);
    lines.push(`if [ "$code_${i}" -eq 0 ]; then`, call, `else skip_target ${shq(j.job)} "$code_${i}"; fi`);
  });
  return lines.join('\n');
}

/** Removes a removed job's deployed files on a worker, keeping data/ and logs/ (§6.1, Q19), and its retained releases (Q32). */
export function cleanupJobCommand(bucketId: string, job: string): string {
  const d = shq(jobDir(bucketId, job));
  return `if [ -d ${d} ]; then find ${d} -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi; rm -rf ${shq(`${bucketDir(bucketId)}/releases/${job}`)}`;
}

export function removeBucketCommand(bucketId: string): string {
  return `rm -rf ${shq(bucketDir(bucketId))}`;
}

/** Prerequisites on a worker (§5.2); sudo is probed only when it will be used (Q16). */
export function prerequisiteScript(useSudo: boolean): string {
  const lines = [
    'missing=()',
    'check() { command -v "$1" >/dev/null 2>&1 || missing+=("$1"); }',
    'check python3',
    'check make',
    'check rsync',
    'check bash',
    'check timeout',
  ];
  if (useSudo) {
    lines.push('check sudo');
    lines.push('if command -v sudo >/dev/null 2>&1 && command -v rsync >/dev/null 2>&1; then');
    lines.push('  sudo -n rsync --version >/dev/null 2>&1 || missing+=("sudo-rsync")');
    lines.push('fi');
  }
  lines.push('if [ ${#missing[@]} -gt 0 ]; then', '  echo "missing: ${missing[*]}"', '  exit 1', 'fi');
  return lines.join('\n');
}

/**
 * Runs the prerequisite check (+ mkdir of the bucket dir) on a worker; an error text when it cannot be used.
 * `extra` runs after it in the same round trip (it must exit 0; the caller reads its output).
 */
export async function checkWorker(
  run: (script: string) => Promise<{ exitCode: number; stdout: string; stderr: string; message?: string }>, ip: string, bucketId: string, useSudo: boolean, extra?: string,
): Promise<string | undefined> {
  const r = await run(`${prerequisiteScript(useSudo)}\nmkdir -p ${shq(bucketDir(bucketId))} || exit 1${extra === undefined ? '' : `\n${extra}`}`);
  if (r.exitCode === 0) return undefined;
  const missing = parseMissing(`${r.stdout}\n${r.stderr}`);
  if (missing) return `worker ${ip} missing prerequisites: ${missing.join(', ')} (install them on the worker, then run maand deploy again)`;
  const output = (r.stderr || r.stdout).trim();
  return r.message ?? `worker ${ip}: prerequisite check failed (exit ${r.exitCode})${output ? `: ${output.slice(-400)}` : ''}`;
}

export function parseMissing(output: string): string[] | undefined {
  for (const line of output.split('\n')) {
    const t = line.trim();
    if (t.startsWith('missing:')) return t.slice('missing:'.length).trim().split(/\s+/).filter(Boolean);
  }
  return undefined;
}
