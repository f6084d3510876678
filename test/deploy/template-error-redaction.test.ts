// Issue 15, finding 9: a template error quoting a secret (`int (getSecret …)` → strconv.Atoi: parsing
// "<secret>") must not carry the value: staging and the build's scrape template say [secret] instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket } from '../helpers/bucket.ts';
import { buildJobTree } from '../../src/deploy/staging.ts';
import { KvStore, loadKvKey, namespacesForAllocation } from '../../src/kv/index.ts';

const SECRET = 'pw-7c1e9a-not-a-number';

test('given a job template with int (getSecret "db_password"), when it is staged, then the error names the template and says [secret], not the value', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('api', { version: '1.0.0', selectors: ['worker'] }, { 'app.conf.tpl': 'port={{ int (getSecret "db_password") }}\n' });
    await b.build();
    b.kvPutSecret('secrets/job/api', { db_password: SECRET });
    const err = b.query((db) => {
      try {
        buildJobTree(db, KvStore.load(db, { key: () => loadKvKey(b.root) }), {
          allocId: 'a1', job: 'api', workerIp: '10.0.0.1', workerId: 'w', labels: [], bucketId: 'b', updateSeq: 1,
          currentVersion: '0.0.0', newVersion: '1.0.0', readable: namespacesForAllocation({ job: 'api', workerIp: '10.0.0.1', upstreamJobs: [] }),
        });
      } catch (e) {
        return e as Error;
      }
      assert.fail('the template should fail');
    });
    assert.match(err.message, /^invalid job: job api worker 10\.0\.0\.1: execute template app\.conf\.tpl: .*strconv\.Atoi: parsing "\[secret\]": invalid syntax$/);
    assert.ok(!err.message.includes(SECRET));
  }));

test('given a scrape.yaml.tpl with int (getSecret "port"), when the build renders it, then the build error says [secret], not the value', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('prometheus', { version: '1.0.0' }, { 'prometheus.yml': 'scrape_configs: []\n' });
    b.job('api', { version: '1.0.0', selectors: ['worker'] }, { '_prometheus/scrape.yaml.tpl': '- job_name: x\n  port: {{ int (getSecret "port") }}\n' });
    b.kvPutSecret('secrets/job/api', { port: SECRET });
    const err = await b.buildError();
    assert.match(err.message, /scrape\.yaml\.tpl: .*strconv\.Atoi: parsing "\[secret\]": invalid syntax/);
    assert.ok(!err.message.includes(SECRET));
  }));
