// Deterministic ids of the reference tool: MD5 of the name with UUID v3 version/variant bits and
// NO namespace (this is not RFC 4122 v3 of any standard namespace).
import { createHash, randomUUID } from 'node:crypto';

export function stableId(name: string): string {
  const b = createHash('md5').update(name, 'utf8').digest();
  b[6] = (b[6]! & 0x0f) | 0x30;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Random v4 UUID (lower-case canonical text), for bucket and worker ids. */
export function randomId(): string {
  return randomUUID();
}

export function md5Hex(data: string | Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}
