// `maand build`: reconcile the workspace into the catalog in one transaction (§8.2), then post_build.
// Any error before the commit leaves the catalog exactly as it was; tmp/ is always removed.
import { rmSync, mkdirSync } from 'node:fs';
import { MaandError } from '../errors.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { readMaandConf } from '../bucket/maand-conf.ts';
import { readWorkersJson } from '../bucket/workers-json.ts';
import { asDatabaseError, inTransactionAsync, openDb } from '../catalog/db.ts';
import { checkSchema } from '../catalog/gate.ts';
import { bucketRow } from '../catalog/queries.ts';
import { dropPlaintextCertKeyHistory, KvStore, loadKvKey, purgeStaleVersions, type SecretListener } from '../kv/index.ts';
import type { BuildContext, BuildEvent } from './context.ts';
import { syncWorkers } from './workers.ts';
import { prescanJobs, syncJobs } from './jobs.ts';
import { validateDemands } from './demands.ts';
import { checkMinAllocations, syncAllocations } from './allocations.ts';
import { computeDeploymentSeq } from './deployment-seq.ts';
import { writeKvVariables } from './kv-vars.ts';
import { syncCertificates } from './certs-step.ts';
import { writeAllocationVariables } from './alloc-vars.ts';
import { buildPrometheusCatalog, type ScrapeRenderer } from './prometheus.ts';
import { scrapeRenderer } from './scrape-template.ts';
import { checkCapacity } from './capacity.ts';
import { runPostBuild } from '../hooks/post-build.ts';
import type { HookOutputLine } from '../hooks/types.ts';
import { withBucketLock } from '../bucket/lock.ts';
import { tightenBucketModes } from '../bucket/modes.ts';
import { LEAF_KEY_BITS } from '../certs/leaf.ts';

export type { BuildEvent } from './context.ts';

export interface BuildOptions {
  root: string;
  /** Base environment of post_build hooks (the entry layer passes process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  onHookOutput?: (line: HookOutputLine) => void;
  signal?: AbortSignal;
  purgeJobKv?: boolean;
  onEvent?: (e: BuildEvent) => void;
  /** Unix seconds; defaults to now. */
  now?: number;
  renderScrape?: ScrapeRenderer;
  /** RSA bits of new leaf keys; defaults to 4096 (tests use 1024, as init's caKeyBits). */
  leafKeyBits?: number;
  /** Told every secret value the build and its post_build hooks create or decrypt (the Action masks them). */
  onSecret?: SecretListener;
}

export interface BuildResult {
  workers: number;
  jobs: number;
  allocations: { active: number; disabled: number; removed: number };
  removedWorkers: string[];
  removedJobs: string[];
  kvChanges: number;
  certsGenerated: number;
}

export const KV_RETAIN_DAYS = 7;

export function build(opts: BuildOptions): Promise<BuildResult> {
  return withBucketLock(opts.root, 'build', () => buildLocked(opts));
}

async function buildLocked(opts: BuildOptions): Promise<BuildResult> {
  const paths = bucketPaths(opts.root);
  const db = openDb(paths.db);
  const emit = opts.onEvent ?? ((): void => {});
  const tightened = tightenBucketModes(paths.root);
  if (tightened) emit({ type: 'warning', message: tightened });
  let certsGenerated = 0;
  try {
    checkSchema(db);
    const conf = readMaandConf(paths.maandConf);
    const ctx: BuildContext = {
      paths, db, conf,
      kv: undefined as unknown as KvStore,
      // Read in the job pre-scan, after workers.json, as the reference does (§8.4).
      jobsConf: { fileName: '', sections: new Map() },
      bucketConf: {},
      bucketId: bucketRow(db).bucket_id,
      now: opts.now ?? Math.floor(Date.now() / 1000),
      purgeJobKv: opts.purgeJobKv ?? false,
      leafKeyBits: opts.leafKeyBits ?? LEAF_KEY_BITS,
      workers: readWorkersJson(paths.workersJson),
      jobs: [], manifests: new Map(), removedWorkers: [], removedJobs: [],
      emit: (e) => {
        if (e.type === 'cert-generated') certsGenerated++;
        emit(e);
      },
    };
    const step = (name: string): void => emit({ type: 'step', step: name });
    // all-or-nothing: any error rolls the whole build back and leaves the catalog as it was
    const kvChanges = await inTransactionAsync(db, async () => {
      ctx.kv = KvStore.load(db, { key: () => loadKvKey(paths.root), ...(opts.onSecret ? { onSecret: opts.onSecret } : {}) });
      step('workers');
      syncWorkers(ctx);
      step('jobs');
      const ports = prescanJobs(ctx);
      syncJobs(ctx, ports);
      validateDemands(ctx.jobs, ctx.manifests);
      step('allocations');
      syncAllocations(ctx);
      checkMinAllocations(ctx);
      computeDeploymentSeq(db);
      step('kv');
      writeKvVariables(ctx);
      step('certificates');
      await syncCertificates(ctx);
      writeAllocationVariables(ctx);
      buildPrometheusCatalog(ctx, opts.renderScrape ?? scrapeRenderer(ctx));
      mkdirSync(paths.tmpDir, { recursive: true });
      purgeStaleVersions(db, KV_RETAIN_DAYS, ctx.now);
      checkCapacity(db);
      const changes = ctx.kv.persist(db, ctx.now);
      dropPlaintextCertKeyHistory(db);
      return changes;
    });
    try {
      db.exec('VACUUM');
    } catch (e) {
      throw new MaandError('database error', `VACUUM: ${(e as Error).message}`);
    }
    const post = await runPostBuild({
      root: paths.root, db,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.onHookOutput ? { onOutput: opts.onHookOutput } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onSecret ? { onSecret: opts.onSecret } : {}),
    });
    if (post.error) throw post.error;
    return summarize(ctx, kvChanges, certsGenerated);
  } catch (e) {
    throw asDatabaseError(e);
  } finally {
    db.close();
    rmSync(paths.tmpDir, { recursive: true, force: true });
  }
}

function summarize(ctx: BuildContext, kvChanges: number, certsGenerated: number): BuildResult {
  const rows = ctx.db.prepare('SELECT disabled, removed FROM allocations').all() as Array<{ disabled: number; removed: number }>;
  return {
    workers: ctx.workers.length,
    jobs: ctx.jobs.length,
    allocations: {
      active: rows.filter((r) => r.removed === 0 && r.disabled === 0).length,
      disabled: rows.filter((r) => r.removed === 0 && r.disabled === 1).length,
      removed: rows.filter((r) => r.removed === 1).length,
    },
    removedWorkers: ctx.removedWorkers,
    removedJobs: ctx.removedJobs,
    kvChanges,
    certsGenerated,
  };
}
