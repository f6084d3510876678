// Benchmark of the GitHub Action: (1) cold start, from spawning `node dist/main/index.js` to its first log
// line, next to a bare `node -e 0` for scale; (2) state save and restore of a 50 workers × 100 jobs bucket
// through the action's own state port, with the cache backend (a loopback stand-in of the cache service)
// and the branch backend (a local bare git repository). Budgets: cold start < 300 ms, save/restore < 2 s.
// Usage: node bench/action-bench.ts [workers] [jobs] [rounds]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeWorkspace } from './large-workspace.ts';
import { readConfig } from '../src/action/config.ts';
import type { ActionEnv } from '../src/action/env.ts';
import type { InputName } from '../src/action/inputs.ts';
import { createStatePort } from '../src/action/state-port.ts';
import { build } from '../src/build/index.ts';
import { initBucket } from '../src/init/index.ts';
import { CacheService } from '../test/action/cache-service.ts';

const W = Number(process.argv[2] ?? 50);
const J = Number(process.argv[3] ?? 100);
const ROUNDS = Number(process.argv[4] ?? 5);
const root = join(import.meta.dirname, '..');
const dist = process.env['MAAND_TEST_DIST'] ?? join(root, 'dist');
const work = mkdtempSync(join(tmpdir(), 'maand-bench-action-'));

// @actions/cache logs through @actions/core (workflow commands on stdout): keep only this bench's lines.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  String(chunk).startsWith('::') || /^(\[command\]|Cache |Received |Sent )/.test(String(chunk)) ? true : write(chunk, ...rest)) as typeof process.stdout.write;
process.env['RUNNER_TEMP'] = join(work, 'rt');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

/** ms from spawn to the first stdout line (or to exit when `untilExit`). */
function timeSpawn(args: string[], env: Record<string, string>, untilExit = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let done = false;
    child.stdout.on('data', () => {
      if (!done && !untilExit) {
        done = true;
        resolve(performance.now() - t0);
      }
    });
    child.on('error', reject);
    child.on('close', () => (done ? undefined : resolve(performance.now() - t0)));
  });
}

async function coldStart(): Promise<{ firstLine: number; nodeBoot: number }> {
  const env = {
    PATH: process.env['PATH'] ?? '', INPUT_COMMAND: 'build', 'INPUT_STATE-BACKEND': 'none', INPUT_BUCKET: 'missing',
    GITHUB_WORKSPACE: work, RUNNER_TEMP: join(work, 'rt'), GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
  };
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  await timeSpawn([join(dist, 'main', 'index.js')], env); // warm the file cache
  const first: number[] = [];
  const boot: number[] = [];
  for (let i = 0; i < ROUNDS * 3; i++) {
    first.push(await timeSpawn([join(dist, 'main', 'index.js')], env));
    boot.push(await timeSpawn(['-e', '0'], env, true));
  }
  return { firstLine: median(first), nodeBoot: median(boot) };
}

async function bigBucket(dir: string): Promise<void> {
  await initBucket({ root: dir });
  writeLargeWorkspace(dir, W, J);
  await build({ root: dir });
}

function env(workspace: string, runId: number): ActionEnv {
  return {
    workspace, runnerTemp: join(work, 'rt'), eventName: 'push', pullRequest: undefined, repository: 'acme/infra', runId: String(runId), runAttempt: '1',
    sha: '', actor: '', serverUrl: 'https://github.com', apiUrl: 'http://127.0.0.1:9', processEnv: {},
  };
}

async function stateRoundTrips(backend: 'cache' | 'branch', checkout: string): Promise<{ save: number; restore: number }> {
  const bucket = join(checkout, 'infra');
  const inputs: Partial<Record<InputName, string>> = { command: 'build', bucket: 'infra', 'state-backend': backend, 'state-key': 'bench state key', 'state-name': 'bench' };
  const saves: number[] = [];
  const restores: number[] = [];
  process.chdir(checkout); // the cache backend stages the bundle below the working directory, as on a runner
  for (let i = 0; i < ROUNDS; i++) {
    const e = env(checkout, 1000 + i);
    const port = createStatePort(readConfig((n) => inputs[n] ?? '', e), e);
    let t = performance.now();
    await port.save(bucket);
    saves.push(performance.now() - t);
    rmSync(join(bucket, 'data'), { recursive: true, force: true });
    rmSync(join(bucket, 'secrets'), { recursive: true, force: true });
    t = performance.now();
    const r = await port.restore(bucket);
    restores.push(performance.now() - t);
    if (!r) throw new Error(`${backend}: nothing restored`);
  }
  process.chdir(root);
  return { save: median(saves), restore: median(restores) };
}

try {
  const cs = await coldStart();
  console.log(`cold start (spawn → first log line of dist/main): ${fmt(cs.firstLine)} median of ${ROUNDS * 3}; node -e 0 alone: ${fmt(cs.nodeBoot)}; bundle load ≈ ${fmt(cs.firstLine - cs.nodeBoot)}  [budget < 300 ms: ${cs.firstLine < 300 ? 'ok' : 'OVER'}]`);

  const gitBase = join(work, 'git');
  mkdirSync(gitBase);
  execFileSync('git', ['init', '--bare', '--quiet', 'origin.git'], { cwd: gitBase });
  execFileSync('git', ['clone', '--quiet', join(gitBase, 'origin.git'), 'checkout'], { cwd: gitBase, stdio: 'ignore' });
  const checkout = join(gitBase, 'checkout');
  const t0 = performance.now();
  await bigBucket(join(checkout, 'infra'));
  const dbBytes = statSync(join(checkout, 'infra', 'data', 'maand.db')).size;
  console.log(`bucket: ${W} workers × ${J} jobs built in ${fmt(performance.now() - t0)}; catalog ${(dbBytes / 1024 / 1024).toFixed(1)} MiB`);
  const cacheCheckout = join(work, 'cache-checkout');
  cpSync(checkout, cacheCheckout, { recursive: true });

  const cache = new CacheService();
  await cache.start();
  Object.assign(process.env, cache.env());
  try {
    const c = await stateRoundTrips('cache', cacheCheckout);
    const bundle = cache.newestData().length;
    console.log(`state, cache backend:  save ${fmt(c.save)}, restore ${fmt(c.restore)} (median of ${ROUNDS}; cache entry ${(bundle / 1024).toFixed(0)} KiB)  [budget < 2 s: ${c.save < 2000 && c.restore < 2000 ? 'ok' : 'OVER'}]`);
  } finally {
    await cache.stop();
  }
  const b = await stateRoundTrips('branch', checkout);
  console.log(`state, branch backend: save ${fmt(b.save)}, restore ${fmt(b.restore)} (median of ${ROUNDS})  [budget < 2 s: ${b.save < 2000 && b.restore < 2000 ? 'ok' : 'OVER'}]`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
