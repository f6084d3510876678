// Reading a bundle fully into memory and verifying it (tag or checksum, then structure) before any
// byte of it is written into a bucket.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { corrupted, metaOf, parseBundle } from './bundle-format.ts';
import { unseal } from './bundle-crypto.ts';
import { StateError } from './errors.ts';
import { presentKey } from './pack.ts';
import { DB_ENTRY, decodePayload, type BundleEntry } from './payload.ts';
import type { BundleMeta } from './types.ts';

const inflate = promisify(inflateRaw);

export interface OpenedBundle {
  meta: BundleMeta;
  entries: BundleEntry[];
}

export async function openBundle(file: string, key: string | undefined): Promise<OpenedBundle> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new StateError('format', `state bundle ${file}: cannot read it (${(e as Error).message})`);
  }
  const { format, header, aad, body } = parseBundle(file, bytes);
  const stateKey = presentKey(key);
  let compressed: Buffer;
  if (header.cipher === 'none') {
    if (stateKey !== undefined)
      throw new StateError('key', `state bundle ${file} is not encrypted, but a state-key is set: refusing an unauthenticated bundle; restore it once without the state-key, then save it again with the key`);
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw corrupted(file, 'checksum mismatch');
    compressed = body;
  } else {
    if (stateKey === undefined)
      throw new StateError('key', `state bundle ${file} is encrypted: pass the state-key secret it was saved with as the state-key input`);
    compressed = await unseal(file, stateKey, header, aad, body);
  }
  let payload: Buffer;
  try {
    payload = await inflate(compressed);
  } catch {
    throw corrupted(file, 'payload does not inflate');
  }
  const entries = decodePayload(file, payload);
  if (!entries.some((e) => e.path === DB_ENTRY && e.kind === 'file')) throw corrupted(file, `no ${DB_ENTRY} entry`);
  return { meta: metaOf(format, header, bytes.length), entries };
}
