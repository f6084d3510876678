// post_build hooks (build-and-catalog §11, §16.14): they run after the main catalog commit; a failure
// fails the build but leaves that commit in place, and discards every KV write of the hooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

function postBuildJob(b: TestBucket, script: string): void {
  b.job('a', { version: '1.0.0', selectors: ['worker'], commands: { command_hello: { executed_on: ['post_build'] } } }, { '_modules/command_hello.py': script });
}

test('given a post_build command whose script is empty, the build succeeds and the command row exists', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    postBuildJob(b, '');
    await b.build();
    assert.deepEqual(b.rows('SELECT job, name, executed_on FROM job_commands'), [{ job: 'a', name: 'command_hello', executed_on: 'post_build' }]);
  }));

test('given a post_build script that exits 1, the build fails naming post_build and the catalog of the main phase is committed', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    postBuildJob(b, 'import sys\nsys.exit(1)\n');
    const err = await b.buildError();
    assert.match(err.message, /post_build/);
    assert.match(err.message, /command_hello/);
    assert.deepEqual(b.rows('SELECT job, name, executed_on FROM job_commands'), [{ job: 'a', name: 'command_hello', executed_on: 'post_build' }]);
    assert.equal(b.kvGet('maand/job/a', 'workers'), '10.0.0.1');
  }));

test('given a post_build hook that writes vars/job KV, the value is committed when the hook succeeds', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    postBuildJob(b, 'import maand\nmaand.put_job_variable("built", "yes")\n');
    await b.build();
    assert.equal(b.kvGet('vars/job/a', 'built'), 'yes');
  }));

test('given a post_build command on a job whose allocations are all disabled, nothing runs and the build succeeds', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1' }]);
    postBuildJob(b, 'import sys\nsys.exit(1)\n');
    b.write({ 'workspace/disabled.json': '{"jobs":{"a":{}}}' });
    await b.build();
  }));
