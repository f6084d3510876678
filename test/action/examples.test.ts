// The copy-paste workflows: valid YAML, only real inputs and outputs of the action, the same text in
// docs/action.md as in examples/workflows/, and one concurrency group for everything that saves state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { COMMANDS, INPUTS, OUTPUTS } from '../../src/action/inputs.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'examples', 'workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();

interface Step { uses?: string; id?: string; with?: Record<string, string>; if?: string; run?: string }
interface Workflow { on: Record<string, unknown>; concurrency?: { group: string; 'cancel-in-progress': boolean }; permissions?: Record<string, string>; jobs: Record<string, { steps: Step[] }> }

const load = (f: string): Workflow => yaml.load(readFileSync(join(dir, f), 'utf8')) as Workflow;
const maandSteps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps.filter((s) => s.uses === 'maand/deploy@v1'));

test('the examples are a push deploy, a pull request plan and a nightly drift workflow', () => {
  assert.deepEqual(files, ['deploy-branch-state.yml', 'deploy.yml', 'drift.yml', 'plan.yml']);
  assert.ok('push' in load('deploy.yml').on);
  assert.ok('pull_request' in load('plan.yml').on);
  assert.ok('schedule' in load('drift.yml').on);
});

test('every example step of the action uses only declared inputs, valid commands, and declared outputs', () => {
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const s of maandSteps(load(f))) {
      for (const k of Object.keys(s.with ?? {})) assert.ok(k in INPUTS, `${f}: unknown input ${k}`);
      assert.ok((COMMANDS as readonly string[]).includes(s.with?.['command'] ?? 'deploy'), `${f}: command`);
      if (s.with?.['command'] !== 'plan') assert.ok(s.with?.['known-hosts'], `${f}: known-hosts`);
    }
    for (const m of text.matchAll(/steps\.maand\.outputs\.([a-z-]+)/g)) assert.ok(m[1]! in OUTPUTS, `${f}: unknown output ${m[1]}`);
  }
});

test('the workflows that save state share one concurrency group that never cancels a running deploy', () => {
  for (const f of ['deploy.yml', 'drift.yml', 'deploy-branch-state.yml']) {
    assert.deepEqual(load(f).concurrency, { group: 'maand-prod', 'cancel-in-progress': false }, f);
  }
  assert.equal(load('plan.yml').permissions?.['pull-requests'], 'write');
  assert.equal(load('deploy-branch-state.yml').permissions?.['contents'], 'write');
});

test('every example that records deployments or keeps a drift issue grants the permission it needs', () => {
  const uses = { environment: 'deployments', 'drift-issue': 'issues' } as const;
  for (const [input, permission] of Object.entries(uses)) {
    const users = files.filter((f) => maandSteps(load(f)).some((s) => s.with?.[input] !== undefined && String(s.with[input]) !== 'false'));
    assert.ok(users.length > 0, `an example uses ${input}`);
    for (const f of users) assert.equal(load(f).permissions?.[permission], 'write', `${f}: ${input} needs ${permission}: write`);
  }
  assert.equal(maandSteps(load('deploy.yml'))[0]!.with?.['environment'], 'production');
  assert.equal(String(maandSteps(load('drift.yml'))[0]!.with?.['drift-issue']), 'true');
});

test('docs/action.md shows each example workflow exactly as the file has it, and documents every input and output', () => {
  const doc = readFileSync(join(root, 'docs', 'action.md'), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
  for (const f of files) assert.ok(blocks.includes(readFileSync(join(dir, f), 'utf8')), `docs/action.md has examples/workflows/${f}`);
  for (const name of Object.keys(INPUTS)) assert.ok(doc.includes(`| \`${name}\` |`), `input ${name} documented`);
  for (const name of Object.keys(OUTPUTS)) assert.ok(doc.includes(`| \`${name}\` |`), `output ${name} documented`);
});
