// Shared by the summary and the comment: Markdown escaping, labels, and fitting a rendering into a size
// limit by showing fewer table rows (with a visible note) rather than cutting Markdown in half.
import Mustache from 'mustache';
import { TABLE_PARTIAL } from '../templates/table.ts';
import { DETAILS } from '../templates/details.ts';
import type { Report, Verdict } from './model.ts';

export interface Section {
  title: string;
  columns: string[];
  rows: string[][];
  /** Raw Mermaid source shown under the table (already sanitised). */
  diagram?: string;
}

/** Plain text → safe inside Markdown (and a table cell): no HTML, no emphasis, no table breaks, no @mentions. */
export function escapeMarkdown(value: unknown): string {
  return String(value)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/@/g, '&#64;')
    .replace(/\r?\n/g, '<br>');
}

export const VERDICT_ICON: Record<Verdict, string> = {
  ok: '✅', 'no-changes': '✅', changes: '📝', failed: '❌', cancelled: '⏹️', drift: '⚠️', 'in-sync': '✅',
};

const STATUS: Record<string, string> = {
  deployed: '✅ deployed', unchanged: '➖ unchanged', failed: '❌ failed', blocked: '⛔ blocked', planned: '🔄 will deploy',
  'up-to-date': '➖ up to date', drifted: '⚠️ drifted', 'in-sync': '✅ in sync', pending: '⏳ pending', unreachable: '❌ unreachable',
  'rolled-back': '⏪ rolled back',
};

const OUTCOME: Record<string, string> = { ok: '✅ ok', failed: '❌ failed', skipped: '➖ skipped', planned: 'planned' };

export function statusLabel(s: string): string {
  return STATUS[s] ?? s;
}

export function outcomeLabel(s: string): string {
  return OUTCOME[s] ?? statusLabel(s);
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || ms <= 0) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "Bucket prod · id … · update_seq 4 · 3.2 s · state generation 6" */
export function facts(r: Report): string {
  return [
    `Bucket **${escapeMarkdown(r.bucketName)}**`, `id ${escapeMarkdown(r.bucketId)}`, `update\\_seq ${r.updateSeq}`,
    formatDuration(r.durationMs), `state generation ${r.generation}`,
  ].join(' · ');
}

export interface Fitted {
  text: string;
  /** Rows left out in total (0: everything shown). */
  omitted: number;
}

/**
 * Renders `template` with every section capped at `maxRows` rows, choosing the largest cap whose result
 * fits `limit` (measured by `size`). The cut sections say how many rows they leave out and where to find them.
 */
export function renderFitted(
  template: string, view: Record<string, unknown>, sectionKeys: string[], limit: number, size: (s: string) => number, moreNote: (n: number) => string, trimmedNote: string,
): Fitted {
  const tableSections = (): Array<Section & { more?: string }> => sectionKeys.flatMap((k) => (view[k] as Section[] | undefined) ?? []);
  const longest = Math.max(0, ...tableSections().map((s) => s.rows.length));
  const render = (cap: number): Fitted => {
    let omitted = 0;
    const capped = Object.fromEntries(
      sectionKeys.map((k) => [k, ((view[k] as Section[] | undefined) ?? []).map((s) => {
        const cut = Math.max(0, s.rows.length - cap);
        omitted += cut;
        return { ...s, rows: s.rows.slice(0, cap).map((cells) => ({ cells })), ...(cut > 0 ? { more: moreNote(cut) } : {}) };
      })]),
    );
    const text = Mustache.render(template, { ...view, ...capped, ...(omitted > 0 ? { trimmed: trimmedNote } : {}) }, { table: TABLE_PARTIAL, details: DETAILS }, { escape: escapeMarkdown });
    return { text, omitted };
  };
  const full = render(longest);
  if (size(full.text) <= limit) return full;
  let lo = 0;
  let hi = longest - 1;
  let best = render(0);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = render(mid);
    if (size(r.text) <= limit) {
      best = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (size(best.text) <= limit) return best;
  // Only notes or headings are too long (not expected): cut at a line boundary, note kept.
  const tail = `\n\n_${trimmedNote}_\n`;
  const lines = best.text.split('\n');
  const head = (k: number): string => lines.slice(0, k).join('\n');
  let [a, b] = [0, lines.length];
  while (a < b) {
    const k = (a + b + 1) >> 1;
    if (size(head(k)) + size(tail) <= limit) a = k;
    else b = k - 1;
  }
  return { text: `${head(a)}${tail}`, omitted: best.omitted };
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
export const chars = (s: string): number => s.length;
