// A hook's environment (spec kv §3.4/§3.5, §10.6 items 51-52; decision Q23).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allocId, hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { allocationIndex, batchEnvironment } from '../../src/hooks/environment.ts';
import { runJobCommand } from '../../src/hooks/runner.ts';

const PRINT_ENV = `import json, os
names = ["ALLOCATION_ID", "ALLOCATION_IP", "ALLOCATION_INDEX", "DISABLED", "JOB", "EVENT", "COMMAND", "CURRENT_VERSION",
         "NEW_VERSION", "JOB_COMMAND_API_HOST", "JOB_COMMAND_API_PORT", "JOB_COMMAND_API_TOKEN", "BATCH_INDEX", "FROM_BASE"]
print(json.dumps({n: os.environ.get(n) for n in names}))
`;

describe('hook environment', () => {
  let f: HookFixture;
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2'], {
      api: {
        manifest: manifestWith({ command_env: ['after_allocation_started'], command_dump: ['after_allocation_started'] }, { version: '2.1.0' }),
        files: { '_modules/command_env.py': PRINT_ENV, '_modules/command_dump.py': 'import json, os\nprint(json.dumps(dict(os.environ)))\n' },
      },
    });
  });
  after(async () => {
    await f.close();
  });

  test('a hook sees its allocation, job, event, command, versions and the API address and token', async () => {
    f.bucket.write({ 'maand.conf': 'hook_env = ["FROM_BASE"]\n' });
    const ctx = { ...f.ctx, env: { ...process.env, FROM_BASE: 'base', ALLOCATION_ID: 'overridden' } };
    const extraEnv = { ...batchEnvironment({ batch: ['10.0.0.2'], index: 0, count: 1, phase: 'new' }), JOB: 'not-this' };
    const r = await runJobCommand(ctx, { job: 'api', command: 'command_env', event: 'after_allocation_started', workers: ['10.0.0.2'], extraEnv });
    assert.equal(r.ok, true, r.error?.message);
    const seen = JSON.parse(f.output('10.0.0.2')) as Record<string, string | null>;
    assert.match(seen['JOB_COMMAND_API_TOKEN'] ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual({ ...seen, JOB_COMMAND_API_TOKEN: undefined }, {
      JOB_COMMAND_API_TOKEN: undefined,
      ALLOCATION_ID: allocId(f.db, 'api', '10.0.0.2'),
      ALLOCATION_IP: '10.0.0.2',
      ALLOCATION_INDEX: '1',
      DISABLED: '0',
      JOB: 'api',
      EVENT: 'after_allocation_started',
      COMMAND: 'command_env',
      CURRENT_VERSION: '0.0.0',
      NEW_VERSION: '2.1.0',
      JOB_COMMAND_API_HOST: '127.0.0.1',
      JOB_COMMAND_API_PORT: String(f.api.port),
      BATCH_INDEX: '0',
      FROM_BASE: 'base',
    });
  });

  test('given the Action runner environment, when a hook dumps its env, then it sees PATH, HOME, locale and opt-ins but no inputs, tokens or unlisted names', async () => {
    f.bucket.write({ 'maand.conf': 'hook_env = ["PIP_*", "FROM_BASE"]\n' });
    const base = {
      PATH: '/usr/bin:/bin', HOME: '/home/runner', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC', FROM_BASE: 'b', PIP_INDEX_URL: 'https://pip.example',
      'INPUT_STATE-KEY': 'state-secret', 'INPUT_GITHUB-TOKEN': 'ghs_token', 'INPUT_SSH-PRIVATE-KEY': 'PRIVATE', ACTIONS_RUNTIME_TOKEN: 'rt', GITHUB_TOKEN: 'gt',
      RUNNER_TEMP: '/tmp/r', SSH_AUTH_SOCK: '/tmp/agent', MAAND_SSH_KEY: 'PRIVATE', AWS_SECRET_ACCESS_KEY: 'aws', UNLISTED: 'x',
    };
    const r = await runJobCommand({ ...f.ctx, env: base }, { job: 'api', command: 'command_dump', event: 'after_allocation_started', workers: ['10.0.0.1'] });
    assert.equal(r.ok, true, r.error?.message);
    const seen = JSON.parse(f.output('10.0.0.1').split('\n').at(-1)!) as Record<string, string>;
    for (const name of Object.keys(seen)) assert.doesNotMatch(name, /^(INPUT_|ACTIONS_|RUNNER_)|^GITHUB_TOKEN$|^SSH_AUTH_SOCK$|^MAAND_SSH_KEY$|^AWS_|^UNLISTED$/, name);
    assert.doesNotMatch(JSON.stringify(seen), /state-secret|ghs_token|PRIVATE/);
    for (const name of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'FROM_BASE', 'PIP_INDEX_URL']) assert.equal(seen[name], base[name as keyof typeof base], name);
    assert.equal(seen['JOB'], 'api');
    assert.equal(seen['PYTHONUNBUFFERED'], '1');
  });

  test('given hook_env naming INPUT_FOO, when the bucket is built, then the build fails naming the entry', async () => {
    f.bucket.write({ 'maand.conf': 'hook_env = ["INPUT_FOO"]\n' });
    try {
      await assert.rejects(f.bucket.build(), /hook_env entry "INPUT_FOO" would pass INPUT_\* to hooks/);
    } finally {
      f.bucket.write({ 'maand.conf': '' });
    }
  });

  test('the allocation index comes from KV when set there', () => {
    f.kv.put('maand/job/api/worker/10.0.0.2', 'api_allocation_index', '7');
    assert.equal(allocationIndex(f.db, f.kv, 'api', '10.0.0.2'), '7');
  });

  test('without the KV key the index is the worker position among non-removed allocations', () => {
    f.kv.delete('maand/job/api/worker/10.0.0.2', 'api_allocation_index');
    f.kv.delete('maand/job/api/worker/10.0.0.1', 'api_allocation_index');
    assert.equal(allocationIndex(f.db, f.kv, 'api', '10.0.0.1'), '0');
    assert.equal(allocationIndex(f.db, f.kv, 'api', '10.0.0.2'), '1');
  });

  test('a removed allocation gets an empty index, a worker without allocation none', () => {
    f.db.prepare("UPDATE allocations SET removed = 1 WHERE job = 'api' AND worker_ip = '10.0.0.1'").run();
    try {
      assert.equal(allocationIndex(f.db, f.kv, 'api', '10.0.0.1'), '');
      assert.equal(allocationIndex(f.db, f.kv, 'api', '10.0.0.2'), '0');
      assert.equal(allocationIndex(f.db, f.kv, 'api', '10.0.0.9'), undefined);
    } finally {
      f.db.prepare("UPDATE allocations SET removed = 0 WHERE job = 'api'").run();
    }
  });

  test('batch variables follow deploy spec §22.5', () => {
    assert.deepEqual(batchEnvironment({ batch: ['10.0.0.2', '10.0.0.1'], index: 1, count: 3, phase: 'update', rolloutOrder: ['10.0.0.2', '10.0.0.1'], rolloutOrderSource: 'kv' }), {
      BATCH_ALLOCATIONS: '10.0.0.2,10.0.0.1',
      BATCH_INDEX: '1',
      BATCH_COUNT: '3',
      DEPLOY_PHASE: 'update',
      ROLLOUT_ORDER: '10.0.0.2,10.0.0.1',
      ROLLOUT_ORDER_SOURCE: 'kv',
    });
  });
});
