// Job names, worker hosts and bucket ids (issue 15): what real buckets use passes, anything that
// could climb out of a directory or mean something to a shell is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBucketId, isJobName, isWorkerHost } from '../../src/bucket/identifiers.ts';

test('given names real buckets use, when checked, then they are job names', () => {
  for (const n of ['api', 'node_exporter', 'my-app', 'app.v2', 'Prometheus', '9lives']) assert.ok(isJobName(n), n);
});

test('given names with shell syntax, slashes, spaces or a leading dot or dash, when checked, then they are not job names', () => {
  for (const n of ['j$(id>f)', 'k`id>f`', 'a/b', '..', '.hidden', '-rf', 'a b', "o'k", 'x\ny', '']) assert.equal(isJobName(n), false, JSON.stringify(n));
});

test('given IPv4, IPv6 and DNS names, when checked, then they are worker hosts', () => {
  for (const h of ['10.0.0.1', 'fd00::3', '::1', 'worker-a.example', 'db_1.internal', 'localhost']) assert.ok(isWorkerHost(h), h);
});

test('given paths, shell syntax or malformed names, when checked, then they are not worker hosts', () => {
  for (const h of ['../../../tmp/x', 'a/b', '10.0.0.1/24', 'w;id', '$(id)', '-oProxyCommand=x', 'a..b', 'a b', '-a.example', 'a-.example', `${'a'.repeat(64)}.example`]) assert.equal(isWorkerHost(h), false, h);
});

test('given canonical UUIDs, when checked, then they are bucket ids; anything else is not', () => {
  assert.ok(isBucketId('11111111-2222-4333-8444-555555555555'));
  assert.ok(isBucketId('7D2C0B8E-0F3A-4C1B-9E2D-1A2B3C4D5E6F'));
  for (const id of ['b1', '../x', 'x;rm -rf /', '11111111-2222-4333-8444-55555555555', '']) assert.equal(isBucketId(id), false, id);
});
