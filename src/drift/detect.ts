// Drift: do the workers still hold what the catalog says was deployed? For every active allocation whose
// staged tree equals its promoted hash, an rsync checksum dry-run lists files that differ on the worker;
// then the job's health check runs. No make target runs. `markDrifted` makes the next deploy roll them.
import { MaandError } from '../errors.ts';
import type { SecretListener } from '../kv/index.ts';
import { parseItemizedLine } from '../remote/rsync.ts';
import { withRun, type BucketRun } from '../run/lifecycle.ts';
import type { Connect } from '../run/links.ts';
import type { DeployEvent } from '../deploy/result.ts';
import { stageActive } from '../deploy/staging.ts';
import { isActive, jobAllocations, waves, wasDeployed } from '../deploy/alloc-state.ts';
import { failureText, WorkerLink } from '../deploy/worker-link.ts';

export type DriftStatus = 'in-sync' | 'drifted' | 'pending' | 'unreachable';

export interface AllocationDrift {
  workerIp: string;
  allocId: string;
  status: DriftStatus;
  /** Job-relative paths that differ on the worker (`*deleting` included). */
  files: string[];
  detail?: string;
}

export interface JobDrift {
  job: string;
  allocations: AllocationDrift[];
  health: { ok: boolean; skipped: boolean; error?: string };
  drifted: boolean;
}

export interface DriftResult {
  jobs: JobDrift[];
  driftedJobs: string[];
  pendingJobs: string[];
  unreachable: string[];
}

export interface DriftOptions {
  root: string;
  jobs?: string[];
  /** drift: correct: mark what drifted so the next deploy rolls it out (in this run's lock and transaction). */
  markForCorrection?: boolean;
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  connect: Connect;
  /** Told every secret value the run creates or decrypts (RunOptions.onSecret). */
  onSecret?: SecretListener;
}

export function detectDrift(o: DriftOptions): Promise<DriftResult> {
  return withRun(
    {
      root: o.root, command: 'drift', connect: o.connect, stage: {},
      ...(o.onEvent ? { onEvent: o.onEvent } : {}), ...(o.signal ? { signal: o.signal } : {}), ...(o.onSecret ? { onSecret: o.onSecret } : {}),
    },
    async (r) => {
      const result = await compare(r, o.jobs ?? []);
      if (o.markForCorrection) r.checkpoint(() => markDrifted(r, result));
      return result;
    },
  );
}

async function compare(r: BucketRun, selected: string[]): Promise<DriftResult> {
  const allJobs = [...waves(r.db).values()].flat();
  const unknown = selected.filter((j) => !allJobs.includes(j));
  if (unknown.length > 0) throw new MaandError('invalid argument', `unknown job ${unknown.join(', ')} in the job selection (known: ${[...allJobs].sort().join(', ') || 'none'})`);
  const jobs = (selected.length > 0 ? [...selected] : allJobs).sort();
  const workers = new Map(r.workers.map((w) => [w.ip, w]));
  const link = WorkerLink.forRun(r, { stage: r.stage });
  const result: DriftResult = { jobs: [], driftedJobs: [], pendingJobs: [], unreachable: [] };
  if (jobs.some((j) => jobAllocations(r.db, j).some((a) => isActive(a) && wasDeployed(a)))) await link.requireTransport();
  for (const job of jobs) {
    const allocs = jobAllocations(r.db, job).filter(isActive);
    const staged = stageActive(r.db, r.kv, workers, r.bucketId, r.updateSeq, job, allocs);
    const jd: JobDrift = { job, allocations: [], health: { ok: true, skipped: true }, drifted: false };
    await Promise.all(
      allocs.map(async (a) => {
        const h = staged.get(a.allocId);
        const base = { workerIp: a.workerIp, allocId: a.allocId, files: [] as string[] };
        if (!h || !wasDeployed(a) || a.previousHash !== h.hash || a.currentVersion !== a.newVersion) {
          jd.allocations.push({ ...base, status: 'pending', detail: !wasDeployed(a) ? 'never deployed' : 'the workspace changed since the last deploy' });
          return;
        }
        const err = await link.reach(a.workerIp);
        if (err) {
          jd.allocations.push({ ...base, status: 'unreachable', detail: err });
          return;
        }
        r.stage.placeTree(a.workerIp, job, h.hash, h.tree);
        const files: string[] = [];
        const prefix = `jobs/${job}/`;
        const res = await link.rsyncTo(a.workerIp, [job], {
          dryRun: true,
          onLine: (stream, text) => {
            const c = stream === 'stdout' ? parseItemizedLine(text) : undefined;
            if (c && !c.directory && c.action !== 'attributes' && c.path.startsWith(prefix)) files.push(c.path.slice(prefix.length));
          },
        });
        if (res.exitCode !== 0) jd.allocations.push({ ...base, status: 'unreachable', detail: failureText(a.workerIp, res) });
        else jd.allocations.push({ ...base, files: files.sort(), status: files.length > 0 ? 'drifted' : 'in-sync' });
      }),
    );
    jd.allocations.sort((x, y) => (x.workerIp < y.workerIp ? -1 : x.workerIp > y.workerIp ? 1 : 0));
    if (jd.allocations.some((x) => x.status !== 'pending' && x.status !== 'unreachable')) {
      const hc = await r.links.health.check(job);
      jd.health = { ok: hc.ok, skipped: hc.skipped === true, ...(hc.error ? { error: hc.error } : {}) };
    }
    jd.drifted = jd.allocations.some((x) => x.status === 'drifted') || !jd.health.ok;
    if (jd.drifted) result.driftedJobs.push(job);
    if (jd.allocations.some((x) => x.status === 'pending')) result.pendingJobs.push(job);
    for (const x of jd.allocations) if (x.status === 'unreachable' && !result.unreachable.includes(x.workerIp)) result.unreachable.push(x.workerIp);
    result.jobs.push(jd);
  }
  result.unreachable.sort();
  return result;
}

/** Makes the next deploy roll the drifted allocations (and, for failed health, all of the job's). */
function markDrifted(r: BucketRun, drift: DriftResult): void {
  const mark = r.db.prepare("UPDATE hash SET previous_hash = 'drift' WHERE namespace = ? AND key = ? AND previous_hash IS NOT NULL");
  for (const j of drift.jobs.filter((x) => x.drifted)) {
    for (const a of j.allocations) if (a.status === 'drifted' || (!j.health.ok && a.status === 'in-sync')) mark.run(`${j.job}_allocation`, a.allocId);
  }
}
