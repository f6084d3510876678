// The bundle payload before compression and encryption: a sorted list of entries, each
// `u8 kind | u16 mode | u16 path length | path | (files) u64 size | bytes`. Only the catalog and the
// secrets folder may appear, so a bundle can never write outside them.
import { StateError } from './errors.ts';
import { corrupted } from './bundle-format.ts';

export const DB_ENTRY = 'data/maand.db';
export const SECRETS_ENTRY = 'secrets';

export interface BundleEntry {
  /** Relative to the bucket root, `/`-separated. */
  path: string;
  kind: 'file' | 'dir';
  /** Permission bits (0o777 mask). */
  mode: number;
  data?: Buffer;
}

const KIND_FILE = 0;
const KIND_DIR = 1;

export function encodePayload(entries: BundleEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: Buffer[] = [u32(sorted.length)];
  for (const e of sorted) {
    const path = Buffer.from(e.path, 'utf8');
    const head = Buffer.alloc(5);
    head.writeUInt8(e.kind === 'file' ? KIND_FILE : KIND_DIR, 0);
    head.writeUInt16BE(e.mode & 0o777, 1);
    head.writeUInt16BE(path.length, 3);
    parts.push(head, path);
    if (e.kind === 'file') {
      const size = Buffer.alloc(8);
      size.writeBigUInt64BE(BigInt(e.data!.length));
      parts.push(size, e.data!);
    }
  }
  return Buffer.concat(parts);
}

export function decodePayload(file: string, buf: Buffer): BundleEntry[] {
  const bad = (what: string) => corrupted(file, what);
  let at = 0;
  const need = (n: number) => {
    if (at + n > buf.length) throw bad('payload ends early');
  };
  need(4);
  const count = buf.readUInt32BE(at);
  at += 4;
  const entries: BundleEntry[] = [];
  for (let i = 0; i < count; i++) {
    need(5);
    const kind = buf.readUInt8(at);
    const mode = buf.readUInt16BE(at + 1);
    const pathLength = buf.readUInt16BE(at + 3);
    at += 5;
    need(pathLength);
    const path = buf.subarray(at, at + pathLength).toString('utf8');
    at += pathLength;
    if (kind !== KIND_FILE && kind !== KIND_DIR) throw bad(`entry ${path} has kind ${kind}`);
    checkEntryPath(file, path, kind === KIND_DIR);
    if (entries.length > 0 && entries[entries.length - 1]!.path >= path) throw bad(`entries out of order at ${path}`);
    if (kind === KIND_DIR) {
      entries.push({ path, kind: 'dir', mode: mode & 0o777 });
      continue;
    }
    need(8);
    const size = Number(buf.readBigUInt64BE(at));
    at += 8;
    need(size);
    entries.push({ path, kind: 'file', mode: mode & 0o777, data: buf.subarray(at, at + size) });
    at += size;
  }
  if (at !== buf.length) throw bad('bytes after the last entry');
  return entries;
}

/** `data/maand.db`, `secrets` or a plain relative path under `secrets/`; nothing else. */
export function checkEntryPath(file: string, path: string, isDir: boolean): void {
  const segments = path.split('/');
  const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0'));
  const allowed = isDir ? path === SECRETS_ENTRY || path.startsWith(`${SECRETS_ENTRY}/`) : path === DB_ENTRY || path.startsWith(`${SECRETS_ENTRY}/`);
  if (!plain || !allowed)
    throw new StateError('format', `state bundle ${file}: entry ${JSON.stringify(path)} is outside data/maand.db and secrets/; refusing to restore it`);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
