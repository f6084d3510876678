// The table of median wall times per (size × scenario × tool), the ratios to the lower bound, maand
// against tuned Ansible, and the issue's targets for maand.
import type { Scenario } from './validate.ts';

export interface RunRecord {
  size: string;
  scenario: Scenario;
  tool: string;
  run: number;
  warmup: boolean;
  wallMs: number;
  exitCode: number;
  /** New ssh logins the workers' sshd accepted during the deploy. */
  logins: number;
  errors: string[];
  /** Untimed preparation the tool needed (maand build after a file change). */
  refreshMs: number;
  /** CPU seconds of the deploy, controller and workers (undefined without cpuacct). */
  cpuS?: number;
  /** CPU seconds other processes on the machine used during the deploy. */
  foreignS?: number;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Cell {
  wall: number;
  cpu: number | undefined;
  foreign: number | undefined;
  logins: number;
  refresh: number;
  failed: number;
  n: number;
}

function cells(records: RunRecord[]): Map<string, Cell> {
  const groups = new Map<string, RunRecord[]>();
  for (const r of records) {
    if (r.warmup) continue;
    const k = `${r.size}|${r.scenario}|${r.tool}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out = new Map<string, Cell>();
  for (const [k, rs] of groups) {
    out.set(k, {
      wall: median(rs.map((r) => r.wallMs)) / 1000,
      cpu: rs.every((r) => r.cpuS !== undefined) ? median(rs.map((r) => r.cpuS!)) : undefined,
      foreign: rs.every((r) => r.foreignS !== undefined) ? median(rs.map((r) => r.foreignS!)) : undefined,
      logins: median(rs.map((r) => r.logins)),
      refresh: median(rs.map((r) => r.refreshMs)) / 1000,
      failed: rs.filter((r) => r.exitCode !== 0 || r.errors.length > 0).length,
      n: rs.length,
    });
  }
  return out;
}

const pad = (s: string, n: number): string => s.padEnd(n);
const ratio = (a: Cell | undefined, b: Cell | undefined): string => (a && b ? `${(a.wall / b.wall).toFixed(2)}×` : '-');

export function formatReport(records: RunRecord[], sizes: string[], scenarios: Scenario[], tools: string[]): string {
  const c = cells(records);
  const get = (size: string, sc: string, tool: string): Cell | undefined => c.get(`${size}|${sc}|${tool}`);
  const lines: string[] = [];
  const ratioCols = tools.filter((t) => t !== 'lb').map((t) => `${t}/lb`);
  const showVs = tools.includes('maand') && tools.includes('ansible-tuned');
  lines.push('median wall seconds (ssh logins accepted by the workers; ! = runs that failed validation)');
  lines.push([pad('workers×jobs', 13), pad('scenario', 9), ...tools.map((t) => pad(t, 17)), ...ratioCols.map((r) => pad(r, 19)), ...(showVs ? ['ansible-tuned/maand'] : [])].join(' '));
  for (const size of sizes) {
    for (const sc of scenarios) {
      const lb = get(size, sc, 'lb');
      const row = [pad(size, 13), pad(sc, 9)];
      for (const t of tools) {
        const x = get(size, sc, t);
        row.push(pad(x ? `${x.wall.toFixed(3)}s (${x.logins})${x.failed > 0 ? ` !${x.failed}/${x.n}` : ''}` : '-', 17));
      }
      for (const t of tools.filter((x) => x !== 'lb')) row.push(pad(ratio(get(size, sc, t), lb), 19));
      if (showVs) row.push(ratio(get(size, sc, 'ansible-tuned'), get(size, sc, 'maand')));
      lines.push(row.join(' ').trimEnd());
    }
  }
  if ([...c.values()].some((x) => x.cpu !== undefined)) {
    lines.push('', 'median CPU seconds of the deploy, controller + workers (median CPU seconds other processes used meanwhile)');
    lines.push([pad('workers×jobs', 13), pad('scenario', 9), ...tools.map((t) => pad(t, 17)), ...ratioCols.map((r) => pad(r, 19))].join(' '));
    for (const size of sizes) {
      for (const sc of scenarios) {
        const cpuOf = (t: string): number | undefined => get(size, sc, t)?.cpu;
        const row = [pad(size, 13), pad(sc, 9)];
        for (const t of tools) {
          const x = get(size, sc, t);
          row.push(pad(x?.cpu !== undefined ? `${x.cpu.toFixed(2)}s (${x.foreign?.toFixed(2)})` : '-', 17));
        }
        for (const t of tools.filter((x) => x !== 'lb')) {
          const a = cpuOf(t);
          const b = cpuOf('lb');
          row.push(pad(a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : '-', 19));
        }
        lines.push(row.join(' ').trimEnd());
      }
    }
  }
  if (tools.includes('maand')) {
    lines.push('', 'maand against the issue\'s targets:');
    const check = (label: string, sc: Scenario, value: (size: string) => number | undefined, ok: (v: number) => boolean, fmt: (v: number) => string): void => {
      if (!scenarios.includes(sc)) return;
      const parts = sizes.map((size) => {
        const v = value(size);
        return v === undefined || Number.isNaN(v) ? `${size}: -` : `${size}: ${fmt(v)} ${ok(v) ? 'PASS' : 'MISS'}`;
      });
      lines.push(`  ${pad(label, 44)} ${parts.join('   ')}`);
    };
    const rel = (a: string, b: string, sc: Scenario) => (size: string): number | undefined => {
      const x = get(size, sc, a);
      const y = get(size, sc, b);
      return x && y ? x.wall / y.wall : undefined;
    };
    check('no-op opens no ssh connection', 'noop', (s) => get(s, 'noop', 'maand')?.logins, (v) => v === 0, (v) => `${v} logins`);
    if (tools.includes('ansible-tuned')) check('no-op ≥ 5× faster than tuned Ansible', 'noop', rel('ansible-tuned', 'maand', 'noop'), (v) => v >= 5, (v) => `${v.toFixed(2)}×`);
    if (tools.includes('lb')) {
      check('cold ≤ 1.3× the lower bound', 'cold', rel('maand', 'lb', 'cold'), (v) => v <= 1.3, (v) => `${v.toFixed(2)}×`);
      check('one-file change ≤ 1.5× the lower bound', 'change', rel('maand', 'lb', 'change'), (v) => v <= 1.5, (v) => `${v.toFixed(2)}×`);
    }
    const builds = sizes.map((s) => get(s, 'change', 'maand')).filter((x): x is Cell => x !== undefined);
    if (builds.length > 0) lines.push(`  (untimed: maand build after the file change took ${sizes.map((s) => `${s}: ${get(s, 'change', 'maand')?.refresh.toFixed(2) ?? '-'}s`).join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}
