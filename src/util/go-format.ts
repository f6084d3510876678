// Number text as Go prints it, because it lands in SQLite and KV and must match the reference.

/** Go `%v` of a float64 (strconv.FormatFloat(x, 'g', -1, 64)): `1e+06`, `1.048576e+06`, `1e-05`. */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // Shortest round-trip digits (the same digits JS computes); %e when exp < -4 || exp >= 6.
  const [mantissa, expPart] = x.toExponential().split('e') as [string, string];
  const exp = Number(expPart);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(x);
}

/** Go `%.2f`: like toFixed(2), but an exact half (x = odd/8) rounds to even instead of away from zero. */
export function goFixed2(x: number): string {
  if (!Number.isFinite(x)) return goFloat(x);
  const exactHalf = Number.isInteger(x * 8) && !Number.isInteger(x * 4);
  const text = x.toFixed(2);
  if (!exactHalf || Number(text.at(-1)) % 2 === 0) return text;
  return (x - Math.sign(x) * 0.001).toFixed(2);
}
