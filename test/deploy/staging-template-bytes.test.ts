// Staging writes a rendered template as the bytes Go's text/template writes: a `.tpl` file's
// invalid UTF-8 bytes and the raw bytes of a string sliced inside a character stay as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBucket } from '../helpers/bucket.ts';
import { stageJob } from '../helpers/stage.ts';
import { KvStore, loadKvKey, namespacesForAllocation } from '../../src/kv/index.ts';

test('given a template with a raw byte and a slice inside a character, when staged, then the file holds the raw bytes', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['app'] }]);
    b.job('app', { version: '1.0.0', selectors: ['app'] }, {});
    const tpl = Buffer.concat([Buffer.from('a'), Buffer.from([0xff]), Buffer.from('b {{ slice "é" 0 1 }}|{{ len "😀" }}\n')]);
    writeFileSync(join(b.root, 'workspace', 'jobs', 'app', 'raw.conf.tpl'), tpl);
    await b.build();
    const dir = b.query((db) => stageJob(db, KvStore.load(db, { key: () => loadKvKey(b.root) }), b.root, {
      allocId: 'a1', job: 'app', workerIp: '10.0.0.1', workerId: 'w', labels: ['app'], bucketId: 'b', updateSeq: 1,
      currentVersion: '0.0.0', newVersion: '1.0.0', readable: namespacesForAllocation({ job: 'app', workerIp: '10.0.0.1', upstreamJobs: [] }),
    }));
    assert.equal(readFileSync(join(dir, 'raw.conf')).toString('hex'), Buffer.concat([Buffer.from('a'), Buffer.from([0xff]), Buffer.from('b '), Buffer.from([0xc3]), Buffer.from('|4\n')]).toString('hex'));
  }));
