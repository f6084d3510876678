// Determinism (decision Q13, build-and-catalog §15): the same workspace built in two fresh buckets gives the
// same catalog, apart from the documented random values (bucket id, worker ids, the CA) and created_date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md5Hex } from '../../src/util/stable-id.ts';
import { newBucket, type TestBucket } from '../helpers/bucket.ts';

const TABLES = ['bucket', 'worker', 'worker_labels', 'worker_tags', 'allocations', 'job', 'job_selectors', 'job_ports', 'job_certs', 'job_files', 'job_commands', 'key_value', 'hash', 'schema_version'];

function workspace(b: TestBucket, step: number): void {
  b.workers([
    { host: '10.0.0.3', labels: ['web', 'db'], tags: { zone: 'a' }, memory: '4 GB', cpu: '4 ghz' },
    { host: '10.0.0.1', labels: ['web'], hostname: 'one', memory: '4 GB', cpu: '4 ghz', position: 5 },
    { host: '10.0.0.2', labels: ['prometheus'], memory: '4 GB', cpu: '4 ghz' },
    ...(step > 0 ? [{ host: '10.0.0.4', labels: ['web'], memory: '1 tb', cpu: '1 thz' }] : []),
  ]);
  b.write({
    'workspace/bucket.conf': 'port_min = "31000"\nport_max = "31100"\nregion = "eu"\n',
    'workspace/bucket.jobs.conf': '[api]\nmemory = "192 mb"\nmode = "fast"\n',
    'workspace/disabled.json': step > 0 ? '{"jobs":{"api":{"allocations":["10.0.0.3"]}}}' : '{}',
  });
  b.job('db', { version: '2.0.0', selectors: ['db'], resources: { ports: { db_port: 5432, db_metrics_port: {} } }, commands: { command_schema: { executed_on: ['cli', 'post_deploy'] } } }, {
    '_modules/command_schema.py': 'print(1)\n',
    '_prometheus/scrape.yaml': '- job_name: "maand:job"\n  static_configs:\n    - targets: ["maand:port/_implicit"]\n',
  });
  b.job('api', {
    version: '1.0.0',
    selectors: ['web'],
    resources: { memory: { min: '128 mb', max: '256 mb' }, ports: { api_http_port: {}, api_metrics_port: {} } },
    health_check: { checks: [{ type: 'http', port: 'api_http_port', path: '/health' }] },
    restart_policy: 'reload',
    restart_globs: ['*.conf'],
    commands: { command_migrate: { executed_on: ['pre_deploy'], demands: { job: 'db', command: 'command_schema', config: { min_version: '2.0.0' } } } },
  }, { '_modules/command_migrate.py': '', 'vars.toml': 'greeting = "hi"\n', 'conf/app.conf': `step=${step}\n` });
  b.job('prometheus', { version: '1.0.0' }, { 'prometheus.yml.tpl': 'x\n', '_prometheus/alerts/a.yml': 'groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n' });
}

function dump(b: TestBucket): Record<string, unknown[]> {
  const bucketId = String(b.scalar('SELECT bucket_id FROM bucket'));
  const ca = b.read('secrets/ca.crt');
  const subst = new Map<string, string>([[bucketId, '<bucket-id>'], [ca.trim(), '<ca.crt>'], [md5Hex(ca), '<ca-md5>']]);
  for (const w of b.rows<{ worker_id: string; worker_ip: string }>('SELECT worker_id, worker_ip FROM worker')) subst.set(w.worker_id, `<worker-id ${w.worker_ip}>`);
  const clean = (v: unknown): unknown => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : typeof v === 'string' ? (subst.get(v) ?? v) : v);
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    out[t] = b.rows<Record<string, unknown>>(`SELECT * FROM ${t} ORDER BY rowid`).map((r) => {
      const { created_date: _, ...rest } = r;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, clean(v)]));
    });
  }
  return out;
}

test('the same workspace built in two fresh buckets gives identical catalogs, build after build', async () => {
  const [one, two] = [await newBucket(), await newBucket()];
  try {
    for (const step of [0, 1]) {
      for (const b of [one, two]) {
        workspace(b, step);
        await b.build({ now: 1_700_000_000 + step });
      }
      const [d1, d2] = [dump(one), dump(two)];
      for (const t of TABLES) assert.deepEqual(d1[t], d2[t], `table ${t} after build ${step}`);
    }
    assert.ok(Number(one.scalar('SELECT COUNT(*) FROM key_value')) > 50);
    assert.equal(one.kvGet('maand/prometheus', 'scrape_jobs'), 'db');
  } finally {
    one.cleanup();
    two.cleanup();
  }
});
