// action.yml is the Action's public contract: it must declare exactly the inputs and outputs the code reads
// and sets, with the same defaults, each documented, and point at the bundles that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { INPUTS, OUTPUTS } from '../../src/action/inputs.ts';

const root = join(import.meta.dirname, '..', '..');
interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string; 'post-if': string };
}
const action = yaml.load(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml;

test('action.yml runs the bundled main and post steps on node24, the post step always', () => {
  assert.deepEqual(action.runs, { using: 'node24', main: 'dist/main/index.js', post: 'dist/post/index.js', 'post-if': 'always()' });
  assert.ok(existsSync(join(root, action.runs.main)), 'dist/main/index.js exists (run npm run build)');
  assert.ok(existsSync(join(root, action.runs.post)), 'dist/post/index.js exists (run npm run build)');
});

test('action.yml has a name, a description and branding', () => {
  assert.ok(action.name && action.description);
  assert.ok(action.branding.icon && action.branding.color);
});

test('action.yml declares exactly the inputs of the inputs table, with the same defaults, each described', () => {
  assert.deepEqual(Object.keys(action.inputs).sort(), Object.keys(INPUTS).sort());
  for (const [name, spec] of Object.entries(INPUTS)) {
    const declared = action.inputs[name]!;
    assert.equal(String(declared.default), spec.default, `default of ${name}`);
    assert.equal(declared.required, false, `${name} is optional (the action reports what is missing)`);
    assert.ok(declared.description.length > 20, `${name} is described`);
    for (const v of 'values' in spec ? spec.values : []) assert.ok(declared.description.includes(v), `the description of ${name} names ${v}`);
  }
});

test('action.yml declares exactly the outputs the action sets, each described', () => {
  assert.deepEqual(Object.keys(action.outputs).sort(), Object.keys(OUTPUTS).sort());
  for (const name of Object.keys(OUTPUTS)) assert.ok(action.outputs[name]!.description.length > 10, `${name} is described`);
});
