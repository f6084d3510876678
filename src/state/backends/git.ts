// Git plumbing for the branch backend, through simple-git. Nothing here touches HEAD, the index or the
// working tree of the repository it runs in: objects are written with hash-object/mktree/commit-tree
// and the branch is only moved on the remote, by a plain (fast-forward only) push.
import { simpleGit, type SimpleGit } from 'simple-git';

const IDENTITY = ['user.name=maand', 'user.email=maand@localhost'];

export class StateGit {
  readonly dir: string;
  private readonly git: SimpleGit;
  constructor(dir: string) {
    this.dir = dir;
    this.git = simpleGit({ baseDir: dir, config: IDENTITY });
  }

  async initBare(): Promise<void> {
    await this.git.raw(['init', '--bare', '--quiet']);
  }

  /** The commit `refs/heads/<branch>` points at on the remote, undefined when the branch does not exist. */
  async remoteTip(remote: string, branch: string): Promise<string | undefined> {
    const out = await this.git.raw(['ls-remote', remote, `refs/heads/${branch}`]);
    const line = out.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
    return line?.split('\t')[0];
  }

  /**
   * Fetches the branch tip into FETCH_HEAD. `shallow` fetches the tip commit only (the branch history
   * grows with every save); it is used in scratch and already-shallow repositories, never to turn a
   * full clone into a shallow one.
   */
  async fetchTip(remote: string, branch: string, shallow: boolean): Promise<string> {
    await this.git.raw(['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), remote, `refs/heads/${branch}`]);
    return (await this.git.raw(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'])).trim();
  }

  async isShallow(): Promise<boolean> {
    return (await this.git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** The bytes of `path` in `commit`, undefined when the commit has no such file. */
  async readFile(commit: string, path: string): Promise<Buffer | undefined> {
    const listed = await this.git.raw(['ls-tree', commit, '--', path]);
    if (listed.trim() === '') return undefined;
    return (await this.git.binaryCatFile(['blob', `${commit}:${path}`])) as Buffer;
  }

  /** The commit's top-level entries as `ls-tree -z` records: `<mode> <type> <id>\t<name>`. */
  async treeEntries(commit: string): Promise<string[]> {
    return (await this.git.raw(['ls-tree', '-z', commit])).split('\0').filter((l) => l !== '');
  }

  async writeBlob(file: string): Promise<string> {
    return (await this.git.raw(['hash-object', '-w', '--', file])).trim();
  }

  async writeBlobText(text: string): Promise<string> {
    return (await withInput(this.dir, text).raw(['hash-object', '-w', '--stdin'])).trim();
  }

  /** A tree from `ls-tree -z` records (mktree sorts them). */
  async writeTree(entries: string[]): Promise<string> {
    return (await withInput(this.dir, entries.map((e) => `${e}\0`).join('')).raw(['mktree', '-z'])).trim();
  }

  async commitTree(tree: string, parent: string | undefined, message: string): Promise<string> {
    const args = ['commit-tree', tree, ...(parent === undefined ? [] : ['-p', parent]), '-m', message];
    return (await this.git.raw(args)).trim();
  }

  /** A plain push: the remote refuses it unless it fast-forwards, which is the compare-and-swap. */
  async push(remote: string, commit: string, branch: string): Promise<void> {
    await this.git.raw(['push', '--quiet', remote, `${commit}:refs/heads/${branch}`]);
  }
}

/** A one-off simple-git whose commands read `input` on stdin (mktree, hash-object --stdin). */
function withInput(dir: string, input: string): SimpleGit {
  return simpleGit({ baseDir: dir, config: IDENTITY, input: () => input });
}
