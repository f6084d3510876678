// The bundled CLI on a Node.js older than 24 (no node:sqlite) says what it needs, in one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');

/** A Node.js older than 24 on this machine (the system's, besides the one npm ci installs), if any. */
function olderNode(): string | undefined {
  for (const p of ['/usr/local/bin/node', '/usr/bin/node']) {
    if (!existsSync(p)) continue;
    const v = spawnSync(p, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(/^v(\d+)/.exec(v)?.[1] ?? 99) < 24) return p;
  }
  return undefined;
}

test('given a Node.js older than 24, when maand runs, then it says it needs Node.js 24 in one line and exits 1', (t) => {
  const node = olderNode();
  if (node === undefined) return t.skip('no Node.js older than 24 on this machine');
  const r = spawnSync(node, [CLI, 'build'], { encoding: 'utf8', cwd: import.meta.dirname });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^maand needs Node\.js 24 or newer; this is Node\.js \d+\.\d+\.\d+ \(.*\)\. Run it with Node 24 \(npm ci installs one under node_modules\/\.bin\)\.\n$/);
});
