// State shared by the build steps of one `maand build` run.
import type { BucketPaths } from '../bucket/paths.ts';
import type { MaandConf } from '../bucket/maand-conf.ts';
import type { Manifest } from '../bucket/manifest.ts';
import type { WorkerSpec } from '../bucket/workers-json.ts';
import type { JobsConf } from '../bucket/bucket-conf.ts';
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';

export type BuildEvent =
  | { type: 'step'; step: string }
  | { type: 'cert-generated'; job: string; cert: string; workers: string[] }
  | { type: 'warning'; message: string };

export interface BuildContext {
  paths: BucketPaths;
  db: Db;
  kv: KvStore;
  conf: MaandConf;
  jobsConf: JobsConf;
  bucketConf: Record<string, string>;
  bucketId: string;
  /** Unix seconds, fixed for the run. */
  now: number;
  purgeJobKv: boolean;
  /** RSA bits of new leaf keys (4096; tests use 1024 as the reference's MAAND_TEST does). */
  leafKeyBits: number;
  workers: WorkerSpec[];
  /** Workspace jobs, sorted byte-wise. */
  jobs: string[];
  manifests: Map<string, Manifest>;
  removedWorkers: string[];
  removedJobs: string[];
  emit: (e: BuildEvent) => void;
}
