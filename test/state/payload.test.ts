// Bundles crafted entry by entry: what the decoder accepts, and what it refuses before writing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { encodeHeader, type BundleHeader } from '../../src/state/bundle-format.ts';
import { newSealParams, seal } from '../../src/state/bundle-crypto.ts';
import { decodePayload, encodePayload, type BundleEntry } from '../../src/state/payload.ts';
import { isStateError, unpackState } from '../../src/state/index.ts';
import { KEY, tempDir } from './helpers/fixture.ts';
import { migrate } from '../../src/catalog/schema.ts';
import { writeGeneration } from '../../src/state/generation.ts';

const file = (path: string, data = 'x'): BundleEntry => ({ path, kind: 'file', mode: 0o600, data: Buffer.from(data) });

/** A correctly encrypted bundle around arbitrary entries. */
async function crafted(entries: BundleEntry[], bucketId = 'b'): Promise<string> {
  const header: BundleHeader = { generation: 1, bucketId, createdAt: '2030-01-01T00:00:00.000Z', cipher: 'aes-256-gcm', compression: 'deflate', ...newSealParams() };
  const aad = encodeHeader(header);
  const out = join(tempDir(), 'crafted.bundle');
  writeFileSync(out, Buffer.concat([aad, await seal(KEY, header, aad, deflateRawSync(encodePayload(entries)))]));
  return out;
}

test('entries come back sorted by path, whatever order they were given in', () => {
  const entries = [file('secrets/b'), { path: 'secrets', kind: 'dir' as const, mode: 0o700 }, file('data/maand.db'), file('secrets/a')];
  assert.deepEqual(decodePayload('f', encodePayload(entries)).map((e) => e.path), ['data/maand.db', 'secrets', 'secrets/a', 'secrets/b']);
});

test('the same entries always encode to the same bytes', () => {
  const entries = [file('secrets/a', 'one'), file('data/maand.db', 'two')];
  assert.deepEqual(encodePayload(entries), encodePayload([...entries].reverse()));
});

for (const path of ['workspace/jobs/a/Makefile', '../outside', 'secrets/../../etc/passwd', '/etc/passwd', 'secrets//x', 'data/other.db', 'secrets\\..\\x']) {
  test(`an entry at ${JSON.stringify(path)} is refused and nothing is written`, async () => {
    const bundle = await crafted([file('data/maand.db'), file(path)]);
    const dest = tempDir();
    await assert.rejects(unpackState(bundle, dest, { key: KEY }), (e: unknown) => isStateError(e, 'format') && e.message.includes('is outside data/maand.db and secrets/'));
    assert.deepEqual(readdirSync(dest), []);
  });
}

test('a payload with bytes after its last entry is refused as corrupted', () => {
  const bytes = Buffer.concat([encodePayload([file('data/maand.db')]), Buffer.from('junk')]);
  assert.throws(() => decodePayload('f', bytes), (e: unknown) => isStateError(e, 'format') && e.message === 'state bundle f: corrupted (bytes after the last entry); restore an intact bundle');
});

test('a bundle without a catalog is refused as corrupted', async () => {
  const bundle = await crafted([file('secrets/kv.key')]);
  await assert.rejects(unpackState(bundle, tempDir(), { key: KEY }), (e: unknown) => isStateError(e, 'format') && e.message.includes('corrupted (no data/maand.db entry)'));
});

test('a bundle whose catalog is not a SQLite database is refused before anything is moved into the bucket', async () => {
  const bundle = await crafted([file('data/maand.db', 'not sqlite at all, but long enough to look like a file'), file('secrets/kv.key')]);
  const dest = tempDir();
  await assert.rejects(unpackState(bundle, dest, { key: KEY }), (e: unknown) => isStateError(e, 'format') && e.message.includes('corrupted (catalog does not open'));
  assert.equal(existsSync(join(dest, 'data')), false);
  assert.equal(existsSync(join(dest, 'secrets')), false);
});

test('given a bundle whose catalog and header carry a bucket id that is not a UUID, when unpacking, then it is refused before anything is moved into the bucket', async () => {
  const forged = '../x;touch /tmp/pwned';
  const dbFile = join(tempDir(), 'maand.db');
  const db = new DatabaseSync(dbFile);
  migrate(db);
  db.prepare('INSERT INTO bucket (bucket_id, update_seq) VALUES (?, 0)').run(forged);
  writeGeneration(db, 1);
  db.close();
  const bundle = await crafted([{ path: 'data/maand.db', kind: 'file', mode: 0o600, data: readFileSync(dbFile) }], forged);
  const dest = tempDir();
  await assert.rejects(unpackState(bundle, dest, { key: KEY }), (e: unknown) => isStateError(e, 'format') && e.message.includes(`catalog bucket id ${JSON.stringify(forged)} is not a UUID`));
  assert.equal(existsSync(join(dest, 'data')), false);
});
