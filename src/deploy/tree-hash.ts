// The plan hash of a staged job tree (deploy spec §9.2-9.3): md5 of the concatenated md5 hex digests
// of every file, in byte-wise path order, plus the per-file manifest {path: md5}.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byteCompare, goJson } from '../util/go-json.ts';

export interface TreeHash {
  hash: string;
  files: Record<string, string>;
  /** `files` as stored in hash.current_files (sorted keys, Go escaping). */
  filesJson: string;
}

export function hashTree(dir: string): TreeHash {
  const rels: string[] = [];
  const walk = (rel: string): void => {
    for (const ent of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const childRel = rel === '' ? ent.name : `${rel}/${ent.name}`;
      if (childRel.includes('__pycache__')) continue;
      if (ent.isDirectory()) walk(childRel);
      else rels.push(childRel);
    }
  };
  walk('');
  rels.sort(byteCompare);
  const files: Record<string, string> = {};
  const digests: string[] = [];
  for (const rel of rels) {
    const d = createHash('md5').update(readFileSync(join(dir, rel))).digest('hex');
    digests.push(d);
    files[rel] = d;
  }
  return { hash: createHash('md5').update(digests.join('')).digest('hex'), files, filesJson: goJson(files) };
}

export function parseFilesJson(text: string | null | undefined): Record<string, string> | undefined {
  if (text === null || text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** Paths added, changed or deleted between two manifests, sorted byte-wise (§13.2). */
export function changedPaths(previous: Record<string, string> | undefined, current: Record<string, string> | undefined): string[] {
  const prev = previous ?? {};
  const cur = current ?? {};
  const out = new Set<string>();
  for (const [p, d] of Object.entries(cur)) if (prev[p] !== d) out.add(p);
  for (const p of Object.keys(prev)) if (!(p in cur)) out.add(p);
  return [...out].sort(byteCompare);
}
