// The sticky PR comment of command plan. It starts with a hidden marker so the action finds and
// updates its own comment; GitHub refuses comments over 65,536 characters, so big plans are trimmed.
import { COMMENT_TEMPLATE } from '../templates/comment.ts';
import { plural, type Report } from './model.ts';
import { planDetails, renderPlanFitted } from './plan-details.ts';
import { chars, facts, VERDICT_ICON, type Fitted } from './render.ts';
import { failureSection, planChanges, planStops } from './sections.ts';

export const COMMENT_LIMIT_CHARS = 64_000;

/** The hidden first line that identifies the comment of one bucket (state-name) on a pull request. */
export function commentMarker(bucketName: string): string {
  return `<!-- maand/deploy plan: ${bucketName.replace(/[^A-Za-z0-9._-]/g, '_')} -->`;
}

export function renderComment(r: Report, opts: { limitChars?: number } = {}): Fitted {
  const view = {
    marker: commentMarker(r.bucketName),
    icon: r.verdict === 'no-changes' ? '✅' : VERDICT_ICON[r.verdict],
    headline: r.headline,
    facts: facts(r),
    runUrl: r.runUrl,
    notes: r.notes,
    sections: [...failureSection(r), ...planChanges(r), ...planStops(r)],
    details: planDetails(r.plan),
  };
  return renderPlanFitted(
    COMMENT_TEMPLATE, view, ['sections', 'details'], opts.limitChars ?? COMMENT_LIMIT_CHARS, chars,
    (n) => `… ${n} more rows not shown`,
    'Trimmed: a comment is limited to 65,536 characters. The job summary of the workflow run has the full plan.',
    {
      leftOut: 'diff left out to fit the comment; the job summary has it',
      trimmed: (n) => `Trimmed: the ${plural(n, 'largest diff')} left out to stay under 65,536 characters. The job summary of the workflow run has every diff.`,
    },
  );
}
