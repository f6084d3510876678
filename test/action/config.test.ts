// Inputs → Config: the adapter alone (no engine, no runner), with the names and messages users see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { readConfig } from '../../src/action/config.ts';
import type { ActionEnv } from '../../src/action/env.ts';
import type { InputName } from '../../src/action/inputs.ts';

const env: ActionEnv = {
  workspace: '/home/runner/work/repo/repo', runnerTemp: '/home/runner/work/_temp', eventName: 'push', pullRequest: undefined,
  repository: 'acme/infra', runId: '42', runAttempt: '1', sha: 'abc', actor: 'octocat', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', processEnv: {},
};
const prEnv: ActionEnv = { ...env, eventName: 'pull_request', pullRequest: 7 };

function config(inputs: Partial<Record<InputName, string>>, e: ActionEnv = env) {
  return readConfig((name) => inputs[name] ?? '', e);
}

const deployInputs = { 'state-key': 's3cret-key', 'known-hosts': '10.0.0.1 ssh-ed25519 AAAA', 'ssh-private-key': '-----BEGIN KEY-----\nabcdefgh\n-----END KEY-----', 'github-token': 'ghs_token' };

test('given only the required inputs of a deploy, the config has every default, and secrets print as [REDACTED]', () => {
  const c = config(deployInputs);
  assert.equal(JSON.stringify(c, null, 2), `{
  "command": "deploy",
  "bucket": "/home/runner/work/repo/repo",
  "jobs": [],
  "force": false,
  "syncOnly": false,
  "ssh": {
    "privateKey": "[REDACTED]",
    "knownHosts": "10.0.0.1 ssh-ed25519 AAAA\\n",
    "insecure": false
  },
  "state": {
    "backend": "cache",
    "name": "maand",
    "key": "[REDACTED]",
    "branch": "maand-state"
  },
  "drift": "report",
  "comment": false,
  "githubToken": "[REDACTED]",
  "driftIssue": false
}`);
  assert.ok(!inspect(c, { depth: 5 }).includes('s3cret'));
  assert.equal(c.state.key?.reveal(), 's3cret-key');
  assert.equal(c.ssh.privateKey?.reveal(), '-----BEGIN KEY-----\nabcdefgh\n-----END KEY-----\n');
});

test('given every input set, the config carries each of them', () => {
  const c = config({
    ...deployInputs, command: 'drift', bucket: 'infra/prod', jobs: ' api, web\nworker ,api', force: 'true', 'sync-only': 'TRUE',
    'state-backend': 'branch', 'state-name': 'prod.eu-1', 'state-branch': 'ops/maand-state', drift: 'correct', comment: 'true',
  });
  assert.deepEqual(
    { command: c.command, bucket: c.bucket, jobs: c.jobs, force: c.force, syncOnly: c.syncOnly, backend: c.state.backend, name: c.state.name, branch: c.state.branch, drift: c.drift, comment: c.comment },
    { command: 'drift', bucket: '/home/runner/work/repo/repo/infra/prod', jobs: ['api', 'web', 'worker'], force: true, syncOnly: true, backend: 'branch', name: 'prod.eu-1', branch: 'ops/maand-state', drift: 'correct', comment: true },
  );
});

test('given environment and environment-url, the config carries the deployment records\' environment; drift-issue is a boolean', () => {
  assert.deepEqual(config({ ...deployInputs, environment: ' production ', 'environment-url': 'https://app.example.com' }).environment, { name: 'production', url: 'https://app.example.com' });
  assert.deepEqual(config({ ...deployInputs, environment: 'staging' }).environment, { name: 'staging' });
  assert.equal(config({ ...deployInputs, command: 'drift', 'drift-issue': 'true' }).driftIssue, true);
  assert.throws(() => config({ ...deployInputs, 'drift-issue': 'yes' }), { message: 'invalid argument: input drift-issue: "yes" is not a boolean; use true or false' });
});

test('given environment-url without environment, or not an http(s) URL, the run stops naming the input', () => {
  assert.throws(() => config({ ...deployInputs, 'environment-url': 'https://app.example.com' }), { message: 'invalid argument: input environment-url: "https://app.example.com" is not valid; set environment: too (the URL belongs to the deployment records of that environment), or remove environment-url' });
  assert.throws(() => config({ ...deployInputs, environment: 'production', 'environment-url': 'app.example.com' }), { message: 'invalid argument: input environment-url: "app.example.com" is not valid; use an http:// or https:// URL such as https://app.example.com' });
});

test('comment: auto is on for command plan on a pull request and off otherwise', () => {
  assert.equal(config({ command: 'plan', 'state-key': 'k' }, prEnv).comment, true);
  assert.equal(config({ command: 'plan', 'state-key': 'k' }, env).comment, false);
  assert.equal(config({ ...deployInputs }, prEnv).comment, false);
  assert.equal(config({ command: 'plan', 'state-key': 'k', comment: 'false' }, prEnv).comment, false);
});

test('an unknown command is rejected with the list of valid commands', () => {
  assert.throws(() => config({ ...deployInputs, command: 'destroy' }), { message: 'invalid argument: input command: "destroy" is not one of deploy, plan, drift, build, rollback' });
});

test('each enumeration names the input and lists its values', () => {
  assert.throws(() => config({ ...deployInputs, 'state-backend': 's3' }), { message: 'invalid argument: input state-backend: "s3" is not one of cache, artifact, branch, none' });
  assert.throws(() => config({ ...deployInputs, drift: 'fix' }), { message: 'invalid argument: input drift: "fix" is not one of report, correct' });
  assert.throws(() => config({ ...deployInputs, comment: 'yes' }), { message: 'invalid argument: input comment: "yes" is not one of auto, true, false' });
});

test('a boolean input that is not true or false is rejected', () => {
  assert.throws(() => config({ ...deployInputs, force: 'yes' }), { message: 'invalid argument: input force: "yes" is not a boolean; use true or false' });
});

test('without state-key a stateful backend is refused: secrets are never stored unencrypted', () => {
  assert.throws(() => config({ ...deployInputs, 'state-key': '' }), { message: /^invalid argument: input state-key is required with state-backend cache: .*never stored unencrypted/ });
  assert.throws(() => config({ command: 'plan' }, prEnv), { message: /from forks GitHub passes no secrets/ });
  assert.doesNotThrow(() => config({ ...deployInputs, 'state-key': '', 'state-backend': 'none' }));
});

test('deploy and drift need known-hosts unless host key checking is explicitly skipped, and not both', () => {
  assert.throws(() => config({ ...deployInputs, 'known-hosts': '' }), { message: /input known-hosts is required for command deploy/ });
  assert.throws(() => config({ ...deployInputs, 'known-hosts': '', command: 'drift' }), { message: /input known-hosts is required for command drift/ });
  assert.throws(() => config({ ...deployInputs, 'insecure-skip-host-key-check': 'true' }), { message: /known-hosts and insecure-skip-host-key-check exclude each other/ });
  assert.equal(config({ ...deployInputs, 'known-hosts': '', 'insecure-skip-host-key-check': 'true' }).ssh.insecure, true);
  assert.doesNotThrow(() => config({ command: 'plan', 'state-key': 'k' }));
  assert.doesNotThrow(() => config({ command: 'build', 'state-key': 'k' }));
});

test('given command rollback with to, the config carries the deploy id, and rollback needs known-hosts like deploy', () => {
  const c = config({ ...deployInputs, command: 'rollback', jobs: 'api', to: ' 12 ' });
  assert.deepEqual({ command: c.command, jobs: c.jobs, to: c.to }, { command: 'rollback', jobs: ['api'], to: 12 });
  assert.equal(config({ ...deployInputs, command: 'rollback' }).to, undefined);
  assert.throws(() => config({ ...deployInputs, command: 'rollback', 'known-hosts': '' }), { message: /input known-hosts is required for command rollback/ });
});

test('given to that is not a deploy id, or to with another command, the input is rejected naming what to do', () => {
  assert.throws(() => config({ ...deployInputs, command: 'rollback', to: 'v1' }), { message: 'invalid argument: input to: "v1" is not valid; give a deploy id from maand cat history (a positive whole number)' });
  assert.throws(() => config({ ...deployInputs, command: 'rollback', to: '0' }), { message: /input to: "0" is not valid/ });
  assert.throws(() => config({ ...deployInputs, to: '3' }), { message: 'invalid argument: input to: "3" is not valid; it is only read by command rollback; remove it or set command: rollback' });
});

test('a state-name or state-branch that cannot name a cache key, file or branch is rejected', () => {
  assert.throws(() => config({ ...deployInputs, 'state-name': 'prod/eu' }), { message: /input state-name: "prod\/eu" is not valid/ });
  assert.throws(() => config({ ...deployInputs, 'state-branch': 'a..b' }), { message: /input state-branch: "a..b" is not valid/ });
});

test('an absolute bucket path is kept as it is', () => {
  assert.equal(config({ ...deployInputs, bucket: '/srv/bucket' }).bucket, '/srv/bucket');
});
