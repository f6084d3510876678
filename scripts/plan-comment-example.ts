// docs/plan-comment-example.md: the pull request comment of command plan, rendered by the real renderer
// (fromPlan + renderComment) from one fixed plan, so the README can show what a reviewer sees.
// `node scripts/plan-comment-example.ts` rewrites it; test/report/plan-comment-example.test.ts fails
// when the renderer changed and the file was not regenerated.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AllocPlan, FileChange, JobPlan } from '../src/deploy/plan.ts';
import type { DeployResult } from '../src/deploy/result.ts';
import { renderComment } from '../src/report/markdown/comment.ts';
import { fromPlan } from '../src/report/markdown/from-results.ts';

export const EXAMPLE_FILE = join(import.meta.dirname, '..', 'docs', 'plan-comment-example.md');

type Action = AllocPlan['action'];

function alloc(job: string, workerIp: string, action: Action, reason: string, files: FileChange[] = [], versions: [string, string] = ['1.4.0', '1.4.0']): AllocPlan {
  return {
    allocId: `${job}-${workerIp}`, workerIp, disabled: false, action, reason, previousHash: action === 'start' ? '' : 'f3a1', currentHash: action === 'skip' ? 'f3a1' : '9c2e',
    matched: [], currentVersion: versions[0], newVersion: versions[1], files,
  };
}

function job(name: string, seq: number, allocations: AllocPlan[], reason = ''): JobPlan {
  return { job: name, seq, needsRollout: allocations.some((a) => a.action !== 'skip'), reason, marker: undefined, allocations };
}

const changed = (path: string, size: number, previousSize: number, diff: string): FileChange => ({ path, change: 'changed', size, previousSize, diff, note: null });

// api: a version bump and a KV value a pre_deploy hook wrote, rendered the same on both workers (shown
// once); its secret shows as [secret]. web: a new worker, and a template rendering each worker's address.
const apiEnv = changed('conf/api.env', 142, 139, [
  '@@ -1,4 +1,4 @@',
  ' LISTEN=0.0.0.0:8080',
  '-RELEASE=1.4.0',
  '+RELEASE=1.5.0',
  '-DB_POOL=10',
  '+DB_POOL=20',
  ' DB_PASSWORD=[secret]',
  '',
].join('\n'));
const nginx = (ip: string): FileChange => changed('conf/nginx.conf', 231, 198, [
  '@@ -2,4 +2,5 @@',
  ' upstream api {',
  '     server 10.0.1.1:8080;',
  '     server 10.0.1.2:8080;',
  '+    server 10.0.1.3:8080;',
  ' }',
  `@@ -9 +10 @@`,
  `-    listen ${ip}:80;`,
  `+    listen ${ip}:443 ssl;`,
  '',
].join('\n'));

export function examplePlan(): DeployResult {
  return {
    dryRun: true, bucketId: '4f0c9a6e-2d7b-4a51-9c1e-7d3b2a8e5f10', updateSeq: 41, updateSeqBumped: false, startedAt: '2025-06-01T09:30:00.000Z', durationMs: 3_400,
    reconcile: [
      { job: 'old-cron', workerIp: '10.0.1.2', action: 'stop', outcome: 'planned' },
      { job: 'old-cron', workerIp: '10.0.1.2', action: 'cleanup', outcome: 'planned' },
    ],
    jobs: [], failedJobs: [], errors: [], cancelled: false,
    plans: [
      job('api', 1, [
        alloc('api', '10.0.1.1', 'restart', 'files changed: conf/api.env', [apiEnv], ['1.4.0', '1.5.0']),
        alloc('api', '10.0.1.2', 'restart', 'files changed: conf/api.env', [apiEnv], ['1.4.0', '1.5.0']),
      ]),
      job('db', 1, [alloc('db', '10.0.1.1', 'skip', 'up to date')], 'already promoted on all allocations'),
      job('web', 2, [
        alloc('web', '10.0.1.1', 'reload', 'files changed: conf/nginx.conf', [nginx('10.0.1.1')]),
        alloc('web', '10.0.1.2', 'reload', 'files changed: conf/nginx.conf', [nginx('10.0.1.2')]),
        alloc('web', '10.0.1.3', 'start', 'new allocation', [
          { path: 'conf/nginx.conf', change: 'added', size: 231, previousSize: null, diff: null, note: null },
          { path: 'Makefile', change: 'added', size: 412, previousSize: null, diff: null, note: null },
        ]),
      ]),
    ],
  };
}

export function renderExample(): string {
  const comment = renderComment(fromPlan(examplePlan(), { bucketName: 'prod', generation: 12, runUrl: 'https://github.com/acme/infra/actions/runs/9876543210' })).text;
  return [
    '# The plan comment, as a pull request shows it',
    '',
    'What `command: plan` posts on a pull request (one comment, updated on every push), rendered by the real',
    'renderer from a fixed plan: `node scripts/plan-comment-example.ts` regenerates this file, and',
    '`test/report/plan-comment-example.test.ts` fails when it is out of date. Everything below the line is',
    'the comment itself.',
    '',
    '---',
    '',
    comment,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(EXAMPLE_FILE, renderExample());
  process.stdout.write(`wrote ${EXAMPLE_FILE}\n`);
}
