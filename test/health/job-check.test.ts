// One job's health check and the `health_check` pass over built buckets with local listeners
// (spec kv §5.2/§5.5, §10.10 items 82, 87, 89, 92, 94).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { hookFixture, manifestWith, type HookFixture } from '../hooks/helpers.ts';
import { checkJobHealth } from '../../src/health/job-check.ts';
import { checkHealth } from '../../src/health/health-check.ts';
import { formatHealthEvent } from '../../src/health/format.ts';
import { parseHealthSpec } from '../../src/health/spec.ts';
import type { HealthContext, HealthEvent } from '../../src/health/types.ts';

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const REFUSED_WRITE = `import maand
r = maand.put_job_variable("from_health", "x")
print(r.status_code, r.text.strip())
assert r.status_code == 400
`;

describe('job health checks', () => {
  let f: HookFixture;
  let ctx: HealthContext;
  const events: HealthEvent[] = [];
  const tcp = createTcpServer((c) => c.destroy());
  const tcp2 = createTcpServer((c) => c.destroy());
  const http = createHttpServer((req, res) => res.writeHead(req.url === '/ready' ? 200 : 503).end());
  let closed: number;

  before(async () => {
    const tcpPort = await listen(tcp);
    const tcpPort2 = await listen(tcp2);
    const httpPort = await listen(http);
    const gone = createTcpServer();
    closed = await listen(gone);
    await new Promise((r) => gone.close(r));
    const probes = (checks: object[], extra: object = {}) => ({ health_check: { checks, ...extra } });
    f = await hookFixture(['127.0.0.1'], {
      plain: { manifest: manifestWith({}) },
      tcp: { manifest: manifestWith({}, { resources: { ports: { tcp_port: tcpPort } }, ...probes([{ type: 'tcp', port: 'tcp_port' }]) }) },
      http: { manifest: manifestWith({}, { resources: { ports: { http_port: httpPort } }, ...probes([{ type: 'http', port: 'http_port', path: '/ready' }]) }) },
      down: {
        manifest: manifestWith({}, { resources: { ports: { down_port: closed } }, ...probes([{ type: 'TCP ', port: 'down_port' }], { wait: { attempts: 3, interval_seconds: 1 } }) }),
      },
      withcmd: {
        manifest: manifestWith({ command_health: ['health_check'] }, { resources: { ports: { cmd_port: tcpPort2 } }, ...probes([{ type: 'tcp', port: 'cmd_port' }]) }),
        files: { '_modules/command_health.py': REFUSED_WRITE },
      },
      failcmd: { manifest: manifestWith({ command_health: ['health_check'] }), files: { '_modules/command_health.py': 'raise SystemExit(1)\n' } },
    });
    ctx = { ...f.ctx, onHealth: (e) => events.push(e) };
  });
  after(async () => {
    tcp.close();
    tcp2.close();
    http.close();
    await f.close();
  });

  test('a job without probes or commands passes as skipped', async () => {
    const r = await checkJobHealth(ctx, 'plain');
    assert.deepEqual([r.status, r.skipReason], ['skipped', 'no health_check config or commands']);
  });

  test('a job without active allocations passes as skipped', async () => {
    f.db.prepare("UPDATE allocations SET disabled = 1 WHERE job = 'tcp'").run();
    try {
      const r = await checkJobHealth(ctx, 'tcp');
      assert.deepEqual([r.status, r.skipReason], ['skipped', 'no active allocations']);
    } finally {
      f.db.prepare("UPDATE allocations SET disabled = 0 WHERE job = 'tcp'").run();
    }
  });

  test('a tcp probe on the assigned port with a listener passes', async () => {
    const r = await checkJobHealth(ctx, 'tcp');
    assert.equal(r.status, 'passed');
    assert.deepEqual(r.attempts[0]!.probes.map((p) => [p.worker, p.probe, p.ok]), [['127.0.0.1', 'tcp tcp_port', true]]);
  });

  test('an http probe on /ready passes', async () => {
    assert.equal((await checkJobHealth(ctx, 'http')).status, 'passed');
  });

  test('a tcp probe plus a health_check command that exits 0 passes, and the command could not write KV', async () => {
    const r = await checkJobHealth(ctx, 'withcmd');
    assert.equal(r.status, 'passed', r.error?.message);
    assert.deepEqual(r.attempts[0]!.commands.map((c) => [c.command, c.ok]), [['command_health', true]]);
    assert.match(f.output('127.0.0.1'), /400 KV writes are not allowed during health_check/);
    assert.equal(f.kv.tryGet('vars/job/withcmd', 'from_health'), undefined);
  });

  test('without wait one failed attempt fails the job with `job <job>: <error>`', async () => {
    const r = await checkJobHealth(ctx, 'down');
    assert.equal(r.status, 'failed');
    assert.equal(r.attempts.length, 1);
    assert.match(r.error!.message, new RegExp(`^job down: tcp 127\\.0\\.0\\.1:${closed}: connect ECONNREFUSED`));
  });

  test('in wait mode the check retries up to the attempts and reports each retry', async () => {
    events.length = 0;
    const r = await checkJobHealth(ctx, 'down', { wait: { intervalMs: 10 } });
    assert.equal(r.attempts.length, 3);
    assert.deepEqual(events.filter((e) => e.type !== 'probe').map(formatHealthEvent), [
      'health check failed: down (attempt 1/3), retrying...',
      'health check failed: down (attempt 2/3), retrying...',
      'health check failed: down',
    ]);
  });

  test('a failing health_check command fails the attempt with the job command error', async () => {
    const r = await checkJobHealth(ctx, 'failcmd');
    assert.equal(r.error?.message, 'job failcmd: command command_health failed: worker 127.0.0.1: command execution failed (exit 1) (event health_check)');
  });

  test('aborting stops the wait between attempts', async () => {
    const ac = new AbortController();
    const c: HealthContext = { ...ctx, signal: ac.signal, onHealth: (e) => (e.type === 'attempt-failed' ? ac.abort() : undefined) };
    const r = await checkJobHealth(c, 'down', { wait: { attempts: 1000, intervalMs: 60_000 } });
    assert.equal(r.attempts.length, 1);
    assert.match(r.error!.message, /^job down: cancelled: tcp /);
  });

  test('the health_check pass checks the named jobs and joins the failures', async () => {
    const r = await checkHealth(ctx, { jobs: [' down ', 'tcp', 'failcmd', 'down'] });
    assert.equal(r.ok, false);
    assert.deepEqual(r.jobs.map((j) => [j.job, j.status]), [['down', 'failed'], ['failcmd', 'failed'], ['tcp', 'passed']]);
    assert.match(r.error!.message, /^job down: tcp .*; job failcmd: command command_health failed: worker 127\.0\.0\.1: /);
  });

  test('unknown job names fail the pass before anything runs', async () => {
    await assert.rejects(checkHealth(ctx, { jobs: ['missing', 'tcp'] }), { message: 'jobs not in this bucket: [missing] (see maand cat jobs)' });
  });

  test('the worker gate passes when every worker accepts TCP on the ssh port', async () => {
    events.length = 0;
    const r = await checkHealth(ctx, { jobs: ['tcp'], workerGate: { sshPort: (tcp.address() as AddressInfo).port } });
    assert.equal(r.ok, true);
    assert.equal(formatHealthEvent(events[0]!), 'worker health check passed');
  });

  test('the worker gate failing stops the pass before the job checks', async () => {
    const r = await checkHealth(ctx, { jobs: ['tcp'], workerGate: { sshPort: closed } });
    assert.deepEqual(r.jobs, []);
    assert.match(r.error!.message, new RegExp(`^worker health: worker 127\\.0\\.0\\.1 ssh port ${closed}: tcp 127\\.0\\.0\\.1:${closed}: `));
  });
});

describe('stored health-check section', () => {
  test('empty means no checks with the defaults 5 s, 30 attempts, 1 s', () => {
    assert.deepEqual(parseHealthSpec('api', ''), { checks: [], timeoutMs: 5000, attempts: 30, intervalMs: 1000 });
  });

  test('a stored http probe decodes with its defaults', () => {
    assert.deepEqual(parseHealthSpec('api', '{"checks":[{"type":"http","port":"http_port"}],"timeout_seconds":2,"wait":null}'), {
      checks: [{ type: 'http', port: 'http_port', command: '', path: '/', expectStatus: 200, scheme: 'http' }],
      timeoutMs: 2000,
      attempts: 30,
      intervalMs: 1000,
    });
  });

  test('text that is not JSON is an invalid manifest', () => {
    assert.throws(() => parseHealthSpec('api', 'not-json'), (e: Error) => e.message.startsWith('invalid manifest.json: job api health_check: '));
  });
});
