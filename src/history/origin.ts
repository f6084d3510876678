// Where a recorded run came from: the caller's trigger, and the bucket's git commit when the bucket is
// in a git work tree (the Action passes GITHUB_SHA instead; a missing git is no error).
import { execFileSync } from 'node:child_process';
import type { RunOrigin } from './store.ts';

export function bucketCommit(root: string): string {
  try {
    const out = execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return /^[0-9a-f]{40,64}$/.test(out.trim()) ? out.trim() : '';
  } catch {
    return '';
  }
}

export function resolveOrigin(root: string, o: RunOrigin | undefined): { trigger: string; commit: string } {
  return { trigger: o?.trigger ?? '', commit: o?.commit ?? bucketCommit(root) };
}
