// Port assignment (§8.5). Stateful and order-dependent: jobs and port names are processed in
// byte-wise sorted order, so the same workspace always yields the same numbers.
import { MaandError } from '../errors.ts';
import type { PortPool } from '../bucket/bucket-conf.ts';
import type { PortDecl } from '../bucket/manifest.ts';
import { byteCompare } from '../util/go-json.ts';
import { quoted } from '../util/quoted.ts';

export class PortAllocator {
  private readonly existing: Map<string, Map<string, number>>;
  private readonly used = new Set<number>();
  private readonly pool: PortPool;

  /** `existing`: job → port name → number, as stored in job_ports (including jobs being removed). */
  constructor(pool: PortPool, existing: Map<string, Map<string, number>>) {
    this.pool = pool;
    this.existing = existing;
    for (const ports of existing.values()) for (const n of ports.values()) this.used.add(n);
  }

  /** Resolves the declared ports of `job`; returns name → number in sorted name order. */
  assign(job: string, declared: Map<string, PortDecl>): Array<[string, number]> {
    const current = this.existing.get(job) ?? new Map<string, number>();
    this.existing.set(job, current);
    for (const [name, n] of [...current]) {
      if (!declared.has(name)) {
        this.used.delete(n);
        current.delete(name);
      }
    }
    const out: Array<[string, number]> = [];
    for (const name of [...declared.keys()].sort(byteCompare)) {
      const decl = declared.get(name)!;
      const had = current.get(name);
      if (decl.kind === 'provisioned') {
        if (had !== undefined && had >= this.pool.min && had <= this.pool.max) {
          this.used.add(had);
          out.push([name, had]);
          continue;
        }
        if (had !== undefined) this.used.delete(had);
        const p = this.lowestFree();
        current.set(name, p);
        this.used.add(p);
        out.push([name, p]);
      } else {
        if (had !== undefined && had !== decl.port) this.used.delete(had);
        if (had !== decl.port) {
          if (this.used.has(decl.port)) throw new MaandError('port collision', `port ${decl.port} (job ${job} port ${quoted(name)}) is already used by another port; choose another number or use {} to get one from the pool`);
          current.set(name, decl.port);
          this.used.add(decl.port);
        }
        out.push([name, decl.port]);
      }
    }
    return out;
  }

  private lowestFree(): number {
    for (let p = this.pool.min; p <= this.pool.max; p++) if (!this.used.has(p)) return p;
    throw new MaandError('port range exhausted', `no free ports in range ${this.pool.min}-${this.pool.max} (widen port_min/port_max in workspace/bucket.conf)`);
  }
}
