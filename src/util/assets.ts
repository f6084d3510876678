// Files shipped next to the code (assets/ in the repository, dist/assets/ next to the bundles).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InternalError } from '../errors.ts';

const CANDIDATES = ['../../assets/', '../assets/'];

export function assetPath(name: string): string {
  for (const rel of CANDIDATES) {
    const p = fileURLToPath(new URL(rel + name, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new InternalError(`asset ${name} not found next to ${fileURLToPath(import.meta.url)}; reinstall maand`);
}
