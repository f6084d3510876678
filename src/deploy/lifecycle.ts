// Which lifecycle an updated allocation gets (deploy spec §13.1): restart, reload or sync (files only).
import { matchAny } from '../util/glob-match.ts';
import { changedPaths } from './tree-hash.ts';

export type UpdateAction = 'restart' | 'reload' | 'sync';

export interface LifecycleInput {
  policy: string;
  globs: string[];
  syncOnly: boolean;
  hashChanged: boolean;
  versionOnly: boolean;
  previousFiles: Record<string, string> | undefined;
  currentFiles: Record<string, string> | undefined;
}

export interface LifecycleDecision {
  action: UpdateAction;
  /** Changed paths that matched restart_globs (only for a glob-triggered restart). */
  matched: string[];
  /** Why, in a few words, for plans and summaries. */
  reason: string;
}

export function decideLifecycle(i: LifecycleInput): LifecycleDecision {
  if (i.syncOnly) return { action: 'sync', matched: [], reason: '--sync-only' };
  const policy = i.policy === '' ? 'always' : i.policy;
  if (policy === 'never') return { action: 'sync', matched: [], reason: 'restart_policy never' };
  if (policy === 'always') return { action: 'restart', matched: [], reason: i.versionOnly ? 'version changed' : 'files changed' };
  if (policy !== 'reload') return { action: 'restart', matched: [], reason: `restart_policy ${policy}` };
  if (i.versionOnly && !i.hashChanged) return { action: 'reload', matched: [], reason: 'version changed' };
  if (i.previousFiles === undefined && i.hashChanged) return { action: 'reload', matched: [], reason: 'files changed (no previous manifest)' };
  if (i.globs.length === 0) return { action: 'reload', matched: [], reason: 'files changed' };
  const matched = matchAny(i.globs, changedPaths(i.previousFiles, i.currentFiles));
  if (matched.length > 0) return { action: 'restart', matched, reason: `restart_globs matched ${matched.join(',')}` };
  return { action: 'reload', matched: [], reason: 'files changed, no restart_globs matched' };
}
