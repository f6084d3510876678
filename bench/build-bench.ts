// Benchmark: `maand build` of a generated bucket (default 50 workers × 100 jobs, no certificates).
// Prints wall time and peak RSS of the build (first build and a no-change rebuild), each in a fresh process.
// Usage: node bench/build-bench.ts [workers] [jobs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeWorkspace } from './large-workspace.ts';

const W = Number(process.argv[2] ?? 50);
const J = Number(process.argv[3] ?? 100);
const root = join(import.meta.dirname, '..');
const cli = join(root, 'src', 'cli', 'index.ts');
const bucket = mkdtempSync(join(tmpdir(), 'maand-bench-build-'));

function runMeasured(args: string[]): { ms: number; rssMiB: number } {
  const wrapper = `const t=performance.now();process.chdir(${JSON.stringify(bucket)});process.env.MAAND_QUIET='1';process.env.MAAND_TEST='1';` +
    `const { runCli } = await import(${JSON.stringify(join(root, 'src', 'cli', 'program.ts'))});` +
    `const code = await runCli(${JSON.stringify(args)}, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });` +
    `console.log('BENCH ' + JSON.stringify({ code, ms: performance.now() - t, rss: process.resourceUsage().maxRSS }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', wrapper], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.split('\n').find((l) => l.startsWith('BENCH '));
  const r = JSON.parse(line!.slice(6)) as { code: number; ms: number; rss: number };
  if (r.code !== 0) throw new Error(`maand ${args.join(' ')} exited ${r.code}`);
  return { ms: r.ms, rssMiB: r.rss / 1024 };
}

try {
  runMeasured(['init']);
  writeLargeWorkspace(bucket, W, J);
  const first = runMeasured(['build']);
  const again = runMeasured(['build']);
  const allocs = W * J;
  console.log(`maand build, ${W} workers × ${J} jobs (${allocs} allocations, no certificates):`);
  console.log(`  first build:   ${(first.ms / 1000).toFixed(2)} s, peak RSS ${first.rssMiB.toFixed(0)} MiB (target < 3 s, < 200 MiB)`);
  console.log(`  no-op rebuild: ${(again.ms / 1000).toFixed(2)} s, peak RSS ${again.rssMiB.toFixed(0)} MiB`);
} finally {
  rmSync(bucket, { recursive: true, force: true });
}
