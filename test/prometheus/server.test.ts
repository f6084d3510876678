// Prometheus at deploy time (kv spec §10.3 items 29-31, deploy spec §28 item 72): scrapeConfigs, ruleFiles,
// staged alert rules and their runbook links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';
import { stageJob } from '../helpers/stage.ts';
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
  return stageOn(b, '10.0.0.1');
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

const RUNBOOK_ALERTS = `groups:
  - name: api
    rules:
      - alert: ApiDown
        expr: up == 0
        annotations:
          runbook: ApiDown
          summary: api is down
      - record: job:up:sum
        expr: sum(up)
`;
const PLAIN_ALERTS = '# no runbooks here\ngroups:\n  - name: api-latency\n    rules:\n      - {alert: ApiSlow, expr: "latency > 1"}\n';

/** A prometheus server on `ip` (optionally without its http port) and an api job whose alert links a runbook. */
async function setupRunbooks(b: TestBucket, ip: string, promPorts: Record<string, number> = { prometheus_port_http: 9090 }, server = 'prometheus'): Promise<void> {
  b.workers([{ host: ip, labels: ['prometheus', 'api'] }]);
  b.job(server, { version: '1.0.0', selectors: ['prometheus'], resources: { ports: promPorts } }, {
    'prometheus.yml.tpl': 'global: {}\n{{ ruleFiles }}',
  });
  b.job('api', { version: '1.0.0', selectors: ['api'] }, {
    '_prometheus/alerts/down.yaml': RUNBOOK_ALERTS,
    '_prometheus/alerts/plain.yml': PLAIN_ALERTS,
    '_prometheus/runbooks/ApiDown.md': '# API down\n\nRestart it.\n',
  });
  await b.build();
}

function stageOn(b: TestBucket, ip: string, job = 'prometheus'): string {
  return b.query((db) => {
    const kv = KvStore.load(db, { key: () => loadKvKey(b.root) });
    return stageJob(db, kv, b.root, {
      allocId: 'a1', job, workerIp: ip, workerId: 'w', labels: ['prometheus', 'worker'], bucketId: 'b', updateSeq: 1,
      currentVersion: '0.0.0', newVersion: '1.0.0', readable: namespacesForAllocation({ job, workerIp: ip, upstreamJobs: [] }),
    });
  });
}

test('an alert rule naming a runbook gets a runbook_url on the staged worker and the prometheus http port, keeping the runbook annotation', () =>
  withBucket(async (b) => {
    await setupRunbooks(b, '10.0.0.7');
    const text = readFileSync(join(stageOn(b, '10.0.0.7'), 'rules', 'api', 'down.yaml'), 'utf8');
    assert.equal(text, `groups:
  - name: api
    rules:
      - alert: ApiDown
        expr: up == 0
        annotations:
          runbook: ApiDown
          summary: api is down
          runbook_url: http://10.0.0.7:9090/consoles/runbooks/api/ApiDown.html
      - record: job:up:sum
        expr: sum(up)
`);
  }));

test('an alert file without runbook annotations is staged byte-identical', () =>
  withBucket(async (b) => {
    await setupRunbooks(b, '10.0.0.7');
    assert.equal(readFileSync(join(stageOn(b, '10.0.0.7'), 'rules', 'api', 'plain.yml'), 'utf8'), PLAIN_ALERTS);
  }));

test('given a runbook link, when the prometheus job declares no prometheus_port_http, then staging fails naming the alert and the port', () =>
  withBucket(async (b) => {
    await setupRunbooks(b, '10.0.0.7', { prometheus_metrics_port: 9091 });
    assert.throws(() => stageOn(b, '10.0.0.7'), {
      name: 'MaandError',
      message: 'invalid job: job api _prometheus/alerts/down.yaml alert ApiDown links a runbook, but job prometheus declares no port prometheus_port_http to serve it (declare resources.ports.prometheus_port_http in workspace/jobs/prometheus/manifest.json, then run maand build)',
    });
  }));

test('given a runbook link, when no job is named prometheus, then staging the server job fails saying so', () =>
  withBucket(async (b) => {
    await setupRunbooks(b, '10.0.0.7', {}, 'monitor');
    assert.throws(() => stageOn(b, '10.0.0.7', 'monitor'), {
      name: 'MaandError',
      message: /^invalid job: job api _prometheus\/alerts\/down\.yaml alert ApiDown links a runbook, but there is no job named prometheus to serve it/,
    });
  }));
