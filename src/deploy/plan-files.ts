// The dry run's file view of each allocation (issue 12): files added, changed or removed against what
// was last deployed there, with sizes, and for text files a unified diff of the redacted content
// (decision Q36). Reads only the catalog and the in-memory staged trees: nothing is written.
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';
import type { AllocState } from './alloc-state.ts';
import { recordedFiles } from './content-record.ts';
import { deployedFiles, MAX_TEXT_BYTES, type RecordedFile } from './deployed-content.ts';
import type { FileChange, JobPlan } from './plan.ts';
import { bucketRedactor, secretTokens, showSecrets, type Redactor } from './redact.ts';
import type { StagedTree } from './staging.ts';
import { changedPaths, parseFilesJson } from './tree-hash.ts';
import { unifiedDiff } from '../util/unified-diff.ts';

export const NO_PREVIOUS_CONTENT = 'no previous content recorded';
export const NOT_TEXT = `binary or larger than ${MAX_TEXT_BYTES / 1024} KiB: size and digest only`;
export const SAME_TEXT = 'same text: its mode or link target changed';
export const NO_KEY = 'no diff: the bucket has secrets and the KV key is not available to redact them';

/** A copy of `plan` whose changing allocations list their files. */
export function withFileChanges(db: Db, kv: KvStore, plan: JobPlan, allocs: AllocState[], staged: Map<string, StagedTree>): JobPlan {
  let redactor: Redactor | null | undefined;
  const byId = new Map(allocs.map((a) => [a.allocId, a]));
  const allocations = plan.allocations.map((p) => {
    const t = staged.get(p.allocId);
    const a = byId.get(p.allocId);
    if (!t || !a || p.action === 'skip' || p.action === 'stop') return p;
    if (redactor === undefined) {
      try {
        redactor = bucketRedactor(db, kv);
      } catch {
        redactor = null;
      }
    }
    return { ...p, files: fileChanges(db, plan.job, a, t, redactor) };
  });
  return { ...plan, allocations };
}

function fileChanges(db: Db, job: string, a: AllocState, t: StagedTree, redactor: Redactor | null): FileChange[] {
  const previous = a.previousHash ? parseFilesJson(a.previousFiles) ?? {} : {};
  const recorded = a.previousHash ? deployedFiles(db, job, a.allocId) : undefined;
  const next = new Map((redactor ? recordedFiles(t, redactor) : sizesOnly(t)).map((f) => [f.path, f]));
  return changedPaths(previous, t.files).map((path) => {
    const now = next.get(path);
    const old = recorded?.get(path);
    const known = old !== undefined && old.digest === previous[path];
    const change: FileChange['change'] = now === undefined ? 'removed' : path in previous ? 'changed' : 'added';
    const base = { path, change, size: now?.size ?? null, previousSize: known ? old.size : null };
    if (!redactor) return { ...base, diff: null, note: NO_KEY };
    if (change !== 'added' && !known) return { ...base, diff: null, note: NO_PREVIOUS_CONTENT };
    const before = change === 'added' ? '' : old!.text;
    const after = change === 'removed' ? '' : now!.text;
    if (before === undefined || after === undefined) return { ...base, diff: null, note: NOT_TEXT };
    const diff = shownDiff(before, after);
    return diff === '' ? { ...base, diff: null, note: SAME_TEXT } : { ...base, diff, note: null };
  });
}

function sizesOnly(t: StagedTree): RecordedFile[] {
  return Object.entries(t.files).map(([path, digest]) => ({ path, digest, size: t.tree.files.get(path)!.data.length }));
}

/** The diff of two redacted texts, secrets shown as `[secret]` (`[secret] (changed)` on new values). */
function shownDiff(before: string, after: string): string {
  const old = secretTokens(before);
  return unifiedDiff(before, after, (line, op) => showSecrets(line, op === '+' ? old : undefined));
}
