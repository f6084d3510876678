// Certificate private keys are stored encrypted in KV: `maand cat kv` never shows them, `cat kv get`
// only with --reveal, the catalog file holds no key in clear, and a bucket whose keys an older maand
// stored in plaintext is migrated by the next build without changing what is staged (the plan hash).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bucketRow } from '../../src/catalog/queries.ts';
import { stageActive } from '../../src/deploy/staging.ts';
import { jobAllocations } from '../../src/deploy/alloc-state.ts';
import { isEncrypted, KvStore, loadKvKey } from '../../src/kv/index.ts';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');
const IP = '10.0.0.1';
const NS = `maand/job/api/worker/${IP}`;

function maand(root: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, MAAND_QUIET: '' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function certBucket(b: TestBucket): Promise<void> {
  b.workers([{ host: IP }]);
  b.job('api', { version: '1.0.0', selectors: ['worker'], certs: { tls: { pkcs8: true, subject: { common_name: 'api' } } } }, {
    'key-copy.pem.tpl': '{{ get "maand/job/api/worker/10.0.0.1" "certs/tls.key" }}\n',
  });
  await b.build();
}

/** The base64 lines of a PEM (what would show if the key leaked anywhere). */
const bodyLines = (pem: string): string[] => pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));

/** The plan hash and the staged files of the api allocation. */
function staged(b: TestBucket): { hash: string; key: string; copy: string } {
  return b.query((db) => {
    const kv = KvStore.load(db, { key: () => loadKvKey(b.root) });
    const worker = db.prepare('SELECT worker_id FROM worker WHERE worker_ip = ?').get(IP) as { worker_id: string };
    const [alloc] = jobAllocations(db, 'api');
    const trees = stageActive(db, kv, new Map([[IP, { workerId: worker.worker_id, labels: [] }]]), bucketRow(db).bucket_id, 1, 'api', [alloc!]);
    const t = trees.get(alloc!.allocId)!;
    const text = (rel: string): string => Buffer.from(t.tree.files.get(rel)!.data).toString('utf8');
    return { hash: t.hash, key: text('certs/tls.key'), copy: text('key-copy.pem') };
  });
}

test('given a built job with a certificate, then its private key is stored encrypted and staged, and templates read it, in clear', () =>
  withBucket(async (b) => {
    await certBucket(b);
    assert.ok(isEncrypted(b.kvGet(NS, 'certs/tls.key')!));
    const pem = b.kvPlain(NS, 'certs/tls.key')!;
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);
    const s = staged(b);
    assert.equal(s.key, pem);
    assert.equal(s.copy, `${pem}\n`);
  }));

test('given a built job with a certificate, when the KV is shown, then the key\'s body appears only with --reveal, and nowhere in the catalog file', () =>
  withBucket(async (b) => {
    await certBucket(b);
    const body = bodyLines(b.kvPlain(NS, 'certs/tls.key')!);
    const list = maand(b.root, 'cat', 'kv');
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /certs\/tls\.key/);
    const get = maand(b.root, 'cat', 'kv', 'get', NS, 'certs/tls.key');
    assert.equal(get.status, 0, get.stderr);
    assert.equal(get.stdout.trim(), '[encrypted]');
    for (const line of body) {
      assert.ok(!list.stdout.includes(line), 'cat kv shows no line of the key');
      assert.ok(!b.dbBytes().includes(Buffer.from(line)), 'the catalog file holds no line of the key');
    }
    const reveal = maand(b.root, 'cat', 'kv', 'get', NS, 'certs/tls.key', '--reveal');
    assert.equal(reveal.status, 0, reveal.stderr);
    assert.ok(reveal.stdout.includes(body[0]!), 'with --reveal the key is shown');
  }));

test('given keys an older maand stored in plaintext, when the bucket is built, then they are re-stored encrypted as one new version, the plaintext history is gone, and the plan hash is unchanged', () =>
  withBucket(async (b) => {
    await certBucket(b);
    const pem = b.kvPlain(NS, 'certs/tls.key')!;
    // What an older maand left: two plaintext versions of the key.
    b.query((db) => {
      db.prepare("DELETE FROM key_value WHERE namespace = ? AND key = 'certs/tls.key'").run(NS);
      const insert = db.prepare("INSERT INTO key_value (key, value, namespace, version, ttl, created_date, deleted) VALUES ('certs/tls.key', ?, ?, ?, '0', '1', 0)");
      insert.run(`${pem}-old`, NS, 1);
      insert.run(pem, NS, 2);
    });
    const before = staged(b);
    assert.equal(before.key, pem, 'an unmigrated key still stages');

    await b.build();
    assert.ok(isEncrypted(b.kvGet(NS, 'certs/tls.key')!));
    assert.equal(b.kvVersion(NS, 'certs/tls.key'), 3);
    assert.deepEqual(b.rows("SELECT version FROM key_value WHERE namespace = ? AND key = 'certs/tls.key' ORDER BY version", NS), [{ version: 3 }]);
    for (const line of bodyLines(pem)) assert.ok(!b.dbBytes().includes(Buffer.from(line)), 'no line of the key is left in clear');
    assert.deepEqual(staged(b), before, 'the same bytes are staged: the plan hash does not change');

    await b.build();
    assert.equal(b.kvVersion(NS, 'certs/tls.key'), 3, 'the next build writes no new version');
  }));
