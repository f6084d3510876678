import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/catalog/db.ts';
import {
  allocationReadSet, canRead, canWrite, jobNamespaces, namespacesForAllocation, scrapeTemplateNamespaces, upstreamJobs,
  type WriteRequest,
} from '../../src/kv/index.ts';
import { tempDb } from './helpers.ts';

function allocation(db: Db, job: string, ip: string, state: { disabled?: boolean; removed?: boolean } = {}): void {
  db.prepare('INSERT INTO allocations (alloc_id, worker_ip, job, disabled, removed, deployment_seq, new_version) VALUES (?, ?, ?, ?, ?, 0, ?)').run(
    `alloc-${job}-${ip}`, ip, job, state.disabled ? 1 : 0, state.removed ? 1 : 0, '1.0.0',
  );
}

function command(db: Db, job: string, name: string, demandJob: string, event = 'post_deploy'): void {
  db.prepare("INSERT INTO job_commands (job_id, job, name, executed_on, demand_job, demand_command, demand_config) VALUES (?, ?, ?, ?, ?, '', '{}')").run(
    `id-${job}`, job, name, event, demandJob,
  );
}

test('the read set of an allocation is the 11 fixed namespaces plus the upstream triples, sorted', () => {
  assert.deepEqual(namespacesForAllocation({ job: 'vault', workerIp: '10.0.0.1', upstreamJobs: ['postgres'] }), [
    'maand/bucket',
    'maand/job/postgres',
    'maand/job/vault',
    'maand/job/vault/worker/10.0.0.1',
    'maand/prometheus',
    'maand/worker',
    'maand/worker/10.0.0.1',
    'maand/worker/10.0.0.1/tags',
    'secrets/job/postgres',
    'secrets/job/vault',
    'vars/bucket',
    'vars/bucket/job/vault',
    'vars/job/postgres',
    'vars/job/vault',
  ]);
});

test('given vault on two workers demanding postgres, the namespaces accessible for the job cover both workers and the upstream, not other jobs', () => {
  const db = tempDb();
  allocation(db, 'vault', '10.0.0.1');
  allocation(db, 'vault', '10.0.0.2');
  command(db, 'vault', 'command_init', 'postgres');
  const all = jobNamespaces(db, 'vault');
  for (const ns of [
    'maand/bucket', 'vars/bucket', 'maand/worker', 'maand/worker/10.0.0.1', 'maand/worker/10.0.0.2',
    'maand/worker/10.0.0.1/tags', 'vars/job/vault', 'secrets/job/vault', 'maand/job/vault/worker/10.0.0.1',
    'vars/job/postgres', 'secrets/job/postgres',
  ])
    assert.ok(all.includes(ns), ns);
  assert.equal(all.includes('vars/job/api'), false);
});

test('given demands of postgres twice and one empty demand, the upstream namespaces are the postgres triple once', () => {
  const db = tempDb();
  command(db, 'vault', 'command_a', 'postgres');
  command(db, 'vault', 'command_b', ' postgres ', 'pre_deploy');
  command(db, 'vault', 'command_c', '');
  assert.deepEqual(upstreamJobs(db, 'vault'), ['postgres']);
  const set = allocationReadSet(db, 'vault', '10.0.0.1');
  for (const ns of ['vars/job/postgres', 'secrets/job/postgres', 'maand/job/postgres']) assert.ok(set.includes(ns), ns);
  assert.equal(set.length, 14);
});

test('upstream jobs are distinct and sorted', () => {
  const db = tempDb();
  command(db, 'app', 'command_a', 'zookeeper');
  command(db, 'app', 'command_b', 'kafka');
  command(db, 'other', 'command_c', 'redis');
  assert.deepEqual(upstreamJobs(db, 'app'), ['kafka', 'zookeeper']);
});

test('given a demand, the per-allocation read set includes the upstream; without a database it still has the own vars', () => {
  const db = tempDb();
  command(db, 'vault', 'command_init', 'postgres');
  assert.ok(allocationReadSet(db, 'vault', '10.0.0.1').includes('vars/job/postgres'));
  const noDb = allocationReadSet(undefined, 'vault', '10.0.0.1');
  assert.ok(noDb.includes('vars/job/vault'));
  assert.equal(noDb.includes('vars/job/postgres'), false);
});

test('given an active and a removed allocation, only the active worker and allocation namespaces are accessible', () => {
  const db = tempDb();
  allocation(db, 'vault', '10.0.0.1');
  allocation(db, 'vault', '10.0.0.2', { removed: true });
  const all = jobNamespaces(db, 'vault');
  assert.ok(all.includes('maand/worker/10.0.0.1'));
  assert.ok(all.includes('maand/job/vault/worker/10.0.0.1'));
  assert.equal(all.includes('maand/worker/10.0.0.2'), false);
  assert.equal(all.includes('maand/job/vault/worker/10.0.0.2'), false);
});

test('given only a disabled allocation, the job vars and its allocation namespace stay accessible', () => {
  const db = tempDb();
  allocation(db, 'vault', '10.0.0.1', { disabled: true });
  const all = jobNamespaces(db, 'vault');
  assert.ok(all.includes('vars/job/vault'));
  assert.ok(all.includes('maand/job/vault/worker/10.0.0.1'));
});

test('read permission is exact: other workers, other allocations and other jobs are not readable', () => {
  const allowed = namespacesForAllocation({ job: 'api', workerIp: '10.0.0.1', upstreamJobs: [] });
  assert.equal(canRead(allowed, 'maand/worker/10.0.0.1'), true);
  assert.equal(canRead(new Set(allowed), 'maand/worker/10.0.0.2'), false);
  assert.equal(canRead(allowed, 'maand/job/api/worker/10.0.0.2'), false);
  assert.equal(canRead(allowed, 'vars/bucket/job/web'), false);
  assert.equal(canRead(allowed, 'maand/job/api/'), false);
});

test('the scrape template read set has no worker, allocation or prometheus namespaces', () => {
  assert.deepEqual(scrapeTemplateNamespaces('api', ['db']), [
    'maand/bucket', 'maand/job/api', 'maand/job/db', 'secrets/job/api', 'secrets/job/db', 'vars/bucket',
    'vars/bucket/job/api', 'vars/job/api', 'vars/job/db',
  ]);
});

const write = (r: Partial<WriteRequest>) => canWrite({ job: 'api', event: 'post_deploy', ns: 'vars/job/api', key: 'k', secret: false, ...r });

test('hooks may put and delete any key of their own vars namespace', () => {
  assert.equal(write({}), 'ok');
  assert.equal(write({ op: 'delete' }), 'ok');
  assert.equal(write({ ns: 'vars/job/web' }), 'forbidden-namespace');
});

test('rollout_order may be put only during pre_deploy or cli, never deleted', () => {
  const rollout = { ns: 'maand/job/api', key: 'rollout_order' };
  assert.equal(write({ ...rollout, event: 'pre_deploy' }), 'ok');
  assert.equal(write({ ...rollout, event: 'cli' }), 'ok');
  assert.equal(write({ ...rollout, event: 'post_deploy' }), 'forbidden-namespace');
  assert.equal(write({ ...rollout, event: 'cli', op: 'delete' }), 'forbidden-namespace');
  assert.equal(write({ ns: 'maand/job/api', key: 'workers', event: 'pre_deploy' }), 'forbidden-namespace');
});

test('secrets are written only through the secret endpoint into the own secrets namespace', () => {
  assert.equal(write({ ns: 'secrets/job/api', secret: true }), 'ok');
  assert.equal(write({ ns: 'secrets/job/api', secret: true, op: 'delete' }), 'ok');
  assert.equal(write({ ns: 'secrets/job/api' }), 'forbidden-namespace');
  assert.equal(write({ ns: 'secrets/job/api', op: 'delete' }), 'forbidden-namespace');
  assert.equal(write({ ns: 'vars/job/api', secret: true }), 'forbidden-namespace');
  assert.equal(write({ ns: 'secrets/job/web', secret: true }), 'forbidden-namespace');
});

test('during health_check writes are refused with the health-check verdict, rollout_order with the namespace verdict first', () => {
  assert.equal(write({ event: 'health_check' }), 'health-check-write');
  assert.equal(write({ event: 'health_check', ns: 'secrets/job/api', secret: true }), 'health-check-write');
  assert.equal(write({ event: 'health_check', ns: 'maand/job/api', key: 'rollout_order' }), 'forbidden-namespace');
  assert.equal(write({ event: 'health_check', ns: 'maand/bucket' }), 'forbidden-namespace');
});
