import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allocationNamespace, isSecretNamespace, jobNamespace, jobSecretsNamespace, jobVarsNamespace, ROLLOUT_ORDER_KEY,
  workerTagsNamespace,
} from '../../src/kv/index.ts';

test('given the job api, its catalog namespace is maand/job/api and the rollout key is rollout_order', () => {
  assert.equal(jobNamespace('api'), 'maand/job/api');
  assert.equal(ROLLOUT_ORDER_KEY, 'rollout_order');
});

test('job, allocation and worker tag namespaces follow the reference paths', () => {
  assert.equal(jobVarsNamespace('api'), 'vars/job/api');
  assert.equal(jobSecretsNamespace('api'), 'secrets/job/api');
  assert.equal(allocationNamespace('api', '10.0.0.1'), 'maand/job/api/worker/10.0.0.1');
  assert.equal(workerTagsNamespace('10.0.0.1'), 'maand/worker/10.0.0.1/tags');
});

test('only namespaces under secrets/job/ are secret', () => {
  assert.equal(isSecretNamespace('secrets/job/api'), true);
  assert.equal(isSecretNamespace('secrets/jobs'), false);
  assert.equal(isSecretNamespace('vars/job/api'), false);
});
