#!/usr/bin/env node
// `npm run demo`: copy examples/demo to .demo/bucket, init it and build it with the bundled CLI,
// then show the catalog. (Deploying to local workers joins this script with the deploy command.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bucket = join(root, '.demo', 'bucket');
const cli = join(root, 'dist', 'cli', 'index.js');

const maand = (...args) => {
  console.log(`\n$ maand ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: bucket, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`demo: maand ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
};

if (!existsSync(join(bucket, 'data', 'maand.db'))) {
  rmSync(bucket, { recursive: true, force: true });
  mkdirSync(bucket, { recursive: true });
  maand('init');
}
// The workspace is the user's part of a bucket: refresh it from the example every run.
rmSync(join(bucket, 'workspace'), { recursive: true, force: true });
cpSync(join(root, 'examples', 'demo', 'workspace'), join(bucket, 'workspace'), { recursive: true });
maand('build');
maand('cat', 'workers');
maand('cat', 'jobs');
maand('cat', 'allocations');
maand('cat', 'kv', '--namespace', 'maand/job/api');
console.log(`\nThe demo bucket is in ${bucket}; run further maand commands from there (node ${cli} --help).`);
