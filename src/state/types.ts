// The shapes shared by the bundle code, the backends and the Action layer.

/** What a bundle says about itself (its authenticated header) plus its size on disk. */
export interface BundleMeta {
  /** Bundle format version (1). */
  format: number;
  /** Save counter: each save is the last restored generation + 1. */
  generation: number;
  bucketId: string;
  /** ISO 8601 time the bundle was packed. */
  createdAt: string;
  encrypted: boolean;
  bytes: number;
}

export type BackendKind = 'cache' | 'artifact' | 'branch' | 'none';
export const BACKEND_KINDS: readonly BackendKind[] = ['artifact', 'branch', 'cache', 'none'];

/** The newest bundle a backend found, already written to the requested file. */
export interface RestoredBundle {
  file: string;
  bytes: number;
  /** Where it came from, for logs: `cache maand-state-x-12-1`, `artifact 42 (run 12)`, `branch maand-state@abc1234`. */
  source: string;
}

export interface SavedBundle {
  bytes: number;
  /** Where it went, for logs and the summary. */
  location: string;
}

export interface StateBackend {
  name: BackendKind;
  /**
   * True when save() itself refuses to overwrite a newer generation atomically (branch: the push is the
   * compare-and-swap), so saveState skips its own check by restoring the newest bundle first.
   */
  checksGeneration?: boolean;
  /** Writes the newest bundle to `dest` (a file path); undefined when the backend holds none. */
  restore(dest: string): Promise<RestoredBundle | undefined>;
  save(file: string, meta: BundleMeta): Promise<SavedBundle>;
}

export interface BackendOptions {
  /** State name: one bucket's state; names the cache key, artifact and branch files. [A-Za-z0-9._-]+ */
  name: string;
  runId: string;
  runAttempt: string;
  /** owner/repo (artifact backend). */
  repository?: string;
  /** GitHub token with actions:read (artifact restore). */
  token?: string;
  /** The current run id; kept for the Action's convenience, the artifact restore looks across runs. */
  workflowRunId?: string;
  /** State branch (branch backend), default `maand-state`. */
  branch?: string;
  /** Git remote: a URL, or a remote name of the repository at `gitCwd` (default `origin`). */
  gitRemote?: string;
  /** A local repository (e.g. the checkout) whose remote and credentials the branch backend uses. */
  gitCwd?: string;
  /** A private scratch directory for downloads and scratch repositories; the caller removes it. */
  tempDir: string;
  /** REST API base URL (GITHUB_API_URL), default https://api.github.com (artifact restore). */
  apiUrl?: string;
}
