// Which hook_env entries a bucket may list (least privilege, issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedHookEnv, hookEnvEntryProblem } from '../../src/hooks/env-allowlist.ts';

test('names and PREFIX_* patterns that cannot reach a runner secret are accepted', () => {
  for (const entry of ['PIP_INDEX_URL', 'PIP_*', 'NODE_OPTIONS', 'GITHUB_SHA', 'INPUTS', 'MY_INPUT_X']) assert.equal(hookEnvEntryProblem(entry), undefined, entry);
});

test('entries that would pass Action inputs, runner or GitHub tokens or the SSH key are refused, naming the rule', () => {
  const cases: Array<[string, string]> = [
    ['INPUT_FOO', 'INPUT_*'], ['INPUT_*', 'INPUT_*'], ['IN*', 'INPUT_*'], ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_*'], ['GITHUB_TOKEN', 'GITHUB_TOKEN'],
    ['GITHUB_*', 'GITHUB_TOKEN'], ['RUNNER_TEMP', 'RUNNER_*'], ['SSH_AUTH_SOCK', 'SSH_AUTH_SOCK'], ['MAAND_*', 'MAAND_SSH_KEY'],
  ];
  for (const [entry, rule] of cases) assert.match(hookEnvEntryProblem(entry) ?? '', new RegExp(`would pass ${rule.replace('*', '\\*')} to hooks`), entry);
});

test('malformed entries and a bare * are refused', () => {
  for (const entry of ['*', '', 'A B', 'A*B', '1X', 'X-Y']) assert.match(hookEnvEntryProblem(entry) ?? '', /is not a variable name or a prefix/, entry);
});

test('a denied name never passes, even when an opt-in pattern would match it', () => {
  assert.deepEqual(allowedHookEnv({ GITHUB_TOKEN: 't', GITHUB_SHA: 's', PATH: '/bin', OTHER: 'o' }, ['GITHUB_SHA', 'GITHUB_TOKEN']), { GITHUB_SHA: 's', PATH: '/bin' });
});
