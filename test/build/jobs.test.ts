// Jobs, job files, versions and job rows (build-and-catalog §4.7, §6, §8.4, §16.4 items 27-39).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { withBucket } from '../helpers/bucket.ts';

const files = (b: { rows: <T>(sql: string) => T[] }) =>
  b.rows<{ path: string; isdir: number; size: number }>('SELECT path, isdir, length(content) AS size FROM job_files ORDER BY rowid');

test('a job directory without manifest.json creates no job row', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/jobs/a/Makefile': 'x' });
    await b.build();
    assert.equal(b.scalar('SELECT COUNT(*) FROM job'), 0);
  }));

test('adding a second job directory adds a row; deleting one removes its row and reports it', () =>
  withBucket(async (b) => {
    b.job('a', { version: '1.1' });
    await b.build();
    b.job('b', { version: '1.1' });
    await b.build();
    assert.equal(b.scalar('SELECT COUNT(*) FROM job'), 2);
    b.remove('workspace/jobs/b');
    const res = await b.build();
    assert.deepEqual(b.rows('SELECT name FROM job'), [{ name: 'a' }]);
    assert.deepEqual(res.removedJobs, ['b']);
  }));

test('job files hold the whole tree in walk order, directories included, and follow deletions', () =>
  withBucket(async (b) => {
    b.job('a', '{"version":"1.1"}', { 'test/test': 'hello' });
    await b.build();
    assert.deepEqual(files(b), [
      { path: 'a', isdir: 1, size: 0 },
      { path: 'a/Makefile', isdir: 0, size: 13 },
      { path: 'a/manifest.json', isdir: 0, size: 17 },
      { path: 'a/test', isdir: 1, size: 0 },
      { path: 'a/test/test', isdir: 0, size: 5 },
    ]);
    const content = b.rows<{ content: Uint8Array }>("SELECT content FROM job_files WHERE path = 'a/manifest.json'")[0]!.content;
    assert.equal(Buffer.from(content).toString(), '{"version":"1.1"}');
    b.remove('workspace/jobs/a/test');
    await b.build();
    assert.equal(files(b).length, 3);
  }));

test('a nested file is stored under its path relative to workspace/jobs with its content', () =>
  withBucket(async (b) => {
    b.job('api', { version: '1.0.0' }, { 'config/app.conf': 'port=1\n' });
    await b.build();
    const rows = b.rows<{ content: Uint8Array }>("SELECT content FROM job_files WHERE path = 'api/config/app.conf'");
    assert.equal(Buffer.from(rows[0]!.content).toString(), 'port=1\n');
  }));

test('hidden files, _modules, _prometheus and .tpl files are stored; venv, node_modules and __pycache__ are not', () =>
  withBucket(async (b) => {
    b.job('a', {}, {
      '.env': 'x', 'app.conf.tpl': 'y', '_prometheus/scrape.yaml': 'z', 'node_modules/m/index.js': '', '.venv/bin/python': '',
      'venv/x': '', 'src/__pycache__/c.pyc': '', 'src/main.py': '', 'node_modules.txt': '',
    });
    b.write({ 'workspace/jobs/a/sub/venv': 'a plain file named venv' });
    await b.build();
    assert.deepEqual(files(b).map((f) => f.path), [
      'a', 'a/.env', 'a/Makefile', 'a/_prometheus', 'a/_prometheus/scrape.yaml', 'a/app.conf.tpl', 'a/manifest.json', 'a/node_modules.txt', 'a/src', 'a/src/main.py', 'a/sub',
    ]);
  }));

test('an empty file is stored as a zero-length blob, never NULL', () =>
  withBucket(async (b) => {
    b.job('a', {}, { empty: '' });
    await b.build();
    assert.equal(b.scalar("SELECT typeof(content) FROM job_files WHERE path = 'a/empty'"), 'blob');
    assert.equal(b.scalar("SELECT typeof(content) FROM job_files WHERE path = 'a'"), 'blob');
  }));

test('a symlink to a file is stored with the target content; a symlink to a directory fails the build', () =>
  withBucket(async (b) => {
    b.job('a', {}, { 'real.txt': 'target' });
    symlinkSync('real.txt', join(b.root, 'workspace/jobs/a/link.txt'));
    await b.build();
    assert.equal(Buffer.from(b.rows<{ content: Uint8Array }>("SELECT content FROM job_files WHERE path = 'a/link.txt'")[0]!.content).toString(), 'target');
    assert.equal(b.scalar("SELECT link FROM job_files WHERE path = 'a/link.txt'"), 'real.txt');
    mkdirSync(join(b.root, 'workspace/jobs/a/dir'));
    symlinkSync('dir', join(b.root, 'workspace/jobs/a/dirlink'));
    const err = await b.buildError();
    assert.equal(err.message, 'cannot read file: workspace/jobs/a/dirlink is a symlink to a directory (replace it with a real directory)');
  }));

test('given files 0644 and 0750, when built, then each row stores the workspace file\'s permission bits (directories none)', () =>
  withBucket(async (b) => {
    b.job('a', {}, { 'run.sh': '#!/bin/sh\n', 'conf/a.conf': 'x' });
    chmodSync(join(b.root, 'workspace/jobs/a/run.sh'), 0o750);
    chmodSync(join(b.root, 'workspace/jobs/a/conf/a.conf'), 0o644);
    await b.build();
    const modes = Object.fromEntries(b.rows<{ path: string; mode: number | null }>("SELECT path, mode FROM job_files WHERE path IN ('a/run.sh', 'a/conf/a.conf', 'a/conf')").map((r) => [r.path, r.mode]));
    assert.deepEqual(modes, { 'a/conf': null, 'a/conf/a.conf': 0o644, 'a/run.sh': 0o750 });
  }));

test('given a catalog without the job_files mode column (the reference\'s), when built, then the column is added and filled', () =>
  withBucket(async (b) => {
    b.job('a', {}, { 'run.sh': '#!/bin/sh\n' });
    b.query((db) => db.exec('ALTER TABLE job_files DROP COLUMN mode'));
    chmodSync(join(b.root, 'workspace/jobs/a/run.sh'), 0o700);
    await b.build();
    assert.equal(b.scalar("SELECT mode FROM job_files WHERE path = 'a/run.sh'"), 0o700);
  }));

test('given a symlink to an absolute path outside the job, when built, then the build fails naming the link and its target', () =>
  withBucket(async (b) => {
    b.job('a', {}, { Makefile: 'x' });
    symlinkSync('/etc/shadow', join(b.root, 'workspace/jobs/a/shadow'));
    const err = await b.buildError();
    assert.equal(err.message, 'invalid job: job a: a symlink points outside the job directory: workspace/jobs/a/shadow -> /etc/shadow (they would ship what they point to; copy the file into the job or link within it)');
  }));

test('given a relative symlink climbing out of the job to the bucket secrets, when built, then the build fails naming it', () =>
  withBucket(async (b) => {
    b.job('a', {}, { 'conf/x': 'x' });
    symlinkSync('../../../../secrets/kv.key', join(b.root, 'workspace/jobs/a/conf/kv.key'));
    const err = await b.buildError();
    assert.match(err.message, /^invalid job: job a: a symlink points outside the job directory: workspace\/jobs\/a\/conf\/kv\.key -> \.\.\/\.\.\/\.\.\/\.\.\/secrets\/kv\.key /);
    assert.equal(b.scalar("SELECT COUNT(*) FROM job_files WHERE path LIKE 'a/%'"), 0, 'nothing of the job is stored');
  }));

test('given a chain of links whose first hop stays inside the job, when built, then every link of the chain that leads out is named', () =>
  withBucket(async (b) => {
    b.job('a', {}, { Makefile: 'x' });
    symlinkSync('hop', join(b.root, 'workspace/jobs/a/entry'));
    symlinkSync('/etc/hostname', join(b.root, 'workspace/jobs/a/hop'));
    const err = await b.buildError();
    assert.match(err.message, /symlinks point outside the job directory: workspace\/jobs\/a\/entry -> hop, workspace\/jobs\/a\/hop -> \/etc\/hostname /);
  }));

test('given a symlink into a sibling job, when built, then it is outside the job and fails the build', () =>
  withBucket(async (b) => {
    b.job('a', {}, { Makefile: 'x' });
    b.job('b', {}, { Makefile: 'y' });
    symlinkSync('../b/Makefile', join(b.root, 'workspace/jobs/a/other'));
    const err = await b.buildError();
    assert.match(err.message, /job a: a symlink points outside the job directory: workspace\/jobs\/a\/other -> \.\.\/b\/Makefile/);
  }));

test('given a job directory named with shell syntax, when built, then the build fails naming it', () =>
  withBucket(async (b) => {
    b.job('j$(id>f)', {}, { Makefile: 'x' });
    b.job('ok', {}, { Makefile: 'x' });
    const err = await b.buildError();
    assert.equal(err.message, 'invalid job: invalid job name "j$(id>f)" (workspace/jobs/<name>): a job name uses letters, digits, _, - and . and does not start with . or -; rename the directory');
  }));

test('given a hidden job directory, when built, then its name is refused', () =>
  withBucket(async (b) => {
    b.job('.hidden', {}, { Makefile: 'x' });
    assert.match((await b.buildError()).message, /^invalid job: invalid job name "\.hidden"/);
  }));

test('the stored version is the manifest text, unknown when absent, and follows edits', () =>
  withBucket(async (b) => {
    b.job('a', { version: '1.1' });
    b.job('b', {});
    b.job('c', { version: '1.0.0', selectors: ['x'] });
    await b.build();
    assert.deepEqual(b.rows('SELECT name, version FROM job ORDER BY name'), [{ name: 'a', version: '1.1' }, { name: 'b', version: 'unknown' }, { name: 'c', version: '1.0.0' }]);
    b.job('a', { version: '1.2' });
    await b.build();
    assert.equal(b.scalar("SELECT version FROM job WHERE name = 'a'"), '1.2');
  }));

test('a job with neither Makefile nor Makefile.tpl fails; Makefile.tpl alone is accepted', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/jobs/a/manifest.json': '{"version":"1.1"}' });
    assert.equal((await b.buildError()).message, 'invalid job: job a, Makefile or Makefile.tpl not found');
    b.write({ 'workspace/jobs/a/Makefile.tpl': 'start:\n' });
    await b.build();
    assert.equal(b.scalar('SELECT COUNT(*) FROM job'), 1);
  }));

test('a truncated manifest fails with the decoder text', () =>
  withBucket(async (b) => {
    b.job('a', '{"version":"1.1"');
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a\nunexpected end of JSON input');
  }));

test('a job with a data, logs or bin entry fails because the name is reserved', () =>
  withBucket(async (b) => {
    for (const reserved of ['data', 'logs', 'bin']) {
      b.job('a', {}, { [`${reserved}/x`]: '' });
      const err = await b.buildError();
      assert.ok(err.message.startsWith(`invalid job: job a, ${reserved} directory is reserved`), err.message);
      b.remove(`workspace/jobs/a/${reserved}`);
    }
    b.job('a', {}, { bin: 'a plain file counts too' });
    assert.ok((await b.buildError()).message.startsWith('invalid job: job a, bin directory is reserved'));
  }));

test('a job without resources has zero bounds and its KV namespace holds the basic keys', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    b.job('a', { version: '1.1', selectors: ['worker'] });
    await b.build();
    const ns = b.kvNamespace('maand/job/a');
    assert.equal(ns['job_id'], '0cc175b9-c0f1-36a8-b1c3-99e269772661');
    for (const k of ['min_memory_mb', 'max_memory_mb', 'min_cpu_mhz', 'max_cpu_mhz', 'memory', 'cpu']) assert.equal(ns[k], '0', k);
    assert.equal(ns['name'], 'a');
    assert.equal(ns['version'], '1.1');
  }));

test('restart_globs with restart_policy always fails the build', () =>
  withBucket(async (b) => {
    b.job('a', { restart_policy: 'always', restart_globs: ['*.conf'] });
    assert.equal((await b.buildError()).message, 'invalid manifest.json: job a restart_globs requires restart_policy reload');
  }));

test('job columns store the normalized concurrency, policy, globs and health check', () =>
  withBucket(async (b) => {
    b.job('a', { max_concurrent_upgrades: -2, max_concurrent_starts: -1 });
    b.job('b', { max_concurrent_upgrades: 3, max_concurrent_starts: 2, restart_policy: 'reload', restart_globs: ['*.conf'] });
    await b.build();
    assert.deepEqual(b.rows('SELECT name, max_concurrent_upgrades AS up, max_concurrent_starts AS st, restart_policy AS p, restart_globs AS g, health_check AS h, update_parallel_count AS u, deploy_parallel_count AS d FROM job ORDER BY name'), [
      { name: 'a', up: 1, st: 0, p: 'always', g: '[]', h: '', u: 1, d: 0 },
      { name: 'b', up: 3, st: 2, p: 'reload', g: '["*.conf"]', h: '', u: 1, d: 0 },
    ]);
  }));

test('a certs entry in the manifest gives one job_certs row with the subject as Go JSON', () =>
  withBucket(async (b) => {
    b.job('a', { certs: { tls: { pkcs8: true, subject: { common_name: 'a<b>', country: 'x' } } } });
    await b.build();
    assert.deepEqual(b.rows('SELECT name, pkcs8, one, subject FROM job_certs'), [{ name: 'tls', pkcs8: 1, one: 0, subject: '{"common_name":"a\\u003cb\\u003e"}' }]);
  }));

test('a health check, a command and a memory reservation are all stored with their sources', () =>
  withBucket(async (b) => {
    b.write({ 'workspace/bucket.jobs.conf': '[a]\nmemory = "192 mb"\n' });
    b.job('a', {
      resources: { memory: { min: '128 mb', max: '256 mb' }, ports: { http_port: {} } },
      health_check: { checks: [{ type: 'http', port: 'http_port', path: '/health' }] },
      commands: { command_check: { executed_on: ['health_check'] } },
    }, { '_modules/command_check.py': '' });
    await b.build();
    const row = b.rows<Record<string, string>>("SELECT health_check, current_memory_mb, current_memory_source, current_cpu_source FROM job WHERE name = 'a'")[0]!;
    assert.equal(row['health_check'], '{"checks":[{"type":"http","port":"http_port","path":"/health"}],"timeout_seconds":0,"wait":null}');
    assert.equal(row['current_memory_mb'], '192');
    assert.equal(row['current_memory_source'], 'bucket.jobs.conf');
    assert.equal(row['current_cpu_source'], 'manifest');
    assert.equal(b.scalar('SELECT COUNT(*) FROM job_commands'), 1);
  }));

test('selectors are stored in manifest order; a job without selectors is placed on workers labelled with its name', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['prometheus', 'web'] }]);
    b.job('a', { selectors: ['web', '', 'worker', 'web'] });
    b.job('prometheus', {});
    await b.build();
    assert.deepEqual(b.rows("SELECT selector FROM job_selectors WHERE job_id = '0cc175b9-c0f1-36a8-b1c3-99e269772661' ORDER BY rowid"), [{ selector: 'web' }, { selector: 'worker' }]);
    assert.deepEqual(b.rows("SELECT selector FROM job_selectors WHERE job_id = 'e4f00638-b8a1-3e69-94e6-7af2f832d51c'"), [{ selector: 'prometheus' }]);
    assert.equal(b.scalar("SELECT COUNT(*) FROM allocations WHERE job = 'prometheus' AND removed = 0 AND disabled = 0"), 1);
    assert.equal(b.kvGet('maand/job/a', 'selectors'), 'web,worker');
  }));

test('jobs are processed in byte order of their directory names', () =>
  withBucket(async (b) => {
    for (const name of ['b', 'B', '_x', 'a.b']) b.job(name, {});
    await b.build();
    assert.deepEqual(b.kvGet('maand/bucket', 'jobs'), 'B,_x,a.b,b');
  }));

test('both prometheus.yml and prometheus.yml.tpl in a job fail on every build', () =>
  withBucket(async (b) => {
    b.job('a', {}, { 'prometheus.yml': '', 'prometheus.yml.tpl': '' });
    assert.equal((await b.buildError()).message, 'invalid job: job a cannot define both prometheus.yml and prometheus.yml.tpl');
  }));
