// Build step 14: per-worker memory/CPU capacity over active allocations (§8.12).
import { MaandError } from '../errors.ts';
import { goFixed2 } from '../util/go-format.ts';
import type { Db } from '../catalog/db.ts';

export function checkCapacity(db: Db): void {
  const rows = db
    .prepare(
      `SELECT a.worker_ip AS ip, j.current_memory_mb AS mem, j.current_cpu_mhz AS cpu, w.available_memory_mb AS wmem, w.available_cpu_mhz AS wcpu
       FROM allocations a JOIN job j ON j.name = a.job JOIN worker w ON w.worker_ip = a.worker_ip
       WHERE a.removed = 0 AND a.disabled = 0 ORDER BY a.worker_ip`,
    )
    .all() as Array<{ ip: string; mem: string; cpu: string; wmem: string; wcpu: string }>;
  const per = new Map<string, { mem: number; cpu: number; wmem: number; wcpu: number }>();
  for (const r of rows) {
    const p = per.get(r.ip) ?? { mem: 0, cpu: 0, wmem: Number(r.wmem), wcpu: Number(r.wcpu) };
    p.mem += Number(r.mem);
    p.cpu += Number(r.cpu);
    per.set(r.ip, p);
  }
  const lines: string[] = [];
  for (const ip of [...per.keys()].sort()) {
    const p = per.get(ip)!;
    if (p.mem > 0 && p.wmem <= 0) lines.push(`worker_ip ${ip} must specify memory in workers.json (allocated jobs require ${goFixed2(p.mem)} MB)`);
    else if (p.mem > 0 && p.wmem < p.mem) lines.push(`worker_ip ${ip}, available memory is ${goFixed2(p.wmem)} MB, required memory is ${goFixed2(p.mem)} MB`);
    if (p.cpu > 0 && p.wcpu <= 0) lines.push(`worker_ip ${ip} must specify cpu in workers.json (allocated jobs require ${goFixed2(p.cpu)} MHZ)`);
    else if (p.cpu > 0 && p.wcpu < p.cpu) lines.push(`worker_ip ${ip}, available cpu is ${goFixed2(p.wcpu)} MHZ, required cpu is ${goFixed2(p.cpu)} MHZ`);
  }
  if (lines.length > 0) {
    const e = new MaandError('insufficient resource');
    e.message = `insufficient resource\n${lines.join('\n')}`;
    throw e;
  }
}
