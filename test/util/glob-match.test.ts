// restart_globs and dashboard ignore patterns: Go path.Match per segment plus maand's `**` forms (deploy spec §13.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatches, matchAny } from '../../src/util/glob-match.ts';

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
