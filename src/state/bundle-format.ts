// The bundle file: `MAANDSTB` magic, u16 format version, u32 header length, a JSON header, then the
// body (AES-256-GCM ciphertext + 16-byte tag, or plaintext). Everything before the body is the AAD, so
// the header (generation, bucket id, created-at, crypto parameters) cannot be changed undetected.
import { open } from 'node:fs/promises';
import { StateError } from './errors.ts';
import type { BundleMeta } from './types.ts';

export const MAGIC = Buffer.from('MAANDSTB', 'latin1');
export const FORMAT_VERSION = 1;
const PREFIX_BYTES = MAGIC.length + 2 + 4;
const MAX_HEADER_BYTES = 64 * 1024;

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 bytes */
  salt: string;
}

export interface BundleHeader {
  generation: number;
  bucketId: string;
  createdAt: string;
  cipher: 'aes-256-gcm' | 'none';
  compression: 'deflate';
  /** Encrypted bundles: how the key was derived from the state-key, and the GCM nonce (base64). */
  kdf?: KdfParams;
  iv?: string;
  /** Plaintext bundles: sha256 (hex) of the body, so corruption is still detected. */
  sha256?: string;
}

export interface ParsedBundle {
  format: number;
  header: BundleHeader;
  /** Magic, version, length and header: the GCM additional data. */
  aad: Buffer;
  body: Buffer;
}

/** The header bytes (the AAD); keys in a fixed order so equal headers give equal bytes. */
export function encodeHeader(h: BundleHeader): Buffer {
  const ordered: BundleHeader = { generation: h.generation, bucketId: h.bucketId, createdAt: h.createdAt, cipher: h.cipher, compression: h.compression };
  if (h.kdf) ordered.kdf = { name: h.kdf.name, N: h.kdf.N, r: h.kdf.r, p: h.kdf.p, salt: h.kdf.salt };
  if (h.iv !== undefined) ordered.iv = h.iv;
  if (h.sha256 !== undefined) ordered.sha256 = h.sha256;
  const json = Buffer.from(JSON.stringify(ordered), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  prefix.writeUInt32BE(json.length, MAGIC.length + 2);
  return Buffer.concat([prefix, json]);
}

export function parseBundle(file: string, bytes: Buffer): ParsedBundle {
  const { format, headerLength } = parsePrefix(file, bytes);
  const end = PREFIX_BYTES + headerLength;
  if (bytes.length < end) throw truncated(file);
  const header = parseHeader(file, bytes.subarray(PREFIX_BYTES, end));
  return { format, header, aad: bytes.subarray(0, end), body: bytes.subarray(end) };
}

/** Reads only the header (no key needed): what generation a backend holds, before a save. */
export async function readBundleHeader(file: string): Promise<BundleMeta> {
  const fh = await open(file, 'r').catch((e: Error) => {
    throw new StateError('format', `state bundle ${file}: cannot read it (${e.message})`);
  });
  try {
    const { size } = await fh.stat();
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const { bytesRead } = await fh.read(prefix, 0, PREFIX_BYTES, 0);
    const { format, headerLength } = parsePrefix(file, prefix.subarray(0, bytesRead));
    const json = Buffer.alloc(headerLength);
    const got = await fh.read(json, 0, headerLength, PREFIX_BYTES);
    if (got.bytesRead < headerLength) throw truncated(file);
    return metaOf(format, parseHeader(file, json), size);
  } finally {
    await fh.close();
  }
}

export function metaOf(format: number, h: BundleHeader, bytes: number): BundleMeta {
  return { format, generation: h.generation, bucketId: h.bucketId, createdAt: h.createdAt, encrypted: h.cipher !== 'none', bytes };
}

function parsePrefix(file: string, bytes: Buffer): { format: number; headerLength: number } {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (bytes.length < MAGIC.length && MAGIC.subarray(0, bytes.length).equals(bytes)) throw truncated(file);
    throw new StateError('format', `state bundle ${file}: not a maand state bundle (no MAANDSTB magic); check the backend holds maand state`);
  }
  if (bytes.length < PREFIX_BYTES) throw truncated(file);
  const format = bytes.readUInt16BE(MAGIC.length);
  if (format !== FORMAT_VERSION)
    throw new StateError('format', `state bundle ${file}: format version ${format} is not supported (this maand reads version ${FORMAT_VERSION}); upgrade maand`);
  const headerLength = bytes.readUInt32BE(MAGIC.length + 2);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw corrupted(file, `header length ${headerLength}`);
  return { format, headerLength };
}

function parseHeader(file: string, json: Buffer): BundleHeader {
  let h: Record<string, unknown>;
  try {
    h = JSON.parse(json.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw corrupted(file, 'header is not JSON');
  }
  const bad = (field: string) => corrupted(file, `header field ${field}`);
  if (h === null || typeof h !== 'object') throw corrupted(file, 'header is not an object');
  if (!Number.isSafeInteger(h.generation) || (h.generation as number) < 1) throw bad('generation');
  if (typeof h.bucketId !== 'string' || h.bucketId === '') throw bad('bucketId');
  if (typeof h.createdAt !== 'string') throw bad('createdAt');
  if (h.compression !== 'deflate') throw bad('compression');
  if (h.cipher === 'aes-256-gcm') {
    const k = h.kdf as Partial<KdfParams> | undefined;
    if (!k || k.name !== 'scrypt' || typeof k.salt !== 'string') throw bad('kdf');
    if (typeof h.iv !== 'string') throw bad('iv');
  } else if (h.cipher === 'none') {
    if (typeof h.sha256 !== 'string') throw bad('sha256');
  } else throw bad('cipher');
  return h as unknown as BundleHeader;
}

function truncated(file: string): StateError {
  return new StateError('format', `state bundle ${file}: truncated (the file ends inside its header); the upload or download was cut short, restore an intact bundle`);
}

export function corrupted(file: string, what: string): StateError {
  return new StateError('format', `state bundle ${file}: corrupted (${what}); restore an intact bundle`);
}
