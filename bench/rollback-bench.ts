// `npm run bench -- rollback`: `maand rollback` of one job against a fresh `maand deploy` of the same
// change, on 4 and 32 local sshd workers (issue 13). A rollback costs per worker one round trip (first
// contact and the release check in one script) plus the restart, whose ssh call restores the release just
// before make; the deploy stages, renders, rsyncs and restarts (its release snapshot rides on the restart). Loopback blocks BENCH_ROLLBACK_NETS (default 127.0.117,127.0.118).
import { connectRun } from '../src/deploy/connect.ts';
import { rollback } from '../src/rollback/index.ts';
import { deployFixture, RECORDING_MAKEFILE } from '../test/deploy/fixture.ts';

const RUNS = Number(process.env['RUNS'] ?? 3);
const nets = (process.env['BENCH_ROLLBACK_NETS'] ?? '127.0.117,127.0.118').split(',');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function bench(workers: number, net: string): Promise<void> {
  const f = await deployFixture(net, workers);
  try {
    f.bucket.workers(f.workers.ips.map((ip) => ({ host: ip })));
    const files: Record<string, string> = { Makefile: RECORDING_MAKEFILE, 'app.conf.tpl': 'listen {{ .WorkerIP }}\nrelease 0\n' };
    for (let i = 0; i < 20; i++) files[`lib/file${i}.txt`] = `${'x'.repeat(10_000)}${i}\n`;
    f.bucket.job('app', { version: '1.0.0', selectors: ['worker'], max_concurrent_upgrades: Math.max(1, workers / 4) }, files);
    await f.bucket.build();
    await f.deploy();
    const deployMs: number[] = [];
    const rollbackMs: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      f.bucket.write({ 'workspace/jobs/app/app.conf.tpl': `listen {{ .WorkerIP }}\nrelease ${run}\n` });
      await f.bucket.build();
      let t0 = performance.now();
      const d = await f.deploy();
      deployMs.push(performance.now() - t0);
      if (d.failedJobs.length > 0) throw new Error(`deploy failed: ${d.failedJobs.join(', ')}`);
      t0 = performance.now();
      const r = await rollback({ root: f.bucket.root, jobs: ['app'], connect: connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: f.workers.knownHosts }, hookEnv: process.env }) });
      rollbackMs.push(performance.now() - t0);
      if (r.failedJobs.length > 0) throw new Error(`rollback failed: ${r.failedJobs.join(', ')}`);
    }
    console.log(`${String(workers).padStart(3)} workers  deploy of the change ${(median(deployMs) / 1000).toFixed(2)} s  rollback ${(median(rollbackMs) / 1000).toFixed(2)} s  (medians of ${RUNS})`);
  } finally {
    await f.close();
  }
}

await bench(4, nets[0]!);
await bench(32, nets[1] ?? nets[0]!);
