// Pure builders for the staging rsync (deploy.md §11.2, §11.3) and a parser of its
// --itemize-changes lines. rsync reaches the worker through the same ssh options as commands,
// including -p <ssh_port> (Q14), and uses `sudo rsync` only when use_sudo is set (Q16).

import { DEFAULT_SSH_OPTIONS, sshOptionArgs, type SshOptions, type SshTarget } from './ssh-options.ts';

/** Worker-owned paths rsync neither sends nor deletes. */
export const DEPLOY_EXCLUDES: readonly string[] = [
  'jobs/*/bin',
  'jobs/*/data',
  'jobs/*/logs',
  'jobs/*/_modules',
  'jobs/*/_prometheus',
];

export interface RsyncSpec {
  target: SshTarget;
  ssh?: Partial<SshOptions>;
  /** Absolute local directory; its contents are copied (a trailing slash is ensured). */
  sourceDir: string;
  /** Remote directory, e.g. /opt/worker/<bucket_id>. */
  remoteDir: string;
  /** Absolute path of a merge-filter file (mergeFilterText). */
  filterFile?: string;
  excludes?: readonly string[];
  useSudo: boolean;
  /** I/O inactivity limit (--timeout). */
  timeoutSeconds?: number;
  /** Adds --itemize-changes so parseItemizedLine can tell what changed. */
  itemize?: boolean;
  /** --dry-run: report what would change, change nothing (drift detection). */
  dryRun?: boolean;
}

/**
 * rsync splits the --rsh value on spaces, honouring '…' and "…" with a doubled quote as a
 * literal one (and no backslash escapes), so quote only what needs it.
 */
export function rsyncShellWord(arg: string): string {
  if (arg !== '' && !/[\s'"]/.test(arg)) return arg;
  return `'${arg.replaceAll("'", "''")}'`;
}

export function rshValue(target: SshTarget, ssh: Partial<SshOptions> = {}): string {
  return ['ssh', ...sshOptionArgs(target, { ...DEFAULT_SSH_OPTIONS, ...ssh })].map(rsyncShellWord).join(' ');
}

/** `user@host:dir`; an IPv6 host must be bracketed or rsync splits it at the first ':'. */
export function rsyncDestination(target: SshTarget, remoteDir: string): string {
  const host = target.host.trim();
  return `${target.user}@${host.includes(':') ? `[${host}]` : host}:${remoteDir}`;
}

/**
 * Files on a worker belong to the ssh user, never to the runner's uid/gid (a worker account sharing
 * the runner's uid could edit Makefiles root runs). When the worker side is root (root login or
 * use_sudo) every file is chowned to root, which also reclaims files an older maand shipped with the
 * runner's ids (--owner --group); any other login owns what it writes and keeps no foreign ids.
 */
function ownershipArgs(spec: RsyncSpec): string[] {
  return spec.useSudo || spec.target.user === 'root' ? ['--chown=0:0'] : ['--no-owner', '--no-group'];
}

/** Argv after `rsync`, in the order of deploy.md §11.2. */
export function rsyncArgs(spec: RsyncSpec): string[] {
  const source = spec.sourceDir.endsWith('/') ? spec.sourceDir : `${spec.sourceDir}/`;
  return [
    `--timeout=${spec.timeoutSeconds ?? 30}`,
    '--inplace',
    '--whole-file',
    '--checksum',
    '--recursive',
    // a job's own symlinks (to files inside the job, build checks) arrive as symlinks
    '--links',
    // staged job trees may be links to a tree shared by several workers: send what they point to
    '--copy-dirlinks',
    '--force',
    '--delete-after',
    '--delete',
    ...ownershipArgs(spec),
    // modes as staged (job-tree.ts decides them, secrets without bits for others); whatever the
    // runner's umask made of directories, and never group/other-writable files
    '--perms',
    '--chmod=D755,Fgo-w',
    '--compress',
    '--verbose',
    ...(spec.itemize === true ? ['--itemize-changes'] : []),
    ...(spec.dryRun === true ? ['--dry-run'] : []),
    ...(spec.excludes ?? DEPLOY_EXCLUDES).map((e) => `--exclude=${e}`),
    `--rsync-path=${spec.useSudo ? 'sudo rsync' : 'rsync'}`,
    ...(spec.filterFile === undefined ? [] : [`--filter=merge ${spec.filterFile}`]),
    `--rsh=${rshValue(spec.target, spec.ssh)}`,
    source,
    rsyncDestination(spec.target, spec.remoteDir),
  ];
}

/**
 * Merge-filter file content (§11.3): sync only the named jobs' trees (none: only the top-level bucket
 * files) and never touch `.tpl` files; retained releases are the worker's (never sent or deleted).
 * Jobs are sorted so the file is deterministic.
 */
export function mergeFilterText(jobs: readonly string[]): string {
  return `- /releases/\n${[...jobs].sort().map((j) => `+ jobs/${j}/\n`).join('')}- jobs/*\n- jobs/**/*.tpl\n`;
}

export type ItemizedAction = 'sent' | 'received' | 'created' | 'hardlink' | 'attributes' | 'deleted';

export interface ItemizedChange {
  action: ItemizedAction;
  /** Relative path as rsync prints it (directories end with '/'). */
  path: string;
  directory: boolean;
}

const ACTIONS: Record<string, ItemizedAction> = { '<': 'sent', '>': 'received', c: 'created', h: 'hardlink', '.': 'attributes' };

/** One --itemize-changes line (`>f+++++++++ a/b`, `*deleting   a/c`); undefined for other lines. */
export function parseItemizedLine(line: string): ItemizedChange | undefined {
  const del = /^\*deleting {3}(.+)$/.exec(line);
  if (del !== null) return { action: 'deleted', path: del[1]!, directory: del[1]!.endsWith('/') };
  const m = /^([<>ch.])([fdLDS])[.+?a-zA-Z ]{9,10} (.+)$/.exec(line);
  if (m === null) return undefined;
  // a symlink's line names its target too (`cL+++++++++ a/link -> file`)
  const path = m[2] === 'L' ? m[3]!.replace(/ -> .*$/, '') : m[3]!;
  return { action: ACTIONS[m[1]!]!, path, directory: m[2] === 'd' };
}
