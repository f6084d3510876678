// bucket.conf, bucket.jobs*.conf, maand.conf and vars.toml (build-and-catalog §4.1-4.3, §4.6, §16.6 items 50-60).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketPaths } from '../../src/bucket/paths.ts';
import { readJobsConf } from '../../src/bucket/bucket-conf.ts';
import { withBucket } from '../helpers/bucket.ts';

test('bucket.conf edits are mirrored in vars/bucket, leaving exactly two tombstones', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.conf': 'a = "1"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket'), { a: '1' });
    b.write({ 'workspace/bucket.conf': 'a = "3"\nb = "1"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket'), { a: '3', b: '1' });
    b.write({ 'workspace/bucket.conf': 'a = "1"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket'), { a: '1' });
    b.remove('workspace/bucket.conf');
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket'), {});
    assert.equal(b.scalar('SELECT COUNT(*) FROM key_value WHERE deleted = 1'), 2);
  }));

test('given an empty bucket.conf and no workers or jobs, the first build writes exactly 7 KV rows', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.conf': '' });
    await b.build();
    assert.equal(b.scalar('SELECT COUNT(*) FROM key_value'), 7);
  }));

test('a bucket.conf written after a first build reaches vars/bucket on the next build', () =>
  withBucket(async (b) => {
    await b.build();
    b.write({ 'workspace/bucket.conf': 'a = "1"\n' });
    await b.build();
    assert.equal(b.kvGet('vars/bucket', 'a'), '1');
  }));

test('every bucket.conf key is a bucket variable, including the port pool and ssh_user', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.conf': 'port_min = "30000"\nport_max = "39999"\nssh_user = "deploy"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket'), { port_max: '39999', port_min: '30000', ssh_user: 'deploy' });
  }));

test('a non-string value in bucket.conf fails every build', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.conf': 'port_min = 30000\n' });
    assert.ok((await b.buildError()).message.startsWith('invalid bucket.conf: '));
    b.write({ 'workspace/bucket.conf': '[t]\na = "1"\n' });
    assert.ok((await b.buildError()).message.startsWith('invalid bucket.conf: '));
    b.write({ 'workspace/bucket.conf': 'a = "1' });
    assert.ok((await b.buildError()).message.startsWith('invalid bucket.conf: '));
  }));

test('a bucket.jobs.conf section reaches vars/bucket/job only; an empty file is fine', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { selectors: ['worker'] });
    b.write({ 'workspace/bucket.jobs.conf': '[a]\ntest = "1"\n[ghost]\nx = "1"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), { test: '1' });
    assert.equal(b.kvGet('maand/job/a', 'test'), undefined);
    assert.deepEqual(b.kvNamespace('vars/bucket/job/ghost'), {});
    b.write({ 'workspace/bucket.jobs.conf': '' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), {});
  }));

test('bucket.jobs.conf section edits are mirrored, and deleting the file empties the namespace', () =>
  withBucket(async (b) => {
    b.job('a', { selectors: ['worker'] });
    b.write({ 'workspace/bucket.jobs.conf': '[a]\ntest = "1"\nvar = "x"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), { test: '1', var: 'x' });
    b.write({ 'workspace/bucket.jobs.conf': '[a]\ntest = "2"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), { test: '2' });
    b.remove('workspace/bucket.jobs.conf');
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), {});
  }));

test('a non-string value or a bad shape in bucket.jobs.conf is an invalid bucket.conf naming the file', () =>
  withBucket(async (b) => {
    b.job('a', {});
    for (const text of ['[a]\ntest = 1\n', 'top = "1"\n', '[a.b]\nx = "1"\n']) {
      b.write({ 'workspace/bucket.jobs.conf': text });
      const err = await b.buildError();
      assert.ok(err.message.startsWith('invalid bucket.conf: bucket conf workspace/bucket.jobs.conf '), err.message);
    }
  }));

test('job_config_selector picks bucket.jobs.<selector>.conf, without falling back to bucket.jobs.conf', () =>
  withBucket(async (b) => {
    b.job('a', { selectors: ['worker'] });
    b.write({
      'maand.conf': 'job_config_selector = " prod "\n',
      'workspace/bucket.jobs.conf': '[a]\nenv = "default"\nonly = "default"\n',
      'workspace/bucket.jobs.prod.conf': '[a]\nenv = "prod"\nmemory = "12"\n',
    });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/bucket/job/a'), { env: 'prod', memory: '12' });
    assert.equal(b.scalar('SELECT current_memory_source FROM job'), 'bucket.jobs.prod.conf');
  }));

test('the job settings file is bucket.jobs.conf by default, empty when missing, read verbatim when present', () =>
  withBucket((b) => {
    const paths = bucketPaths(b.root);
    assert.deepEqual(readJobsConf(paths, ''), { fileName: 'bucket.jobs.conf', sections: new Map() });
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "256 mb"\ncpu = "200 mhz"\n' });
    assert.deepEqual(readJobsConf(paths, '  '), { fileName: 'bucket.jobs.conf', sections: new Map([['a', { memory: '256 mb', cpu: '200 mhz' }]]) });
    assert.equal(readJobsConf(paths, 'prod').fileName, 'bucket.jobs.prod.conf');
  }));

test('an unparseable maand.conf or a wrong value type fails with invalid maand.conf', () =>
  withBucket(async (b) => {
    for (const text of ['use_sudo = ', 'certs_ttl = "60"\n', 'ssh_user = 1\n']) {
      b.write({ 'maand.conf': text });
      assert.ok((await b.buildError()).message.startsWith('invalid maand.conf: '), text);
    }
    b.write({ 'maand.conf': 'unknown_key = [1, 2]\n' });
    await b.build();
  }));

test('vars.toml keys land in vars/job and survive a rebuild with a changed manifest', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['app'] }]);
    b.job('app', { version: '1.0.0' }, { 'vars.toml': 'greeting = "hello"\nport = "8080"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/job/app'), { greeting: 'hello', port: '8080' });
    b.job('app', { version: '1.0.1' }, { 'vars.toml': 'greeting = "hello"\nport = "8080"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/job/app'), { greeting: 'hello', port: '8080' });
  }));

test('keys written into vars/job by scripts survive rebuilds and are never deleted by the vars.toml merge', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['app'] }]);
    b.job('app', { version: '1.0.0' }, { 'vars.toml': 'a = "1"\n' });
    await b.build();
    b.kvPut('vars/job/app', { from_script: 'yes', a: 'overwritten' });
    b.job('app', { version: '1.0.0' }, { 'vars.toml': 'b = "2"\n' });
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/job/app'), { a: 'overwritten', b: '2', from_script: 'yes' });
    b.remove('workspace/jobs/app/vars.toml');
    await b.build();
    assert.deepEqual(b.kvNamespace('vars/job/app'), { a: 'overwritten', b: '2', from_script: 'yes' });
  }));

test('a non-string value in vars.toml fails with invalid vars.toml naming the file', () =>
  withBucket(async (b) => {
    b.job('app', {}, { 'vars.toml': 'port = 8080\n' });
    assert.ok((await b.buildError()).message.startsWith('invalid vars.toml: workspace/jobs/app/vars.toml: '));
  }));

test('given vars.toml is a directory, the build fails with cannot read file naming it', () =>
  withBucket(async (b) => {
    b.job('app', {}, { 'vars.toml/x': '' });
    assert.equal((await b.buildError()).message, 'cannot read file: workspace/jobs/app/vars.toml is a directory (replace it with a regular file)');
  }));

test('given no jobs, bucket.jobs.conf is never read, so a broken one does not fail the build', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.jobs.conf': 'not toml [' });
    await b.build();
    b.job('a', {});
    assert.ok((await b.buildError()).message.startsWith('invalid bucket.conf: bucket conf workspace/bucket.jobs.conf '));
  }));

test('errors surface in pipeline order: workers.json, then manifests, then bucket.conf', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.conf': 'port_min = 1\n', 'workspace/workers.json': '[{}]' });
    b.job('a', '{');
    assert.match((await b.buildError()).message, /^invalid worker\.json: /);
    b.workers([]);
    assert.match((await b.buildError()).message, /^invalid manifest\.json: job a\n/);
    b.job('a', {});
    assert.match((await b.buildError()).message, /^invalid bucket\.conf: /);
  }));
