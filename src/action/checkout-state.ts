// What a restored state leaves in the runner's checkout: the decrypted catalog and secrets. The post step
// removes them once they are saved (a self-hosted runner keeps no decrypted key).
import { existsSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { bucketPaths } from '../bucket/paths.ts';

/** Removes data/, secrets/ and tmp/ (staged templates and certificate keys) of `root`; the removed ones, relative. */
export function removeDecryptedState(root: string): string[] {
  const p = bucketPaths(root);
  return removeAll(root, [p.dataDir, p.secretsDir, p.tmpDir]);
}

function removeAll(root: string, paths: string[]): string[] {
  const gone = paths.filter((p) => existsSync(p));
  for (const p of gone) rmSync(p, { recursive: true, force: true });
  return gone.map((p) => relative(root, p));
}
