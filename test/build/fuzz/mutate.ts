// One fuzz case: 1-3 mutations of workspace files, each chosen by file kind (JSON-, TOML- or
// template-aware, byte-level, or the file removed or replaced by a directory).
import { mutateBytes } from './bytes-mutate.ts';
import { mutateJson } from './json-mutate.ts';
import type { Prng } from './prng.ts';
import { mutateTemplate } from './tpl-mutate.ts';
import { mutateToml } from './toml-mutate.ts';

/** The new state of one file: bytes, removed, or a directory where the file was. */
export type FileState = { kind: 'file'; data: Buffer } | { kind: 'absent' } | { kind: 'dir' };

export interface Mutation {
  path: string;
  ops: string[];
  state: FileState;
}

type Kind = 'json' | 'toml' | 'tpl' | 'other';

function kindOf(path: string): Kind {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.toml') || path.endsWith('.conf')) return 'toml';
  if (path.endsWith('.tpl')) return 'tpl';
  return 'other';
}

function mutateOnce(rng: Prng, path: string, state: FileState): { op: string; state: FileState } {
  if (state.kind !== 'file' || rng.chance(0.04)) {
    return rng.chance(0.5) ? { op: 'file:absent', state: { kind: 'absent' } } : { op: 'file:dir', state: { kind: 'dir' } };
  }
  const text = state.data.toString('utf8');
  const kind = kindOf(path);
  if (rng.chance(0.75)) {
    const aware = kind === 'json' ? mutateJson(rng, text) : kind === 'toml' ? mutateToml(rng, text) : kind === 'tpl' ? mutateTemplate(rng, text) : undefined;
    if (aware) return { op: aware.op, state: { kind: 'file', data: Buffer.from(aware.text) } };
  }
  const b = mutateBytes(rng, state.data);
  return { op: b.op, state: { kind: 'file', data: b.data } };
}

/**
 * Mutations of the fixture `files`, weighted towards the decoders (manifests and workers.json get the
 * most); the same rng state gives the same mutations.
 */
export function mutateWorkspace(rng: Prng, files: Readonly<Record<string, string>>): Mutation[] {
  const paths = Object.keys(files).filter((p) => /\.(json|toml|conf|tpl)$/.test(p) || p.endsWith('maand.conf'));
  const weighted = [...paths, ...paths.filter((p) => p.endsWith('.json'))];
  const byPath = new Map<string, Mutation>();
  const count = 1 + (rng.chance(0.3) ? rng.int(3) : 0);
  for (let i = 0; i < count; i++) {
    const path = rng.pick(weighted);
    const prev = byPath.get(path) ?? { path, ops: [], state: { kind: 'file', data: Buffer.from(files[path]!) } as FileState };
    const next = mutateOnce(rng, path, prev.state);
    byPath.set(path, { path, ops: [...prev.ops, next.op], state: next.state });
  }
  return [...byPath.values()];
}
