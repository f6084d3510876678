// Job files on a real worker (issue 15): modes (the workspace file's bits for plain files, nothing
// for others on rendered templates and private keys, 0600 for certificate keys; a mode change is a
// change to deploy) and symlinks inside a job, which arrive as symlinks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';

const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB1d\n-----END PRIVATE KEY-----\n';

let f: DeployFixture;
let ip: string;
const mode = (rel: string): string => (statSync(join(f.workers.optDir(ip), f.bucketId(), 'jobs', 'app', rel)).mode & 0o7777).toString(8);
const ws = (rel: string): string => join(f.bucket.root, 'workspace/jobs/app', rel);

before(async () => {
  f = await deployFixture('127.0.81', 1);
  ip = f.workers.ips[0]!;
  f.bucket.workers([{ host: ip }]);
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'], certs: { server: { subject: { common_name: 'app.local' } } } }, {
    Makefile: RECORDING_MAKEFILE,
    'bin-tools/run.sh': '#!/bin/sh\necho run\n',
    'conf/plain.conf': 'a=1\n',
    'conf/shared.conf': 'b=2\n',
    'conf/config.ini.tpl': 'password={{ getSecret "db_password" }}\n',
    'conf/tls.pem': PEM,
  });
  chmodSync(ws('Makefile'), 0o644);
  chmodSync(ws('bin-tools/run.sh'), 0o750);
  chmodSync(ws('conf/plain.conf'), 0o644);
  chmodSync(ws('conf/shared.conf'), 0o666);
  chmodSync(ws('conf/tls.pem'), 0o644);
  symlinkSync('plain.conf', ws('conf/current.conf'));
  symlinkSync('../conf/plain.conf', ws('bin-tools/plain.conf'));
  f.bucket.kvPutSecret('secrets/job/app', { db_password: 'hunter2' });
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => j.error)));
});
after(async () => f.close());

test('given workspace files 0644 and 0750, when deployed, then the worker keeps those modes (no blanket 0755)', () => {
  assert.equal(mode('Makefile'), '644');
  assert.equal(mode('bin-tools/run.sh'), '750');
  assert.equal(mode('conf/plain.conf'), '644');
});

test('given a group/world-writable workspace file, when deployed, then nobody but the owner may write it on the worker', () => {
  assert.equal(mode('conf/shared.conf'), '644');
});

test('given a template using getSecret, when deployed, then the rendered file has no permissions for others', () => {
  assert.equal(f.remoteFile(ip, 'app', 'conf/config.ini'), 'password=hunter2\n');
  assert.equal(mode('conf/config.ini'), '640');
});

test('given a plain 0644 file holding a PEM private key, when deployed, then it has no permissions for others', () => {
  assert.equal(mode('conf/tls.pem'), '640');
});

test('given a job certificate, when deployed, then its private key is 0600 and its certificate 0644', () => {
  assert.equal(mode('certs/server.key'), '600');
  assert.equal(mode('certs/server.crt'), '644');
});

test('given only a mode change in the workspace, when deployed again, then the job is redeployed and the worker file takes the new mode', async () => {
  chmodSync(ws('bin-tools/run.sh'), 0o700);
  await f.bucket.build();
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, []);
  assert.equal(mode('bin-tools/run.sh'), '700');
  assert.equal(f.lifecycle(ip, 'app').at(-1)?.split(' ')[0], 'restart');
});

test('given symlinks inside the job, when deployed, then they arrive on the worker as the same symlinks', () => {
  const remote = (rel: string): string => join(f.workers.optDir(ip), f.bucketId(), 'jobs', 'app', rel);
  for (const [rel, target] of [['conf/current.conf', 'plain.conf'], ['bin-tools/plain.conf', '../conf/plain.conf']] as const) {
    assert.ok(lstatSync(remote(rel)).isSymbolicLink(), `${rel} is a symlink on the worker`);
    assert.equal(readlinkSync(remote(rel)), target);
  }
  assert.equal(f.remoteFile(ip, 'app', 'conf/current.conf'), 'a=1\n');
});
