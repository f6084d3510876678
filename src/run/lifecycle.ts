// The one lifecycle of a command that works on a bucket (deploy, drift, job run, health, jobcommand),
// written once: bucket lock → maand.conf → catalog + schema check → KV → staging area → links to the
// workers (ssh, hooks' runtime API, health) → the command's work → close everything in reverse order,
// on success, error or cancel alike. Catalog writes go through `checkpoint` (one transaction each).
import { mkdirSync, rmSync } from 'node:fs';
import { withBucketLock } from '../bucket/lock.ts';
import { readMaandConf, type MaandConf } from '../bucket/maand-conf.ts';
import { bucketPaths, type BucketPaths } from '../bucket/paths.ts';
import { assertWritable, catalogError, inTransaction, openDb, type Db } from '../catalog/db.ts';
import { checkSchema } from '../catalog/gate.ts';
import { bucketRow, workerLabels, workersByPosition } from '../catalog/queries.ts';
import { InternalError } from '../errors.ts';
import { KvStore, loadKvKey, type SecretListener } from '../kv/index.ts';
import { onAbnormalExit } from '../util/exit-cleanup.ts';
import { tightenBucketModes } from '../bucket/modes.ts';
import type { DeployEvent } from '../deploy/result.ts';
import { StageArea } from '../deploy/stage-area.ts';
import type { Connect, RunLinks } from './links.ts';
import { beginRun, finishRun, recordJob, type JobHistory, type RunOrigin, type RunOutcome } from '../history/store.ts';
import { resolveOrigin } from '../history/origin.ts';

export interface CatalogWorker {
  workerId: string;
  ip: string;
  position: number;
  labels: string[];
}

export interface RunOptions {
  root: string;
  /** What the bucket lock says is running (`deploy`, `drift`, `job run api`, …). */
  command: string;
  onEvent?: (e: DeployEvent) => void;
  signal?: AbortSignal;
  /** Wires ssh, hooks and health checks for the run; without it the run has no links. */
  connect?: Connect;
  /** Staged trees (rsync sources) in a private area; `ramDir` as StageArea's (null: the bucket's tmp/). */
  stage?: { ramDir?: string | null };
  /** A dry run: `checkpoint` writes nothing. */
  readOnly?: boolean;
  /** Told every secret value the run (templates, hooks, certificates) creates or decrypts. */
  onSecret?: SecretListener;
  /**
   * Records the run in the deploy history under this command (`deploy`, `rollback`, …) when it starts,
   * and its outcome when it ends (decision Q35: never for a read-only run).
   */
  history?: { command: string; origin?: RunOrigin };
}

/** What a command's work gets: the opened bucket, and the links and staging area it asked for. */
export interface BucketRun {
  readonly paths: BucketPaths;
  readonly conf: MaandConf;
  readonly db: Db;
  readonly kv: KvStore;
  readonly bucketId: string;
  /** update_seq when the run started. */
  readonly updateSeq: number;
  /** Catalog workers by position. */
  readonly workers: CatalogWorker[];
  readonly signal: AbortSignal | undefined;
  readonly readOnly: boolean;
  emit(e: DeployEvent): void;
  /** The links of `connect` (an InternalError when the run was opened without). */
  readonly links: RunLinks;
  /** The staging area of `stage` (an InternalError when the run was opened without). */
  readonly stage: StageArea;
  /** Commits `fn`'s catalog writes and the KV written so far in one transaction (decision Q6). */
  checkpoint(fn?: () => void): void;
  /** This run's id in the deploy history; undefined when the run is not recorded. */
  readonly deployId: number | undefined;
  /** Records a job the run touched (committed at once, so a killed run keeps what it did). */
  recordJob(j: JobHistory): void;
  /** The outcome the history gets when the work returns (default ok; a throw records failed/cancelled). */
  setOutcome(o: Exclude<RunOutcome, 'running' | 'interrupted'>): void;
}

export function withRun<T>(o: RunOptions, work: (run: BucketRun) => Promise<T>): Promise<T> {
  return withBucketLock(o.root, o.command, () => runLocked(o, work));
}

async function runLocked<T>(o: RunOptions, work: (run: BucketRun) => Promise<T>): Promise<T> {
  const paths = bucketPaths(o.root);
  const conf = readMaandConf(paths.maandConf);
  const db = openDb(paths.db);
  let stage: StageArea | undefined;
  let links: RunLinks | undefined;
  let dropTmpCleanup: (() => void) | undefined;
  let deployId: number | undefined;
  let outcome0: Exclude<RunOutcome, 'running' | 'interrupted'> = 'ok';
  let finish: ((threw: boolean) => void) | undefined;
  let threw = true;
  try {
    checkSchema(db);
    // a catalog that cannot take the run's checkpoints fails the run now, before a worker is touched
    if (!o.readOnly) assertWritable(db, paths.db);
    const bucket = bucketRow(db);
    const labels = workerLabels(db);
    const workers = workersByPosition(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
    const kv = KvStore.load(db, { key: () => loadKvKey(paths.root), ...(o.onSecret ? { onSecret: o.onSecret } : {}) });
    const emit = o.onEvent ?? ((): void => {});
    // data/ and logs/ are owner-only; a bucket made by an older maand is tightened once, with a note
    const tightened = tightenBucketModes(paths.root);
    if (tightened) emit({ type: 'warning', message: tightened });
    if (o.stage) {
      // tmp/ belongs to the run holding the lock: what an earlier, killed run left there goes now
      rmSync(paths.tmpDir, { recursive: true, force: true });
      mkdirSync(paths.tmpDir, { recursive: true });
      dropTmpCleanup = onAbnormalExit(() => rmSync(paths.tmpDir, { recursive: true, force: true }));
      stage = StageArea.open({ bucketTmp: paths.tmpDir, ...(o.stage.ramDir !== undefined ? { ramDir: o.stage.ramDir } : {}) });
    }
    const signal = o.signal;
    const started = Date.now();
    if (o.history && !o.readOnly) {
      const origin = resolveOrigin(paths.root, o.history.origin);
      const cmd = o.history.command;
      deployId = inTransaction(db, () => beginRun(db, cmd, origin, new Date(started)));
      finish = (threw) => {
        const outcome = threw ? (signal?.aborted ? 'cancelled' : 'failed') : (signal?.aborted && outcome0 === 'ok' ? 'cancelled' : outcome0);
        inTransaction(db, () => finishRun(db, deployId!, outcome, Date.now() - started));
      };
    }
    if (o.connect) links = await o.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(signal ? { signal } : {}) });
    const opened = { links, stage };
    const run: BucketRun = {
      paths, conf, db, kv, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, workers, signal, readOnly: o.readOnly === true, emit,
      get links(): RunLinks {
        if (!opened.links) throw new InternalError(`${o.command}: the run was opened without links to the workers`);
        return opened.links;
      },
      get stage(): StageArea {
        if (!opened.stage) throw new InternalError(`${o.command}: the run was opened without a staging area`);
        return opened.stage;
      },
      checkpoint(fn) {
        if (o.readOnly) return;
        try {
          inTransaction(db, () => {
            fn?.();
            kv.persist(db);
          });
        } catch (e) {
          throw catalogError(e, paths.db);
        }
      },
      deployId,
      recordJob(j) {
        if (deployId !== undefined) inTransaction(db, () => recordJob(db, deployId!, j));
      },
      setOutcome(outcome) {
        outcome0 = outcome;
      },
    };
    const out = await work(run);
    threw = false;
    return out;
  } catch (e) {
    throw catalogError(e, paths.db);
  } finally {
    try {
      finish?.(threw);
    } catch {
      // the outcome stays `running` and shows as interrupted on the next start
    }
    try {
      await links?.close();
    } finally {
      stage?.close();
      db.close();
      if (o.stage) rmSync(paths.tmpDir, { recursive: true, force: true });
      dropTmpCleanup?.();
    }
  }
}
