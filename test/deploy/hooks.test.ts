// Python hooks that use the maand client library during a real deploy, and two deploys at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';

const PRE = `import maand
maand.put_job_variable("greeting", "hello " + maand.allocation_ip())
maand.put_job_secret("token", "s3cret")
maand.put_rollout_order(",".join(reversed(maand.get_kv_value("maand/job/app", "workers").split(","))))
maand.acquire_semaphore("pre", 1)
maand.release_semaphore("pre")
`;
const HEALTH = `import maand
assert maand.get_kv_value("vars/job/app", "greeting").startswith("hello ")
`;
const POST = `import maand, os
with open(os.environ["POST_LOG"], "a") as f:
    f.write(maand.allocation_ip() + " " + maand.get_kv_value("secrets/job/app", "token") + "\\n")
`;

let f: DeployFixture;
let g: DeployFixture;
let ips: string[];
before(async () => {
  [f, g] = await Promise.all([deployFixture('127.0.53', 2), deployFixture('127.0.54', 2)]);
  ips = f.workers.ips;
  for (const x of [f, g]) {
    x.bucket.workers(x.workers.ips.map((ip) => ({ host: ip })));
    x.bucket.write({ 'maand.conf': `${x.bucket.read('maand.conf')}hook_env = ["POST_LOG"]\n` }); // hooks see only opted-in names
    x.bucket.job('app', {
      version: '1.0.0', selectors: ['worker'], max_concurrent_upgrades: 1,
      commands: {
        command_pre: { executed_on: ['pre_deploy'] },
        command_health: { executed_on: ['health_check'] },
        command_post: { executed_on: ['post_deploy'] },
      },
    }, {
      Makefile: RECORDING_MAKEFILE,
      'greeting.txt.tpl': '{{ get "vars/job/app" "greeting" }} / {{ getSecret "token" }}\n',
      '_modules/command_pre.py': PRE,
      '_modules/command_health.py': HEALTH,
      '_modules/command_post.py': POST,
    });
    await x.bucket.build();
  }
  process.env['POST_LOG'] = `${f.bucket.root}/post.log`;
});
after(async () => Promise.all([f.close(), g.close()]));

test('pre_deploy writes reach templates of the same deploy; post_deploy reads the secret; health_check reads KV', async () => {
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => j.error)));
  const last = ips[ips.length - 1]!;
  assert.equal(f.remoteFile(ips[0]!, 'app', 'greeting.txt'), `hello ${last} / s3cret\n`);
  assert.equal(f.bucket.read('post.log').split('\n').filter(Boolean).sort().join(','), ips.map((ip) => `${ip} s3cret`).sort().join(','));
  assert.equal(f.bucket.kvGet('vars/job/app', 'greeting'), `hello ${last}`);
  assert.match(f.bucket.kv().tryGet('secrets/job/app', 'token') ?? '', /^enc:v1:/);
});

test('put_rollout_order from pre_deploy orders the rollout batches', async () => {
  f.bucket.write({ 'workspace/jobs/app/extra.txt': '1\n' });
  await f.bucket.build();
  await f.deploy();
  const order = f.events.filter((e) => e.type === 'batch-started').map((e) => (e.type === 'batch-started' ? e.workers.join(',') : ''));
  assert.deepEqual(order, [...ips].reverse());
});

test('two deploys of different buckets at once both succeed', async () => {
  process.env['POST_LOG'] = `${g.bucket.root}/post.log`;
  f.bucket.write({ 'workspace/jobs/app/extra.txt': '2\n' });
  await f.bucket.build();
  const [a, b] = await Promise.all([f.deploy({ force: true }), g.deploy()]);
  assert.deepEqual(a.failedJobs, []);
  assert.deepEqual(b.failedJobs, []);
  for (const ip of g.workers.ips) assert.deepEqual(g.lifecycle(ip, 'app'), ['start 0.0.0 1.0.0']);
});

test("a hook's maand.run_ssh goes over the deploy's connection to the worker instead of logging in again", async () => {
  const probe = `import maand\nr = maand.run_ssh(maand.allocation_ip(), "cat /opt/worker/" + maand.get_kv_value("maand/bucket", "bucket_id") + "/jobs/sshy/marker")\nassert r.stdout.strip() == "here", r\n`;
  f.bucket.job('sshy', { version: '1.0.0', selectors: ['worker'], commands: { command_probe: { executed_on: ['health_check'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    marker: 'here\n',
    '_modules/command_probe.py': probe,
  });
  await f.bucket.build();
  const logins = (): number[] => ips.map((ip) => readFileSync(f.workers.logFile(ip), 'utf8').match(/Accepted publickey/g)?.length ?? 0);
  const before = logins();
  const r = await f.deploy({ jobs: ['sshy'] });
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => j.error)));
  assert.deepEqual(logins().map((n, i) => n - before[i]!), ips.map(() => 1));
});
