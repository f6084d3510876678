// Before a cold deploy: kill every job process (by pidfile /opt/worker/run/<base>/<job>.pid, like
// the anchor's workers.sh reset) and empty each worker's /opt/worker. Not WorkerSet.reset(): that
// replaces the opt folder itself, and the worker's bind mount keeps pointing at the deleted one
// (writes there then fail with ENOENT).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerSet } from '../../test/harness/workers.ts';
import { jobPids } from './validate.ts';

export function wipeWorkers(workers: WorkerSet, jobs: string[]): void {
  const bases = new Set(workers.ips.flatMap((ip) => (existsSync(join(workers.optDir(ip), 'run')) ? readdirSync(join(workers.optDir(ip), 'run')) : [])));
  for (const base of bases) {
    for (const pid of jobPids({ workers, jobs, jobsDir: '', files: [] }, base).values()) {
      if (pid === undefined) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const ip of workers.ips) {
    for (const base of readdirSync(workers.optDir(ip))) rmSync(join(workers.optDir(ip), base), { recursive: true, force: true });
  }
}
