// Least privilege for hooks through the bundled action (issue 15): a pre_deploy hook that prints its
// whole environment during a deploy shows none of the Action's inputs (state key, GitHub token, SSH key).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { CacheService } from './cache-service.ts';
import { JobRun } from './runner.ts';
import { Checkout, sshInputs } from './workspace.ts';

let workers: WorkerSet;
let cache: CacheService;
let co: Checkout;
let r: JobRun;
const KEY = 'hook env state key 0123456789';

before(async () => {
  workers = await startWorkers({ count: 1, net: '127.0.75' });
  cache = new CacheService();
  await cache.start();
  co = new Checkout();
  co.bucketFor(workers.ips);
  co.job('app', { version: '1.0.0', selectors: ['worker'], commands: { command_env: { executed_on: ['pre_deploy'] } } }, {
    '_modules/command_env.py': 'import json, os\nprint("ENV-DUMP " + json.dumps(dict(os.environ), sort_keys=True))\n',
  });
});

after(async () => {
  await workers.stop();
  await cache.stop();
  r?.cleanup();
  co.cleanup();
});

test('given a deploy with state key, GitHub token and SSH key inputs, when a pre_deploy hook prints its environment, then none of the inputs is in it', async () => {
  r = new JobRun(900, { workspace: co.dir, env: { ...cache.env(), GITHUB_TOKEN: 'ghs_envtoken' } });
  const main = await r.main({ bucket: 'infra', 'state-key': KEY, 'github-token': 'ghs_inputtoken', ...sshInputs(workers) });
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  const dump = main.stdout.split('\n').find((l) => l.includes('ENV-DUMP '));
  assert.ok(dump !== undefined, 'the hook ran and printed its environment');
  const env = JSON.parse(dump.slice(dump.indexOf('ENV-DUMP ') + 9)) as Record<string, string>;
  assert.deepEqual(Object.keys(env).filter((n) => /^(INPUT_|ACTIONS_|RUNNER_)|^GITHUB_TOKEN$/.test(n)), []);
  const keyLine = readFileSync(workers.clientKey, 'utf8').split('\n')[1]!;
  for (const secret of [KEY, 'ghs_inputtoken', 'ghs_envtoken', cache.env()['ACTIONS_RUNTIME_TOKEN']!, keyLine]) assert.ok(!dump.includes(secret), `the hook saw ${secret.slice(0, 8)}…`);
  assert.ok(env['PATH'] !== undefined && env['HOME'] !== undefined, 'PATH and HOME still reach the hook');
  assert.equal(env['JOB'], 'app');
  assert.equal(env['EVENT'], 'pre_deploy');
});
