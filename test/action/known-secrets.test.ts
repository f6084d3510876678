// Text the Action sends to GitHub's API is masked like its log (the runner masks only what it prints).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KnownSecrets } from '../../src/action/known-secrets.ts';
import { DeploymentRecord } from '../../src/action/deployment-record.ts';
import { Sensitive } from '../../src/action/sensitive.ts';
import { GitHubApi } from './github-api.ts';
import { RecordingLog } from './recording-log.ts';

test('given registered secrets, when a text quoting them is redacted, then each shows as *** whole, a PEM line by line', () => {
  const s = new KnownSecrets();
  s.add('hunter2-password');
  s.add('hunter2');
  s.add('-----BEGIN PRIVATE KEY-----\nMIIEvAIBADANBgkq\n-----END PRIVATE KEY-----');
  s.add('abc'); // too short to mask, as in the log
  const text = 'pre_deploy failed: login hunter2-password refused (hunter2); key line MIIEvAIBADANBgkq; abc stays';
  assert.equal(s.redact(text), 'pre_deploy failed: login *** refused (***); key line ***; abc stays');
});

test('given a secret the run registered, when a deployment status quotes it, then GitHub receives *** instead', async () => {
  const api = new GitHubApi();
  await api.start();
  try {
    const secrets = new KnownSecrets();
    secrets.add('s3cr3t-db-password');
    const record = new DeploymentRecord(
      { token: new Sensitive('token'), repository: 'acme/infra', apiUrl: api.url, environment: 'production', ref: '0123456789abcdef0123456789abcdef01234567' },
      new RecordingLog(),
      (t) => secrets.redact(t),
    );
    await record.start({ bucket_id: 'b', update_seq: 0, state_generation: 0, jobs: ['app'] }, 'maand deploy of infra');
    await record.finish('failure', 'job app: pre_deploy printed s3cr3t-db-password');
    const statuses = api.deployments[0]!.statuses.map((x) => x.description);
    assert.deepEqual(statuses, ['maand deploy of infra', 'job app: pre_deploy printed ***']);
    assert.doesNotMatch(JSON.stringify(api.deployments), /s3cr3t-db-password/);
  } finally {
    await api.stop();
  }
});
