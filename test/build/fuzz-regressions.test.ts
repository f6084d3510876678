// Defects the build fuzz found, one deterministic case each: the input that broke the rule (one
// MaandError line naming the file, no stack overflow, no runaway work) and the message it now gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MaandError, type ErrorCode } from '../../src/errors.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const base = (extra: object = {}) => ({ version: '1.0.0', selectors: ['worker'], ...extra });

async function fails(b: TestBucket, code: ErrorCode, message: string): Promise<void> {
  const before = b.dbBytes();
  const err = await b.buildError();
  assert.ok(err instanceof MaandError, `${err.name}: ${err.message}`);
  assert.equal(err.message, message);
  assert.equal(err.code, code);
  assert.ok(b.dbBytes().equals(before), 'the catalog is unchanged');
}

test('given workspace/workers.json is a directory, the build fails with cannot read file naming it', () =>
  withBucket(async (b) => {
    b.remove('workspace/workers.json');
    mkdirSync(join(b.root, 'workspace/workers.json'));
    await fails(b, 'cannot read file', 'cannot read file: workspace/workers.json is a directory (replace it with a regular file)');
  }));

test('given a job manifest.json that is a directory, the build fails with cannot read file naming it', () =>
  withBucket(async (b) => {
    b.job('a', base());
    b.remove('workspace/jobs/a/manifest.json');
    mkdirSync(join(b.root, 'workspace/jobs/a/manifest.json'));
    await fails(b, 'cannot read file', 'cannot read file: workspace/jobs/a/manifest.json is a directory (replace it with a regular file)');
  }));

test('given disabled.json and bucket.conf are directories, each fails with cannot read file', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', base());
    b.remove('workspace/bucket.conf');
    mkdirSync(join(b.root, 'workspace/bucket.conf'));
    await fails(b, 'cannot read file', 'cannot read file: workspace/bucket.conf is a directory (replace it with a regular file)');
    b.remove('workspace/bucket.conf');
    mkdirSync(join(b.root, 'workspace/disabled.json'));
    await fails(b, 'cannot read file', 'cannot read file: workspace/disabled.json is a directory (replace it with a regular file)');
  }));

test('given a worker cpu with a line break, the message stays one line with the value escaped', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', cpu: 'a\nb' }]);
    await fails(b, 'invalid worker.json', 'invalid worker.json: worker 10.0.0.1 invalid cpu frequency "a\\nb"');
  }));

test('given a raw line break inside a workers.json string, the invalid character is escaped as Go prints it', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/workers.json': '[{"host": "10.0.0.1\n"}]' });
    await fails(b, 'invalid worker.json', `invalid worker.json: invalid character '\\n' at offset 20 (workspace/workers.json must be a JSON array of {"host": ...} objects)`);
  }));

test('given a worker host with a line break inside, workers.json is rejected naming the entry', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2\nrm -rf' }]);
    await fails(b, 'invalid worker.json', 'invalid worker.json: host "10.0.0.2\\nrm -rf" must not contain spaces or control characters (workers[1])');
  }));

test('given a bucket.jobs.conf memory that is not a size, the build fails naming the file, job and key', () =>
  withBucket(async (b) => {
    b.job('api', base({ resources: { memory: { min: '128 MB', max: '512 MB' } } }));
    b.write({ 'workspace/bucket.jobs.conf': "[api]\nmemory = 'literal'\n" });
    await fails(b, 'invalid bucket.conf', 'invalid bucket.conf: bucket conf workspace/bucket.jobs.conf [api] memory: invalid memory size "literal"');
  }));

test('given demands.config nested 5000 levels deep, the manifest is rejected instead of overflowing the stack', () =>
  withBucket(async (b) => {
    const config = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    b.job('a', `{"version":"1.0.0","commands":{"command_x":{"executed_on":["cli"],"demands":{"job":"b","command":"command_y","config":${config}}}}}`);
    await fails(b, 'invalid manifest.json', 'invalid manifest.json: job a\nexceeded max depth (values nested deeper than 1000 levels)');
  }));

test('given demands.config nested 990 levels deep, the build stores it', () =>
  withBucket(async (b) => {
    const config = `${'{"a":'.repeat(990)}1${'}'.repeat(990)}`;
    b.job('b', base({ commands: { command_y: { executed_on: ['cli'] } } }), { '_modules/command_y.py': '' });
    b.job('a', `{"version":"1.0.0","commands":{"command_x":{"executed_on":["cli"],"demands":{"job":"b","command":"command_y","config":${config}}}}}`, { '_modules/command_x.py': '' });
    await b.build();
    assert.equal(b.scalar("SELECT demand_config FROM job_commands WHERE name = 'command_x'"), config);
  }));

test('given min_allocations_count 1e300, the manifest is rejected as a number that is not an int', () =>
  withBucket(async (b) => {
    b.job('a', '{"version":"1.0.0","min_allocations_count":1e300}');
    await fails(b, 'invalid manifest.json', 'invalid manifest.json: job a\njson: cannot unmarshal number 1e+300 into Go struct field Manifest.min_allocations_count of type int');
  }));

test('given a version segment past 2^53, the version is rejected as out of range', () =>
  withBucket(async (b) => {
    b.job('a', base({ version: '99999999999999999999999.0.0' }));
    await fails(b, 'invalid job version', 'job "a": invalid job version: segment "99999999999999999999999" in "99999999999999999999999.0.0" is out of range');
  }));

test('given a scrape.yaml.tpl whose YAML aliases expand to 9^7 values, the build refuses it quickly', () =>
  withBucket(async (b) => {
    b.job('prometheus', { version: '1.0.0' }, { 'prometheus.yml.tpl': 'scrape_configs: {{ scrapeConfigs }}\n' });
    let bomb = '- job_name: x\n  l0: &l0 ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i <= 7; i++) bomb += `  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(',')}]\n`;
    b.job('api', { version: '1.0.0' }, { '_prometheus/scrape.yaml.tpl': bomb });
    const started = Date.now();
    await fails(b, 'invalid job', 'invalid job: job api scrape config expands to more than 100000 values (YAML aliases repeat what they point to; write the values out)');
    assert.ok(Date.now() - started < 5000, 'no expansion of the aliases');
  }));
