// docs/action.md's "Security model" (issue 15): the section exists, README links to it, and what it states
// about hooks, plan, workers and the example workflows matches the code that enforces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { allowedHookEnv, hookEnvEntryProblem } from '../../src/hooks/env-allowlist.ts';
import { secretsPlanDoesNotNeed } from '../../src/action/checkout-state.ts';
import { PRIVATE_KEY_MODE, RENDERED_MODE } from '../../src/deploy/file-modes.ts';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'action.md'), 'utf8');

/** The text of `## Security model` up to the next `## ` heading. */
function section(): string {
  const start = doc.indexOf('\n## Security model\n');
  assert.ok(start >= 0, 'docs/action.md has a "## Security model" section');
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The paragraph of the section that starts with `**<title>**`. */
function part(title: string): string {
  const s = section();
  const at = s.indexOf(`**${title}`);
  assert.ok(at >= 0, `the Security model covers ${title}`);
  const next = s.indexOf('\n\n**', at + 1);
  return s.slice(at, next < 0 ? undefined : next);
}

test('the Security model covers hooks, pull request code, deploy secrets, workers, the state backend and the runner, and README links to it', () => {
  for (const title of ['Hooks', 'Pull request code in `plan`', 'Keeping deploy secrets out of reach', 'Workers', 'The state backend', 'The runner']) part(title);
  assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\[Security model\]\(docs\/action\.md#security-model\)/);
});

test('the hook environment the section lists is what the allowlist passes, and the names it says never reach a hook are refused', () => {
  const hooks = part('Hooks');
  const listed = hooks.slice(hooks.indexOf('only an allowlist'), hooks.indexOf("maand's hook variables")).match(/`[A-Z_]+\*?`/g)!.map((n) => n.slice(1, -1));
  assert.ok(listed.length >= 10);
  const base = Object.fromEntries(listed.map((n) => [n.replace('*', 'ALL'), 'x']));
  assert.deepEqual(Object.keys(allowedHookEnv(base)).sort(), Object.keys(base).sort());
  const denied = hooks.slice(hooks.indexOf('`INPUT_*`'), hooks.indexOf('never do')).match(/`[A-Z_]+\*?`/g)!.map((n) => n.slice(1, -1));
  assert.ok(denied.length >= 8);
  for (const name of denied) assert.ok(hookEnvEntryProblem(name) !== undefined, `hook_env may not list ${name}`);
});

test('the secrets a plan keeps are the ones the section names; everything else in secrets/ (the SSH key) goes', () => {
  const plan = part('Pull request code in `plan`');
  const list = /every file of\s+`secrets\/`\s+but ([^)]*)\)/.exec(plan);
  assert.ok(list, 'the section lists the files of secrets/ a plan keeps');
  const kept = list[1]!.match(/`[^`]+`/g)!.map((n) => n.slice(1, -1));
  assert.deepEqual(kept, ['ca.crt', 'ca.key', 'kv.key', 'known_hosts']);
  const dir = mkdtempSync(join(tmpdir(), 'maand-secdoc-'));
  try {
    mkdirSync(join(dir, 'secrets'));
    for (const f of [...kept, 'worker.key', 'deploy_ed25519']) writeFileSync(join(dir, 'secrets', f), 'x');
    assert.deepEqual(secretsPlanDoesNotNeed(dir), ['secrets/deploy_ed25519', 'secrets/worker.key']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the modes the section gives rendered templates and certificate keys are the staged ones', () => {
  const workers = part('Workers');
  assert.match(workers, new RegExp(`rendered templates ${RENDERED_MODE.toString(8).padStart(4, '0')}`));
  assert.match(workers, new RegExp(`certificate keys ${PRIVATE_KEY_MODE.toString(8).padStart(4, '0')}`));
});

test('as the section advises, every example workflow that passes the SSH key runs in an environment, and the plan gets no SSH key', () => {
  interface Job { environment?: string; steps: Array<{ uses?: string; with?: Record<string, string> }> }
  const dir = join(root, 'examples', 'workflows');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yml'))) {
    const jobs = (yaml.load(readFileSync(join(dir, f), 'utf8')) as { jobs: Record<string, Job> }).jobs;
    for (const [name, job] of Object.entries(jobs)) {
      const withKey = job.steps.some((s) => s.with?.['ssh-private-key'] !== undefined);
      const plans = job.steps.some((s) => s.uses === 'maand/deploy@v1' && s.with?.['command'] === 'plan');
      if (withKey) assert.equal(job.environment, 'production', `${f} job ${name} passes the SSH key outside the production environment`);
      if (plans) assert.ok(!withKey && job.environment === undefined, `${f} job ${name}: a plan gets neither the SSH key nor the deploy environment`);
    }
  }
});
