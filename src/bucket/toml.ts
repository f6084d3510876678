// TOML reading shared by maand.conf, bucket.conf, bucket.jobs*.conf and vars.toml.
import { MaandError } from '../errors.ts';
import { parse } from 'smol-toml';
import { readFileSync } from 'node:fs';

export type TomlTable = Record<string, unknown>;

/** The file exists but cannot be read (a directory, no permission): not a TOML problem. */
export class FileReadError extends MaandError {
  override name = 'FileReadError';
  constructor(message: string) {
    super('cannot read file', message, undefined, { bare: true });
  }
}

/** Reads a TOML file; undefined when it does not exist. Parse errors are thrown as Error(message). */
export function readToml(file: string): TomlTable | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileReadError((e as Error).message);
  }
  return parse(text) as TomlTable;
}

export function tomlTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'datetime';
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return 'integer';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'object' && v !== null) return 'table';
  return typeof v;
}

/** A flat string → string map; any other value type is an error naming the key. */
export function stringMap(table: TomlTable, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(table)) {
    if (typeof v !== 'string') throw new Error(`${where}key "${k}": expected a string, got ${tomlTypeName(v)}`);
    out[k] = v;
  }
  return out;
}
