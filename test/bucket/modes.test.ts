// The catalog and the run logs are owner-only (data/ and logs/ 0700, maand.db and log files 0600): a
// new bucket is made so, an older bucket is tightened on its next init, build or deploy, with one note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initBucket } from '../../src/init/index.ts';
import { RunLog } from '../../src/report/log-file.ts';
import { unpackState } from '../../src/state/index.ts';
import type { BuildEvent } from '../../src/build/index.ts';
import { bucketAt, withDir } from '../helpers/bucket.ts';
import { KEY, bucketIdOf, packed, tempDir } from '../state/helpers/fixture.ts';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const init = (root: string) => initBucket({ root, caKeyBits: 1024 });

/** What an older maand left: everything readable by others. */
function widen(root: string): void {
  chmodSync(join(root, 'data'), 0o755);
  chmodSync(join(root, 'data', 'maand.db'), 0o644);
  chmodSync(join(root, 'logs'), 0o755);
  mkdirSync(join(root, 'logs', 'runs', 'r1'), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, 'logs', 'maand.log'), 'old\n', { mode: 0o644 });
  writeFileSync(join(root, 'logs', 'runs', 'r1', 'maand.log'), 'old\n', { mode: 0o644 });
}

test('given an empty directory, when init runs, then data/ and logs/ are 0700 and the catalog 0600, with no note', () =>
  withDir(async (root) => {
    const res = await init(root);
    assert.deepEqual(res.notes, []);
    assert.equal(mode(join(root, 'data')), '700');
    assert.equal(mode(join(root, 'data', 'maand.db')), '600');
    assert.equal(mode(join(root, 'logs')), '700');
    for (const f of readdirSync(join(root, 'data'))) assert.equal(mode(join(root, 'data', f)), '600', `data/${f}`);
  }));

test('given a bucket an older maand left readable by others, when init runs again, then it is tightened with one note, and the next init has none', () =>
  withDir(async (root) => {
    await init(root);
    widen(root);
    const res = await init(root);
    assert.equal(res.notes.length, 1);
    assert.equal(
      res.notes[0],
      'tightened permissions that let other users read the catalog or the logs: data 0755 → 0700, data/maand.db 0644 → 0600, logs 0755 → 0700, 4 entries under it → 0600 (files), 0700 (folders)',
    );
    assert.equal(mode(join(root, 'data')), '700');
    assert.equal(mode(join(root, 'data', 'maand.db')), '600');
    assert.equal(mode(join(root, 'logs')), '700');
    assert.equal(mode(join(root, 'logs', 'runs')), '700');
    assert.equal(mode(join(root, 'logs', 'runs', 'r1', 'maand.log')), '600');
    assert.deepEqual((await init(root)).notes, []);
  }));

test('given a bucket an older maand left readable by others, when it is built, then the build tightens it and says so in one warning event', () =>
  withDir(async (root) => {
    await init(root);
    widen(root);
    const events: BuildEvent[] = [];
    await bucketAt(root).build({ onEvent: (e) => events.push(e) });
    const warnings = events.filter((e) => e.type === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /^tightened permissions that let other users read the catalog or the logs: data 0755 → 0700, data\/maand\.db 0644 → 0600/);
    assert.equal(mode(join(root, 'data', 'maand.db')), '600');
    assert.equal(mode(join(root, 'logs', 'maand.log')), '600');
  }));

test('given a log file an older maand wrote 0644, when a run logs to it, then it and the run\'s new files are 0600 in 0700 folders', () =>
  withDir(async (root) => {
    mkdirSync(join(root, 'logs'), { mode: 0o700 });
    writeFileSync(join(root, 'logs', '10.0.0.1.log'), 'old\n', { mode: 0o644 });
    const log = new RunLog(join(root, 'logs'), { id: 'run-1', command: 'deploy', format: 'kv' });
    log.write({ event: 'x', worker: '10.0.0.1' });
    log.write({ event: 'y' });
    log.close();
    assert.equal(mode(join(root, 'logs', '10.0.0.1.log')), '600');
    assert.equal(mode(join(root, 'logs', 'maand.log')), '600');
    assert.equal(mode(join(root, 'logs', 'runs')), '700');
    assert.equal(mode(join(root, 'logs', 'runs', 'run-1')), '700');
    assert.equal(mode(join(root, 'logs', 'runs', 'run-1', 'maand.log')), '600');
  }));

test('given a state saved from a catalog that was 0644, when it is restored, then the catalog is 0600 in a 0700 data/', () =>
  withDir(async (root) => {
    await init(root);
    chmodSync(join(root, 'data', 'maand.db'), 0o644);
    const { file } = await packed(root, { key: KEY, generation: 1, bucketId: bucketIdOf(root) });
    const dest = tempDir();
    await unpackState(file, dest, { key: KEY });
    assert.ok(existsSync(join(dest, 'data', 'maand.db')));
    assert.equal(mode(join(dest, 'data')), '700');
    assert.equal(mode(join(dest, 'data', 'maand.db')), '600');
  }));
