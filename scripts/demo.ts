#!/usr/bin/env node
// `npm run demo`: start three local SSH workers (127.0.60.1-3, private /opt/worker each), copy
// examples/demo into .demo/bucket, then with the bundled CLI: init, build, deploy, show the deployments,
// deploy again (nothing to do), and stop the workers.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWorkers } from '../test/harness/workers.ts';

const root = join(import.meta.dirname, '..');
const bucket = join(root, '.demo', 'bucket');
const cli = join(root, 'dist', 'cli', 'index.js');

function maand(...args: string[]): void {
  console.log(`\n$ maand ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: bucket, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`maand ${args.join(' ')} failed (exit ${r.status})`);
}

const setup = spawnSync('bash', [join(root, 'scripts', 'setup-host.sh')], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

console.log('starting 3 local workers (sshd on 127.0.60.1-3, each with its own /opt/worker)…');
const workers = await startWorkers({ count: 3, net: '127.0.60' });
let code = 0;
try {
  rmSync(bucket, { recursive: true, force: true });
  mkdirSync(bucket, { recursive: true });
  maand('init');
  cpSync(join(root, 'examples', 'demo', 'workspace'), join(bucket, 'workspace'), { recursive: true });
  writeFileSync(join(bucket, 'maand.conf'), "use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\ncerts_ttl = 60\n");
  copyFileSync(workers.clientKey, join(bucket, 'secrets', 'worker.key'));
  chmodSync(join(bucket, 'secrets', 'worker.key'), 0o600);
  copyFileSync(workers.knownHosts, join(bucket, 'secrets', 'known_hosts'));
  maand('build');
  maand('deploy', '--dry-run');
  maand('deploy', '--known-hosts', 'secrets/known_hosts');
  maand('cat', 'deployments');
  console.log('\nA second deploy finds nothing to do and opens no ssh connection:');
  maand('deploy', '--known-hosts', 'secrets/known_hosts');
  const api = spawnSync('curl', ['-s', 'http://127.0.60.1:31000/'], { encoding: 'utf8' });
  if (api.status === 0) console.log(`\n$ curl http://127.0.60.1:31000/\n${api.stdout}`);
  console.log(`\nThe demo bucket is in ${bucket}. The workers stop now; run 'npm run demo' again to repeat.`);
} catch (e) {
  console.error(`demo failed: ${(e as Error).message}`);
  code = 1;
} finally {
  await workers.stop();
}
process.exit(code);
