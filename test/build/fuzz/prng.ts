// A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine and Node version.
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
}

/** The seed of case `n` of a run: cases are independent, so one case reproduces without the others. */
export function caseSeed(runSeed: number, n: number): number {
  return (Math.imul(runSeed >>> 0, 0x9e3779b1) + Math.imul(n + 1, 0x85ebca77)) >>> 0;
}
