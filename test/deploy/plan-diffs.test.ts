// Plans a reviewer can trust (issue 12), against real sshd workers: after a real deploy recorded what
// landed on each worker, a template change, a KV change and a secret change each show their rendered
// diff per worker in the CLI text, the --json document, the PR comment and the job summary; the secret
// (written by a pre_deploy hook, rendered by getSecret) never appears in clear in any of them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from './fixture.ts';
import { runCli } from '../../src/cli/program.ts';
import { fromPlan } from '../../src/report/markdown/from-results.ts';
import { renderComment } from '../../src/report/markdown/comment.ts';
import { renderSummary } from '../../src/report/markdown/summary.ts';
import type { DeployResult } from '../../src/deploy/result.ts';

const PRE = `import maand, os
d = os.environ["PLAN_INPUT"]
maand.put_job_variable("color", open(os.path.join(d, "color")).read().strip())
maand.put_job_secret("db_password", open(os.path.join(d, "password")).read().strip())
`;
const OLD_SECRET = 'hunter2-old-secret-value';
const NEW_SECRET = 'swordfish-new-secret-value';

let f: DeployFixture;
let ips: string[];
let input: string;

function setInput(color: string, password: string): void {
  writeFileSync(join(input, 'color'), `${color}\n`);
  writeFileSync(join(input, 'password'), `${password}\n`);
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['deploy', ...args, '--known-hosts', f.workers.knownHosts], {
    cwd: f.bucket.root, env: { ...process.env, NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** The Markdown of a plan with its run-dependent facts fixed (duration, bucket id). */
function markdown(r: DeployResult): { comment: string; summary: string } {
  const report = fromPlan({ ...r, durationMs: 1000 }, { bucketName: 'prod', generation: 3 });
  const id = (s: string): string => s.replaceAll(r.bucketId.replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`), 'BUCKET');
  return { comment: id(renderComment(report).text), summary: id(renderSummary(report).text) };
}

async function realDeploy(): Promise<void> {
  const r = await f.deploy();
  assert.deepEqual(r.failedJobs, [], JSON.stringify(r.jobs.map((j) => j.error)));
}

before(async () => {
  f = await deployFixture('127.0.111', 2);
  ips = f.workers.ips;
  input = mkdtempSync(join(tmpdir(), 'maand-plan-input-'));
  process.env['PLAN_INPUT'] = input;
  setInput('blue', OLD_SECRET);
  f.bucket.workers(ips.map((ip) => ({ host: ip })));
  f.bucket.write({ 'maand.conf': `${f.bucket.read('maand.conf')}hook_env = ["PLAN_INPUT"]\n` });
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'], commands: { command_pre: { executed_on: ['pre_deploy'] } } }, {
    Makefile: RECORDING_MAKEFILE,
    'conf/app.conf.tpl': 'worker={{ .WorkerIP }}\ncolor={{ get "vars/job/app" "color" }}\npassword={{ getSecret "db_password" }}\n',
    'conf/mode.conf.tpl': 'mode=fast\nlevel=1\n',
    '_modules/command_pre.py': PRE,
  });
  await f.bucket.build();
  await realDeploy();
});

after(async () => {
  delete process.env['PLAN_INPUT'];
  rmSync(input, { recursive: true, force: true });
  await f.close();
});

test('given a deployed job, when its template changes, then every output shows the one rendered diff once for both workers', async () => {
  f.bucket.write({ 'workspace/jobs/app/conf/mode.conf.tpl': 'mode=safe\nlevel=1\n' });
  await f.bucket.build();
  const text = await cli(['--dry-run', '--diff']);
  assert.equal(text.code, 0, text.stderr);
  const [a, b] = ips;
  // the rendered file and its template source (shipped too) change the same way on both workers
  const hunk = '@@ -1,2 +1,2 @@\n-mode=fast\n+mode=safe\n level=1\n';
  const files = ['conf/mode.conf', 'conf/mode.conf.tpl'];
  const diffText = `diffs:\n  job "app":\n${files.map((p) => `    ${p} changed on ${a}, ${b} (18 → 18 bytes)\n${hunk.replace(/^/gm, '      ').trimEnd()}\n`).join('')}`;
  assert.ok(text.stdout.endsWith(`\n\n${diffText}`), text.stdout);
  const json = JSON.parse((await cli(['--dry-run', '--json'])).stdout) as { jobs: Array<{ diffs: unknown[] }> };
  assert.deepEqual(json.jobs[0]!.diffs, files.map((path) => ({ path, change: 'changed', size: 18, previous_size: 18, workers: [a, b], diff: hunk, note: null })));
  const md = markdown(await f.deploy({ dryRun: true }));
  const details = `<details><summary>app: restart ×2</summary>

| Worker | Action | Reason |
| --- | --- | --- |
| ${a} | restart | files changed |
| ${b} | restart | files changed |

${files.map((p) => `${p} changed on ${a}, ${b} (18 → 18 bytes)\n\n\`\`\`diff\n${hunk}\`\`\`\n`).join('\n')}
</details>
`;
  assert.equal(md.comment, `<!-- maand/deploy plan: prod -->
## 📝 maand plan: 1 job would change, 0 up to date

Bucket **prod** · id BUCKET · update\\_seq 1 · 1.0 s · state generation 3

### Changes

| Wave | Job | Changes | Detail |
| --- | --- | --- | --- |
| 0 | app | restart ×2 | files changed |

${details}`);
  assert.equal(md.summary, `## 📝 maand plan: 1 job would change, 0 up to date

Bucket **prod** · id BUCKET · update\\_seq 1 · 1.0 s · state generation 3

### Waves

| Wave | Jobs | Result |
| --- | --- | --- |
| 0 | 1 | 🔄 will deploy: 1 |

\`\`\`mermaid
flowchart LR
  subgraph w0["wave 0"]
    j0["app<br/>🔄 will deploy"]
  end
\`\`\`

### Changes

| Wave | Job | Changes | Detail |
| --- | --- | --- | --- |
| 0 | app | restart ×2 | files changed |

${details}`);
  await realDeploy();
});

test('given a deployed job, when a KV value its template reads changes, then each worker shows its own rendered diff', async () => {
  setInput('green', OLD_SECRET);
  const [a, b] = ips;
  const hunk = (ip: string): string => `@@ -1,3 +1,3 @@\n worker=${ip}\n-color=blue\n+color=green\n password=[secret]\n`;
  const text = await cli(['--dry-run', '--diff']);
  assert.equal(text.code, 0, text.stderr);
  const size = (ip: string, color: string): number => `worker=${ip}\ncolor=${color}\npassword=${OLD_SECRET}\n`.length;
  assert.ok(text.stdout.endsWith(`\n\ndiffs:
  job "app":
    conf/app.conf changed on ${a} (${size(a, 'blue')} → ${size(a, 'green')} bytes)
${hunk(a).replace(/^/gm, '      ').trimEnd()}
    conf/app.conf changed on ${b} (${size(b, 'blue')} → ${size(b, 'green')} bytes)
${hunk(b).replace(/^/gm, '      ').trimEnd()}
`), text.stdout);
  const json = JSON.parse((await cli(['--dry-run', '--json'])).stdout) as { jobs: Array<{ diffs: Array<{ workers: string[]; diff: string }> }> };
  assert.deepEqual(json.jobs[0]!.diffs.map((d) => [d.workers, d.diff]), [[[a], hunk(a)], [[b], hunk(b)]]);
  const md = markdown(await f.deploy({ dryRun: true }));
  for (const ip of [a, b]) {
    const block = `conf/app.conf changed on ${ip} (${size(ip!, 'blue')} → ${size(ip!, 'green')} bytes)\n\n\`\`\`diff\n${hunk(ip!)}\`\`\`\n`;
    assert.ok(md.comment.includes(block), md.comment);
    assert.ok(md.summary.includes(block), md.summary);
  }
  await realDeploy();
});

test('given a secret a pre_deploy hook writes and a template renders, when it changes, then it shows as [secret] → [secret] (changed) and its values appear nowhere', async () => {
  setInput('green', NEW_SECRET);
  const text = await cli(['--dry-run', '--diff']);
  const json = await cli(['--dry-run', '--json']);
  const r = await f.deploy({ dryRun: true });
  const md = markdown(r);
  const outputs = { 'CLI stdout': text.stdout, 'CLI stderr': text.stderr, 'JSON stdout': json.stdout, 'JSON stderr': json.stderr, comment: md.comment, summary: md.summary, result: JSON.stringify(r) };
  for (const [name, out] of Object.entries(outputs)) {
    for (const secret of [OLD_SECRET, NEW_SECRET]) assert.ok(!out.includes(secret), `${name} holds a secret value`);
  }
  const doc = JSON.parse(json.stdout) as { jobs: Array<{ diffs: Array<{ diff: string }> }> };
  for (const d of doc.jobs[0]!.diffs) assert.match(d.diff, /^@@ -1,3 \+1,3 @@\n worker=[\d.]+\n color=green\n-password=\[secret\]\n\+password=\[secret\] \(changed\)\n$/);
  assert.ok(md.comment.includes('-password=[secret]\n+password=[secret] (changed)\n'));
  // the catalog keeps only redacted text
  const kept = f.bucket.rows<{ text: string }>('SELECT text FROM deployed_text').map((x) => x.text).join('\n');
  assert.ok(kept.includes('password=[secret:'), kept);
  assert.ok(!kept.includes(OLD_SECRET));
});

test('given --json, then stdout is one JSON document of schema 1 and the dry run wrote nothing to the catalog', async () => {
  const before = f.bucket.rows('SELECT namespace, key, slot, path, digest FROM deployed_file ORDER BY 1, 2, 3, 4');
  const r = await cli(['--dry-run', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { schema: number; deployment_required: boolean };
  assert.equal(doc.schema, 1);
  assert.equal(doc.deployment_required, true);
  assert.deepEqual(f.bucket.rows('SELECT namespace, key, slot, path, digest FROM deployed_file ORDER BY 1, 2, 3, 4'), before);
});

test('given a catalog that predates recorded content, then a changed file says "no previous content recorded" and a deploy still works', async () => {
  f.bucket.query((db) => db.exec('DROP TABLE deployed_file; DROP TABLE deployed_text'));
  const r = await cli(['--dry-run', '--diff']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith(`\n    conf/app.conf changed on ${ips.join(', ')} (? → 67 bytes): no previous content recorded\n`), r.stdout);
  await realDeploy();
});
