#!/usr/bin/env node
// Builds dist/: tsc transpiles src/ to lib/ (npm test type-checks), ncc bundles each entry into one file
// (without ncc's cache: it does not make these builds faster and grew by GBs in the system temp dir).
// `node scripts/build.mjs --out <dir>` writes the bundles elsewhere (the stale-dist test uses it).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, mkdirSync, cpSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outIdx = process.argv.indexOf('--out');
const out = outIdx > 0 ? process.argv[outIdx + 1] : join(root, 'dist');
// Always lib/: webpack chunk ids depend on module paths, so a fixed path keeps bundles byte-identical.
const lib = join(root, 'lib');
const bin = (name) => join(root, 'node_modules', '.bin', name);

rmSync(lib, { recursive: true, force: true });
execFileSync(bin('tsc'), ['-p', join(root, 'tsconfig.build.json'), '--outDir', lib, '--noCheck'], { stdio: 'inherit', cwd: root });

// Entry points: every src/<area>/index.ts that is a program.
const entries = ['cli', 'main', 'post'].filter((e) => existsSync(join(lib, e === 'cli' ? 'cli' : 'action', e === 'cli' ? 'index.js' : `${e}.js`)));
for (const entry of entries) {
  const file = entry === 'cli' ? join(lib, 'cli', 'index.js') : join(lib, 'action', `${entry}.js`);
  const dest = join(out, entry);
  rmSync(dest, { recursive: true, force: true });
  execFileSync(bin('ncc'), ['build', file, '-o', dest, '--quiet', '--no-cache', '--no-source-map-register', '--target', 'es2023'], { stdio: 'inherit', cwd: root });
}
// Worker-side and hook-side assets ship as files next to the bundles.
if (existsSync(join(root, 'assets'))) {
  const dest = join(out, 'assets');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(join(root, 'assets')).sort()) cpSync(join(root, 'assets', f), join(dest, f));
}
