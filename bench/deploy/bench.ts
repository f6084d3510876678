// Deploy benchmark (issue 6): maand against Ansible (tuned and per-job loop) and a bare rsync+ssh
// lower bound, on the same local sshd workers in one run. Sizes × scenarios (cold, no-op, one file
// changed), every tool in turn per run (interleaved), median wall time; each deploy is validated.
// Adapted from /work/shared/bench-anchor (see README.md here). Needs root.
//
// Environment: RUNS (timed runs per cell, default 3), WARMUP (default 1), LOOP_RUNS (timed runs of
// the slow per-job-loop playbook, default 1, no warm-up), SIZES (default
// "4:10:20:200 8:20:20:200" = workers:jobs:files per job:KB per job), TOOLS (default
// lb,maand,ansible-tuned,ansible-loop), SCENARIOS (default cold,noop,change), MODE (copyall |
// strict, default copyall), BENCH_NET (default 127.0.95), MAAND_CLI (default: a copy of dist/cli/index.js),
// PROFILE=0 skips the strace'd counting runs of maand, BENCH_OUT (results dir; default a new temp dir).
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startWorkers, type WorkerSet } from '../../test/harness/workers.ts';
import { dataFile, payloadFiles, prng, randomBytes, touchTree } from './gen-jobs.ts';
import { cpuBetween, joinCpuAccount, type CpuAccount } from './cpu-account.ts';
import { createMaandBucket } from './maand-bucket.ts';
import { preflight, snapshotDist } from './preflight.ts';
import { profileMaand } from './profile.ts';
import { formatReport, type RunRecord } from './report.ts';
import { timeCommand } from './run-one.ts';
import { closeMasters, writeSshEnv, type SshEnv } from './ssh-env.ts';
import { makeTool, TOOL_NAMES, type Mode, type Tool, type ToolName } from './tools.ts';
import { wipeWorkers } from './wipe.ts';
import { jobPids, sshLogins, validate, type Layout, type Scenario } from './validate.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const env = process.env;
const RUNS = Number(env['RUNS'] ?? 3);
const WARMUP = Number(env['WARMUP'] ?? 1);
const SIZES = (env['SIZES'] ?? '4:10:20:200 8:20:20:200').trim().split(/\s+/).map((s) => s.split(':').map(Number) as [number, number, number, number]);
const TOOLS = (env['TOOLS'] ?? TOOL_NAMES.join(',')).split(',').filter(Boolean) as ToolName[];
const SCENARIOS = (env['SCENARIOS'] ?? 'cold,noop,change').split(',').filter(Boolean) as Scenario[];
const MODE = (env['MODE'] ?? 'copyall') as Mode;
const NET = env['BENCH_NET'] ?? '127.0.95';
// the per-job-loop playbook takes 10-50 s a deploy: a reference point, timed once per cell by default
const LOOP_RUNS = Number(env['LOOP_RUNS'] ?? 1);
const runsFor = (tool: string): number => (tool === 'ansible-loop' ? Math.min(LOOP_RUNS, RUNS) : RUNS);
const warmupFor = (tool: string): number => (tool === 'ansible-loop' ? 0 : WARMUP);
const OUT = env['BENCH_OUT'] ?? mkdtempSync(join(tmpdir(), 'maand-bench-deploy-results-'));

for (const t of TOOLS) if (!(TOOL_NAMES as readonly string[]).includes(t)) throw new Error(`TOOLS: unknown tool ${t} (known: ${TOOL_NAMES.join(', ')})`);
if (MODE !== 'copyall' && MODE !== 'strict') throw new Error(`MODE must be copyall or strict, not ${MODE}`);

interface SizeRun {
  label: string;
  workers: WorkerSet;
  env: SshEnv;
  tools: Tool[];
  layout: Layout;
  changedJob: string;
  changedFile: string;
  cpu: CpuAccount;
}

let mutation = 0;
/** The change scenario: new bytes (same size) for one data file of one job. */
function mutate(s: SizeRun, size: number): void {
  const p = join(s.layout.jobsDir, s.changedJob, s.changedFile);
  writeFileSync(p, randomBytes(prng(9_000_000 + ++mutation + Date.now() % 1_000_000), size));
  touchTree(join(s.layout.jobsDir, s.changedJob));
}

async function oneRun(s: SizeRun, tool: Tool, scenario: Scenario, run: number, fileBytes: number): Promise<RunRecord> {
  let refreshMs = 0;
  if (scenario === 'cold') {
    wipeWorkers(s.workers, s.layout.jobs);
    tool.forget();
  }
  if (scenario === 'change') {
    mutate(s, fileBytes);
    refreshMs = tool.refresh();
  }
  closeMasters(s.env);
  const before = jobPids(s.layout, tool.remoteBase);
  const logins0 = sshLogins(s.workers);
  const log = join(OUT, 'logs', `${s.label}-${scenario}-${tool.name}-${run}.log`);
  const c0 = s.cpu.sample();
  const t = await timeCommand(tool.deploy(), log);
  const cpu = cpuBetween(c0, s.cpu.sample());
  await sleep(300); // sshd writes its log line right after the login
  const logins = sshLogins(s.workers) - logins0;
  const errors = validate(s.layout, tool.remoteBase, scenario, s.changedJob, before, jobPids(s.layout, tool.remoteBase));
  if (t.exitCode !== 0) errors.unshift(`exit ${t.exitCode} (see ${log})`);
  return { size: s.label, scenario, tool: tool.name, run, warmup: run < 0, wallMs: t.wallMs, exitCode: t.exitCode, logins, errors, refreshMs, ...cpu };
}

async function benchSize(K: number, J: number, F: number, KB: number, records: RunRecord[], maandCli: string, cpu: CpuAccount): Promise<void> {
  const label = `${K}×${J}`;
  const workers = await startWorkers({ count: K, net: NET });
  const state = mkdtempSync(join(tmpdir(), 'maand-bench-deploy-'));
  try {
    const sshEnv = writeSshEnv(join(state, 'ssh'), workers, NET);
    const spec = { jobs: J, filesPerJob: F, kbPerJob: KB };
    const maand = createMaandBucket({ root: join(state, 'bucket'), workers, spec, node: process.execPath, cli: maandCli });
    const tools = TOOLS.map((name) => makeTool(name, { env: sshEnv, maand, workerCount: K, mode: MODE }));
    const layout: Layout = { workers, jobsDir: maand.jobsDir, jobs: maand.jobs, files: payloadFiles(spec) };
    const changedFile = dataFile(Math.min(7, F));
    const s: SizeRun = { label, workers, env: sshEnv, tools, layout, changedJob: maand.jobs[Math.min(4, J - 1)]!, changedFile, cpu };
    const fileBytes = statSync(join(maand.jobsDir, s.changedJob, changedFile)).size;
    console.log(`\n== ${label}: ${K} workers × ${J} jobs (${F} files, ${KB} KB each); ${RUNS} runs + ${WARMUP} warm-up; mode ${MODE}`);
    let previous: Scenario | undefined;
    for (const scenario of SCENARIOS) {
      if (scenario !== 'cold' && previous !== scenario && (previous === undefined || previous === 'cold')) {
        // Cold runs wipe every worker before each tool, so other tools' files are gone while their
        // state (maand's catalog) says deployed: redeploy each remote folder from scratch first.
        // LB and Ansible share /opt/worker/bench, so its first tool brings it up to date for all.
        const done = new Set<string>();
        for (const tool of tools) {
          if (done.has(tool.remoteBase)) continue;
          done.add(tool.remoteBase);
          tool.forget();
          closeMasters(sshEnv);
          const t = await timeCommand(tool.deploy(), join(OUT, 'logs', `${label}-${scenario}-${tool.name}-setup.log`));
          if (t.exitCode !== 0) throw new Error(`${tool.name}: setup deploy before ${scenario} failed (see ${OUT}/logs)`);
        }
      }
      previous = scenario;
      for (let run = -WARMUP; run < RUNS; run++) {
        // rotate the order so no tool always runs right after the same other one
        const order = tools.map((_, i) => tools[(i + run + WARMUP) % tools.length]!);
        for (const tool of order) {
          if (run < -warmupFor(tool.name) || run >= runsFor(tool.name)) continue;
          const r = await oneRun(s, tool, scenario, run, fileBytes);
          records.push(r);
          appendFileSync(join(OUT, 'raw.jsonl'), `${JSON.stringify(r)}\n`);
          const status = r.errors.length === 0 ? 'OK' : `FAIL ${r.errors.join('; ')}`;
          const cpuText = r.cpuS === undefined ? '' : ` cpu=${r.cpuS.toFixed(2).padStart(6)}s foreign=${r.foreignS!.toFixed(2).padStart(5)}s`;
          console.log(`${label} ${scenario.padEnd(6)} ${tool.name.padEnd(13)} run=${String(run).padStart(2)} ${(r.wallMs / 1000).toFixed(3).padStart(7)}s${cpuText} logins=${String(r.logins).padStart(3)} ${status}`);
        }
      }
    }
    if (env['PROFILE'] !== '0' && TOOLS.includes('maand')) {
      const lb = tools.find((t) => t.name === 'lb');
      console.log(await profileMaand({ label, workers, env: sshEnv, maand, lb, layout, mutate: () => mutate(s, fileBytes), out: join(OUT, 'logs') }));
    }
  } finally {
    closeMasters({ dir: join(state, 'ssh') });
    await workers.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(join(OUT, 'logs'), { recursive: true });
  const maandCli = env['MAAND_CLI'] ?? (await snapshotDist(join(ROOT, 'dist'), join(OUT, 'maand-dist')));
  preflight({ needAnsible: TOOLS.some((t) => t.startsWith('ansible')), needStrace: env['PROFILE'] !== '0' && TOOLS.includes('maand'), maandCli });
  console.log(`deploy bench: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; maand ${maandCli}`);
  const records: RunRecord[] = [];
  const t0 = Date.now();
  const cpu = joinCpuAccount();
  try {
    for (const [K, J, F, KB] of SIZES) await benchSize(K, J, F, KB, records, maandCli, cpu);
  } finally {
    cpu.leave();
  }
  const report = formatReport(records, SIZES.map(([K, J]) => `${K}×${J}`), SCENARIOS, TOOLS);
  writeFileSync(join(OUT, 'table.txt'), report);
  console.log(`\n${report}`);
  const bad = records.filter((r) => r.exitCode !== 0 || r.errors.length > 0).length;
  if (bad > 0) {
    console.error(`${bad} deploys failed or did not leave every job deployed and running (see the FAIL lines)`);
    process.exitCode = 1;
  }
  console.log(`deploy bench took ${((Date.now() - t0) / 1000).toFixed(0)} s (load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}); raw runs and logs in ${OUT}`);
}

await main();
