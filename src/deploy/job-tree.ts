// A job's staged tree for one allocation, in memory: catalog files, client libraries, rendered .tpl
// files, Prometheus rules and certificates. Planning hashes it without touching the disk; only trees
// that will be rsynced are written (writeJobTree).
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { byteCompare, goJson } from '../util/go-json.ts';
import type { TreeHash } from './tree-hash.ts';

export interface TreeFile {
  data: Uint8Array;
  mode: number;
  /** The mode the reference gave this file: only a different mode enters the plan hash. */
  legacyMode: number;
  /** Shipped as a symlink with this target text (data is what it points to, for templates). */
  link?: string;
}

export interface JobTree {
  /** Directories (job-relative, `/`-separated), including empty ones. */
  dirs: Set<string>;
  /** Files by job-relative path. */
  files: Map<string, TreeFile>;
}

export function emptyTree(): JobTree {
  return { dirs: new Set(), files: new Map() };
}

export function putFile(tree: JobTree, rel: string, data: Uint8Array | string, mode: number, legacyMode = mode, link?: string): void {
  tree.files.set(rel, { data: typeof data === 'string' ? Buffer.from(data) : data, mode, legacyMode, ...(link === undefined ? {} : { link }) });
  for (let d = dirname(rel); d !== '.' && d !== ''; d = dirname(d)) tree.dirs.add(d);
}

/**
 * A file's digest: md5 of its bytes (§9.2), and of its mode too when that differs from what the
 * reference wrote: a mode change is a change to deploy, while trees the reference hashed keep
 * their hashes as long as their modes are the reference's. A symlink adds its target text.
 */
function fileDigest(f: TreeFile): string {
  const h = createHash('md5').update(f.data);
  if (f.mode !== f.legacyMode) h.update(`\0mode=${f.mode.toString(8)}`);
  if (f.link !== undefined) h.update(`\0link=${f.link}`);
  return h.digest('hex');
}

/** The plan hash of §9.2 over the tree, modes included (see fileDigest). */
export function hashJobTree(tree: JobTree): TreeHash {
  const rels = [...tree.files.keys()].filter((p) => !p.includes('__pycache__')).sort(byteCompare);
  const files: Record<string, string> = {};
  const digests: string[] = [];
  for (const rel of rels) {
    const d = fileDigest(tree.files.get(rel)!);
    digests.push(d);
    files[rel] = d;
  }
  return { hash: createHash('md5').update(digests.join('')).digest('hex'), files, filesJson: goJson(files) };
}

/** The process umask, read once (reading it briefly sets it: do it before any file is written). */
const UMASK = (() => {
  const m = process.umask(0o022);
  process.umask(m);
  return m;
})();

/** Writes the tree into a directory that does not exist yet (files are created, never overwritten). */
export function writeJobTree(tree: JobTree, dir: string): void {
  mkdirSync(dir, { recursive: true });
  // putFile records every parent directory, so each file's directory exists before it is written
  for (const d of [...tree.dirs].sort(byteCompare)) mkdirSync(join(dir, d), { recursive: true, mode: 0o755 });
  for (const [rel, f] of tree.files) {
    const p = join(dir, rel);
    if (f.link !== undefined) {
      symlinkSync(f.link, p);
      continue;
    }
    writeFileSync(p, f.data, { mode: f.mode });
    if ((f.mode & UMASK) !== 0) chmodSync(p, f.mode); // the umask trimmed the mode at creation
  }
}

export function readAsset(path: string): Buffer {
  return readFileSync(path);
}
