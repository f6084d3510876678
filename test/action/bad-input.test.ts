// Bad input stops the bundled action with one clear core.setFailed message before anything remote runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheService } from './cache-service.ts';
import { JobRun, type StepResult } from './runner.ts';
import { Checkout } from './workspace.ts';

let co: Checkout;
let cache: CacheService;
let runId = 900;
const runs: JobRun[] = [];
const deployInputs = { bucket: 'infra', 'state-backend': 'none', 'known-hosts': '127.0.57.250 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBAD', 'ssh-private-key': 'not-a-key' };

async function main(inputs: Record<string, string>): Promise<StepResult> {
  const r = new JobRun(runId++, { workspace: co.dir, env: cache.env() });
  runs.push(r);
  const { main: m, post } = await r.both(inputs);
  assert.equal(post.exitCode, 0, `the post step has nothing to do: ${post.stdout}`);
  return m;
}

before(async () => {
  cache = new CacheService();
  await cache.start();
  co = new Checkout();
  co.bucketFor(['127.0.57.250']);
  co.job('app', { version: '1.0.0', selectors: ['worker'] });
});

after(async () => {
  await cache.stop();
  for (const r of runs) r.cleanup();
  co.cleanup();
});

function failsWith(r: StepResult, message: string | RegExp): void {
  assert.equal(r.exitCode, 1, r.stdout);
  assert.equal(r.errors.length, 1, r.errors.join('\n'));
  if (typeof message === 'string') assert.equal(r.errors[0], message);
  else assert.match(r.errors[0]!, message);
}

test('an unknown command fails with the list of commands', async () => {
  failsWith(await main({ ...deployInputs, command: 'destroy' }), 'invalid argument: input command: "destroy" is not one of deploy, plan, drift, build, rollback');
});

test('an invalid state-backend fails with the list of backends', async () => {
  failsWith(await main({ ...deployInputs, 'state-backend': 's3' }), 'invalid argument: input state-backend: "s3" is not one of cache, artifact, branch, none');
});

test('a missing state-key with a cache backend fails: secrets are not stored unencrypted', async () => {
  failsWith(await main({ ...deployInputs, 'state-backend': 'cache' }), /^invalid argument: input state-key is required with state-backend cache/);
});

test('a deploy without known-hosts fails before any worker is contacted', async () => {
  failsWith(await main({ ...deployInputs, 'known-hosts': '' }), /^invalid argument: input known-hosts is required for command deploy/);
});

test('a bucket path that does not exist fails naming the input', async () => {
  failsWith(await main({ ...deployInputs, bucket: 'nope' }), 'invalid argument: input bucket: nope does not exist in the checkout; run actions/checkout first and set bucket: to the folder with maand.conf and workspace/');
});

test('a bucket path without a bucket in it fails naming the input, and writes a summary', async () => {
  const r = await main({ ...deployInputs, bucket: 'infra/workspace' });
  failsWith(r, 'invalid argument: input bucket: infra/workspace is not a maand bucket (no workspace/ folder); set bucket: to the folder with maand.conf and workspace/');
  assert.equal(r.summary, '## ❌ maand deploy failed\n\ninvalid argument: input bucket: infra/workspace is not a maand bucket (no workspace/ folder); set bucket: to the folder with maand.conf and workspace/\n');
  assert.ok(!existsSync(join(co.bucket, 'workspace', 'data')), 'nothing was initialised');
});

test('an unknown job name fails before anything is deployed', async () => {
  const r = await main({ ...deployInputs, command: 'plan', jobs: 'nope' });
  failsWith(r, /^invalid argument: unknown job nope in the job selection \(known: app\); nothing was deployed/);
});

const KEY = 'bad input state key';
let build = { command: 'build', bucket: 'infra', 'state-key': KEY, 'state-name': 'bad' };
let named = 0;

/** Saves a new state (a build run under a fresh state-name), then hands its cache entry to `tamper`. */
async function savedThen(tamper: (data: Buffer) => Buffer): Promise<void> {
  build = { ...build, 'state-name': `bad${++named}` };
  co.forgetState();
  const r = new JobRun(runId++, { workspace: co.dir, env: cache.env() });
  runs.push(r);
  const { main: m, post } = await r.both(build);
  assert.equal(m.exitCode, 0, m.stdout);
  assert.equal(post.exitCode, 0, post.stdout);
  cache.replaceNewestData(tamper(cache.newestData()));
  co.forgetState();
}

test('a corrupted state bundle fails the run before anything is built or contacted', async () => {
  // The cache entry is a tar.zst of the bundle: rewrite it with the bundle's body flipped.
  await savedThen((data) => reTar(data, (bundle) => {
    bundle[bundle.length - 20]! ^= 0xff;
    return bundle;
  }));
  failsWith(await main({ ...build, command: 'deploy', ...deployInputs, 'state-backend': 'cache' }), /^state bundle .*: wrong state-key or corrupted \(authentication failed\)/);
});

test('a cache entry that is not a maand state bundle fails the run naming the bundle', async () => {
  await savedThen((data) => reTar(data, () => Buffer.from('{"not":"a bundle"}\n')));
  failsWith(await main({ ...build, ...deployInputs, command: 'deploy', 'state-backend': 'cache' }), /^state bundle .*: not a maand state bundle \(no MAANDSTB magic\); check the backend holds maand state$/);
});

test('a saved bundle of another bucket is refused over the bucket folder\'s own catalog', async () => {
  await savedThen((data) => data);
  // the bucket folder has its own catalog (e.g. a self-hosted runner): another bucket id
  const local = new JobRun(runId++, { workspace: co.dir });
  runs.push(local);
  const init = await local.main({ command: 'build', bucket: 'infra', 'state-backend': 'none' });
  assert.equal(init.exitCode, 0, init.stdout);
  failsWith(await main({ ...build }), /belongs to bucket .*, but the catalog .* is bucket .*; refusing to replace another bucket's catalog/);
});

/** Unpacks a cache entry (tar + zstd or gzip), rewrites the one bundle file in it, packs it again. */
function reTar(entry: Buffer, rewrite: (bundle: Buffer) => Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'maand-retar-'));
  try {
    writeFileSync(join(dir, 'in.tzst'), entry);
    // zstd when the runner has it (as GitHub's do), else gzip: @actions/cache picks the same way
    const codec = entry[0] === 0x1f && entry[1] === 0x8b ? 'gzip' : 'zstd';
    execFileSync('sh', ['-c', `mkdir x && ${codec} -dq -c in.tzst | tar -x -C x`], { cwd: dir });
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const [bundle] = walk(join(dir, 'x')).filter((f) => f.endsWith('.bundle'));
    writeFileSync(bundle!, rewrite(readFileSync(bundle!)));
    execFileSync('sh', ['-c', `tar -c -C x . | ${codec} -q -c > out.tzst`], { cwd: dir });
    return readFileSync(join(dir, 'out.tzst'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a cache service that fails the lookup stops the run instead of starting a new bucket', async () => {
  cache.service.failCacheLookups = 400; // not retried (a 5xx is retried for a minute)
  try {
    co.forgetState();
    const r = await main({ command: 'build', bucket: 'infra', 'state-key': KEY, 'state-name': 'lookup' });
    assert.equal(r.exitCode, 1, r.stdout);
    assert.match(r.errors[0] ?? '', /^state cache maand-state-lookup-\*: restore failed/);
  } finally {
    cache.service.failCacheLookups = undefined;
  }
});

test('of two runs that restored the same state, the later save fails loudly instead of overwriting the first', async () => {
  await savedThen((data) => data); // generation 1 under a fresh state-name
  const other = new Checkout(mkdtempSync(join(tmpdir(), 'maand-action-ws2-'))); // a second runner's checkout
  cpSync(co.dir, other.dir, { recursive: true });
  const a = new JobRun(runId++, { workspace: co.dir, env: cache.env() });
  const b = new JobRun(runId++, { workspace: other.dir, env: cache.env() });
  runs.push(a, b);
  assert.equal((await a.main(build)).exitCode, 0);
  assert.equal((await b.main(build)).exitCode, 0);
  const first = await a.post(build);
  assert.equal(first.exitCode, 0, first.stdout);
  assert.match(first.stdout, /state: saved generation 2 of bucket/);
  const second = await b.post(build);
  assert.equal(second.exitCode, 1, second.stdout);
  assert.equal(second.errors.length, 1);
  assert.match(second.errors[0]!, /^state not saved: state cache maand-state-bad\d+-\d+-1 moved: another run saved generation 2 first \(this run started from generation 1\); re-run this workflow$/);
  other.cleanup();
});
