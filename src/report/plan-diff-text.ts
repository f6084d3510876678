// The --diff text of `maand deploy --dry-run`: per changed job, each distinct file diff once with the
// workers it applies to. Coloured only when the caller says the output is a terminal.
import { changedJobs, diffTitle, type PlanDocument } from './plan-doc.ts';

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const CYAN = '\x1b[36m';
const RESET = '\x1b[0m';

function paint(line: string): string {
  const c = line.startsWith('@@') ? CYAN : line.startsWith('+') ? GREEN : line.startsWith('-') ? RED : '';
  return c ? `${c}${line}${RESET}` : line;
}

export function formatPlanDiffs(doc: PlanDocument, opts: { color: boolean }): string {
  const jobs = changedJobs(doc).filter((j) => j.diffs.length > 0);
  if (jobs.length === 0) return '\ndiffs: no file changes\n';
  const out = ['', 'diffs:'];
  for (const j of jobs) {
    out.push(`  job ${JSON.stringify(j.job)}:`);
    for (const d of j.diffs) {
      out.push(`    ${diffTitle(d)}${d.note ? `: ${d.note}` : ''}`);
      if (d.diff) for (const line of d.diff.replace(/\n$/, '').split('\n')) out.push(`      ${opts.color ? paint(line) : line}`);
    }
  }
  return `${out.join('\n')}\n`;
}
