import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, RemoteCommandError } from './remote-check.ts';
import type { RemoteResult } from '../../src/remote/result.ts';

function result(over: Partial<RemoteResult>): RemoteResult {
  return {
    kind: 'command',
    host: '10.0.0.3',
    port: 22,
    argv: ['ssh', '-p', '22', 'agent@10.0.0.3', 'timeout 300 bash -s'],
    summary: 'ssh -p 22 agent@10.0.0.3 timeout 300 bash -s',
    knownHosts: ['/b/secrets/known_hosts'],
    knownHostsName: '10.0.0.3',
    exitCode: 0,
    stdout: '',
    stderr: '',
    timedOut: false,
    aborted: false,
    truncated: false,
    durationMs: 1,
    ...over,
  };
}

function thrown(r: RemoteResult): RemoteCommandError {
  try {
    check(r);
  } catch (e) {
    assert.ok(e instanceof RemoteCommandError);
    return e;
  }
  assert.fail('check() did not throw');
}

test('a successful result passes check unchanged', () => {
  const r = result({});
  assert.equal(check(r), r);
});

test('a non-zero exit names the worker, the exit code and the last stderr line', () => {
  const e = thrown(result({ exitCode: 2, stderr: 'make: entering\nmake: *** [start] Error 1\n' }));
  assert.equal(e.message, 'worker 10.0.0.3: command execution failed (exit 2): make: *** [start] Error 1');
  assert.equal(e.name, 'RemoteCommandError');
  assert.equal(e.result.host, '10.0.0.3');
  assert.equal(e.result.exitCode, 2);
  assert.equal(e.failure, 'exit');
  assert.equal(e.result.summary, 'ssh -p 22 agent@10.0.0.3 timeout 300 bash -s');
});

test('ssh exit 255 says the worker is unreachable and what to check', () => {
  const e = thrown(result({ exitCode: 255, stderr: 'ssh: connect to host 10.0.0.3 port 22: Connection refused\r\n' }));
  assert.equal(
    e.message,
    'worker 10.0.0.3 unreachable (ssh exit 255): ssh: connect to host 10.0.0.3 port 22: Connection refused; ' +
      'check the host, its ssh_port and known_hosts, then run maand deploy again',
  );
  assert.equal(e.failure, 'unreachable');
});

test('a changed host key names the host and the command that forgets the old key', () => {
  const e = thrown(result({ exitCode: 255, hostKeyProblem: 'changed' }));
  assert.equal(
    e.message,
    'worker 10.0.0.3: host key changed (ssh exit 255): the key it presents is not the one recorded for 10.0.0.3 ' +
      "in /b/secrets/known_hosts; if the worker was reinstalled, remove the old key with 'ssh-keygen -R 10.0.0.3 " +
      "-f /b/secrets/known_hosts', then run maand deploy again",
  );
});

test('an unknown host key under strict checking names the host and the files searched', () => {
  const e = thrown(result({ exitCode: 255, hostKeyProblem: 'unknown' }));
  assert.match(e.message, /^worker 10\.0\.0\.3: host key unknown \(ssh exit 255\): no key for 10\.0\.0\.3 in \/b\/secrets\/known_hosts/);
  assert.equal(e.failure, 'host-key-unknown');
});

test('a timeout says how long it waited', () => {
  const e = thrown(result({ exitCode: -1, timedOut: true, timeoutMs: 300_000 }));
  assert.equal(
    e.message,
    'worker 10.0.0.3: command timed out after 300 s and was killed; check what it waits for on the worker, then run maand deploy again',
  );
});

test('a failed rsync is reported as rsync', () => {
  const e = thrown(result({ kind: 'rsync', exitCode: 23, stderr: 'rsync error: some files could not be transferred\n' }));
  assert.equal(e.message, 'worker 10.0.0.3: rsync failed (exit 23): rsync error: some files could not be transferred');
});

test('a cancelled command is reported as cancelled', () => {
  assert.equal(thrown(result({ exitCode: -1, aborted: true })).message, 'worker 10.0.0.3: command cancelled');
});

test('an rsync failure names its first error line, not the closing "see previous errors" summary', () => {
  const stderr = [
    'rsync: [receiver] mkstemp "/opt/worker/b/jobs/app/conf/.app.conf.Xy12" failed: Permission denied (13)',
    'rsync: [receiver] mkstemp "/opt/worker/b/jobs/app/.Makefile.Ab34" failed: Permission denied (13)',
    'rsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1394) [sender=3.5.0]',
    '',
  ].join('\n');
  assert.equal(
    thrown(result({ kind: 'rsync', exitCode: 23, stderr })).message,
    'worker 10.0.0.3: rsync failed (exit 23): rsync: [receiver] mkstemp "/opt/worker/b/jobs/app/conf/.app.conf.Xy12" failed: Permission denied (13) (and 1 more)',
  );
});

test('an rsync failure with only the summary line reports that line', () => {
  const stderr = 'rsync error: error in rsync protocol data stream (code 12) at io.c(232) [sender=3.5.0]\n';
  assert.match(thrown(result({ kind: 'rsync', exitCode: 12, stderr })).message, /rsync failed \(exit 12\): rsync error: error in rsync protocol data stream/);
});

test('ssh exit 255 with a refused login points at ssh_user and the key, not at the network', () => {
  const e = thrown(result({ exitCode: 255, stderr: 'agent@10.0.0.3: Permission denied (publickey).\r\n' }));
  assert.equal(
    e.message,
    'worker 10.0.0.3 unreachable (ssh exit 255): agent@10.0.0.3: Permission denied (publickey).; ' +
      'the worker refused the login: check ssh_user and the ssh key (maand.conf ssh_user, ssh_key), then run maand deploy again',
  );
});
