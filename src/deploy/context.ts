// The data one deploy run shares: the opened bucket, the flags, update_seq, the result being built.
// Worker I/O lives in `link` (WorkerLink); catalog writes go through `checkpoint`.
import type { MaandConf } from '../bucket/maand-conf.ts';
import type { BucketPaths } from '../bucket/paths.ts';
import type { Db } from '../catalog/db.ts';
import type { KvStore } from '../kv/index.ts';
import type { BucketRun, CatalogWorker } from '../run/lifecycle.ts';
import type { HealthPort, HookPort } from '../run/links.ts';
import type { DeployEvent, DeployResult } from './result.ts';
import type { StageArea } from './stage-area.ts';
import type { WorkerLink } from './worker-link.ts';
import { promoteStaged } from './promote.ts';
import type { JobHistory } from '../history/store.ts';

/** Writes the catalog rows that say an allocation now runs what the run sent it. */
export type Promoter = (job: string, allocId: string) => void;
/** Puts a job's files on a worker; an error text when it failed. `lifecycleFollows`: a Makefile target of the job runs there next. */
export type FileSender = (ip: string, job: string, lifecycleFollows: boolean) => Promise<string | undefined>;

export type { CatalogWorker } from '../run/lifecycle.ts';

export interface DeployFlags {
  dryRun: boolean;
  force: boolean;
  syncOnly: boolean;
  /** Trimmed job names; empty = all. */
  jobs: string[];
}

export class DeployContext {
  readonly paths: BucketPaths;
  readonly conf: MaandConf;
  readonly db: Db;
  readonly kv: KvStore;
  readonly bucketId: string;
  updateSeq: number;
  updateSeqBumped = false;
  readonly workers: Map<string, CatalogWorker>;
  readonly flags: DeployFlags;
  readonly useSudo: boolean;
  readonly hooks: HookPort;
  readonly health: HealthPort;
  readonly result: DeployResult;
  /** This run's staging directory (rsync sources, filter files). */
  readonly stage: StageArea;
  readonly link: WorkerLink;
  private readonly run: BucketRun;

  /** This run's id in the deploy history (undefined for a dry run). */
  readonly deployId: number | undefined;
  private readonly promoter: Promoter;
  private readonly files: FileSender | undefined;

  /** `promote` and `files` replace how the rollout records and ships a job's tree (a rollback restores retained releases). */
  constructor(run: BucketRun, init: { flags: DeployFlags; useSudo: boolean; result: DeployResult; link: WorkerLink; promote?: Promoter; files?: FileSender }) {
    this.run = run;
    this.paths = run.paths;
    this.conf = run.conf;
    this.db = run.db;
    this.kv = run.kv;
    this.bucketId = run.bucketId;
    this.updateSeq = run.updateSeq;
    this.workers = new Map(run.workers.map((w) => [w.ip, w]));
    this.flags = init.flags;
    this.useSudo = init.useSudo;
    this.hooks = run.links.hooks;
    this.health = run.links.health;
    this.stage = run.stage;
    this.result = init.result;
    this.link = init.link;
    this.deployId = run.deployId;
    this.promoter = init.promote ?? ((job, allocId) => promoteStaged(this.db, job, allocId, this.deployId));
    this.files = init.files;
  }

  /** Puts the job's tree of this run on a worker (the staged tree by rsync, unless the run says otherwise). */
  sendJobFiles(ip: string, job: string, lifecycleFollows: boolean): Promise<string | undefined> {
    return this.files ? this.files(ip, job, lifecycleFollows) : this.link.sendJobFiles(ip, job, lifecycleFollows);
  }

  /** Records that the worker now runs what this run sent it (call inside a checkpoint). */
  promote(job: string, allocId: string): void {
    this.promoter(job, allocId);
  }

  emit(e: DeployEvent): void {
    this.run.emit(e);
  }

  get signal(): AbortSignal | undefined {
    return this.run.signal;
  }

  get cancelled(): boolean {
    return this.run.signal?.aborted ?? false;
  }

  /** Records a job this run touched in the deploy history. */
  recordJob(j: JobHistory): void {
    this.run.recordJob(j);
  }

  /** Writes pending KV and `fn`'s catalog changes in one committed transaction (a checkpoint, Q6). */
  checkpoint(fn?: () => void): void {
    this.run.checkpoint(fn);
  }
}
