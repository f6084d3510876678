// Benchmark: save and restore the state of a generated bucket (default 50 workers × 100 jobs) through
// the branch backend on a local bare repository: pack + encrypt + commit + push, then fetch + decrypt +
// verify + unpack into an empty directory. Prints both timings and the sizes (target: < 2 s together).
// Usage: node bench/state-bench.ts [workers] [jobs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeWorkspace } from './large-workspace.ts';
import { initBucket } from '../src/init/index.ts';
import { build } from '../src/build/index.ts';
import { createBackend, restoreState, saveState, type StateBackend } from '../src/state/index.ts';

const W = Number(process.argv[2] ?? 50);
const J = Number(process.argv[3] ?? 100);
const KEY = 'bench state key';
const root = mkdtempSync(join(tmpdir(), 'maand-bench-state-'));
const bucket = join(root, 'bucket');


function branch(): StateBackend {
  return createBackend('branch', { name: 'bench', runId: '1', runAttempt: '1', gitRemote: join(root, 'remote.git'), tempDir: mkdtempSync(join(root, 'tmp-')) });
}

try {
  await initBucket({ root: bucket, caKeyBits: 2048 });
  writeLargeWorkspace(bucket, W, J);
  await build({ root: bucket });
  execFileSync('git', ['init', '--quiet', '--bare', join(root, 'remote.git')]);
  const dbBytes = statSync(join(bucket, 'data', 'maand.db')).size;

  const saved = await saveState({ bucketRoot: bucket, key: KEY, backend: branch() });
  const restored = await restoreState({ bucketRoot: join(root, 'restored'), key: KEY, backend: branch() });
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  console.log(`maand state, ${W} workers × ${J} jobs (catalog ${mib(dbBytes)}, bundle ${mib(saved.bytes)}), branch backend on a local bare repo:`);
  console.log(`  save    (pack + encrypt + commit + push):           ${(saved.durationMs / 1000).toFixed(2)} s`);
  console.log(`  restore (fetch + decrypt + verify + unpack):        ${(restored.durationMs / 1000).toFixed(2)} s`);
  console.log(`  total:                                              ${((saved.durationMs + restored.durationMs) / 1000).toFixed(2)} s (target < 2 s)`);
  if (restored.generation !== saved.generation) throw new Error(`restored generation ${restored.generation}, saved ${saved.generation}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
