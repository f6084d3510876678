// The error catalogue (build-and-catalog §14): every class a build can raise, its exact text (or the reference
// text as prefix where ours adds what to do next), its machine-readable sentinel, and that the failed build
// leaves data/maand.db byte-identical (one transaction).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MaandError, type ErrorCode } from '../../src/errors.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

interface Case {
  code: ErrorCode;
  /** Breaks the valid baseline workspace. */
  mutate(b: TestBucket): void;
  exact?: string;
  prefix?: string;
  pattern?: RegExp;
}

const script = (cmd: string) => ({ [`_modules/${cmd}.py`]: '' });
const base = (extra: object = {}) => ({ version: '1.0.0', selectors: ['worker'], ...extra });

const cases: Case[] = [
  { code: 'invalid worker.json', mutate: (b) => b.workers([{}]), prefix: "invalid worker.json: host attribute can't be empty" },
  { code: 'invalid worker.json', mutate: (b) => b.workers([{ host: '10.0.0.1', memory: '-1' }]), exact: "invalid worker.json: worker 10.0.0.1 memory can't be less than 0" },
  { code: 'invalid manifest.json', mutate: (b) => b.job('bad', '{"version":'), exact: 'invalid manifest.json: job bad\nunexpected end of JSON input' },
  { code: 'invalid manifest.json', mutate: (b) => b.job('api', base({ resources: { cpu: { min: '2 ghz', max: '1 ghz' } } })), exact: 'invalid manifest.json: job api minCPUMhz > maxCPUMhz' },
  { code: 'invalid vars.toml', mutate: (b) => b.write({ 'workspace/jobs/api/vars.toml': 'a = 1\n' }), prefix: 'invalid vars.toml: workspace/jobs/api/vars.toml: ' },
  { code: 'invalid maand.conf', mutate: (b) => b.write({ 'maand.conf': 'certs_ttl = "x"\n' }), prefix: 'invalid maand.conf: ' },
  { code: 'invalid bucket.conf', mutate: (b) => b.write({ 'workspace/bucket.conf': 'port_min = 1\n' }), prefix: 'invalid bucket.conf: ' },
  { code: 'invalid bucket.conf', mutate: (b) => b.write({ 'workspace/bucket.jobs.conf': '[api]\nmemory = 1\n' }), prefix: 'invalid bucket.conf: bucket conf workspace/bucket.jobs.conf ' },
  {
    code: 'invalid port key format',
    mutate: (b) => b.job('api', base({ resources: { ports: { 'Bad-Port': {} } } })),
    prefix: 'invalid manifest.json: job api\ninvalid port key format: port name "Bad-Port"',
  },
  {
    code: 'invalid manifest port declaration',
    mutate: (b) => b.job('api', base({ resources: { ports: { web_port: '8080' } } })),
    exact: 'invalid manifest.json: job api\ninvalid manifest port declaration: port "web_port" must be {} or an integer, not "8080"',
  },
  { code: 'invalid port range in bucket.conf', mutate: (b) => b.write({ 'workspace/bucket.conf': 'port_min = "40000"\nport_max = "30000"\n' }), exact: 'invalid port range in bucket.conf: port_min=40000 port_max=30000' },
  { code: 'invalid port range in bucket.conf', mutate: (b) => b.write({ 'workspace/bucket.conf': 'port_min = "x"\n' }), exact: 'invalid port range in bucket.conf: port_min "x"' },
  {
    code: 'port range exhausted',
    mutate: (b) => {
      b.write({ 'workspace/bucket.conf': 'port_min = "30000"\nport_max = "30000"\n' });
      b.job('web', base({ resources: { ports: { web_port: {} } } }));
    },
    prefix: 'port range exhausted: no free ports in range 30000-30000',
  },
  { code: 'port collision', mutate: (b) => b.job('web', base({ resources: { ports: { web_port: 30000 } } })), prefix: 'port collision: port 30000 (job web port "web_port")' },
  {
    code: 'unsupported resource configuration',
    mutate: (b) => b.write({ 'workspace/bucket.jobs.conf': '[api]\nmemory = "512 mb"\n' }),
    exact: 'unsupported resource configuration: bucket.jobs.conf, job api max_memory_mb 256.00 mb, requested 512.00 mb',
  },
  {
    code: 'invalid job command configuration',
    mutate: (b) => b.job('api', base({ commands: { command_x: { executed_on: [] } } }), script('command_x')),
    exact: 'invalid job command configuration: job api, job_command command_x missing executed_on',
  },
  {
    code: 'invalid job command demand',
    mutate: (b) => b.job('api', base({ commands: { command_x: { executed_on: ['cli'], demands: { job: 'ghost', command: 'command_y' } } } }), script('command_x')),
    exact: 'invalid job command demand: job api command command_x demands unknown job "ghost"',
  },
  {
    code: 'job command file not found',
    mutate: (b) => b.job('api', base({ commands: { command_x: { executed_on: ['cli'] } } })),
    exact: 'job api command command_x: job command file not found: expected command_x.py, command_x.ts, or command_x.js under workspace/jobs/api/_modules',
  },
  { code: 'invalid job version', mutate: (b) => b.job('api', base({ version: 'latest' })), exact: 'job "api": invalid job version: invalid segment "latest" in "latest"' },
  {
    code: 'job command demand version mismatch',
    mutate: (b) => {
      b.job('db', base({ commands: { command_schema: { executed_on: ['cli'] } } }), script('command_schema'));
      b.job('api', base({ commands: { command_x: { executed_on: ['cli'], demands: { job: 'db', command: 'command_schema', config: { min_version: '2' } } } } }), script('command_x'));
    },
    exact: 'job api command command_x depends on db: job command demand version mismatch: upstream version 1.0.0 below min_version 2.0.0',
  },
  {
    code: 'circular job command dependency',
    mutate: (b) => {
      b.job('db', base({ commands: { command_y: { executed_on: ['cli'], demands: { job: 'api', command: 'command_x' } } } }), script('command_y'));
      b.job('api', base({ commands: { command_x: { executed_on: ['cli'], demands: { job: 'db', command: 'command_y' } } } }), script('command_x'));
    },
    pattern: /^circular job command dependency: (api -> db -> api|db -> api -> db)/,
  },
  { code: 'invalid job', mutate: (b) => b.remove('workspace/jobs/api/Makefile'), exact: 'invalid job: job api, Makefile or Makefile.tpl not found' },
  { code: 'invalid job', mutate: (b) => b.write({ 'workspace/jobs/api/logs/x': '' }), prefix: 'invalid job: job api, logs directory is reserved' },
  { code: 'missing allocations', mutate: (b) => b.job('api', base({ min_allocations_count: 2 })), exact: 'missing allocations\njob api has 1 allocation(s), min_allocations_count is 2' },
  {
    code: 'insufficient resource',
    mutate: (b) => b.workers([{ host: '10.0.0.1', memory: '128', cpu: '1 ghz' }]),
    exact: 'insufficient resource\nworker_ip 10.0.0.1, available memory is 128.00 MB, required memory is 256.00 MB',
  },
  { code: 'unexpected error', mutate: (b) => b.remove('secrets/ca.crt'), prefix: 'unexpected error: unable to read ca.crt' },
  {
    code: 'database error',
    mutate: (b) => b.query((db) => db.exec("CREATE TRIGGER no_files BEFORE INSERT ON job_files BEGIN SELECT RAISE(ABORT, 'job_files is read-only'); END")),
    exact: 'database error: job_files is read-only',
  },
  { code: 'invalid disabled.json', mutate: (b) => b.write({ 'workspace/disabled.json': '{"workers": "10.0.0.1"}' }), prefix: 'invalid disabled.json: ' },
];

async function baseline(b: TestBucket): Promise<void> {
  b.workers([{ host: '10.0.0.1', memory: '1 GB', cpu: '1 ghz' }]);
  b.job('api', base({ resources: { memory: { min: '128 mb', max: '256 mb' }, ports: { api_port: {} } } }));
  b.write({ 'workspace/jobs/api/vars.toml': 'a = "1"\n' });
  await b.build();
}

for (const c of cases) {
  const expected = c.exact ?? c.prefix ?? String(c.pattern);
  test(`${c.code}: ${JSON.stringify(expected)} leaves the catalog unchanged`, () =>
    withBucket(async (b) => {
      await baseline(b);
      c.mutate(b);
      const before = b.dbBytes();
      const err = await b.buildError();
      if (c.exact !== undefined) assert.equal(err.message, c.exact);
      if (c.prefix !== undefined) assert.ok(err.message.startsWith(c.prefix), err.message);
      if (c.pattern !== undefined) assert.match(err.message, c.pattern);
      assert.ok(err instanceof MaandError, `${err.name}: ${err.message}`);
      assert.ok(err.is(c.code), `codes ${err.codes.join(', ')}`);
      assert.deepEqual(b.dbBytes(), before);
    }));
}
