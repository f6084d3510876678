// Byte-level mutations for any file: truncation, random bytes (invalid UTF-8, NUL), deleted and
// repeated spans, an empty file.
import type { Prng } from './prng.ts';

const OPS = ['truncate', 'insert-bytes', 'flip-byte', 'delete-span', 'repeat-span', 'empty'] as const;

export function mutateBytes(rng: Prng, data: Buffer): { op: string; data: Buffer } {
  const op = rng.pick(OPS);
  const pos = rng.int(data.length + 1);
  const span = 1 + rng.int(Math.max(1, Math.min(64, data.length - pos)));
  switch (op) {
    case 'truncate': return { op: `bytes:${op}@${pos}`, data: data.subarray(0, pos) };
    case 'insert-bytes': {
      const bytes = Buffer.from(Array.from({ length: 1 + rng.int(8) }, () => rng.pick([0x00, 0xff, 0xc3, 0x80, 0x7b, 0x7d, 0x22, 0x5b, 0x0a, rng.int(256)])));
      return { op: `bytes:${op}@${pos}`, data: Buffer.concat([data.subarray(0, pos), bytes, data.subarray(pos)]) };
    }
    case 'flip-byte': {
      const copy = Buffer.from(data);
      if (copy.length > 0) copy[Math.min(pos, copy.length - 1)] ^= 1 << rng.int(8);
      return { op: `bytes:${op}@${pos}`, data: copy };
    }
    case 'delete-span': return { op: `bytes:${op}@${pos}+${span}`, data: Buffer.concat([data.subarray(0, pos), data.subarray(pos + span)]) };
    case 'repeat-span': {
      const chunk = data.subarray(pos, pos + span);
      return { op: `bytes:${op}@${pos}+${span}`, data: Buffer.concat([data.subarray(0, pos + span), chunk, chunk, data.subarray(pos + span)]) };
    }
    default: return { op: 'bytes:empty', data: Buffer.alloc(0) };
  }
}
