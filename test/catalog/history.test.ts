// The deploy history in the catalog: recorded by recorded runs only, interrupted runs, git commit,
// filters, retention by gc, and a catalog without the tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { newBucket, type TestBucket } from '../helpers/bucket.ts';
import { withRun } from '../../src/run/lifecycle.ts';
import { historyRuns, catHistory } from '../../src/cat/history.ts';
import { gc } from '../../src/gc/index.ts';

async function withBucket(fn: (b: TestBucket) => Promise<void>): Promise<void> {
  const b = await newBucket();
  try {
    await fn(b);
  } finally {
    b.cleanup();
  }
}

function record(b: TestBucket, command: string, opts: { readOnly?: boolean; job?: string; fail?: boolean } = {}): Promise<void> {
  return withRun({ root: b.root, command, history: { command, origin: { trigger: 'alice@laptop', commit: 'c0ffee' } }, ...(opts.readOnly ? { readOnly: true } : {}) }, async (r) => {
    if (opts.job) r.recordJob({ job: opts.job, version: '1.0.0', planHash: 'h', allocationsChanged: 2, outcome: opts.fail ? 'failed' : 'ok' });
    if (opts.fail) r.setOutcome('failed');
  });
}

const runs = (b: TestBucket, o: { jobs?: string[]; limit?: number } = {}): ReturnType<typeof historyRuns> => b.query((db) => historyRuns(db, o));

test('given recorded runs, when the history is listed, then it is newest first with trigger, commit, outcome and jobs', () =>
  withBucket(async (b) => {
    await record(b, 'deploy', { job: 'api' });
    await record(b, 'rollback', { job: 'api', fail: true });
    const rs = runs(b);
    assert.deepEqual(rs.map((r) => [r.deployId, r.command, r.outcome, r.trigger, r.gitCommit]), [[2, 'rollback', 'failed', 'alice@laptop', 'c0ffee'], [1, 'deploy', 'ok', 'alice@laptop', 'c0ffee']]);
    assert.deepEqual(rs[1]!.jobs, [{ job: 'api', version: '1.0.0', planHash: 'h', allocationsChanged: 2, outcome: 'ok' }]);
    assert.ok(rs.every((r) => r.durationMs !== null && r.durationMs >= 0));
    assert.deepEqual(b.query((db) => catHistory(db, {})).rows[0]!.slice(3, 5), ['rollback', 'failed']);
  }));

test('given a dry run, then it leaves no trace in the history (Q35)', () =>
  withBucket(async (b) => {
    await record(b, 'deploy', { readOnly: true });
    assert.deepEqual(runs(b), []);
  }));

test('given a run killed while running, when the next run starts, then the killed run shows as interrupted', () =>
  withBucket(async (b) => {
    await record(b, 'deploy');
    // what a SIGKILL leaves: the start row, never finished
    b.query((db) => db.prepare("UPDATE deploy_history SET outcome = 'running', duration_ms = NULL").run());
    await record(b, 'deploy');
    assert.deepEqual(runs(b).map((r) => r.outcome), ['ok', 'interrupted']);
  }));

test('given a run that throws, then it is recorded as failed', () =>
  withBucket(async (b) => {
    await assert.rejects(withRun({ root: b.root, command: 'deploy', history: { command: 'deploy' } }, () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(runs(b).map((r) => r.outcome), ['failed']);
  }));

test('given a bucket in a git work tree and no commit from the caller, then the run records HEAD', () =>
  withBucket(async (b) => {
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: b.root, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', 'maand.conf');
    git('commit', '-qm', 'bucket');
    await withRun({ root: b.root, command: 'deploy', history: { command: 'deploy', origin: { trigger: 'x' } } }, async () => undefined);
    assert.equal(runs(b)[0]!.gitCommit, git('rev-parse', 'HEAD'));
  }));

test('given runs of several jobs, when filtered by --jobs and --limit, then only matching runs and jobs show', () =>
  withBucket(async (b) => {
    await record(b, 'deploy', { job: 'api' });
    await record(b, 'deploy', { job: 'web' });
    await record(b, 'job run', { job: 'api' });
    assert.deepEqual(runs(b, { jobs: ['api'] }).map((r) => r.deployId), [3, 1]);
    assert.deepEqual(runs(b, { limit: 1 }).map((r) => r.deployId), [3]);
    assert.throws(() => runs(b, { limit: 0 }), /--limit must be a whole number/);
  }));

test('given history_retain = 2, when maand gc runs, then only the two newest runs stay', () =>
  withBucket(async (b) => {
    b.write({ 'maand.conf': `${b.read('maand.conf')}history_retain = 2\n` });
    for (let i = 0; i < 4; i++) await record(b, 'deploy', { job: 'api' });
    assert.equal(gc({ root: b.root }).deployRunsDeleted, 2);
    assert.deepEqual(runs(b).map((r) => r.deployId), [4, 3]);
    assert.equal(b.scalar('SELECT COUNT(*) FROM deploy_history_jobs'), 2);
  }));

test('given a catalog without the history tables (the reference tool wrote it), then the history is empty and the next run creates them', () =>
  withBucket(async (b) => {
    b.query((db) => ['deploy_history', 'deploy_history_jobs', 'deploy_history_allocations', 'rollback_pin'].forEach((t) => db.exec(`DROP TABLE ${t}`)));
    assert.deepEqual(runs(b), []);
    await record(b, 'deploy');
    assert.equal(runs(b).length, 1);
  }));
