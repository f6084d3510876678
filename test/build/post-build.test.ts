// post_build hooks (build-and-catalog §11, §16.14). Hooks are not implemented yet: a post_build command
// that would run fails the build clearly, after the main catalog transaction has been committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

function postBuildJob(b: TestBucket): void {
  b.job('a', { version: '1.0.0', selectors: ['worker'], commands: { command_hello: { executed_on: ['post_build'] } } }, { '_modules/command_hello.py': '' });
}

test('given a post_build command on an active allocation, the build fails saying post_build is not supported yet, with the catalog committed', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    postBuildJob(b);
    const err = await b.buildError();
    assert.match(err.message, /^post_build: job a command command_hello: .*not supported yet/);
    assert.deepEqual(b.rows('SELECT job, name, executed_on FROM job_commands'), [{ job: 'a', name: 'command_hello', executed_on: 'post_build' }]);
    assert.equal(b.kvGet('maand/job/a', 'workers'), '10.0.0.1');
  }));

test('given a post_build command on a job without allocations, the build succeeds and no hook runs', () =>
  withBucket(async (b) => {
    postBuildJob(b);
    await b.build();
    assert.equal(b.scalar('SELECT COUNT(*) FROM job_commands'), 1);
  }));

test('given a post_build command on a job whose allocations are all disabled, the build succeeds', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    postBuildJob(b);
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{}}}' });
    await b.build();
  }));
