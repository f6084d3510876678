// The hook workspace tmp/workers/<ip>/jobs/<job>/ (spec kv §3.3, §10.6 items 56-57, §10.10 item 88).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hookFixture, manifestWith, type HookFixture } from './helpers.ts';
import { clientLibrary, jobWorkspaceDir, prepareHookWorkspace } from '../../src/hooks/workspace.ts';
import { isJobCommandError } from '../../src/hooks/errors.ts';
import { readPlain } from '../../src/kv/index.ts';

const SCRIPT = 'import maand\nprint("hi")\n';

describe('hook workspace', () => {
  let f: HookFixture;
  before(async () => {
    f = await hookFixture(['10.0.0.1', '10.0.0.2'], {
      api: {
        manifest: manifestWith(
          { command_health: ['health_check'], command_cli: ['cli'] },
          { certs: { tls: { pkcs8: true, subject: { common_name: 'api' } } } },
        ),
        files: {
          '_modules/command_health.py': SCRIPT,
          '_modules/command_cli.ts': 'console.log(1)\n',
          '_modules/mylib.py': 'X = 1\n',
          'conf/app.conf': 'a=1\n',
          '_prometheus/scrape.yaml': '- job_name: api\n',
        },
      },
    });
  });
  after(async () => {
    await f.close();
  });

  const prepare = (variant: 'full' | 'health-fast', command: string, workerIp = '10.0.0.1') =>
    prepareHookWorkspace({ root: f.root, db: f.db, kv: f.kv, job: 'api', workerIp, variant, command });

  test('a normal workspace holds every job file but _prometheus, the client libraries and the certificates', () => {
    const modules = prepare('full', 'command_cli');
    const dir = jobWorkspaceDir(f.root, '10.0.0.1', 'api');
    assert.equal(modules, join(dir, '_modules'));
    for (const p of ['Makefile', 'manifest.json', 'conf/app.conf', '_modules/mylib.py', '_modules/command_cli.ts']) assert.ok(existsSync(join(dir, p)), p);
    assert.equal(existsSync(join(dir, '_prometheus')), false);
    assert.equal(readFileSync(join(modules, 'command_cli.ts'), 'utf8'), 'console.log(1)\n');
    assert.deepEqual(readFileSync(join(modules, 'maand.py')), clientLibrary('maand.py'));
    assert.deepEqual(readFileSync(join(modules, 'maand.ts')), clientLibrary('maand.ts'));
    assert.equal(statSync(join(modules, 'maand.py')).mode & 0o777, 0o644);
  });

  test('the certificates of the allocation and the CA are written with private keys 0600', () => {
    const modules = prepare('full', 'command_cli', '10.0.0.2');
    const ns = 'maand/job/api/worker/10.0.0.2';
    assert.equal(readFileSync(join(modules, 'certs/tls.crt'), 'utf8'), f.kv.get(ns, 'certs/tls.crt'));
    assert.equal(readFileSync(join(modules, 'certs/tls.key'), 'utf8'), readPlain(f.kv, ns, 'certs/tls.key'));
    assert.match(readFileSync(join(modules, 'certs/tls.key'), 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
    assert.equal(statSync(join(modules, 'certs/tls.key')).mode & 0o777, 0o600);
    assert.equal(statSync(join(modules, 'certs/tls.crt')).mode & 0o777, 0o644);
    assert.equal(readFileSync(join(modules, 'certs/ca.crt'), 'utf8'), f.kv.get('maand/worker', 'certs/ca.crt'));
  });

  test('a health-check workspace copies only the command module, not the Makefile nor helper modules', () => {
    f.bucket.remove('tmp');
    const modules = prepare('health-fast', 'command_health');
    const dir = jobWorkspaceDir(f.root, '10.0.0.1', 'api');
    assert.equal(readFileSync(join(modules, 'command_health.py'), 'utf8'), SCRIPT);
    assert.equal(existsSync(join(dir, 'Makefile')), false);
    assert.equal(existsSync(join(modules, 'mylib.py')), false);
    assert.ok(existsSync(join(modules, 'maand.py')));
    assert.ok(existsSync(join(modules, 'certs/ca.crt')));
  });

  test('a health-check workspace for a command missing from the catalog fails naming job and command', () => {
    assert.throws(
      () => prepare('health-fast', 'command_gone'),
      (e: Error) => isJobCommandError(e, 'script') && e.message === 'job command file not found: job api command command_gone module not in job_files (run maand build)',
    );
  });

  test('the workspace lives under the bucket root, where maand.py finds maand.conf', () => {
    const modules = prepare('full', 'command_cli');
    assert.ok(modules.startsWith(join(f.root, 'tmp', 'workers')));
    assert.ok(existsSync(join(f.root, 'maand.conf')));
  });
});
