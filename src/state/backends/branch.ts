// The `branch` backend: `<name>.bundle` and `<name>.json` (generation, bucket id, created-at; no secrets)
// on an orphan branch. A save commits on top of the tip it just checked and pushes without force, so a
// run that saved in between makes the push fail instead of being overwritten (compare-and-swap).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorText } from '../../errors.ts';
import { StateError } from '../errors.ts';
import type { BackendOptions, BundleMeta, StateBackend } from '../types.ts';
import { StateGit } from './git.ts';

export const DEFAULT_BRANCH = 'maand-state';
const PUSH_ATTEMPTS = 3;

interface Repo {
  git: StateGit;
  remote: string;
  shallow: boolean;
}

/** `hooks.beforePush` runs between the tip check and the push (tests use it to race another save). */
export function branchBackend(opts: BackendOptions, hooks: { beforePush?: () => Promise<void> } = {}): StateBackend {
  const branch = opts.branch ?? DEFAULT_BRANCH;
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(branch) || branch.includes('..') || branch.startsWith('-') || branch.endsWith('.lock'))
    throw new StateError('config', `state branch ${JSON.stringify(branch)} is not a valid branch name; use letters, digits, '.', '_', '-' and '/'`);
  const bundlePath = `${opts.name}.bundle`;
  const metaPath = `${opts.name}.json`;
  const where = `state branch ${branch}`;
  let opened: Promise<Repo> | undefined;

  const git = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof StateError) throw e;
      throw new StateError('backend', `${where}: git ${what} failed: ${errorText(e).trim()}; check the remote and that the token may read and push it (contents: write)`, { cause: e });
    }
  };
  const repo = () => git('rev-parse', () => (opened ??= openRepo(opts)));
  /** The generation and bucket id `<name>.json` records at `commit`; undefined when the name has none. */
  const infoAt = async (r: Repo, commit: string): Promise<{ generation: number; bucketId: string } | undefined> => {
    const raw = await git('show', () => r.git.readFile(commit, metaPath));
    if (raw === undefined) return undefined;
    let info: { generation?: unknown; bucketId?: unknown } = {};
    try {
      info = JSON.parse(raw.toString('utf8')) as typeof info;
    } catch {
      /* reported below */
    }
    if (typeof info.generation !== 'number' || typeof info.bucketId !== 'string')
      throw new StateError('backend', `${where}: ${metaPath} at ${commit.slice(0, 12)} has no generation or bucket id; repair or delete the branch`);
    return { generation: info.generation, bucketId: info.bucketId };
  };
  const moved = (n: number | string) => new StateError('lost-update', `${where} moved: another run saved generation ${n} first; re-run this workflow`);

  return {
    name: 'branch',
    checksGeneration: true,
    async restore(dest) {
      const r = await repo();
      const tip = await git('ls-remote', () => r.git.remoteTip(r.remote, branch));
      if (tip === undefined) return undefined;
      const commit = await git('fetch', () => r.git.fetchTip(r.remote, branch, r.shallow));
      const bytes = await git('show', () => r.git.readFile(commit, bundlePath));
      if (bytes === undefined) return undefined;
      writeFileSync(dest, bytes, { mode: 0o600 });
      return { file: dest, bytes: bytes.length, source: `branch ${branch}@${commit.slice(0, 12)}` };
    },
    async save(file: string, meta: BundleMeta) {
      const r = await repo();
      const tip = await git('ls-remote', () => r.git.remoteTip(r.remote, branch));
      let parent: string | undefined; // the commit this save must fast-forward from
      let kept: string[] = [];
      if (tip !== undefined) {
        parent = await git('fetch', () => r.git.fetchTip(r.remote, branch, r.shallow));
        const theirs = await infoAt(r, parent);
        if (theirs !== undefined && theirs.generation >= meta.generation) throw moved(theirs.generation);
        if (theirs !== undefined && theirs.bucketId !== meta.bucketId)
          throw new StateError('generation', `${where}: ${metaPath} belongs to bucket ${theirs.bucketId}, not to this catalog's bucket ${meta.bucketId}; refusing to replace another bucket's state: check the state name`);
        const mine = new Set([bundlePath, metaPath]);
        kept = (await git('ls-tree', () => r.git.treeEntries(parent!))).filter((e) => !mine.has(e.slice(e.indexOf('\t') + 1)));
      }
      const info = `${JSON.stringify({ bucketId: meta.bucketId, createdAt: meta.createdAt, format: meta.format, generation: meta.generation }, null, 2)}\n`;
      const commit = await git('commit', async () => {
        const bundleBlob = await r.git.writeBlob(file);
        const infoBlob = await r.git.writeBlobText(info);
        const tree = await r.git.writeTree([...kept, `100644 blob ${bundleBlob}\t${bundlePath}`, `100644 blob ${infoBlob}\t${metaPath}`]);
        const message = `maand state ${opts.name}: generation ${meta.generation}\n\nbucket ${meta.bucketId}\nrun ${opts.runId} attempt ${opts.runAttempt}\n`;
        return r.git.commitTree(tree, parent, message);
      });
      await hooks.beforePush?.();
      // A push that fails while the tip moved lost the race; one that fails while it did not may have hit
      // the other push's ref lock, so it is retried (still fast-forward only) before it counts as an error.
      for (let attempt = 1; ; attempt++) {
        try {
          await r.git.push(r.remote, commit, branch);
          break;
        } catch (e) {
          const now = await r.git.remoteTip(r.remote, branch).catch(() => parent);
          if (now !== undefined && now !== parent) {
            const winner = await git('fetch', () => r.git.fetchTip(r.remote, branch, r.shallow));
            throw moved((await infoAt(r, winner))?.generation ?? '(unknown)');
          }
          if (attempt === PUSH_ATTEMPTS)
            throw new StateError('backend', `${where}: git push failed: ${errorText(e).trim()}; check that the token may push to the repository (contents: write)`, { cause: e });
          await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
        }
      }
      return { bytes: meta.bytes, location: `branch ${branch}@${commit.slice(0, 12)}` };
    },
  };
}

async function openRepo(opts: BackendOptions): Promise<Repo> {
  if (opts.gitCwd !== undefined) {
    const git = new StateGit(opts.gitCwd);
    return { git, remote: opts.gitRemote ?? 'origin', shallow: await git.isShallow() };
  }
  if (opts.gitRemote !== undefined) {
    const git = new StateGit(mkdtempSync(join(opts.tempDir, 'state-git-')));
    await git.initBare();
    return { git, remote: opts.gitRemote, shallow: true };
  }
  throw new StateError('config', 'state backend branch needs a repository: pass git-remote (a URL) or the checkout directory (git-cwd) with its remote name');
}
