// Memory/CPU strings and the number text stored in SQLite and KV (build-and-catalog §5.1, §5.2, §17.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCpuMhz, parseMemoryMb } from '../../src/bucket/units.ts';
import { goFixed2, goFloat } from '../../src/util/go-format.ts';

const stored = (parse: (s: string) => number) => (raw: string) => goFloat(parse(raw));

test('memory strings become MB number text (§17.3 vectors)', () => {
  const mem = stored(parseMemoryMb);
  assert.equal(mem('256 mb'), '256');
  assert.equal(mem('1 gb'), '1024');
  assert.equal(mem('1.5 GB'), '1536');
  assert.equal(mem('1 tb'), '1.048576e+06');
});

test('cpu strings become MHz number text (§17.3 vectors)', () => {
  const cpu = stored(parseCpuMhz);
  assert.equal(cpu('2 ghz'), '2000');
  assert.equal(cpu('2400'), '2400');
  assert.equal(cpu('1 thz'), '1e+06');
  assert.equal(cpu('3.2 GHz'), '3200');
  assert.equal(cpu('-5'), '-5');
  assert.equal(cpu('500mhz'), '500');
});

test('bad memory strings fail with the reference texts (§17.3)', () => {
  assert.throws(() => parseMemoryMb('256m'), { message: 'unsupported memory unit "M"' });
  assert.throws(() => parseMemoryMb('1 KB'), { message: 'unsupported memory unit "KB"' });
  assert.throws(() => parseMemoryMb('-1 GB'), { message: 'invalid memory size "-1 GB"' });
  assert.throws(() => parseMemoryMb('1,024 mb'), { message: 'invalid memory size "1,024 mb"' });
  assert.throws(() => parseMemoryMb('1.2.3 gb'), { message: 'strconv.ParseFloat: parsing "1.2.3": invalid syntax' });
  assert.throws(() => parseMemoryMb('1 MiB'), { message: 'unsupported memory unit "MIB"' });
});

test('bad cpu strings fail with the reference texts (§17.3)', () => {
  assert.throws(() => parseCpuMhz('2 hz'), { message: 'unsupported cpu unit "HZ"' });
  assert.throws(() => parseCpuMhz('1 g'), { message: 'unsupported cpu unit "G"' });
  assert.throws(() => parseCpuMhz('2 ghz x'), { message: 'invalid cpu frequency "2 ghz x"' });
  assert.throws(() => parseCpuMhz('-1 GHz'), { message: 'invalid cpu frequency "-1 GHz"' });
});

test('memory examples of §5.1 parse to their MB values', () => {
  const cases: Array<[string, number]> = [
    ['256 mb', 256], ['256MB', 256], ['1 gb', 1024], ['1.5 GB', 1536], ['.5 gb', 512], ['23 GB', 23552], ['1\tgb', 1024],
    ['', 0], ['  ', 0], ['256', 256], ['1e3', 1000], ['1_000', 1000], ['-1', -1], ['  12  ', 12], ['12', 12], ['7 ', 7],
  ];
  for (const [raw, mb] of cases) assert.equal(parseMemoryMb(raw), mb, JSON.stringify(raw));
});

test('cpu examples of §5.1 parse to their MHz values', () => {
  const cases: Array<[string, number]> = [['2 ghz', 2000], ['100 GHz', 100000], ['3.2 GHz', 3200], ['500mhz', 500], ['', 0], ['100', 100], ['12 Ghz', 12000]];
  for (const [raw, mhz] of cases) assert.equal(parseCpuMhz(raw), mhz, JSON.stringify(raw));
});

test('a plain number without unit accepts Go float syntax: hex floats, inf and nan', () => {
  assert.equal(parseMemoryMb('0x1p4'), 16);
  assert.equal(parseMemoryMb('inf'), Infinity);
  assert.equal(parseMemoryMb('-Infinity'), -Infinity);
  assert.ok(Number.isNaN(parseMemoryMb('NaN')));
});

test('a cpu value with a number but no unit letters is invalid', () => {
  assert.throws(() => parseCpuMhz('1.2.3'), { message: 'invalid cpu frequency "1.2.3"' });
});

test('number text follows Go %v: scientific from 1e6 up and below 1e-4 (§5.2 table)', () => {
  const cases: Array<[number, string]> = [
    [0, '0'], [12, '12'], [1536, '1536'], [23552, '23552'], [999999, '999999'], [100000, '100000'],
    [1000000, '1e+06'], [1048576, '1.048576e+06'], [1000001, '1.000001e+06'], [123456.7, '123456.7'], [0.5, '0.5'], [0.00001, '1e-05'],
    [0.0001, '0.0001'], [1e21, '1e+21'], [-5, '-5'], [1.5e-7, '1.5e-07'], [1e100, '1e+100'],
    [Infinity, '+Inf'], [-Infinity, '-Inf'], [NaN, 'NaN'],
  ];
  for (const [x, text] of cases) assert.equal(goFloat(x), text, String(x));
});

test('error messages print numbers with two decimals', () => {
  assert.equal(goFixed2(512), '512.00');
  assert.equal(goFixed2(0.5), '0.50');
  assert.equal(goFixed2(-3.14159), '-3.14');
});

test('two-decimal text rounds exact halves to even, as Go does', () => {
  assert.equal(goFixed2(1536.125), '1536.12');
  assert.equal(goFixed2(0.375), '0.38');
  assert.equal(goFixed2(0.625), '0.62');
  assert.equal(goFixed2(-0.125), '-0.12');
  assert.equal(goFixed2(2.675), '2.67');
});
