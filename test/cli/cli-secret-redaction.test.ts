// Issue 15, finding 9, through the bundled CLI on a real worker: a template error quoting a secret a
// pre_deploy hook created says [secret] in `maand deploy`'s output and in its --output JSON.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployFixture, type DeployFixture } from '../deploy/fixture.ts';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
const SECRET = 'cli-hook-secret-8d03b7aa';
let f: DeployFixture;

before(async () => {
  f = await deployFixture('127.0.91', 1);
  f.bucket.workers(f.workers.ips.map((ip) => ({ host: ip })));
  // the value reaches the hook from a file outside the workspace: no job file holds it
  const secretFile = join(f.bucket.root, 'seed.txt');
  writeFileSync(secretFile, SECRET);
  f.bucket.job('db', { version: '1.0.0', selectors: ['worker'], commands: { command_seed: { executed_on: ['pre_deploy'] } } }, {
    '_modules/command_seed.py': `import maand\nmaand.put_job_secret("db_password", open(${JSON.stringify(secretFile)}).read())\n`,
    'db.conf.tpl': 'port={{ int (getSecret "db_password") }}\n',
  });
  await f.bucket.build();
});
after(async () => f.close());

test('given a pre_deploy hook that creates a secret and a template that fails on int (getSecret …), when deployed with --output, then neither the output nor the JSON holds the value', () => {
  const out = join(f.bucket.root, 'result.json');
  const r = spawnSync(process.execPath, [CLI, 'deploy', '--known-hosts', f.workers.knownHosts, '--output', out], { cwd: f.bucket.root, encoding: 'utf8', env: { ...process.env, MAAND_QUIET: '' } });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /execute template db\.conf\.tpl: .*parsing "\[secret\]": invalid syntax/);
  assert.ok(!(r.stdout + r.stderr).includes(SECRET), 'the CLI output');
  const json = readFileSync(out, 'utf8');
  assert.match(json, /parsing \\"\[secret\]\\"/);
  assert.ok(!json.includes(SECRET), 'the --output JSON');
});
