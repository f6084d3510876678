// Private fleets' settings (issue 14, decision Q37): parsing, validation, precedence, catalog storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProxyJump } from '../../src/remote/proxy-jump.ts';
import { readMaandConf, sshSettings } from '../../src/bucket/maand-conf.ts';
import { readConfig } from '../../src/action/config.ts';
import { sshOptionArgs } from '../../src/remote/ssh-options.ts';
import { workerProxyJumps } from '../../src/catalog/worker-proxy.ts';
import { withBucket, withDir } from '../helpers/bucket.ts';

test('given an OpenSSH -J chain, when parsed, then each hop has its user, host and port', () => {
  assert.deepEqual(parseProxyJump('jump@10.0.0.1:2222,[fd00::1]:22,ssh://ops@bastion.example', 'x'), [
    { user: 'jump', host: '10.0.0.1', port: 2222 },
    { host: 'fd00::1', port: 22 },
    { user: 'ops', host: 'bastion.example', port: 22 },
  ]);
  assert.deepEqual(parseProxyJump('', 'x'), []);
});

test('given invalid -J values, when parsed, then the error names the setting, the hop and the syntax', () => {
  assert.throws(() => parseProxyJump('a@b:99999', 'maand.conf ssh_proxy_jump'), /^MaandError: invalid argument: maand.conf ssh_proxy_jump "a@b:99999": port "99999" is not a number from 1 to 65535; use user@host\[:port\]/);
  assert.throws(() => parseProxyJump('a@ok,,b', 'x'), /hop 2 \(""\): the hop is empty/);
  assert.throws(() => parseProxyJump('-oProxyCommand=x@h', 'x'), /is not a login name/);
  assert.throws(() => parseProxyJump('a@h b', 'x'), /must not contain spaces/);
});

test('given maand.conf with ssh_proxy_jump and ssh_max_startups, when read, then both are kept, and bad values fail the read', () =>
  withDir((root) => {
    const file = join(root, 'maand.conf');
    writeFileSync(file, "ssh_proxy_jump = 'jump@10.0.0.1'\nssh_max_startups = 20\n");
    const s = sshSettings(readMaandConf(file));
    assert.equal(s.proxyJump, 'jump@10.0.0.1');
    assert.equal(s.maxStartups, 20);
    writeFileSync(file, '');
    assert.equal(sshSettings(readMaandConf(file)).maxStartups, 10);
    writeFileSync(file, "ssh_proxy_jump = 'x@'\n");
    assert.throws(() => readMaandConf(file), /^MaandError: invalid maand.conf: key ssh_proxy_jump in .* "x@": the host is missing/);
    writeFileSync(file, 'ssh_max_startups = -1\n');
    assert.throws(() => readMaandConf(file), /ssh_max_startups must be from 1 to 1000/);
  }));

test('given the Action input ssh-proxy-jump, when read, then it is validated and kept', () => {
  const env = { workspace: '/w' } as Parameters<typeof readConfig>[1];
  const inputs = (v: string) => (name: string) => ({ command: 'build', 'state-backend': 'none', 'ssh-proxy-jump': v })[name] ?? '';
  assert.equal(readConfig(inputs('jump@b1,jump@b2'), env).ssh.proxyJump, 'jump@b1,jump@b2');
  assert.equal(readConfig(inputs(''), env).ssh.proxyJump, undefined);
  assert.throws(() => readConfig(inputs('jump@'), env), /input ssh-proxy-jump "jump@": the host is missing/);
});

test('given a worker with its own proxy_jump and one with "", when built, then the catalog keeps each (absent: NULL)', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', proxy_jump: 'me@b:2200' }, { host: '10.0.0.2', proxy_jump: '' }, { host: '10.0.0.3' }]);
    await b.build();
    assert.deepEqual([...b.query((db) => workerProxyJumps(db))], [['10.0.0.1', 'me@b:2200'], ['10.0.0.2', ''], ['10.0.0.3', undefined]]);
  }));

test('given a catalog without the proxy_jump column (the reference maand.db), when read, then every worker is "not set"', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    await b.build();
    assert.deepEqual(b.rows("SELECT name FROM pragma_table_info('worker') WHERE name = 'proxy_jump'"), []);
    assert.deepEqual([...b.query((db) => workerProxyJumps(db))], [['10.0.0.1', undefined]]);
  }));

test('given a bad proxy_jump in workers.json, when built, then the build fails naming the worker', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', proxy_jump: 'a@b:0' }]);
    assert.match((await b.buildError()).message, /invalid worker.json: worker 10.0.0.1 proxy_jump "a@b:0": port "0"/);
  }));

test('given a two-hop chain, when the ssh options are built, then the worker rides the second hop whose command rides the first, % escaped per level', () => {
  const args = sshOptionArgs({
    host: '10.1.0.5', user: 'root', port: 22, keyFile: '/k', hostKeyPolicy: 'strict', knownHostsFile: '/kh', controlPath: '/c/h1',
    via: [{ user: 'j', host: '1.1.1.1', port: 22, controlPath: '/c/b1' }, { user: 'j', host: '10.1.0.1', port: 2222, controlPath: '/c/b2' }],
  });
  const proxy = args[args.indexOf('ControlPersist=60') + 2]!;
  assert.match(proxy, /^ProxyCommand=ssh .* -o ControlMaster=no -o ControlPath=\/c\/b2 -o 'ProxyCommand=ssh .*ControlPath=\/c\/b1 .* -W %%h:%%p j@1\.1\.1\.1' -p 2222 .* -W %h:%p j@10\.1\.0\.1$/);
});
