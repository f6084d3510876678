// Memory (MB) and CPU (MHz) strings of workers.json, manifests and bucket.jobs*.conf (§5.1).
import { MaandError } from '../errors.ts';
import { quoted } from '../util/quoted.ts';

const MEMORY_UNITS: Record<string, number> = { '': 1, MB: 1, GB: 1024, TB: 1048576 };
const CPU_UNITS: Record<string, number> = { MHZ: 1, GHZ: 1000, THZ: 1000000 };

export class UnitError extends MaandError {
  override name = 'UnitError';
  constructor(message: string) {
    super('invalid unit', message, undefined, { bare: true });
  }
}

/** strconv.ParseFloat syntax: sign, digits with `_` separators, fraction, exponent, hex floats, inf/nan. */
export function parseGoFloat(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (/^[+-]?0x/i.test(s)) {
    const m = /^([+-]?)0x((?:[0-9a-f]_?)*[0-9a-f]?)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(s);
    if (!m) return undefined;
    const int = (m[2] ?? '').replaceAll('_', '');
    const frac = m[3] ?? '';
    if (int === '' && frac === '') return undefined;
    const mant = parseInt(int + frac || '0', 16) / 16 ** frac.length;
    const v = mant * 2 ** Number(m[4]);
    return m[1] === '-' ? -v : v;
  }
  // Underscores only between digits.
  if (!/^[+-]?(\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d+)?$/.test(s)) return undefined;
  const clean = s.replaceAll('_', '');
  if (!/\d/.test(clean.replace(/[eE].*$/, ''))) return undefined;
  return Number(clean);
}

function parseUnit(raw: string, kind: 'memory' | 'cpu'): number {
  const s = raw.trim();
  if (s === '') return 0;
  const plain = parseGoFloat(s);
  if (plain !== undefined) return plain;
  const m = (kind === 'memory' ? /^([0-9.]+)\s*([a-z]*)$/i : /^([0-9.]+)\s*([a-z]+)$/i).exec(s);
  if (!m) throw new UnitError(kind === 'memory' ? `invalid memory size ${quoted(raw)}` : `invalid cpu frequency ${quoted(raw)}`);
  const num = m[1]!;
  if (!/^(\d+\.?\d*|\.\d+)$/.test(num)) throw new UnitError(`strconv.ParseFloat: parsing ${quoted(num)}: invalid syntax`);
  const unit = m[2]!.toUpperCase();
  const mult = (kind === 'memory' ? MEMORY_UNITS : CPU_UNITS)[unit];
  if (mult === undefined) throw new UnitError(`unsupported ${kind} unit ${quoted(unit)}`);
  return Number(num) * mult;
}

export function parseMemoryMb(raw: string): number {
  return parseUnit(raw, 'memory');
}

export function parseCpuMhz(raw: string): number {
  return parseUnit(raw, 'cpu');
}
