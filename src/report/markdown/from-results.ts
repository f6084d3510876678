// Engine results → the report model. One builder per command; headlines and verdicts are decided here
// so the summary and the comment say the same thing.
import type { BuildResult } from '../../build/index.ts';
import type { DriftResult } from '../../drift/detect.ts';
import { changed, plannedStops, type DeployResult, type JobResult } from '../../deploy/result.ts';
import type { RollbackResult } from '../../rollback/index.ts';
import { planDocument } from '../plan-doc.ts';
import { byWaveThenJob, plural, type Report, type ReportFailure, type ReportJob, type ReportRelease, type Verdict } from './model.ts';

export interface ReportMeta {
  bucketName: string;
  generation: number;
  notes?: string[];
  runUrl?: string;
}

const MAX_REASON = 2000;

function clip(text: string): string {
  const t = text.trim();
  return t.length > MAX_REASON ? `${t.slice(0, MAX_REASON)}…` : t;
}

function base(meta: ReportMeta, r: { bucketId: string; updateSeq: number; durationMs: number }): Omit<Report, 'command' | 'verdict' | 'headline' | 'failures' | 'jobs'> {
  return {
    bucketName: meta.bucketName, bucketId: r.bucketId, updateSeq: r.updateSeq, durationMs: r.durationMs, generation: meta.generation,
    notes: [...(meta.notes ?? [])], reconcile: [], ...(meta.runUrl ? { runUrl: meta.runUrl } : {}),
  };
}

function jobOf(j: JobResult): ReportJob {
  return {
    job: j.job, wave: j.seq, status: j.status, reason: clip(j.error ?? j.reason), durationMs: j.durationMs,
    allocations: j.allocations
      .map((a) => ({ worker: a.workerIp, action: a.action, outcome: a.outcome, reason: clip(a.error ?? a.reason), ...(a.batch !== undefined ? { batch: a.batch + 1 } : {}), durationMs: a.durationMs }))
      .sort((x, y) => (x.worker < y.worker ? -1 : x.worker > y.worker ? 1 : 0)),
  };
}

function jobFailures(jobs: JobResult[]): ReportFailure[] {
  return jobs
    .filter((j) => j.status === 'failed' || j.status === 'blocked')
    .map((j) => {
      const workers = [...new Set(j.allocations.filter((a) => a.outcome === 'failed').map((a) => a.workerIp))].sort();
      return { job: j.job, wave: j.seq, ...(workers.length > 0 ? { worker: workers.join(', ') } : {}), reason: clip(j.error ?? j.reason) };
    })
    .sort((a, b) => byWaveThenJob({ wave: a.wave, job: a.job }, { wave: b.wave, job: b.job }));
}

function runFailures(r: DeployResult): ReportFailure[] {
  const recon = r.reconcile.filter((x) => x.outcome === 'failed').map((x) => ({ job: x.job, worker: x.workerIp, reason: clip(x.error ?? `${x.action} failed`) }));
  return [...recon, ...r.errors.map((e) => ({ job: '', reason: clip(e) }))];
}

export function fromDeploy(r: DeployResult, meta: ReportMeta): Report {
  const failures = [...runFailures(r), ...jobFailures(r.jobs)];
  const count = (s: string): number => r.jobs.filter((j) => j.status === s).length;
  const deployed = count('deployed');
  const unchanged = count('unchanged');
  const failed = r.failedJobs.length;
  let verdict: Verdict;
  let headline: string;
  if (r.cancelled) {
    verdict = 'cancelled';
    headline = `cancelled after ${plural(deployed, 'job')} deployed; the next run continues`;
  } else if (failures.length > 0) {
    verdict = 'failed';
    headline = failed > 0 ? `${failed} of ${plural(r.jobs.length, 'job')} failed` : `${plural(failures.length, 'step')} failed`;
  } else if (changed(r)) {
    verdict = 'ok';
    headline = `${plural(deployed, 'job')} deployed, ${unchanged} unchanged`;
  } else {
    verdict = 'no-changes';
    headline = `no changes: ${plural(unchanged, 'job')} up to date`;
  }
  const report: Report = { ...base(meta, r), command: 'deploy', verdict, headline, failures, jobs: r.jobs.map(jobOf).sort(byWaveThenJob) };
  report.reconcile = r.reconcile.map((x) => ({ job: x.job, worker: x.workerIp, action: x.action, outcome: x.outcome, ...(x.error ? { error: clip(x.error) } : {}) }));
  const m = r.certMetrics;
  if (m) report.notes.push(m.error ? `Certificate metrics were not pushed to the bucket's Prometheus: ${clip(m.error)}` : `Certificate expiry metrics pushed to the bucket's Prometheus (${plural(m.series, 'series', 'series')}).`);
  return report;
}

/** The plan; `r.reconcile` holds what the deploy's reconcile would stop (and clean up, when removed). */
export function fromPlan(r: DeployResult, meta: ReportMeta): Report {
  const stops = plannedStops(r);
  const failures = [...runFailures(r), ...jobFailures(r.jobs)];
  const planned: ReportJob[] = r.plans.map((p) => ({
    job: p.job, wave: p.seq, status: p.needsRollout ? 'planned' : 'up-to-date', reason: p.reason,
    allocations: p.allocations
      .map((a) => ({ worker: a.workerIp, action: a.action, outcome: 'planned', reason: a.reason }))
      .sort((x, y) => (x.worker < y.worker ? -1 : x.worker > y.worker ? 1 : 0)),
  }));
  const jobs = [...planned, ...r.jobs.filter((j) => j.status === 'failed' || j.status === 'blocked').map(jobOf)].sort(byWaveThenJob);
  const changing = planned.filter((j) => j.status === 'planned').length;
  const upToDate = planned.length - changing;
  const verdict: Verdict = failures.length > 0 ? 'failed' : changing + stops.length > 0 ? 'changes' : 'no-changes';
  const stopText = stops.length > 0 ? `, ${plural(stops.length, 'allocation')} would stop` : '';
  const headline =
    failures.length > 0 ? `plan failed for ${plural(r.failedJobs.length || failures.length, 'job')}`
    : changing + stops.length > 0 ? `${plural(changing, 'job')} would change, ${upToDate} up to date${stopText}`
    : `no changes: ${plural(upToDate, 'job')} up to date`;
  const report: Report = { ...base(meta, r), command: 'plan', verdict, headline, failures, jobs, plan: planDocument(r) };
  report.reconcile = stops.map((x) => ({ job: x.job, worker: x.workerIp, action: x.cleanup ? 'stop and clean up' : 'stop', outcome: 'planned' }));
  return report;
}

/** What went back to which release: per allocation, and per job in the headline ("app to release 3"). */
export function fromRollback(r: RollbackResult, meta: ReportMeta): Report {
  const failures = [...runFailures(r), ...jobFailures(r.jobs)];
  const outcomes = new Map(r.jobs.flatMap((j) => j.allocations.map((a) => [`${j.job}\n${a.workerIp}`, a.outcome] as const)));
  const status = new Map(r.jobs.map((j) => [j.job, j.status]));
  const releases: ReportRelease[] = r.targets
    .map((t) => ({
      job: t.job, worker: t.workerIp, fromVersion: t.fromVersion, release: t.release, version: t.version,
      outcome: outcomes.get(`${t.job}\n${t.workerIp}`) ?? (status.get(t.job) === 'failed' ? 'failed' : 'skipped'),
    }))
    .sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0));
  const back = r.jobs.filter((j) => j.status === 'deployed').map((j) => j.job).sort();
  const to = (job: string): string => {
    const ids = [...new Set(releases.filter((x) => x.job === job).map((x) => x.release))].sort((a, b) => a - b);
    return `${job} to release${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
  };
  let verdict: Verdict;
  let headline: string;
  if (r.cancelled) {
    verdict = 'cancelled';
    headline = `cancelled after ${plural(back.length, 'job')} rolled back`;
  } else if (failures.length > 0) {
    verdict = 'failed';
    headline = r.failedJobs.length > 0 ? `${r.failedJobs.length} of ${plural(r.jobs.length, 'job')} failed to roll back` : `${plural(failures.length, 'step')} failed`;
  } else {
    verdict = 'ok';
    headline = `${plural(back.length, 'job')} rolled back: ${back.map(to).join('; ')}`;
  }
  const jobs = r.jobs.map(jobOf).map((j) => (j.status === 'deployed' ? { ...j, status: 'rolled-back' } : j)).sort(byWaveThenJob);
  const report: Report = { ...base(meta, r), command: 'rollback', verdict, headline, failures, jobs, releases };
  for (const x of [...r.leftAlone].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.workerIp < b.workerIp ? -1 : 1))) {
    report.notes.push(`Job ${x.job} on ${x.workerIp} was allocated after the release it would go back to, so it was left as it is.`);
  }
  return report;
}

export function fromDrift(d: DriftResult, correction: DeployResult | undefined, meta: ReportMeta & { bucketId: string; updateSeq: number; durationMs: number }): Report {
  const failures: ReportFailure[] = [];
  const jobs: ReportJob[] = d.jobs.map((j) => {
    for (const a of j.allocations) if (a.status === 'unreachable') failures.push({ job: j.job, worker: a.workerIp, reason: clip(a.detail ?? 'unreachable') });
    const status = j.drifted ? 'drifted' : j.allocations.some((a) => a.status === 'pending') ? 'pending' : j.allocations.some((a) => a.status === 'unreachable') ? 'unreachable' : 'in-sync';
    return {
      job: j.job, wave: 0, status, reason: j.health.ok ? '' : clip(`health check failed: ${j.health.error ?? 'unknown error'}`),
      allocations: j.allocations.map((a) => ({ worker: a.workerIp, action: a.status, outcome: a.status, reason: clip(a.detail ?? ''), files: a.files })),
    };
  });
  if (correction) failures.push(...runFailures(correction), ...jobFailures(correction.jobs));
  const drifted = d.driftedJobs.length;
  const names = [...d.driftedJobs].sort().join(', ');
  let verdict: Verdict = failures.length > 0 ? 'failed' : drifted > 0 ? (correction ? 'ok' : 'drift') : 'in-sync';
  if (correction?.cancelled) verdict = 'cancelled';
  const headline =
    drifted === 0 ? `no drift in ${plural(d.jobs.length, 'job')}`
    : `drift in ${plural(drifted, 'job')} (${names})${correction ? (correction.failedJobs.length > 0 || correction.cancelled ? ', correction failed' : ', corrected') : ''}`;
  const report: Report = {
    ...base(meta, { bucketId: meta.bucketId, updateSeq: correction?.updateSeq ?? meta.updateSeq, durationMs: meta.durationMs }),
    command: 'drift', verdict, headline, failures, jobs: jobs.sort(byWaveThenJob),
  };
  if (correction) report.correction = correction.jobs.map(jobOf).sort(byWaveThenJob);
  return report;
}

export function fromBuild(b: BuildResult, meta: ReportMeta & { bucketId: string; updateSeq: number; durationMs: number }): Report {
  const a = b.allocations;
  return {
    ...base(meta, meta), command: 'build', verdict: 'ok', failures: [], jobs: [],
    headline: `catalog built: ${plural(b.workers, 'worker')}, ${plural(b.jobs, 'job')}, ${plural(a.active, 'active allocation')}${a.disabled ? `, ${a.disabled} disabled` : ''}`,
  };
}
