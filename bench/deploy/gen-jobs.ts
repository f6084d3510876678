// The benchmark's jobs: J folders job01..jobJJ, each with FILES seeded-random data files (~KB
// kilobytes in all, every fourth one under conf/), a maand manifest and the anchor's Makefile whose
// `start` leaves a `sleep 3600` running with its pid in /opt/worker/run/<bucket dir>/<job>.pid.
// Adapted from /work/shared/bench-anchor/gen-bucket.sh (same layout; the bytes come from our own
// seeded generator, so they differ from the anchor's but are the same on every run). The anchor kept
// the pidfiles in <bucket dir>/run, but maand owns /opt/worker/<bucket_id>/ and its rsync --delete
// removes anything there it did not stage (only jobs/*/data, logs, bin… survive), so they moved out.
import { mkdirSync, rmSync, utimesSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface JobSpec {
  jobs: number;
  filesPerJob: number;
  kbPerJob: number;
}

export const MANIFEST = { version: '1.0.0', selectors: ['worker'], max_concurrent_upgrades: 2, max_concurrent_starts: 2 };

// The pidfile lives outside every tool's synced folder, so a redeploy never deletes it.
export const MAKEFILE = [
  '# pidfile lives outside the synced folder: /opt/worker/run/<bucket>/<job>.pid',
  'JOB := $(notdir $(CURDIR))',
  'RUN := $(abspath $(CURDIR)/../../../run)/$(notdir $(abspath $(CURDIR)/../..))',
  'PID := $(RUN)/$(JOB).pid',
  '.PHONY: start stop restart',
  'start:',
  '\t@mkdir -p $(RUN)',
  '\t@if [ -f $(PID) ] && kill -0 $$(cat $(PID)) 2>/dev/null; then echo "$(JOB) already running"; \\',
  '\telse setsid sleep 3600 </dev/null >/dev/null 2>&1 & echo $$! > $(PID); echo "$(JOB) started"; fi',
  'stop:',
  '\t@if [ -f $(PID) ]; then kill $$(cat $(PID)) 2>/dev/null || true; rm -f $(PID); fi',
  '\t@echo "$(JOB) stopped"',
  'restart: stop start',
  '',
].join('\n');

/** mulberry32: a small seeded PRNG, enough for reproducible filler bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(rand: () => number, size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

export function jobName(i: number): string {
  return `job${String(i).padStart(2, '0')}`;
}

/** Relative path of data file i (1-based) of a job. */
export function dataFile(i: number): string {
  return `${i % 4 === 0 ? 'conf/' : ''}file${String(i).padStart(2, '0')}.dat`;
}

const FIXED_TIME = new Date('2024-01-01T00:00:00Z');

/** Writes <jobsDir>/<job>/… for every job (replacing jobsDir); returns the job names. */
export function generateJobs(jobsDir: string, spec: JobSpec): string[] {
  rmSync(jobsDir, { recursive: true, force: true });
  const names: string[] = [];
  for (let j = 1; j <= spec.jobs; j++) {
    const name = jobName(j);
    const dir = join(jobsDir, name);
    const rand = prng(1000 + j);
    const weights = Array.from({ length: spec.filesPerJob }, () => rand() + 0.2);
    const sum = weights.reduce((x, y) => x + y, 0);
    const total = spec.kbPerJob * 1024;
    const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
    sizes[sizes.length - 1]! += total - sizes.reduce((x, y) => x + y, 0);
    sizes.forEach((size, k) => {
      const p = join(dir, dataFile(k + 1));
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, randomBytes(rand, size));
    });
    writeFileSync(join(dir, 'Makefile'), MAKEFILE);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
    names.push(name);
  }
  touchTree(jobsDir);
  return names;
}

/** Fixed mtimes: regenerating gives time-identical trees (rsync -a compares them). */
export function touchTree(dir: string): void {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) touchTree(p);
    utimesSync(p, FIXED_TIME, FIXED_TIME);
  }
  utimesSync(dir, FIXED_TIME, FIXED_TIME);
}

/** The data files of a job, sorted (what validation compares and the change scenario rewrites). */
export function payloadFiles(spec: JobSpec): string[] {
  return [...Array.from({ length: spec.filesPerJob }, (_, i) => dataFile(i + 1)), 'Makefile'].sort();
}
