// packState: snapshot → payload → deflate → seal → one 0600 file in a private 0700 temp dir.
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { encodeHeader, FORMAT_VERSION, metaOf, type BundleHeader } from './bundle-format.ts';
import { newSealParams, seal } from './bundle-crypto.ts';
import { StateError } from './errors.ts';
import { encodePayload } from './payload.ts';
import { snapshotBucket } from './snapshot.ts';
import type { BundleMeta } from './types.ts';

const deflate = promisify(deflateRaw);

export interface PackOptions {
  /** The state-key secret; undefined or '' means none. */
  key: string | undefined;
  /** The generation this bundle carries (last restored + 1). */
  generation: number;
  bucketId: string;
  /** Write the secrets unencrypted when there is no key (local use only; the backends refuse it). */
  allowPlaintext?: boolean;
  /** The bundle's created-at (default now). */
  now?: Date;
}

export interface PackedState {
  /** `<private temp dir>/state.bundle`; the caller removes its directory when done. */
  file: string;
  meta: BundleMeta;
}

export async function packState(bucketRoot: string, opts: PackOptions): Promise<PackedState> {
  const key = presentKey(opts.key);
  if (key === undefined && !opts.allowPlaintext) throw plaintextRefused();
  if (!Number.isSafeInteger(opts.generation) || opts.generation < 1)
    throw new StateError('config', `state generation must be a positive integer, got ${opts.generation}`);
  const dir = mkdtempSync(join(tmpdir(), 'maand-state-'));
  try {
    chmodSync(dir, 0o700);
    const entries = snapshotBucket(bucketRoot, { generation: opts.generation, bucketId: opts.bucketId, scratch: dir });
    const compressed = await deflate(encodePayload(entries), { level: 6 });
    const base = { generation: opts.generation, bucketId: opts.bucketId, createdAt: (opts.now ?? new Date()).toISOString(), compression: 'deflate' as const };
    const header: BundleHeader =
      key === undefined
        ? { ...base, cipher: 'none', sha256: createHash('sha256').update(compressed).digest('hex') }
        : { ...base, cipher: 'aes-256-gcm', ...newSealParams() };
    const aad = encodeHeader(header);
    const body = key === undefined ? compressed : await seal(key, header, aad, compressed);
    const file = join(dir, 'state.bundle');
    writeFileSync(file, Buffer.concat([aad, body]), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    rmSync(join(dir, 'maand.db'), { force: true });
    return { file, meta: metaOf(FORMAT_VERSION, header, aad.length + body.length) };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** A usable state-key, or undefined (GitHub passes '' for an unset secret). */
export function presentKey(key: string | undefined): string | undefined {
  return key === undefined || key === '' ? undefined : key;
}

export function plaintextRefused(where = 'a state bundle'): StateError {
  return new StateError(
    'key',
    `state-key is not set: refusing to write the bucket secrets (CA key, KV key) into ${where} in clear; ` +
      `add a repository secret (e.g. from 'openssl rand -base64 32') and pass it as the state-key input`,
  );
}
