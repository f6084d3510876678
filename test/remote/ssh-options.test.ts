import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hookSshEnvironment } from '../../src/remote/hook-ssh.ts';
import { sshArgs, sshOptionArgs, type SshTarget } from '../../src/remote/ssh-options.ts';

const base: SshTarget = {
  host: '10.0.0.3',
  user: 'agent',
  port: 0,
  keyFile: '/b/secrets/worker.key',
  knownHostsFile: '/b/secrets/known_hosts',
  hostKeyPolicy: 'accept-new',
  controlPath: '/tmp/maand-ssh-x/%C',
};

const COMMON =
  '-o LogLevel=ERROR -o BatchMode=yes -o ConnectTimeout=15 -o ServerAliveInterval=15 -o ServerAliveCountMax=3 ' +
  '-o IdentitiesOnly=yes -o ControlMaster=auto -o ControlPath=/tmp/maand-ssh-x/%C -o ControlPersist=60';

test('accept-new checks the bucket known_hosts and reaches port 22 when ssh_port is unset', () => {
  assert.equal(
    sshArgs(base, 'timeout 300 bash -s').join(' '),
    '-o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=/b/secrets/known_hosts ' +
      `${COMMON} -p 22 -i /b/secrets/worker.key agent@10.0.0.3 timeout 300 bash -s`,
  );
});

test('strict lists the bucket file first and the user file after it', () => {
  const t: SshTarget = { ...base, hostKeyPolicy: 'strict', extraKnownHostsFiles: ['/home/u/.ssh/known_hosts'] };
  assert.deepEqual(sshOptionArgs(t).slice(0, 4), [
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'UserKnownHostsFile=/b/secrets/known_hosts /home/u/.ssh/known_hosts',
  ]);
});

test('insecure turns checking off and records nothing', () => {
  assert.deepEqual(sshOptionArgs({ ...base, hostKeyPolicy: 'insecure' }).slice(0, 4), [
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
  ]);
});

test('without a known_hosts file ssh keeps its default files', () => {
  const { knownHostsFile: _, ...t } = base;
  assert.equal(sshOptionArgs(t).join(' ').includes('UserKnownHostsFile'), false);
});

test('a known_hosts path with a space is double-quoted inside the option value', () => {
  const t = { ...base, knownHostsFile: '/my bucket/secrets/known_hosts' };
  assert.equal(sshOptionArgs(t)[3], 'UserKnownHostsFile="/my bucket/secrets/known_hosts"');
});

test('ssh_port is honoured (decision Q14)', () => {
  assert.deepEqual(sshOptionArgs({ ...base, port: 2222 }).slice(-4), ['-p', '2222', '-i', '/b/secrets/worker.key']);
});

test('timeouts and ControlPersist come from the options', () => {
  const s = sshOptionArgs(base, { connectTimeoutSeconds: 3, controlPersistSeconds: 5, configFile: '/dev/null' }).join(' ');
  assert.ok(s.startsWith('-F /dev/null -o StrictHostKeyChecking=accept-new'));
  assert.ok(s.includes('-o ConnectTimeout=3 '));
  assert.ok(s.includes('-o ControlPersist=5 '));
});

test('an IPv6 worker is not bracketed for ssh', () => {
  assert.equal(sshArgs({ ...base, host: 'fd00::3' }, 'true').at(-2), 'agent@fd00::3');
});

test('an empty worker IP is refused', () => {
  assert.throws(() => sshArgs({ ...base, host: '  ' }, 'true'), /worker IP is required/);
});

test('a host or user that ssh would read as an option is refused', () => {
  assert.throws(() => sshArgs({ ...base, host: '-oProxyCommand=x' }, 'true'), /invalid host name/);
  assert.throws(() => sshArgs({ ...base, user: '-l' }, 'true'), /invalid ssh user/);
});

test("a hook's ssh options are the run's (policy, known_hosts, key, port) and use, never become, a ControlMaster", () => {
  const t: SshTarget = { ...base, port: 2222, hostKeyPolicy: 'strict', extraKnownHostsFiles: ['/home/u/.ssh/known_hosts'] };
  const { host: _host, controlPath: _path, ...reach } = t;
  const env = hookSshEnvironment(reach, '/tmp/maand-ssh-x');
  const hook = JSON.parse(env['MAAND_SSH_OPTIONS']!) as string[];
  const run = sshOptionArgs(t);
  const withoutControl = (argv: string[]): string[] => argv.filter((a, i) => !a.startsWith('Control') && !(a === '-o' && argv[i + 1]?.startsWith('Control')));
  assert.deepEqual(withoutControl(hook), withoutControl(run));
  assert.ok(hook.includes('StrictHostKeyChecking=yes') && hook.includes('UserKnownHostsFile=/b/secrets/known_hosts /home/u/.ssh/known_hosts'));
  assert.deepEqual(hook.filter((a) => a.startsWith('Control')), ['ControlMaster=no']);
  assert.deepEqual({ ...env, MAAND_SSH_OPTIONS: undefined }, { MAAND_SSH_CONTROL_DIR: '/tmp/maand-ssh-x', MAAND_SSH_OPTIONS: undefined, MAAND_SSH_USER: 'agent', MAAND_SSH_PORT: '2222' });
});
