// Issue 15, finding 9, through the bundled action: a secret a pre_deploy hook creates during the run is
// masked as soon as it exists, and a template error quoting it leaves it out of the log, the
// annotations, the job summary and the result JSON.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobRun } from './runner.ts';
import { Checkout } from './workspace.ts';

const SECRET = 'hook-made-5e1f09c2-db-password';
let co: Checkout;
const runs: JobRun[] = [];

before(() => {
  co = new Checkout();
  // the value reaches the hook from a file outside the bucket: no workspace file holds it
  const secretFile = join(co.dir, 'seed.txt');
  writeFileSync(secretFile, SECRET);
  const seed = `import maand\nvalue = open(${JSON.stringify(secretFile)}).read()\nmaand.put_job_secret("db_password", value)\n`;
  co.bucketFor(['127.0.90.201']);
  co.job('db', { version: '1.0.0', selectors: ['worker'], commands: { command_seed: { executed_on: ['pre_deploy'] } } }, {
    '_modules/command_seed.py': seed,
    'db.conf.tpl': 'port={{ int (getSecret "db_password") }}\n',
  });
  co.job('echo', { version: '1.0.0', selectors: ['worker'], commands: { command_seed: { executed_on: ['pre_deploy'] } } }, {
    '_modules/command_seed.py': `${seed}print("seeded " + value)\n`,
  });
  co.job('cfg', { version: '1.0.0', selectors: ['worker'], commands: { command_seed: { executed_on: ['pre_deploy'] } } }, {
    '_modules/command_seed.py': seed,
    'app.conf.tpl': 'user=app\npassword={{ getSecret "db_password" }}\n',
  });
});

after(() => {
  for (const r of runs) r.cleanup();
  co.cleanup();
});

function plan(jobs: string): Promise<{ main: import('./runner.ts').StepResult }> {
  const r = new JobRun(950 + runs.length, { workspace: co.dir, eventName: 'pull_request', event: { number: 3, pull_request: { number: 3 } } });
  runs.push(r);
  return r.main({ command: 'plan', bucket: 'infra', 'state-backend': 'none', jobs, comment: 'false' }).then((main) => ({ main }));
}

test('given a pre_deploy hook that creates a secret and a template that fails on int (getSecret …), when planned, then the value is only in the ::add-mask:: line', async () => {
  const { main } = await plan('db');
  assert.notEqual(main.exitCode, 0, 'the template fails the plan');
  assert.ok(main.masks.includes(SECRET), 'the secret the hook created is masked');
  const leaking = main.stdout.split('\n').filter((l) => l.includes(SECRET) && l !== `::add-mask::${SECRET}`);
  assert.deepEqual(leaking, []);
  assert.ok(!main.stderr.includes(SECRET), 'stderr');
  assert.ok(main.errors.some((e) => e.includes('parsing "[secret]"')), `an annotation says [secret]: ${main.errors.join('\n')}`);
  assert.match(main.summary, /execute template db\.conf\.tpl: .*parsing "\\\[secret\\\]"/, 'the summary (markdown-escaped) says [secret]');
  assert.ok(!main.summary.includes(SECRET), 'summary');
  const json = readFileSync(main.outputs['plan']!, 'utf8');
  assert.match(json, /parsing \\"\[secret\]\\"/);
  assert.ok(!json.includes(SECRET), 'result JSON');
});

test('given a pre_deploy hook that creates a secret and then prints it, when planned, then the mask is registered before the line that prints it', async () => {
  const { main } = await plan('echo');
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  const lines = main.stdout.split('\n');
  const mask = lines.indexOf(`::add-mask::${SECRET}`);
  const printed = lines.findIndex((l) => l.includes(`seeded ${SECRET}`));
  assert.ok(printed >= 0, 'the hook printed the value');
  assert.ok(mask >= 0 && mask < printed, `mask at line ${mask}, printed at line ${printed}`);
});

test('given a template that renders a secret a pre_deploy hook created, when planned, then the plan shows the rendered file with [secret] and the value is only in the ::add-mask:: line', async () => {
  const { main } = await plan('cfg');
  assert.equal(main.exitCode, 0, main.stdout + main.stderr);
  const leaking = main.stdout.split('\n').filter((l) => l.includes(SECRET) && l !== `::add-mask::${SECRET}`);
  assert.deepEqual(leaking, []);
  assert.ok(!main.stderr.includes(SECRET), 'stderr');
  assert.ok(!main.summary.includes(SECRET), 'summary');
  assert.match(main.summary, /password=\[secret\]|password=\\\[secret\\\]/, 'the summary shows the rendered line redacted');
  const json = readFileSync(main.outputs['plan']!, 'utf8');
  assert.ok(!json.includes(SECRET), 'plan JSON');
  assert.match(json, /password=\[secret\]/);
});
