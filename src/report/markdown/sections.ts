// Report model → the tables the summary and the comment show. Failures always come first.
import type { Report, ReportJob } from './model.ts';
import { formatDuration, outcomeLabel, statusLabel, type Section } from './render.ts';

/** Waves with more jobs than this get only the table, no diagram (Mermaid stays readable). */
export const MAX_DIAGRAM_JOBS = 40;

export function failureSection(r: Report): Section[] {
  if (r.failures.length === 0) return [];
  return [{
    title: `❌ Failures (${r.failures.length})`,
    columns: ['Job', 'Wave', 'Worker', 'Reason'],
    rows: r.failures.map((f) => [f.job || '(run)', f.wave !== undefined ? String(f.wave) : '', f.worker ?? '', f.reason]),
  }];
}

/** "restart ×2, start ×1": what a job does (or would do) to its allocations. */
export function actionCounts(j: ReportJob): string {
  const counts = new Map<string, number>();
  for (const a of j.allocations) if (a.action !== 'skip') counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ×${n}`).join(', ');
}

function waveSection(r: Report): Section[] {
  if (r.jobs.length === 0) return [];
  const waves = [...new Set(r.jobs.map((j) => j.wave))].sort((a, b) => a - b);
  const rows = waves.map((w) => {
    const jobs = r.jobs.filter((j) => j.wave === w);
    const counts = new Map<string, number>();
    for (const j of jobs) counts.set(j.status, (counts.get(j.status) ?? 0) + 1);
    const result = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]) => `${statusLabel(s)}: ${n}`).join(' · ');
    return [String(w), String(jobs.length), result];
  });
  return [{ title: 'Waves', columns: ['Wave', 'Jobs', 'Result'], rows, ...(r.jobs.length <= MAX_DIAGRAM_JOBS ? { diagram: waveDiagram(r, waves) } : {}) }];
}

/** A left-to-right flowchart: one box per wave, one node per job labelled with its status. */
export function waveDiagram(r: Report, waves: number[]): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._ -]/g, '_');
  const lines = ['flowchart LR'];
  let n = 0;
  for (const w of waves) {
    lines.push(`  subgraph w${w}["wave ${w}"]`);
    for (const j of r.jobs.filter((x) => x.wave === w)) lines.push(`    j${n++}["${safe(j.job)}<br/>${statusLabel(j.status)}"]`);
    lines.push('  end');
  }
  for (let i = 1; i < waves.length; i++) lines.push(`  w${waves[i - 1]} --> w${waves[i]}`);
  return lines.join('\n');
}

function jobRows(jobs: ReportJob[]): string[][] {
  return jobs.map((j) => [String(j.wave), j.job, statusLabel(j.status), formatDuration(j.durationMs), j.reason]);
}

function deploySections(r: Report, waves = true): Section[] {
  const allocations = r.jobs.flatMap((j) => j.allocations.map((a) => [j.job, a.worker, a.action, outcomeLabel(a.outcome), a.batch ? String(a.batch) : '', formatDuration(a.durationMs), a.reason]));
  const out: Section[] = [...(waves ? waveSection(r) : []), { title: 'Jobs', columns: ['Wave', 'Job', 'Status', 'Duration', 'Detail'], rows: jobRows(r.jobs) }];
  if (allocations.length > 0) out.push({ title: 'Allocations', columns: ['Job', 'Worker', 'Action', 'Outcome', 'Batch', 'Duration', 'Detail'], rows: allocations });
  if (r.reconcile.length > 0) {
    out.push({ title: 'Stopped and cleaned up', columns: ['Job', 'Worker', 'Action', 'Outcome', 'Detail'], rows: r.reconcile.map((x) => [x.job, x.worker, x.action, outcomeLabel(x.outcome), x.error ?? '']) });
  }
  return out;
}

export function planChanges(r: Report): Section[] {
  const changing = r.jobs.filter((j) => j.status === 'planned');
  if (changing.length === 0) return [];
  return [{ title: 'Changes', columns: ['Wave', 'Job', 'Changes', 'Detail'], rows: changing.map((j) => [String(j.wave), j.job, actionCounts(j), j.reason || reasons(j)]) }];
}

/** The distinct reasons of a job's changing allocations, e.g. "files changed: conf/app.conf". */
function reasons(j: ReportJob): string {
  return [...new Set(j.allocations.filter((a) => a.action !== 'skip').map((a) => a.reason).filter((x) => x !== ''))].sort().join('; ');
}

/** Removed or disabled allocations that still run: the deploy's reconcile stops them (and cleans removed ones up). */
export function planStops(r: Report): Section[] {
  if (r.reconcile.length === 0) return [];
  return [{ title: 'Stopped first (removed or disabled allocations)', columns: ['Job', 'Worker', 'Action'], rows: r.reconcile.map((x) => [x.job, x.worker, x.action]) }];
}

function driftSections(r: Report): Section[] {
  const rows = r.jobs.flatMap((j) => j.allocations.filter((a) => a.outcome !== 'in-sync').map((a) => [j.job, a.worker, statusLabel(a.outcome), a.files && a.files.length > 0 ? a.files.join(', ') : a.reason]));
  const out: Section[] = [];
  if (rows.length > 0) out.push({ title: 'Drift', columns: ['Job', 'Worker', 'Status', 'Files or detail'], rows });
  out.push({ title: 'Jobs', columns: ['Job', 'Status', 'Allocations', 'Detail'], rows: r.jobs.map((j) => [j.job, statusLabel(j.status), String(j.allocations.length), j.reason]) });
  if (r.correction) out.push({ title: 'Correction', columns: ['Wave', 'Job', 'Status', 'Duration', 'Detail'], rows: jobRows(r.correction) });
  return out;
}

/** A rollback: which release each allocation went back to, then its rollout as a deploy shows it. */
function rollbackSections(r: Report): Section[] {
  const rows = (r.releases ?? []).map((x) => [x.job, x.worker, x.fromVersion, String(x.release), x.version, outcomeLabel(x.outcome)]);
  return [{ title: 'Releases', columns: ['Job', 'Worker', 'From version', 'Back to release', 'Version', 'Outcome'], rows }, ...deploySections(r, false)];
}

/** Every table of the job summary, in order. */
export function summarySections(r: Report): Section[] {
  const body =
    r.command === 'deploy' ? deploySections(r)
    : r.command === 'rollback' ? rollbackSections(r)
    : r.command === 'plan' ? [...waveSection(r), ...planChanges(r), ...planStops(r)]
    : r.command === 'drift' ? driftSections(r)
    : [];
  return [...failureSection(r), ...body];
}
