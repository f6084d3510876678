// The runtime HTTP API against a built bucket (spec kv §3.9, §10.7): job `api` on 10.0.0.1 and
// 10.0.0.2, job `other` whose command_migrate demands api's command_seed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allocId, call, hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJobCommand } from '../../src/hooks/runner.ts';
import { jobWorkspaceDir } from '../../src/hooks/workspace.ts';
import { startRuntimeApi } from '../../src/hooks/runtime-api.ts';

/** A hook of job api posing as job other's allocation (its id is MD5 of `job|ip`, computable); it leaves its token behind. */
const ATTACK = `import os, maand
open("token", "w").write(os.environ["JOB_COMMAND_API_TOKEN"])
os.environ["ALLOCATION_ID"], os.environ["JOB"] = os.environ["BETA_ALLOC"], "other"
print("STATUS", maand._request("GET", "/kv", {"namespace": "secrets/job/other", "key": "password"}).status_code)
print("STATUS", maand.put_job_secret("password", "pwned").status_code)
`;

describe('runtime API', () => {
  let f: HookFixture;
  let alloc: string;
  const seed = { command: 'command_seed' };
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2'], {
      api: { manifest: manifestWith({ command_seed: ['cli'], command_attack: ['cli'] }), files: { '_modules/command_seed.py': 'print("seed")\n', '_modules/command_attack.py': ATTACK } },
      other: {
        manifest: {
          version: '1.0.0',
          selectors: ['worker'],
          commands: { command_migrate: { executed_on: ['pre_deploy'], demands: { job: 'api', command: 'command_seed', config: { min_version: '1.0.0' } } } },
        },
        files: { '_modules/command_migrate.py': 'print("migrate")\n' },
      },
    });
    alloc = allocId(f.db, 'api', '10.0.0.1');
  });
  after(async () => {
    await f.close();
  });

  const kv = (event: string, body: unknown) => ({ alloc, event, ...seed, body });

  test('a job variable can be put, read, listed and deleted; after the delete it is 404', async () => {
    const body = { namespace: 'vars/job/api', key: 'url', value: 'postgres://db' };
    assert.equal((await call(f.api, 'PUT', '/kv', kv('pre_deploy', body))).status, 200);
    const got = await call(f.api, 'GET', '/kv', kv('pre_deploy', { namespace: 'vars/job/api', key: 'url' }));
    assert.equal(got.status, 200);
    assert.deepEqual(got.json(), body);
    const keys = await call(f.api, 'GET', '/kv/keys', kv('pre_deploy', {}));
    assert.equal(keys.status, 200);
    assert.ok((keys.json() as { namespaces: Record<string, string[]> }).namespaces['vars/job/api']!.includes('url'));
    assert.equal((await call(f.api, 'DELETE', '/kv', kv('pre_deploy', { namespace: 'vars/job/api', key: 'url' }))).status, 200);
    const gone = await call(f.api, 'GET', '/kv', kv('pre_deploy', { namespace: 'vars/job/api', key: 'url' }));
    assert.equal(gone.status, 404);
    assert.equal(gone.text, 'KV get operation failed\n');
  });

  test('a secret put through /kv/secret is stored encrypted and read back in plain text', async () => {
    const body = { namespace: 'secrets/job/api', key: 'token', value: 'plain-secret' };
    assert.equal((await call(f.api, 'PUT', '/kv/secret', kv('post_deploy', body))).status, 200);
    assert.match(f.kv.get('secrets/job/api', 'token'), /^enc:v1:/);
    const got = await call(f.api, 'GET', '/kv', kv('post_deploy', { namespace: 'secrets/job/api', key: 'token' }));
    assert.equal(got.status, 200);
    assert.equal((got.json() as { value: string }).value, 'plain-secret');
    assert.equal((await call(f.api, 'DELETE', '/kv/secret', kv('post_deploy', { namespace: 'secrets/job/api', key: 'token' }))).status, 200);
  });

  test('rollout_order may be put during pre_deploy and is read back', async () => {
    const body = { namespace: 'maand/job/api', key: 'rollout_order', value: '10.0.0.2,10.0.0.1' };
    assert.equal((await call(f.api, 'PUT', '/kv', kv('pre_deploy', body))).status, 200);
    const got = await call(f.api, 'GET', '/kv', kv('pre_deploy', { namespace: 'maand/job/api', key: 'rollout_order' }));
    assert.equal((got.json() as { value: string }).value, '10.0.0.2,10.0.0.1');
  });

  test('rollout_order may not be put during post_deploy', async () => {
    const r = await call(f.api, 'PUT', '/kv', kv('post_deploy', { namespace: 'maand/job/api', key: 'rollout_order', value: '10.0.0.1' }));
    assert.equal(r.status, 403);
    assert.equal(r.text, 'Invalid or unauthorized namespace\n');
  });

  test('other keys of maand/job/<job> are read-only even during pre_deploy', async () => {
    const r = await call(f.api, 'PUT', '/kv', kv('pre_deploy', { namespace: 'maand/job/api', key: 'workers', value: 'x' }));
    assert.equal(r.status, 403);
  });

  test('during health_check every KV write is refused and the answer names health_check', async () => {
    const put = await call(f.api, 'PUT', '/kv', kv('health_check', { namespace: 'vars/job/api', key: 'a', value: 'b' }));
    assert.equal(put.status, 400);
    assert.equal(put.text, 'KV writes are not allowed during health_check\n');
    assert.equal((await call(f.api, 'PUT', '/kv/secret', kv('health_check', { namespace: 'secrets/job/api', key: 'a', value: 'b' }))).status, 400);
    assert.equal((await call(f.api, 'DELETE', '/kv', kv('health_check', { namespace: 'vars/job/api', key: 'a' }))).status, 400);
    const order = await call(f.api, 'PUT', '/kv', kv('health_check', { namespace: 'maand/job/api', key: 'rollout_order', value: 'x' }));
    assert.equal(order.status, 403);
    assert.equal(order.text, 'Invalid or unauthorized namespace\n');
  });

  test('a health_check hook claiming another event in the EVENT header is still banned from writing', async () => {
    const body = { namespace: 'vars/job/api', key: 'sneaky', value: 'x' };
    const hook = f.api.openHook({ allocId: alloc, event: 'health_check', command: 'command_seed' });
    const during = await call(f.api, 'PUT', '/kv', { ...kv('pre_deploy', body), token: hook.token });
    hook.close();
    assert.deepEqual([during.status, during.text], [400, 'KV writes are not allowed during health_check\n']);
    assert.equal((await call(f.api, 'PUT', '/kv', kv('pre_deploy', body))).status, 200);
  });

  test('given a hook that has ended, when its token is used again, then it is 401', async () => {
    const hook = f.api.openHook({ allocId: alloc, event: 'cli', command: 'command_seed' });
    const body = { namespace: 'maand/bucket', key: 'bucket_id' };
    assert.equal((await call(f.api, 'GET', '/kv', { alloc, token: hook.token, body })).status, 200);
    hook.close();
    assert.equal((await call(f.api, 'GET', '/kv', { alloc, token: hook.token, body })).status, 401);
  });

  test('/demands lists the downstream commands that demand the calling command', async () => {
    const r = await call(f.api, 'GET', '/demands', { alloc, event: 'cli', ...seed });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), [{ job: 'other', command: 'command_migrate', demand_config: { min_version: '1.0.0' } }]);
  });

  test('an upstream job demanding api may read api namespaces, api may not read the downstream job', async () => {
    const migrate = allocId(f.db, 'other', '10.0.0.1');
    f.kv.put('vars/job/api', 'dsn', 'x');
    const up = await call(f.api, 'GET', '/kv', { alloc: migrate, event: 'pre_deploy', body: { namespace: 'vars/job/api', key: 'dsn' } });
    assert.equal(up.status, 200);
    f.kv.put('vars/job/other', 'dsn', 'y');
    const down = await call(f.api, 'GET', '/kv', kv('pre_deploy', { namespace: 'vars/job/other', key: 'dsn' }));
    assert.equal(down.status, 403);
  });

  test("a hook reads only its own worker's namespaces", async () => {
    const own = await call(f.api, 'GET', '/kv', kv('cli', { namespace: 'maand/worker/10.0.0.1', key: 'worker_ip' }));
    assert.equal((own.json() as { value: string }).value, '10.0.0.1');
    const other = await call(f.api, 'GET', '/kv', kv('cli', { namespace: 'maand/worker/10.0.0.2', key: 'worker_ip' }));
    assert.equal(other.status, 403);
    assert.equal(other.text, 'Invalid or unauthorized namespace\n');
  });

  test('an empty value is left out of the GET answer', async () => {
    f.kv.put('vars/job/api', 'blank', '');
    const r = await call(f.api, 'GET', '/kv', kv('cli', { namespace: 'vars/job/api', key: 'blank' }));
    assert.equal(r.text, '{"namespace":"vars/job/api","key":"blank"}\n');
  });

  test('without the token every request is 401', async () => {
    assert.equal((await call(f.api, 'GET', '/kv', { ...kv('cli', { namespace: 'vars/job/api', key: 'x' }), token: null })).status, 401);
    assert.equal((await call(f.api, 'GET', '/kv', { ...kv('cli', { namespace: 'vars/job/api', key: 'x' }), token: 'wrong' })).status, 401);
  });

  test('the token may also come as X-MAAND-TOKEN', async () => {
    const hook = f.api.openHook({ allocId: alloc, event: 'cli', command: 'command_seed' });
    const r = await call(f.api, 'GET', '/kv', { ...kv('cli', { namespace: 'maand/bucket', key: 'bucket_id' }), token: null, headers: { 'X-MAAND-TOKEN': hook.token } });
    hook.close();
    assert.equal(r.status, 200);
  });

  test('request shape errors use the reference status codes and texts', async () => {
    const cases: Array<[string, string, Parameters<typeof call>[3], number, string]> = [
      ['GET', '/nope', { alloc }, 404, '404 page not found\n'],
      ['POST', '/kv', { alloc }, 405, ''],
      ['GET', '/kv', { as: alloc, body: {} }, 400, 'X-ALLOCATION-ID header is missing\n'],
      ['GET', '/kv', { as: alloc, alloc: 'no-such-alloc', body: {} }, 403, 'Forbidden: this token belongs to a hook of job api; X-ALLOCATION-ID no-such-alloc is not its allocation\n'],
      ['GET', '/kv', { alloc }, 400, 'Failed to read request body\n'],
      ['GET', '/kv', { alloc, body: '{"namespace": 1}' }, 400, 'Invalid JSON format\n'],
      ['GET', '/kv', { alloc, body: '{nope' }, 400, 'Invalid JSON format\n'],
      ['GET', '/kv', { alloc, body: { namespace: 'vars/job/api' } }, 400, 'Both namespace and key are required\n'],
      ['PUT', '/kv', { alloc, event: 'cli', body: { namespace: 'vars/job/api', key: 'k', value: '' } }, 400, 'Both namespace and key are required\n'],
      ['GET', '/kv/keys', { alloc, body: { namespace: 'vars/job/other' } }, 403, 'Invalid or unauthorized namespace\n'],
    ];
    for (const [method, path, o, status, text] of cases) {
      const r = await call(f.api, method, path, o);
      assert.deepEqual([r.status, r.text], [status, text], `${method} ${path} ${JSON.stringify(o)}`);
    }
  });

  test('a body with trailing data after the first JSON value is accepted, field names match case-insensitively', async () => {
    f.kv.put('vars/job/api', 'case', 'v');
    const r = await call(f.api, 'GET', '/kv', kv('cli', '{"Namespace":"vars/job/api","KEY":"case"} trailing'));
    assert.equal(r.status, 200);
  });

  test('deleting a key in a namespace never seen in this run is a 500 (reference behaviour)', async () => {
    const other = allocId(f.db, 'other', '10.0.0.2');
    const r = await call(f.api, 'DELETE', '/kv/secret', { alloc: other, event: 'cli', body: { namespace: 'secrets/job/other', key: 'never' } });
    assert.deepEqual([r.status, r.text], [500, 'Internal server error\n']);
  });

  test('a refused write is remembered for the allocation and handed out once', async () => {
    f.api.takeRejections(alloc);
    await call(f.api, 'PUT', '/kv', kv('post_build', { namespace: 'vars/job/other', key: 'k', value: 'v' }));
    assert.deepEqual(f.api.takeRejections(alloc), ['PUT /kv vars/job/other k: Invalid or unauthorized namespace']);
    assert.deepEqual(f.api.takeRejections(alloc), []);
  });

  test('two runtime APIs run at once on different ports; a token of one is 401 on the other', async () => {
    const second = await startRuntimeApi({ db: f.db, kv: f.kv });
    const hook = second.openHook({ allocId: alloc, event: 'cli', command: 'command_seed' });
    try {
      assert.notEqual(second.port, f.api.port);
      assert.equal(second.host, '127.0.0.1');
      const body = { namespace: 'vars/job/api', key: 'from_second', value: '2' };
      assert.equal((await call(second, 'PUT', '/kv', { ...kv('cli', body), token: hook.token })).status, 200);
      assert.equal((await call(f.api, 'PUT', '/kv', { ...kv('cli', body), token: hook.token })).status, 401);
      assert.equal(f.kv.get('vars/job/api', 'from_second'), '2');
    } finally {
      hook.close();
      await second.close();
    }
  });

  test("given job api's hook token, when it sends the other job's allocation id, then it is 403, reported, and that job's secret is unchanged", async () => {
    const beta = allocId(f.db, 'other', '10.0.0.1');
    f.kv.putSecret('secrets/job/other', 'password', 'beta-secret');
    const refused: string[] = [];
    const hook = f.api.openHook({ allocId: alloc, event: 'pre_deploy', command: 'command_seed' }, (r) => refused.push(r));
    try {
      const read = await call(f.api, 'GET', '/kv', { alloc: beta, event: 'pre_deploy', token: hook.token, body: { namespace: 'secrets/job/other', key: 'password' } });
      const write = await call(f.api, 'PUT', '/kv/secret', { alloc: beta, event: 'pre_deploy', token: hook.token, body: { namespace: 'secrets/job/other', key: 'password', value: 'pwned' } });
      assert.deepEqual([read.status, write.status], [403, 403]);
      assert.doesNotMatch(read.text, /beta-secret/);
      assert.equal(f.kv.getSecret('secrets/job/other', 'password'), 'beta-secret');
      assert.equal(refused.length, 2);
      assert.match(refused[0]!, new RegExp(`^GET /kv: Forbidden: this token belongs to a hook of job api; X-ALLOCATION-ID ${beta} is not its allocation$`));
    } finally {
      hook.close();
    }
  });

  test("given job api's hook token, when it reads the other job's secrets namespace with its own allocation id, then it is 403", async () => {
    f.kv.putSecret('secrets/job/other', 'password', 'beta-secret');
    const r = await call(f.api, 'GET', '/kv', kv('pre_deploy', { namespace: 'secrets/job/other', key: 'password' }));
    assert.deepEqual([r.status, r.text], [403, 'Invalid or unauthorized namespace\n']);
  });

  test("given a running hook of job api, when it sends job other's allocation id, then both calls are 403, shown with its output, other's secret is unchanged, and its token is 401 after it ended", async () => {
    f.kv.putSecret('secrets/job/other', 'password', 'beta-secret');
    const ctx = { ...f.ctx, env: { ...process.env, BETA_ALLOC: allocId(f.db, 'other', '10.0.0.1') } };
    f.bucket.write({ 'maand.conf': 'hook_env = ["BETA_ALLOC"]\n' });
    const r = await runJobCommand(ctx, { job: 'api', command: 'command_attack', event: 'cli', workers: ['10.0.0.1'] });
    assert.equal(r.ok, true, r.error?.message);
    const out = f.output('10.0.0.1');
    assert.deepEqual(out.split('\n').filter((l) => l.startsWith('STATUS')), ['STATUS 403', 'STATUS 403']);
    assert.match(out, /maand: the runtime API refused PUT \/kv\/secret: Forbidden: this token belongs to a hook of job api/);
    assert.equal(f.kv.getSecret('secrets/job/other', 'password'), 'beta-secret');
    const token = readFileSync(join(jobWorkspaceDir(f.root, '10.0.0.1', 'api'), '_modules', 'token'), 'utf8');
    assert.equal((await call(f.api, 'GET', '/kv', { alloc, token, body: { namespace: 'maand/bucket', key: 'bucket_id' } })).status, 401);
  });
});
