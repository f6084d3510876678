// job_control hooks replace the Makefile lifecycle (deploy spec §12.8).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';

const CONTROL = `import os
with open(os.environ["CONTROL_LOG"], "a") as f:
    f.write("%s new=%s updated=%s\\n" % (os.environ["ALLOCATION_IP"], os.environ["NEW_ALLOCATIONS"], os.environ["UPDATED_ALLOCATIONS"]))
`;

let f: DeployFixture;
before(async () => {
  f = await deployFixture('127.0.62', 2);
  f.bucket.workers(f.workers.ips.map((ip) => ({ host: ip })));
  f.bucket.write({ 'maand.conf': `${f.bucket.read('maand.conf')}hook_env = ["CONTROL_LOG"]\n` }); // hooks see only opted-in names
  f.bucket.job('ctl', { version: '1.0.0', selectors: ['worker'], commands: { command_control: { executed_on: ['job_control'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    '_modules/command_control.py': CONTROL,
  });
  await f.bucket.build();
  process.env['CONTROL_LOG'] = `${f.bucket.root}/control.log`;
});
after(async () => f.close());

test('a job with job_control hooks runs them once per active allocation instead of make, with NEW_ALLOCATIONS', async () => {
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  const [a, b] = f.workers.ips;
  const lines = f.bucket.read('control.log').trim().split('\n').sort();
  assert.deepEqual(lines, [`${a} new=${a},${b} updated=`, `${b} new=${a},${b} updated=`]);
  for (const ip of f.workers.ips) assert.deepEqual(f.lifecycle(ip, 'ctl'), [], 'make start is not run');
});

test('with --force the hooks run again with every allocation in UPDATED_ALLOCATIONS', async () => {
  f.bucket.remove('control.log');
  const r = await f.deploy({ force: true });
  assert.deepEqual(r.failedJobs, []);
  const [a, b] = f.workers.ips;
  assert.deepEqual(f.bucket.read('control.log').trim().split('\n').sort(), [`${a} new= updated=${a},${b}`, `${b} new= updated=${a},${b}`]);
});
