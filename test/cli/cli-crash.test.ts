// The bundled CLI stopped mid-rollout from outside: SIGTERM (a CI runner cancelling the job) and
// SIGKILL (a crash); and a second maand started in the same bucket meanwhile. The catalog must only ever claim what the workers got, so the next deploy
// finishes the work without restarting what was already promoted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
const NET = '127.0.64';
let f: DeployFixture;
let ips: string[];

before(async () => {
  f = await deployFixture(NET, 3);
  ips = f.workers.ips;
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  // one worker per batch, each start takes a second: there is always a batch running to interrupt
  const slowStart = RECORDING_MAKEFILE.replace('start:\n', 'start:\n\t@sleep 1\n');
  f.bucket.job('term', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: slowStart });
  f.bucket.job('kill', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: slowStart });
  f.bucket.job('busy', { version: '1.0.0', selectors: ['worker'], max_concurrent_starts: 1 }, { Makefile: slowStart });
  await f.bucket.build();
});
after(async () => f.close());

/** Runs `maand deploy --jobs <job>` and sends `signal` once stderr contains `when`. */
async function deployInterrupted(job: string, when: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'deploy', '--jobs', job, '--known-hosts', f.workers.knownHosts], { cwd: f.bucket.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (!sent && stderr.includes(when)) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise((res) => child.on('exit', (code, sig) => res({ code, signal: sig, stderr })));
}

function deploy(job: string): { status: number; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'deploy', '--jobs', job, '--known-hosts', f.workers.knownHosts], { cwd: f.bucket.root, encoding: 'utf8' });
  return { status: r.status ?? -1, stderr: r.stderr };
}

function promoted(job: string): string[] {
  return f.bucket
    .rows<{ ip: string }>(`SELECT a.worker_ip AS ip FROM allocations a JOIN hash h ON h.namespace = a.job || '_allocation' AND h.key = a.alloc_id WHERE a.job = '${job}' AND h.previous_hash = h.current_hash ORDER BY a.worker_ip`)
    .map((r) => r.ip);
}

test('SIGTERM mid-rollout finishes the running batch, records it, exits non-zero; the next deploy continues', async () => {
  const r = await deployInterrupted('term', 'term: start batch 1/3', 'SIGTERM');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /SIGTERM: cancelling: the running batch finishes/);
  assert.match(r.stderr, /deploy cancelled:/);
  assert.deepEqual(promoted('term'), [ips[0]]);
  assert.deepEqual(ips.map((ip) => f.lifecycle(ip, 'term')), [['start 0.0.0 1.0.0'], [], []]);
  const again = deploy('term');
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(promoted('term'), ips);
  assert.deepEqual(ips.map((ip) => f.lifecycle(ip, 'term')), ips.map(() => ['start 0.0.0 1.0.0']));
});

test('SIGKILL mid-rollout loses nothing: what was promoted stays promoted and is not started again', async () => {
  const r = await deployInterrupted('kill', `kill: promoted ${ips[0]}`, 'SIGKILL');
  assert.equal(r.signal, 'SIGKILL', r.stderr);
  // the batch that was promoted before the kill is recorded; nothing later is claimed
  assert.deepEqual(promoted('kill'), [ips[0]]);
  // a killed maand cannot stop its ssh clients: a batch it had just sent finishes on its own (give it time)
  for (let i = 0; i < 30 && f.lifecycle(ips[1]!, 'kill').length === 0; i++) await sleep(100);
  const again = deploy('kill');
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(promoted('kill'), ips);
  assert.deepEqual(f.lifecycle(ips[0]!, 'kill'), ['start 0.0.0 1.0.0'], 'the promoted allocation is not started again');
  for (const ip of ips.slice(1)) {
    const events = f.lifecycle(ip, 'kill');
    // at least once: a start the killed run sent but never recorded is sent again
    assert.ok(events.length >= 1 && events.every((e) => e === 'start 0.0.0 1.0.0'), `${ip}: ${events.join(' | ')}`);
  }
});

test('a second maand in the same bucket while a deploy runs fails at once naming it; read-only commands still work', async () => {
  const child = spawn(process.execPath, [CLI, 'deploy', '--jobs', 'busy', '--known-hosts', f.workers.knownHosts], { cwd: f.bucket.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const second = new Promise<{ status: number; stderr: string }>((res) => {
    let ran = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!ran && stderr.includes('busy: start batch 1/3')) {
        ran = true;
        res(deploy('busy'));
      }
    });
  });
  const r = await second;
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`^maand deploy failed: bucket is busy: maand deploy \\(pid ${child.pid} on `));
  const cat = spawnSync(process.execPath, [CLI, 'cat', 'jobs'], { cwd: f.bucket.root, encoding: 'utf8' });
  assert.equal(cat.status, 0, cat.stderr);
  const code = await new Promise<number | null>((res) => child.on('exit', res));
  assert.equal(code, 0, stderr);
  assert.deepEqual(promoted('busy'), ips);
  assert.equal(deploy('busy').status, 0, 'the lock is gone after the first deploy');
});
