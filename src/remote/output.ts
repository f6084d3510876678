// Output handling for child processes: a byte-capped buffer that keeps the tail (the end of a
// failing command's output is what explains it) and a splitter that turns chunks into lines.

import { StringDecoder } from 'node:string_decoder';

export const DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;

export class TailBuffer {
  readonly #cap: number;
  #chunks: Buffer[] = [];
  #size = 0;
  #dropped = false;

  constructor(capBytes: number) {
    this.#cap = Math.max(0, capBytes);
  }

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    // drop whole chunks from the front while what is left still covers the cap
    while (this.#chunks.length > 1 && this.#size - this.#chunks[0]!.length >= this.#cap) {
      this.#size -= this.#chunks.shift()!.length;
      this.#dropped = true;
    }
  }

  /** True when output was dropped to stay within the cap. */
  get truncated(): boolean {
    return this.#dropped || this.#size > this.#cap;
  }

  text(): string {
    let buf = Buffer.concat(this.#chunks);
    if (buf.length > this.#cap) buf = buf.subarray(buf.length - this.#cap);
    // do not start in the middle of a UTF-8 sequence
    let start = 0;
    while (start < buf.length && start < 3 && this.truncated && (buf[start]! & 0xc0) === 0x80) start++;
    return buf.subarray(start).toString('utf8');
  }
}

/** Calls `emit` once per complete line (without '\n' or a trailing '\r'); end() flushes the rest. */
export class LineSplitter {
  readonly #emit: (line: string) => void;
  readonly #decoder = new StringDecoder('utf8');
  #pending = '';

  constructor(emit: (line: string) => void) {
    this.#emit = emit;
  }

  push(chunk: Buffer): void {
    const parts = (this.#pending + this.#decoder.write(chunk)).split('\n');
    this.#pending = parts.pop() ?? '';
    for (const p of parts) this.#emit(p.endsWith('\r') ? p.slice(0, -1) : p);
  }

  end(): void {
    const rest = this.#pending + this.#decoder.end();
    this.#pending = '';
    if (rest !== '') this.#emit(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }
}
