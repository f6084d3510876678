// Where one run stages what rsync sends: per worker a directory with worker.json, jobs.json, bin/ and a
// link per job to the job's tree, plus the rsync filter files. Everything lives in a private (0700)
// directory that exists for this run only. It is placed in RAM (/dev/shm) when that has room: staged
// trees are written once and read once, and on a busy or slow disk creating thousands of small files
// costs more than the rsync that follows. Trees that do not fit in the RAM budget spill to the bucket's
// tmp/ directory; rsync follows the links either way (--copy-dirlinks).
import { onAbnormalExit } from '../util/exit-cleanup.ts';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { processAlive } from '../util/process.ts';
import { mergeFilterText } from '../remote/rsync.ts';
import { writeJobTree, type JobTree } from './job-tree.ts';
import { writeWorkerFiles, type WorkerFileData } from './worker-files.ts';

export interface StageAreaOptions {
  /** The bucket's tmp/ directory: the fallback, and where trees spill. */
  bucketTmp: string;
  /** A tmpfs to stage in; null stages on disk only. Default /dev/shm when it exists. */
  ramDir?: string | null;
  /** At most this many bytes of trees in RAM (default: half the tmpfs' free space). */
  ramBudgetBytes?: number;
}

const PAGE = 4096;
/** Never take more than this share of the tmpfs' free space (other programs use it too). */
const RAM_SHARE = 0.5;

const PREFIX = 'maand-stage-';
/**
 * Below this much usable tmpfs space the area goes to disk from the start: the per-worker files
 * (worker.json, filters) are always written to the area itself, and a nearly full /dev/shm would fail
 * them with ENOSPC where the disk has room.
 */
const MIN_RAM_BYTES = 1024 * 1024;

/**
 * A run killed outright (SIGKILL, power loss of a container) cannot remove its area, and RAM is not
 * wiped like the bucket's tmp/: remove this user's areas whose process is gone.
 */
export function sweepDeadAreas(ramDir: string): void {
  const uid = process.getuid?.();
  let names: string[];
  try {
    names = readdirSync(ramDir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^maand-stage-(\d+)-/.exec(name);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    const dir = join(ramDir, name);
    try {
      if (uid !== undefined && statSync(dir).uid !== uid) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run swept it first, or it is not ours to remove
    }
  }
}

/** Bytes a tree occupies on a tmpfs: whole pages per file and per directory. */
export function treeFootprint(tree: JobTree): number {
  let bytes = (tree.dirs.size + 1) * PAGE;
  for (const f of tree.files.values()) bytes += Math.max(1, Math.ceil(f.data.length / PAGE)) * PAGE;
  return bytes;
}

export class StageArea {
  readonly dir: string;
  /** True when the area itself is on disk (no tmpfs): trees then never spill elsewhere. */
  readonly onDisk: boolean;
  private readonly bucketTmp: string;
  /** Bytes of RAM still available for trees; 0 when the area is on disk. */
  private ramLeft: number;
  private spillDir: string | undefined;
  private readonly trees = new Map<string, string>();
  private readonly dropExitCleanup: () => void;

  private constructor(dir: string, bucketTmp: string, ramLeft: number, onDisk: boolean) {
    this.dir = dir;
    this.onDisk = onDisk;
    this.bucketTmp = bucketTmp;
    this.ramLeft = ramLeft;
    this.dropExitCleanup = onAbnormalExit(() => this.removeDirs());
  }

  static open(o: StageAreaOptions): StageArea {
    const ram = o.ramDir === undefined ? '/dev/shm' : o.ramDir;
    if (ram !== null) {
      try {
        sweepDeadAreas(ram);
        const fs = statfsSync(ram);
        const budget = Math.floor(fs.bavail * fs.bsize * RAM_SHARE);
        if (budget >= MIN_RAM_BYTES) {
          const dir = mkdtempSync(join(ram, `${PREFIX}${process.pid}-`));
          return new StageArea(dir, o.bucketTmp, Math.min(budget, o.ramBudgetBytes ?? budget), false);
        }
      } catch {
        // no tmpfs here (not Linux, or not writable): stage on disk
      }
    }
    mkdirSync(o.bucketTmp, { recursive: true });
    return new StageArea(mkdtempSync(join(o.bucketTmp, 'stage-')), o.bucketTmp, 0, true);
  }

  /** The rsync source directory of one worker. */
  workerDir(ip: string): string {
    return join(this.dir, 'workers', ip);
  }

  /**
   * Links `<workerDir>/jobs/<job>` to the job's tree, writing the tree the first time a tree with this
   * hash is placed (workers whose trees are identical share one copy).
   */
  placeTree(ip: string, job: string, hash: string, tree: JobTree): void {
    const key = `${job}-${hash}`;
    let path = this.trees.get(key);
    if (path === undefined) {
      const size = treeFootprint(tree);
      if (!this.onDisk && size <= this.ramLeft) {
        this.ramLeft -= size;
        path = join(this.dir, 'trees', key);
        try {
          writeJobTree(tree, path);
        } catch (e) {
          // the tmpfs filled up under us (others use it too): this and later trees go to disk
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
          rmSync(path, { recursive: true, force: true });
          this.ramLeft = 0;
          path = join(this.spill(), key);
          writeJobTree(tree, path);
        }
      } else {
        path = join(this.spill(), key);
        writeJobTree(tree, path);
      }
      this.trees.set(key, path);
    }
    const link = join(this.workerDir(ip), 'jobs', job);
    mkdirSync(dirname(link), { recursive: true });
    rmSync(link, { recursive: true, force: true });
    symlinkSync(path, link, 'dir');
  }

  /** Forgets a worker's staged files (e.g. after its job was cleaned up). */
  dropWorkerJob(ip: string, job?: string): void {
    rmSync(job === undefined ? this.workerDir(ip) : join(this.workerDir(ip), 'jobs', job), { recursive: true, force: true });
  }

  /**
   * What one rsync to a worker sends from: its source directory with the current worker files (when
   * the catalog knows the worker), and a merge filter passing only the trees of `jobs` (none: the
   * bucket-level files alone).
   */
  rsyncSource(ip: string, worker: WorkerFileData | undefined, jobs: string[]): { dir: string; filter: string } {
    const dir = this.workerDir(ip);
    if (worker) writeWorkerFiles(dir, worker);
    const filter = join(this.dir, 'filters', `${ip}-${jobs.join('_') || 'bucket'}.rsync`);
    mkdirSync(dirname(filter), { recursive: true });
    writeFileSync(filter, mergeFilterText(jobs), { mode: 0o600 });
    return { dir, filter };
  }

  close(): void {
    this.dropExitCleanup();
    this.removeDirs();
  }

  private removeDirs(): void {
    rmSync(this.dir, { recursive: true, force: true });
    if (this.spillDir !== undefined) rmSync(this.spillDir, { recursive: true, force: true });
  }

  private spill(): string {
    if (this.onDisk) return join(this.dir, 'trees');
    if (this.spillDir === undefined) {
      mkdirSync(this.bucketTmp, { recursive: true });
      this.spillDir = mkdtempSync(join(this.bucketTmp, 'stage-spill-'));
    }
    return this.spillDir;
  }
}
