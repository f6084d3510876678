// Pure parts of deploy: glob matching, lifecycle decisions, rollout order, batches, manifests,
// command builders, worker files, the dry-run report (deploy spec §13, §14, §16.4, §21, §28).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatches, matchAny } from '../../src/deploy/glob-match.ts';
import { decideLifecycle, type LifecycleInput } from '../../src/deploy/lifecycle.ts';
import { batches, rolloutOrder } from '../../src/deploy/rollout-order.ts';
import { changedPaths } from '../../src/deploy/tree-hash.ts';
import { cleanupJobCommand, parseMissing, prerequisiteScript, rsyncFilter, runnerCommand } from '../../src/deploy/commands.ts';
import { jobsJson, workerJson } from '../../src/deploy/worker-files.ts';
import { formatDryRun } from '../../src/report/dry-run.ts';
import type { JobPlan } from '../../src/deploy/plan.ts';

test('glob cases of the reference match as documented', () => {
  assert.ok(globMatches('Makefile', 'Makefile'));
  assert.ok(globMatches('Makefile', 'sub/Makefile'));
  assert.ok(globMatches('*.yaml', 'rules/alerts.yaml'));
  assert.ok(globMatches('bin/**', 'bin/app'));
  assert.ok(globMatches('docker-compose.yml', 'docker-compose.yml'));
  assert.ok(!globMatches('bin/**', 'config/app.toml'));
  assert.ok(globMatches('**/*.yml', 'a.yml'));
  assert.ok(globMatches('**/*.yml', 'x/y/a.yml'));
  assert.ok(globMatches('**/conf/*.yml', 'conf/a.yml'));
  assert.ok(!globMatches('**/conf/*.yml', 'x/conf/a.yml'));
  assert.ok(globMatches('a/**/*.txt', 'a/b/c.txt'));
  assert.ok(globMatches('conf/', 'conf/x/y'));
  assert.ok(globMatches('conf/*.toml', 'conf/app.toml'));
  assert.ok(!globMatches('[', '['), 'a malformed pattern matches nothing');
  assert.deepEqual(matchAny(['Makefile', 'bin/**'], ['config/app.toml', 'bin/runner', 'Makefile']), ['bin/runner', 'Makefile']);
});

const base: LifecycleInput = { policy: 'always', globs: [], syncOnly: false, hashChanged: true, versionOnly: false, previousFiles: {}, currentFiles: {} };

test('lifecycle: always restarts, never syncs, --sync-only syncs', () => {
  assert.equal(decideLifecycle(base).action, 'restart');
  assert.equal(decideLifecycle({ ...base, policy: 'never' }).action, 'sync');
  assert.equal(decideLifecycle({ ...base, syncOnly: true }).action, 'sync');
  assert.equal(decideLifecycle({ ...base, policy: '' }).action, 'restart');
});

test('lifecycle: reload restarts only when a changed file matches restart_globs', () => {
  const r = { ...base, policy: 'reload', globs: ['Makefile'] };
  assert.equal(decideLifecycle({ ...r, previousFiles: { 'config/app.toml': '1' }, currentFiles: { 'config/app.toml': '2' } }).action, 'reload');
  const d = decideLifecycle({ ...r, previousFiles: { Makefile: '1' }, currentFiles: { Makefile: '2', 'marker.txt': 'x' } });
  assert.equal(d.action, 'restart');
  assert.deepEqual(d.matched, ['Makefile']);
  assert.equal(decideLifecycle({ ...r, previousFiles: undefined }).action, 'reload', 'no previous manifest → reload');
  assert.equal(decideLifecycle({ ...r, hashChanged: false, versionOnly: true }).action, 'reload', 'version-only → reload');
});

test('rollout_order is a priority list: listed candidates first, the rest in default order (Q11)', () => {
  const def = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];
  assert.deepEqual(rolloutOrder(def, def, undefined), { order: def, full: def.join(','), source: 'default', ignored: [] });
  const o = rolloutOrder(['10.0.0.1', '10.0.0.3'], def, ' 10.0.0.3 , 10.0.0.9 ');
  assert.deepEqual(o.order, ['10.0.0.3', '10.0.0.1']);
  assert.equal(o.source, 'kv');
  assert.deepEqual(o.ignored, ['10.0.0.9']);
  assert.deepEqual(rolloutOrder(def, def, '10.0.0.2').order, ['10.0.0.2', '10.0.0.1', '10.0.0.3']);
});

test('batch sizing: 0 → all; 2 of 5 → 2; 10 of 3 → 3', () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 0), [[1, 2, 3, 4, 5]]);
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(batches([1, 2, 3], 10), [[1, 2, 3]]);
  assert.deepEqual(batches([], 2), []);
});

test('manifest diff lists changed, added and deleted paths, sorted', () => {
  assert.deepEqual(changedPaths({ Makefile: 'a', 'config/app.toml': 'b' }, { Makefile: 'a2', 'config/app.toml': 'b', 'rules/alerts.yaml': 'c' }), ['Makefile', 'rules/alerts.yaml']);
  assert.deepEqual(changedPaths({ gone: 'x' }, {}), ['gone']);
});

test('remote commands are exact', () => {
  assert.equal(runnerCommand('b1', 'start', 'api'), 'python3 /opt/worker/b1/bin/runner.py b1 start --jobs api');
  assert.equal(cleanupJobCommand('b1', 'gone'), 'if [ -d /opt/worker/b1/jobs/gone ]; then find /opt/worker/b1/jobs/gone -mindepth 1 -maxdepth 1 ! -name data ! -name logs -exec rm -rf {} +; fi; rm -rf /opt/worker/b1/releases/gone');
  assert.equal(rsyncFilter(['api']), '- /releases/\n+ jobs/api/\n- jobs/*\n- jobs/**/*.tpl\n');
  assert.equal(rsyncFilter([]), '- /releases/\n- jobs/*\n- jobs/**/*.tpl\n');
  assert.deepEqual(parseMissing('x\nmissing: python3 make\n'), ['python3', 'make']);
});

test('the prerequisite script probes sudo only when sudo will be used (Q16)', () => {
  assert.doesNotMatch(prerequisiteScript(false), /sudo/);
  assert.match(prerequisiteScript(true), /check sudo/);
  assert.match(prerequisiteScript(false), /check python3/);
});

test('worker.json and jobs.json use 3-space indentation, sorted labels and jobs', () => {
  const d = { bucketId: 'b', workerId: 'w', workerIp: '10.0.0.1', labels: ['worker', 'db'], updateSeq: 7, jobs: [{ job: 'vault', disabled: 1 }, { job: 'api', disabled: 0 }] };
  assert.equal(workerJson(d), '{\n   "bucket_id": "b",\n   "worker_id": "w",\n   "worker_ip": "10.0.0.1",\n   "labels": [\n      "db",\n      "worker"\n   ],\n   "update_seq": 7\n}');
  assert.equal(jobsJson(d), '[\n   {\n      "job": "api",\n      "disabled": 0\n   },\n   {\n      "job": "vault",\n      "disabled": 1\n   }\n]');
  assert.equal(jobsJson({ ...d, jobs: [] }), '[]');
});

test('the dry-run report follows the reference format with the reason appended', () => {
  const plan = (job: string, needs: boolean, actions: Array<[string, string]>): JobPlan => ({
    job, seq: 0, needsRollout: needs, reason: needs ? '' : 'already promoted on all allocations', marker: undefined,
    allocations: actions.map(([ip, action]) => ({ allocId: ip, workerIp: ip, disabled: false, action: action as never, reason: 'files changed', previousHash: 'aaa', currentHash: 'bbb', matched: [], currentVersion: '1', newVersion: '1' })),
  });
  assert.equal(formatDryRun([]), 'deploy dry-run: no jobs matched\n');
  assert.equal(
    formatDryRun([plan('app', true, [['10.0.0.1', 'restart'], ['10.0.0.2', 'skip']]), plan('web', false, [])]),
    'deploy dry-run: deployment required\n\ndeployment sequence 0:\n  job "app": deploy required\n' +
      '    10.0.0.1  restart previous_hash=aaa current_hash=bbb  # files changed\n    10.0.0.2  skip    hash=bbb  # files changed\n' +
      '  job "web": skip (already promoted on all allocations)\n',
  );
});
