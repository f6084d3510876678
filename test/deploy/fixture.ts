// A bucket wired to real local sshd workers, for deploy end-to-end tests.
import { copyFileSync, chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newBucket, type TestBucket } from '../helpers/bucket.ts';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { deploy, type DeployOptions } from '../../src/deploy/engine.ts';
import { connectRun } from '../../src/deploy/connect.ts';
import type { DeployEvent, DeployResult } from '../../src/deploy/result.ts';

/** A Makefile whose targets append to data/events.log on the worker (data/ survives deploys). */
export const RECORDING_MAKEFILE = [
  'start:',
  '\t@mkdir -p data && echo "start $(CURRENT_VERSION) $(NEW_VERSION)" >> data/events.log',
  'stop:',
  '\t@mkdir -p data && echo "stop" >> data/events.log',
  'restart:',
  '\t@mkdir -p data && echo "restart $(CURRENT_VERSION) $(NEW_VERSION)" >> data/events.log',
  'reload:',
  '\t@mkdir -p data && echo "reload $(CURRENT_VERSION) $(NEW_VERSION)" >> data/events.log',
  '',
].join('\n');

const WATCHDOG_MS = 90_000;

export interface DeployFixture {
  bucket: TestBucket;
  workers: WorkerSet;
  events: DeployEvent[];
  deploy(opts?: Partial<Omit<DeployOptions, 'root' | 'connect'>>): Promise<DeployResult>;
  /** Lines of data/events.log of a job on a worker ([] when absent). */
  lifecycle(ip: string, job: string): string[];
  remoteFile(ip: string, job: string, path: string): string | undefined;
  bucketId(): string;
  close(): Promise<void>;
}

/** `sudoUser`: reach the workers as that non-root user with use_sudo = true. */
export async function deployFixture(net: string, count = 3, opts: { sudoUser?: string } = {}): Promise<DeployFixture> {
  let step = 'starting workers';
  const t0 = Date.now();
  const watchdog = setInterval(() => process.stderr.write(`deployFixture(${net}) still ${step} after ${Math.round((Date.now() - t0) / 1000)} s\n`), WATCHDOG_MS / 3);
  watchdog.unref();
  let workers: WorkerSet;
  let bucket: TestBucket;
  try {
    workers = await startWorkers({ count, net, ...(opts.sudoUser ? { sudoUser: opts.sudoUser } : {}) });
    step = 'creating the bucket';
    bucket = await newBucket();
  } finally {
    clearInterval(watchdog);
  }
  bucket.write({ 'maand.conf': opts.sudoUser ? `use_sudo = true\nssh_user = '${opts.sudoUser}'\nssh_key = 'worker.key'\n` : "use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\n" });
  copyFileSync(workers.clientKey, join(bucket.root, 'secrets', 'worker.key'));
  chmodSync(join(bucket.root, 'secrets', 'worker.key'), 0o600);
  const events: DeployEvent[] = [];
  const bucketId = (): string => bucket.rows<{ bucket_id: string }>('SELECT bucket_id FROM bucket')[0]!.bucket_id;
  const file = (ip: string, job: string, path: string): string | undefined => {
    try {
      return readFileSync(join(workers.optDir(ip), bucketId(), 'jobs', job, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    bucket,
    workers,
    events,
    async deploy(opts = {}) {
      events.length = 0;
      const t0 = Date.now();
      const log: string[] = [];
      // a deploy that hangs would only show as the runner's timeout: say where it stands meanwhile
      const watchdog = setInterval(() => {
        process.stderr.write(`deploy of ${bucket.root} still running after ${Math.round((Date.now() - t0) / 1000)} s; last events:\n${log.slice(-25).join('\n')}\n`);
      }, WATCHDOG_MS);
      watchdog.unref();
      try {
        return await deploy({
          root: bucket.root,
          ...opts,
          onEvent: (e) => {
            events.push(e);
            log.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${JSON.stringify(e).slice(0, 300)}`);
          },
          connect: connectRun({ ssh: { hostKeyPolicy: 'strict', knownHostsFile: workers.knownHosts }, hookEnv: process.env }),
        });
      } finally {
        clearInterval(watchdog);
      }
    },
    lifecycle(ip, job) {
      return (file(ip, job, 'data/events.log') ?? '').split('\n').filter((l) => l !== '');
    },
    remoteFile: file,
    bucketId,
    async close() {
      await workers.stop();
      bucket.cleanup();
    },
  };
}
