// What a deploy must have achieved, checked on the workers' host-side /opt/worker after each run so
// no tool wins by doing less: every job's files on every worker, every job's process running, and
// exactly the restarts the scenario calls for. Also counts ssh logins (sshd "Accepted publickey").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerSet } from '../../test/harness/workers.ts';

export type Scenario = 'cold' | 'noop' | 'change';

/** "<ip> <job>" -> pid of its live `sleep 3600`, or undefined. */
export type PidMap = Map<string, number | undefined>;

export interface Layout {
  workers: WorkerSet;
  jobsDir: string;
  jobs: string[];
  files: string[];
}

function livePid(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    if (!readFileSync(`/proc/${pid}/cmdline`).subarray(0, 11).equals(Buffer.from('sleep\u00003600\u0000'))) return undefined;
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.split(' ')[0];
    return state === 'Z' ? undefined : pid;
  } catch {
    return undefined;
  }
}

export function jobPids(l: Layout, remoteBase: string): PidMap {
  const out: PidMap = new Map();
  for (const ip of l.workers.ips) {
    for (const job of l.jobs) out.set(`${ip} ${job}`, livePid(join(l.workers.optDir(ip), 'run', remoteBase, `${job}.pid`)));
  }
  return out;
}

export function sshLogins(workers: WorkerSet): number {
  let n = 0;
  for (const ip of workers.ips) {
    const log = readFileSync(workers.logFile(ip), 'utf8');
    for (const line of log.split('\n')) if (line.startsWith('Accepted publickey')) n++;
  }
  return n;
}

/** Problems found (empty: the deploy did all it had to). */
export function validate(l: Layout, remoteBase: string, scenario: Scenario, changedJob: string, before: PidMap, after: PidMap): string[] {
  const errors: string[] = [];
  for (const ip of l.workers.ips) {
    for (const job of l.jobs) {
      for (const f of l.files) {
        let same = false;
        try {
          same = readFileSync(join(l.workers.optDir(ip), remoteBase, 'jobs', job, f)).equals(readFileSync(join(l.jobsDir, job, f)));
        } catch {
          same = false;
        }
        if (!same) {
          errors.push(`${ip}: ${job}/${f} missing or different`);
          break;
        }
      }
    }
  }
  const dead = [...after].filter(([, pid]) => pid === undefined).map(([k]) => k);
  if (dead.length > 0) errors.push(`${dead.length} job processes not running, e.g. ${dead.slice(0, 3).join(', ')}`);
  const moved = [...after].filter(([k, pid]) => before.get(k) !== pid).map(([k]) => k).sort();
  if (scenario === 'noop' && moved.length > 0) errors.push(`no-op restarted ${moved.slice(0, 3).join(', ')}`);
  if (scenario === 'change') {
    const want = l.workers.ips.map((ip) => `${ip} ${changedJob}`).sort();
    if (moved.join('|') !== want.join('|')) errors.push(`change restarted [${moved.slice(0, 4).join(', ')}] instead of ${changedJob} on every worker`);
  }
  return errors.slice(0, 6);
}
