import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mergeFilterText,
  parseItemizedLine,
  rsyncArgs,
  rsyncShellWord,
  type RsyncSpec,
} from '../../src/remote/rsync.ts';

const spec: RsyncSpec = {
  target: {
    host: '10.0.0.3',
    user: 'agent',
    port: 0,
    keyFile: '/b/secrets/worker.key',
    knownHostsFile: '/b/secrets/known_hosts',
    hostKeyPolicy: 'accept-new',
    controlPath: '/tmp/maand-ssh-x/%C',
  },
  sourceDir: '/b/tmp/workers/10.0.0.3',
  remoteDir: '/opt/worker/7d2c',
  filterFile: '/b/tmp/workers/10.0.0.3.rsync',
  useSudo: false,
};

const RSH =
  '--rsh=ssh -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=/b/secrets/known_hosts -o LogLevel=ERROR ' +
  '-o BatchMode=yes -o ConnectTimeout=15 -o ServerAliveInterval=15 -o ServerAliveCountMax=3 -o IdentitiesOnly=yes ' +
  '-o ControlMaster=auto -o ControlPath=/tmp/maand-ssh-x/%C -o ControlPersist=60 -p 22 -i /b/secrets/worker.key';

test('the staging rsync argv follows deploy.md 11.2 in order', () => {
  assert.deepEqual(rsyncArgs(spec), [
    '--timeout=30',
    '--inplace',
    '--whole-file',
    '--checksum',
    '--recursive',
    '--links',
    '--copy-dirlinks',
    '--force',
    '--delete-after',
    '--delete',
    '--no-owner',
    '--no-group',
    '--perms',
    '--chmod=D755,Fgo-w',
    '--compress',
    '--verbose',
    '--exclude=jobs/*/bin',
    '--exclude=jobs/*/data',
    '--exclude=jobs/*/logs',
    '--exclude=jobs/*/_modules',
    '--exclude=jobs/*/_prometheus',
    '--rsync-path=rsync',
    '--filter=merge /b/tmp/workers/10.0.0.3.rsync',
    RSH,
    '/b/tmp/workers/10.0.0.3/',
    'agent@10.0.0.3:/opt/worker/7d2c',
  ]);
});

test('given a root worker side (root login or use_sudo), when rsync runs, then every file is chowned to root', () => {
  for (const s of [{ ...spec, useSudo: true }, { ...spec, target: { ...spec.target, user: 'root' } }]) {
    const a = rsyncArgs(s);
    assert.ok(a.includes('--chown=0:0'));
    assert.deepEqual(a.filter((x) => x === '--owner' || x === '--group'), []);
  }
});

test('use_sudo runs sudo rsync on the worker (and only then, decision Q16)', () => {
  assert.ok(rsyncArgs({ ...spec, useSudo: true }).includes('--rsync-path=sudo rsync'));
});

test('ssh_port reaches rsync through the ssh options (decision Q14)', () => {
  const rsh = rsyncArgs({ ...spec, target: { ...spec.target, port: 2222 } }).find((a) => a.startsWith('--rsh='));
  assert.ok(rsh?.endsWith(' -p 2222 -i /b/secrets/worker.key'));
});

test('itemize adds --itemize-changes after --verbose', () => {
  const a = rsyncArgs({ ...spec, itemize: true });
  assert.equal(a[a.indexOf('--verbose') + 1], '--itemize-changes');
});

test('an IPv6 worker is bracketed in the rsync destination', () => {
  const a = rsyncArgs({ ...spec, target: { ...spec.target, host: 'fd00::3' } });
  assert.equal(a.at(-1), 'agent@[fd00::3]:/opt/worker/7d2c');
});

test('a key path with a space is quoted the way rsync splits --rsh', () => {
  const a = rsyncArgs({ ...spec, target: { ...spec.target, keyFile: "/my b/it's.key" } });
  assert.ok(a.find((x) => x.startsWith('--rsh='))?.endsWith(` -i '/my b/it''s.key'`));
  assert.equal(rsyncShellWord('plain'), 'plain');
});

test('the merge filter keeps the named jobs, drops other jobs, every .tpl and never touches retained releases', () => {
  assert.equal(mergeFilterText(['web', 'api']), '- /releases/\n+ jobs/api/\n+ jobs/web/\n- jobs/*\n- jobs/**/*.tpl\n');
});

test('the merge filter of no job sends only the bucket-level files', () => {
  assert.equal(mergeFilterText([]), '- /releases/\n- jobs/*\n- jobs/**/*.tpl\n');
});

test('itemized lines parse into action, path and kind', () => {
  assert.deepEqual(parseItemizedLine('<f+++++++++ jobs/api/Makefile'), {
    action: 'sent',
    path: 'jobs/api/Makefile',
    directory: false,
  });
  assert.deepEqual(parseItemizedLine('cd+++++++++ jobs/api/conf/'), {
    action: 'created',
    path: 'jobs/api/conf/',
    directory: true,
  });
  assert.deepEqual(parseItemizedLine('*deleting   jobs/api/old.txt'), {
    action: 'deleted',
    path: 'jobs/api/old.txt',
    directory: false,
  });
  assert.equal(parseItemizedLine('sending incremental file list'), undefined);
  assert.equal(parseItemizedLine('sent 1,234 bytes  received 56 bytes  2,580.00 bytes/sec'), undefined);
});

test('given a symlink line, when parsed, then the path is the link without its target', () => {
  assert.deepEqual(parseItemizedLine('cL+++++++++ jobs/api/current.conf -> plain.conf'), { action: 'created', path: 'jobs/api/current.conf', directory: false });
});
