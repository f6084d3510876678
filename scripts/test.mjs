#!/usr/bin/env node
// `npm test`: prepare the host (sshd, rsync, python3, make for the end-to-end tests), type-check, lint, then
// run every test file with node's test runner. Extra arguments are passed to `node --test`
// (e.g. `npm test -- test/build/`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (existsSync(join(root, 'scripts', 'setup-host.sh'))) run('bash', [join(root, 'scripts', 'setup-host.sh')]);
run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--noEmit']);
// every promise awaited or handled (type-aware lint; eslint.config.js)
run(join(root, 'node_modules', '.bin', 'eslint'), ['.']);
const extra = process.argv.slice(2);
const targets = extra.length > 0 ? extra : ['test/**/*.test.ts'];
run(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=600000', ...targets]);
