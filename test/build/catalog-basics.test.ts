import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newBucket } from '../helpers/bucket.ts';

test('given three workers and two jobs, when built, then there are six active allocations', async () => {
  const b = await newBucket();
  b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2' }, { host: '10.0.0.3' }]);
  b.job('api', { version: '1.0.0', selectors: ['worker'] });
  b.job('web', { version: '1.0.0', selectors: ['worker'] });
  const res = await b.build();
  assert.equal(res.allocations.active, 6);
  assert.equal(b.rows('SELECT * FROM cat_allocations').length, 6);
  b.cleanup();
});

test('given an invalid manifest, when built, then the build fails naming the job and the catalog file is unchanged', async () => {
  const b = await newBucket();
  b.workers([{ host: '10.0.0.1' }]);
  b.job('api', { version: '1.0.0', selectors: ['worker'] });
  await b.build();
  const { readFileSync } = await import('node:fs');
  const before = readFileSync(`${b.root}/data/maand.db`);
  b.job('bad', '{"version": 1}');
  await assert.rejects(b.build(), (e: Error) => e.message.startsWith('invalid manifest.json: job bad\n'));
  assert.deepEqual(readFileSync(`${b.root}/data/maand.db`), before);
  b.cleanup();
});
