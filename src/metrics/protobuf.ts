// Protobuf encoding of a Prometheus remote-write 0.1.0 `WriteRequest` (prompb/remote.proto,
// prompb/types.proto), by hand: four messages do not justify a protobuf dependency.
//   WriteRequest { repeated TimeSeries timeseries = 1; }
//   TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
//   Label        { string name = 1; string value = 2; }
//   Sample       { double value = 1; int64 timestamp = 2; }   // timestamp in ms
// Proto3 rules: fields holding their default (0, "") are not written.

export interface Label {
  name: string;
  value: string;
}

export interface Sample {
  value: number;
  /** Milliseconds since the Unix epoch. */
  timestampMs: number;
}

export interface TimeSeries {
  /** Includes `__name__`; written sorted by name, as Prometheus requires. */
  labels: Label[];
  samples: Sample[];
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

const utf8 = new TextEncoder();

class Writer {
  readonly #bytes: number[] = [];

  #tag(field: number, wireType: number): void {
    this.#varint(BigInt((field << 3) | wireType));
  }

  /** Unsigned LEB128 of the 64-bit two's complement (negative int64 takes 10 bytes). */
  #varint(n: bigint): void {
    let v = BigInt.asUintN(64, n);
    while (v >= 0x80n) {
      this.#bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.#bytes.push(Number(v));
  }

  int64(field: number, n: number): void {
    if (n === 0) return;
    this.#tag(field, VARINT);
    this.#varint(BigInt(Math.trunc(n)));
  }

  double(field: number, n: number): void {
    if (n === 0 && !Object.is(n, -0)) return;
    this.#tag(field, FIXED64);
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, n, true);
    for (let i = 0; i < 8; i++) this.#bytes.push(buf.getUint8(i));
  }

  bytes(field: number, data: Uint8Array): void {
    this.#tag(field, LENGTH_DELIMITED);
    this.#varint(BigInt(data.length));
    for (const b of data) this.#bytes.push(b);
  }

  string(field: number, s: string): void {
    if (s === '') return;
    this.bytes(field, utf8.encode(s));
  }

  /** Embedded messages are always written, also when empty (they are list elements here). */
  message(field: number, build: (w: Writer) => void): void {
    const inner = new Writer();
    build(inner);
    this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}

function byName(a: Label, b: Label): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The serialized `WriteRequest` carrying `series` in the given order. */
export function encodeWriteRequest(series: readonly TimeSeries[]): Uint8Array {
  const w = new Writer();
  for (const ts of series) {
    w.message(1, (tw) => {
      for (const l of [...ts.labels].sort(byName)) {
        tw.message(1, (lw) => {
          lw.string(1, l.name);
          lw.string(2, l.value);
        });
      }
      for (const s of ts.samples) {
        tw.message(2, (sw) => {
          sw.double(1, s.value);
          sw.int64(2, s.timestampMs);
        });
      }
    });
  }
  return w.finish();
}
