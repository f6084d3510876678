// TOML-aware mutations, line by line: values of another type, duplicate keys and tables, deleted or
// added lines, odd table headers and deeply nested values.
import type { Prng } from './prng.ts';
import { FIELD_NAMES, NUMBER_TEXTS, randomString } from './values.ts';

function tomlString(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid TOML basic string except for lone surrogates
}

function randomTomlValue(rng: Prng): string {
  switch (rng.int(9)) {
    case 0: return rng.pick(NUMBER_TEXTS);
    case 1: return rng.pick(['true', 'false', 'inf', 'nan', '-inf', '0x7fffffffffffffff', '0o777', '0b101', '1_000']);
    case 2: return tomlString(randomString(rng));
    case 3: return rng.pick(["'literal'", '"""\nmulti\nline"""', "'''raw\\n'''", '""']);
    case 4: return rng.pick(['1979-05-27T07:32:00Z', '1979-05-27', '07:32:00', '9999-12-31T23:59:59.999999999+23:59']);
    case 5: return `[${Array.from({ length: rng.int(3) }, () => rng.pick(['1', '"a"', 'true', '[]', '{}'])).join(', ')}]`;
    case 6: return `{ ${rng.pick(FIELD_NAMES)} = ${tomlString(randomString(rng))} }`;
    case 7: {
      const depth = rng.pick([64, 1000, 20000]);
      return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    }
    default: return tomlString(`${rng.pick(NUMBER_TEXTS)} ${rng.pick(['MB', 'GB', 'GHZ', 'MHZ', 'kb', ''])}`);
  }
}

const KEY_LINE = /^\s*([^=[#\s][^=]*?)\s*=\s*(.*)$/;
const OPS = ['retype', 'duplicate-key', 'delete-line', 'add-key', 'table', 'dotted-deep', 'key-unicode'] as const;

export function mutateToml(rng: Prng, text: string): { op: string; text: string } {
  const lines = text.split('\n');
  const keyLines = lines.map((l, i) => (KEY_LINE.test(l) ? i : -1)).filter((i) => i >= 0);
  const op = rng.pick(OPS);
  const at = (): number => (keyLines.length > 0 ? rng.pick(keyLines) : rng.int(lines.length));
  switch (op) {
    case 'retype': {
      const i = at();
      const m = KEY_LINE.exec(lines[i] ?? '');
      lines[i] = `${m?.[1] ?? rng.pick(FIELD_NAMES)} = ${randomTomlValue(rng)}`;
      break;
    }
    case 'duplicate-key': {
      const i = at();
      lines.splice(i + 1, 0, lines[i] ?? '');
      break;
    }
    case 'delete-line':
      lines.splice(rng.int(lines.length), 1);
      break;
    case 'add-key':
      lines.splice(rng.int(lines.length + 1), 0, `${rng.pick(FIELD_NAMES)} = ${randomTomlValue(rng)}`);
      break;
    case 'table':
      lines.splice(rng.int(lines.length + 1), 0, rng.pick(['[api]', '[db]', '[ghost]', '[[api]]', '[api.memory]', '["日本"]', '[]', '[api', `[${'a.'.repeat(500)}b]`]));
      break;
    case 'dotted-deep':
      lines.push(`${Array.from({ length: rng.pick([64, 1000, 10000]) }, () => 'k').join('.')} = 1`);
      break;
    case 'key-unicode':
      lines.splice(rng.int(lines.length + 1), 0, `${tomlString(randomString(rng))} = ${randomTomlValue(rng)}`);
      break;
  }
  return { op: `toml:${op}`, text: lines.join('\n') };
}
