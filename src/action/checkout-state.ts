// What a restored state leaves in the runner's checkout: the decrypted catalog and secrets. The post step
// removes them once they are saved (a self-hosted runner keeps no decrypted key), and a plan keeps none
// of the secrets it does not need: pull request code (pre_deploy hooks) runs with the bucket readable.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bucketPaths } from '../bucket/paths.ts';

/** The secrets a plan needs: the build signs certificates (CA) and reads KV secrets (KV key). */
const PLAN_SECRETS = new Set(['ca.crt', 'ca.key', 'kv.key', 'known_hosts']);

/** Removes data/, secrets/ and tmp/ (staged templates and certificate keys) of `root`; the removed ones, relative. */
export function removeDecryptedState(root: string): string[] {
  const p = bucketPaths(root);
  return removeAll(root, [p.dataDir, p.secretsDir, p.tmpDir]);
}

/**
 * Removes every entry of secrets/ but the CA and KV keys: the SSH key (whatever maand.conf names it, as
 * the pull request may rename it) and anything else the bundle carries. The removed ones, relative.
 */
export function removeSecretsPlanDoesNotNeed(root: string): string[] {
  return removeAll(root, secretsPlanDoesNotNeed(root).map((rel) => join(root, rel)));
}

/** The entries of secrets/ a plan does not need, relative to `root`. */
export function secretsPlanDoesNotNeed(root: string): string[] {
  const dir = bucketPaths(root).secretsDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => !PLAN_SECRETS.has(name)).sort().map((name) => relative(root, join(dir, name)));
}

function removeAll(root: string, paths: string[]): string[] {
  const gone = paths.filter((p) => existsSync(p));
  for (const p of gone) rmSync(p, { recursive: true, force: true });
  return gone.map((p) => relative(root, p));
}
