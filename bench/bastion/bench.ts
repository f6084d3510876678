// Bastion benchmark (issue 14): K workers × J jobs in a private network namespace, reachable only
// through one bastion sshd with stock MaxStartups 10:30:100 / MaxSessions 10 (test/harness/
// private-fleet.ts). maand (ssh_proxy_jump) against the lower bound doing the same through the same
// bastion (deploy-lb.sh over `ssh -J` with one bastion ControlMaster, with-bastion.sh) and tuned
// Ansible (forks 50, ProxyJump, same master), cold / no-op / one change; then the same again with a
// relay delaying every chunk 25 ms each way in front of the bastion. Each deploy is validated like
// bench/deploy's. Per cell: median wall time, ratio to the lower bound, the connections the bastion
// accepted (relay counter), connections sshd dropped past MaxStartups, and maand's peak RSS.
// Needs root. Knobs in bench/bastion/README.md.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNsRelay, startPrivateFleet, type NsRelay, type PrivateFleet } from '../../test/harness/private-fleet.ts';
import { dataFile, payloadFiles, prng, randomBytes, touchTree } from '../deploy/gen-jobs.ts';
import { createMaandBucket } from '../deploy/maand-bucket.ts';
import { preflight, snapshotDist } from '../deploy/preflight.ts';
import { median } from '../deploy/report.ts';
import { timeCommand } from '../deploy/run-one.ts';
import { closeMasters, writeSshEnv } from '../deploy/ssh-env.ts';
import { makeTool, type Command, type Tool } from '../deploy/tools.ts';
import { wipeWorkers } from '../deploy/wipe.ts';
import { jobPids, sshLogins, validate, type Layout, type Scenario } from '../deploy/validate.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const env = process.env;
const K = Number(env['WORKERS'] ?? 100);
const J = Number(env['JOBS'] ?? 10);
const RUNS = Number(env['RUNS'] ?? 3);
const WARMUP = Number(env['WARMUP'] ?? 1);
const DELAYS = (env['DELAYS'] ?? '0,25').split(',').map(Number);
const TOOLS = (env['TOOLS'] ?? 'lb,maand,ansible-tuned').split(',').filter(Boolean);
const ANSIBLE_RUNS = Number(env['ANSIBLE_RUNS'] ?? 1);
const SCENARIOS = (env['SCENARIOS'] ?? 'cold,noop,change').split(',').filter(Boolean) as Scenario[];
const WORKER_NET = env['BENCH_WORKER_NET'] ?? '127.0.100';
const BASTION_NET = env['BENCH_BASTION_NET'] ?? '127.0.104';
const OUT = env['BENCH_OUT'] ?? mkdtempSync(join(tmpdir(), 'maand-bench-bastion-results-'));
const FILES = 20;
const KB = 200;

interface Row {
  delayMs: number;
  scenario: Scenario;
  tool: string;
  run: number;
  wallMs: number;
  ok: boolean;
  errors: string[];
  logins: number;
  bastionConns: number;
  drops: number;
  peakKiB?: number;
}

/** The bastion sshd's "drop connection … past MaxStartups" lines so far. */
function maxStartupDrops(f: PrivateFleet): number {
  return readFileSync(f.bastion.logFile(f.bastion.ips[0]!), 'utf8').split('\n').filter((l) => l.includes('past MaxStartups')).length;
}

/** maand under /usr/bin/time: its peak RSS (KiB) lands in `memFile`. */
function withPeakMemory(cmd: Command, memFile: string): Command {
  return { ...cmd, file: '/usr/bin/time', args: ['-f', '%M', '-o', memFile, cmd.file, ...cmd.args] };
}

function peakKiB(memFile: string): number | undefined {
  const last = readFileSync(memFile, 'utf8').trim().split('\n').at(-1);
  return last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
}

function formatTables(rows: Row[], tools: string[]): string {
  const out: string[] = [];
  const cell = (d: number, sc: Scenario, t: string): Row[] => rows.filter((r) => r.delayMs === d && r.scenario === sc && r.tool === t && r.run >= 0);
  const wall = (rs: Row[]): number => median(rs.map((r) => r.wallMs)) / 1000;
  const others = tools.filter((t) => t !== 'lb');
  for (const d of DELAYS) {
    out.push('', `${K} workers × ${J} jobs behind one bastion${d > 0 ? `, +${d} ms each way in front of the bastion` : ''}: median wall s [bastion connections accepted / dropped past MaxStartups] (worker logins)`);
    out.push(['scenario'.padEnd(9), ...tools.map((t) => t.padEnd(24)), ...others.map((t) => `${t}/lb`.padEnd(18)), 'maand peak RSS'].join(' '));
    for (const sc of SCENARIOS) {
      const line = [sc.padEnd(9)];
      for (const t of tools) {
        const rs = cell(d, sc, t);
        const bad = rs.filter((r) => !r.ok).length;
        line.push((rs.length === 0 ? '-' : `${wall(rs).toFixed(2)}s [${median(rs.map((r) => r.bastionConns))}/${median(rs.map((r) => r.drops))}] (${median(rs.map((r) => r.logins))})${bad > 0 ? ` !${bad}` : ''}`).padEnd(24));
      }
      const lb = cell(d, sc, 'lb');
      for (const t of others) {
        const rs = cell(d, sc, t);
        line.push((rs.length > 0 && lb.length > 0 ? `${(wall(rs) / wall(lb)).toFixed(2)}×` : '-').padEnd(18));
      }
      const mem = cell(d, sc, 'maand').flatMap((r) => (r.peakKiB === undefined ? [] : [r.peakKiB]));
      line.push(mem.length > 0 ? `${(Math.max(...mem) / 1024).toFixed(0)} MiB` : '-');
      out.push(line.join(' ').trimEnd());
    }
    const m = (sc: Scenario): Row[] => cell(d, sc, 'maand');
    const ratio = (sc: Scenario): number => wall(m(sc)) / wall(cell(d, sc, 'lb'));
    if (tools.includes('maand') && tools.includes('lb')) {
      const mark = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
      const mem = Math.max(...SCENARIOS.flatMap((sc) => m(sc).map((r) => r.peakKiB ?? 0))) / 1024;
      out.push(`targets: cold ≤ 1.3× lb ${ratio('cold').toFixed(2)}× ${mark(ratio('cold') <= 1.3)}; one change ≤ 1.3× lb ${ratio('change').toFixed(2)}× ${mark(ratio('change') <= 1.3)}; ` +
        `no-op opens no connection ${mark(m('noop').every((r) => r.bastionConns === 0 && r.logins === 0))}; ` +
        `one bastion connection otherwise ${mark(m('cold').concat(m('change')).every((r) => r.bastionConns === 1 && r.drops === 0))}; peak RSS < 300 MiB ${mem.toFixed(0)} MiB ${mark(mem < 300)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  mkdirSync(join(OUT, 'logs'), { recursive: true });
  const maandCli = env['MAAND_CLI'] ?? (await snapshotDist(join(ROOT, 'dist'), join(OUT, 'maand-dist')));
  preflight({ needAnsible: TOOLS.includes('ansible-tuned'), needStrace: false, maandCli });
  console.log(`bastion bench: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${K} workers × ${J} jobs; ${RUNS} runs + ${WARMUP} warm-up (Ansible ${ANSIBLE_RUNS}, no warm-up); delays ${DELAYS.join(', ')} ms; maand ${maandCli}`);
  const t0 = Date.now();
  const fleet = await startPrivateFleet({ name: 'bench', workerNet: WORKER_NET, bastionNet: BASTION_NET, count: K });
  console.log(`${K} workers and the bastion up in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const state = mkdtempSync(join(tmpdir(), 'maand-bench-bastion-'));
  const bastionIp = fleet.bastion.ips[0]!;
  let relay: NsRelay = fleet.relay;
  const rows: Row[] = [];
  try {
    const workers = fleet.workers;
    const sshEnv = writeSshEnv(join(state, 'ssh'), workers, WORKER_NET, { host: bastionIp, knownHosts: fleet.knownHosts });
    const spec = { jobs: J, filesPerJob: FILES, kbPerJob: KB };
    const maand = createMaandBucket({
      root: join(state, 'bucket'), workers, spec, node: process.execPath, cli: maandCli,
      confExtra: `ssh_proxy_jump = 'root@${bastionIp}'\n`, knownHosts: fleet.knownHosts,
    });
    const tools = TOOLS.map((name) => makeTool(name as 'lb' | 'maand' | 'ansible-tuned', { env: sshEnv, maand, workerCount: K, mode: 'copyall', forks: 50 }));
    const layout: Layout = { workers, jobsDir: maand.jobsDir, jobs: maand.jobs, files: payloadFiles(spec) };
    const changedJob = maand.jobs[Math.min(4, J - 1)]!;
    const changedFile = dataFile(Math.min(7, FILES));
    const fileBytes = statSync(join(maand.jobsDir, changedJob, changedFile)).size;
    let mutation = 0;
    const mutate = (): void => {
      writeFileSync(join(layout.jobsDir, changedJob, changedFile), randomBytes(prng(7_000_000 + ++mutation + (Date.now() % 1_000_000)), fileBytes));
      touchTree(join(layout.jobsDir, changedJob));
    };
    // the pristine catalog predates the changed file of an earlier change run: build it in (untimed)
    const forget = (tool: Tool): void => {
      tool.forget();
      if (mutation > 0) tool.refresh();
    };
    const runsOf = (t: Tool): [number, number] => (t.name === 'ansible-tuned' ? [0, ANSIBLE_RUNS] : [WARMUP, RUNS]);

    const oneRun = async (delayMs: number, tool: Tool, scenario: Scenario, run: number): Promise<Row> => {
      if (scenario === 'cold') {
        wipeWorkers(workers, layout.jobs);
        forget(tool);
      }
      if (scenario === 'change') {
        mutate();
        tool.refresh();
      }
      closeMasters(sshEnv);
      const before = jobPids(layout, tool.remoteBase);
      const logins0 = sshLogins(workers);
      const conns0 = relay.connections();
      const drops0 = maxStartupDrops(fleet);
      const tag = `${delayMs}ms-${scenario}-${tool.name}-${run}`;
      const memFile = join(OUT, 'logs', `${tag}.mem`);
      const cmd = tool.name === 'maand' ? withPeakMemory(tool.deploy(), memFile) : tool.deploy();
      const log = join(OUT, 'logs', `${tag}.log`);
      const t = await timeCommand(cmd, log);
      await sleep(300); // sshd writes its log lines right after the login
      const errors = validate(layout, tool.remoteBase, scenario, changedJob, before, jobPids(layout, tool.remoteBase));
      if (t.exitCode !== 0) errors.unshift(`exit ${t.exitCode} (see ${log})`);
      return {
        delayMs, scenario, tool: tool.name, run, wallMs: t.wallMs, ok: errors.length === 0, errors,
        logins: sshLogins(workers) - logins0, bastionConns: relay.connections() - conns0, drops: maxStartupDrops(fleet) - drops0,
        ...(tool.name === 'maand' ? { peakKiB: peakKiB(memFile) } : {}),
      };
    };

    for (const delayMs of DELAYS) {
      if (delayMs !== 0 || relay !== fleet.relay) {
        await relay.close();
        relay = await startNsRelay(fleet.netns, bastionIp, 22, delayMs);
      }
      console.log(`\n== ${K}×${J} behind the bastion, relay delay ${delayMs} ms each way`);
      for (const scenario of SCENARIOS) {
        if (scenario === 'noop') {
          // cold runs wipe every worker before each tool: bring each tool's folder up to date first
          const done = new Set<string>();
          for (const tool of tools) {
            if (done.has(tool.remoteBase)) continue;
            done.add(tool.remoteBase);
            forget(tool);
            closeMasters(sshEnv);
            const t = await timeCommand(tool.deploy(), join(OUT, 'logs', `${delayMs}ms-setup-${tool.name}.log`));
            if (t.exitCode !== 0) throw new Error(`${tool.name}: setup deploy before noop failed (see ${OUT}/logs)`);
          }
        }
        for (let run = -WARMUP; run < RUNS; run++) {
          const order = tools.map((_, i) => tools[(i + run + WARMUP) % tools.length]!);
          for (const tool of order) {
            const [warm, runs] = runsOf(tool);
            if (run < -warm || run >= runs) continue;
            const r = await oneRun(delayMs, tool, scenario, run);
            rows.push(r);
            appendFileSync(join(OUT, 'raw.jsonl'), `${JSON.stringify(r)}\n`);
            const mem = r.peakKiB === undefined ? '' : ` peak=${(r.peakKiB / 1024).toFixed(0)}MiB`;
            console.log(`+${delayMs}ms ${scenario.padEnd(6)} ${tool.name.padEnd(13)} run=${String(run).padStart(2)} ${(r.wallMs / 1000).toFixed(3).padStart(7)}s bastion=${r.bastionConns} dropped=${r.drops} logins=${String(r.logins).padStart(3)}${mem} ${r.ok ? 'OK' : `FAIL ${r.errors.slice(0, 3).join('; ')}`}`);
          }
        }
      }
    }
  } finally {
    closeMasters({ dir: join(state, 'ssh') });
    if (relay !== fleet.relay) await relay.close();
    await fleet.stop();
    rmSync(state, { recursive: true, force: true });
  }
  const table = formatTables(rows, TOOLS);
  writeFileSync(join(OUT, 'table.txt'), table);
  console.log(table);
  const bad = rows.filter((r) => !r.ok).length;
  if (bad > 0) {
    console.error(`${bad} deploys failed or did not leave every job deployed and running (see the FAIL lines)`);
    process.exitCode = 1;
  }
  console.log(`bastion bench took ${((Date.now() - t0) / 1000).toFixed(0)} s (load average now ${loadavg().map((x) => x.toFixed(2)).join(' ')}); raw runs and logs in ${OUT}`);
}

await main();
