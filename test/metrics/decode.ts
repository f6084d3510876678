// A small, independent protobuf reader for remote-write `WriteRequest` bodies, so the tests check
// the encoder against the wire format rather than against itself. Missing fields read as defaults.
import { uncompress } from 'snappyjs';

export interface DecodedSeries {
  labels: Array<[name: string, value: string]>;
  samples: Array<{ value: number; timestampMs: number }>;
}

interface Field {
  field: number;
  wireType: number;
  varint?: bigint;
  bytes?: Uint8Array;
}

function fields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const f: Field = { field: tag >> 3, wireType: tag & 7 };
    if (f.wireType === 0) f.varint = varint();
    else if (f.wireType === 1) {
      f.bytes = buf.subarray(pos, pos + 8);
      pos += 8;
    } else if (f.wireType === 2) {
      const len = Number(varint());
      f.bytes = buf.subarray(pos, pos + len);
      pos += len;
    } else throw new Error(`unexpected wire type ${f.wireType}`);
    if (pos > buf.length) throw new Error('truncated field');
    out.push(f);
  }
  return out;
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

export function decodeWriteRequest(buf: Uint8Array): DecodedSeries[] {
  return fields(buf)
    .filter((f) => f.field === 1)
    .map((ts) => {
      const series: DecodedSeries = { labels: [], samples: [] };
      for (const f of fields(ts.bytes!)) {
        const inner = fields(f.bytes!);
        if (f.field === 1) {
          const name = inner.find((x) => x.field === 1)?.bytes;
          const value = inner.find((x) => x.field === 2)?.bytes;
          series.labels.push([name ? text(name) : '', value ? text(value) : '']);
        } else if (f.field === 2) {
          const value = inner.find((x) => x.field === 1)?.bytes;
          const ts = inner.find((x) => x.field === 2)?.varint;
          series.samples.push({
            value: value ? new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, true) : 0,
            timestampMs: ts === undefined ? 0 : Number(BigInt.asIntN(64, ts)),
          });
        }
      }
      return series;
    });
}

/** A request body as Prometheus reads it: snappy block format, then protobuf. */
export function decodeBody(body: Uint8Array): DecodedSeries[] {
  return decodeWriteRequest(uncompress(body));
}
