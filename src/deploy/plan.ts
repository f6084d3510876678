// What a deploy would do to each allocation of a job, and why (deploy spec §10, §12.2, §16.3 with our
// decisions: disabled allocations are only stopped (Q4, Q9), unfinished work is carried (Q30, S3)).
import { decideLifecycle } from './lifecycle.ts';
import { isActive, wasDeployed, type AllocState, type JobInfo, type JobMarker } from './alloc-state.ts';
import { parseFilesJson, type TreeHash } from './tree-hash.ts';

export type AllocAction = 'start' | 'restart' | 'reload' | 'sync' | 'skip' | 'stop';

export interface AllocPlan {
  allocId: string;
  workerIp: string;
  disabled: boolean;
  action: AllocAction;
  reason: string;
  previousHash: string;
  currentHash: string;
  matched: string[];
  currentVersion: string;
  newVersion: string;
  /** Dry run only: the files this allocation's deploy adds, changes or removes (plan-files.ts). */
  files?: FileChange[];
}

export interface FileChange {
  path: string;
  change: 'added' | 'changed' | 'removed';
  /** Bytes as it will land; null when removed. */
  size: number | null;
  /** Bytes last deployed; null when added or not recorded. */
  previousSize: number | null;
  /** Unified-diff hunks of the redacted text; null for binary or large files, or when the old text is unknown. */
  diff: string | null;
  /** Why there is no diff (e.g. no previous content recorded). */
  note: string | null;
}

export interface JobPlan {
  job: string;
  seq: number;
  needsRollout: boolean;
  reason: string;
  marker: JobMarker | undefined;
  allocations: AllocPlan[];
}

export interface PlanFlags {
  force: boolean;
  syncOnly: boolean;
}

/** `staged`: the tree hash of each active allocation staged in this run, by alloc id. */
export function planJob(job: JobInfo, seq: number, allocs: AllocState[], staged: Map<string, TreeHash>, marker: JobMarker | undefined, flags: PlanFlags): JobPlan {
  const plans: AllocPlan[] = [];
  for (const a of allocs) {
    if (a.removed) continue;
    const current = staged.get(a.allocId);
    const base = {
      allocId: a.allocId,
      workerIp: a.workerIp,
      disabled: a.disabled,
      previousHash: a.previousHash ?? '',
      currentHash: current?.hash ?? a.currentHash ?? '',
      matched: [] as string[],
      currentVersion: a.currentVersion,
      newVersion: a.newVersion,
    };
    if (!isActive(a)) {
      plans.push({ ...base, action: wasDeployed(a) ? 'stop' : 'skip', reason: wasDeployed(a) ? 'disabled, still running' : 'disabled' });
      continue;
    }
    if (!wasDeployed(a)) {
      plans.push({ ...base, action: 'start', reason: a.hasHashRow ? 'not started yet' : 'new allocation' });
      continue;
    }
    const hashChanged = base.previousHash !== base.currentHash;
    const versionPending = a.currentVersion !== a.newVersion;
    if (!hashChanged && !flags.force && !versionPending) {
      plans.push({ ...base, action: 'skip', reason: 'up to date' });
      continue;
    }
    const d = decideLifecycle({
      policy: job.restartPolicy,
      globs: job.restartGlobs,
      syncOnly: flags.syncOnly,
      hashChanged,
      versionOnly: !hashChanged && versionPending,
      previousFiles: parseFilesJson(a.previousFiles),
      currentFiles: current?.files ?? parseFilesJson(a.currentFiles),
    });
    const why = hashChanged ? d.reason : versionPending ? `version ${a.currentVersion} → ${a.newVersion}` : '--force';
    plans.push({ ...base, action: d.action, matched: d.matched, reason: d.action === 'sync' && !flags.syncOnly ? `${why}; restart_policy never` : why });
  }
  const work = plans.some((p) => p.action !== 'skip') || marker !== undefined;
  const reason = plans.length === 0 ? 'no allocations' : marker ? `unfinished ${marker === 'post_deploy' ? 'post_deploy' : 'rollout'} from an earlier deploy` : work ? '' : 'already promoted on all allocations';
  return { job: job.name, seq, needsRollout: work, reason, marker, allocations: plans };
}
