// dist/ is committed (an Action runs from the repository): it must be exactly what the sources build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

test('dist/ matches a fresh build of the sources (run `npm run build` and commit dist/ when this fails)', () => {
  const out = mkdtempSync(join(tmpdir(), 'maand-dist-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', out], { cwd: root, stdio: 'pipe' });
    const fresh = listFiles(out);
    assert.deepEqual(listFiles(join(root, 'dist')), fresh, 'dist/ has different files than a fresh build');
    for (const f of fresh) assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(root, 'dist', f))), `dist/${f} is stale`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
