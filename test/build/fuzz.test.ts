// The build fuzz (issue #11): seeded random mutations of a valid workspace through `maand build`.
// Given any mutation, when the build runs, then it succeeds, or it fails with exit 1 and one
// `maand build failed: <MaandError message>` line (no stack trace, no internal/unexpected error),
// leaving data/maand.db byte-identical, data/maand.lock and tmp/ removed.
// MAAND_FUZZ_SEED, MAAND_FUZZ_CASES reproduce or extend a run; MAAND_FUZZ_CASE=<n> runs case n alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { caseSeed, Prng } from './fuzz/prng.ts';
import { mutateWorkspace, type Mutation } from './fuzz/mutate.ts';
import { runCase } from './fuzz/run-case.ts';
import { copyBucket, FIXTURE, templateBucket } from './fuzz/workspace.ts';

const SEED = Number(process.env['MAAND_FUZZ_SEED'] ?? 20260611);
const CASES = Number(process.env['MAAND_FUZZ_CASES'] ?? 1000);
const ONLY = process.env['MAAND_FUZZ_CASE'];

function describe(m: Mutation): string {
  const shown = m.state.kind === 'file' ? JSON.stringify(m.state.data.toString('utf8').slice(0, 3000)) : `(${m.state.kind})`;
  return `  ${m.path} [${m.ops.join(', ')}]\n    ${shown}`;
}

test(`given ${CASES} seeded mutations of a valid workspace (seed ${SEED}), maand build succeeds or fails with one MaandError line and an untouched catalog`, async (t) => {
  const template = await templateBucket();
  const histogram = new Map<string, number>();
  const failures: string[] = [];
  const started = Date.now();
  const slow: Array<{ n: number; ms: number; what: string }> = [];
  try {
    const numbers = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [Number(ONLY)];
    for (const n of numbers) {
      const mutations = mutateWorkspace(new Prng(caseSeed(SEED, n)), FIXTURE);
      const root = copyBucket(template);
      const t0 = performance.now();
      try {
        const out = await runCase(root, mutations);
        slow.push({ n, ms: performance.now() - t0, what: `${mutations.map((m) => `${m.path} [${m.ops.join(', ')}]`).join(' ')} → ${out.code ?? 'ok'}` });
        const key = out.code ?? 'ok';
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
        if (out.problems.length > 0) {
          failures.push(`case ${n} (MAAND_FUZZ_SEED=${SEED} MAAND_FUZZ_CASE=${n}): ${out.problems.join('; ')}\n  exit ${out.exit}, stderr ${JSON.stringify(out.stderr.slice(0, 2000))}\n${mutations.map(describe).join('\n')}`);
        }
      } finally {
        rmSync(dirname(root), { recursive: true, force: true });
      }
    }
  } finally {
    template.cleanup();
  }
  t.diagnostic(`seed ${SEED}, ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, 5)) t.diagnostic(`slowest: case ${s.n} ${s.ms.toFixed(0)} ms: ${s.what}`);
  for (const [code, count] of [...histogram].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) t.diagnostic(`${String(count).padStart(5)}  ${code}`);
  assert.equal(failures.length, 0, `${failures.length} failing case(s):\n${failures.slice(0, Number(process.env["MAAND_FUZZ_SHOW"] ?? 20)).join('\n\n')}`);
});
