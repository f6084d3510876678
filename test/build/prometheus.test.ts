// The Prometheus catalog in KV maand/prometheus (build-and-catalog §8.13, §9.10, §16.13 items 121-128).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const SCRAPE = '- job_name: api\n  static_configs:\n    - targets: ["maand:port/_implicit"]\n';
const ALERTS = 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n        annotations:\n          runbook: api-down\n';

function server(b: TestBucket): void {
  b.job('prometheus', { version: '1.0.0' }, { 'prometheus.yml.tpl': 'scrape_configs: {{ scrapeConfigs }}\n' });
}

function api(b: TestBucket, files: Record<string, string> = {}, ports: object = { api_metrics_port: {} }): void {
  b.job('api', { version: '1.0.0', resources: { ports } }, {
    '_prometheus/scrape.yaml': SCRAPE,
    '_prometheus/alerts/api.yaml': ALERTS,
    '_prometheus/runbooks/api-down.md': '# down\n',
    ...files,
  });
}

test('a server job and a scraped job give scrape_jobs, unexpanded scrape_configs and the job_name', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['prometheus', 'api'] }]);
    server(b);
    api(b);
    await b.build();
    const ns = b.kvNamespace('maand/prometheus');
    assert.equal(ns['scrape_jobs'], 'api');
    assert.equal(ns['scrape_jobs_length'], '1');
    assert.equal(ns['scrape_configs'], '[{"job_name":"api","static_configs":[{"targets":["maand:port/_implicit"]}]}]');
    assert.equal(ns['scrape/api'], ns['scrape_configs']);
    assert.ok(!ns['scrape_configs']!.includes('10.0.0.1:'));
    assert.deepEqual(Object.keys(ns).sort(), ['scrape/api', 'scrape_configs', 'scrape_jobs', 'scrape_jobs_length']);
    assert.equal(b.kvGet('maand/job/api', 'job_name'), 'api');
  }));

test('without workers a placeholder job is left out of the aggregate but keeps its own scrape entry', () =>
  withBucket(async (b) => {
    server(b);
    api(b);
    await b.build();
    const ns = b.kvNamespace('maand/prometheus');
    assert.deepEqual([ns['scrape_jobs'], ns['scrape_configs'], ns['scrape_jobs_length']], ['', '[]', '0']);
    assert.match(ns['scrape/api']!, /maand:port\/_implicit/);
    assert.equal(b.kvGet('maand/job/api', 'job_name'), 'api');
  }));

test('a scrape config without placeholders is aggregated even without an active allocation', () =>
  withBucket(async (b) => {
    server(b);
    api(b, { '_prometheus/scrape.yaml': '- job_name: api\n  static_configs:\n    - targets: ["10.9.9.9:9100"]\n' });
    await b.build();
    assert.equal(b.kvGet('maand/prometheus', 'scrape_jobs'), 'api');
  }));

test('a scrape.yaml.tpl is rendered with the job context and the KV of the build in progress', () =>
  withBucket(async (b) => {
    server(b);
    b.write({ 'workspace/bucket.conf': 'scheme = "https"\n' });
    b.job('api', { version: ' 2.1 ', resources: { ports: { api_metrics_port: {} } } }, {
      '_prometheus/scrape.yaml.tpl':
        '- job_name: {{ .Job }}\n  scheme: {{ get "vars/bucket" "scheme" }}\n  params: {v: ["{{ .NewVersion }}", "{{ .CurrentVersion }}", "{{ upper (get "maand/job/api" "name") }}"]}\n',
    });
    await b.build();
    assert.equal(b.kvGet('maand/prometheus', 'scrape/api'), '[{"job_name":"api","params":{"v":["2.1","2.1","API"]},"scheme":"https"}]');
    assert.equal(b.kvGet('maand/job/api', 'job_name'), 'api');
  }));

test('a scrape.yaml.tpl may read only its own, bucket and upstream namespaces, and only the build-time functions', () =>
  withBucket(async (b) => {
    server(b);
    b.job('api', {}, { '_prometheus/scrape.yaml.tpl': '- job_name: {{ get "maand/worker" "worker_workers" }}\n' });
    const denied = (await b.buildError()).message;
    assert.ok(denied.startsWith('invalid job: job api scrape.yaml.tpl: '), denied);
    assert.ok(denied.endsWith('maand/worker namespace is not available for job api scrape template'), denied);
    b.job('api', {}, { '_prometheus/scrape.yaml.tpl': '- job_name: {{ getOptional "vars/bucket" "x" }}\n' });
    assert.match((await b.buildError()).message, /^invalid job: job api scrape\.yaml\.tpl: template: .*"getOptional" not defined/);
  }));

test('both scrape.yaml and scrape.yaml.tpl fail only when a server job exists', () =>
  withBucket(async (b) => {
    api(b, { '_prometheus/scrape.yaml.tpl': 'job_name: {{ .Job }}\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/prometheus'), { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
    server(b);
    assert.equal((await b.buildError()).message, 'invalid job: job api cannot define both scrape.yaml and scrape.yaml.tpl');
  }));

test('job_name maand:job resolves to each job\'s own name, so two jobs may use it', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['prometheus', 'api', 'web'] }]);
    server(b);
    const scrape = '- job_name: "maand:job"\n  static_configs:\n    - targets: ["maand:port/metrics_port"]\n';
    b.job('api', { resources: { ports: { metrics_port: {} } } }, { '_prometheus/scrape.yaml': scrape });
    b.job('web', { resources: { ports: { metrics_port: {} } } }, { '_prometheus/scrape.yaml': scrape });
    await b.build();
    assert.equal(b.kvGet('maand/job/api', 'job_name'), 'api');
    assert.equal(b.kvGet('maand/job/web', 'job_name'), 'web');
    assert.equal(b.kvGet('maand/prometheus', 'scrape_jobs'), 'api,web');
    assert.equal(b.kvGet('maand/prometheus', 'scrape/web'), '[{"job_name":"maand:job","static_configs":[{"targets":["maand:port/metrics_port"]}]}]');
  }));

test('the same literal job_name in two jobs, or twice in one job, fails', () =>
  withBucket(async (b) => {
    server(b);
    b.job('a', {}, { '_prometheus/scrape.yaml': '- job_name: x\n' });
    b.job('b', {}, { '_prometheus/scrape.yaml': '- job_name: x\n' });
    assert.equal((await b.buildError()).message, 'invalid job: duplicate prometheus job_name "x" (jobs a and b)');
    b.remove('workspace/jobs/b');
    b.job('a', {}, { '_prometheus/scrape.yaml': '- job_name: x\n- job_name: x\n' });
    assert.equal((await b.buildError()).message, 'invalid job: duplicate prometheus job_name "x" (jobs a and a)');
  }));

test('the first item\'s job_name becomes the job\'s job_name; items are stored as Go JSON', () =>
  withBucket(async (b) => {
    server(b);
    b.job('a', {}, { '_prometheus/scrape.yaml': '- job_name: first\n  scrape_interval: 15s\n  params: {z: [1], a: ["<b>"]}\n- job_name: second\n' });
    await b.build();
    assert.equal(b.kvGet('maand/job/a', 'job_name'), 'first');
    assert.equal(b.kvGet('maand/prometheus', 'scrape/a'), '[{"job_name":"first","params":{"a":["\\u003cb\\u003e"],"z":[1]},"scrape_interval":"15s"},{"job_name":"second"}]');
    assert.equal(b.kvGet('maand/prometheus', 'scrape_jobs'), 'a');
  }));

test('both prometheus.yml and prometheus.yml.tpl in one job fail', () =>
  withBucket(async (b) => {
    b.job('prometheus', {}, { 'prometheus.yml': '', 'prometheus.yml.tpl': '' });
    assert.equal((await b.buildError()).message, 'invalid job: job prometheus cannot define both prometheus.yml and prometheus.yml.tpl');
  }));

test('alert rules: a missing runbook, a duplicate alert name across jobs and an alert without expr fail; a record rule is fine', () =>
  withBucket(async (b) => {
    server(b);
    api(b, { '_prometheus/runbooks/api-down.md': '' });
    b.remove('workspace/jobs/api/_prometheus/runbooks');
    assert.match((await b.buildError()).message, /^invalid job: .*runbook/);
    api(b);
    b.job('web', {}, { '_prometheus/alerts/web.yml': ALERTS.replace('runbook: api-down', 'summary: x') });
    assert.equal((await b.buildError()).message, 'invalid job: duplicate alert name "ApiDown" (jobs api and web)');
    b.job('web', {}, { '_prometheus/alerts/web.yml': 'groups:\n  - name: web\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n' });
    await b.build();
    b.job('web', {}, { '_prometheus/alerts/web.yml': 'groups:\n  - name: web\n    rules:\n      - alert: WebDown\n' });
    assert.match((await b.buildError()).message, /^invalid job: .*expr/);
  }));

test('malformed alert files fail with invalid job', () =>
  withBucket(async (b) => {
    server(b);
    const bad = [
      ' \n',
      'groups: []\n',
      'groups:\n  - rules: []\n',
      'groups:\n  - name: g\n    rules:\n      - alert: A\n        record: r\n        expr: x\n',
      'groups:\n  - name: g\n    rules:\n      - expr: x\n',
      'groups: [\n',
    ];
    for (const text of bad) {
      b.job('a', {}, { '_prometheus/alerts/a.yaml': text });
      assert.match((await b.buildError()).message, /^invalid job: /, JSON.stringify(text));
    }
  }));

test('scrape configs must be a non-empty list of mappings with a job_name and no service discovery', () =>
  withBucket(async (b) => {
    server(b);
    for (const text of [' ', '[]', 'job_name: [1]\n', '- static_configs: []\n', '- job_name: a\n  dns_sd_configs: []\n', '- "text"\n']) {
      b.job('a', {}, { '_prometheus/scrape.yaml': text });
      assert.match((await b.buildError()).message, /^invalid job: job a /, JSON.stringify(text));
    }
  }));

test('placeholder ports must be declared; _implicit picks <job>_metrics_port, then metrics_port, then the single *_metrics_port', () =>
  withBucket(async (b) => {
    server(b);
    const target = (t: string) => `- job_name: a\n  static_configs:\n    - targets: ["${t}"]\n`;
    b.job('a', { resources: { ports: { web_port: {} } } }, { '_prometheus/scrape.yaml': target('maand:port/other_port') });
    assert.match((await b.buildError()).message, /^invalid job: job a .*other_port/);
    b.job('a', { resources: { ports: { web_port: {} } } }, { '_prometheus/scrape.yaml': target('maand:port/web_port/10.0.0.1') });
    await b.build();
    for (const ports of [{ a_metrics_port: {}, metrics_port: {}, x_metrics_port: {} }, { metrics_port: {}, x_metrics_port: {} }, { x_metrics_port: {} }]) {
      b.job('a', { resources: { ports } }, { '_prometheus/scrape.yaml': target('maand:port/_implicit') });
      await b.build();
    }
    for (const ports of [{ web_port: {} }, { x_metrics_port: {}, y_metrics_port: {} }]) {
      b.job('a', { resources: { ports } }, { '_prometheus/scrape.yaml': target('maand:port/_implicit') });
      assert.match((await b.buildError()).message, /^invalid job: job a /);
    }
  }));

test('without a server job, _prometheus content is not validated and the catalog is empty', () =>
  withBucket(async (b) => {
    b.job('a', {}, { '_prometheus/scrape.yaml': 'not: [valid', '_prometheus/alerts/a.yaml': 'groups: []\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/prometheus'), { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
  }));

test('a server job shipping prometheus.yml (not a template) also turns the catalog on', () =>
  withBucket(async (b) => {
    b.job('prometheus', {}, { 'prometheus.yml': 'global: {}\n' });
    b.job('a', {}, { '_prometheus/scrape.yaml': '- job_name: a\n' });
    await b.build();
    assert.equal(b.kvGet('maand/prometheus', 'scrape_jobs'), 'a');
    b.remove('workspace/jobs/a');
    await b.build();
    assert.deepEqual(b.kvNamespace('maand/prometheus'), { scrape_configs: '[]', scrape_jobs: '', scrape_jobs_length: '0' });
  }));
