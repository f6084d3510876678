// A minimal DER reader, enough to take a CA certificate apart: its raw subject Name (the leaf's
// issuer must be byte-identical), its subject key identifier, and its common name.

export interface Tlv {
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  content: Buffer;
}

/** Reads the element starting at `offset`; throws on truncated or non-DER lengths. */
export function readTlv(buf: Buffer, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new Error('truncated element');
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new Error('multi-byte tags are not supported');
  let len = buf[offset + 1] as number;
  let headerLen = 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > buf.length) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + (buf[offset + 2 + i] as number);
    headerLen += count;
  }
  const end = offset + headerLen + len;
  if (end > buf.length) throw new Error('truncated element');
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + headerLen, end) };
}

/** The elements inside a constructed element, in order. */
export function children(parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < parent.content.length; ) {
    const child = readTlv(parent.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

/** Dotted text of an OBJECT IDENTIFIER's content bytes. */
export function oidText(content: Buffer): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}
