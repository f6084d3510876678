// Request and response plumbing of the runtime API with the reference's wire behaviour (spec kv
// §3.9.2): text errors end with "\n", JSON bodies end with "\n", the request body is decoded like
// Go's json.Decoder into a struct (first JSON value only, case-insensitive fields, wrong types rejected).
import { MaandError } from '../errors.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { goJson } from '../util/go-json.ts';
import { field, jsonValueEnd, type JsonObject, type JsonValue } from '../util/json-decode.ts';

/** Request bodies are tiny JSON objects; anything larger is refused. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpFailure extends MaandError {
  override name = 'HttpFailure';
  readonly status: number;
  constructor(status: number, message: string) {
    super('runtime api', message, undefined, { bare: true });
    this.status = status;
  }
}

export function sendText(res: ServerResponse, status: number, message: string): void {
  const body = message === '' ? '' : `${message}\n`;
  res.writeHead(status, body === '' ? {} : { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

/** JSON as Go's encoder writes it (keys in the given order, HTML characters escaped) plus "\n". */
export function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(`${goJson(value, false)}\n`);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpFailure(400, 'Failed to read request body'));
        req.destroy();
        return;
      }
      chunks.push(b);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => reject(new HttpFailure(400, 'Failed to read request body')));
  });
}

export type FieldKind = 'string' | 'int';

/**
 * Decodes `text` into the named fields. Empty body → 400 `Failed to read request body`; malformed
 * JSON, a non-object, or a field of the wrong type → 400 `Invalid JSON format`. Absent fields and
 * `null` give '' / 0.
 */
export function decodeStruct<K extends string>(text: string, fields: Record<K, FieldKind>): Record<K, string | number> {
  const first = firstJsonValue(text);
  if (first === undefined) throw new HttpFailure(400, 'Failed to read request body');
  let doc: JsonValue;
  try {
    doc = JSON.parse(first) as JsonValue;
  } catch {
    throw new HttpFailure(400, 'Invalid JSON format');
  }
  if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) throw new HttpFailure(400, 'Invalid JSON format');
  const obj: JsonObject = doc ?? {};
  const out = {} as Record<K, string | number>;
  for (const [name, kind] of Object.entries(fields) as Array<[K, FieldKind]>) {
    const v = field(obj, name);
    if (v === undefined || v === null) out[name] = kind === 'string' ? '' : 0;
    else if (kind === 'string' && typeof v === 'string') out[name] = v;
    else if (kind === 'int' && typeof v === 'number' && Number.isInteger(v)) out[name] = v;
    else throw new HttpFailure(400, 'Invalid JSON format');
  }
  return out;
}

/** The text of the first JSON value in `text` (Go's Decoder reads one value); undefined when blank. */
export function firstJsonValue(text: string): string | undefined {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (i === text.length) return undefined;
  const start = i;
  if ('{["'.includes(text[i]!)) {
    const end = jsonValueEnd(text, start);
    return end < 0 ? text.slice(start) : text.slice(start, end); // truncated: JSON.parse reports it
  }
  while (i < text.length && !/[\s{}[\],"]/.test(text[i]!)) i++;
  return text.slice(start, i);
}
