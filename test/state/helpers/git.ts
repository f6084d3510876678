// A real local remote for the branch backend: a bare repository and clones of it, all in temp dirs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './fixture.ts';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A bare repository with one commit on main, like a GitHub repository. */
export function bareRemote(): string {
  const root = tempDir('maand-state-git-');
  const bare = join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  const seed = join(root, 'seed');
  git(root, 'clone', '--quiet', bare, seed);
  writeFileSync(join(seed, 'README.md'), '# app\n');
  git(seed, 'add', 'README.md');
  git(seed, 'commit', '--quiet', '-m', 'init');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  return bare;
}

/** A checkout of `remote`, as actions/checkout leaves it (`depth` 1 for a shallow one). */
export function clone(remote: string, depth?: number): string {
  const dir = join(tempDir('maand-state-clone-'), 'repo');
  const args = ['clone', '--quiet', ...(depth === undefined ? [] : [`--depth=${depth}`, '--no-local']), remote, dir];
  git(tempDir(), ...args);
  return dir;
}

/** The files of `branch` on the remote: path → text. */
export function branchFiles(remote: string, branch: string): Record<string, string> {
  const names = git(remote, 'ls-tree', '--name-only', branch).split('\n').filter((n) => n !== '');
  return Object.fromEntries(names.map((n) => [n, n.endsWith('.json') ? git(remote, 'show', `${branch}:${n}`) : '(binary)']));
}
