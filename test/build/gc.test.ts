// maand gc (kv spec §1.11, §10.12 items 111-112).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket } from '../helpers/bucket.ts';
import { gc } from '../../src/gc/index.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

test('given every allocation of a job removed (workers gone), gc deletes the rows and empties the job KV', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['vault'] }]);
    b.job('vault', { version: '1.0.0', selectors: ['vault'] });
    await b.build();
    b.kvPut('vars/job/vault', { cluster_initialized: 'true' });
    b.kvPutSecret('secrets/job/vault', { root_token: 't' });
    b.workers([]);
    await b.build();
    const r = gc({ root: b.root });
    assert.equal(r.removedAllocations, 1);
    assert.equal(b.scalar('SELECT COUNT(*) FROM allocations'), 0);
    assert.equal(b.kvGet('vars/job/vault', 'cluster_initialized'), undefined);
    assert.equal(b.kvGet('secrets/job/vault', 'root_token'), undefined);
  }));

test('given a job with one allocation still active, gc keeps its KV', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['vault'] }, { host: '10.0.0.2', labels: ['vault'] }]);
    b.job('vault', { version: '1.0.0', selectors: ['vault'] });
    await b.build();
    b.kvPut('vars/job/vault', { cluster_initialized: 'true' });
    b.workers([{ host: '10.0.0.1', labels: ['vault'] }]);
    await b.build();
    gc({ root: b.root });
    assert.equal(b.kvGet('vars/job/vault', 'cluster_initialized'), 'true');
    assert.equal(b.scalar('SELECT COUNT(*) FROM allocations'), 1);
  }));

test('gc on an uninitialized bucket fails', () =>
  withBucket(async (b) => {
    rmSync(join(b.root, 'data', 'maand.db'));
    assert.throws(() => gc({ root: b.root }), /maand is not initialized/);
  }));
