#!/usr/bin/env node
// The `maand` command line: parse argv, run one command, map errors to one line and an exit code.
import module from 'node:module';

// Reuse V8's compiled code across runs (a deploy is a short process; this saves tens of ms each start).
// Enabled before the rest of the CLI is loaded, so all of it benefits.
module.enableCompileCache?.();
// The catalog is node:sqlite: an older Node cannot run maand, say so instead of failing on a module name.
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 24) {
  process.stderr.write(`maand needs Node.js 24 or newer; this is Node.js ${process.versions.node} (${process.execPath}). Run it with Node 24 (npm ci installs one under node_modules/.bin).\n`);
  process.exit(1);
}
const { installLastResort } = await import('../entry/last-resort.ts');
installLastResort((line) => void process.stderr.write(`maand failed: ${line}\n`));
const { runCli } = await import('./program.ts');

process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
