// Keeps the rendered trees of a real deploy (redacted) for the next plan's diffs: staged when the hashes
// are stored, promoted with the batch (alloc-state.ts). An allocation already running this exact tree
// records it as deployed at once, so a catalog from before this feature gets its baseline on the next deploy.
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';
import type { AllocState } from './alloc-state.ts';
import { hasDeployedFiles, isText, recordFiles, type RecordedFile } from './deployed-content.ts';
import { bucketRedactor, type Redactor } from './redact.ts';
import type { StagedTree } from './staging.ts';

export function recordStaged(db: Db, kv: KvStore, job: string, active: AllocState[], staged: Map<string, StagedTree>): void {
  let redactor: Redactor | undefined;
  for (const a of active) {
    const t = staged.get(a.allocId);
    if (!t) continue;
    const running = t.hash === (a.previousHash ?? '');
    if (running && hasDeployedFiles(db, job, a.allocId)) continue;
    try {
      redactor ??= bucketRedactor(db, kv);
    } catch {
      return; // secrets that cannot be decrypted cannot be redacted: keep no text rather than clear text
    }
    recordFiles(db, job, a.allocId, running ? 'deployed' : 'staged', recordedFiles(t, redactor));
  }
}

/** The tree's hashed files as kept: redacted text for small text files, size and digest for the rest. */
export function recordedFiles(t: StagedTree, redactor: Redactor): RecordedFile[] {
  return Object.entries(t.files).map(([path, digest]) => {
    const data = t.tree.files.get(path)!.data;
    return { path, digest, size: data.length, ...(isText(data) ? { text: redactor.redact(Buffer.from(data).toString('utf8')) } : {}) };
  });
}
