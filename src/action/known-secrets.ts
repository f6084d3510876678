// The values this run masks in its log, kept so that text leaving the log for GitHub's API (job
// summary, PR comment, drift issue, deployment statuses) is masked the same way: the runner masks
// only what it prints, never what the step sends.
import { maskableParts } from './sensitive.ts';

export class KnownSecrets {
  readonly #values = new Set<string>();
  /** Longest first, so a secret containing another is replaced whole. */
  #sorted: string[] | undefined;

  add(value: string): void {
    for (const part of maskableParts(value)) {
      if (this.#values.has(part)) continue;
      this.#values.add(part);
      this.#sorted = undefined;
    }
  }

  /** `text` with every known value replaced by `***`, as the log shows it. */
  redact(text: string): string {
    this.#sorted ??= [...this.#values].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    let out = text;
    for (const v of this.#sorted) if (out.includes(v)) out = out.replaceAll(v, '***');
    return out;
  }
}
