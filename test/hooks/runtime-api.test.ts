// The runtime HTTP API against a built bucket (spec kv §3.9, §10.7): job `api` on 10.0.0.1 and
// 10.0.0.2, job `other` whose command_migrate demands api's command_seed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allocId, call, hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { startRuntimeApi } from '../../src/hooks/runtime-api.ts';

describe('runtime API', () => {
  let f: HookFixture;
  let alloc: string;
  const seed = { command: 'command_seed' };
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2'], {
      api: { manifest: manifestWith({ command_seed: ['cli'] }), files: { '_modules/command_seed.py': 'print("seed")\n' } },
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
    assert.equal(r.status, 400);
    assert.equal(r.text, 'Invalid or unauthorized namespace\n');
  });

  test('other keys of maand/job/<job> are read-only even during pre_deploy', async () => {
    const r = await call(f.api, 'PUT', '/kv', kv('pre_deploy', { namespace: 'maand/job/api', key: 'workers', value: 'x' }));
    assert.equal(r.status, 400);
  });

  test('during health_check every KV write is refused and the answer names health_check', async () => {
    const put = await call(f.api, 'PUT', '/kv', kv('health_check', { namespace: 'vars/job/api', key: 'a', value: 'b' }));
    assert.equal(put.status, 400);
    assert.equal(put.text, 'KV writes are not allowed during health_check\n');
    assert.equal((await call(f.api, 'PUT', '/kv/secret', kv('health_check', { namespace: 'secrets/job/api', key: 'a', value: 'b' }))).status, 400);
    assert.equal((await call(f.api, 'DELETE', '/kv', kv('health_check', { namespace: 'vars/job/api', key: 'a' }))).status, 400);
    const order = await call(f.api, 'PUT', '/kv', kv('health_check', { namespace: 'maand/job/api', key: 'rollout_order', value: 'x' }));
    assert.equal(order.status, 400);
    assert.equal(order.text, 'Invalid or unauthorized namespace\n');
  });

  test('while a health_check hook of the allocation runs, claiming another event does not lift the write ban', async () => {
    const body = { namespace: 'vars/job/api', key: 'sneaky', value: 'x' };
    const leave = f.api.enterHook(alloc, 'health_check');
    const during = await call(f.api, 'PUT', '/kv', kv('pre_deploy', body));
    leave();
    assert.deepEqual([during.status, during.text], [400, 'KV writes are not allowed during health_check\n']);
    assert.equal((await call(f.api, 'PUT', '/kv', kv('pre_deploy', body))).status, 200);
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
    assert.equal(down.status, 400);
  });

  test("a hook reads only its own worker's namespaces", async () => {
    const own = await call(f.api, 'GET', '/kv', kv('cli', { namespace: 'maand/worker/10.0.0.1', key: 'worker_ip' }));
    assert.equal((own.json() as { value: string }).value, '10.0.0.1');
    const other = await call(f.api, 'GET', '/kv', kv('cli', { namespace: 'maand/worker/10.0.0.2', key: 'worker_ip' }));
    assert.equal(other.status, 400);
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
    const r = await call(f.api, 'GET', '/kv', { ...kv('cli', { namespace: 'maand/bucket', key: 'bucket_id' }), token: null, headers: { 'X-MAAND-TOKEN': f.api.token } });
    assert.equal(r.status, 200);
  });

  test('request shape errors use the reference status codes and texts', async () => {
    const cases: Array<[string, string, Parameters<typeof call>[3], number, string]> = [
      ['GET', '/nope', { alloc }, 404, '404 page not found\n'],
      ['POST', '/kv', { alloc }, 405, ''],
      ['GET', '/kv', { body: {} }, 400, 'X-ALLOCATION-ID header is missing\n'],
      ['GET', '/kv', { alloc: 'no-such-alloc', body: {} }, 404, 'Invalid allocation ID\n'],
      ['GET', '/kv', { alloc }, 400, 'Failed to read request body\n'],
      ['GET', '/kv', { alloc, body: '{"namespace": 1}' }, 400, 'Invalid JSON format\n'],
      ['GET', '/kv', { alloc, body: '{nope' }, 400, 'Invalid JSON format\n'],
      ['GET', '/kv', { alloc, body: { namespace: 'vars/job/api' } }, 400, 'Both namespace and key are required\n'],
      ['PUT', '/kv', { alloc, event: 'cli', body: { namespace: 'vars/job/api', key: 'k', value: '' } }, 400, 'Both namespace and key are required\n'],
      ['GET', '/kv/keys', { alloc, body: { namespace: 'vars/job/other' } }, 400, 'Invalid or unauthorized namespace\n'],
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

  test('two runtime APIs run at once on different ports, each with its own token and store', async () => {
    const second = await startRuntimeApi({ db: f.db, kv: f.kv });
    try {
      assert.notEqual(second.port, f.api.port);
      assert.notEqual(second.token, f.api.token);
      assert.equal(second.host, '127.0.0.1');
      const body = { namespace: 'vars/job/api', key: 'from_second', value: '2' };
      assert.equal((await call(second, 'PUT', '/kv', kv('cli', body))).status, 200);
      assert.equal((await call(f.api, 'PUT', '/kv', { ...kv('cli', body), token: second.token })).status, 401);
      assert.equal(f.kv.get('vars/job/api', 'from_second'), '2');
    } finally {
      await second.close();
    }
  });
});
