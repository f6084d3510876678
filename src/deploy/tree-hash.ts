// Plan hashes (deploy spec §9.2-9.3; computed by job-tree.ts) and per-file manifests.
import { byteCompare } from '../util/go-json.ts';

export interface TreeHash {
  hash: string;
  files: Record<string, string>;
  /** `files` as stored in hash.current_files (sorted keys, Go escaping). */
  filesJson: string;
}

export function parseFilesJson(text: string | null | undefined): Record<string, string> | undefined {
  if (text === null || text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** Paths added, changed or deleted between two manifests, sorted byte-wise (§13.2). */
export function changedPaths(previous: Record<string, string> | undefined, current: Record<string, string> | undefined): string[] {
  const prev = previous ?? {};
  const cur = current ?? {};
  const out = new Set<string>();
  for (const [p, d] of Object.entries(cur)) if (prev[p] !== d) out.add(p);
  for (const p of Object.keys(prev)) if (!(p in cur)) out.add(p);
  return [...out].sort(byteCompare);
}
