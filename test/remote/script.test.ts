import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remoteShellCommand, workerScript } from '../../src/remote/script.ts';

test('the remote command is bash reading stdin under a remote timeout', () => {
  assert.equal(remoteShellCommand({ useSudo: false, timeoutSeconds: 300 }), 'timeout 300 bash -s');
});

test('with use_sudo the shell runs under sudo -E', () => {
  assert.equal(remoteShellCommand({ useSudo: true, timeoutSeconds: 300 }), 'timeout 300 sudo -E bash -s');
});

test('the script sets -e -u, exports env in the given order, then runs the commands', () => {
  const s = workerScript(['python3 /opt/worker/b/bin/runner.py b start --jobs api'], {
    CURRENT_VERSION: '1.0.0',
    NEW_VERSION: '1.1.0',
  });
  assert.equal(
    s,
    '#!/bin/bash\nset -e\nset -u\nexport CURRENT_VERSION=1.0.0\nexport NEW_VERSION=1.1.0\n' +
      'python3 /opt/worker/b/bin/runner.py b start --jobs api\n',
  );
});

test('env names are trimmed, a leading export is dropped and empty names are skipped', () => {
  assert.equal(workerScript([], { ' export A ': '1', '': 'x' }), '#!/bin/bash\nset -e\nset -u\nexport A=1\n');
});

test('a value with spaces or quotes is single-quoted so it reaches the worker intact', () => {
  assert.equal(workerScript([], { A: "it's a b" }).split('\n')[3], `export A='it'\\''s a b'`);
});

test('an env name that is not a shell identifier is refused', () => {
  assert.throws(() => workerScript([], { 'A-B': '1' }), /invalid environment variable name "A-B"/);
});

test('given a script with quotes, dollars, newlines and non-ASCII, when carried inline, then the login shell passes it to bash unchanged', async () => {
  const { inlineShellCommand } = await import('../../src/remote/script.ts');
  const { spawnSync } = await import('node:child_process');
  const script = "set -e\nx='it'\"'\"'s'\necho \"$x\" '$HOME `not run`' \"$(printf '%s' ünï)\"\necho done\n";
  const command = inlineShellCommand({ useSudo: false, timeoutSeconds: 30 }, script);
  assert.match(command, /^timeout 30 bash -c 'eval "\$\(echo [A-Za-z0-9+/=]+ \| base64 -d\)"'$/);
  for (const shell of ['sh', 'bash']) {
    const r = spawnSync(shell, ['-c', command], { encoding: 'utf8', input: '' });
    assert.equal(r.stdout, "it's $HOME `not run` ünï\ndone\n", `${shell}: ${r.stderr}`);
  }
  assert.match(inlineShellCommand({ useSudo: true, timeoutSeconds: 300 }, 'true'), /^timeout 300 sudo -E bash -c 'eval/);
});
