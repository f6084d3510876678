// The maand bucket the benchmark deploys: `maand init`, the harness workers in workers.json, the
// generated jobs in workspace/jobs (which the lower bound and Ansible deploy too), `maand build`.
// A copy of data/ taken right after that first build lets a cold run start from "nothing deployed".
import { chmodSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { WorkerSet } from '../../test/harness/workers.ts';
import { generateJobs, type JobSpec } from './gen-jobs.ts';
import type { Command } from './tools.ts';

export interface MaandBucket {
  root: string;
  jobsDir: string;
  jobs: string[];
  bucketId: string;
  /** `maand build`; returns its wall ms. */
  build(): number;
  /** Restores the catalog of the first build (nothing deployed). */
  forget(): void;
  deployCommand(): Command;
}

export interface MaandBucketOptions {
  root: string;
  workers: WorkerSet;
  spec: JobSpec;
  /** Node binary and CLI entry that run maand. */
  node: string;
  cli: string;
  /** More maand.conf lines (e.g. ssh_proxy_jump). */
  confExtra?: string;
  /** --known-hosts of the deploy (default: the workers'). */
  knownHosts?: string;
}

export function createMaandBucket(o: MaandBucketOptions): MaandBucket {
  mkdirSync(o.root, { recursive: true });
  const cli = (args: string[]): number => {
    const t0 = performance.now();
    execFileSync(o.node, [o.cli, ...args], { cwd: o.root, stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
    return performance.now() - t0;
  };
  cli(['init']);
  writeFileSync(join(o.root, 'maand.conf'), `use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\n${o.confExtra ?? ''}`);
  copyFileSync(o.workers.clientKey, join(o.root, 'secrets', 'worker.key'));
  chmodSync(join(o.root, 'secrets', 'worker.key'), 0o600);
  writeFileSync(join(o.root, 'workspace', 'workers.json'), JSON.stringify(o.workers.ips.map((ip) => ({ host: ip }))));
  const jobsDir = join(o.root, 'workspace', 'jobs');
  const jobs = generateJobs(jobsDir, o.spec);
  cli(['build']);
  const data = join(o.root, 'data');
  const pristine = join(o.root, '..', 'maand-data-pristine');
  rmSync(pristine, { recursive: true, force: true });
  cpSync(data, pristine, { recursive: true });
  const db = new DatabaseSync(join(data, 'maand.db'), { readOnly: true });
  const row = db.prepare('SELECT bucket_id FROM bucket').get() as { bucket_id: string } | undefined;
  db.close();
  if (row === undefined) throw new Error(`${o.root}: no bucket row after maand build`);
  return {
    root: o.root,
    jobsDir,
    jobs,
    bucketId: row.bucket_id,
    build: () => cli(['build']),
    forget: () => {
      rmSync(data, { recursive: true, force: true });
      cpSync(pristine, data, { recursive: true });
    },
    deployCommand: () => ({
      file: o.node,
      args: [o.cli, 'deploy', '--known-hosts', o.knownHosts ?? o.workers.knownHosts],
      cwd: o.root,
      env: { ...process.env },
    }),
  };
}
