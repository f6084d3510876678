// Prometheus at deploy time (kv spec §10.3 items 29-31): scrapeConfigs, ruleFiles, staged alert rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';
import { stageJob } from '../../src/deploy/staging.ts';
import { KvStore, loadKvKey, namespacesForAllocation } from '../../src/kv/index.ts';

const SCRAPE = '- job_name: api\n  static_configs:\n    - targets: ["maand:port/_implicit"]\n';
const ALERTS = 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n';

async function setup(b: TestBucket, apiWorkers: boolean): Promise<void> {
  b.workers([{ host: '10.0.0.1', labels: ['prometheus', ...(apiWorkers ? ['api'] : [])] }]);
  b.job('prometheus', { version: '1.0.0', selectors: ['prometheus'] }, {
    'prometheus.yml.tpl': 'global: {}\nscrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ["localhost:9090"]{{ scrapeConfigs }}\n{{ ruleFiles }}',
  });
  b.job('api', { version: '1.0.0', selectors: ['api'], resources: { ports: { api_metrics_port: 30421 } } }, {
    '_prometheus/scrape.yaml': SCRAPE,
    '_prometheus/alerts/slo.yaml': ALERTS,
  });
  await b.build();
}

function stagePrometheus(b: TestBucket): string {
  return b.query((db) => {
    const kv = KvStore.load(db, { key: () => loadKvKey(b.root) });
    const dir = stageJob(db, kv, b.root, {
      allocId: 'a1', job: 'prometheus', workerIp: '10.0.0.1', workerId: 'w', labels: ['prometheus', 'worker'], bucketId: 'b', updateSeq: 1,
      currentVersion: '0.0.0', newVersion: '1.0.0', readable: namespacesForAllocation({ job: 'prometheus', workerIp: '10.0.0.1', upstreamJobs: [] }),
    });
    return dir;
  });
}

test('scrapeConfigs expands maand:port placeholders to the active allocations and ruleFiles lists the alert files', () =>
  withBucket(async (b) => {
    await setup(b, true);
    const dir = stagePrometheus(b);
    const text = readFileSync(join(dir, 'prometheus.yml'), 'utf8');
    assert.match(text, /job_name: self/);
    assert.match(text, /\n  - job_name: api/);
    assert.match(text, /10\.0\.0\.1:30421/);
    assert.match(text, /rule_files:\n  - rules\/maand\/certs\.yaml\n  - rules\/api\/slo\.yaml\n/);
    assert.equal(readFileSync(join(dir, 'rules', 'api', 'slo.yaml'), 'utf8'), ALERTS);
    assert.match(readFileSync(join(dir, 'rules', 'maand', 'certs.yaml'), 'utf8'), /maand cert expired/);
  }));

test('a scrape job without active allocations is left out of scrapeConfigs', () =>
  withBucket(async (b) => {
    await setup(b, false);
    const text = readFileSync(join(stagePrometheus(b), 'prometheus.yml'), 'utf8');
    assert.doesNotMatch(text, /job_name: api/);
  }));
