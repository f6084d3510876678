// Job versions: stored text, normalized deploy version, parsed form (build-and-catalog §5.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, formatVersion, normalizedVersion, parseVersion, storedVersion } from '../../src/bucket/version.ts';

test('the stored version is the manifest text verbatim, or unknown when absent or empty', () => {
  assert.equal(storedVersion(undefined), 'unknown');
  assert.equal(storedVersion(''), 'unknown');
  assert.equal(storedVersion(' 1.0 '), ' 1.0 ');
  assert.equal(storedVersion('v2.1'), 'v2.1');
});

test('the normalized version trims, maps empty and unknown to 0.0.0 and keeps everything else', () => {
  assert.equal(normalizedVersion(''), '0.0.0');
  assert.equal(normalizedVersion('   '), '0.0.0');
  assert.equal(normalizedVersion('UNKNOWN'), '0.0.0');
  assert.equal(normalizedVersion(' v2.1 '), 'v2.1');
  assert.equal(normalizedVersion('1.1'), '1.1');
});

test('version 1.2.3 parses and prints as 1.2.3', () => {
  assert.equal(formatVersion(parseVersion('1.2.3')), '1.2.3');
});

test('parsing fills missing parts, strips one v and one V, and keeps a prerelease', () => {
  assert.equal(formatVersion(parseVersion('3')), '3.0.0');
  assert.equal(formatVersion(parseVersion('v1.2')), '1.2.0');
  assert.equal(formatVersion(parseVersion('vV1')), '1.0.0');
  assert.equal(formatVersion(parseVersion(' 1.0.0-rc1 ')), '1.0.0-rc1');
  assert.equal(formatVersion(parseVersion('1.0.0-rc-1')), '1.0.0-rc-1');
  assert.equal(formatVersion(parseVersion('01.+2.003')), '1.2.3');
});

test('unparseable versions fail with the reference texts', () => {
  assert.throws(() => parseVersion('  '), { message: 'version is empty' });
  assert.throws(() => parseVersion('Unknown'), { message: 'version "Unknown" is not allowed' });
  assert.throws(() => parseVersion('1.0-'), { message: 'empty prerelease suffix' });
  assert.throws(() => parseVersion('1.2.3.4'), { message: '"1.2.3.4"' });
  assert.throws(() => parseVersion('1..2'), { message: 'empty segment in "1..2"' });
  assert.throws(() => parseVersion('latest'), { message: 'invalid segment "latest" in "latest"' });
  assert.throws(() => parseVersion('1.0.0+build'), { message: 'invalid segment "0+build" in "1.0.0+build"' });
  assert.throws(() => parseVersion('-1'), { message: 'empty segment in ""' });
});

test('comparison is numeric per part, a prerelease sorts below its release, prereleases compare as bytes', () => {
  const cmp = (a: string, b: string) => compareVersions(parseVersion(a), parseVersion(b));
  assert.equal(cmp('1.10.0', '1.9.0'), 1);
  assert.equal(cmp('2.0.0', '2'), 0);
  assert.equal(cmp('1.0.0-rc1', '1.0.0'), -1);
  assert.equal(cmp('1.0.0', '1.0.0-rc1'), 1);
  assert.equal(cmp('1.0.0-rc10', '1.0.0-rc9'), -1);
});
