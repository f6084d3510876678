// Where maand's deploy time goes: one strace'd counting run per scenario (not timed against the
// others: strace slows every exec). Reports the controller-side programs started (ssh, rsync, …),
// the time until the first ssh (local work: node start-up, catalog, staging, hashing), the time
// from the last exec to exit, and per-job rollout times from `maand deploy`'s own output. The lower
// bound gets the same exec count for comparison.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { WorkerSet } from '../../test/harness/workers.ts';
import type { MaandBucket } from './maand-bucket.ts';
import { median } from './report.ts';
import { closeMasters, type SshEnv } from './ssh-env.ts';
import type { Command, Tool } from './tools.ts';
import type { Layout, Scenario } from './validate.ts';
import { wipeWorkers } from './wipe.ts';

export interface ProfileInput {
  label: string;
  workers: WorkerSet;
  env: SshEnv;
  maand: MaandBucket;
  lb: Tool | undefined;
  layout: Layout;
  mutate: () => void;
  out: string;
}

interface Traced {
  wallMs: number;
  exitCode: number;
  /** Output lines of the command with ms since start. */
  lines: Array<{ ms: number; text: string }>;
  /** Successful execs: program basename and ms since start. */
  execs: Array<{ prog: string; ms: number; ssh?: 'master-exit' | 'session' }>;
}

function traced(cmd: Command, traceFile: string): Promise<Traced> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const t0 = performance.now();
    const lines: Traced['lines'] = [];
    const child = spawn('strace', ['-f', '--seccomp-bpf', '-qq', '-ttt', '-e', 'trace=execve', '-e', 'status=successful', '-o', traceFile, '--', cmd.file, ...cmd.args], {
      cwd: cmd.cwd, env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    const onData = (b: Buffer): void => {
      const ms = performance.now() - t0;
      buf += b.toString('utf8');
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      for (const text of parts) lines.push({ ms, text });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // a ControlPersist master left behind would keep strace (and us) waiting: give up after 120 s
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      const execs: Traced['execs'] = [];
      for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
        const m = /^\d+\s+(\d+\.\d+)\s+execve\("([^"]*)", \[(.*)\]/.exec(line);
        if (!m) continue;
        const prog = basename(m[2]!);
        const ms = Number(m[1]) * 1000 - start;
        execs.push({ prog, ms, ...(prog === 'ssh' ? { ssh: m[3]!.includes('"-O", "exit"') ? 'master-exit' as const : 'session' as const } : {}) });
      }
      resolve({ wallMs, exitCode: code ?? -1, lines, execs });
    });
  });
}

function counts(t: Traced): string {
  const c = new Map<string, number>();
  for (const e of t.execs) {
    const k = e.ssh === 'master-exit' ? 'ssh -O exit' : e.prog;
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return [...c].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

function describe(name: string, t: Traced): string[] {
  const ssh = t.execs.filter((e) => e.prog === 'ssh' || e.prog === 'rsync');
  const out = [`  ${name}: ${(t.wallMs / 1000).toFixed(2)} s under strace (exit ${t.exitCode}); execs: ${counts(t)}`];
  if (ssh.length > 0) {
    const first = ssh[0]!.ms;
    const last = Math.max(...t.execs.map((e) => e.ms));
    out.push(`    before the first ssh/rsync: ${(first / 1000).toFixed(2)} s; first to last exec: ${((last - first) / 1000).toFixed(2)} s; after the last exec: ${((t.wallMs - last) / 1000).toFixed(2)} s`);
  } else {
    out.push('    no ssh or rsync started');
  }
  const span = (progs: string[]): string => {
    const ms = t.execs.filter((e) => progs.includes(e.prog) && e.ssh !== 'master-exit').map((e) => e.ms);
    return ms.length === 0 ? 'none' : `${ms.length} started between ${(Math.min(...ms) / 1000).toFixed(2)} and ${(Math.max(...ms) / 1000).toFixed(2)} s`;
  };
  if (ssh.length > 0) out.push(`    rsync: ${span(['rsync'])}; ssh: ${span(['ssh'])}`);
  const jobTimes = t.lines.map((l) => /^\s+(\S+): (deployed|unchanged) in ([\d.]+)s/.exec(l.text)).filter((m) => m !== null).map((m) => Number(m[3]));
  if (jobTimes.length > 0) {
    out.push(`    per-job rollout (maand's "deployed in", jobs may overlap): ${jobTimes.length} jobs, median ${median(jobTimes).toFixed(2)} s, max ${Math.max(...jobTimes).toFixed(2)} s`);
  }
  const marks = t.lines.filter((l) => /^== |^deploy /.test(l.text)).map((l) => `${(l.ms / 1000).toFixed(2)}s ${l.text.trim().slice(0, 60)}`);
  if (marks.length > 0) out.push(`    output marks: ${marks.join(' | ')}`);
  return out;
}

/** Self time by function of one maand deploy under node --cpu-prof: the top entries. */
async function cpuProfile(cmd: Command, dir: string, what: string, top = 6): Promise<string[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [cli, ...rest] = cmd.args;
  const child = spawn(cmd.file, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli!, ...rest], { cwd: cmd.cwd, env: cmd.env, stdio: 'ignore' });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (code !== 0 || file === undefined) return [`    (cpu profile run failed: exit ${code})`];
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'}${f.url ? ` ${basename(f.url)}:${f.lineNumber + 1}` : ''}`;
  };
  // maand's own frame nearest to the sample: native I/O (open, mkdir…) is charged to its caller
  const ours = (id: number): string => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') return '(idle: waiting for ssh/rsync or I/O)';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)!.callFrame.url;
      if (/\.index\.js$|\/index\.js$|\/src\//.test(url) && byId.get(cur)!.callFrame.functionName) return label(cur);
    }
    return '(outside maand: start-up, module loading, gc)';
  };
  const self = new Map<string, number>();
  const mine = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    if (!byId.has(id)) return;
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    self.set(label(id), (self.get(label(id)) ?? 0) + dt);
    mine.set(ours(id), (mine.get(ours(id)) ?? 0) + dt);
  });
  const topOf = (m: Map<string, number>): string[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `      ${(ms / 1000).toFixed(2).padStart(6)} s  ${k}`);
  return [
    `    cpu profile of the ${what} (${(total / 1000).toFixed(2)} s of maand's main thread sampled); top self time:`, ...topOf(self),
    '    the same samples charged to the nearest maand function:', ...topOf(mine),
  ];
}

interface CpuProfile {
  nodes: Array<{ id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export async function profileMaand(p: ProfileInput): Promise<string> {
  const out = [`-- ${p.label}: where maand's time goes (one strace -f execve counting run per scenario)`];
  for (const scenario of ['cold', 'noop', 'change'] as Scenario[]) {
    // one preparation for both tools: they keep their state in different worker folders
    if (scenario === 'cold') {
      wipeWorkers(p.workers, p.layout.jobs);
      p.maand.forget();
    }
    if (scenario === 'change') {
      p.mutate();
      p.maand.build();
    }
    out.push(` ${scenario}:`);
    closeMasters(p.env);
    out.push(...describe('maand', await traced(p.maand.deployCommand(), join(p.out, `${p.label}-${scenario}-maand.strace`))));
    // a no-op starts no program: its time is maand's own CPU; a cold deploy does the most local work
    if (scenario === 'noop') out.push(...(await cpuProfile(p.maand.deployCommand(), join(p.out, `${p.label}-noop-cpuprof`), 'no-op')));
    if (scenario === 'cold') {
      wipeWorkers(p.workers, p.layout.jobs);
      p.maand.forget();
      closeMasters(p.env);
      out.push(...(await cpuProfile(p.maand.deployCommand(), join(p.out, `${p.label}-cold-cpuprof`), 'cold deploy')));
    }
    if (p.lb) {
      closeMasters(p.env);
      out.push(...describe('lb', await traced(p.lb.deploy(), join(p.out, `${p.label}-${scenario}-lb.strace`))));
    }
  }
  return out.join('\n');
}
