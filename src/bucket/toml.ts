// TOML reading shared by maand.conf, bucket.conf, bucket.jobs*.conf and vars.toml.
import { parse } from 'smol-toml';
import { readOptionalText } from './read-file.ts';
import { quoted } from '../util/quoted.ts';

export type TomlTable = Record<string, unknown>;

/**
 * Reads a TOML file; undefined when it does not exist. A file that cannot be read throws
 * FileReadError (not a TOML problem: callers let it through); parse errors throw TomlSyntaxError.
 */
export function readToml(file: string, shown: string): TomlTable | undefined {
  const text = readOptionalText(file, shown);
  if (text === undefined) return undefined;
  try {
    return parse(text) as TomlTable;
  } catch (e) {
    // smol-toml's message ends with a code frame of the offending lines; the first line says it all.
    throw new TomlSyntaxError(firstLine(e));
  }
}

/** A TOML syntax error, first line of the parser's message. */
export class TomlSyntaxError extends Error {
  override name = 'TomlSyntaxError';
}

export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
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
    if (typeof v !== 'string') throw new Error(`${where}key ${quoted(k)}: expected a string, got ${tomlTypeName(v)}`);
    out[k] = v;
  }
  return out;
}
