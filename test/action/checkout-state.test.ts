// What the bundled action leaves in the runner's checkout: after the post step no decrypted catalog or
// secrets (they are in the backend, encrypted), unless the save failed or state-backend is none; and a
// plan never has an SSH key in the bucket, also when the restored state carries one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheService } from './cache-service.ts';
import { JobRun } from './runner.ts';
import { Checkout } from './workspace.ts';

let cache: CacheService;
let runId = 1500;
const runs: JobRun[] = [];
const checkouts: Checkout[] = [];
const KEY = 'checkout state test key';
const SSH_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n';
const IPS = ['127.0.70.201', '127.0.70.202'];

function run(co: Checkout, eventName = 'push'): JobRun {
  const r = new JobRun(runId++, { workspace: co.dir, eventName, env: cache.env() });
  runs.push(r);
  return r;
}

/** A checkout of a bucket with one job (fresh runner: no data/ or secrets/). */
function checkout(files: Record<string, string> = {}): Checkout {
  const co = new Checkout();
  checkouts.push(co);
  co.bucketFor(IPS);
  co.job('app', { version: '1.0.0', selectors: ['worker'] });
  co.write(files);
  return co;
}

const decrypted = (co: Checkout): string[] => ['data', 'secrets', 'tmp'].filter((d) => existsSync(join(co.bucket, d)));

before(async () => {
  cache = new CacheService();
  await cache.start();
});

after(async () => {
  await cache.stop();
  for (const r of runs) r.cleanup();
  for (const co of checkouts) co.cleanup();
});

test('given a build with the cache backend, when the post step has saved the state, then the checkout holds no decrypted data/ or secrets/ and the next run restores them', async () => {
  const co = checkout();
  const { main, post } = await run(co).both({ command: 'build', bucket: 'infra', 'state-name': 'clean', 'state-key': KEY });
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  assert.match(post.stdout, /state: saved generation 1 of bucket/);
  assert.match(post.stdout, /state: removed the decrypted data\/, secrets\/ from .*\/infra \(the backend holds them encrypted\)/);
  assert.deepEqual(decrypted(co), []);
  const next = await run(co).both({ command: 'build', bucket: 'infra', 'state-name': 'clean', 'state-key': KEY });
  assert.equal(next.main.exitCode, 0, next.main.stdout);
  assert.match(next.main.stdout, /state: restored generation 1 of bucket/);
  assert.deepEqual(decrypted(co), []);
});

test('given state-backend none, when the post step ran, then the bucket folder keeps data/ and secrets/ (they live there)', async () => {
  const co = checkout();
  const { main, post } = await run(co).both({ command: 'build', bucket: 'infra', 'state-backend': 'none' });
  assert.equal(main.exitCode, 0, main.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  assert.ok(existsSync(join(co.bucket, 'data', 'maand.db')));
  assert.ok(existsSync(join(co.bucket, 'secrets', 'kv.key')));
  assert.doesNotMatch(post.stdout, /removed the decrypted/);
});

test('given another run saved in between, when the post step\'s save is refused, then the step fails and the decrypted state stays (nothing is lost)', async () => {
  const a = checkout();
  const inputs = { command: 'build', bucket: 'infra', 'state-name': 'race', 'state-key': KEY };
  const first = await run(a).both(inputs);
  assert.equal(first.post.exitCode, 0, first.post.stdout);
  const b = new Checkout(mkdtempSync(join(tmpdir(), 'maand-action-ws-')));
  checkouts.push(b);
  cpSync(a.dir, b.dir, { recursive: true });

  const slow = run(a);
  assert.equal((await slow.main(inputs)).exitCode, 0);
  const fast = await run(b).both(inputs);
  assert.equal(fast.post.exitCode, 0, fast.post.stdout);
  const post = await slow.post(inputs);
  assert.equal(post.exitCode, 1, post.stdout);
  assert.match(post.stdout, /::error::state not saved: .*generation/);
  assert.ok(existsSync(join(a.bucket, 'data', 'maand.db')), 'the catalog stays');
  assert.ok(existsSync(join(a.bucket, 'secrets', 'ca.key')), 'the secrets stay');
});

test('given a catalog the bucket folder held before a run that restored nothing, when the run fails, then the post step leaves it alone', async () => {
  const co = checkout();
  const local = await run(co).both({ command: 'build', bucket: 'infra', 'state-backend': 'none' });
  assert.equal(local.main.exitCode, 0, local.main.stdout);
  co.write({ 'workspace/jobs/app/manifest.json': '{ not json' });
  const { main, post } = await run(co).both({ command: 'plan', bucket: 'infra', 'state-name': 'nothing-saved', 'state-key': KEY });
  assert.equal(main.exitCode, 1, main.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  assert.ok(existsSync(join(co.bucket, 'data', 'maand.db')));
  assert.ok(existsSync(join(co.bucket, 'secrets', 'kv.key')));
});

test('given a saved state carrying secrets/worker.key, when a pull request plans, then no pre_deploy hook finds an SSH key in the bucket, and none is left after the post step', async () => {
  const found = mkdtempSync(join(tmpdir(), 'maand-hook-found-'));
  try {
    const co = checkout({ 'secrets/worker.key': SSH_KEY });
    const inputs = { bucket: 'infra', 'state-name': 'pr', 'state-key': KEY };
    const saved = await run(co).both({ ...inputs, command: 'build' });
    assert.equal(saved.post.exitCode, 0, saved.post.stdout);
    assert.deepEqual(decrypted(co), []);

    const hook = [
      'import os',
      `secrets = ${JSON.stringify(join(co.bucket, 'secrets'))}`,
      `out = ${JSON.stringify(join(found, 'seen'))}`,
      "names = sorted(os.listdir(secrets)) if os.path.isdir(secrets) else []",
      "keys = [n for n in names if 'PRIVATE KEY' in open(os.path.join(secrets, n), errors='replace').read() and n not in ('ca.key',)]",
      "open(out, 'a').write(' '.join(names) + '|' + ' '.join(keys) + '\\n')",
      '',
    ].join('\n');
    co.job('app', { version: '1.0.0', selectors: ['worker'], commands: { command_pre: { executed_on: ['pre_deploy'] } } }, { '_modules/command_pre.py': hook });
    const { main, post } = await run(co, 'pull_request').both({ ...inputs, command: 'plan', comment: 'false' });
    assert.equal(main.exitCode, 0, main.stdout + main.stderr);
    assert.match(main.stdout, /plan: removed secrets\/worker\.key of the restored state: a plan runs pull request code and has no SSH key/);
    assert.ok(main.masks.includes(SSH_KEY.split('\n')[1]!), 'the key in the state is still masked');
    const seen = readFileSync(join(found, 'seen'), 'utf8').trim().split('\n');
    assert.ok(seen.length >= 1, 'the hook ran');
    for (const line of seen) assert.equal(line, 'ca.crt ca.key kv.key|', 'the hook saw the CA and KV keys only');
    assert.equal(post.exitCode, 0, post.stdout);
    assert.deepEqual(decrypted(co), []);
    assert.deepEqual(readdirSync(co.bucket).sort(), ['logs', 'maand.conf', 'workspace']);
  } finally {
    rmSync(found, { recursive: true, force: true });
  }
});
