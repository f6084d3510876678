// Rollout order of a phase (deploy spec §14, decision Q11): KV `rollout_order` is a priority list —
// listed candidates first in its order, the rest in default order (worker position, then IP).

export interface RolloutOrder {
  order: string[];
  /** Comma-joined full order (ROLLOUT_ORDER for hooks). */
  full: string;
  source: 'kv' | 'default';
  /** Entries of rollout_order that are not candidates of this phase (reported, then ignored). */
  ignored: string[];
}

/** `defaultOrder`: the job's allocations by worker position then IP; `candidates`: this phase's IPs. */
export function rolloutOrder(candidates: string[], defaultOrder: string[], kvValue: string | undefined): RolloutOrder {
  const cand = new Set(candidates);
  const base = [...defaultOrder.filter((ip) => cand.has(ip)), ...candidates.filter((ip) => !defaultOrder.includes(ip))];
  const listed = (kvValue ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (listed.length === 0) return { order: base, full: base.join(','), source: 'default', ignored: [] };
  const seen = new Set<string>();
  const first: string[] = [];
  const ignored: string[] = [];
  for (const ip of listed) {
    if (seen.has(ip)) continue;
    seen.add(ip);
    if (cand.has(ip)) first.push(ip);
    else ignored.push(ip);
  }
  if (first.length === 0) return { order: base, full: base.join(','), source: 'default', ignored };
  const order = [...first, ...base.filter((ip) => !seen.has(ip))];
  return { order, full: order.join(','), source: 'kv', ignored };
}

/** Consecutive slices; size < 1 or > n means one batch of all. */
export function batches<T>(items: T[], size: number): T[][] {
  const n = size < 1 || size > items.length ? items.length : size;
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
