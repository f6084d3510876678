// The generated bucket workspace the build and state benchmarks share: `workers` workers with room for
// everything and `jobs` jobs placed on all of them, each with a port, a Makefile and five config files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeLargeWorkspace(bucket: string, workers: number, jobs: number): void {
  const hosts = Array.from({ length: workers }, (_, i) => ({ host: `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`, memory: '64 GB', cpu: '64 GHz' }));
  writeFileSync(join(bucket, 'workspace', 'workers.json'), JSON.stringify(hosts));
  for (let j = 0; j < jobs; j++) {
    const name = `job${String(j).padStart(3, '0')}`;
    const dir = join(bucket, 'workspace', 'jobs', name);
    mkdirSync(join(dir, 'conf'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
      version: '1.0.0', selectors: ['worker'], resources: { memory: { max: '64 mb' }, cpu: { max: '50 mhz' }, ports: { [`${name}_port`]: {} } },
    }));
    writeFileSync(join(dir, 'Makefile'), 'start:\n\ttrue\nstop:\n\ttrue\nrestart: stop start\n');
    for (let f = 0; f < 5; f++) writeFileSync(join(dir, 'conf', `file${f}.conf`), `${name} ${f}\n`.repeat(50));
  }
}
