// One folded `<details>` per changed job of a plan: its allocations, then each distinct file diff once
// with the workers it applies to. Both the PR comment and the job summary show them; when a size limit
// is hit the largest diffs are left out first, each replaced by a note saying where to find it.
import { changedJobs, diffTitle, type PlanDocument } from '../plan-doc.ts';
import { renderFitted, type Fitted, type Section } from './render.ts';

export interface DiffView {
  title: string;
  note: string | null;
  body: string | null;
  fence: string;
}

export interface JobDetails extends Section {
  diffs: DiffView[];
}

/** "restart ×2, start ×1" */
function actionCounts(actions: string[]): string {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ×${n}`).join(', ');
}

/** A code fence longer than any backtick run in the text, so a diff can never close it early. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

export function planDetails(doc: PlanDocument | undefined): JobDetails[] {
  if (!doc) return [];
  return changedJobs(doc).filter((j) => j.status === 'deploy').map((j) => {
    const moving = j.allocations.filter((a) => a.action !== 'skip');
    return {
      title: `${j.job}: ${actionCounts(moving.map((a) => a.action))}`,
      columns: ['Worker', 'Action', 'Reason'],
      rows: moving.map((a) => [a.worker, a.action, a.reason]),
      diffs: j.diffs.map((d) => {
        const body = d.diff === null ? null : d.diff.replace(/\n$/, '');
        return { title: diffTitle(d), note: d.note, body, fence: fenceFor(body ?? '') };
      }),
    };
  });
}

/**
 * Leaves out the largest diffs until `render(details)` fits `limit` (measured by `size`). Returns the
 * details to render and how many diffs were left out.
 */
export function fitDiffs(details: JobDetails[], render: (d: JobDetails[]) => string, limit: number, size: (s: string) => number, leftOut: string): { details: JobDetails[]; omitted: number } {
  const all = details.flatMap((d) => d.diffs).filter((v) => v.body !== null).sort((a, b) => size(b.body!) - size(a.body!));
  const dropped = new Set<DiffView>();
  const apply = (): JobDetails[] => details.map((d) => ({ ...d, diffs: d.diffs.map((v) => (dropped.has(v) ? { ...v, body: null, note: leftOut } : v)) }));
  let current = apply();
  let excess = size(render(current)) - limit;
  let i = 0;
  while (excess > 0 && i < all.length) {
    // drop enough of the largest diffs to cover the excess, then measure again
    let freed = 0;
    while (freed < excess && i < all.length) {
      freed += size(all[i]!.body!);
      dropped.add(all[i++]!);
    }
    current = apply();
    excess = size(render(current)) - limit;
  }
  return { details: current, omitted: dropped.size };
}

export interface DiffNotes {
  /** Shown in place of a left-out diff. */
  leftOut: string;
  /** Shown at the end when diffs were left out. */
  trimmed: (n: number) => string;
}

/**
 * renderFitted with the plan's diffs: the largest diffs go first, and only when the text without any
 * diff is still too big are table rows cut. `view.details` holds planDetails(…).
 */
export function renderPlanFitted(
  template: string, view: Record<string, unknown> & { details: JobDetails[] }, sectionKeys: string[], limit: number, size: (s: string) => number,
  moreNote: (n: number) => string, trimmedNote: string, notes: DiffNotes,
): Fitted {
  const withNote = (details: JobDetails[], omitted: number): Record<string, unknown> => ({ ...view, details, ...(omitted > 0 ? { diffsTrimmed: notes.trimmed(omitted) } : {}) });
  const leftOut = (details: JobDetails[]): number => details.reduce((n, d) => n + d.diffs.filter((v) => v.note === notes.leftOut).length, 0);
  const fit = fitDiffs(view.details, (d) => renderFitted(template, withNote(d, leftOut(d)), sectionKeys, Infinity, size, moreNote, trimmedNote).text, limit, size, notes.leftOut);
  const r = renderFitted(template, withNote(fit.details, fit.omitted), sectionKeys, limit, size, moreNote, trimmedNote);
  return { text: r.text, omitted: r.omitted + fit.omitted };
}
