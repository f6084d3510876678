// The client libraries staged into _modules (spec kv §4, §10.6 item 53).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allocId, hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { runJobCommand } from '../../src/hooks/runner.ts';

const run = promisify(execFile);
const assets = join(import.meta.dirname, '..', '..', 'assets');

const PY_FUNCTIONS = [
  'allocation_id', 'allocation_ip', 'allocation_index', 'is_allocation_disabled', 'command_event', 'command_name', 'job_name',
  'get_store_value', 'get_kv_value', 'put_job_variable', 'delete_job_variable', 'put_job_secret', 'delete_job_secret', 'list_job_keys',
  'put_rollout_order', 'put_deploy_order', 'get_rollout_order', 'list_command_demands', 'acquire_semaphore', 'release_semaphore',
  'semaphore_status', 'find_bucket_root', 'load_ssh', 'run_ssh', 'run_runner_target', 'run_make_target', 'get_allocation_id',
  'get_allocation_ip', 'get_allocation_index', 'get_event', 'get_command', 'get_job', 'kv_get', 'kv_put', 'kv_put_secret', 'get_demands',
];

const TS_EXPORTS = [
  'allocationId', 'allocationIp', 'allocationIndex', 'isAllocationDisabled', 'commandEvent', 'commandName', 'jobName', 'getStoreValue',
  'putRolloutOrder', 'putDeployOrder', 'getRolloutOrder', 'putJobVariable', 'putJobSecret', 'listJobKeys', 'deleteJobVariable',
  'deleteJobSecret', 'listCommandDemands', 'acquireSemaphore', 'releaseSemaphore', 'semaphoreStatus', 'getAllocationId', 'getAllocationIp',
  'getAllocationIndex', 'getEvent', 'getCommand', 'getJob', 'kvGet', 'kvPut', 'kvPutSecret', 'getDemands',
];

/** Runs Python with maand.py importable and the `requests` package hidden, as on a bare runner (async: the API answers from this process). */
async function python(code: string, env: Record<string, string>, cwd: string): Promise<string> {
  const prelude = `import sys\nsys.modules["requests"] = None\nsys.path.insert(0, ${JSON.stringify(assets)})\nimport maand\n`;
  return (await run('python3', ['-c', prelude + code], { env: { ...process.env, ...env }, cwd, encoding: 'utf8' })).stdout;
}

describe('client libraries', () => {
  let f: HookFixture;
  let env: Record<string, string>;
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2'], {
      api: { manifest: manifestWith({ command_ts: ['cli'] }), files: { '_modules/command_ts.ts': '' } },
    });
    env = {
      ALLOCATION_ID: allocId(f.db, 'api', '10.0.0.1'), ALLOCATION_IP: '10.0.0.1', JOB: 'api', EVENT: 'cli', COMMAND: 'command_ts',
      JOB_COMMAND_API_HOST: f.api.host, JOB_COMMAND_API_PORT: String(f.api.port), JOB_COMMAND_API_TOKEN: f.api.openHook({ allocId: allocId(f.db, 'api', '10.0.0.1'), event: 'cli', command: 'command_ts' }).token,
    };
  });
  after(async () => {
    await f.close();
  });

  test('maand.py provides every reference function, the aliases and put_deploy_order', async () => {
    const missing = await python(`print(",".join(n for n in ${JSON.stringify(PY_FUNCTIONS)} if not callable(getattr(maand, n, None))))`, env, f.root);
    assert.equal(missing.trim(), '');
  });

  test('a runtime API that never answers makes the call fail with a timeout naming the URL, not hang', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((res) => silent.listen(0, '127.0.0.1', res));
    const port = (silent.address() as { port: number }).port;
    try {
      const out = await python(
        `try:\n    maand._request("GET", "/kv", {"namespace": "x", "key": "y"}, timeout=1)\nexcept maand.Timeout as e:\n    print("timeout:", e)\nprint("default", maand._DEFAULT_TIMEOUT)`,
        { ...env, JOB_COMMAND_API_PORT: String(port) }, f.root,
      );
      assert.match(out, new RegExp(`^timeout: GET http://127\\.0\\.0\\.1:${port}/kv: `, 'm'));
      assert.match(out, /^default 60$/m);
    } finally {
      silent.close();
    }
  });

  test('maand.ts exports every reference function, the aliases and putDeployOrder', async () => {
    const mod = (await import(join(assets, 'maand.ts'))) as Record<string, unknown>;
    assert.deepEqual(TS_EXPORTS.filter((n) => typeof mod[n] !== 'function'), []);
  });

  test('maand.py works with the standard library only: reads, writes, 404 for a missing key', async () => {
    const out = await python(
      `maand.put_job_variable("k", "  v  ").raise_for_status()
print(maand.get_kv_value("vars/job/api", "k"))
print(maand.get_store_value("vars/job/api", "nope").status_code)
print(maand.get_kv_value("maand/worker/10.0.0.1", "worker_ip"))`,
      env,
      f.root,
    );
    assert.equal(out, 'v\n404\n10.0.0.1\n');
  });

  test('raise_for_status raises maand.HTTPError with the server text, get_kv_value raises KeyError on an empty value', async () => {
    f.kv.put('vars/job/api', 'empty', '');
    const out = await python(
      `try:
    maand.get_store_value("maand/worker/10.0.0.2", "worker_ip").raise_for_status()
except maand.HTTPError as e:
    print(e.response.status_code, str(e).split(" for url")[0])
try:
    maand.get_kv_value("vars/job/api", "empty")
except KeyError:
    print("KeyError")`,
      env,
      f.root,
    );
    assert.equal(out, '403 403 Client Error: Invalid or unauthorized namespace\nKeyError\n');
  });

  test('with requests installed, maand.HTTPError is a requests.HTTPError', (t) => {
    try {
      execFileSync('python3', ['-c', 'import requests']);
    } catch {
      t.skip('requests is not installed here');
      return;
    }
    const out = execFileSync('python3', ['-c', `import sys, requests; sys.path.insert(0, ${JSON.stringify(assets)}); import maand; print(issubclass(maand.HTTPError, requests.HTTPError))`], { encoding: 'utf8' });
    assert.equal(out.trim(), 'True');
  });

  test('an unreachable API raises maand.ConnectionError', async () => {
    const out = await python(
      `try:
    maand.get_store_value("vars/job/api", "k")
except maand.ConnectionError:
    print("ConnectionError")`,
      { ...env, JOB_COMMAND_API_PORT: '1' },
      f.root,
    );
    assert.equal(out.trim(), 'ConnectionError');
  });

  test('load_ssh reads maand.conf of the bucket with maand defaults', async () => {
    writeFileSync(join(f.root, 'secrets', 'worker.key'), 'KEY');
    const out = await python('print(maand.load_ssh())', env, join(f.root, 'workspace'));
    assert.equal(out.trim(), `('agent', '${join(f.root, 'secrets', 'worker.key')}', True)`);
  });

  test('a TypeScript hook uses semaphores, secrets, keys and the deploy-order alias', async () => {
    const script = `import * as maand from './maand.ts';
const check = async (r: Response) => { if (!r.ok) throw new Error(r.status + ' ' + await r.text()); return r; };
await check(await maand.putDeployOrder(['10.0.0.2', '', '10.0.0.1']));
await check(await maand.putJobSecret('pw', ' spaced '));
const keys = await (await check(await maand.listJobKeys('secrets/job/api'))).json();
const sem = await (await check(await maand.acquireSemaphore('once', 1, 5))).json();
const status = await (await check(await maand.semaphoreStatus('once'))).json();
await check(await maand.releaseSemaphore('once'));
console.log(JSON.stringify({ keys, acquired: sem.acquired, holders: status.holders, secret: await maand.getKvValue('secrets/job/api', 'pw') }));
`;
    f.db.prepare("UPDATE job_files SET content = ? WHERE path = 'api/_modules/command_ts.ts'").run(Buffer.from(script));
    const r = await runJobCommand(f.ctx, { job: 'api', command: 'command_ts', event: 'cli', workers: ['10.0.0.1'] });
    assert.equal(r.error?.message, undefined, f.output());
    assert.deepEqual(JSON.parse(f.lines.at(-1)!.text), {
      keys: { namespaces: { 'secrets/job/api': ['pw'] } },
      acquired: true,
      holders: [allocId(f.db, 'api', '10.0.0.1')],
      secret: ' spaced ',
    });
    assert.equal(f.kv.get('maand/job/api', 'rollout_order'), '10.0.0.2,10.0.0.1');
  });
});
