// Failures and warnings as annotations. GitHub shows at most 10 annotations of one type per step, so
// past that the first nine stand alone and the tenth names how many more there are.
import type { Report } from '../report/markdown/model.ts';
import type { ActionLog } from './log.ts';

export const ANNOTATION_LIMIT = 10;

export interface Annotation {
  title: string;
  message: string;
}

/** At most `limit` annotations: the first limit-1 as they are, the rest folded into the last one. */
export function aggregate(items: Annotation[], kind: 'failures' | 'warnings', limit = ANNOTATION_LIMIT): Annotation[] {
  if (items.length <= limit) return items;
  const shown = items.slice(0, limit - 1);
  const rest = items.slice(limit - 1);
  const titles = rest.map((a) => a.title);
  return [...shown, { title: `maand: ${rest.length} more ${kind}`, message: `${titles.slice(0, 20).join('; ')}${titles.length > 20 ? '; …' : ''} (the job summary lists every one)` }];
}

export function failureAnnotations(r: Report): Annotation[] {
  return r.failures.map((f) => ({
    title: f.job ? `maand: job ${f.job} failed${f.worker ? ` on ${f.worker}` : ''}` : 'maand: run failed',
    message: f.reason,
  }));
}

/** One warning per drifted job: where and which files. */
export function driftAnnotations(r: Report): Annotation[] {
  if (r.command !== 'drift') return [];
  return r.jobs.filter((j) => j.status === 'drifted').map((j) => {
    const where = j.allocations.filter((a) => a.outcome === 'drifted').map((a) => `${a.worker}: ${(a.files ?? []).join(', ')}`);
    return { title: `maand: drift: job ${j.job} drifted`, message: [...where, ...(j.reason ? [j.reason] : [])].join('; ') || 'drifted' };
  });
}

/** `failing`: core.setFailed adds one more error annotation, so failures get one slot less. */
export function annotate(log: ActionLog, r: Report, warnings: string[], failing: boolean): void {
  for (const a of aggregate(failureAnnotations(r), 'failures', ANNOTATION_LIMIT - (failing ? 1 : 0))) log.error(a.message, { title: a.title });
  const uniq = [...new Set(warnings)].map((w) => ({ title: 'maand: warning', message: w }));
  for (const a of aggregate([...driftAnnotations(r), ...uniq], 'warnings')) log.warning(a.message, { title: a.title });
}
