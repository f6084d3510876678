// ssh probes and maand.py's run_ssh against a real sshd worker from the test harness.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkers, type WorkerSet } from '../harness/workers.ts';
import { newBucket } from '../helpers/bucket.ts';
import { buildIgnoringPostBuild, manifestWith, openFixture, type HookFixture } from '../hooks/helpers.ts';
import { readMaandConf } from '../../src/bucket/maand-conf.ts';
import { bucketPaths } from '../../src/bucket/paths.ts';
import { checkJobHealth } from '../../src/health/job-check.ts';
import { runJobCommand } from '../../src/hooks/runner.ts';
import { openSshRemote } from '../../src/deploy/openssh-remote.ts';
import type { WorkerRemote } from '../../src/run/links.ts';
import type { HealthContext } from '../../src/health/types.ts';

const RUN_SSH = `import maand
r = maand.run_ssh(maand.allocation_ip(), "cat /opt/worker/marker", check=False, timeout=20)
print("rc", r.returncode, r.stdout.strip())
`;

describe('ssh probes on a real worker', () => {
  let w: WorkerSet;
  let f: HookFixture;
  let ctx: HealthContext;
  let remote: WorkerRemote;
  let ip: string;
  before(async () => {
    w = await startWorkers({ count: 1, net: '127.0.161' });
    ip = w.ips[0]!;
    const b = await newBucket();
    b.write({ 'maand.conf': "use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\n", 'opt-marker': 'here' });
    copyFileSync(w.clientKey, join(b.root, 'secrets', 'worker.key'));
    copyFileSync(w.knownHosts, join(b.root, 'secrets', 'known_hosts'));
    b.workers([{ host: ip }]);
    const check = (command: string) => ({ health_check: { checks: [{ type: 'ssh', command }], timeout_seconds: 20 } });
    b.job('up', manifestWith({ command_run_ssh: ['cli'] }, check('test -f /opt/worker/marker')), { '_modules/command_run_ssh.py': RUN_SSH });
    b.job('broken', manifestWith({}, check('echo not running >&2; exit 3')));
    b.job('unsetvar', manifestWith({}, check('test -z "$MAAND_PROBE_NEVER_SET"')));
    await buildIgnoringPostBuild(b);
    f = await openFixture(b);
    // the run's one ssh stack: probes ride the same ControlMaster as every other command
    remote = (await openSshRemote(bucketPaths(f.root), readMaandConf(join(f.root, 'maand.conf')), { hostKeyPolicy: 'strict' })).remote;
    ctx = { ...f.ctx, sshProbe: (host, command, o) => remote.probe(host, command, o) };
    copyFileSync(join(f.root, 'opt-marker'), join(w.optDir(ip), 'marker'));
  });
  after(async () => {
    await remote?.close();
    await f?.close();
    await w?.stop();
  });

  test('an ssh probe whose command succeeds on the worker passes', async () => {
    const r = await checkJobHealth(ctx, 'up');
    assert.equal(r.status, 'passed', r.error?.message);
  });

  test('an ssh probe whose command fails reports the exit status and the output', async () => {
    const r = await checkJobHealth(ctx, 'broken');
    assert.equal(r.error?.message, `job broken: ssh ${ip}: exit status 3: not running`);
  });

  test('an ssh probe runs its command as written: an unset variable expands to nothing, it is not an error', async () => {
    assert.equal((await checkJobHealth(ctx, 'unsetvar')).status, 'passed');
  });

  test("maand.py's run_ssh reaches the worker with the bucket's credentials and known hosts", async () => {
    const r = await runJobCommand(f.ctx, { job: 'up', command: 'command_run_ssh', event: 'cli' });
    assert.equal(r.error?.message, undefined, f.output());
    assert.match(f.output(ip), /^rc 0 here$/m);
    assert.equal(readFileSync(join(f.root, 'secrets', 'known_hosts'), 'utf8'), readFileSync(w.knownHosts, 'utf8'));
  });
});
