// Job commands, demands, versions and deployment_seq (build-and-catalog §6.6, §8.6, §8.9, §16.10 items 80-94).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

type Cmd = { executed_on?: string[]; demands?: { job?: string; command?: string; config?: object } };
const cmdJob = (b: TestBucket, name: string, commands: Record<string, Cmd>, extra: object = {}, scripts: string[] = Object.keys(commands)) =>
  b.job(name, { version: '1.0.0', selectors: ['worker'], commands, ...extra }, Object.fromEntries(scripts.map((s) => [`_modules/${s}.py`, ''])));
const commandRows = (b: TestBucket) => Number(b.scalar('SELECT COUNT(*) FROM job_commands'));
const seqs = (b: TestBucket) => Object.fromEntries(b.rows<{ name: string; deployment_seq: number }>('SELECT name, deployment_seq FROM cat_jobs').map((r) => [r.name, r.deployment_seq]));
const hook = { executed_on: ['cli'] };
const demand = (job: string, command = 'command_x', config?: object): Cmd => ({ executed_on: ['cli'], demands: { job, command, ...(config ? { config } : {}) } });

test('a command without executed_on is an invalid job command configuration', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: {} });
    assert.equal((await b.buildError()).message, 'invalid job command configuration: job a, job_command command_x missing executed_on');
    cmdJob(b, 'a', { command_x: { executed_on: [] } });
    assert.equal((await b.buildError()).message, 'invalid job command configuration: job a, job_command command_x missing executed_on');
  }));

test('one row per executed_on event, duplicates included, for a job without allocations', () =>
  withBucket(async (b) => {
    b.job('a', { commands: { command_x: { executed_on: ['post_build'] } } }, { '_modules/command_x.py': '' });
    await b.build();
    assert.equal(commandRows(b), 1);
    b.job('a', { commands: { command_x: { executed_on: ['post_build', 'pre_deploy', 'pre_deploy'] } } }, { '_modules/command_x.py': '' });
    await b.build();
    assert.deepEqual(b.rows('SELECT job, name, executed_on, demand_job, demand_command, demand_config FROM job_commands ORDER BY rowid'), [
      { job: 'a', name: 'command_x', executed_on: 'post_build', demand_job: '', demand_command: '', demand_config: '{}' },
      { job: 'a', name: 'command_x', executed_on: 'pre_deploy', demand_job: '', demand_command: '', demand_config: '{}' },
      { job: 'a', name: 'command_x', executed_on: 'pre_deploy', demand_job: '', demand_command: '', demand_config: '{}' },
    ]);
  }));

test('the command script must exist exactly once as .py, .ts or .js', () =>
  withBucket(async (b) => {
    b.job('a', { commands: { command_x: hook } });
    assert.equal(
      (await b.buildError()).message,
      'job a command command_x: job command file not found: expected command_x.py, command_x.ts, or command_x.js under workspace/jobs/a/_modules',
    );
    for (const ext of ['ts', 'js']) {
      b.remove('workspace/jobs/a/_modules');
      b.write({ [`workspace/jobs/a/_modules/command_x.${ext}`]: '' });
      await b.build();
      assert.equal(commandRows(b), 1);
    }
    for (const ext of ['ts', 'js']) {
      b.remove('workspace/jobs/a/_modules');
      b.write({ 'workspace/jobs/a/_modules/command_x.py': '', [`workspace/jobs/a/_modules/command_x.${ext}`]: '' });
      assert.equal(
        (await b.buildError()).message,
        'job a command command_x: invalid job command configuration: multiple implementations for command_x under workspace/jobs/a/_modules (use only one of .py, .ts, .js)',
      );
    }
  }));

test('command rows follow the manifest when commands are replaced', () =>
  withBucket(async (b) => {
    b.job('a', { commands: { command_x: hook } }, { '_modules/command_x.py': '', '_modules/command_y.py': '', '_modules/command_z.py': '' });
    await b.build();
    assert.equal(commandRows(b), 1);
    b.job('a', { commands: { command_x: hook, command_y: hook } });
    await b.build();
    assert.equal(commandRows(b), 2);
    b.job('a', { commands: { command_y: hook, command_z: hook } });
    await b.build();
    assert.deepEqual(b.rows('SELECT name FROM job_commands ORDER BY name'), [{ name: 'command_y' }, { name: 'command_z' }]);
  }));

test('a command name without the command_ prefix is rejected', () =>
  withBucket(async (b) => {
    for (const name of ['1command_health_check1', 'bad']) {
      b.remove('workspace/jobs/a');
      cmdJob(b, 'a', { [name]: hook });
      assert.equal((await b.buildError()).message, `invalid job command configuration: invalid command name, name: ${name}, excepted prefix : command_`);
    }
  }));

test('every documented event is accepted; an unknown one is listed in the error', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: { executed_on: ['after_allocation_started', 'after_allocation_stopped'] } });
    await b.build();
    assert.equal(commandRows(b), 2);
    cmdJob(b, 'a', { command_x: { executed_on: ['post_build', 'health_check', 'cli', 'pre_deploy', 'post_deploy', 'job_control'] } });
    await b.build();
    cmdJob(b, 'a', { command_x: { executed_on: ['cli', 'on_boot', 'later'] } });
    assert.ok((await b.buildError()).message.startsWith('invalid job command configuration: job a, job_command command_x invalid executed_on [on_boot later]'));
  }));

test('a demand with free-form config is accepted and stored as Go JSON, fields untrimmed', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: hook });
    cmdJob(b, 'b', { command_y: { executed_on: ['cli'], demands: { job: 'a ', command: ' command_x', config: { a: 1, b: '<' } } } });
    await b.build();
    assert.deepEqual(b.rows("SELECT demand_job, demand_command, demand_config FROM job_commands WHERE job = 'b'"), [
      { demand_job: 'a ', demand_command: ' command_x', demand_config: '{"a":1,"b":"\\u003c"}' },
    ]);
  }));

test('a demand on the job itself, untrimmed or trimmed, is self referencing', () =>
  withBucket(async (b) => {
    for (const job of ['a', ' a ']) {
      cmdJob(b, 'a', { command_x: hook, command_y: demand(job) });
      assert.equal((await b.buildError()).message, 'invalid job command configuration: job a, job_command command_y invalid configuration, self referencing');
    }
  }));

test('demands.job and demands.command must both be set or both be empty', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: hook });
    cmdJob(b, 'b', { command_y: { executed_on: ['cli'], demands: { job: 'a' } } });
    assert.equal((await b.buildError()).message, 'invalid job command demand: job b command command_y demands.job and demands.command must both be set');
    cmdJob(b, 'b', { command_y: { executed_on: ['cli'], demands: { job: ' ', command: 'command_x' } } });
    assert.equal((await b.buildError()).message, 'invalid job command demand: job b command command_y demands.job and demands.command must both be set');
  }));

test('two jobs demanding a get deployment_seq 1, a gets 0', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    cmdJob(b, 'a', { command_x: hook });
    cmdJob(b, 'b', { command_y: demand('a') });
    cmdJob(b, 'c', { command_z: demand('a') });
    await b.build();
    assert.deepEqual(seqs(b), { a: 0, b: 1, c: 1 });
  }));

test('deployment_seq is the longest demand chain', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    cmdJob(b, 'a', { command_x: hook });
    cmdJob(b, 'b', { command_x: demand('a') });
    cmdJob(b, 'c', { command_x: demand('b') });
    cmdJob(b, 'd', { command_x: demand('a'), command_y: demand('b') });
    cmdJob(b, 'e', {});
    await b.build();
    assert.deepEqual(seqs(b), { a: 0, b: 1, c: 2, d: 2, e: 0 });
    assert.deepEqual(b.rows("SELECT DISTINCT deployment_seq FROM allocations WHERE job = 'd'"), [{ deployment_seq: 2 }]);
  }));

test('deployment_seq is recomputed for removed rows of the job too', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }, { host: '10.0.0.2', labels: ['x'] }]);
    cmdJob(b, 'a', { command_x: hook });
    cmdJob(b, 'b', { command_y: hook });
    await b.build();
    b.workers([{ host: '10.0.0.1' }]);
    cmdJob(b, 'b', { command_y: demand('a') });
    await b.build();
    assert.deepEqual(b.rows("SELECT worker_ip, removed, deployment_seq FROM allocations WHERE job = 'b' ORDER BY worker_ip"), [
      { worker_ip: '10.0.0.1', removed: 0, deployment_seq: 1 },
      { worker_ip: '10.0.0.2', removed: 1, deployment_seq: 1 },
    ]);
  }));

test('mutual demands are a circular dependency; a three-job cycle is found; a plain chain is fine', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: demand('b') });
    cmdJob(b, 'b', { command_x: demand('a') });
    assert.match((await b.buildError()).message, /^circular job command dependency: (a -> b -> a|b -> a -> b)/);
    cmdJob(b, 'b', { command_x: demand('c') });
    cmdJob(b, 'c', { command_x: demand('a') });
    assert.match((await b.buildError()).message, /^circular job command dependency: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c)/);
    b.remove('workspace/jobs/a');
    b.remove('workspace/jobs/b');
    b.remove('workspace/jobs/c');
    cmdJob(b, 'db', { command_x: hook });
    cmdJob(b, 'consumer', { command_x: demand('db') });
    await b.build();
  }));

test('a demand on an unknown job or an undeclared command is an invalid job command demand', () =>
  withBucket(async (b) => {
    cmdJob(b, 'api', { command_x: demand('ghost') });
    assert.equal((await b.buildError()).message, 'invalid job command demand: job api command command_x demands unknown job "ghost"');
    cmdJob(b, 'db', { command_x: hook });
    cmdJob(b, 'api', { command_x: demand('db', 'missing_command') });
    assert.equal(
      (await b.buildError()).message,
      'invalid job command demand: job api command command_x demands job "db" command "missing_command" which is not declared',
    );
  }));

test('version constraints are checked against the upstream version', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: hook });
    cmdJob(b, 'b', { command_y: demand('a', 'command_x', { min_version: '2.0.0' }) });
    assert.equal(
      (await b.buildError()).message,
      'job b command command_y depends on a: job command demand version mismatch: upstream version 1.0.0 below min_version 2.0.0',
    );
    cmdJob(b, 'a', { command_x: hook }, { version: '2.1.0' });
    cmdJob(b, 'b', { command_y: demand('a', 'command_x', { min_version: '2.0.0', max_version: '3.0.0' }) });
    await b.build();
    cmdJob(b, 'b', { command_y: demand('a', 'command_x', { max_version: 2 }) });
    assert.equal(
      (await b.buildError()).message,
      'job b command command_y depends on a: job command demand version mismatch: upstream version 2.1.0 above max_version 2.0.0',
    );
  }));

test('bad version constraints fail with the reference texts', () =>
  withBucket(async (b) => {
    cmdJob(b, 'a', { command_x: hook });
    const cases: Array<[object, string]> = [
      [{ min_version: '3.0.0', max_version: '2.0.0' }, 'job b command command_y: invalid job command configuration: min_version 3.0.0 > max_version 2.0.0'],
      [{ min_version: 1.5 }, 'job b command command_y: demands.config.min_version: invalid job version: non-integer number 1.5'],
      [{ max_version: null }, 'job b command command_y: demands.config.max_version: invalid job version: unsupported type <nil>'],
      [{ min_version: 'latest' }, 'job b command command_y: demands.config.min_version: invalid job version: invalid segment "latest" in "latest"'],
    ];
    for (const [config, msg] of cases) {
      cmdJob(b, 'b', { command_y: demand('a', 'command_x', config) });
      assert.equal((await b.buildError()).message, msg);
    }
  }));

test('dependency participants must declare a version; any declared version must parse', () =>
  withBucket(async (b) => {
    b.job('a', { selectors: ['worker'], commands: { command_x: hook } }, { '_modules/command_x.py': '' });
    cmdJob(b, 'b', { command_y: demand('a', 'command_x', { min_version: '1.0.0' }) });
    assert.ok((await b.buildError()).message.startsWith('invalid job version: job "a" must declare version (dependency participant)'));
    cmdJob(b, 'a', { command_x: hook });
    b.job('b', { selectors: ['worker'], commands: { command_y: demand('a') } }, { '_modules/command_y.py': '' });
    assert.ok((await b.buildError()).message.startsWith('invalid job version: job "b" must declare version (dependency participant)'));
    cmdJob(b, 'b', { command_y: demand('a') });
    b.job('c', { version: 'latest' });
    assert.equal((await b.buildError()).message, 'job "c": invalid job version: invalid segment "latest" in "latest"');
    b.job('c', { version: ' ' });
    await b.build();
  }));

test('a full pipeline with ports, certs, vars, a reservation and a versioned demand builds twice and orders db before api', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['web'], memory: '1 GB' }, { host: '10.0.0.2', labels: ['web'], memory: '1 GB' }]);
    b.write({ 'workspace/bucket.jobs.conf': '[api]\nmemory = "192 mb"\n' });
    b.job('db', { version: '2.0.0', selectors: ['web'], commands: { command_schema: { executed_on: ['cli'] } } }, { '_modules/command_schema.py': '' });
    b.job('api', {
      version: '1.0.0',
      selectors: ['web'],
      resources: { memory: { min: '128 mb', max: '256 mb' }, ports: { api_http_port: {} } },
      certs: { tls: { subject: { common_name: 'api' } } },
      commands: { command_migrate: { executed_on: ['cli'], demands: { job: 'db', command: 'command_schema', config: { min_version: '2.0.0' } } } },
    }, { '_modules/command_migrate.py': '', 'vars.toml': 'mode = "fast"\n' });
    await b.build({ purgeJobKv: true });
    const second = await b.build();
    assert.equal(second.allocations.active, 4);
    assert.equal(second.certsGenerated, 0);
    const maxSeq = (job: string) => Number(b.scalar('SELECT MAX(deployment_seq) FROM allocations WHERE job = ?', job));
    assert.ok(maxSeq('db') < maxSeq('api'));
    assert.equal(b.kvGet('vars/job/api', 'mode'), 'fast');
    assert.equal(b.kvGet('maand/job/api', 'memory'), '192');
    assert.ok(b.kvGet('maand/job/api/worker/10.0.0.2', 'certs/tls.crt')!.startsWith('-----BEGIN CERTIFICATE-----'));
  }));
