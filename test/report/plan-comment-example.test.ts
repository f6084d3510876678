// docs/plan-comment-example.md is the real renderer's comment of a fixed plan: re-rendered here, it must
// be byte for byte what the file holds (regenerate with `node scripts/plan-comment-example.ts`), and the
// README must link it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_FILE, renderExample } from '../../scripts/plan-comment-example.ts';

test('given the fixed example plan, when it is rendered again, then docs/plan-comment-example.md holds exactly that comment', () => {
  assert.equal(readFileSync(EXAMPLE_FILE, 'utf8'), renderExample(), 'docs/plan-comment-example.md is out of date: run node scripts/plan-comment-example.ts');
});

test('given the example, then it is the sticky comment (marker first) with a folded diff per changed job, and the README links it', () => {
  const text = renderExample();
  const comment = text.slice(text.indexOf('---\n\n') + 5);
  assert.ok(comment.startsWith('<!-- maand/deploy plan: prod -->\n## 📝 maand plan: 2 jobs would change, 1 up to date, 1 allocation would stop\n'));
  assert.equal((comment.match(/<details><summary>/g) ?? []).length, 2);
  assert.ok(comment.includes('conf/api.env changed on 10.0.1.1, 10.0.1.2 (139 → 142 bytes)'), 'identical diffs are shown once with their workers');
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  assert.ok(readme.includes('](docs/plan-comment-example.md)'), 'README links the example');
});
