// The job summary (GITHUB_STEP_SUMMARY) of any command, from the report model. GitHub refuses a step
// summary over 1 MiB, so big buckets show fewer table rows with a note saying where the rest is.
import Mustache from 'mustache';
import { ERROR_SUMMARY_TEMPLATE, SUMMARY_TEMPLATE } from '../templates/summary.ts';
import { plural, type Report } from './model.ts';
import { planDetails, renderPlanFitted } from './plan-details.ts';
import { escapeMarkdown, facts, utf8Bytes, VERDICT_ICON, type Fitted } from './render.ts';
import { summarySections } from './sections.ts';

/** GitHub's limit is 1 MiB per step; the rest is head room for what other writers add. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

export interface SummaryOptions {
  limitBytes?: number;
}

export function renderSummary(r: Report, opts: SummaryOptions = {}): Fitted {
  const view = {
    icon: VERDICT_ICON[r.verdict],
    command: r.command,
    headline: r.headline,
    facts: facts(r),
    runUrl: r.runUrl,
    notes: r.notes,
    sections: summarySections(r),
    details: planDetails(r.plan),
  };
  return renderPlanFitted(
    SUMMARY_TEMPLATE, view, ['sections', 'details'], opts.limitBytes ?? SUMMARY_LIMIT_BYTES, utf8Bytes,
    (n) => `… ${n} more rows not shown`,
    'Trimmed: the summary is limited to 1 MiB. The JSON file named by the plan output has every row.',
    {
      leftOut: 'diff left out to fit the summary; the JSON file named by the plan output has it',
      trimmed: (n) => `Trimmed: the ${plural(n, 'largest diff')} left out to stay under 1 MiB. The JSON file named by the plan output has every diff.`,
    },
  );
}

export function renderErrorSummary(command: string, message: string): string {
  return Mustache.render(ERROR_SUMMARY_TEMPLATE, { command, message }, {}, { escape: escapeMarkdown });
}
