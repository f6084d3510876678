// One allocation's job tree written to disk, as deploy stages it, for tests that read staged files.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/catalog/db.ts';
import type { KvStore } from '../../src/kv/index.ts';
import { writeJobTree } from '../../src/deploy/job-tree.ts';
import { buildJobTree, type AllocationContext } from '../../src/deploy/staging.ts';

export function stageJob(db: Db, kv: KvStore, bucketRoot: string, ctx: AllocationContext): string {
  const dir = join(bucketRoot, 'tmp', 'stage', ctx.workerIp, 'jobs', ctx.job);
  rmSync(dir, { recursive: true, force: true });
  writeJobTree(buildJobTree(db, kv, ctx), dir);
  return dir;
}
