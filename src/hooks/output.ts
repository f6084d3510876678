// Hook output in bounded memory: a splitter turns byte chunks into lines (a line longer than
// MAX_LINE_BYTES is cut into pieces instead of growing without bound — the reference hangs on
// such lines, spec kv §8 item 21) and a tail keeps only the last N bytes for the result.

export const MAX_LINE_BYTES = 64 * 1024;
export const DEFAULT_TAIL_BYTES = 64 * 1024;

export class LineSplitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  readonly #emit: (line: string) => void;
  readonly #maxLine: number;

  constructor(emit: (line: string) => void, maxLine = MAX_LINE_BYTES) {
    this.#emit = emit;
    this.#maxLine = maxLine;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      this.#add(chunk.subarray(start, nl));
      this.#flush(true);
      start = nl + 1;
    }
    if (start < chunk.length) this.#add(chunk.subarray(start));
  }

  /** Emits a last line without newline, if any. */
  end(): void {
    if (this.#pendingBytes > 0) this.#flush(true);
  }

  #add(part: Buffer): void {
    while (part.length > 0) {
      const room = this.#maxLine - this.#pendingBytes;
      this.#pending.push(part.subarray(0, room));
      this.#pendingBytes += Math.min(room, part.length);
      part = part.subarray(room);
      if (this.#pendingBytes >= this.#maxLine) this.#flush(false);
    }
  }

  #flush(complete: boolean): void {
    let text = Buffer.concat(this.#pending).toString('utf8');
    this.#pending = [];
    this.#pendingBytes = 0;
    if (complete && text.endsWith('\r')) text = text.slice(0, -1);
    this.#emit(text);
  }
}

/** The last `limit` bytes (roughly; counted in UTF-16 units) of a line sequence. */
export class OutputTail {
  #lines: string[] = [];
  #size = 0;
  #dropped = false;
  readonly #limit: number;

  constructor(limit = DEFAULT_TAIL_BYTES) {
    this.#limit = Math.max(0, limit);
  }

  add(line: string): void {
    this.#lines.push(line);
    this.#size += line.length + 1;
    while (this.#size > this.#limit && this.#lines.length > 1) {
      this.#size -= this.#lines.shift()!.length + 1;
      this.#dropped = true;
    }
    if (this.#size > this.#limit) {
      const last = this.#lines[0]!;
      this.#lines[0] = last.slice(last.length - this.#limit);
      this.#size = this.#lines[0].length + 1;
      this.#dropped = true;
    }
  }

  text(): string {
    return (this.#dropped ? '[… earlier output dropped]\n' : '') + this.#lines.join('\n');
  }
}
